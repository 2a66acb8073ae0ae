"""Looking at rendered pages: every start tag with its attributes, and pages rendered from the sample course."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from builder.site.render import CourseRenderer, PageSpec, course_pages, restore_deferred
from builder.source.model import Course

from .projects import load, make_project

LIVE_TAGS = frozenset(
    {
        "script",
        "svg",
        "math",
        "iframe",
        "frame",
        "object",
        "embed",
        "base",
        "meta",
        "style",
        "link",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "noscript",
        "template",
    }
)
"""Tags that could run script, load another page or pose as the page's own controls: never in course text."""


class Elements(HTMLParser):
    """Every start tag with its attributes, to check labels and hooks without regexes over HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, Any]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        return [
            a
            for t, a in self.tags
            if (tag is None or t == tag) and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]


def page_html(renderer: CourseRenderer, page: PageSpec) -> str:
    """The page as the learner gets it (deferred quiz forms put back)."""
    rendered = renderer.render(page)
    return restore_deferred(rendered.html, rendered.deferred)


def build(
    tmp_path: Path, directory_urls: bool = True, **overrides: str | None
) -> tuple[Course, CourseRenderer, dict[str, PageSpec]]:
    """The sample course (with `overrides`), its renderer and its pages by source path."""
    course, problems = load(make_project(tmp_path, **overrides))
    assert course is not None, [str(p) for p in problems]
    renderer = CourseRenderer(course, directory_urls=directory_urls)
    return course, renderer, {p.src_uri: p for p in course_pages(course)}
