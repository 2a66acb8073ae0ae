"""A test LMS for the SCORM package tests: the package unzipped beside tests/packages/harness.html, which runs
scorm-again's real runtime for SCORM 1.2 or 2004 in Debian's Chromium, and one launch of it by a learner."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from tests.support.browser import Site, answer, check
from tests.support.cli import run_course
from tests.support.paths import REPO

HARNESS = REPO / "tests" / "packages" / "harness.html"
RUNTIMES = REPO / "node_modules" / "scorm-again" / "dist"
RUNTIME_FILES = {"1.2": "scorm12.min.js", "2004": "scorm2004.min.js"}


def scorm_package(project: Path, root: Path, version: str = "1.2") -> Path:
    """`project` exported as a SCORM `version` package and unzipped beside the test LMS page and both runtimes:
    the folder to serve."""
    if not (RUNTIMES / RUNTIME_FILES[version]).is_file():
        assert os.environ.get("CI") != "true", "scorm-again is missing under CI=true (run `make test`)"
        pytest.skip("node_modules/scorm-again is missing: run `make browser-deps`")
    out = root / "course.zip"
    result = run_course("export", "scorm", "--version", version, "--out", str(out), cwd=project, check=True)
    assert f"SCORM {version} package" in result.stdout
    with zipfile.ZipFile(out) as archive:
        archive.extractall(root / "served" / "package")
    for name in RUNTIME_FILES.values():
        shutil.copy(RUNTIMES / name, root / "served" / name)
    shutil.copy(HARNESS, root / "served" / "harness.html")
    return root / "served"


def resume_seed(version: str, suspend_data: str, location: str | None = None) -> dict[str, Any]:
    """What an LMS hands a SCO it launches again: the attempt under way, its suspend_data and place."""
    if version == "2004":
        return {
            "suspend_data": suspend_data,
            "completion_status": "incomplete",
            "entry": "resume",
            **({"location": location} if location else {}),
        }
    core = {"lesson_status": "incomplete", "entry": "resume", **({"lesson_location": location} if location else {})}
    return {"suspend_data": suspend_data, "core": core}


class Launch:
    """One launch of the package by the test LMS, in a fresh browser profile (no local storage)."""

    def __init__(
        self, browser: Any, site: Site, seed: dict[str, Any] | None = None, version: str = "1.2", without: str = ""
    ):
        self.version = version
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        query = {
            "version": version,
            **({"seed": json.dumps(seed)} if seed else {}),
            **({"without": without} if without else {}),
        }
        self.page.goto(site.url("harness.html") + "?" + urlencode(query, quote_via=quote))
        self.launch_frame().wait_for_function("document.documentElement.dataset.scormReady === 'lms'")

    def launch_frame(self) -> Any:
        return next(f for f in self.page.frames if f.url.endswith("scorm-launch.html"))

    def course_frame(self, path: str) -> Any:
        """Show a course page in the launch page's frame, as a click in the course would."""
        launch = self.launch_frame()
        frame = launch.child_frames[0]
        with frame.expect_navigation(url=f"**/{path}", wait_until="load"):
            launch.evaluate("p => document.getElementById('course-frame').src = p", path)
        for root in frame.locator("[data-quiz]").all():
            root.and_(frame.locator("[data-quiz-init]")).wait_for()  # started (a timed quiz hides its form)
        return frame

    def take(self, path: str, quiz_id: str, answers: dict[str, Any]) -> dict[str, Any]:
        frame = self.course_frame(path)
        retry = frame.locator(f'[data-quiz="{quiz_id}"] [data-quiz-retry]')
        if retry.is_visible():
            retry.click()
        answer(frame, quiz_id, answers)
        return check(frame, quiz_id)

    def value(self, name: str) -> str:
        return str(self.page.evaluate("n => window.lmsGet(n)", name))

    def calls(self, kind: str) -> list[list[str]]:
        """The runtime calls of one kind (initialize, set, commit, finish), each with its arguments."""
        return [call for call in self.page.evaluate("window.lmsCalls") if call[0] == kind]

    def refused(self) -> list[list[str]]:
        """Every value the runtime refused: element, value and error code."""
        return list(self.page.evaluate("window.lmsRefused"))

    def cmi(self) -> dict[str, Any]:
        """Everything the runtime holds, as it would send it to the LMS (write-only elements included)."""
        return dict(self.page.evaluate("window.lmsApi.renderCMIToJSONObject()"))

    def wait_for_value(self, name: str, expected: str) -> None:
        self.page.wait_for_function("([n, v]) => window.lmsGet(n) === v", arg=[name, expected])

    def leave(self) -> None:
        """The learner closes the course: the LMS removes the SCO's frame."""
        self.page.evaluate("document.getElementById('sco').remove()")
        self.page.wait_for_function("window.lmsCalls.some(c => c[0] === 'finish')")

    def close(self) -> None:
        self.context.close()
