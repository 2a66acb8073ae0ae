"""The browser's scoring module (assets/course/scoring.js) against tests/scoring_cases.json, the
same cases tests/unit/test_scoring.py runs through builder/scoring.py."""

from __future__ import annotations

import json

from builder.source.scoring import encode_key
from tests.support.browser import decode_key, open_page
from tests.support.paths import REPO

CASES = json.loads((REPO / "tests" / "scoring_cases.json").read_text(encoding="utf-8"))


def run_in_browser(page, site, cases: list[dict]) -> list[dict]:
    return page.evaluate(
        """async ([url, cases]) => {
        const scoring = await import(url);
        return cases.map(c => scoring.scoreQuiz(c.key, c.responses));
    }""",
        [site.url("assets/course/scoring.js"), cases],
    )


def test_scoring_module_matches_every_shared_case(page, site):
    open_page(page, site, "alpha/")
    results = run_in_browser(page, site, CASES)
    mismatches = []
    for case, result in zip(CASES, results, strict=True):
        expected = case["expected"]
        got = {
            "score": result["score"],
            "passed": result["passed"],
            "correct": {q: r["correct"] for q, r in result["questions"].items()},
        }
        if "blank" in expected:
            got["blank"] = {q: r["blank"] for q, r in result["questions"].items()}
        if "earned" in expected:
            got["earned"], got["total"] = result["earned"], result["total"]
        if got != expected:
            mismatches.append(f"{case['name']}: expected {expected}, got {got}")
    assert not mismatches, "\n".join(mismatches)


def test_scoring_module_reads_the_pages_answer_key(page, site):
    """The key the builder embeds decodes in the browser to what Python encoded (UTF-8 included)."""
    open_page(page, site, "alpha/")
    in_browser = page.evaluate(
        """async url => (await import(url)).decodeKey(
        document.querySelector('[data-quiz]').dataset.quizKey)""",
        site.url("assets/course/scoring.js"),
    )
    assert in_browser == decode_key(page, "alpha-check")
    assert in_browser["questions"]["multiple-two"]["points"] == 2
    assert (
        in_browser["questions"]["single-one"]["explanation"]
        == "<p>The sky looks blue because of scattered sunlight.</p>"
    )


def test_scoring_module_decodes_what_python_encodes_in_any_alphabet(page, site):
    """decodeKey() undoes scoring.obscure() for every kind of character: ASCII, Latin-1, Greek, Cyrillic, Arabic,
    CJK, the last of the Basic Multilingual Plane and characters beyond it (two UTF-16 units in JavaScript)."""
    key = {
        "v": 1,
        "text": "Zebras \u00a0 café Ωμέγα правильно صحيح 正解 \ufffd\uffff 😀 𝔘 \U0010fffe \\ \" \n \t <>&'",
        "Ž": ["a1", 2, True, None],
    }
    open_page(page, site, "alpha/")
    in_browser = page.evaluate(
        "async ([url, encoded]) => (await import(url)).decodeKey(encoded)",
        [site.url("assets/course/scoring.js"), encode_key(key)],
    )
    assert in_browser == key
