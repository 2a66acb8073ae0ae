"""Course projects for tests: the sample course written in code, fixture courses, and their validation,
always through the real configuration path (MkDocs' config machinery, builder/site/config.py)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from builder.site.config import load_configuration, project_from_options
from builder.source.diagnostics import Diagnostic
from builder.source.model import Course
from builder.source.project import CONFIG_FILE, Project
from builder.source.validate import validate_project

COURSE = """\
title: Test course
description: For tests.
pass_mark: 70
lessons: [one, two]
final_quiz: final
"""
ONE = """\
id: one
title: Lesson one
summary: The first.
duration_minutes: 5
objectives:
  - id: spot
    text: Spot the thing.
  - id: say
    text: Say the word.
sections:
  - title: Start
    body: Hello.
quiz: one-check
"""
TWO = """\
id: two
title: Lesson two
summary: The second.
duration_minutes: 5
objectives:
  - id: order
    text: Put things in order.
sections:
  - title: Start
    kind: tip
    body: Hello.
"""
ONE_CHECK = """\
id: one-check
title: Check one
questions:
  - id: q1
    type: single
    objective: spot
    prompt: Which?
    options:
      - text: This
        correct: true
      - text: That
  - id: q2
    type: short_text
    objective: say
    prompt: Say it.
    accept: [word]
"""
FINAL = """\
id: final
title: Final
pass_mark: 90
questions:
  - id: f1
    type: true_false
    objective: one/spot
    prompt: True?
    answer: yes
  - id: f2
    type: ordering
    objective: two/order
    prompt: Order them.
    items: [A, B, C]
  - id: f3
    type: matching
    objective: two/order
    prompt: Match.
    pairs:
      - {left: a, right: "1"}
      - {left: b, right: "2"}
"""
FILES = {
    "content/course.yml": COURSE,
    "content/one.yml": ONE,
    "content/two.yml": TWO,
    "quizzes/one-check.yml": ONE_CHECK,
    "quizzes/final.yml": FINAL,
}


def file_name(key: str) -> str:
    """A keyword argument's name as a project file: quizzes__one_check -> quizzes/one-check.yml."""
    return key.replace("__", "/").replace("_", "-") + ".yml"


@functools.cache
def _configured(config_file: Path, mtime: int) -> Project:
    return load_configuration(config_file, "test").project


def project_at(root: Path, **options: Any) -> Project:
    """The project at `root`: configured by its mkdocs.yml when it has one, else by `options` as mkdocs.yml
    would give them (`allow_embeds_from=[...]`), defaults for the rest."""
    config = root / CONFIG_FILE
    if config.is_file() and not options:
        return _configured(config.resolve(), config.stat().st_mtime_ns)
    return project_from_options(root.resolve() if not root.is_absolute() else root, options)


def write_project(root: Path, files: dict[str, str | None], **options: Any) -> Project:
    """Write each file (by path from `root`) that has text; None leaves it out."""
    for name, text in files.items():
        if text is not None:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return project_at(root, **options)


def make_project(tmp_path: Path, **overrides: str | None) -> Project:
    """Write the valid test course, replacing files given as name=text (None deletes the file)."""
    return write_project(tmp_path, {**FILES, **{file_name(key): text for key, text in overrides.items()}})


def load(project: Project) -> tuple[Course | None, list[Diagnostic]]:
    """The course (None when it has errors) and every diagnostic."""
    validation = validate_project(project)
    return validation.course, validation.diagnostics


def valid_course(project: Project) -> Course:
    """The project's course, which must have no problem at all."""
    course, problems = load(project)
    assert course is not None and problems == [], [str(p) for p in problems]
    return course
