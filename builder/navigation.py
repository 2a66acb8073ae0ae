"""The site navigation for a course: pages in course order, lessons grouped by module when there are modules."""
from __future__ import annotations

from typing import Any

from .model import Course
from .render import PageSpec


def course_nav(course: Course, pages: list[PageSpec]) -> list[dict[str, Any]]:
    """MkDocs-style nav entries ({title: src_uri} or {module title: [...]}) for the generated pages."""
    if not course.modules:
        return [{page.title: page.src_uri} for page in pages]
    lesson_pages = {page.ref: page for page in pages if page.kind == "lesson"}
    nav: list[dict[str, Any]] = []
    modules_done = False
    for page in pages:
        if page.kind != "lesson":
            nav.append({page.title: page.src_uri})
        elif not modules_done:
            modules_done = True
            for module in course.modules:
                nav.append({module.title: [{lesson_pages[i].title: lesson_pages[i].src_uri}
                                           for i in module.lesson_ids]})
    return nav
