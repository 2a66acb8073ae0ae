"""Question pools in Chromium, on the `pool` variant of the fixture course (tests/browser/conftest.py): beta-check
draws 2 of its 3 questions, alpha-check one question for each of its objectives. The draw is kept with the
learner's progress (the same questions after a reload, before and after submitting), the score is out of the
questions drawn, and "Try again" takes the question left out first. draw.js itself runs against seeded cases."""

from __future__ import annotations

import json

import pytest

from tests.support.browser import (
    RIGHT,
    STORAGE_KEY,
    answer,
    check,
    format_violations,
    open_page,
    quiz,
    run_axe,
    visible_text,
)

OBJECTIVES = {"single-one": "pick-one", "multiple-two": "pick-many", "tf-three": "pick-one"}


def drawn(page, quiz_id: str) -> list[str]:
    """The questions on screen, in order, with the number each shows."""
    return quiz(page, quiz_id).evaluate("""root => [...root.querySelectorAll('[data-question]')]
        .filter(q => !q.hidden).map(q => q.dataset.question)""")


def numbers(page, quiz_id: str) -> list[str]:
    return quiz(page, quiz_id).evaluate("""root => [...root.querySelectorAll('[data-question]:not([hidden])')]
        .map(q => q.querySelector('[data-question-number]').textContent)""")


def progress(page) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))


def test_a_pool_shows_its_draw_keeps_it_and_draws_the_question_left_out_next(page, sites):
    site = sites("pool")
    open_page(page, site, "beta/")
    root = quiz(page, "beta-check")
    assert visible_text(root.locator(".course-quiz__intro")) == "2 questions · pass mark 60%"
    assert visible_text(root.locator(".course-quiz__rules")) == "Each attempt shows 2 questions drawn at random from 3."
    first = drawn(page, "beta-check")
    assert len(first) == 2 and numbers(page, "beta-check") == ["Question 1 of 2", "Question 2 of 2"]
    assert root.locator("[data-question][hidden]").evaluate_all("qs => qs.every(q => q.disabled)")
    # The draw waits in the learner's progress: a reload shows the same questions.
    assert progress(page)["draws"]["beta-check"]["ids"] == first
    page.reload()
    open_page(page, site, "beta/")
    assert drawn(page, "beta-check") == first
    # Scored out of the questions drawn: both right is 100%.
    answer(page, "beta-check", {question: RIGHT["beta-check"][question] for question in first})
    result = check(page, "beta-check")
    assert result["score"] == "100" and set(result["correct"]) == {"short-one", "order-two", "match-three"}
    assert [result["correct"][q] for q in first] == ["true", "true"]
    saved = progress(page)
    assert saved["quizzes"]["beta-check"]["last"]["draw"] == first and "beta-check" not in saved.get("draws", {})
    page.reload()
    open_page(page, site, "beta/")
    assert drawn(page, "beta-check") == first
    assert root.locator("[data-quiz-result]").get_attribute("data-score") == "100"
    # Try again: the question left out comes first; a reload before submitting keeps the new draw.
    left_out = ({"short-one", "order-two", "match-three"} - set(first)).pop()
    root.locator("[data-quiz-retry]").click()
    second = drawn(page, "beta-check")
    assert left_out in second and len(second) == 2
    page.reload()
    open_page(page, site, "beta/")
    assert drawn(page, "beta-check") == first  # the last submitted attempt is what the page shows…
    root.locator("[data-quiz-retry]").click()
    assert drawn(page, "beta-check") == second  # …and Try again brings back the same waiting draw


def test_a_pool_drawn_per_objective_always_assesses_each_objective(page, sites):
    site = sites("pool")
    open_page(page, site, "alpha/")
    root = quiz(page, "alpha-check")
    seen = set()
    for _attempt in range(4):
        questions = drawn(page, "alpha-check")
        assert sorted(OBJECTIVES[q] for q in questions) == ["pick-many", "pick-one"], questions
        seen.update(questions)
        answer(page, "alpha-check", {q: RIGHT["alpha-check"][q] for q in questions})
        assert check(page, "alpha-check")["score"] == "100"
        root.locator("[data-quiz-retry]").click()
    assert seen == set(OBJECTIVES)  # pick-one's two questions take turns


CASES = [
    # (spec, ids, objectives, avoid): what each case checks is asserted below
    ({"count": 3, "byObjective": []}, list("abcdefgh"), {}, []),
    ({"count": 3, "byObjective": []}, list("abcde"), {}, ["a", "b"]),
    ({"count": 4, "byObjective": []}, list("abcde"), {}, ["a", "b", "c"]),
    ({"count": 3, "byObjective": [["x", 2], ["y", 1]]}, list("abcdef"), dict(zip("abcdef", "xxxyyy", strict=True)), []),
]


@pytest.mark.parametrize("seed", [1, 7, 2026])
def test_draw_module_against_seeded_cases(page, site, seed):
    open_page(page, site, "alpha/")
    results = page.evaluate(
        """async ([url, cases, seed]) => {
            const draw = await import(url);
            return cases.map(([spec, ids, objectives, avoid]) => [
                draw.drawQuestions(spec, ids, objectives, avoid, draw.seeded(seed)),
                draw.drawQuestions(spec, ids, objectives, avoid, draw.seeded(seed)),
                draw.fits(draw.drawQuestions(spec, ids, objectives, avoid, draw.seeded(seed)), spec, ids, objectives),
            ]);
        }""",
        [site.url("assets/course/draw.js"), CASES, seed],
    )
    (plain, again, fits), (avoiding, _, _), (short, _, _), (by_objective, _, fits_objectives) = results
    assert plain == again and fits  # the same seed draws the same questions
    assert len(plain) == 3 and plain == sorted(plain)  # three, in the quiz's order
    assert not {"a", "b"} & set(avoiding)  # questions the last attempt showed are left out while others remain
    assert {"d", "e"} <= set(short) and len(short) == 4  # the pool runs short: two fresh ones, then seen ones
    assert sum(q in "abc" for q in by_objective) == 2 and sum(q in "def" for q in by_objective) == 1
    assert fits_objectives
    misfits = page.evaluate(
        """async url => {
            const draw = await import(url);
            const spec = {count: 2, byObjective: []};
            return [draw.fits(["b", "a"], spec, ["a", "b", "c"], {}), draw.fits(["a"], spec, ["a", "b"], {}),
                    draw.fits(["a", "z"], spec, ["a", "b"], {}), draw.fits("ab", spec, ["a", "b"], {})];
        }""",
        site.url("assets/course/draw.js"),
    )
    assert misfits == [False, False, False, False]  # out of order, too few, unknown, not a list


@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_with_a_pool_drawn_and_checked(new_tab, sites, width):
    site = sites("pool")
    page = new_tab(viewport={"width": width, "height": 900}).page
    open_page(page, site, "beta/")
    problems = {"drawn": run_axe(page)}
    check(page, "beta-check")  # every drawn question blank
    problems["checked"] = run_axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)
