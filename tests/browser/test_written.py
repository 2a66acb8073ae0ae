"""Written practice in Chromium: the learner writes, compares with the model answer, ticks the checklist; the
text and ticks are saved with their progress and come back; the quiz is scored without it; keyboard only,
axe-core at desktop and phone widths; and on paper, ruled lines to write on."""

from __future__ import annotations

import pytest

from tests.support.browser import (
    RIGHT,
    STORAGE_FULL,
    STORAGE_KEY,
    WRITTEN_CHECKLIST,
    WRITTEN_MODEL,
    WRITTEN_PROMPT,
    WRONG,
    answer,
    check,
    decode_key,
    format_violations,
    open_page,
    outcome,
    quiz,
    run_axe,
    saved_progress,
    store_progress,
    visible_text,
)
from tests.support.pdf import read_pdf

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
TEXT = 'Hi Sam, got it.\nI can send the figures by 3pm; is that soon enough? "Thanks"'


@pytest.fixture(scope="module")
def written_site(sites):
    return sites("written")


def written(page):
    return quiz(page, "beta-check").locator('[data-question="write-four"]')


def compare_button(page):
    return written(page).get_by_role("button", name="Compare")


def test_written_box_is_labelled_by_the_prompt_and_compare_reveals_model_answer_and_checklist(page, written_site):
    open_page(page, written_site, "beta/")
    box = page.get_by_role("textbox", name=WRITTEN_PROMPT)
    assert box.evaluate("e => e.tagName") == "TEXTAREA"
    assert "Not scored." in visible_text(written(page).locator(".course-question__hint"))
    assert not written(page).get_by_text(WRITTEN_MODEL).is_visible()
    assert compare_button(page).get_attribute("aria-expanded") == "false"
    box.fill(TEXT)
    compare_button(page).click()
    assert written(page).get_by_text(WRITTEN_MODEL).is_visible()
    assert compare_button(page).get_attribute("aria-expanded") == "true"
    for item in WRITTEN_CHECKLIST:
        tick = written(page).get_by_role("checkbox", name=item)
        assert tick.is_visible() and not tick.is_checked()
    assert box.input_value() == TEXT  # comparing keeps the learner's words beside the model answer
    compare_button(page).click()
    assert not written(page).get_by_text(WRITTEN_MODEL).is_visible()


def test_written_text_ticks_and_comparison_survive_a_reload(page, written_site):
    open_page(page, written_site, "beta/")
    page.get_by_role("textbox", name=WRITTEN_PROMPT).fill(TEXT)
    compare_button(page).click()
    written(page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[0]).check()
    written(page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[2]).check()
    saved = saved_progress(page)
    assert saved["v"] == 1 and saved["quizzes"] == {}
    entry = saved["written"]["beta-check"]["write-four"]
    assert entry["text"] == TEXT and entry["ticks"] == [0, 2] and entry["compared"] is True
    page.reload()
    open_page(page, written_site, "beta/")
    assert page.get_by_role("textbox", name=WRITTEN_PROMPT).input_value() == TEXT
    assert written(page).get_by_text(WRITTEN_MODEL).is_visible()
    ticked = [written(page).get_by_role("checkbox", name=item).is_checked() for item in WRITTEN_CHECKLIST]
    assert ticked == [True, False, True]


def test_typing_is_saved_without_leaving_the_box(page, written_site):
    open_page(page, written_site, "beta/")
    page.get_by_role("textbox", name=WRITTEN_PROMPT).press_sequentially("Draft one")
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k) || '{}')"
        ".written?.['beta-check']?.['write-four']?.text === 'Draft one'",
        arg=STORAGE_KEY,
    )
    assert saved_progress(page)["written"]["beta-check"]["write-four"]["compared"] is False


@pytest.mark.parametrize(("answers", "score", "passed"), [(RIGHT, "100", "true"), (WRONG, "0", "false")])
def test_quiz_scores_exclude_the_written_question(page, written_site, answers, score, passed):
    open_page(page, written_site, "beta/")
    answer(page, "beta-check", answers["beta-check"])
    page.get_by_role("textbox", name=WRITTEN_PROMPT).fill(TEXT)
    result = check(page, "beta-check")
    assert result["score"] == score and result["passed"] == passed
    assert result["correct"]["write-four"] is None  # never marked right or wrong
    assert written(page).locator(".course-mark").count() == 0
    earned = "3 of 3 points" if score == "100" else "0 of 3 points"
    assert earned in visible_text(quiz(page, "beta-check").locator("[data-quiz-result]"))
    assert "left 1" not in visible_text(quiz(page, "beta-check").locator("[data-quiz-result]")).lower()


