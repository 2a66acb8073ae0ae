"""Courses with modules: navigation by module, and lesson pages that stay small as courses grow."""

from __future__ import annotations

import re
from pathlib import Path

from bench.synth import generate
from tests.support.cli import run_course

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
    return set(re.findall(r'href="\.\./(lesson-\d{4}|modules/[a-z0-9-]+)/"', html))


def test_modules_lesson_pages_link_to_their_module_and_the_module_list(tmp_path: Path):
    course, _ = generate(tmp_path / "n45", 45, CONFIG)
    run_course("build", cwd=course, check=True)
    page = (course / "site" / "lesson-0005" / "index.html").read_text()
    own_module = {f"lesson-{n:04d}" for n in range(1, 21)} | {"modules/module-1"}
    assert lesson_links(page) == own_module - {"lesson-0005"} | {"modules/module-2", "modules/module-3"}
    for title in ("Module 1", "Module 2", "Module 3", "Overview"):
        assert title in page
    later = (course / "site" / "lesson-0042" / "index.html").read_text()
    assert lesson_links(later) == {f"lesson-{n:04d}" for n in (41, 43, 44, 45)} | {
        "modules/module-1",
        "modules/module-2",
        "modules/module-3",
    }
    overview = (course / "site" / "modules" / "module-2" / "index.html").read_text()
    assert "Module 2 of 3 · 20 lessons · about 160 minutes" in overview
    assert overview.count('class="course-lessons__item"') == 20


def test_modules_page_size_does_not_grow_with_other_modules(tmp_path: Path):
    sizes = {}
    for n in (20, 60):
        course, _ = generate(tmp_path / f"n{n}", n, CONFIG)
        run_course("build", cwd=course, check=True)
        sizes[n] = (course / "site" / "lesson-0001" / "index.html").stat().st_size
    # two more modules add two links to a lesson page, not forty
    assert sizes[60] - sizes[20] < 2_000, sizes


LIMIT = 150 * 1024
GROWING = ("index.html", "progress/index.html", "certificate/index.html")


def test_modules_course_pages_stay_small_as_lessons_are_added(tmp_path: Path):
    """Home, progress and certificate list modules, not lessons: from 100 to 200 lessons they
    grow by their module rows and a few bytes per quiz (before modules had their own pages they
    grew by 340 to 860 bytes a lesson, and passed 150 KB at 1,000 lessons)."""
    sizes: dict[int, dict[str, int]] = {}
    for n in (100, 200):
        course, _ = generate(tmp_path / f"n{n}", n, CONFIG)
        run_course("build", cwd=course, check=True)
        site = course / "site"
        pages = {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html")}
        assert len([p for p in pages if p.startswith("modules/")]) == n // 20
        largest = max(pages, key=pages.get)
        assert pages[largest] < LIMIT, (largest, pages[largest])
        sizes[n] = pages
    for page in GROWING:
        per_lesson = (sizes[200][page] - sizes[100][page]) / 100
        assert per_lesson < 90, (page, sizes[100][page], sizes[200][page])
        # at that rate, a 1,000-lesson course's page is still well under the limit
        assert sizes[200][page] + 800 * per_lesson < LIMIT * 0.8, page
    # lesson and module pages do not grow with the course beyond one navigation link per module
    for page in ("lesson-0001/index.html", "modules/module-1/index.html"):
        assert sizes[200][page] - sizes[100][page] < 1_500, page
