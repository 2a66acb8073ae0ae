"""Options of the `course` MkDocs plugin (in mkdocs.yml under `plugins: - course:`)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CoursePluginConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder, relative to mkdocs.yml, holding course.yml and one YAML file per lesson."""

    quizzes_dir = c.Type(str, default="quizzes")
    """Folder, relative to mkdocs.yml, holding one YAML file per quiz."""