def test_written_left_empty_is_not_listed_as_blank_and_try_again_keeps_the_text(page, written_site):
    open_page(page, written_site, "beta/")
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["score"] == "100"
    result = visible_text(quiz(page, "beta-check").locator("[data-quiz-result]"))
    assert "blank" not in result.lower(), result
    page.get_by_role("textbox", name=WRITTEN_PROMPT).fill(TEXT)
    compare_button(page).click()
    written(page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[1]).check()
    quiz(page, "beta-check").locator("[data-quiz-retry]").click()
    assert page.get_by_role("textbox", name=WRITTEN_PROMPT).input_value() == TEXT
    assert written(page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[1]).is_checked()
    assert quiz(page, "beta-check").locator('[data-question="short-one"] input').input_value() == ""


def test_progress_saved_before_written_questions_existed_still_loads(page, written_site):
    """Older progress (no `written`) keeps its quiz result; the written question starts empty."""
    open_page(page, written_site, "beta/")
    answer(page, "beta-check", RIGHT["beta-check"])
    check(page, "beta-check")
    old = saved_progress(page)
    old.pop("written", None)
    store_progress(page, old)
    page.reload()
    open_page(page, written_site, "beta/")
    quiz(page, "beta-check").locator("[data-quiz-result][data-score]").wait_for()
    assert outcome(page, "beta-check")["score"] == "100"
    assert page.get_by_role("textbox", name=WRITTEN_PROMPT).input_value() == ""
    # a stored written entry of the wrong shape is left out; the rest of the progress is kept
    store_progress(page, {**old, "written": {"beta-check": {"write-four": {"text": 5}, "other": "x"}}})
    page.reload()
    open_page(page, written_site, "beta/")
    assert outcome(page, "beta-check")["score"] == "100"
    assert page.get_by_role("textbox", name=WRITTEN_PROMPT).input_value() == ""


def test_written_with_keyboard_only(page, written_site):
    open_page(page, written_site, "beta/")
    page.locator('[data-question="match-three"] select').last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.type("Typed with the keyboard")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Compare"
    page.keyboard.press("Enter")
    assert written(page).get_by_text(WRITTEN_MODEL).is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert written(page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[0]).is_checked()
    saved = saved_progress(page)["written"]["beta-check"]["write-four"]
    assert saved == {"text": "Typed with the keyboard", "ticks": [0], "tag": saved["tag"], "compared": True}


def test_written_says_when_the_browser_cannot_keep_the_answer(new_tab, written_site):
    tab = new_tab()
    tab.page.add_init_script(STORAGE_FULL)
    open_page(tab.page, written_site, "beta/")
    tab.page.get_by_role("textbox", name=WRITTEN_PROMPT).fill(TEXT)
    compare_button(tab.page).click()
    notice = written(tab.page).locator("[data-written-notice]")
    assert notice.is_visible() and "will be lost" in notice.inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_written_after_compare_has_no_axe_violations(new_tab, written_site, width):
    tab = new_tab(**(PHONE if width == 375 else {"viewport": {"width": 1280, "height": 900}}))
    open_page(tab.page, written_site, "beta/")
    tab.page.get_by_role("textbox", name=WRITTEN_PROMPT).fill(TEXT)
    compare_button(tab.page).click()
    written(tab.page).get_by_role("checkbox", name=WRITTEN_CHECKLIST[0]).check()
    violations = run_axe(tab.page)
    assert not violations, format_violations(violations)


def test_written_prints_ruled_lines_not_the_box_or_model_answer(page, written_site, tmp_path):
    open_page(page, written_site, "beta/")
    compare_button(page).click()  # even when compared on screen, the model answer stays off the worksheet
    path = tmp_path / "printed.pdf"
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    printout = read_pdf(path)
    assert printout.page_of("Write your answer in the space below.")
    assert not printout.page_of("Not scored.")
    assert not printout.page_of(WRITTEN_MODEL[:30]) and not printout.page_of("Compare")
    page.emulate_media(media="print")
    lines = written(page).locator(".course-written__line")
    assert lines.count() == 8
    for line in lines.all():
        box = line.bounding_box()
        assert box and box["height"] >= 20 and box["width"] > 300
        assert line.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert not written(page).locator("textarea").is_visible()


def test_written_question_is_not_in_the_answer_key(page, written_site):
    open_page(page, written_site, "beta/")
    key = decode_key(page, "beta-check")
    assert list(key["questions"]) == ["short-one", "order-two", "match-three"]
