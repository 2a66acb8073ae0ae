"""The published quiz assets: where the script is loaded, how, and how much it weighs."""

from __future__ import annotations

import re

import pytest

from tests.support.assets import gzipped, loaded_by
from tests.support.browser import PAGES

BUDGET = 18 * 1024
"""Quiz JS + CSS, gzipped, together: 12 KB before the interface's words moved to catalogue.js, 13 KB before written
practice (written.js) and exams (attempts, marks held back, blanks confirmed, question pools in draw.js, the
countdown in timer.js), which came to 17.3 KB."""
ROLEPLAY_EXTRA = 5 * 1024
"""What a page with a role-play downloads on top of the quiz assets (scenario.js and scenario.css,
gzipped): store.js, dom.js and course.css are shared and cached."""
CERTIFICATE_EXTRA = 2 * 1024
"""The certificate page's own print stylesheet (certificate.css, gzipped), on top of the quiz assets."""
XAPI_EXTRA = 4 * 1024
"""xapi.js, gzipped: loaded only with the `xapi` option (docs/xapi.md), on top of the quiz assets."""
XAPI_VOCABULARY = re.compile(r"http://adlnet\.gov/expapi/(?:verbs|activities)/")
"""The ADL vocabulary's IRIs, which xapi.js writes into statements as names: never fetched."""
SCRIPT = re.compile(r'<script type="module" src="([^"]*)"></script>')


def test_assets_quiz_page_fits_size_budget(site):
    assets = site.root / "assets" / "course"
    files = loaded_by(assets, "quiz.js") | {"course.css"}
    assert {"quiz.js", "scoring.js", "store.js", "dom.js", "course.css"} <= files
    sizes = {name: gzipped(assets / name) for name in sorted(files)}
    assert sum(sizes.values()) <= BUDGET, sizes


def test_assets_every_quiz_asset_fits_size_budget(site):
    """Even the progress and certificate pages, which also load pages.js, stay within the budget."""
    assets = site.root / "assets" / "course"
    quiz_files = loaded_by(assets, "quiz.js") | {"pages.js", "course.css"}
    sizes = {name: gzipped(assets / name) for name in sorted(quiz_files)}
    assert sum(sizes.values()) <= BUDGET, sizes
    everything = {path.name for path in assets.iterdir() if path.suffix in (".js", ".css")}
    assert everything - quiz_files == {"scenario.js", "scenario.css", "certificate.css", "xapi.js"}  # each has a budget
    assert gzipped(assets / "xapi.js") <= XAPI_EXTRA
    assert loaded_by(assets, "xapi.js") - {"xapi.js"} <= quiz_files  # all it imports is shared with the quiz


def test_assets_certificate_page_fits_size_budget(site):
    """The certificate page's own stylesheet (its print layout) comes on top of what the progress views load."""
    assets = site.root / "assets" / "course"
    files = loaded_by(assets, "quiz.js") | {"pages.js", "course.css", "certificate.css"}
    assert gzipped(assets / "certificate.css") <= CERTIFICATE_EXTRA
    assert sum(gzipped(assets / name) for name in files) <= BUDGET + CERTIFICATE_EXTRA
    html = (site.root / "certificate" / "index.html").read_text()
    assert "assets/course/certificate.css" in html
    assert all(
        "certificate.css" not in (site.root / path / "index.html").read_text()
        for name, path in PAGES.items()
        if name != "certificate"
    )


def test_assets_role_play_adds_little_and_fits_on_its_own(site):
    assets = site.root / "assets" / "course"
    scenario_files = loaded_by(assets, "scenario.js") | {"course.css", "scenario.css"}
    extra = scenario_files - loaded_by(assets, "quiz.js") - {"course.css"}
    assert extra == {"scenario.js", "scenario.css"}  # everything else is shared with quiz pages
    assert sum(gzipped(assets / name) for name in extra) <= ROLEPLAY_EXTRA
    assert sum(gzipped(assets / name) for name in scenario_files) <= BUDGET


def test_assets_use_no_remote_urls(site):
    for path in (site.root / "assets" / "course").iterdir():
        # CSS @import fetches a file; in the scripts "@import" is only ever a JSDoc type import (a comment).
        remote = r"https?://|//cdn|@import" if path.suffix == ".css" else r"https?://|//cdn"
        assert not re.search(remote, XAPI_VOCABULARY.sub("", path.read_text())), path.name


WITH_ROLE_PLAY = {"beta", "progress"}
"""Pages of the fixture that show a role-play (beta) or role-play results (progress)."""


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_quiz_script_once_as_relative_module(site, name):
    html = (site.root / PAGES[name] / "index.html").read_text()
    depth = PAGES[name].count("/")
    expected = ["quiz.js", "scenario.js"] if name in WITH_ROLE_PLAY else ["quiz.js"]
    assert sorted(SCRIPT.findall(html)) == ["../" * depth + f"assets/course/{entry}" for entry in expected]
    assert ("scenario.css" in html) == (name == "beta")
    assert "scoreQuiz" not in html and "localStorage.setItem(" not in html  # never inlined into the page


def test_page_not_found_does_not_load_quiz_script(site):
    assert "assets/course/quiz.js" not in (site.root / "404.html").read_text()


def test_page_quiz_hooks_are_rendered(site):
    html = (site.root / "alpha" / "index.html").read_text()
    root = re.search(r"<section [^>]*data-quiz=\"alpha-check\"[^>]*>", html).group(0)
    for hook in (
        "data-quiz-version=",
        'data-course="course-progress:fixture-course"',
        'data-pass-mark="75"',
        'data-shuffle="true"',
        "data-quiz-key=",
    ):
        assert hook in root
    quiz_html = html[html.index(root) : html.index("</section>", html.index(root))]
    assert quiz_html.count("data-quiz-submit") == quiz_html.count("data-quiz-retry") == 1
    assert quiz_html.count("data-quiz-result") == 1
    assert re.search(r"<button [^>]*data-quiz-submit hidden>", quiz_html)
