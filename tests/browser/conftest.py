"""Shared fixtures for the browser tests: a course site built from the `full` fixture through
the real CLI, served on 127.0.0.1 by the tests themselves, and Debian's Chromium driven by
Playwright (never a downloaded browser).

In CI (CI=true) a missing Chromium fails the suite; locally the browser tests are skipped.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIXTURE,
    Site,
    as_forgiving_short_text,
    as_numeric_course,
    as_written_course,
    require_chromium,
)
from tests.support.cli import run_course

# -- the site ----------------------------------------------------------------------------------


def build_site(workdir: Path, site: Path, *, edit: Callable[[Path], None] | None = None) -> None:
    """Copy the fixture course to `workdir`, optionally edit it, and build it into `site` with the real CLI."""
    project = workdir / "project"
    shutil.copytree(FIXTURE, project)
    if edit:
        edit(project)
    run_course("build", "--site-dir", str(site), cwd=project, check=True)
    assert (site / "index.html").is_file()


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> Iterator[Callable[..., Site]]:
    """Builds and serves a variant of the fixture course once per session: `sites("material")`."""
    served: dict[str, Site] = {}

    def get(variant: str = "material") -> Site:
        if variant not in served:
            workdir = tmp_path_factory.mktemp(f"site-{variant}")
            site = Site(workdir / "site")  # listening first: a variant may need its own address
            edit = VARIANTS[variant]
            build_site(workdir, site.root, edit=edit and functools.partial(edit, base=site.base))
            served[variant] = site
        return served[variant]

    yield get
    for site in served.values():
        site.close()


def _mkdocs_theme(project: Path, base: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text().replace(
        "theme:\n  name: material\n  font: false\n", "theme:\n  name: mkdocs\n  highlightjs: false\n"
    )
    assert "name: mkdocs" in text
    config.write_text(text)


def _mkdocs_theme_dark(project: Path, base: str) -> None:
    """MkDocs' own theme following the device's light or dark (its `color_mode: auto`), with its switch."""
    _mkdocs_theme(project, base)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  name: mkdocs\n", "  name: mkdocs\n  color_mode: auto\n  user_color_mode_toggle: true\n"
        )
    )


def _instant(project: Path, base: str) -> None:
    # Material follows only links listed in sitemap.xml, whose port must match: site_url is the served address.
    config = project / "mkdocs.yml"
    text = config.read_text().replace("  font: false\n", "  font: false\n  features:\n    - navigation.instant\n")
    config.write_text(f"site_url: {base}\n" + text)


def _shuffled_ordering(project: Path, base: str) -> None:
    quiz = project / "quizzes" / "beta-check.yml"
    quiz.write_text(quiz.read_text().replace("shuffle: false", "shuffle: true"))


def _numeric(project: Path, base: str) -> None:
    as_numeric_course(project)


def _forgiving(project: Path, base: str) -> None:
    as_forgiving_short_text(project)


def _exam(project: Path, base: str) -> None:
    """The fixture's quizzes as exams: final-check has 2 attempts and shows marks after the last; alpha-check
    shows them once passed; beta-check has 3 attempts, counts the last and never shows them."""
    settings = {
        "final-check": "attempts: 2\nreview: after_last_attempt\n",
        "alpha-check": "review: after_pass\n",
        "beta-check": "attempts: 3\nscore: last\nreview: never\n",
    }
    for quiz_id, lines in settings.items():
        quiz = project / "quizzes" / f"{quiz_id}.yml"
        quiz.write_text(quiz.read_text().replace("questions:\n", lines + "questions:\n", 1))


def _pool(project: Path, base: str) -> None:
    """Question pools: beta-check draws 2 of its 3 questions; alpha-check draws one question for each of its two
    objectives (pick-one has two questions, pick-many one)."""
    for quiz_id, lines in {"beta-check": "draw: 2\n", "alpha-check": "draw: {pick-one: 1, pick-many: 1}\n"}.items():
        quiz = project / "quizzes" / f"{quiz_id}.yml"
        quiz.write_text(quiz.read_text().replace("questions:\n", lines + "questions:\n", 1))


def _timed(project: Path, base: str) -> None:
    """final-check has a 10-minute limit (extensible); beta-check a 3-minute one that cannot be extended."""
    settings = {
        "final-check": "time_limit_minutes: 10\n",
        "beta-check": "time_limit_minutes: 3\ntime_extension: false\ntime_extension_reason: A live drill\n",
    }
    for quiz_id, lines in settings.items():
        quiz = project / "quizzes" / f"{quiz_id}.yml"
        quiz.write_text(quiz.read_text().replace("questions:\n", lines + "questions:\n", 1))


def _written(project: Path, base: str) -> None:
    as_written_course(project)


BRAND_COLOUR = "#008068"
"""The `brand` variant's colour: a green far from Material's default indigo, 4.89:1 with white, so buttons keep it
but text in it (links) takes a darker shade that also passes on the course's tinted boxes."""
BRAND_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="24"><rect width="48" height="24" fill="#fff"/></svg>'
)


