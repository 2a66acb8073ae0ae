"""Live preview errors: while `course serve` runs, a YAML mistake shows on the page being viewed, in
Chromium, and disappears when it is fixed (MkDocs' live reload reloads the page each time).

Debian's Chromium is driven by Playwright (never a downloaded browser). With CI=true a missing
/usr/bin/chromium fails the test; elsewhere it is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import launched_chromium
from tests.support.cli import course_server
from tests.support.net import fetch, wait_for

TIMEOUT_MS = 30_000


@pytest.fixture
def browser() -> Iterator:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def served(course_copy) -> Iterator[tuple[Path, str]]:
    """The `full` fixture course served by the real `course serve` on a free port: (project, base URL)."""
    project = course_copy("full")
    with course_server(project) as (server, base):
        assert wait_for(lambda: "Alpha check" in fetch(f"{base}/alpha/")), "course serve did not start"
        yield project, base
        assert server.poll() is None, "the server stopped"


def test_preview_errors_show_on_the_open_lesson_and_clear_when_fixed(served, browser):
    from playwright.sync_api import expect

    project, base = served
    page = browser.new_page()
    page.goto(f"{base}/alpha/")
    quiz_root = page.locator('[data-quiz="alpha-check"]')
    banner = page.locator("[data-course-problems]")
    expect(quiz_root).to_have_count(1)
    expect(banner).to_have_count(0)

    quiz = project / "quizzes/alpha-check.yml"
    good = quiz.read_text()
    quiz.write_text(good.replace("title: Alpha check", "titl: Alpha check"))
    expect(banner).to_be_visible(timeout=TIMEOUT_MS)
    expect(banner.locator("li")).to_have_text(
        [
            "quizzes/alpha-check.yml:1:1 missing required key 'title': the quiz title",
            "quizzes/alpha-check.yml:2:1 titl: unknown key 'titl' (did you mean 'title'?)",
        ]
    )
    expect(banner).to_contain_text("The page Alpha lesson comes back then.")
    assert page.url == f"{base}/alpha/"
    expect(quiz_root).to_have_count(0)

    quiz.write_text(good)
    expect(banner).to_have_count(0, timeout=TIMEOUT_MS)
    expect(quiz_root).to_have_count(1)
    assert page.url == f"{base}/alpha/"


def test_preview_errors_keep_every_page_of_the_course_reachable(served):
    project, base = served
    lesson = project / "content/beta.yml"
    good = lesson.read_text()
    lesson.write_text(good.replace("duration_minutes: 8", "duration_minutes: eight"))
    message = "content/beta.yml:4:19</code> duration_minutes: should be a whole number, but is text &#39;eight&#39;"
    for path in ("", "alpha/", "beta/", "final-check/", "progress/"):
        assert wait_for(lambda path=path: message in fetch(f"{base}/{path}")), path
    lesson.write_text(good)
    assert wait_for(lambda: 'data-quiz="beta-check"' in fetch(f"{base}/beta/"))
    assert "data-course-problems" not in fetch(f"{base}/alpha/")


PROJECT_CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

msgctxt "check_answers"
msgid "Check answers"
msgstr "{wording}"
"""


def test_preview_rebuilds_when_the_projects_own_catalogue_changes(course_copy):
    project = course_copy("full")
    catalogue = project / "locales" / "en.po"
    catalogue.parent.mkdir()
    catalogue.write_text(PROJECT_CATALOGUE.format(wording="Check my answers"), encoding="utf-8")
    with course_server(project) as (server, base):
        assert wait_for(lambda: "Check my answers" in fetch(f"{base}/alpha/")), "course serve did not start"
        catalogue.write_text(PROJECT_CATALOGUE.format(wording="Mark my answers"), encoding="utf-8")
        assert wait_for(lambda: "Mark my answers" in fetch(f"{base}/alpha/")), "the new wording never showed"
        assert server.poll() is None, "the server stopped"
