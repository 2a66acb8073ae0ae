"""Crash-safe publishing, proved on a larger course with the real `course build`.

A build is killed with SIGKILL at several points (while it starts, when its build folder appears,
a quarter, three quarters and nearly all of the way through writing pages, and just after the
swap); after each kill `site/` must be exactly the previous complete site or exactly the new one,
compared file by file (SHA-256 of every file). The next build must succeed and leave no build
folders behind. Two builds started at once must end with one complete site.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.synth import generate
from tests.support.paths import REPO

LESSONS = 200
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}

Manifest = dict[str, str]


def manifest(site: Path) -> Manifest:
    """Every file of a site by path, with the SHA-256 of its bytes."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "builder.cli", "build"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def build(project: Path) -> None:
    process = start_build(project)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, f"course build failed:\n{out}\n{err}"


def build_folders(project: Path) -> list[Path]:
    return sorted(p for p in project.iterdir() if p.name.startswith((".site-build-", ".site-old-")))


def files_in(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def kill_when(project: Path, condition: Callable[[], bool], timeout: float = 120) -> bool:
    """Start a build and SIGKILL it as soon as `condition()` holds; True if it was killed before finishing."""
    process = start_build(project)
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if condition():
                break
            time.sleep(0.002)
        finished = process.poll() is not None
        if not finished:
            os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.communicate(timeout=60)
    return not finished and process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def big_course(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crash")
    course, _ = generate(root / "synth", LESSONS, (REPO / "mkdocs.yml").read_text())
    return course


def _edit(project: Path, words: str) -> None:
    course = project / "content" / "course.yml"
    course.write_text(course.read_text().replace("description: ", f"description: {words} ", 1))
    lesson = project / "content" / "lesson-0001.yml"
    lesson.write_text(lesson.read_text().replace("summary: ", f"summary: {words} ", 1))


def test_crash_safety_sigkill_at_any_point_leaves_old_or_new_site(big_course: Path):
    project = big_course
    site = project / "site"
    build(project)
    old = manifest(site)
    expected_files = len(old)
    _edit(project, "Version two.")

    earlier: set[Path] = set()  # folders left by the builds killed before: not the running build's

    def staging() -> Path | None:
        found = [p for p in build_folders(project) if p.name.startswith(".site-build-") and p not in earlier]
        return found[0] if found else None

    def staging_has(fraction: float) -> Callable[[], bool]:
        def check() -> bool:
            folder = staging()
            try:
                return folder is not None and files_in(folder) >= fraction * expected_files
            except OSError:
                return False

        return check

    started = time.monotonic()
    first_inode = os.stat(site).st_ino
    kill_points: dict[str, Callable[[], bool]] = {
        "while starting (0.3 s)": lambda: time.monotonic() - started > 0.3,
        "build folder appears": lambda: staging() is not None and files_in(staging()) == 0,
        "a quarter of the files written": staging_has(0.25),
        "three quarters written": staging_has(0.75),
        "nearly every file written": staging_has(0.97),
    }
    outcomes: dict[str, tuple[bool, Manifest, int]] = {}
    for name, condition in kill_points.items():
        earlier = set(build_folders(project))
        started = time.monotonic()
        killed = kill_when(project, condition)
        outcomes[name] = (killed, manifest(site), len(build_folders(project)))
    # the last point: just after the swap (the previous site is then being deleted)
    killed_after_swap = kill_when(project, lambda: os.stat(site).st_ino != first_inode)
    after_swap = manifest(site)
    leftovers_after_swap = build_folders(project)

    build(project)  # the next build succeeds and cleans up every leftover
    new = manifest(site)
    assert build_folders(project) == []
    assert new != old and len(new) == expected_files

    for name, (killed, found, leftovers) in outcomes.items():
        assert killed, f"{name}: the build finished before it could be killed"
        assert found == old, f"{name}: site/ is not the previous complete site"
        assert leftovers <= 1, f"{name}: folders of earlier killed builds were not removed"
    assert after_swap == new, "killed just after the swap: site/ is not the new complete site"
    assert killed_after_swap or leftovers_after_swap == []


def test_crash_safety_two_builds_at_once_publish_one_complete_site(big_course: Path):
    project = big_course
    site = project / "site"
    build(project)
    _edit(project, "Version three.")
    processes = [start_build(project), start_build(project)]
    results = [process.communicate(timeout=300) for process in processes]
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, f"a concurrent build failed:\n{out}\n{err}"
    first = manifest(site)
    assert build_folders(project) == []
    build(project)  # builds are reproducible: a build on its own gives the same site
    assert manifest(site) == first
    assert "Version three." in (site / "index.html").read_text()
