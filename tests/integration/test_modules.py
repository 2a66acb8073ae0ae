"""Courses with modules: navigation by module, and lesson pages that stay small as courses grow."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.conftest import REPO, run_course

sys.path.insert(0, str(REPO / "bench"))
from synth import generate  # noqa: E402

CONFIG = """site_name: Modules
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - course
"""


def lesson_links(html: str) -> set[str]:
    return set(re.findall(r'href="\.\./(lesson-\d{4})/"', html))


def test_modules_lesson_pages_link_to_their_module_and_the_module_list(tmp_path: Path):
    course, _ = generate(tmp_path / "n45", 45, CONFIG)
    run_course("build", cwd=course, check=True)
    page = (course / "site" / "lesson-0005" / "index.html").read_text()
    own_module = {f"lesson-{n:04d}" for n in range(1, 21)}
    assert lesson_links(page) == own_module - {"lesson-0005"} | {"lesson-0021", "lesson-0041"}  # + modules 2, 3
    for title in ("Module 1", "Module 2", "Module 3"):
        assert title in page
    later = (course / "site" / "lesson-0042" / "index.html").read_text()
    assert lesson_links(later) == {f"lesson-{n:04d}" for n in (41, 43, 44, 45)} | {"lesson-0001", "lesson-0021"}


def test_modules_page_size_does_not_grow_with_other_modules(tmp_path: Path):
    sizes = {}
    for n in (20, 60):
        course, _ = generate(tmp_path / f"n{n}", n, CONFIG)
        run_course("build", cwd=course, check=True)
        sizes[n] = (course / "site" / "lesson-0001" / "index.html").stat().st_size
    # two more modules add two links to a lesson page, not forty
    assert sizes[60] - sizes[20] < 2_000, sizes
