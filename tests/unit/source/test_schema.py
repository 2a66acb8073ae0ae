"""The schema language: the walk over every Markdown field (`markdown_fields`), which validation and `course check`
share, and kinds made when first needed."""

from typing import Any

import pytest

from builder.source import course_format as fmt
from builder.source import interface_text
from builder.source.diagnostics import Checker
from builder.source.loader import parse_document
from builder.source.schema import (
    BLOCK,
    INVALID,
    ByKey,
    Deferred,
    Field,
    Kind,
    ListOf,
    MapOf,
    Record,
    Text,
    Variants,
    markdown_fields,
)
from tests.support.paths import REPO
from tests.support.projects import load, make_project

COURSES = REPO / "tests" / "fixtures" / "courses"


def test_markdown_fields_lists_each_markdown_text_with_its_path_in_file_order():
    doc, problems = parse_document(
        "id: q\ntitle: Q\nquestions:\n"
        "  - {id: a, type: single, objective: o, prompt: 'Pick *one*', explanation: Why,\n"
        "     options: [{text: A, correct: true, feedback: Right}, {text: B}]}\n"
        "  - {id: b, type: matching, objective: o, prompt: Match, pairs: [{left: L, right: R}, {left: M, right: S}]}\n"
        "  - {id: c, type: lost, prompt: Not a type}\n"
        "  - text only\n",
        "quizzes/q.yml",
    )
    assert problems == []
    assert list(markdown_fields(fmt.QUIZ_FILE, doc.data)) == [
        (("questions", 0, "prompt"), "block", "Pick *one*"),
        (("questions", 0, "explanation"), "block", "Why"),
        (("questions", 0, "options", 0, "text"), "inline", "A"),
        (("questions", 0, "options", 0, "feedback"), "inline", "Right"),
        (("questions", 0, "options", 1, "text"), "inline", "B"),
        (("questions", 1, "prompt"), "block", "Match"),
        (("questions", 1, "pairs", 0, "left"), "inline", "L"),
        (("questions", 1, "pairs", 0, "right"), "inline", "R"),
        (("questions", 1, "pairs", 1, "left"), "inline", "M"),
        (("questions", 1, "pairs", 1, "right"), "inline", "S"),
    ]


def _every_markdown_text(kind: Kind, value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The same walk entering every field, whether or not its kind can hold Markdown."""
    if isinstance(kind, Text):
        return [(path, kind.markdown, value)] if kind.markdown and isinstance(value, str) else []
    if isinstance(kind, ListOf) and isinstance(value, list):
        return [f for i, item in enumerate(value) for f in _every_markdown_text(kind.item, item, (*path, i))]
    if isinstance(kind, MapOf) and isinstance(value, dict):
        return [f for name, item in value.items() for f in _every_markdown_text(kind.item, item, (*path, name))]
    if isinstance(kind, ByKey):
        return _every_markdown_text(kind.format_of(value), value, path)
    if isinstance(kind, (Record, Variants)) and isinstance(value, dict):
        if isinstance(kind, Variants):
            variant = kind.variant_of(value)
            fields = kind.fields_for(variant) if variant else ()
        else:
            fields = kind.fields
        return [
            found
            for f in fields
            if f.name in value
            for found in _every_markdown_text(f.kind, value[f.name], (*path, f.name))
        ]
    return []


@pytest.mark.parametrize("course", sorted(p.name for p in COURSES.iterdir() if p.is_dir()))
def test_markdown_fields_leave_out_only_kinds_that_hold_no_markdown(course):
    formats = {"content": fmt.LESSON, "quizzes": fmt.QUIZ_FILE}
    for file in sorted((COURSES / course).glob("*/*.yml")):
        doc, _ = parse_document(file.read_text(encoding="utf-8"), file.name)
        if doc is None:
            continue
        kind = fmt.COURSE if file.name == "course.yml" else formats[file.parent.name]
        assert list(markdown_fields(kind, doc.data)) == _every_markdown_text(kind, doc.data), file


def test_only_kinds_with_markdown_inside_say_they_hold_it():
    assert fmt.QUIZ_FILE.holds_markdown and fmt.LESSON.holds_markdown and fmt.COURSE.holds_markdown
    assert not Text().holds_markdown and not ListOf(Text(single_line=True)).holds_markdown
    assert ListOf(MapOf(Text(markdown="inline"))).holds_markdown


def test_a_deferred_kind_is_made_only_when_a_value_is_checked_against_it():
    made: list[str] = []

    def make() -> Record:
        made.append("made")
        return Record(what="group", fields=(Field("a", Text(), "A."),))

    outer = Record(fields=(Field("later", Deferred(make), "Later."), Field("body", BLOCK, "Body.")))
    checker = Checker("f.yml")
    assert markdown_fields(outer, {"body": "Hi"}) == [(("body",), "block", "Hi")]
    assert outer.check({"body": "Hi"}, (), checker) == {"later": None, "body": "Hi"}
    assert made == [] and outer.json_schema()["properties"]["later"]["properties"] == {
        "a": {"description": "A.", "type": ["string", "number", "boolean"], "pattern": "\\S"}
    }
    assert outer.check({"later": {"b": "?"}, "body": "Hi"}, (), checker) is INVALID
    assert made == ["made"] and [(p.path, p.message) for p in checker.problems] == [(("later", "b"), "unknown key 'b'")]


def test_validating_a_course_without_ui_text_never_reads_the_english_catalogue(tmp_path):
    project = make_project(tmp_path)
    interface_text.english.cache_clear()
    course, problems = load(project)
    assert course is not None and problems == []
    assert interface_text.english.cache_info().currsize == 0
