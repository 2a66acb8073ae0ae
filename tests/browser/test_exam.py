"""Quizzes taken as exams, in Chromium, on the `exam` variant of the fixture course (tests/browser/conftest.py):
final-check allows 2 attempts and shows marks after the last, alpha-check shows them once passed, beta-check
allows 3 attempts, counts the last and never shows them. Before the marks are due the page shows the score and
pass or fail only: no question carries `data-correct`, no feedback or explanation is on the page, and the answer
key is not in it as plain text. Blank answers are confirmed first; submitted answers are locked until "Try
again"; used-up attempts stay used up after a reload."""

from __future__ import annotations

import json

import pytest

from tests.support.browser import (
    RIGHT,
    STORAGE_KEY,
    WRONG,
    answer,
    check,
    format_violations,
    open_page,
    outcome,
    quiz,
    run_axe,
    visible_text,
)


def marks_on_page(page, quiz_id: str) -> bool:
    """Whether anything tells which answers were right: a question's data-correct, or feedback shown."""
    return quiz(page, quiz_id).evaluate("""root =>
        [...root.querySelectorAll('[data-question]')].some(q => q.hasAttribute('data-correct')) ||
        [...root.querySelectorAll('[data-question-feedback], [data-choice-feedback]')].some(box =>
            !box.hidden && box.textContent.trim() !== '')""")


def locked(page, quiz_id: str) -> bool:
    return quiz(page, quiz_id).evaluate("""root =>
        [...root.querySelectorAll('[data-question]')].every(q => q.disabled) &&
        root.querySelector('[data-quiz-submit]').hidden""")


def saved_entry(page, quiz_id: str) -> dict:
    return json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))["quizzes"][quiz_id]


def result_text(page, quiz_id: str) -> str:
    return visible_text(quiz(page, quiz_id).locator("[data-quiz-result]"))


def submit_anyway(page, quiz_id: str) -> None:
    root = quiz(page, quiz_id)
    root.locator("[data-quiz-submit]").click()
    root.locator("[data-quiz-confirm]").get_by_role("button", name="Submit anyway").click()
    root.locator("[data-quiz-result][data-score]").wait_for()


def test_an_exam_confirms_blanks_holds_its_marks_until_the_last_attempt_and_then_stops(page, sites):
    site = sites("exam")
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    assert visible_text(root.locator(".course-quiz__rules")) == (
        "You may submit this quiz 2 times. You will see which answers were right after your last attempt."
    )
    answer(page, "final-check", {"f1": "False"})  # f2 left blank

    # Blank answers: the exam asks first, with a link to each blank question, and submits nothing yet.
    root.locator("[data-quiz-submit]").click()
    confirm = root.locator("[data-quiz-confirm]")
    assert visible_text(confirm).startswith(
        "You have not answered 1 question: question 2. Submit your answers as they are? "
        "Unanswered questions count as wrong."
    )
    f2 = root.locator('[data-question="f2"]')
    assert confirm.locator("a").get_attribute("href") == f"#{f2.get_attribute('id')}"
    assert page.evaluate("document.activeElement.matches('[data-quiz-result]')")
    confirm.get_by_role("button", name="Keep answering").click()
    assert confirm.count() == 0
    assert root.locator("[data-quiz-result]").get_attribute("data-score") is None
    assert f2.evaluate("q => q.contains(document.activeElement)")
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None

    # Submitted anyway: the score and pass or fail, nothing that tells which answer was right.
    submit_anyway(page, "final-check")
    assert outcome(page, "final-check") == {"score": "0", "passed": "false", "correct": {"f1": None, "f2": None}}
    assert not marks_on_page(page, "final-check")
    assert "You have 1 attempt left." in result_text(page, "final-check")
    assert "You will see which answers were right after your last attempt." in result_text(page, "final-check")
    # no advice to read feedback that is not there yet
    assert "Not passed yet: the pass mark is 80%." in result_text(page, "final-check")
    assert "Read the feedback" not in result_text(page, "final-check")
    assert "B is right" not in page.content()  # the explanation, only in the encoded key
    assert locked(page, "final-check")
    assert root.locator("[data-quiz-retry]").is_visible()

    # A reload shows the same: locked, no marks, one attempt left.
    page.reload()
    open_page(page, site, "final-check/")
    assert locked(page, "final-check") and not marks_on_page(page, "final-check")
    assert "You have 1 attempt left." in result_text(page, "final-check")

    # The last attempt: the marks come, and no retry is offered, now or after a reload.
    root.locator("[data-quiz-retry]").click()
    assert not locked(page, "final-check")
    answer(page, "final-check", RIGHT["final-check"])
    assert check(page, "final-check") == {"score": "100", "passed": "true", "correct": {"f1": "true", "f2": "true"}}
    assert "You have used all your attempts." in result_text(page, "final-check")
    assert root.locator("[data-quiz-retry]").is_hidden() and locked(page, "final-check")
    page.reload()
    open_page(page, site, "final-check/")
    assert root.locator("[data-quiz-retry]").is_hidden() and locked(page, "final-check")
    assert marks_on_page(page, "final-check")
    assert saved_entry(page, "final-check")["attempts"] == 2


