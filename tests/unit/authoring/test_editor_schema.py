"""The editor schemas (builder/jsonschema.py) and the validator agree on a corpus of files.

Each file is judged twice: by the validator's checks of one file (the format in builder/format.py
plus validate.py's rules inside a file) and by the `jsonschema` package against the generated
JSON Schema, on the data the builder's YAML loader reads. Valid files must pass both, invalid
files must fail both, and the few known differences (tests/fixtures/schema/known-differences,
each file saying why in its first line) must stay exactly as documented.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from builder.authoring.editor_schema import DOCUMENTS, json_schema, modeline, write_schemas
from builder.source import course_format as fmt
from builder.source.loader import load_document
from builder.source.questions import QUESTION_TYPES
from builder.source.validate import check_file
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import project_at

CORPUS = REPO / "tests" / "fixtures" / "schema"
KINDS = ("course", "lesson", "quiz")


def kind_of(file: Path) -> str:
    if file.parent.name in KINDS:
        return file.parent.name
    if file.name == "course.yml":
        return "course"
    return "quiz" if file.parent.name == "quizzes" else "lesson"


def validator_problems(file: Path, kind: str) -> list[str]:
    """What the validator says about one file on its own (references to other files aside)."""
    return [str(p) for p in check_file(file, file.name, kind).checker.problems]


def as_json(value: Any) -> Any:
    """The loaded YAML as JSON data: dates (a YAML 1.1 type) are text to the editor."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def schema_problems(file: Path, kind: str) -> list[str]:
    doc, problems = load_document(file, file.name)
    assert doc is not None, problems
    validator = jsonschema.Draft7Validator(json_schema(kind))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_json(doc.data))]


def corpus(folder: str) -> list[Path]:
    return sorted((CORPUS / folder).rglob("*.yml"))


def project_files() -> list[Path]:
    """Every source file of the bundled course, of `course init`'s project and of the fixture courses that
    validate."""
    roots = [
        REPO,
        REPO / "builder" / "authoring" / "scaffold_files" / "project",
        *(FIXTURES / name for name in ("minimal", "full", "gift-special", "checks-all")),
    ]
    return [
        file
        for root in roots
        for file in sorted([*(root / "content").glob("*.yml"), *(root / "quizzes").glob("*.yml")])
    ]


VALID = corpus("valid") + project_files()
INVALID = corpus("invalid")


def test_jsonschema_corpus_is_not_trivially_small():
    assert len(corpus("valid")) >= 10 and len(INVALID) >= 50
    assert {kind_of(f) for f in VALID} == {kind_of(f) for f in INVALID} == set(KINDS)


@pytest.mark.parametrize("file", VALID, ids=lambda f: f.relative_to(REPO).as_posix())
def test_jsonschema_valid_file_passes_schema_and_validator(file: Path):
    kind = kind_of(file)
    assert validator_problems(file, kind) == []
    assert schema_problems(file, kind) == []


@pytest.mark.parametrize("file", INVALID, ids=lambda f: f.relative_to(CORPUS).as_posix())
def test_jsonschema_invalid_file_fails_schema_and_validator(file: Path):
    kind = kind_of(file)
    assert validator_problems(file, kind) != [], "the validator accepts it"
    assert schema_problems(file, kind) != [], "the schema accepts it"


@pytest.mark.parametrize("file", corpus("known-differences/validator-only"), ids=lambda f: f.name)
def test_jsonschema_known_difference_only_the_validator_refuses(file: Path):
    assert file.read_text().startswith("# "), "say why in the first line"
    kind = kind_of(file)
    assert validator_problems(file, kind) != []
    if file.name == "duplicate-key.yml":
        return  # the loader refuses it before any schema: there is no data to give the schema
    assert schema_problems(file, kind) == []


@pytest.mark.parametrize("file", corpus("known-differences/schema-only"), ids=lambda f: f.name)
def test_jsonschema_known_difference_only_the_schema_refuses(file: Path):
    assert file.read_text().startswith("# "), "say why in the first line"
    kind = kind_of(file)
    assert validator_problems(file, kind) == []
    assert schema_problems(file, kind) != []


def test_jsonschema_documents_are_draft7_with_ids_and_titles():
    for kind in DOCUMENTS:
        schema = json_schema(kind)
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["$id"] == f"urn:course-builder:schema:{kind}.schema.json"
        assert schema["title"] and schema["description"]


