"""Each question type's SCORM interaction: its type and right-answer patterns in the formats of 1.2 and 2004."""

from __future__ import annotations

import re

import pytest

from builder.exporters.suspend import course_map
from builder.source.interactions import fill_in_text, interaction_map
from builder.source.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    ShortText,
    SingleChoice,
    TrueFalse,
    Written,
)
from builder.source.questions import question_type as type_of
from builder.source.questions.base import ROW_SYMBOLS, SYMBOLS
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import load, project_at

COMMON = {"id": "q", "objective": "o", "prompt": "P", "explanation": None, "points": 2, "origin": None}


def options(*right: bool) -> tuple[Option, ...]:
    return tuple(Option(text=f"option {i}", correct=r, feedback=None) for i, r in enumerate(right))


CASES = [
    (TrueFalse(answer=False, **COMMON), "true-false", ["f"], ["false"]),
    (SingleChoice(options=options(False, True, False), **COMMON), "choice", ["b"], ["b"]),
    (MultipleChoice(options=options(True, False, True), **COMMON), "choice", ["{a,c}"], ["a[,]c"]),
    (MultipleChoice(options=options(False, True), **COMMON), "choice", ["b"], ["b"]),
    (ShortText(accept=("internal customer", "colleague"), **COMMON), "fill-in", ["internal customer", "colleague"],
     ["internal customer", "colleague"]),
    (Numeric(answer=30, tolerance=2.5, decimal=",", **COMMON), "numeric", ["30"], ["27.5[:]32.5"]),
    (Ordering(items=("x", "y", "z"), **COMMON), "sequencing", ["a,b,c"], ["a[,]b[,]c"]),
    (Matching(pairs=(Pair(left="l1", right="r1"), Pair(left="l2", right="r2")), distractors=("r3",), **COMMON),
     "matching", ["1.a,2.b"], ["1[.]a[,]2[.]b"]),
]  # fmt: skip


@pytest.mark.parametrize(("question", "kind", "patterns_12", "patterns_2004"), CASES)
def test_interaction_types_and_patterns_in_both_versions(question, kind, patterns_12, patterns_2004):
    assert interaction_map(question, "1.2") == {"type": kind, "patterns": patterns_12, "weight": 2}
    assert interaction_map(question, "2004") == {"type": kind, "patterns": patterns_2004, "weight": 2}


def test_every_question_type_describes_its_interaction():
    kinds = {type(question).type for question, *_ in CASES} | {"written"}
    from builder.source.questions import QUESTION_TYPES

    assert kinds == set(QUESTION_TYPES)


def test_written_answers_are_long_fill_in_in_2004_and_performance_in_1_2():
    written = Written(model_answer="M", checklist=("a",), **COMMON)
    assert interaction_map(written, "2004")["type"] == "long-fill-in"
    assert interaction_map(written, "1.2")["type"] == "performance"
    assert interaction_map(written, "2004")["patterns"] == []


def test_a_question_with_more_choices_than_names_is_reported_without_responses():
    question = SingleChoice(options=options(True, *([False] * 36)), **COMMON)
    assert type_of(question).interaction(question).choices == 37
    assert interaction_map(question, "1.2") == {"type": "performance", "patterns": [], "weight": 2}
    assert interaction_map(question, "2004") == {"type": "other", "patterns": [], "weight": 2}
    exactly = SingleChoice(options=options(*([False] * 35), True), **COMMON)
    assert interaction_map(exactly, "1.2")["patterns"] == ["9"]


def test_fill_in_text_keeps_within_each_versions_limits_and_out_of_2004s_delimiters():
    assert fill_in_text("x" * 300, "1.2") == "x" * 255
    assert fill_in_text("x" * 300, "2004") == "x" * 250
    assert fill_in_text("{lang=en}a[,]b[.]c[:]d", "2004") == "lang=en}abcd"
    assert fill_in_text("{braces}", "1.2") == "{braces}"


def test_symbols_are_the_launch_scripts_own():
    """The names patterns use are the ones the launch page writes into learners' responses."""
    script = (REPO / "builder" / "exporters" / "scorm_interactions.js").read_text()
    assert f'var SYMBOLS = "{SYMBOLS}";' in script
    assert f'var ROW_SYMBOLS = "{ROW_SYMBOLS}";' in script
    assert len(set(SYMBOLS)) == len(set(ROW_SYMBOLS)) == 36


def test_course_map_names_objectives_by_lesson_and_lists_the_assessed_ones_in_course_order():
    course, _ = load(project_at(FIXTURES / "full"))
    cmap = course_map(course, "2004")
    questions = {q["id"]: q for quiz in cmap["quizzes"] for q in quiz["questions"]}
    assert questions["single-one"]["objective"] == "alpha/pick-one"  # a lesson quiz's objective, with its lesson
    assert questions["f2"]["objective"] == "beta/name-it"  # the final quiz names the lesson itself
    assert cmap["objectives"] == ["alpha/pick-one", "alpha/pick-many", "beta/name-it", "beta/put-in-order",
                                  "beta/match-up"]  # fmt: skip
    assert (cmap["scorm"], cmap["limit"], cmap["decimal"]) == ("2004", 64000, ".")
    assert all(len(q["text"]) <= 250 and not re.search(r"[*_`#]", q["text"]) for q in questions.values())
    assert "text" not in course_map(course, "1.2")["quizzes"][0]["questions"][0]  # 1.2 has no description
