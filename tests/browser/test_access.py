"""Accessibility, phones, keyboards, no JavaScript, and nothing leaving 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.browser import (
    PAGES,
    QUIZ_PAGES,
    RIGHT,
    answer,
    check,
    format_violations,
    open_page,
    outcome,
    pass_all,
    quiz,
    run_axe,
    take,
    visible_text,
)

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# Answers that leave every kind of mark on screen: right, wrong (with option feedback) and blank.
MIXED = {
    "alpha-check": {"single-one": "Green", "multiple-two": ["Apple", "Pear"]},
    "beta-check": {"short-one": "internal customer", "order-two": {"Listen": "2", "Agree a time": "1"}},
    "final-check": {"f2": "A"},
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations_before_answering(page, site, name):
    open_page(page, site, PAGES[name])
    violations = run_axe(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("quiz_id", QUIZ_PAGES)
def test_quiz_page_has_no_axe_violations_after_checking(page, site, quiz_id):
    take(page, site, quiz_id, MIXED[quiz_id])
    assert quiz(page, quiz_id).locator("[data-question-feedback]:visible").count() == len(RIGHT[quiz_id])
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_quiz_page_on_phone_has_no_axe_violations_after_checking(new_tab, site):
    page = new_tab(**PHONE).page
    take(page, site, "alpha-check", MIXED["alpha-check"])
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_course_pages_have_no_axe_violations_once_complete(page, site):
    pass_all(page, site)
    open_page(page, site, "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Ada Lovelace")
    page.get_by_role("button", name="Show my certificate").click()
    page.locator("[data-certificate]").wait_for()
    problems = {"certificate": run_axe(page)}
    for name in ("home", "progress"):
        open_page(page, site, PAGES[name])
        problems[name] = run_axe(page)
    assert page.locator("[data-lesson-passed]:visible, [data-progress-overall][data-course-status=complete]").count()
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)


def no_horizontal_scroll(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_375px_without_horizontal_scroll(new_tab, site, name):
    page = new_tab(**PHONE).page
    open_page(page, site, PAGES[name])
    assert no_horizontal_scroll(page) <= 375


def test_quiz_pages_fit_375px_after_checking_and_certificate_too(new_tab, site):
    page = new_tab(**PHONE).page
    for quiz_id in QUIZ_PAGES:
        take(page, site, quiz_id, MIXED[quiz_id])
        assert no_horizontal_scroll(page) <= 375, quiz_id
    pass_all(page, site)
    for path in ("progress/", "certificate/"):
        open_page(page, site, path)
        assert no_horizontal_scroll(page) <= 375, path
    page.get_by_label("Your name, as it should appear on the certificate").fill("Maria Salomea Skłodowska-Curie")
    page.get_by_role("button", name="Show my certificate").click()
    assert no_horizontal_scroll(page) <= 375


def test_quiz_targets_are_44px_on_phones(new_tab, site):
    page = new_tab(**PHONE).page
    for quiz_id in ("alpha-check", "beta-check"):
        take(page, site, quiz_id, MIXED[quiz_id])
        small = quiz(page, quiz_id).evaluate("""root => [...root.querySelectorAll(
                '.course-choice__label, select, input[type=text], button')]
            .filter(el => el.checkVisibility())
            .map(el => [el.textContent.trim() || el.outerHTML.slice(0, 60), el.getBoundingClientRect()])
            .filter(([, r]) => r.height < 44 || r.width < 44)
            .map(([what, r]) => `${what}: ${r.width}x${r.height}`)""")
        assert small == []


def tab_until(page, condition: str, limit: int = 120) -> None:
    """Press Tab until `condition` (JS, given the focused element as `el`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def focused_label(page) -> str:
    return page.evaluate("document.activeElement.labels?.[0]?.textContent.trim() ?? ''")


def test_quiz_keyboard_only_completes_choices(page, site):
    open_page(page, site, "alpha/")
    tab_until(page, "el.name === 'alpha-check--single-one'")
    for _ in range(3):  # arrows move through a radio group and choose as they go
        if focused_label(page) == "Blue":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.type") == "checkbox":
        if focused_label(page) in ("Apple", "Pear"):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert focused_label(page) == "True"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    submit = quiz(page, "alpha-check").locator("[data-quiz-submit]")
    assert submit.evaluate("el => el === document.activeElement")
    outline = submit.evaluate(
        "el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]"
    )
    assert outline[0] != "none" and outline[1] >= 2, "keyboard focus must be visible"
    page.keyboard.press("Enter")
    result = quiz(page, "alpha-check").locator("[data-quiz-result]")
    assert result.evaluate("el => el === document.activeElement")
    assert outcome(page, "alpha-check")["score"] == "100"
    # Back to "Try again" and start over, still by keyboard.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Try again"
    page.keyboard.press("Enter")
    assert outcome(page, "alpha-check")["score"] is None
    assert page.evaluate("document.activeElement.type") == "radio"


def test_quiz_keyboard_only_completes_text_and_selects(page, site):
    open_page(page, site, "beta/")
    tab_until(page, "el.type === 'text' && !!el.closest('[data-quiz]')")
    page.keyboard.type("Internal customer")
    wanted = {"Listen": "1", "Agree a time": "2", "Deliver": "3", "Caring": "S", "Competency": "B", "Integrity": "K"}
    for _ in range(6):
        page.keyboard.press("Tab")
        label = focused_label(page)
        page.keyboard.type(wanted[label])  # a closed select picks the option starting with what is typed
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert outcome(page, "beta-check") == {
        "score": "100",
        "passed": "true",
        "correct": {"short-one": "true", "order-two": "true", "match-three": "true"},
    }


@pytest.mark.parametrize("path", QUIZ_PAGES.values())
def test_quiz_without_javascript_is_readable_and_has_no_check_button(new_tab, site, path):
    page = new_tab(java_script_enabled=False).page
    open_page(page, site, path, ready=False)
    root = page.locator("[data-quiz]")
    questions = root.locator("[data-question]")
    assert questions.count() >= 2
    for i in range(questions.count()):
        question = questions.nth(i)
        assert question.locator("legend").is_visible()
        for control in question.locator("input, select").all():
            assert control.is_visible() and control.evaluate("el => el.labels.length === 1")
            assert control.evaluate("el => el.labels[0].textContent.trim() !== ''")
    assert root.locator("[data-quiz-submit]").is_hidden()
    assert root.locator("[data-quiz-retry]").is_hidden()
    assert "Turn on JavaScript" in visible_text(root)


def test_quiz_without_javascript_shows_every_option(new_tab, site):
    page = new_tab(java_script_enabled=False).page
    open_page(page, site, "alpha/", ready=False)
    labels = page.locator('[data-question="single-one"] label').all_inner_texts()
    assert sorted(labels) == ["Blue", "Green", "Red"]
    open_page(page, site, "beta/", ready=False)
    options = page.get_by_label("Caring").locator("option").all_inner_texts()
    assert sorted(options) == [
        "Answering every request first",
        "Being able to do the job",
        "Choose a match…",
        "Keeping your word",
        "Showing you value the person",
    ]
    open_page(page, site, "progress/", ready=False)
    assert page.locator("tr[data-quiz-group]").count() == 3
    assert "Turn on JavaScript" in visible_text(page.locator(".course-progress"))


def test_site_requests_stay_on_localhost(tab, site):
    page = tab.page
    for path in PAGES.values():
        open_page(page, site, path)
    pass_all(page, site)
    open_page(page, site, "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Ada")
    page.get_by_role("button", name="Show my certificate").click()
    hosts = {urlsplit(url).hostname for url in tab.requests}
    assert hosts == {"127.0.0.1"}, sorted(url for url in tab.requests if urlsplit(url).hostname != "127.0.0.1")
    loaded = {urlsplit(url).path for url in tab.requests}
    assert {"/assets/course/course.js", "/assets/course/course.css"} <= loaded


def test_quiz_respects_reduced_motion(new_tab, site):
    animation = "el => getComputedStyle(el).animationName"
    moving = new_tab(reduced_motion="no-preference").page
    take(moving, site, "final-check", MIXED["final-check"])
    assert moving.locator("[data-quiz-result]").evaluate(animation) == "course-appear"
    still = new_tab(reduced_motion="reduce").page
    take(still, site, "final-check", MIXED["final-check"])
    assert still.locator("[data-quiz-result]").evaluate(animation) == "none"
    assert still.locator("[data-question-feedback]").first.evaluate(animation) == "none"


def test_quiz_answers_by_label_click(page, site):
    """Every control is labelled by its visible text: clicking the text chooses the answer."""
    open_page(page, site, "alpha/")
    root = quiz(page, "alpha-check")
    root.locator("label", has_text="Blue").click()
    root.locator("label", has_text="Apple").click()
    root.locator("label", has_text="Pear").click()
    root.locator('[data-question="tf-three"] label', has_text="True").click()
    assert check(page, "alpha-check")["score"] == "100"
    answer(page, "alpha-check", {})  # no-op: the form keeps the answers given
    assert outcome(page, "alpha-check")["score"] == "100"
