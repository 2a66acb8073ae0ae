"""Printing the certificate as Chromium's print dialog does, on A4 and on Letter: one sheet in the course's
orientation with the name, the course, every requirement and the version line, for the `full` fixture, the
bundled course, a generated course of 30 quizzes and one of 40 modules (long names and titles, every certificate
setting); and the locked page, which prints its list of quizzes portrait without a blank page.

Each course is built once in each orientation (a module fixture), and one page prints them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.browser import FIXTURE, Site, format_violations, open_page, run_axe
from tests.support.certificates import (
    FULL_CERTIFICATE,
    LONG_NAME,
    LONG_TITLE,
    PASSED_ON,
    copy_project,
    is_paper,
    overflow_in_print,
    pass_every_quiz,
    print_page,
    show_certificate,
    write_generated_course,
)
from tests.support.cli import run_course
from tests.support.paths import REPO

PAPERS = ("A4", "Letter")
LEARNER = "Alexandra Example-Learner"
SCREEN_ONLY = ("Print certificate", "Show my certificate", "Your name", "Quizzes to pass")


@dataclass(frozen=True)
class Course:
    """A built course to print, and what its certificate must show."""

    site: Site
    orientation: str
    title: str
    rows: int
    """Requirements on the sheet: quizzes, or modules and the final quiz."""
    learner: str = LEARNER


def _full(root: Path, orientation: str) -> tuple[Path, str, int]:
    # landscape is the default: that build has no certificate settings at all
    return (
        copy_project(FIXTURE, root, orientation=None if orientation == "landscape" else orientation),
        ("Fixture Course"),
        3,
    )


def _bundled(root: Path, orientation: str) -> tuple[Path, str, int]:
    return copy_project(REPO, root, orientation=orientation), "Internal Customer Service", 6


def _thirty_quizzes(root: Path, orientation: str) -> tuple[Path, str, int]:
    project = write_generated_course(
        root,
        lessons=29,
        title=LONG_TITLE,
        certificate=FULL_CERTIFICATE.format(orientation=orientation),
        lesson_title="Lesson {n}: serving the colleagues who rely on you",
    )
    return project, LONG_TITLE, 30


def _forty_modules(root: Path, orientation: str) -> tuple[Path, str, int]:
    project = write_generated_course(
        root, lessons=40, modules=40, title=LONG_TITLE, certificate=FULL_CERTIFICATE.format(orientation=orientation)
    )
    return project, LONG_TITLE, 41


COURSES = {"full": _full, "bundled": _bundled, "30-quizzes": _thirty_quizzes, "40-modules": _forty_modules}
CASES = [(name, orientation) for name in COURSES for orientation in ("landscape", "portrait")]


@pytest.fixture(scope="module", params=CASES, ids=[f"{name}-{orientation}" for name, orientation in CASES])
def course(request, tmp_path_factory) -> Iterator[Course]:
    name, orientation = request.param
    workdir = tmp_path_factory.mktemp(f"certificate-{name}-{orientation}")
    project, title, rows = COURSES[name](workdir / "project", orientation)
    site = Site(workdir / "site")
    run_course("build", "--site-dir", str(site.root), cwd=project, check=True)
    yield Course(site, orientation, title, rows, LONG_NAME if name in ("30-quizzes", "40-modules") else LEARNER)
    site.close()


def squeezed(text: str) -> str:
    """Text without white space or hyphens: a printed line may break anywhere, and pdftotext joins a word broken
    after a hyphen ("Fontaine-" at a line's end, "Ashworth" on the next) without it."""
    return re.sub(r"[\s-]+", "", text)


def test_certificate_prints_on_one_sheet_of_a4_and_letter(module_tab, course):
    page = module_tab.page
    open_page(page, course.site, "certificate/")
    pass_every_quiz(page)
    open_page(page, course.site, "certificate/")
    show_certificate(page, course.learner)
    sheet = page.locator("[data-certificate]")
    # a quiz's title (its row's pass mark and score may print apart from it), or a module's whole line
    rows = sheet.locator("tbody th, li").all_text_contents()
    assert len(rows) == course.rows
    if sheet.locator("img").count():  # the logo and the signature, on screen
        violations = run_axe(page)
        assert not violations, format_violations(violations)
    version = sheet.locator(".course-certificate__verification").inner_text()
    assert re.fullmatch(rf"Course version [0-9a-f]{{10}} · issued {PASSED_ON}", version), version
    for paper in PAPERS:
        sticking_out = overflow_in_print(page, paper, course.orientation)
        assert not sticking_out, f"{paper}: outside the sheet's frame: {sticking_out}"
        printed = print_page(page, paper)
        assert len(printed.sizes) == 1, f"{paper}: {len(printed.sizes)} pages: {printed.texts}"
        assert is_paper(printed.sizes[0], paper, course.orientation), f"{paper}: {printed.sizes[0]} mm"
        text = squeezed(printed.text)
        expected = [course.learner, course.title, version, f"on {PASSED_ON}, passing every quiz:", *rows]
        missing = [part for part in expected if squeezed(part) not in text]
        assert not missing, f"{paper}: not printed: {missing}\n{printed.text}"
        assert text.count("100%") == course.rows, f"{paper}: not every best score printed\n{printed.text}"
        shown = [words for words in SCREEN_ONLY if words in printed.text]
        assert not shown, f"{paper}: the page's controls printed: {shown}"


def test_certificate_locked_prints_its_list_portrait_without_a_blank_page(module_tab, course):
    page = module_tab.page
    open_page(page, course.site, "certificate/")
    page.evaluate("localStorage.clear()")
    open_page(page, course.site, "certificate/")
    assert page.locator("[data-certificate-page]").get_attribute("data-certificate-status") == "locked"
    assert page.locator("time").count() == 0, "no <time> before there is a date"
    items = page.locator("[data-certificate-requirement] > a").all_inner_texts()
    for paper in PAPERS:
        printed = print_page(page, paper)
        assert all(is_paper(size, paper, "portrait") for size in printed.sizes), f"{paper}: {printed.sizes}"
        assert all(text.strip() for text in printed.texts), f"{paper}: a blank page in {printed.texts}"
        if course.rows <= 6:
            assert len(printed.sizes) == 1, f"{paper}: {len(printed.sizes)} pages"
        assert "Quizzes to pass" in printed.text
        missing = [item for item in items if squeezed(item) not in squeezed(printed.text)]
        assert not missing, f"{paper}: not printed: {missing}"
