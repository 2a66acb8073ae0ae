"""Checks that links and images in course text lead somewhere the site has."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..source.diagnostics import DataPath
from ..source.markdown_text import ABSOLUTE_URL, MarkdownText
from ..source.model import Course
from ..source.schema import markdown_fields
from ..source.sources import SourceFile
from ..source.text import suggest
from .registry import CheckContext, Finding, check


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and ((tag == "a" and name == "href") or (tag == "img" and name == "src")):
                self.found.append((tag, value))


def _course_files(ctx: CheckContext) -> Iterator[SourceFile]:
    """The files whose text the site shows: course.yml and the lessons, quizzes and role-plays it uses."""
    course, sources = ctx.course, ctx.sources
    yield sources.course_file
    yield from (sources.lessons[lesson.id] for lesson in course.lessons)
    yield from (sources.quizzes[quiz_id] for quiz_id in course.quizzes)
    yield from (sources.scenarios[scenario_id] for scenario_id in course.scenarios)


def _page_paths(course: Course) -> set[str]:
    """Site paths (without a trailing slash) of the pages the course generates."""
    pages = {"", "progress", "certificate"}
    pages.update(lesson.id for lesson in course.lessons)
    if course.final_quiz_id:
        pages.add(course.final_quiz_id)
    return pages


def _resolves(target: str, pages: set[str], content: Path) -> bool:
    """Whether a site-relative path is a generated page or a file MkDocs publishes from the content folder."""
    path = target[: -len("index.html")] if target.endswith("index.html") else target
    path = path.strip("/")
    if path in pages:
        return True
    file = content / target
    if file.is_file():
        return file.suffix not in (".yml", ".yaml")  # course sources are never published
    return (content / f"{path}.md").is_file() or (content / path / "index.md").is_file()


def _unresolved(ctx: CheckContext) -> Iterator[tuple[str, SourceFile, DataPath, str, str, bool]]:
    """(tag, file, path, url, target, outside) of every link or image that leads nowhere in the site."""
    converter = MarkdownText()
    pages = _page_paths(ctx.course)
    content = ctx.project.content_path
    for loaded in _course_files(ctx):
        if loaded.doc is None or loaded.record is None:
            continue
        for path, kind, text in markdown_fields(loaded.record, loaded.doc.data):
            if "](" not in text and "<" not in text and "]:" not in text:
                continue
            parser = _Targets()
            parser.feed(converter.block(text) if kind == "block" else converter.inline(text))
            for tag, url in parser.found:
                if not url or ABSOLUTE_URL.match(url):
                    continue  # web addresses, root paths and links within the page are not checked
                target = unquote(urlsplit(url).path)
                if not target:
                    continue
                normal = posixpath.normpath(target) + ("/" if target.endswith("/") else "")
                normal = "" if normal in (".", "./") else normal
                outside = normal == ".." or normal.startswith("../")
                if outside or not _resolves(normal, pages, content):
                    yield tag, loaded, path, url, target, outside


@check("broken-link", "a link to a page or file the site does not have")
def broken_links(ctx: CheckContext) -> Iterator[Finding]:
    pages = sorted(p for p in _page_paths(ctx.course) if p)
    for tag, loaded, path, url, target, outside in _unresolved(ctx):
        if tag == "img":
            continue
        if outside:
            message = (
                f"link '{url}' points outside the site; links are relative to the site's home page, like 'lesson-id/'"
            )
        else:
            hint = suggest(target.strip("/").removesuffix("index.html").strip("/"), pages)
            message = (
                f"link '{url}' goes nowhere: it is not a page of the course nor a file in "
                f"{ctx.project.content_dir}/{hint}"
            )
        yield Finding(loaded.checker.file, path, message, needle=url)


@check("missing-image", "an image whose file is not in the content folder")
def missing_images(ctx: CheckContext) -> Iterator[Finding]:
    for tag, loaded, path, url, target, outside in _unresolved(ctx):
        if tag != "img":
            continue
        message = (
            f"image '{url}' is outside the site; put it in the content folder"
            if outside
            else f"image '{url}' not found: there is no file {ctx.project.content_dir}/{target} (images go in the "
            "content folder and are linked relative to it)"
        )
        yield Finding(loaded.checker.file, path, message, needle=url)
