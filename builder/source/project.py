"""A course project: where its sources are, and the course plugin's options from mkdocs.yml.

One `Project` is made per run from mkdocs.yml, through MkDocs' own config machinery
(builder/site/config.py), and handed to every command, the plugin and the exporters: nothing else
reads mkdocs.yml, and the options' defaults are written once, in the plugin's option list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

COURSE_FILE = "course.yml"
CONFIG_FILE = "mkdocs.yml"
"""Where the `course` command looks for the project's configuration."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    root: Path
    content_dir: str
    """Folder, relative to `root`, holding course.yml and one YAML file per lesson."""
    quizzes_dir: str
    """Folder, relative to `root`, holding one YAML file per quiz or role-play."""
    allowed_embed_hosts: tuple[str, ...]
    """Hosts whose https video embeds course text may hold."""
    check_levels: tuple[tuple[str, str], ...]
    """(check code, warn | info | ignore) pairs for `course check`; codes not listed warn."""
    max_reading_grade: float
    words_per_minute: int
    brand: Any = None
    """The `brand:` option as mkdocs.yml wrote it (checked, with its places, by source/brand.py), or None."""

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def quizzes_path(self) -> Path:
        return self.root / self.quizzes_dir

    @property
    def locales_path(self) -> Path:
        """A project's own interface catalogues: locales/<language>.po beside mkdocs.yml."""
        return self.root / "locales"

    @property
    def course_file(self) -> Path:
        return self.content_path / COURSE_FILE

    def check_level(self, code: str) -> str:
        return dict(self.check_levels).get(code, "warn")

    def display(self, path: Path) -> str:
        """A path as trainers see it in messages: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def lesson_files(self) -> list[Path]:
        return [p for p in _yaml_files(self.content_path) if p.name != COURSE_FILE]

    def quiz_files(self) -> list[Path]:
        return _yaml_files(self.quizzes_path)

    def source_dirs(self) -> list[Path]:
        return [self.content_path, self.quizzes_path]


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
