"""Hostile course text in Chromium: the `hostile` fixture puts classic script-injection payloads
in every field a trainer writes (titles, section bodies, options, feedback, explanations, key
points, objectives, matching and ordering items). It is built through the real CLI and served on
127.0.0.1; every page is opened, every quiz answered and checked, and the tests assert that no
dialog opened, no payload set `window.__pwned`, and no injected element or URL exists.

Two builds: `hostile` as written, and `hostile-content` with plain titles, so the Markdown fields
(sanitised) and the titles (escaped for MkDocs by the plugin) are each checked on their own.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from tests.support.browser import Site, check, decode_key, open_page, quiz, visible_text
from tests.support.cli import run_course
from tests.support.paths import REPO

HOSTILE = REPO / "tests" / "fixtures" / "courses" / "hostile"
QUIZ_PAGES = {"hostile-check": "hostile-lesson/", "hostile-final": "hostile-final/"}

# What a payload would leave behind in the page if it worked, as one script run in the page.
FIND_INJECTED = """() => {
    const found = [];
    const content = document.querySelector('.md-content') || document.body;
    const badUrl = (element, name, value) => {
        const url = value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return true;
        return url.startsWith('data:')
            && !(element.tagName === 'IMG' && name === 'src' && url.startsWith('data:image/'));
    };
    for (const element of document.querySelectorAll('*')) {
        for (const {name, value} of element.attributes) {
            if (name.startsWith('on')) found.push(`${element.tagName} ${name}`);
            if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(name)
                && badUrl(element, name, value))
                found.push(`${element.tagName} ${name}=${value}`);
        }
    }
    for (const script of document.querySelectorAll('script')) {
        if (script.textContent.includes('__pwned')) found.push('script: ' + script.textContent.slice(0, 60));
    }
    for (const element of content.querySelectorAll(
            'svg, math, script, iframe, frame, object, embed, base, meta, style, link, noscript, template')) {
        if (element.tagName === 'SCRIPT' && (element.getAttribute('src') || '').includes('assets/course/')) continue;
        if (element.tagName === 'LINK' && element.getAttribute('rel') === 'stylesheet'
            && ['assets/course/scenario.css', 'assets/course/certificate.css']
                .includes((element.getAttribute('href') || '').replace(/^(\\.\\.\\/)*/, ''))) continue;
        if (element.tagName === 'NOSCRIPT' && element.textContent.startsWith('<p class="course-notice">')) continue;
        found.push(element.tagName);
    }
    for (const element of content.querySelectorAll('form, input, button, select, textarea')) {
        if (!String(element.className).startsWith('course-')) found.push(`${element.tagName} (not the course's own)`);
    }
    if (document.querySelector('base')) found.push('BASE');
    return found;
}"""


def _plain_titles(project: Path) -> None:
    """Replace every `title:` in the course's YAML with plain words (the Markdown fields stay hostile)."""
    counter = iter(range(1, 1000))

    def walk(value):
        if isinstance(value, dict):
            return {k: (f"Plain title {next(counter)}" if k == "title" else walk(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    for file in [*(project / "content").glob("*.yml"), *(project / "quizzes").glob("*.yml")]:
        file.write_text(yaml.safe_dump(walk(yaml.safe_load(file.read_text())), sort_keys=False, allow_unicode=True))


VARIANTS: dict[str, Callable[[Path], None] | None] = {"hostile": None, "hostile-content": _plain_titles}


@pytest.fixture(scope="session")
def hostile_sites(tmp_path_factory) -> Iterator[Callable[[str], tuple[Site, str]]]:
    """Builds and serves a variant of the hostile course once: returns the site and the build's output."""
    served: dict[str, tuple[Site, str]] = {}

    def get(variant: str) -> tuple[Site, str]:
        if variant not in served:
            workdir = tmp_path_factory.mktemp(variant)
            project = workdir / "project"
            shutil.copytree(HOSTILE, project)
            if VARIANTS[variant]:
                VARIANTS[variant](project)
            result = run_course("build", "--site-dir", str(workdir / "site"), cwd=project, check=True)
            served[variant] = (Site(workdir / "site"), result.stdout + result.stderr)
        return served[variant]

    yield get
    for site, _ in served.values():
        site.close()


def _watch(tab) -> list[str]:
    """Dialogs the page opens (each dismissed at once)."""
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.page.on("dialog", on_dialog)
    return dialogs


def _assert_untouched(page, dialogs: list[str], where: str) -> None:
    # let the load and error handlers of anything injected run first: every image has loaded or failed
    page.wait_for_function("[...document.images].every(image => image.complete)")
    page.wait_for_timeout(50)
    assert dialogs == [], f"{where}: a payload opened a dialog: {dialogs}"
    assert page.evaluate("typeof window.__pwned") == "undefined", f"{where}: a payload ran (window.__pwned is set)"
    assert page.evaluate(FIND_INJECTED) == [], f"{where}: injected elements or URLs"


def answer_by_key(page, quiz_id: str) -> None:
    """Answer every question right, reading the page's own answer key (the texts are hostile)."""
    root = quiz(page, quiz_id)
    for question_id, key in decode_key(page, quiz_id)["questions"].items():
        question = root.locator(f'[data-question="{question_id}"]')
        kind = key["type"]
        if kind in ("single", "multiple", "true_false"):
            for token in key["correct"]:
                question.locator(f'input[value="{token}"]').check()
        elif kind == "short_text":
            question.locator("input[type=text]").fill(key["accept"][0])
        elif kind == "ordering":
            for token, position in key["correct"].items():
                question.locator(f'[data-item="{token}"] select').select_option(str(position))
        else:
            for left, right in key["correct"].items():
                question.locator(f'[data-row="{left}"] select').select_option(right)


def site_pages(site: Site) -> list[str]:
    """Every page of the built site, by path from its root ("" is the home page)."""
    pages = sorted(file.parent.relative_to(site.root).as_posix() for file in site.root.rglob("index.html"))
    return [("" if path == "." else f"{path}/") for path in pages]


def _play_hostile_role_play(page, site: Site, dialogs: list[str]) -> None:
    """Every step of the hostile role-play (its text, choices and feedback are copied into the
    player by scenario.js), to an ending, then back one step and after a reload."""
    open_page(page, site, "hostile-lesson/")
    player = page.locator('[data-scenario="hostile-play"] [data-scenario-player]')
    for step in range(2):
        player.locator("input[type=radio]").first.check()
        player.get_by_role("button", name="Continue").click()
        _assert_untouched(page, dialogs, f"role-play step {step + 2}")
    assert player.get_attribute("data-node") == "ending" and player.get_attribute("data-scores") == "1 1 2"
    player.get_by_role("button", name="Go back one step").click()
    _assert_untouched(page, dialogs, "role-play after going back")
    page.reload()
    open_page(page, site, "hostile-lesson/")
    player.locator("legend").wait_for()
    assert player.get_attribute("data-node") == "second"
    _assert_untouched(page, dialogs, "role-play restored")


def _visit_and_answer(tab, site: Site) -> None:
    page = tab.page
    dialogs = _watch(tab)
    pages = site_pages(site)
    assert {"", "hostile-lesson/", "hostile-final/", "progress/", "certificate/"} <= set(pages)
    for path in pages:
        open_page(page, site, path)
        _assert_untouched(page, dialogs, path or "home")
    for quiz_id, path in QUIZ_PAGES.items():
        open_page(page, site, path)
        answer_by_key(page, quiz_id)
        assert check(page, quiz_id)["score"] == "100"
        # feedback and explanations are now shown: they are inserted as HTML by the quiz script
        assert quiz(page, quiz_id).locator("[data-question-feedback]:visible").count() > 0
        _assert_untouched(page, dialogs, f"{path} after checking")
        page.reload()
        open_page(page, site, path)
        assert quiz(page, quiz_id).locator("[data-quiz-result]").get_attribute("data-score") == "100"
        _assert_untouched(page, dialogs, f"{path} restored")
    _play_hostile_role_play(page, site, dialogs)
    open_page(page, site, "certificate/")
    name = '<img src=x onerror="window.__pwned=1;alert(99)">Ada'
    page.locator("#certificate-name").fill(name)
    page.locator("[data-certificate-form] button").click()
    assert page.locator("[data-certificate-name]").inner_text() == name
    _assert_untouched(page, dialogs, "certificate with a hostile name")


def test_hostile_markdown_fields_run_nothing_in_chromium(tab, hostile_sites):
    site, _ = hostile_sites("hostile-content")
    _visit_and_answer(tab, site)
    assert not tab.course_errors()


def test_hostile_titles_run_nothing_in_chromium(tab, hostile_sites):
    site, _ = hostile_sites("hostile")
    _visit_and_answer(tab, site)


def test_hostile_text_keeps_its_formatting_and_shows_payloads_as_text(page, hostile_sites):
    site, _ = hostile_sites("hostile-content")
    open_page(page, site, "hostile-lesson/")
    article = page.locator("article.course-lesson")
    assert article.locator("kbd").all_inner_texts() == ["Ctrl", "C"]
    assert article.locator("sub").inner_text() == "2" and article.locator("mark").inner_text() == "kept"
    assert article.locator("li strong").inner_text() == "kept bold"
    # the code span with a comment end and a script tag is shown as the trainer typed it
    codes = article.locator("code").all_inner_texts()
    assert "--><script>window.__pwned=1;alert(7)</script>" in codes
    # a removed element's text is gone, the words around it stay
    text = visible_text(article)
    assert "Hover me bold" in text and "Clobber" in text and "Log in" in text
    assert "Right answer" in visible_text(quiz(page, "hostile-check"))


def test_hostile_search_results_run_nothing(tab, hostile_sites):
    site, _ = hostile_sites("hostile-content")
    page = tab.page
    dialogs = _watch(tab)
    open_page(page, site, "")
    for words in ("pwned", "script", "onerror", "svg"):
        search = page.locator("input.md-search__input")
        search.click()
        search.fill(words)
        page.locator(".md-search-result__meta").wait_for()
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
        _assert_untouched(page, dialogs, f"search for {words!r}")
        assert page.locator(".md-search-result svg:not(.md-search-result__icon svg)").count() == 0
        page.keyboard.press("Escape")


def test_hostile_site_html_has_no_live_payload(hostile_sites):
    """The built files, read without a browser: payloads survive only as escaped text."""
    site, output = hostile_sites("hostile-content")
    assert re.search(r"content/hostile-lesson\.yml:\d+:\d+: .*sections\[0\]\.body: removed <script> \(scripts", output)
    for file in site.root.rglob("*.html"):
        _assert_no_live_markup(file)


def test_hostile_titles_in_site_html_are_escaped(hostile_sites):
    site, _ = hostile_sites("hostile")
    for file in site.root.rglob("*.html"):
        _assert_no_live_markup(file)


def _assert_no_live_markup(file: Path) -> None:
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"<{tag} {name}>")
                if name in ("href", "src") and (value or "").strip().lower().startswith(("javascript:", "data:text")):
                    found.append(f"<{tag} {name}={value}>")
            if tag in ("svg", "iframe", "object", "embed", "base", "math"):
                found.append(f"<{tag}>")

        def handle_data(self, data):
            if "__pwned" in data and self.lasttag == "script":
                found.append(f"script text {data[:40]!r}")

    Finder().feed(file.read_text())
    # Material's own icons are inline SVG in the header, nav and footer: only course content counts.
    found = [f for f in found if f != "<svg>"] if "md-content" in file.read_text() else found
    assert found == [], f"{file}: {found}"


# -- progress saved by an older version of the course or of the progress format -----------------

OLDER_PROGRESS = {
    "before format versions": '{"quizzes": {"alpha-check": {"score": 100, "passed": true}}}',
    "format version 0": '{"v": 0, "progress": {"alpha-check": 100}, "name": "Old"}',
    "an older course": '{"v": 1, "quizzes": {"alpha-check": {"version": "000000000000", "best": 100, "attempts": 3, '
    '"last": {"score": 100, "passed": true, "responses": {"gone-question": "x"}}}, '
    '"removed-quiz": {"version": "111111111111", "best": 90, "attempts": 1, '
    '"last": {"score": 90, "passed": true, "responses": {}}}}}',
}


@pytest.mark.parametrize("stored", OLDER_PROGRESS.values(), ids=OLDER_PROGRESS.keys())
def test_progress_from_an_older_version_is_discarded_cleanly(tab, site, stored):
    from tests.support.browser import RIGHT, answer, saved_progress, store_progress

    page = tab.page
    open_page(page, site, "progress/")
    store_progress(page, stored)
    for path in ("", "progress/", "certificate/", "alpha/"):
        open_page(page, site, path)
    # nothing of the old progress counts: the quiz is unanswered and the course not started
    assert quiz(page, "alpha-check").locator("[data-quiz-result]").get_attribute("data-score") is None
    assert quiz(page, "alpha-check").locator("input:checked").count() == 0
    open_page(page, site, "progress/")
    statuses = page.eval_on_selector_all("[data-progress-status]", "cells => cells.map(c => c.innerText.trim())")
    assert statuses and all(status == "○ Not started" for status in statuses)
    open_page(page, site, "certificate/")
    assert page.locator("[data-certificate-page]").get_attribute("data-certificate-status") == "locked"
    # a new attempt is saved in the current format
    open_page(page, site, "alpha/")
    answer(page, "alpha-check", RIGHT["alpha-check"])
    assert check(page, "alpha-check")["score"] == "100"
    saved = saved_progress(page)
    entry = saved["quizzes"]["alpha-check"]
    assert saved["v"] == 1 and "progress" not in saved
    assert (entry["best"], entry["attempts"]) == (100, 1)
    assert entry["version"] == quiz(page, "alpha-check").get_attribute("data-quiz-version")
    assert not tab.errors
