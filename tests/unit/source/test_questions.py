"""The question types (builder/source/questions/): the registry agrees with the template macros and the
learners' type table, and the numeric type's format, reading of typed numbers and decimal symbols."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from builder.site.render import template_environment
from builder.source.questions import QUESTION_TYPES, Numeric
from builder.source.questions.numeric import decimal_symbol, format_number, parse_number
from tests.support.paths import REPO
from tests.support.projects import ONE_CHECK, load, make_project

NUMERIC = """\
  - id: q3
    type: numeric
    objective: spot
    prompt: How many?
"""


def numeric_problems(tmp_path, keys: str) -> list[str]:
    _, problems = load(make_project(tmp_path, quizzes__one_check=ONE_CHECK + NUMERIC + keys))
    return [str(p) for p in problems]


def test_questions_every_type_names_a_macro_the_templates_have():
    template = template_environment().loader.get_source(template_environment(), "_questions.html")[0]
    macros = set(re.findall(r"\{% macro (\w+)\(", template))
    assert macros == {kind.macro for kind in QUESTION_TYPES.values()}  # and no macro is left unused
    for name, kind in QUESTION_TYPES.items():
        assert kind.name == name and kind.model.type == name
        assert kind.encoding in ("choice", "choices", "text", "positions", "pairs", "written"), name


def test_questions_the_learners_type_table_has_every_type_and_no_other():
    node = shutil.which("node")
    if node is None:
        assert os.environ.get("CI") != "true", "node is missing under CI=true"
        pytest.skip("node not found")
    script = (
        "import('./builder/site/assets/questions.js')"
        ".then(m => console.log(JSON.stringify(Object.keys(m.QUESTION_TYPES))))"
    )
    result = subprocess.run(
        [node, "--input-type=module", "-e", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert sorted(json.loads(result.stdout)) == sorted(QUESTION_TYPES)


def test_questions_numeric_builds_with_the_course_languages_decimal_symbol(tmp_path):
    course, problems = load(make_project(tmp_path, quizzes__one_check=ONE_CHECK + NUMERIC + "    answer: 2.5\n"))
    assert problems == []
    (numeric,) = [q for q in course.quizzes["one-check"].questions if isinstance(q, Numeric)]
    assert (numeric.answer, numeric.tolerance, numeric.decimal) == (2.5, 0, ".")


def test_questions_numeric_answer_must_be_a_number_at_its_line(tmp_path):
    assert numeric_problems(tmp_path, "    answer: thirty\n") == [
        "quizzes/one-check.yml:21:13: questions[2].answer: should be a number, but is text 'thirty'"
    ]
    assert numeric_problems(tmp_path, '    answer: "30"\n') == [
        "quizzes/one-check.yml:21:13: questions[2].answer: should be a number, but is text '30' (write it without "
        "quotes)"
    ]
    assert numeric_problems(tmp_path, "    answer: .nan\n") == [
        "quizzes/one-check.yml:21:13: questions[2].answer: should be a number you can write down, but is nan"
    ]
    assert numeric_problems(tmp_path, "") == [
        "quizzes/one-check.yml:17:5: questions[2]: missing required key 'answer': the right answer, a number such as "
        "30 or 2.5"
    ]


def test_questions_numeric_tolerance_cannot_be_negative(tmp_path):
    assert numeric_problems(tmp_path, "    answer: 30\n    tolerance: -1\n") == [
        "quizzes/one-check.yml:22:16: questions[2].tolerance: should be 0 or more; found -1"
    ]
    assert numeric_problems(tmp_path, "    answer: 30\n    tolerance: yes\n") == [
        "quizzes/one-check.yml:22:16: questions[2].tolerance: should be a number, but is `true`"
    ]


def test_questions_numeric_keys_belong_to_numeric_questions(tmp_path):
    quiz = ONE_CHECK.replace("    accept: [word]\n", "    accept: [word]\n    tolerance: 2\n")
    _, problems = load(make_project(tmp_path, quizzes__one_check=quiz))
    assert [str(p) for p in problems] == [
        "quizzes/one-check.yml:17:5: questions[1].tolerance: unknown key 'tolerance' (a short_text question has no "
        "'tolerance'; numeric questions use it)"
    ]


@pytest.mark.parametrize(
    ("typed", "decimal", "value"),
    [
        ("30", ".", 30.0),
        (" 30 ", ".", 30.0),
        ("30.0", ".", 30.0),
        ("+30", ".", 30.0),
        ("30.", ".", 30.0),
        (".5", ".", 0.5),
        ("1,000", ".", 1000.0),
        ("1,5", ".", 1.5),
        ("1.000", ".", 1.0),
        ("12,345.5", ".", 12345.5),
        ("1.000", ",", 1000.0),
        ("3,5", ",", 3.5),
        ("3.5", ",", 3.5),
        ("1 000", ".", 1000.0),
        ("1\u00a0000,5", ",", 1000.5),
        ("\u22125", ".", -5.0),
        ("\uff13\uff10", ".", 30.0),
        ("abc", ".", None),
        ("3,5,6", ".", None),
        ("1e3", ".", None),
        ("\u0663", ".", None),
        ("1..5", ".", None),
        ("-", ".", None),
        ("0x10", ".", None),
    ],
)
def test_questions_numeric_reads_typed_numbers(typed, decimal, value):
    assert parse_number(typed, decimal) == value


def test_questions_numeric_decimal_symbol_follows_the_language_through_cldr():
    assert [decimal_symbol(code) for code in ("en", "en-GB", "fr", "de", "pt_BR", "sv", "ar", "xx", "")] == [
        ".",
        ".",
        ",",
        ",",
        ",",
        ",",
        ".",
        ".",
        ".",
    ]


def test_questions_numeric_numbers_are_written_without_exponent_or_trailing_zeros():
    assert [format_number(n) for n in (30, 2.5, 0.0001, 1e21, -4.0, 0)] == [
        "30",
        "2.5",
        "0.0001",
        "1000000000000000000000",
        "-4",
        "0",
    ]


def test_questions_every_type_states_its_solution_for_a_printed_key():
    from builder.source.diagnostics import SourceLocation
    from builder.source.questions import (
        Matching,
        MultipleChoice,
        Option,
        Ordering,
        Pair,
        ShortText,
        SingleChoice,
        TrueFalse,
        question_type,
    )

    common = {"objective": "o", "prompt": "P?", "explanation": None, "points": 1, "origin": SourceLocation("q.yml")}
    options = (Option(text="Yes", correct=True, feedback=None), Option(text="No", correct=False, feedback=None))
    cases = {
        SingleChoice(id="a", options=options, **common): ("right_answer", ("Yes",), None),
        MultipleChoice(id="b", options=(*options, Option(text="*Also*", correct=True, feedback=None)), **common): (
            "right_answers",
            ("Yes", "*Also*"),
            None,
        ),
        TrueFalse(id="c", answer=False, **common): ("right_answer", ("false",), None),
        ShortText(id="d", accept=("résumé", "CV"), ignore_accents=True, typos=1, **common): (
            "accepted_answers",
            ("résumé", "CV"),
            "marking_accents_slip",
        ),
        Ordering(id="e", items=("First", "Then"), **common): ("right_order", ("First", "Then"), None),
        Matching(id="f", pairs=(Pair(left="a", right="1"), Pair(left="b", right="2")), distractors=("3",), **common): (
            "matches",
            ("a → 1", "b → 2"),
            "matching_none",
        ),
        Numeric(id="g", answer=2.5, tolerance=0.5, decimal=",", **common): ("right_answer", ("2,5",), "numeric_range"),
    }
    for question, (label, lines, note) in cases.items():
        solution = question_type(question).solution(question)
        assert (solution.label, solution.lines, solution.note) == (label, lines, note), question.type
    ordering = Ordering(id="e", items=("x", "y"), **common)
    assert question_type(ordering).solution(ordering).ordered
    numeric = next(q for q in cases if q.type == "numeric")
    assert question_type(numeric).solution(numeric).note_values == (("low", "2"), ("high", "3"))
    from builder.source.interface_text import english

    for question in cases:  # every label and note is a message of the catalogue
        solution = question_type(question).solution(question)
        assert solution.label in english() and (solution.note is None or solution.note in english())
    typed = [q for q in cases if q.type in ("short_text", "numeric")]
    assert not any(question_type(q).solution(q).markdown for q in typed), "typed answers are plain text"
