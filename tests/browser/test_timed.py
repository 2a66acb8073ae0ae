"""Timed quizzes in Chromium, on the `timed` variant of the fixture course (tests/browser/conftest.py): final-check
has 10 minutes and may be extended once, beta-check 3 minutes that cannot be. Playwright's clock stands in for
the wall clock, so minutes pass at once: the countdown, its two announcements, a reload in the middle (the time
runs on and the answers so far stay), the extension, and the submission at zero."""

from __future__ import annotations

import pytest

from tests.support.browser import format_violations, open_page, outcome, quiz, run_axe, visible_text


def clock(page, quiz_id: str) -> str:
    return visible_text(quiz(page, quiz_id).locator("[data-quiz-clock]"))


def notice(page, quiz_id: str) -> str:
    return quiz(page, quiz_id).locator("[data-quiz-timer-notice]").text_content()


def test_a_timed_quiz_starts_counts_down_survives_a_reload_extends_and_submits_at_zero(page, sites):
    site = sites("timed")
    page.clock.install()
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    assert visible_text(root.locator(".course-quiz__rules")) == "You have 10 minutes once you start."
    assert root.locator("[data-quiz-form]").is_hidden()  # no question before the start
    start = root.get_by_role("button", name="Start the quiz")
    start.click()
    assert root.locator("[data-quiz-form]").is_visible() and start.is_hidden()
    assert clock(page, "final-check") == "Time left: 10:00"
    assert root.locator('[data-question="f1"]').evaluate("q => q.contains(document.activeElement)")
    root.locator('[data-question="f1"] input[value="true"]').check()

    # The clock is not read out each second; the notice is, once at 5 minutes and once at 1.
    assert root.locator("[data-quiz-clock]").get_attribute("role") == "timer"
    page.clock.run_for("04:59")
    assert clock(page, "final-check") == "Time left: 5:01" and notice(page, "final-check") == ""
    page.clock.run_for("00:02")
    assert notice(page, "final-check") == "5 minutes left."

    # A reload: the time runs on from the start, and the answer given so far is still there.
    page.reload()
    open_page(page, site, "final-check/")
    assert root.locator('[data-question="f1"] input[value="true"]').is_checked()
    assert clock(page, "final-check") in ("Time left: 4:59", "Time left: 4:58")
    page.clock.run_for("04:00")
    assert notice(page, "final-check") == "1 minute left."

    # Once, twice the limit more.
    root.get_by_role("button", name="I need more time").click()
    assert notice(page, "final-check") == "You have 20 more minutes."
    assert (
        root.get_by_role("button", name="I need more time").count() == 0
        or root.locator("[data-quiz-extend]").is_hidden()
    )
    assert clock(page, "final-check").startswith("Time left: 20:")
    assert page.evaluate("document.activeElement.matches('[data-quiz-clock]')")

    # At zero: submitted as it stands, blanks and all, without asking.
    page.clock.run_for("21:00")
    root.locator("[data-quiz-result][data-score]").wait_for()
    assert outcome(page, "final-check") == {"score": "50", "passed": "false", "correct": {"f1": "true", "f2": "false"}}
    assert "Time is up: your answers were submitted as they stood." in visible_text(root.locator("[data-quiz-result]"))
    assert root.locator("[data-quiz-timer]").is_hidden()
    # The next attempt starts when the learner says so.
    root.locator("[data-quiz-retry]").click()
    assert root.locator("[data-quiz-form]").is_hidden() and start.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-quiz-start]')")


def test_a_time_limit_that_cannot_be_extended_offers_no_extension(page, sites):
    site = sites("timed")
    page.clock.install()
    open_page(page, site, "beta/")
    root = quiz(page, "beta-check")
    root.get_by_role("button", name="Start the quiz").click()
    assert clock(page, "beta-check") == "Time left: 3:00"
    assert root.locator("[data-quiz-extend]").count() == 0
    page.clock.run_for("03:01")
    root.locator("[data-quiz-result][data-score]").wait_for()
    assert outcome(page, "beta-check")["score"] == "0"


def test_a_timed_quiz_by_keyboard_only(page, sites):
    site = sites("timed")
    page.clock.install()
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    root.locator("[data-quiz-start]").focus()
    page.keyboard.press("Enter")
    assert root.locator('[data-question="f1"]').evaluate("q => q.contains(document.activeElement)")
    page.keyboard.press("Space")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-quiz-extend]')"):
            break
    else:
        raise AssertionError("Tab never reached the extension button")
    page.keyboard.press("Enter")
    assert clock(page, "final-check").startswith("Time left: 30:") or clock(page, "final-check").startswith(
        "Time left: 29:"
    )


@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_at_each_state_of_a_timed_quiz(new_tab, sites, width):
    site = sites("timed")
    page = new_tab(viewport={"width": width, "height": 900}).page
    page.clock.install()
    open_page(page, site, "final-check/")
    root = quiz(page, "final-check")
    problems = {"before the start": run_axe(page)}
    root.locator("[data-quiz-start]").click()
    page.clock.run_for("05:01")
    problems["running, 5 minutes left"] = run_axe(page)
    page.clock.run_for("05:00")
    root.locator("[data-quiz-result][data-score]").wait_for()
    problems["time up"] = run_axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)
