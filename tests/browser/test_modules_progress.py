"""Progress in a course with modules: module pages with passed marks, one progress row and one
certificate requirement per module, module averages on the certificate, and a certificate for
50 modules that still prints on one page."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Iterator

import pytest

from tests.support.browser import (
    FIXTURE,
    RIGHT,
    WRONG,
    Site,
    format_violations,
    open_page,
    pass_all,
    run_axe,
    store_progress,
    take,
    visible_text,
)
from tests.support.cli import run_course
from tests.support.paths import REPO

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
MODULES = "modules:\n  - title: Getting started\n    lessons: [alpha]\n  - title: Going further\n    lessons: [beta]\n"
FIRST, SECOND = "modules/getting-started/", "modules/going-further/"


@pytest.fixture(scope="module")
def modules_site(tmp_path_factory) -> Iterator[Site]:
    """The `full` fixture course with its two lessons in two modules."""
    workdir = tmp_path_factory.mktemp("modules-site")
    project = workdir / "project"
    shutil.copytree(FIXTURE, project)
    course = project / "content" / "course.yml"
    text = course.read_text()
    assert "lessons: [alpha, beta]\n" in text
    course.write_text(text.replace("lessons: [alpha, beta]\n", MODULES))
    site = Site(workdir / "site")
    run_course("build", "--site-dir", str(site.root), cwd=project, check=True)
    yield site
    site.close()


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Iterator[Site]:
    """A generated course of 100 lessons in 50 modules with long titles, and no final quiz."""
    from bench.synth import generate

    workdir = tmp_path_factory.mktemp("big-modules-site")
    project, _ = generate(
        workdir / "course",
        100,
        (REPO / "tests" / "integration" / "test_modules.py").read_text().split('CONFIG = """')[1].split('"""')[0],
    )
    ids = [f"lesson-{n:04d}" for n in range(1, 101)]
    modules = "".join(
        f"  - title: 'Module {m + 1}: working well with the colleagues who rely on you'\n"
        f"    lessons: [{ids[2 * m]}, {ids[2 * m + 1]}]\n"
        for m in range(50)
    )
    course = project / "content" / "course.yml"
    course.write_text(re.sub(r"(?ms)^modules:.*", "modules:\n" + modules, course.read_text()))
    site = Site(workdir / "site")
    run_course("build", "--site-dir", str(site.root), cwd=project, check=True)
    yield site
    site.close()


def rows(page) -> dict:
    return page.eval_on_selector_all(
        "tr[data-progress-row]",
        """rows => Object.fromEntries(rows.map(r => [
        r.dataset.progressRow,
        [r.querySelector('[data-progress-status]').innerText.trim(),
         r.querySelector('[data-progress-best]').innerText]]))""",
    )


def seed(page, key: str, scores: dict[str, int]) -> None:
    """Saves a best score for each quiz named on the open page, by its id (a passed attempt at 80+)."""
    versions = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-quiz-group]')]
        .flatMap(el => el.dataset.quizGroup.split(' ').map(q => q.split(':').slice(0, 2))))""")
    at = datetime.datetime(2024, 5, 17, 12).isoformat()
    quizzes = {
        quiz: {
            "version": versions[quiz],
            "best": best,
            "attempts": 1,
            "passedAt": at if best >= 80 else None,
            "last": {"score": best, "passed": best >= 80, "responses": {}, "at": at},
        }
        for quiz, best in scores.items()
    }
    store_progress(page, {"v": 1, "quizzes": quizzes}, key)


def test_modules_progress_counts_quizzes_by_module(page, modules_site):
    open_page(page, modules_site, "progress/")
    assert rows(page) == {
        "modules/getting-started": ["○ Not started", "—"],
        "modules/going-further": ["○ Not started", "—"],
        "final-check": ["○ Not started", "—"],
    }
    take(page, modules_site, "alpha-check", RIGHT["alpha-check"])
    open_page(page, modules_site, "progress/")
    assert rows(page) == {
        "modules/getting-started": ["✓ Passed", "100%"],
        "modules/going-further": ["○ Not started", "—"],
        "final-check": ["○ Not started", "—"],
    }
    statuses = page.eval_on_selector_all("tr[data-progress-row]", "rows => rows.map(r => r.dataset.status)")
    assert statuses == ["passed", "not-started", "not-started"]
    overall = page.locator("[data-progress-overall]")
    assert overall.get_attribute("data-course-status") == "in-progress"
    assert visible_text(overall).startswith("In progress: you have passed 1 of 3 quizzes.")
    page.get_by_role("table").get_by_role("link", name="Going further").click()
    assert page.url == modules_site.url(SECOND)


def test_modules_page_marks_passed_lessons(page, modules_site):
    take(page, modules_site, "alpha-check", RIGHT["alpha-check"])
    take(page, modules_site, "beta-check", WRONG["beta-check"])
    open_page(page, modules_site, FIRST)
    assert page.locator('[data-lesson-passed="alpha"]').is_visible()
    assert visible_text(page.locator('[data-lesson="alpha"] h3')) == "Alpha lesson ✓ (quiz passed)"
    assert visible_text(page.locator(".course-meta").first) == "Module 1 of 2 · 1 lesson · about 6 minutes"
    open_page(page, modules_site, SECOND)
    assert page.locator('[data-lesson-passed="beta"]').is_hidden()
    page.locator(".course-pager").get_by_role("link", name="Previous module Getting started").click()
    assert page.url == modules_site.url(FIRST)


