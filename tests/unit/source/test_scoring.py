"""The scoring rule in Python (builder/scoring.py) against the shared cases in tests/scoring_cases.json.

tests/browser/test_scoring_shared.py runs the same cases through the browser's scoring module
(builder/assets/scoring.js): one rule, two implementations, one list of cases.
"""

from __future__ import annotations

import json

import pytest

from builder.source.questions import normalise_answer
from builder.source.scoring import score_quiz
from tests.support.paths import REPO

CASES = json.loads((REPO / "tests" / "scoring_cases.json").read_text(encoding="utf-8"))


def test_scoring_cases_are_well_formed():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)) and len(CASES) >= 15
    kinds = {q["type"] for case in CASES for q in case["key"]["questions"].values()}
    assert kinds == {"single", "multiple", "true_false", "short_text", "ordering", "matching", "numeric"}
    for case in CASES:
        assert set(case["expected"]["correct"]) == set(case["key"]["questions"]), case["name"]
        for question in case["key"]["questions"].values():  # accepted answers as the builder writes them
            for answer in question.get("accept", ()):
                assert normalise_answer(answer, ignore_accents=bool(question.get("ignoreAccents"))) == answer


@pytest.mark.parametrize("case", [pytest.param(case, id=case["name"]) for case in CASES])
def test_score_quiz_matches_shared_case(case):
    result = score_quiz(case["key"], case["responses"])
    expected = case["expected"]
    assert result.score == expected["score"]
    assert result.passed is expected["passed"]
    assert {q: r.correct for q, r in result.questions.items()} == expected["correct"]
    if "blank" in expected:
        assert {q: r.blank for q, r in result.questions.items()} == expected["blank"]
    if "earned" in expected:
        assert (result.earned, result.total) == (expected["earned"], expected["total"])


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("  Internal   CUSTOMER ", "internal customer"),
        ("internal\tcustomer\n", "internal customer"),
        ("internal\u00a0customer", "internal customer"),
        ("", ""),
    ],
)
def test_normalise_answer_ignores_case_and_spaces(typed, normalised):
    assert normalise_answer(typed) == normalised
