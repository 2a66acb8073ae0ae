"""The site navigation for a course: pages in course order, lessons grouped by module when there are modules."""

from __future__ import annotations

from html import escape
from typing import Any

from ..source.model import Course
from .render import PageSpec


def course_nav(course: Course, pages: list[PageSpec]) -> list[dict[str, Any]]:
    """MkDocs-style nav entries ({title: src_uri} or {module title: [...]}) for the generated pages.

    With modules, each module is a section that starts with its overview page ("Overview"), then
    its lessons; the other pages stay at the top level. Titles are escaped: MkDocs themes print
    navigation titles as HTML, and these come from trainers' text."""
    if not course.modules:
        return [{escape(page.title): page.src_uri} for page in pages]
    lesson_pages = {page.ref: page for page in pages if page.kind == "lesson"}
    overviews = {page.module: page for page in pages if page.kind == "module"}
    nav: list[dict[str, Any]] = []
    modules_done = False
    for page in pages:
        if page.kind not in ("lesson", "module"):
            nav.append({escape(page.title): page.src_uri})
        elif not modules_done:
            modules_done = True
            for index, module in enumerate(course.modules):
                entries = [{"Overview": overviews[index].src_uri}] if index in overviews else []
                nav.append(
                    {
                        escape(module.title): entries
                        + [{escape(lesson_pages[i].title): lesson_pages[i].src_uri} for i in module.lesson_ids]
                    }
                )
    return nav