def test_modules_home_links_each_module_page(page, modules_site):
    open_page(page, modules_site, "")
    modules = page.locator(".course-modules__title a")
    assert modules.all_inner_texts() == ["Getting started", "Going further"]
    modules.nth(1).click()
    assert page.url == modules_site.url(SECOND)
    assert page.get_by_role("heading", level=1).inner_text() == "Going further"


def test_modules_certificate_shows_module_averages(page, modules_site):
    open_page(page, modules_site, "certificate/")
    items = page.locator("[data-certificate-requirement]")
    assert [visible_text(items.nth(i)) for i in range(3)] == [
        "Getting started (1 quiz, pass mark 75%): ○ Not started",
        "Going further (1 quiz, pass mark 60%): ○ Not started",
        "Final check (Final quiz, pass mark 80%): ○ Not started",
    ]
    take(page, modules_site, "alpha-check", RIGHT["alpha-check"])
    take(page, modules_site, "beta-check", dict(RIGHT["beta-check"], **{"short-one": ""}))  # 66%: passes at 60
    open_page(page, modules_site, "certificate/")
    assert page.locator("[data-certificate-page]").get_attribute("data-certificate-status") == "locked"
    assert "you still need to pass 1 quiz." in visible_text(page.locator("[data-certificate-summary]"))
    assert visible_text(items.nth(1)) == "Going further (1 quiz, pass mark 60%): ✓ Passed (best score 66%)"
    take(page, modules_site, "final-check", RIGHT["final-check"])
    open_page(page, modules_site, "certificate/")
    assert page.locator("[data-certificate-page]").get_attribute("data-certificate-status") == "unlocked"
    page.get_by_label("Your name, as it should appear on the certificate").fill("Ada Lovelace")
    page.get_by_role("button", name="Show my certificate").click()
    sheet = page.locator("[data-certificate]")
    assert sheet.locator("li").all_inner_texts() == [
        "Getting started: 100%",
        "Going further: 66%",
        "Final quiz (Final check): 100%",
    ]
    assert page.locator("[data-certificate-date] time").get_attribute("datetime") == datetime.date.today().isoformat()


@pytest.mark.parametrize("path", ["", FIRST, "progress/", "certificate/"])
def test_modules_pages_have_no_axe_violations(new_tab, modules_site, path):
    page = new_tab().page
    if path == "certificate/":  # unlocked, with the sheet shown
        pass_all(page, modules_site)
    else:
        take(page, modules_site, "alpha-check", RIGHT["alpha-check"])
    open_page(page, modules_site, path)
    if path == "certificate/":
        page.get_by_label("Your name, as it should appear on the certificate").fill("Grace Hopper")
        page.get_by_role("button", name="Show my certificate").click()
    violations = run_axe(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("path", [FIRST, "", "progress/"])
def test_modules_pages_fit_375px_without_horizontal_scroll(new_tab, modules_site, path):
    page = new_tab(**PHONE).page
    open_page(page, modules_site, path)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375


def test_modules_group_partly_passed_is_attempted(page, big_site):
    open_page(page, big_site, "progress/")
    assert len(rows(page)) == 50
    seed(page, "course-progress:benchmark-course", {"lesson-0001-check": 100, "lesson-0004-check": 40})
    open_page(page, big_site, "progress/")
    progress = rows(page)
    assert progress["modules/module-1-working-well-with-the-colleagues-who-rely-on-you"] == [
        "◐ Attempted",
        "1 of 2 passed",
    ]
    assert progress["modules/module-2-working-well-with-the-colleagues-who-rely-on-you"] == [
        "◐ Attempted",
        "0 of 2 passed",
    ]
    assert list(progress.values())[2] == ["○ Not started", "—"]
    assert visible_text(page.locator("[data-progress-overall]")).startswith(
        "In progress: you have passed 1 of 100 quizzes."
    )
    open_page(page, big_site, "certificate/")
    assert "you still need to pass 99 quizzes." in visible_text(page.locator("[data-certificate-summary]"))


def test_modules_certificate_of_50_modules_prints_on_one_page(page, big_site):
    open_page(page, big_site, "certificate/")
    seed(
        page, "course-progress:benchmark-course", {f"lesson-{n:04d}-check": 85 if n % 2 else 90 for n in range(1, 101)}
    )
    open_page(page, big_site, "certificate/")
    assert page.locator("[data-certificate-page]").get_attribute("data-certificate-status") == "unlocked"
    page.get_by_label("Your name, as it should appear on the certificate").fill("Maria Salomea Skłodowska-Curie")
    page.get_by_role("button", name="Show my certificate").click()
    scores = page.locator("[data-certificate] li").all_inner_texts()
    assert len(scores) == 50
    assert scores[0] == "Module 1: working well with the colleagues who rely on you: 87% average over 2 quizzes"
    assert page.locator("[data-certificate-date] time").get_attribute("datetime") == "2024-05-17"
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1, "the certificate must print on one page"