def _brand(project: Path, base: str) -> None:
    """The organisation's colour and logo (mkdocs.yml `brand:`), on the fixture's three-state palette switch."""
    (project / "content" / "images").mkdir(exist_ok=True)
    (project / "content" / "images" / "logo.svg").write_text(BRAND_LOGO)
    config = project / "mkdocs.yml"
    brand = f'  - course:\n      brand:\n        color: "{BRAND_COLOUR}"\n        logo: images/logo.svg\n'
    text = config.read_text().replace("  - course\n", brand)
    assert "brand:" in text and "scheme: slate" in text  # the fixture's palette switch
    config.write_text(text)


VARIANTS: dict[str, Callable[..., None] | None] = {
    "brand": _brand,
    "exam": _exam,
    "timed": _timed,
    "pool": _pool,
    "material": None,
    "mkdocs": _mkdocs_theme,
    "mkdocs-dark": _mkdocs_theme_dark,
    "instant": _instant,
    "shuffled": _shuffled_ordering,
    "numeric": _numeric,
    "forgiving": _forgiving,
    "written": _written,
}


@pytest.fixture(scope="session")
def site(sites) -> Site:
    return sites("material")


# -- the browser -------------------------------------------------------------------------------

SCHEME = os.environ.get("COURSE_TEST_SCHEME", "light")
"""The colour scheme the tabs prefer: COURSE_TEST_SCHEME=dark runs every browser test in the dark scheme
(test_schemes.py covers dark in every run; this is for a whole-suite check after a change to the colours)."""


class _Chromium:
    """One Chromium for a run of browser tests, closed as soon as the run leaves tests/browser:
    only one sync Playwright may be alive at a time, and other suites start their own."""

    def __init__(self) -> None:
        self.playwright = None
        self.browser = None

    def get(self):
        if self.browser is None:
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        return self.browser

    def close(self) -> None:
        if self.playwright is not None:
            try:
                if self.browser is not None:
                    self.browser.close()
            finally:
                self.playwright.stop()
                self.playwright = self.browser = None


_CHROMIUM = _Chromium()
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # the test's fixtures (its browser contexts) are torn down first
    if nextitem is None or HERE not in Path(nextitem.path).resolve().parents:
        _CHROMIUM.close()


def pytest_sessionfinish(session, exitstatus) -> None:
    _CHROMIUM.close()


@pytest.fixture
def browser():
    require_chromium()
    return _CHROMIUM.get()


@pytest.fixture(scope="module")
def module_tab() -> Iterator[Tab]:
    """One page for a whole test module (a module that prints many sites reuses it); its errors fail the module."""
    require_chromium()
    tab = Tab(_CHROMIUM.get().new_context(viewport={"width": 1280, "height": 900}, color_scheme=SCHEME))
    yield tab
    errors = tab.course_errors()
    tab.context.close()
    assert not errors, "the course's scripts reported errors:\n" + "\n".join(errors)


class Tab:
    """A page in a fresh browser context, with every request URL and script error recorded."""

    def __init__(self, context):
        self.context = context
        context.set_default_timeout(10_000)  # a quiz that never gets ready fails fast
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(f"{error}\n{error.stack or ''}"))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        # Nothing may leave 127.0.0.1: such requests are recorded above, then refused.
        self.page.route(lambda url: urlsplit(url).hostname != "127.0.0.1", lambda route: route.abort())

    def course_errors(self) -> list[str]:
        """Script errors from the course's own assets (quiz.js and its modules)."""
        return [e for e in self.errors if "/assets/course/" in e or "course:" in e]


@pytest.fixture
def new_tab(browser) -> Iterator[Callable[..., Tab]]:
    """Opens pages in fresh contexts (clean storage): `new_tab(viewport=..., java_script_enabled=...)`."""
    tabs: list[Tab] = []

    def open_tab(**options) -> Tab:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("color_scheme", SCHEME)
        tab = Tab(browser.new_context(**options))
        tabs.append(tab)
        return tab

    yield open_tab
    errors = [error for tab in tabs for error in tab.course_errors()]
    for tab in tabs:
        tab.context.close()
    assert not errors, "the course's scripts reported errors:\n" + "\n".join(errors)


@pytest.fixture
def tab(new_tab) -> Tab:
    return new_tab()


@pytest.fixture
def page(tab):
    return tab.page