def test_marks_held_back_until_the_learner_passes(page, sites):
    site = sites("exam")
    open_page(page, site, "alpha/")
    answer(page, "alpha-check", WRONG["alpha-check"])
    assert check(page, "alpha-check")["passed"] == "false"
    assert not marks_on_page(page, "alpha-check")
    assert "You will see which answers were right once you pass." in result_text(page, "alpha-check")
    assert "attempt left" not in result_text(page, "alpha-check")  # attempts are not limited
    quiz(page, "alpha-check").locator("[data-quiz-retry]").click()
    answer(page, "alpha-check", RIGHT["alpha-check"])
    result = check(page, "alpha-check")
    assert result["passed"] == "true" and set(result["correct"].values()) == {"true"}
    assert "once you pass" not in result_text(page, "alpha-check")


def test_the_last_attempt_counts_and_marks_never_show(page, sites):
    site = sites("exam")
    open_page(page, site, "beta/")
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["passed"] == "true"
    assert "Your score that counts, from your last attempt: 100% (1 attempt)." in result_text(page, "beta-check")
    assert "You have 2 attempts left." in result_text(page, "beta-check")
    assert saved_entry(page, "beta-check")["passedAt"]
    # A worse last attempt is the one that counts: the quiz is no longer passed.
    for _second_and_third in (2, 3):
        quiz(page, "beta-check").locator("[data-quiz-retry]").click()
        answer(page, "beta-check", WRONG["beta-check"])
        assert check(page, "beta-check")["passed"] == "false"
        assert not marks_on_page(page, "beta-check")
        assert "You will see your score, but not which answers were right." in result_text(page, "beta-check")
    entry = saved_entry(page, "beta-check")
    assert (entry["best"], entry["passedAt"], entry["attempts"]) == (0, None, 3)
    assert "You have used all your attempts." in result_text(page, "beta-check")
    assert "try again" not in result_text(page, "beta-check")  # there is no attempt left
    open_page(page, site, "progress/")
    row = page.locator("tr", has_text="Beta check")
    assert "Passed" not in visible_text(row)


def tab_to(page, name: str, most: int = 60) -> None:
    """Press Tab until the focused element is the button or link called `name`."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"Tab never reached '{name}'")


def test_an_exam_by_keyboard_only(page, sites):
    site = sites("exam")
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    root.locator('[data-question="f1"] input').first.focus()
    page.keyboard.press("Space")  # the first option of f1; f2 stays blank
    tab_to(page, "Check answers")
    page.keyboard.press("Enter")
    root.locator("[data-quiz-confirm]").wait_for()
    tab_to(page, "Submit anyway")
    page.keyboard.press("Enter")
    root.locator("[data-quiz-result][data-score]").wait_for()
    tab_to(page, "Try again")
    page.keyboard.press("Enter")
    assert not locked(page, "final-check")
    assert root.evaluate("root => root.contains(document.activeElement)")


@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_at_each_state_of_an_exam(new_tab, sites, width):
    site = sites("exam")
    page = new_tab(viewport={"width": width, "height": 900}).page
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    problems = {"fresh": run_axe(page)}
    root.locator("[data-quiz-submit]").click()
    root.locator("[data-quiz-confirm]").wait_for()
    problems["asking about blanks"] = run_axe(page)
    root.locator("[data-quiz-confirm]").get_by_role("button", name="Submit anyway").click()
    root.locator("[data-quiz-result][data-score]").wait_for()
    problems["marks held back, locked"] = run_axe(page)
    root.locator("[data-quiz-retry]").click()
    answer(page, "final-check", RIGHT["final-check"])
    check(page, "final-check")
    problems["every attempt used"] = run_axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)