def properties(schema: Any, where: str = "") -> list[tuple[str, Any]]:
    """Every (path, property schema) in a schema, through items, named entries, allOf and if/then/else."""
    found: list[tuple[str, Any]] = []
    if not isinstance(schema, dict):
        return found
    for name, sub in schema.get("properties", {}).items():
        found.append((f"{where}.{name}", sub))
        found += properties(sub, f"{where}.{name}")
    found += properties(schema.get("items"), f"{where}[]")
    found += properties(schema.get("additionalProperties"), f"{where}.*")
    for branch in schema.get("allOf", []):
        found += properties(branch.get("then"), where)
    found += properties(schema.get("then"), where) + properties(schema.get("else"), where)
    return found


def test_jsonschema_every_key_has_a_description():
    for kind in DOCUMENTS:
        keys = properties(json_schema(kind))
        described = [(path, sub) for path, sub in keys if sub is not True]
        assert len(described) > 5
        missing = [path for path, sub in described if not sub.get("description")]
        assert missing == [], kind


def test_jsonschema_keys_come_from_the_format_definitions():
    lesson = json_schema("lesson")
    assert list(lesson["properties"]) == [f.name for f in fmt.LESSON.fields]
    assert lesson["required"] == [f.name for f in fmt.LESSON.fields if f.required]
    assert lesson["properties"]["duration_minutes"] == {
        "description": "How long the lesson takes, in whole minutes.",
        "type": "integer",
        "minimum": 1,
        "maximum": 600,
    }
    assert lesson["properties"]["sections"]["items"]["properties"]["kind"]["enum"] == list(fmt.SECTION_KINDS)
    course = json_schema("course")
    assert course["oneOf"] == [{"required": ["lessons"]}, {"required": ["modules"]}]
    assert course["additionalProperties"] is False


def test_jsonschema_question_types_are_if_then_branches_with_their_own_keys():
    question = json_schema("quiz")["else"]["properties"]["questions"]["items"]
    branches = {b["if"]["properties"]["type"]["const"]: b["then"] for b in question["allOf"]}
    assert list(branches) == list(QUESTION_TYPES)
    assert set(branches["true_false"]["properties"]) == {
        "type",
        "id",
        "objective",
        "prompt",
        "explanation",
        "points",
        "answer",
    }
    assert branches["true_false"]["required"] == ["answer"]
    assert branches["true_false"]["additionalProperties"] is False
    assert branches["single"]["properties"]["options"]["contains"]["properties"]["correct"] == {"const": True}
    assert branches["ordering"]["properties"]["items"]["uniqueItems"] is True


def test_jsonschema_text_accepts_what_yaml_reads_as_numbers_or_booleans():
    title = json_schema("lesson")["properties"]["title"]
    check = jsonschema.Draft7Validator(title)
    for value in ("A title", 1984, 3.5, True, "  spaced  ", "ends with a newline\n"):
        assert check.is_valid(value), value
    for value in ("", "   ", "two\nlines", None, [], {}):
        assert not check.is_valid(value), value


def test_jsonschema_write_schemas_writes_three_json_files(tmp_path: Path):
    written = write_schemas(tmp_path / "schemas")
    assert [p.name for p in written] == ["course.schema.json", "lesson.schema.json", "quiz.schema.json"]
    assert json.loads(written[2].read_text()) == json_schema("quiz")


def test_jsonschema_modeline_is_relative_to_the_file(tmp_path: Path):
    project = project_at(tmp_path)
    assert (
        modeline(project.content_path / "intro.yml", tmp_path / "schemas", "lesson")
        == "# yaml-language-server: $schema=../schemas/lesson.schema.json"
    )
    assert (
        modeline(tmp_path / "deep/er/quizzes/q.yml", tmp_path / "schemas", "quiz")
        == "# yaml-language-server: $schema=../../../schemas/quiz.schema.json"
    )


def test_jsonschema_guide_describes_every_key_as_the_schema_does():
    guide = (REPO / "docs" / "authoring.md").read_text()
    for kind in DOCUMENTS:
        for path, sub in properties(json_schema(kind)):
            if sub is True or path.startswith(".ui_text."):
                continue  # the interface's messages: the guide shows a few; `course strings` lists them all
            name = path.rsplit(".", 1)[1]
            assert f"`{name}`" in guide, path
            assert sub["description"] in guide, path
