"""Starting points for trainers: a new course project, a new lesson, a new quiz."""
from __future__ import annotations

import shutil
from pathlib import Path

from .project import Project
from .schema import SLUG_PATTERN

SCAFFOLD = Path(__file__).parent / "scaffold"


class ScaffoldError(Exception):
    """A scaffold could not be written; the message says why, in a trainer's words."""


def init_project(directory: Path) -> list[Path]:
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new folder")
    source = SCAFFOLD / "project"
    shutil.copytree(source, directory, dirs_exist_ok=True)
    return sorted(p for p in directory.rglob("*") if p.is_file())


def new_lesson(project: Project, lesson_id: str, title: str | None) -> Path:
    return _write(project.content_path / f"{_checked(lesson_id)}.yml", "lesson.yml", lesson_id,
                  title or _title_from(lesson_id))


def new_quiz(project: Project, quiz_id: str, title: str | None) -> Path:
    return _write(project.quizzes_path / f"{_checked(quiz_id)}.yml", "quiz.yml", quiz_id,
                  title or "Check your understanding")


def _checked(identifier: str) -> str:
    if not SLUG_PATTERN.match(identifier):
        raise ScaffoldError(f"'{identifier}' is not a valid id: use lowercase letters, digits and hyphens")
    return identifier


def _title_from(identifier: str) -> str:
    return identifier.replace("-", " ").capitalize()


def _write(path: Path, template: str, identifier: str, title: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path.name} already exists in {path.parent.name}/; choose another id")
    text = (SCAFFOLD / template).read_text(encoding="utf-8")
    safe_title = title.replace('"', "'")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("{id}", identifier).replace("{title}", f'"{safe_title}"'), encoding="utf-8")
    return path
