"""What the browser and package tests share besides fixtures: Debian's Chromium, the fixture course's facts,
a static server and helpers that drive quizzes the way a learner does (by visible labels)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from builder.source.scoring import decode_key as decoded_key

from .paths import FIXTURES, NODE_MODULES

FIXTURE = FIXTURES / "full"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def require_chromium() -> None:
    """Skip without Debian's Chromium, except under CI (CI=true), where its absence fails the test."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{CHROMIUM} is missing and CI=true: browser tests must run in CI (install it with `make browser-deps`)",
            pytrace=False,
        )
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium to run the browser tests (they never download a browser)"
    )


@contextlib.contextmanager
def launched_chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (one at a time in a process), closed on the way out."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


STORAGE_KEY = "course-progress:fixture-course"

# Every page the fixture course has, by path from the site root.
PAGES = {
    "home": "",
    "alpha": "alpha/",
    "beta": "beta/",
    "final": "final-check/",
    "progress": "progress/",
    "certificate": "certificate/",
}
QUIZ_PAGES = {"alpha-check": "alpha/", "beta-check": "beta/", "final-check": "final-check/"}

# The fixture's quizzes, answered by visible text. Points: alpha-check single 1, multiple 2,
# true_false 1 (total 4, pass 75); beta-check 1 each (total 3, pass 60); final-check 1 each (pass 80).
RIGHT = {
    "alpha-check": {"single-one": "Blue", "multiple-two": ["Apple", "Pear"], "tf-three": "True"},
    "beta-check": {
        "short-one": "Internal customer",
        "order-two": {"Listen": "1", "Agree a time": "2", "Deliver": "3"},
        "match-three": {
            "Caring": "Showing you value the person",
            "Competency": "Being able to do the job",
            "Integrity": "Keeping your word",
        },
    },
    "final-check": {"f1": "True", "f2": "B"},
}
WRONG = {
    "alpha-check": {"single-one": "Green", "multiple-two": ["Apple", "Carrot"], "tf-three": "False"},
    "beta-check": {
        "short-one": "external customer",
        "order-two": {"Listen": "2", "Agree a time": "1", "Deliver": "3"},
        "match-three": {
            "Caring": "Keeping your word",
            "Competency": "Being able to do the job",
            "Integrity": "Showing you value the person",
        },
    },
    "final-check": {"f1": "False", "f2": "A"},
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


class Site:
    """A built site served on 127.0.0.1 at a random port."""

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PROBE = 'import { components } from "./dom.js";\nwindow.courseComponents = components;\n'
"""A module the tests add to the pages' bundle: dom.js's components(), the page's own, on window."""


def probe_components(page, site: Site) -> None:
    """Serve `page` the site's bundle with PROBE as one more entry: the same modules, bundled the same way and
    one instance each, so window.courseComponents() lists the components the page's scripts started (importing
    dom.js from the test would load a second, empty instance)."""
    from builder.site.classic import bundle
    from builder.site.shipped import ASSETS, CATALOGUE_MODULE

    # the site's own catalogue, minified: one `export const` a line, as the bundler reads them
    catalogue = (site.root / "assets" / "course" / CATALOGUE_MODULE).read_text().replace(";export ", ";\nexport ")
    entries = [ASSETS / name for name in ("quiz.js", "scenario.js", "probe.js")]
    text = bundle(entries, {CATALOGUE_MODULE: catalogue, "probe.js": PROBE})
    page.route("**/assets/course/course.js", lambda route: route.fulfill(body=text, content_type="text/javascript"))


# -- driving quizzes --------------------------------------------------------------------------


def open_page(page, site: Site, path: str, *, ready: bool = True):
    """Go to a page; with `ready`, wait until the script is ready: quizzes are started (data-quiz-init; an
    exam whose attempt is locked hides its check button), progress views are marked data-course-synced."""
    page.goto(site.url(path))
    if ready:
        for root in page.locator("[data-quiz]").all():
            root.and_(page.locator("[data-quiz-init]")).wait_for()
        page.wait_for_function("""[...document.querySelectorAll(
            '[data-course-progress], [data-certificate-page], [data-lesson-passed]')]
            .every(view => view.closest('[data-course-synced]'))""")
    return page


def quiz(page, quiz_id: str):
    return page.locator(f'[data-quiz="{quiz_id}"]')


def answer(page, quiz_id: str, answers: dict) -> None:
    """Answer questions by their visible text: a label, a list of labels, text, or {row label: option}; a
    true/false question by its value ("True" or "False"), since its labels are the interface's own words."""
    root = quiz(page, quiz_id)
    for question_id, value in answers.items():
        question = root.locator(f'[data-question="{question_id}"]')
        kind = question.get_attribute("data-question-type")
        if kind == "true_false":
            question.locator(f'input[value="{value.lower()}"]').check()
        elif kind in ("short_text", "numeric"):
            question.locator("input[type=text]").fill(value)
        elif kind in ("ordering", "matching"):
            for row_label, option in value.items():
                question.get_by_label(row_label, exact=True).select_option(label=option)
        else:
            for label in [value] if isinstance(value, str) else value:
                question.get_by_label(label, exact=True).check()


def check(page, quiz_id: str) -> dict:
    """Press "Check answers" and return the result's data-score/data-passed and each question's data-correct."""
    root = quiz(page, quiz_id)
    root.locator("[data-quiz-submit]").click()
    result = root.locator("[data-quiz-result]")
    result.and_(page.locator("[data-score]")).wait_for()
    return outcome(page, quiz_id)


def outcome(page, quiz_id: str) -> dict:
    return quiz(page, quiz_id).evaluate("""root => ({
        score: root.querySelector('[data-quiz-result]').dataset.score ?? null,
        passed: root.querySelector('[data-quiz-result]').dataset.passed ?? null,
        correct: Object.fromEntries([...root.querySelectorAll('[data-question]')]
            .map(q => [q.dataset.question, q.dataset.correct ?? null])),
    })""")


def take(page, site: Site, quiz_id: str, answers: dict) -> dict:
    open_page(page, site, QUIZ_PAGES[quiz_id])
    answer(page, quiz_id, answers)
    return check(page, quiz_id)


def store_progress(page, value, key: str = STORAGE_KEY) -> None:
    """Put progress into the page's storage as another page (or a broken one) would: text as it is,
    anything else as JSON."""
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [key, value if isinstance(value, str) else json.dumps(value)],
    )


