"""Saved progress: reload, edited quizzes, broken storage, the progress page, passed marks, certificate."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from tests.support.browser import (
    QUIZ_PAGES,
    RIGHT,
    STORAGE_FULL,
    STORAGE_KEY,
    WRONG,
    answer,
    check,
    open_page,
    outcome,
    pass_all,
    quiz,
    saved_progress,
    store_progress,
    take,
    visible_text,
)


def progress_rows(page) -> dict:
    return page.eval_on_selector_all(
        "tr[data-progress-row]",
        """rows => Object.fromEntries(rows.map(r => [
        r.dataset.progressRow,
        [r.querySelector('[data-progress-status]').innerText.trim(),
         r.querySelector('[data-progress-best]').innerText]]))""",
    )


def test_quiz_reload_restores_last_attempt(page, site):
    answers = dict(RIGHT["alpha-check"], **{"single-one": "Red"})
    before = take(page, site, "alpha-check", answers)
    assert before["score"] == "75"
    page.reload()
    open_page(page, site, "alpha/")
    assert outcome(page, "alpha-check") == before
    root = quiz(page, "alpha-check")
    checked = root.locator("input:checked").evaluate_all("els => els.map(e => e.labels[0].textContent)")
    assert sorted(checked) == ["Apple", "Pear", "Red", "True"]
    assert "Your best score: 75% (1 attempt)." in visible_text(root.locator("[data-quiz-result]"))
    assert root.locator("[data-choice-feedback]:visible").all_inner_texts() == ["Only at sunset."]
    assert root.locator("[data-quiz-retry]").is_visible()


def test_quiz_reload_restores_every_question_type(page, site):
    take(page, site, "beta-check", RIGHT["beta-check"])
    page.reload()
    open_page(page, site, "beta/")
    assert outcome(page, "beta-check")["score"] == "100"
    root = quiz(page, "beta-check")
    assert root.locator("input[type=text]").input_value() == "Internal customer"
    assert root.get_by_label("Listen").input_value() == "1"
    assert root.get_by_label("Integrity").evaluate("s => s.selectedOptions[0].text") == "Keeping your word"


def test_quiz_reload_keeps_best_score_after_a_worse_attempt(page, site):
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    quiz(page, "alpha-check").locator("[data-quiz-retry]").click()
    answer(page, "alpha-check", WRONG["alpha-check"])
    assert check(page, "alpha-check")["score"] == "0"
    page.reload()
    open_page(page, site, "alpha/")
    assert outcome(page, "alpha-check")["score"] == "0"
    assert "Your best score: 100% (2 attempts)." in visible_text(quiz(page, "alpha-check"))
    open_page(page, site, "progress/")
    assert progress_rows(page)["alpha"] == ["✓ Passed", "100%"]


def test_quiz_saved_progress_is_keyed_by_quiz_and_version(page, site):
    take(page, site, "final-check", RIGHT["final-check"])
    saved = saved_progress(page)
    entry = saved["quizzes"]["final-check"]
    assert saved["v"] == 1
    assert entry["version"] == quiz(page, "final-check").get_attribute("data-quiz-version")
    assert (entry["best"], entry["attempts"], entry["last"]["score"], entry["last"]["passed"]) == (100, 1, 100, True)
    assert entry["last"]["responses"] == {"f1": "true", "f2": entry["last"]["responses"]["f2"]}


def test_quiz_edited_since_last_attempt_starts_fresh(page, site):
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    page.evaluate(
        """key => { const p = JSON.parse(localStorage.getItem(key));
        p.quizzes['alpha-check'].version = 'an-older-one'; localStorage.setItem(key, JSON.stringify(p)); }""",
        STORAGE_KEY,
    )
    page.reload()
    open_page(page, site, "alpha/")
    assert outcome(page, "alpha-check")["score"] is None
    assert quiz(page, "alpha-check").locator("input:checked").count() == 0
    open_page(page, site, "progress/")
    assert progress_rows(page)["alpha"] == ["○ Not started", "—"]


CORRUPT = {
    "not json": "{not json",
    "a list": "[1, 2]",
    "a string": '"hello"',
    "other version": '{"v": 2, "quizzes": {}}',
    "quiz is not an object": '{"v": 1, "quizzes": {"alpha-check": "passed"}}',
    "bad numbers": '{"v": 1, "quizzes": {"alpha-check": {"version": "%s", "best": "lots", "last": {"score": 900}}}}',
    "foreign answers": '{"v": 1, "quizzes": {"alpha-check": {"version": "%s", "best": 50, "attempts": 1, "last": '
    '{"score": 50, "passed": false, "responses": {"single-one": {"a": 1}, "multiple-two": "xy", '
    '"tf-three": ["true"], "__proto__": {"x": 1}}}}}}',
}


@pytest.mark.parametrize("stored", CORRUPT.values(), ids=CORRUPT.keys())
def test_storage_corrupt_resets_quietly(tab, site, stored):
    page = tab.page
    open_page(page, site, "alpha/")
    version = quiz(page, "alpha-check").get_attribute("data-quiz-version")
    store_progress(page, stored.replace("%s", version))
    for path in ("", "progress/", "certificate/", "alpha/"):
        open_page(page, site, path)
    assert quiz(page, "alpha-check").locator("[data-quiz-submit]").is_visible()
    answer(page, "alpha-check", RIGHT["alpha-check"])
    assert check(page, "alpha-check")["score"] == "100"
    saved = saved_progress(page)
    assert saved["v"] == 1 and saved["quizzes"]["alpha-check"]["best"] == 100
    open_page(page, site, "progress/")
    assert progress_rows(page)["alpha"] == ["✓ Passed", "100%"]
    assert not tab.errors


def test_storage_full_still_scores_and_says_progress_is_not_kept(new_tab, site):
    tab = new_tab()
    tab.context.add_init_script(STORAGE_FULL)
    page = tab.page
    result = take(page, site, "alpha-check", RIGHT["alpha-check"])
    assert (result["score"], result["passed"]) == ("100", "true")
    text = visible_text(quiz(page, "alpha-check").locator("[data-quiz-result]"))
    assert "This browser is not keeping your progress" in text
    open_page(page, site, "progress/")
    assert "not keeping your progress" in visible_text(page.locator("[data-progress-overall]"))


def test_storage_disabled_still_scores(new_tab, site):
    tab = new_tab()
    tab.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    page = tab.page
    result = take(page, site, "beta-check", RIGHT["beta-check"])
    assert (result["score"], result["passed"]) == ("100", "true")
    assert "not keeping your progress" in visible_text(quiz(page, "beta-check").locator("[data-quiz-result]"))


def test_progress_page_before_any_quiz_shows_not_started(page, site):
    open_page(page, site, "progress/")
    assert progress_rows(page) == {
        "alpha": ["○ Not started", "—"],
        "beta": ["○ Not started", "—"],
        "final-check": ["○ Not started", "—"],
    }
    overall = page.locator("[data-progress-overall]")
    assert overall.get_attribute("data-course-status") == "not-started"
    assert visible_text(overall).startswith("Not started: you have not taken a quiz yet.")


def test_progress_page_does_not_move_when_its_script_starts(page, site):
    """Built as the script shows it before any quiz, the page has no layout shift on a phone (Lighthouse's CLS)."""
    page.set_viewport_size({"width": 412, "height": 823})
    built = page.request.get(site.url("progress/")).text()
    assert "○</span> Not started" in built and "Not started:</strong> you have not taken a quiz yet." in built
    open_page(page, site, "progress/")
    shifts = page.evaluate(
        """() => new Promise(done => {
            const values = [];
            new PerformanceObserver(list => values.push(...list.getEntries().map(e => e.value)))
              .observe({type: "layout-shift", buffered: true});
            setTimeout(() => done(values), 500);
        })"""
    )
    assert sum(shifts) == 0, shifts


def test_progress_page_shows_status_and_best_score(page, site):
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    take(page, site, "beta-check", dict(WRONG["beta-check"], **{"short-one": "internal customer"}))
    open_page(page, site, "progress/")
    assert progress_rows(page) == {
        "alpha": ["✓ Passed", "100%"],
        "beta": ["◐ Attempted", "33%"],
        "final-check": ["○ Not started", "—"],
    }
    statuses = page.eval_on_selector_all("tr[data-progress-row]", "rows => rows.map(r => r.dataset.status)")
    assert statuses == ["passed", "attempted", "not-started"]
    overall = page.locator("[data-progress-overall]")
    assert overall.get_attribute("data-course-status") == "in-progress"
    assert visible_text(overall).startswith("In progress: you have passed 1 of 3 quizzes.")


def test_progress_page_complete_links_the_certificate(page, site):
    pass_all(page, site)
    open_page(page, site, "progress/")
    overall = page.locator("[data-progress-overall]")
    assert overall.get_attribute("data-course-status") == "complete"
    assert visible_text(overall).startswith("Course complete: you have passed all 3 quizzes. Get your certificate.")
    overall.get_by_role("link", name="Get your certificate").click()
    assert page.url == site.url("certificate/")


def test_home_marks_lessons_whose_quiz_is_passed(page, site):
    open_page(page, site, "")
    marks = page.locator("[data-lesson-passed]")
    assert marks.count() == 2 and page.locator("[data-lesson-passed]:visible").count() == 0
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    take(page, site, "beta-check", WRONG["beta-check"])
    open_page(page, site, "")
    assert page.locator('[data-lesson-passed="alpha"]').is_visible()
    assert page.locator('[data-lesson-passed="beta"]').is_hidden()
    assert visible_text(page.locator('[data-lesson="alpha"] h3')) == "Alpha lesson ✓ (quiz passed)"


def certificate_state(page) -> str:
    return page.locator("[data-certificate-page]").get_attribute("data-certificate-status")


def test_certificate_locked_until_every_quiz_is_passed(page, site):
    open_page(page, site, "certificate/")
    assert certificate_state(page) == "locked"
    assert page.locator("[data-certificate-unlocked]").is_hidden()
    assert "you still need to pass 3 quizzes" in visible_text(page.locator("[data-certificate-summary]"))
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    take(page, site, "beta-check", RIGHT["beta-check"])
    take(page, site, "final-check", {"f1": "True", "f2": "A"})  # 50%: below the final quiz's 80
    open_page(page, site, "certificate/")
    assert certificate_state(page) == "locked"
    assert "you still need to pass 1 quiz." in visible_text(page.locator("[data-certificate-summary]"))
    items = page.locator("[data-certificate-requirement]")
    assert [visible_text(items.nth(i)) for i in range(3)] == [
        "Alpha check (Alpha lesson, pass mark 75%): ✓ Passed (best score 100%)",
        "Beta check (Beta lesson, pass mark 60%): ✓ Passed (best score 100%)",
        "Final check (Final quiz, pass mark 80%): ◐ Attempted (best score 50%)",
    ]
    take(page, site, "final-check", RIGHT["final-check"])
    open_page(page, site, "certificate/")
    assert certificate_state(page) == "unlocked"
    assert page.locator("[data-certificate-locked]").is_hidden()
    assert page.locator("[data-certificate-form]").is_visible()


def test_certificate_shows_name_course_date_and_scores(page, site):
    pass_all(page, site)
    open_page(page, site, "certificate/")
    sheet = page.locator("[data-certificate]")
    assert sheet.is_hidden()
    name = "<b>Ada</b>  Lovelace"
    page.get_by_label("Your name, as it should appear on the certificate").fill(name)
    page.get_by_role("button", name="Show my certificate").click()
    assert sheet.is_visible()
    assert sheet.evaluate("el => el === document.activeElement")
    assert page.locator("[data-certificate-name]").inner_text() == "<b>Ada</b> Lovelace"
    assert sheet.locator("b").count() == 0
    today = datetime.date.today()
    assert page.locator("[data-certificate-date] time").get_attribute("datetime") == today.isoformat()
    assert page.locator("[data-certificate-date] time").inner_text() == f"{today:%B} {today.day}, {today.year}"
    text = " ".join(sheet.text_content().split())
    assert text.startswith(
        "Certificate of completion This certifies that <b>Ada</b> Lovelace has completed the "
        f"course Fixture Course on {today:%B} {today.day}, {today.year}, passing every quiz:"
    )
    rows = sheet.locator("tbody tr").evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert rows == [["Alpha check", "75%", "100%"], ["Beta check", "60%", "100%"], ["Final check", "80%", "100%"]]
    assert re.fullmatch(
        rf"Course version [0-9a-f]{{10}} · issued {today:%B} {today.day}, {today.year}",
        sheet.locator(".course-certificate__verification").inner_text(),
    )
    assert sheet.locator("[data-certificate-issued] time").get_attribute("datetime") == today.isoformat()
    assert sheet.locator(".course-certificate__issuer, .course-certificate__signature, img").count() == 0
    assert page.get_by_role("button", name="Print certificate").is_visible()
    page.reload()
    page.locator("[data-certificate]").wait_for(state="visible")
    assert page.locator("[data-certificate-name]").inner_text() == "<b>Ada</b> Lovelace"


def test_certificate_asks_for_a_name(page, site):
    pass_all(page, site)
    open_page(page, site, "certificate/")
    page.get_by_role("button", name="Show my certificate").click()
    name = page.get_by_label("Your name, as it should appear on the certificate")
    assert page.locator("[data-certificate-error]").is_visible()
    assert name.get_attribute("aria-invalid") == "true"
    assert name.evaluate("el => el === document.activeElement")
    assert page.locator("[data-certificate]").is_hidden()


def test_certificate_prints_alone_on_one_page(page, site):
    pass_all(page, site)
    open_page(page, site, "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Grace Hopper")
    page.get_by_role("button", name="Show my certificate").click()
    page.emulate_media(media="print")
    visible = page.evaluate("""() => [...document.body.querySelectorAll('*')]
        .filter(el => el.checkVisibility() && !el.closest('[data-certificate]')
            && !el.querySelector('[data-certificate]'))
        .map(el => el.tagName + '.' + el.className)""")
    assert visible == []
    assert page.locator("[data-certificate]").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1, "the certificate must print on one page"


def test_progress_survives_navigation_between_pages(page, site):
    take(page, site, "beta-check", dict(RIGHT["beta-check"], **{"short-one": ""}))
    open_page(page, site, "progress/")
    assert progress_rows(page)["beta"] == ["✓ Passed", "66%"]
    raw = page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})")
    assert json.loads(raw)["quizzes"]["beta-check"]["last"]["responses"]["short-one"] == ""
    assert set(json.loads(raw)["quizzes"]) == {"beta-check"}
    assert QUIZ_PAGES  # every quiz page is listed on the progress page
    assert page.locator("tr[data-quiz-group]").evaluate_all(
        "rows => rows.map(r => r.dataset.quizGroup.split(':')[0])"
    ) == list(QUIZ_PAGES)


def test_quiz_pageshow_from_cache_shows_attempt_made_elsewhere(tab, site):
    first = tab.page
    open_page(first, site, "alpha/")
    second = tab.context.new_page()
    take(second, site, "alpha-check", WRONG["alpha-check"])
    assert outcome(first, "alpha-check")["score"] is None
    # What the browser fires when it brings the first page back from its back/forward cache:
    first.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert outcome(first, "alpha-check")["score"] == "0"
    assert quiz(first, "alpha-check").get_by_label("Carrot").is_checked()


def test_progress_page_updates_when_another_tab_saves(tab, site):
    progress = tab.page
    open_page(progress, site, "progress/")
    take(tab.context.new_page(), site, "final-check", RIGHT["final-check"])
    progress.locator('tr[data-progress-row="final-check"][data-status="passed"]').wait_for()
    assert progress_rows(progress)["final-check"] == ["✓ Passed", "100%"]
