"""`course serve` rebuilds only what an edit affects (builder/site/preview.py); what it serves must still be, file
for file, what a clean build of the same sources gives. Each step edits the `full` fixture course while the real
`course serve` runs, waits for its rebuild, then compares the folder it serves from with a clean build (MkDocs'
own serve build, in a new folder, for the same address). Speed is measured by `make bench`, not here.
"""

from __future__ import annotations

import gzip
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import start_course_server
from tests.support.net import free_port

BUILT = "Documentation built in"
QUIET_S = 1.5
"""A rebuild is over when no other starts this long after it (a rename is two changes, and may be two builds)."""


class Preview:
    """The real `course serve` on a free port, with its temporary site folder under `tmp`."""

    def __init__(self, project: Path, tmp: Path):
        self.port = free_port()
        self.tmp = tmp
        tmp.mkdir()
        self.process = start_course_server(project, self.port, TMPDIR=str(tmp))
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.builds = 0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for_build(self, timeout: float = 120) -> str:
        """Wait until a build (or a run of builds) has finished; returns what the server printed meanwhile."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        built = False
        while True:
            try:
                line = self.lines.get(timeout=QUIET_S if built else max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                if built:
                    break
                raise AssertionError("course serve did not rebuild:\n" + "".join(self.output + seen)) from None
            seen.append(line)
            built = built or BUILT in line
            if BUILT in line:
                self.builds += 1
        self.output += seen
        return "".join(seen)

    @property
    def site(self) -> Path:
        folders = list(self.tmp.glob("mkdocs_*"))
        assert len(folders) == 1, folders
        return folders[0]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        assert not any("Traceback" in line for line in self.output), "".join(self.output)


@pytest.fixture
def preview(course_copy, tmp_path) -> Iterator[tuple[Path, Preview]]:
    project = course_copy("full")
    server = Preview(project, tmp_path / "served")
    try:
        server.wait_for_build()
        yield project, server
    finally:
        server.stop()


def clean_build(project: Path, port: int, folder: Path) -> Path:
    """A clean build of `project` as `course serve` makes it for 127.0.0.1:`port`, in a new process."""
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "config = load_config(config_file='mkdocs.yml', site_dir=sys.argv[1])\n"
        "config.plugins.on_startup(command='serve', dirty=False)\n"
        "config.site_url = sys.argv[2]\n"
        "build(config, serve_url=sys.argv[2], dirty=False)\n"
    )
    url = f"http://127.0.0.1:{port}/"
    subprocess.run(
        [sys.executable, "-c", script, str(folder), url],
        cwd=project,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    return folder


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path; gzip files by what they hold (their header has a time)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def assert_same_as_clean(project: Path, server: Preview, folder: Path) -> None:
    served, clean = tree(server.site), tree(clean_build(project, server.port, folder))
    assert sorted(served) == sorted(clean), set(served) ^ set(clean)
    different = [name for name in clean if served[name] != clean[name]]
    assert not different, different


def built_pages(output: str) -> tuple[int, int]:
    found = re.findall(r"building (\d+) of the course's (\d+) pages", output)
    assert found, output
    built, total = found[-1]
    return int(built), int(total)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_kind_of_edit_serves_what_a_clean_build_gives(preview, tmp_path):
    project, server = preview
    assert_same_as_clean(project, server, tmp_path / "clean-0")

    # a lesson's text: that lesson and the certificate (which prints the course's version), not the whole site
    edit(project / "content/alpha.yml", "Some text with a", "Some text, as we use the word here, with a")
    built, total = built_pages(server.wait_for_build())
    assert built < total / 2, (built, total)
    assert "as we use the word here" in (server.site / "alpha/index.html").read_text()
    assert_same_as_clean(project, server, tmp_path / "clean-1")

    # a quiz's feedback
    edit(project / "quizzes/alpha-check.yml", "title: Alpha check", "title: Alpha check, revised")
    server.wait_for_build()
    assert_same_as_clean(project, server, tmp_path / "clean-2")

    # course.yml: the course's title is on every page
    edit(project / "content/course.yml", "title: Fixture Course", "title: Fixture Course, second edition")
    assert built_pages(server.wait_for_build())[0] == total
    assert_same_as_clean(project, server, tmp_path / "clean-3")

    # an error, shown on the pages, then fixed
    quiz = project / "quizzes/alpha-check.yml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("title: Alpha check, revised", "titl: Alpha check"), encoding="utf-8")
    server.wait_for_build()
    assert "data-course-problems" in (server.site / "alpha/index.html").read_text()
    quiz.write_text(good, encoding="utf-8")
    server.wait_for_build()
    assert_same_as_clean(project, server, tmp_path / "clean-4")


NEW_LESSON = """\
id: gamma
title: Gamma lesson
summary: A lesson added while the preview runs.
duration_minutes: 3
objectives:
  - id: notice
    text: Notice the new page.
sections:
  - title: Only section
    body: Added text.
"""


def test_added_renamed_and_deleted_lessons_leave_no_page_behind(preview, tmp_path):
    project, server = preview
    course = project / "content/course.yml"

    # a new lesson: its file, and its place in course.yml
    added = project / "content/gamma.yml"
    added.write_text(NEW_LESSON, encoding="utf-8")
    edit(course, "lessons: [alpha, beta]", "lessons: [alpha, beta, gamma]")
    server.wait_for_build()
    assert (server.site / "gamma/index.html").is_file()
    assert_same_as_clean(project, server, tmp_path / "clean-added")

    # renamed: its file, its id and its place in course.yml
    renamed = project / "content/delta.yml"
    renamed.write_text(NEW_LESSON.replace("id: gamma", "id: delta"), encoding="utf-8")
    added.unlink()
    edit(course, "beta, gamma]", "beta, delta]")
    server.wait_for_build()
    assert not (server.site / "gamma").exists()
    assert (server.site / "delta/index.html").is_file()
    assert_same_as_clean(project, server, tmp_path / "clean-renamed")

    # deleted: out of course.yml, and its file gone
    edit(course, "beta, delta]", "beta]")
    renamed.unlink()
    server.wait_for_build()
    assert not (server.site / "delta").exists()
    assert_same_as_clean(project, server, tmp_path / "clean-deleted")


def test_a_deleted_image_is_no_longer_served(preview, tmp_path):
    """No page changes, so nothing is built again: the image's copy must still go."""
    project, server = preview
    image = project / "content/images/handout.png"
    image.parent.mkdir(exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    server.wait_for_build()
    assert (server.site / "images/handout.png").is_file()
    image.unlink()
    assert built_pages(server.wait_for_build())[0] == 0
    assert not (server.site / "images/handout.png").exists()
    assert_same_as_clean(project, server, tmp_path / "clean")


def test_a_trainers_own_page_stays_in_the_search_when_a_lesson_changes(preview, tmp_path):
    """A Markdown page of the trainer's own is not built again for a lesson's edit: its search entries must stay."""
    project, server = preview
    (project / "content/contacts.md").write_text("# Contacts\n\nAsk the learning desk.\n", encoding="utf-8")
    server.wait_for_build()
    edit(project / "content/alpha.yml", "Some text with a", "Some text, edited, with a")
    server.wait_for_build()
    assert b"learning desk" in (server.site / "search/search_index.json").read_bytes()
    assert_same_as_clean(project, server, tmp_path / "clean")
