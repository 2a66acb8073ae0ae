"""The published course assets: what each page loads and how (one script, the bundle), and how much it weighs."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from builder.site.shipped import ASSETS, CATALOGUE_MODULE, bundled, minified
from tests.support.assets import gzipped, gzipped_text
from tests.support.browser import PAGES, open_page

BUDGET = 18 * 1024
"""What a page downloads of the course's own assets, gzipped: the bundle of the quiz and role-play scripts
(course.js) and course.css; 16.9 KB for the fixture course. 12 KB before the interface's words moved to
catalogue.js, 13 KB before written practice and exams; file by file before the bundle (2026-12), the quiz's
modules and course.css came to 17.3 KB and a page with a role-play downloaded 5 KB more."""
ROLEPLAY_EXTRA = 3 * 1024
"""What the role-play adds, gzipped: its script in the bundle (about 1.9 KB; every page of a course with
role-plays loads it, the bundle being one file for the whole course) and scenario.css on the pages that show one."""
CERTIFICATE_EXTRA = 2 * 1024
"""The certificate page's own print stylesheet (certificate.css, gzipped), on top of the quiz assets."""
XAPI_EXTRA = 3 * 1024
"""xapi.js in the bundle, gzipped (about 2.2 KB): bundled only with the `xapi` option (docs/xapi.md)."""
XAPI_VOCABULARY = re.compile(r"http://adlnet\.gov/expapi/(?:verbs|activities)/")
"""The ADL vocabulary's IRIs, which xapi.js writes into statements as names: never fetched."""
SCRIPT = re.compile(r"<script\b[^>]*>")
STYLESHEETS = {"beta": {"scenario.css"}, "certificate": {"certificate.css"}}
"""The pages of the fixture with a stylesheet of their own besides course.css."""


def test_assets_any_page_fits_size_budget(site):
    assets = site.root / "assets" / "course"
    sizes = {name: gzipped(assets / name) for name in ("course.js", "course.css")}
    assert sum(sizes.values()) <= BUDGET, sizes
    everything = {path.name for path in assets.iterdir() if path.suffix == ".css"}
    assert everything == {"course.css", "scenario.css", "certificate.css"}  # each has a budget


def test_assets_certificate_page_fits_size_budget(site):
    """The certificate page's own stylesheet (its print layout) comes on top of what every page loads."""
    assets = site.root / "assets" / "course"
    assert gzipped(assets / "certificate.css") <= CERTIFICATE_EXTRA
    assert sum(gzipped(assets / name) for name in ("course.js", "course.css", "certificate.css")) <= (
        BUDGET + CERTIFICATE_EXTRA
    )
    html = (site.root / "certificate" / "index.html").read_text()
    assert "assets/course/certificate.css" in html
    assert all(
        "certificate.css" not in (site.root / path / "index.html").read_text()
        for name, path in PAGES.items()
        if name != "certificate"
    )


def test_assets_role_play_and_xapi_add_little_to_the_bundle(site):
    """What the role-play and the `xapi` option add to the bundle, gzipped, each within its budget; the site's
    bundle holds the quiz and the role-play (the fixture has one), without xapi.js."""
    catalogue = (site.root / "assets" / "course" / CATALOGUE_MODULE).read_text().replace(";export ", ";\nexport ")
    quiz = gzipped_text(bundled(("quiz",), catalogue))
    role_play = gzipped_text(bundled(("quiz", "scenario"), catalogue)) - quiz
    scenario_css = gzipped_text(minified((ASSETS / "scenario.css").read_text(), ".css"))
    assert role_play + scenario_css <= ROLEPLAY_EXTRA
    assert gzipped_text(bundled(("quiz", "xapi"), catalogue)) - quiz <= XAPI_EXTRA
    assert (site.root / "assets" / "course" / "course.js").read_text() == bundled(("quiz", "scenario"), catalogue)


def test_assets_use_no_remote_urls(site):
    for path in (site.root / "assets" / "course").iterdir():
        # CSS @import fetches a file; in the scripts "@import" is only ever a JSDoc type import (a comment).
        remote = r"https?://|//cdn|@import" if path.suffix == ".css" else r"https?://|//cdn"
        assert not re.search(remote, XAPI_VOCABULARY.sub("", path.read_text())), path.name


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_one_script_the_bundle_and_nothing_it_imports(tab, site, name):
    """Each page type (a lesson with a quiz, one with a quiz and a role-play, the home, final quiz, progress and
    certificate pages) names one script, the bundle, as a relative module, and downloads no other script: no
    module is imported at run time, so nothing waits on a second round trip."""
    html = (site.root / PAGES[name] / "index.html").read_text()
    depth = PAGES[name].count("/")
    own_scripts = [tag for tag in SCRIPT.findall(html) if "assets/course/" in tag]
    assert own_scripts == [f'<script type="module" src="{"../" * depth}assets/course/course.js">']
    open_page(tab.page, site, PAGES[name])  # the page's quizzes and progress views are started
    tab.page.wait_for_load_state("networkidle")
    loaded = [urlsplit(url).path for url in tab.requests if "/assets/course/" in url]
    assert sorted(path for path in loaded if path.endswith(".js")) == ["/assets/course/course.js"]
    own = {path.rsplit("/", 1)[1] for path in loaded if path.endswith(".css")}
    assert own == {"course.css", *STYLESHEETS.get(name, ())}
    assert "scoreQuiz" not in html and "localStorage.setItem(" not in html  # never inlined into the page


def test_page_not_found_does_not_load_the_script(site):
    assert "assets/course/course.js" not in (site.root / "404.html").read_text()


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
