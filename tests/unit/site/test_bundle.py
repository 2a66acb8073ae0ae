"""The script bundle (site/classic.py, site/shipped.py): every entry script a course needs in one file, each module
once, and the one tag each page has for it (site/render.py)."""

from __future__ import annotations

import itertools
import re
import shutil

import pytest

from builder.site.classic import bundle
from builder.site.render import CourseRenderer, course_pages, restore_deferred, script_entries
from builder.site.shipped import ASSETS, CATALOGUE_MODULE, ENTRIES, bundled, catalogue_module
from builder.site.xapi import settings_from
from builder.source import interface_text
from builder.source.errors import BundleError
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at

CATALOGUE = {CATALOGUE_MODULE: catalogue_module(interface_text.shipped("en"))}
MODULE = re.compile(r"^const (__module_\d+) = \(function \(\) \{$", re.MULTILINE)
XAPI = {"endpoint": "https://lrs.example.org/xAPI", "username": "course", "password": "s3cret"}
TAG = re.compile(r"<script\b[^>]*>")


def _combinations() -> list[tuple[str, ...]]:
    return [tuple(c) for n in range(1, 4) for c in itertools.combinations(ENTRIES, n)]


@pytest.mark.parametrize("entries", _combinations(), ids="+".join)
def test_every_combination_of_entries_bundles_each_module_once_without_import_or_export(entries):
    text = bundle([ASSETS / f"{entry}.js" for entry in entries], CATALOGUE)
    assert not re.search(r"^\s*(import|export)\b", text, re.MULTILINE)  # one script: nothing left to fetch
    names = MODULE.findall(text)
    assert len(names) == len(set(names))
    bodies = text.split("const __module_")
    assert sum("function createAll(" in body for body in bodies) == 1  # dom.js once, shared by every entry
    assert sum("export const store" in body or "const store = {" in body for body in bodies) == 1  # store.js once
    assert bundled(entries, CATALOGUE[CATALOGUE_MODULE])  # and it minifies


def test_the_bundle_runs_the_entries_in_order_after_what_they_import():
    text = bundle([ASSETS / "quiz.js", ASSETS / "scenario.js", ASSETS / "xapi.js"], CATALOGUE)
    quiz, scenario, xapi = (text.index(marker) for marker in ("start(Quiz);", "start(Scenario);", "new Recorder("))
    assert text.index("function createAll(") < quiz < scenario < xapi


def test_bundled_orders_the_entries_as_entries_says_whatever_it_is_given():
    catalogue = CATALOGUE[CATALOGUE_MODULE]
    assert bundled(("xapi", "quiz"), catalogue) == bundled(("quiz", "xapi"), catalogue)
    with pytest.raises(ValueError, match="unknown entry scripts"):
        bundled(("quiz", "chat"), catalogue)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('const m = await import("./b.js");\n', "can be bundled"),
        ("export default 1;\n", "can be bundled"),
        ('import b from "./b.js";\n', "can be bundled"),
        ('import { b } from "./missing.js";\n', "not found"),
        ('import { b } from "./b.js";\nexport const a = 1;\n', "in a circle"),
    ],
)
def test_the_bundler_refuses_what_it_cannot_bundle(tmp_path, source, message):
    (tmp_path / "a.js").write_text(source)
    (tmp_path / "b.js").write_text('import { a } from "./a.js";\nexport const b = a;\n')
    with pytest.raises(BundleError, match=message):
        bundle([tmp_path / "a.js"])
    with pytest.raises(BundleError, match="no entry"):
        bundle([])


def test_a_module_two_entries_import_is_one_instance(tmp_path):
    (tmp_path / "shared.js").write_text("export const state = { n: 0 };\n")
    (tmp_path / "one.js").write_text('import { state } from "./shared.js";\nstate.n += 1;\n')
    (tmp_path / "two.js").write_text('import { state as s } from "./shared.js";\ns.n += 1;\n')
    text = bundle([tmp_path / "one.js", tmp_path / "two.js"])
    assert len(MODULE.findall(text)) == 3
    assert "const { state } = __module_0;" in text and "const { state: s } = __module_0;" in text


def _course(tmp_path=None, *, quizless_role_play: bool = False):
    root = FIXTURES / "full"
    if quizless_role_play:
        root = tmp_path / "full"
        shutil.copytree(FIXTURES / "full", root)
        (root / "content" / "beta.yml").write_text(
            (root / "content" / "beta.yml").read_text().replace("quiz: beta-check\n", "")
        )
        (root / "quizzes" / "beta-check.yml").unlink()
    course, problems = load(project_at(root))
    assert course is not None, problems
    return course


def _pages(renderer: CourseRenderer) -> dict[str, str]:
    return {
        spec.src_uri: restore_deferred((rendered := renderer.render(spec)).html, rendered.deferred)
        for spec in course_pages(renderer.course)
    }


def test_the_bundle_holds_what_the_course_needs():
    course = _course()
    assert script_entries(course, None) == ("quiz", "scenario")
    assert script_entries(course, settings_from(XAPI, "https://courses.example.org/c")) == ("quiz", "scenario", "xapi")
    minimal, _ = load(project_at(FIXTURES / "minimal"))
    assert minimal is not None and script_entries(minimal, None) == ("quiz",)


@pytest.mark.parametrize("scripts", ["module", "classic"])
def test_every_page_with_a_script_loads_the_bundle_once(scripts):
    pages = _pages(CourseRenderer(_course(), scripts=scripts))
    tag = {
        "module": '<script type="module" src="{}assets/course/course.js">',
        "classic": '<script defer src="{}assets/course/course.js">',
    }[scripts]
    for src_uri, html in pages.items():
        assert TAG.findall(html) == [tag.format("../" * src_uri.count("/"))], src_uri


def test_with_the_xapi_option_every_page_with_the_bundle_has_the_settings_once(tmp_path):
    """A lesson with a role-play and no quiz too: its choices are `responded` statements (docs/xapi.md)."""
    xapi = settings_from(XAPI, "https://courses.example.org/c")
    pages = _pages(CourseRenderer(_course(tmp_path, quizless_role_play=True), xapi=xapi))
    assert 'data-scenario="desk-visit"' in pages["beta/index.md"] and "data-quiz=" not in pages["beta/index.md"]
    for src_uri, html in pages.items():
        assert html.count("assets/course/course.js") == 1, src_uri
        assert html.count('<script type="application/json" id="course-xapi">') == 1, src_uri


def test_a_page_cannot_ask_for_a_script_the_bundle_leaves_out():
    minimal, _ = load(project_at(FIXTURES / "minimal"))
    assert minimal is not None
    renderer = CourseRenderer(minimal)
    with pytest.raises(ValueError, match="not in this course's bundle"):
        renderer._page_scripts("")("scenario")
