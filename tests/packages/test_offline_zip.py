"""The offline zip opens from file:// in Chromium: navigation, quizzes and progress work with no server."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.support.browser import RIGHT, WRONG, answer, check
from tests.support.cli import run_course
from tests.support.paths import FIXTURES


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("offline")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    result = run_course("export", "zip", "--out", str(root / "course.zip"), cwd=project, check=True)
    assert "open index.html" in result.stdout
    with zipfile.ZipFile(root / "course.zip") as archive:
        archive.extractall(root / "unzipped")
    return root / "unzipped"


@pytest.fixture(scope="module")
def file_page(unzipped, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    page.close()


def test_offline_zip_has_plain_file_links_and_no_module_scripts(unzipped):
    for page in unzipped.rglob("*.html"):
        html = page.read_text()
        assert 'type="module"' not in html, page
        assert 'href="/' not in html and 'src="/' not in html, page
    lesson = (unzipped / "alpha/index.html").read_text()
    assert 'href="../beta/index.html"' in lesson
    # the one bundle the web site loads as a module, here a deferred classic script (browsers refuse modules
    # from file://)
    assert '<script defer src="../assets/course/course.js"></script>' in lesson


def test_offline_zip_quiz_scores_and_progress_persist_from_file_urls(unzipped, file_page):
    page, errors = file_page
    page.goto((unzipped / "alpha" / "index.html").as_uri())
    page.locator('[data-quiz="alpha-check"] [data-quiz-submit]').wait_for(state="visible")
    answer(page, "alpha-check", RIGHT["alpha-check"])
    assert check(page, "alpha-check") == {
        "score": "100",
        "passed": "true",
        "correct": {"single-one": "true", "multiple-two": "true", "tf-three": "true"},
    }
    page.get_by_role("link", name="Beta lesson").first.click()
    page.wait_for_url("**/beta/index.html")
    page.locator('[data-quiz="beta-check"] [data-quiz-submit]').wait_for(state="visible")
    answer(page, "beta-check", WRONG["beta-check"])
    assert check(page, "beta-check")["score"] == "0"
    page.goto((unzipped / "progress" / "index.html").as_uri())
    row = page.locator('[data-progress-row="alpha"] [data-progress-status]')
    row.filter(has_text="Passed").wait_for()
    assert "Passed" in row.inner_text()
    assert "100" in page.locator('[data-progress-row="alpha"] [data-progress-best]').inner_text()
    assert errors == []


def test_offline_zip_role_play_plays_and_shows_on_the_progress_page(unzipped, file_page):
    page, errors = file_page
    assert (unzipped / "beta/index.html").read_text().count(
        '<script defer src="../assets/course/course.js"></script>'
    ) == 1
    page.goto((unzipped / "beta" / "index.html").as_uri())
    root = page.locator('[data-scenario="desk-visit"]')
    root.locator("[data-scenario-player] legend").wait_for()
    for label in ("Promise it will be done within the hour", "Say nothing and hope he forgets"):
        root.get_by_label(label, exact=True).check()
        root.get_by_role("button", name="Continue").click()
    assert root.locator("[data-scenario-player]").get_attribute("data-scores") == "1 -1 -4"
    assert "Integrity: -4 out of a best possible 2" in root.inner_text()
    page.goto((unzipped / "progress" / "index.html").as_uri())
    page.locator("[data-scenario-progress][data-scenario-synced]").wait_for()
    assert (
        page.locator('[data-scenario-ref="desk-visit"] [data-scenario-result]').inner_text()
        == "Caring 1 of 2, Competency -1 of 2, Integrity -4 of 2"
    )
    assert errors == []
