"""The components' one page-lifecycle hook (assets/course/dom.js): started on first load, on every page
Material's instant navigation shows and on a page back from the back/forward cache, each root once."""

from __future__ import annotations

from tests.support.browser import RIGHT, answer, check, open_page, probe_components, quiz, saved_progress

COUNT_CHECKS = "() => { window.checked = 0; document.addEventListener('course:quiz-checked', () => window.checked++); }"

FRESH_QUIZ = """async () => {
    const html = await (await fetch(location.href)).text();
    const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-quiz]');
    document.querySelector('[data-quiz]').replaceWith(document.importNode(fresh, true));
}"""
"""Puts the quiz back as the server sent it, as Material's instant navigation puts in a new page."""

FAKE_DOCUMENT = """window.document$ = { subscribe(next) { (window.pagesShown ||= []).push(next); next(document); } };"""
"""Material's document$ as the course scripts use it, on a theme without Material: the test says when a page
is shown."""

RESTORED = "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"


def live_quizzes(page) -> list[bool]:
    """Whether the root of each quiz component the page keeps is still in the page (probe_components)."""
    return page.evaluate(
        "window.courseComponents().filter(c => c.constructor.moduleName === 'quiz').map(c => c.root.isConnected)"
    )


def checks_once(page) -> None:
    """One press of "Check answers" is one check: one event and one saved attempt."""
    page.evaluate(COUNT_CHECKS)
    answer(page, "alpha-check", RIGHT["alpha-check"])
    assert check(page, "alpha-check")["score"] == "100"
    assert page.evaluate("window.checked") == 1
    assert saved_progress(page)["quizzes"]["alpha-check"]["attempts"] == 1


def test_quiz_started_by_instant_navigation_is_set_up_once(page, sites):
    site = sites("instant")
    probe_components(page, site)
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        open_page(page, site, "")  # Material handles links only once it has read the sitemap
    page.evaluate("window.sameDocument = true")
    for lesson in ("Alpha lesson", "Beta lesson", "Alpha lesson"):
        page.locator(".md-nav__link", has_text=lesson).first.click()
        page.wait_for_url(site.url("alpha/" if lesson == "Alpha lesson" else "beta/"))
    quiz(page, "alpha-check").locator("[data-quiz-submit]").wait_for(state="visible")
    page.evaluate(RESTORED)
    assert page.evaluate("window.sameDocument") is True, "Material's instant navigation did not handle the links"
    assert live_quizzes(page) == [True]  # only the quiz on the page: those swapped away are gone
    checks_once(page)


def test_quiz_shown_again_or_restored_from_cache_is_set_up_once(page, sites):
    site = sites("mkdocs")
    page.add_init_script(FAKE_DOCUMENT)
    probe_components(page, site)
    open_page(page, site, "alpha/")
    assert page.evaluate("window.pagesShown.length") == 1  # one subscription for every component
    # The same page shown again and restored from the cache: nothing new to start.
    page.evaluate("() => window.pagesShown.forEach(next => next(document))")
    page.evaluate(RESTORED)
    assert live_quizzes(page) == [True]
    # New content, as instant navigation swaps it in: started on the next page shown, once.
    page.evaluate(FRESH_QUIZ)
    assert quiz(page, "alpha-check").get_attribute("data-quiz-init") is None
    page.evaluate("() => window.pagesShown.forEach(next => next(document))")
    page.evaluate("() => window.pagesShown.forEach(next => next(document))")
    page.evaluate(RESTORED)
    quiz(page, "alpha-check").locator("[data-quiz-submit]").wait_for(state="visible")
    assert live_quizzes(page) == [True]
    checks_once(page)


def test_quiz_new_on_a_page_restored_from_cache_is_set_up_once(page, site):
    probe_components(page, site)
    open_page(page, site, "alpha/")
    page.evaluate(FRESH_QUIZ)
    page.evaluate(RESTORED)
    page.evaluate(RESTORED)
    quiz(page, "alpha-check").locator("[data-quiz-submit]").wait_for(state="visible")
    assert quiz(page, "alpha-check").get_attribute("data-quiz-init") == ""
    assert live_quizzes(page) == [True]
    checks_once(page)


def test_progress_views_follow_saves_without_starting_again(tab, site):
    progress = tab.page
    probe_components(progress, site)
    open_page(progress, site, "progress/")
    other = tab.context.new_page()  # another tab of the course
    open_page(other, site, "alpha/")
    answer(other, "alpha-check", RIGHT["alpha-check"])
    check(other, "alpha-check")
    progress.locator('tr[data-progress-row="alpha"][data-status="passed"]').wait_for()  # the storage event
    progress.evaluate(RESTORED)
    assert progress.evaluate("window.courseComponents().map(c => c.constructor.moduleName).sort()") == [
        "course-progress",
        "scenario-progress",
    ]
