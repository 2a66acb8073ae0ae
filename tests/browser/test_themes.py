"""The quiz script with MkDocs' built-in theme and with Material's instant navigation."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.support.browser import (
    PAGES,
    RIGHT,
    WRONG,
    answer,
    check,
    format_violations,
    open_page,
    outcome,
    quiz,
    run_axe,
    take,
)


def test_quiz_works_with_mkdocs_builtin_theme(tab, sites):
    site = sites("mkdocs")
    page = tab.page
    assert (
        "mkdocs" in (site.root / "index.html").read_text() and "md-header" not in (site.root / "index.html").read_text()
    )
    result = take(
        page, site, "beta-check", dict(RIGHT["beta-check"], **{"order-two": WRONG["beta-check"]["order-two"]})
    )
    assert (result["score"], result["passed"]) == ("66", "true")
    page.reload()
    open_page(page, site, "beta/")
    assert outcome(page, "beta-check")["score"] == "66"
    open_page(page, site, "progress/")
    assert page.locator('tr[data-progress-row="beta"] [data-progress-status]').inner_text().strip() == "✓ Passed"
    assert {urlsplit(url).hostname for url in tab.requests} == {"127.0.0.1"}


def test_quiz_works_after_material_instant_navigation(page, sites):
    site = sites("instant")
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        open_page(page, site, "")  # Material handles links only once it has read the sitemap
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Start the course").click()
    page.wait_for_url(site.url("alpha/"))
    submit = quiz(page, "alpha-check").locator("[data-quiz-submit]")
    submit.wait_for(state="visible")
    assert page.evaluate("window.sameDocument") is True, "Material's instant navigation did not handle the link"
    answer(page, "alpha-check", RIGHT["alpha-check"])
    assert check(page, "alpha-check")["score"] == "100"
    page.locator(".md-nav__link", has_text="Beta lesson").first.click()
    page.wait_for_url(site.url("beta/"))
    quiz(page, "beta-check").locator("[data-quiz-submit]").wait_for(state="visible")
    answer(page, "beta-check", WRONG["beta-check"])
    assert check(page, "beta-check")["score"] == "0"
    page.locator(".md-nav__link", has_text="Your progress").first.click()
    page.wait_for_url(site.url("progress/"))
    status = page.locator('tr[data-progress-row="alpha"] [data-progress-status]')
    status.filter(has_text="Passed").wait_for()
    assert page.locator('tr[data-progress-row="beta"] [data-progress-best]').inner_text() == "0%"
    page.locator(".md-nav__link", has_text="Home").first.click()
    page.wait_for_url(site.url(""))
    page.locator('[data-lesson-passed="alpha"]').wait_for(state="visible")
    assert page.locator('[data-lesson-passed="beta"]').is_hidden()
    # Back to a quiz page already visited: it is set up again, with its saved attempt.
    page.go_back()
    page.wait_for_url(site.url("progress/"))
    page.locator("[data-progress-overall][data-course-status=in-progress]").wait_for()
    page.goto(site.url("alpha/"))
    quiz(page, "alpha-check").locator("[data-quiz-result][data-score='100']").wait_for()
    assert page.evaluate("window.sameDocument") is None  # a real load this time: the script still works


def test_mkdocs_builtin_theme_pages_have_no_axe_violations(page, sites):
    site = sites("mkdocs")
    problems = {}
    for name, path in PAGES.items():
        open_page(page, site, path)
        problems[name] = run_axe(page)
    take(page, site, "alpha-check", {"single-one": "Green", "multiple-two": ["Apple", "Pear"]})
    problems["alpha after checking"] = run_axe(page)
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)
