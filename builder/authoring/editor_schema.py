"""JSON Schema documents for editors, generated from the course format (builder/format.py).

Editors with the YAML language server (VS Code's YAML extension, and others) read the
`# yaml-language-server: $schema=...` line at the top of a file and then offer completion,
show each key's description on hover and underline mistakes while the trainer types.

The schemas are draft-07, the draft those editors support best. They come from the same
`Field` definitions the validator uses (each kind's `json_schema()`), plus the few rules
across values that validate.py checks and JSON Schema can also express (`_CROSS_VALUE_RULES`).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..source import course_format as fmt
from ..source.schema import Record

DRAFT = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schemas"
"""Where `course init` puts the schemas in a project, beside mkdocs.yml (never in content/,
which MkDocs would publish)."""


def _schema_id(name: str) -> str:
    return f"urn:course-builder:schema:{name}"


DOCUMENTS: dict[str, tuple[Record, str, str]] = {
    "course": (fmt.COURSE, "Course (content/course.yml)",
               "The course: its title, description, pass mark and the lessons in order."),
    "lesson": (fmt.LESSON, "Lesson (content/<lesson-id>.yml)",
               "One lesson: objectives, sections of Markdown text, key points and the id of its quiz."),
    "quiz": (fmt.QUIZ, "Quiz or role-play (quizzes/<id>.yml)",
             "A quiz: questions of six types, each assessing one objective of its lesson. With `kind: scenario`, "
             "a branching role-play whose choices score caring, competency and integrity."),
}
"""Which record each schema file describes, with its title and description."""


def file_name(kind: str) -> str:
    """The schema file of a kind of source file: course, lesson or quiz."""
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema document for one kind of source file."""
    record, title, description = DOCUMENTS[kind]
    body = record.json_schema()
    if kind == "quiz":
        _add_cross_value_rules(body["properties"]["questions"]["items"])
        # One schema for every file in quizzes/: `kind: scenario` switches to the role-play format.
        body = {"if": {"type": "object", "properties": {"kind": {"const": "scenario"}}, "required": ["kind"]},
                "then": _scenario_schema(), "else": body}
    return {"$schema": DRAFT, "$id": _schema_id(file_name(kind)), "title": title, "description": description,
            **body}


_AT_LEAST_ONE_CORRECT = {"contains": {"type": "object", "properties": {"correct": {"const": True}},
                                      "required": ["correct"]}}

_CROSS_VALUE_RULES: dict[str, dict[str, dict[str, Any]]] = {
    # validate.py: a single-choice question needs exactly one correct option, a multiple-choice
    # question at least one; JSON Schema draft-07 can say "at least one" (not "exactly one").
    "single": {"options": _AT_LEAST_ONE_CORRECT},
    "multiple": {"options": _AT_LEAST_ONE_CORRECT},
    # validate.py: the same item twice in an ordering question.
    "ordering": {"items": {"uniqueItems": True}},
}


def _scenario_schema() -> dict[str, Any]:
    """The role-play format with the rules across values that draft-07 can say: each dimension
    once, and a node is either an ending (`end: true`, no choices) or has at least two choices.
    Rules that follow `next` from node to node (targets, reachability, loops) only validate.py checks."""
    schema = fmt.SCENARIO.json_schema()
    schema["properties"]["dimensions"]["uniqueItems"] = True
    node = schema["properties"]["nodes"]["additionalProperties"]
    node["if"] = {"properties": {"end": {"const": True}}, "required": ["end"]}
    node["then"] = {"not": {"required": ["choices"]}}
    node["else"] = {"required": ["choices"], "properties": {"choices": {**node["properties"]["choices"],
                                                                        "minItems": 2}}}
    return schema


def _add_cross_value_rules(question: dict[str, Any]) -> None:
    for branch in question["allOf"]:
        variant = branch["if"]["properties"]["type"]["const"]
        for name, rule in _CROSS_VALUE_RULES.get(variant, {}).items():
            branch["then"]["properties"][name].update(rule)


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