STORAGE_FULL = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
"""An init script that makes every storage write fail, as a full or locked-down browser does."""


def saved_progress(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})")
    return json.loads(raw) if raw else None


def settle(page, *, calm_frames: int = 10, most_frames: int = 600) -> None:
    """Wait until the page has been still for `calm_frames` frames in a row: no animation or transition
    running and no scrolling. A smooth scroll (to an error, say) makes Material fade its header title in a
    frame or two after it moves, so "no animation running" alone can be true just before one starts."""
    still = page.evaluate(
        """async ([calmFrames, mostFrames]) => {
            let calm = 0, last = window.scrollY;
            for (let frame = 0; frame < mostFrames && calm < calmFrames; frame++) {
                await new Promise(resolve => requestAnimationFrame(resolve));
                const idle = window.scrollY === last && document.getAnimations().every(a => a.playState !== 'running');
                calm = idle ? calm + 1 : 0;
                last = window.scrollY;
            }
            return calm >= calmFrames;
        }""",
        [calm_frames, most_frames],
    )
    assert still, f"the page kept moving (an animation or scrolling) for {most_frames} frames"


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the whole page, once it has settled."""
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))""",
        AXE_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)


def decode_key(page, quiz_id: str) -> dict:
    return decoded_key(quiz(page, quiz_id).get_attribute("data-quiz-key"))


def pass_all(page, site: Site) -> None:
    """Pass every quiz of the fixture course through the pages, as a learner would."""
    for quiz_id in QUIZ_PAGES:
        assert take(page, site, quiz_id, RIGHT[quiz_id])["score"] == "100"


def visible_text(locator) -> str:
    return " ".join(locator.inner_text().split())


# -- a course variant --------------------------------------------------------------------------


def _replace_short_one(project: Path, question: str) -> None:
    quiz = project / "quizzes" / "beta-check.yml"
    text = quiz.read_text()
    quiz.write_text(text.replace(text[text.index("  - id: short-one") : text.index("  - id: order-two")], question))


def as_forgiving_short_text(project: Path) -> None:
    """The beta quiz's short-text question accepting a few words, with one slip allowed (`typos: 1`)."""
    _replace_short_one(
        project,
        "  - id: short-one\n    type: short_text\n    objective: name-it\n"
        "    prompt: Which element does Mei build by learning the returns desk, or which trust habit?\n"
        "    explanation: Cross-training; leadership; trained staff.\n"
        "    accept: [leadership, cross-trained, trained]\n    typos: 1\n",
    )


def as_numeric_course(project: Path) -> None:
    """The beta quiz's short-text question as a numeric one, in a course written in French (decimal comma)."""
    course = project / "content" / "course.yml"
    course.write_text(course.read_text() + "language: fr\n")
    _replace_short_one(
        project,
        "  - id: short-one\n    type: numeric\n    objective: name-it\n"
        "    prompt: How many euros did the order cost (1 000,50 written out)?\n"
        "    explanation: One thousand euros and fifty cents.\n    answer: 1000.5\n",
    )


WRITTEN_PROMPT = "Write the reply you would send to Sam, who asked for the figures by noon."
WRITTEN_MODEL = "Thanks, Sam. I can send the figures by 3pm; is that soon enough?"
WRITTEN_CHECKLIST = ("I acknowledged the request", "I asked what Sam needs", "I committed to a time")


def as_written_course(project: Path) -> None:
    """The beta quiz with a written question (never scored) after its three scored ones."""
    quiz = project / "quizzes" / "beta-check.yml"
    checklist = "".join(f"      - {item}\n" for item in WRITTEN_CHECKLIST)
    quiz.write_text(
        quiz.read_text()
        + f"  - id: write-four\n    type: written\n    objective: name-it\n    prompt: {WRITTEN_PROMPT}\n"
        f'    model_answer: "{WRITTEN_MODEL}"\n    checklist:\n{checklist}'
    )
