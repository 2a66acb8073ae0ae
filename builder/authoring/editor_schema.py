"""JSON Schema documents for editors, generated from the course format (builder/source/course_format.py).

Editors with the YAML language server (VS Code's YAML extension, and others) read the
`# yaml-language-server: $schema=...` line at the top of a file and then offer completion,
show each key's description on hover and underline mistakes while the trainer types.

The schemas are draft-07, the draft those editors support best. They come from the same
definitions the validator uses (each kind's `json_schema()`), including the few rules across values
that JSON Schema can also express, which the format declares on its kinds (`json_extra`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..source import course_format as fmt
from ..source.schema import Kind

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schemas"
"""Where `course init` puts the schemas in a project, beside mkdocs.yml (never in content/,
which MkDocs would publish)."""


def _schema_id(name: str) -> str:
    return f"urn:course-builder:schema:{name}"


DOCUMENTS: dict[str, tuple[Kind, str, str]] = {
    "course": (
        fmt.COURSE,
        "Course (content/course.yml)",
        "The course: its title, description, pass mark and the lessons in order.",
    ),
    "lesson": (
        fmt.LESSON,
        "Lesson (content/<lesson-id>.yml)",
        "One lesson: objectives, sections of Markdown text, key points and the id of its quiz.",
    ),
    "quiz": (
        fmt.QUIZ_FILE,
        "Quiz or role-play (quizzes/<id>.yml)",
        "A quiz: questions of six types, each assessing one objective of its lesson. With `kind: scenario`, "
        "a branching role-play whose choices score caring, competency and integrity.",
    ),
}
"""Which record each schema file describes, with its title and description."""


def file_name(kind: str) -> str:
    """The schema file of a kind of source file: course, lesson or quiz."""
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema document for one kind of source file."""
    record, title, description = DOCUMENTS[kind]
    return {
        "$schema": DRAFT,
        "$id": _schema_id(file_name(kind)),
        "title": title,
        "description": description,
        **record.json_schema(),
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write course.schema.json, lesson.schema.json and quiz.schema.json into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in DOCUMENTS:
        path = directory / file_name(kind)
        path.write_text(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def modeline(source_file: Path, schema_dir: Path, kind: str) -> str:
    """The first line that links a YAML file to its schema, with a path relative to the file."""
    relative = Path(os.path.relpath(schema_dir / file_name(kind), source_file.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"
