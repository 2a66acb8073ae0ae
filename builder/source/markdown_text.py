"""Markdown for trainers' text: one block and one inline converter, reused for every field.

Block text (section bodies, prompts, explanations) may use paragraphs, lists,
tables and code; its headings are shifted below the page's own section headings.
Inline text (options, feedback, objectives, key points) keeps emphasis, code and
links but never becomes a list or a paragraph, so "1. Greet them" stays text.
Relative links and images are resolved from the page's depth in the site.

Every result is safe to put in a page: inline HTML that trainers write is cleaned by the
allowlist sanitiser (builder/sanitize.py). Markdown escapes text itself, so a result needs the
sanitiser only when its source holds `<` or `&` (raw HTML, entities) or a link or image URL
that is not plainly http(s), mailto or relative; everything else is Markdown's own safe output.
"""

from __future__ import annotations

import html as html_text
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .sanitize import URL_SCHEMES, Removal, Sanitizer, url_scheme

# Text with none of these needs no Markdown parser: it renders as itself (a speed-up for the
# many short fields of a big course; tests check the shortcut agrees with the parser).
_MARKUP = re.compile(r"[\\`*_\[\]<>&|\t]|^[ \t#=+>-]|[ \t]$|^\d+[.)]", re.MULTILINE)
ABSOLUTE_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
"""A URL with a scheme, from the server's root or within the page: not relative to the page's folder."""
_HEADINGS = {f"h{n}": n for n in range(1, 7)}

MAX_TEXT_CHARS = 50_000
"""Characters one Markdown field may hold (a section of 5,000 words is about 30,000)."""
MAX_MARKUP = 1_000
"""`[` and `<` characters one Markdown field may hold. Python-Markdown's link and HTML scanning and
the sanitiser's HTML parsing slow down with the square of their number: 1,000 take at most about
0.2 s to convert, 10,000 take half a minute."""
MAX_FILE_MARKUP = 10_000
"""`[` and `<` characters all the Markdown fields of one file may hold together (checked in validation)."""
MAX_INDENT = 200
"""Columns a line may be indented (a tab counts 4): every 4 are a level of nested lists, and the
Markdown parser recurses once per level (about 250 levels exhaust Python's stack)."""


def markup_count(text: str) -> int:
    """The `[` and `<` characters that make Markdown conversion slow when there are very many."""
    return text.count("[") + text.count("<")


def limit_problem(text: str, markup: int | None = None) -> str | None:
    """Why a Markdown text is too large or too deeply nested to convert in bounded time, or None. `markup` is
    the text's `markup_count`, for a caller that has counted it already (validation adds them up by file)."""
    if len(text) > MAX_TEXT_CHARS:
        return (
            f"is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,} "
            "(split it into several sections or questions)"
        )
    if markup is None:
        markup = markup_count(text)
    if markup > MAX_MARKUP:
        return f"holds {markup:,} '[' and '<' characters; the limit is {MAX_MARKUP:,} (split it into several sections)"
    indent = _deepest_indent(text)
    if indent > MAX_INDENT:
        return f"has a line indented {indent:,} columns; the limit is {MAX_INDENT} (lists nest too deeply)"
    return None


def _deepest_indent(text: str) -> int:
    """The columns the most indented line of `text` starts with (a tab counts 4)."""
    if text[:1] not in (" ", "\t") and "\n " not in text and "\n\t" not in text:
        return 0  # most text: no line is indented (a quick look for the usual case)
    return max(
        (
            len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
            for line in text.split("\n")
            if line[:1] in (" ", "\t")
        ),
        default=0,
    )


def may_lose_html(text: str) -> bool:
    """Whether the sanitiser could remove anything from this Markdown text: it holds raw HTML, an entity or a
    URL scheme. Most text holds none, and then needs no converting to know that nothing is removed."""
    return _has_raw_html(text) or ":" in text


def _has_raw_html(text: str) -> bool:
    """Whether Markdown text holds `<` or `&`: raw HTML or an entity, which only the sanitiser can judge.
    (`in` finds a character many times faster than a pattern would, and every field is asked.)"""
    return "<" in text or "&" in text


class _PageAware(Treeprocessor):
    """Rewrite relative URLs for the page being converted for, move headings below the page outline, and
    note any URL the sanitiser has to look at."""

    def __init__(self, md: markdown.Markdown, converter: MarkdownText):
        super().__init__(md)
        self.converter = converter

    def run(self, root: etree.Element) -> None:
        prefix = self.converter._root
        shift = self.converter.heading_shift
        for element in root.iter():
            if element.tag in _HEADINGS and shift:
                element.tag = f"h{min(6, _HEADINGS[element.tag] + shift)}"
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is None:
                    continue
                if url_scheme(url) not in (None, *URL_SCHEMES):
                    self.converter._unsafe_url = True
                if prefix and not ABSOLUTE_URL.match(url):
                    element.set(attribute, prefix + url)


class MarkdownText:
    """Converts trainers' Markdown to HTML. `root` is the path from the page the HTML goes in to the site's
    root ("../" for a lesson page): relative links and images are rewritten to work from there."""

    def __init__(self, allowed_embed_hosts: Iterable[str] = ()) -> None:
        self._root = ""  # the page of the conversion under way (one at a time: a converter is not shared)
        self.heading_shift = 2
        self.sanitizer = Sanitizer(allowed_embed_hosts)
        self._unsafe_url = False
        self._block = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])
        self._block.treeprocessors.register(_PageAware(self._block, self), "course_page_aware", 1)
        self._inline = markdown.Markdown()
        for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote"):
            self._inline.parser.blockprocessors.deregister(name)
        self._inline.treeprocessors.register(_PageAware(self._inline, self), "course_page_aware", 1)

    def block(self, text: str | None, *, root: str = "") -> str:
        if not text:
            return ""
        self._root = root
        stripped = text.strip("\n")
        if not _MARKUP.search(stripped):
            return "\n".join(f"<p>{paragraph.strip(chr(10))}</p>" for paragraph in re.split(r"\n{2,}", stripped))
        if limit_problem(text) is None:  # validation refuses text over the limits: shown as plain text
            try:
                return self._safe(text, self._convert_block(text))
            except RecursionError:
                pass
        return "\n".join(f"<p>{html_text.escape(p)}</p>" for p in re.split(r"\n{2,}", stripped))

    def plain(self, text: str | None) -> str:
        """Block Markdown as the plain words a reader sees (an LMS's or LRS's description of a question): tags
        removed, entities decoded, spaces collapsed."""
        return str(Markup(self.block(text)).striptags())

    def inline(self, text: str | None, *, root: str = "") -> str:
        if not text:
            return ""
        self._root = root
        if "\n" not in text and not _MARKUP.search(text):
            return text
        if limit_problem(text) is None:
            try:
                return self._safe(text, self._convert_inline(text))
            except RecursionError:
                pass
        return html_text.escape(" ".join(text.split()))

    def removals(self, text: str | None, kind: str) -> list[Removal]:
        """What the sanitiser removes from this text as `kind` ("block" or "inline") Markdown.

        Call it only for text within the limits (`limit_problem` returns None)."""
        if not text or not may_lose_html(text):
            return []
        self._root = ""
        try:
            html = self._convert_block(text) if kind == "block" else self._convert_inline(text)
        except RecursionError:
            return []  # shown as plain text: nothing of it is HTML
        if not (self._unsafe_url or _has_raw_html(text)):
            return []
        return self.sanitizer.removals(html)

    def _convert_block(self, text: str) -> str:
        self._unsafe_url = False
        return self._block.reset().convert(text)

    def _convert_inline(self, text: str) -> str:
        self._unsafe_url = False
        html = self._inline.reset().convert(text)
        if html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4]
        # several paragraphs in an inline field (a blank line) become one line
        return html.replace("</p>\n<p>", " ")

    def _safe(self, text: str, html: str) -> str:
        """The converted HTML, through the sanitiser unless Markdown alone produced it from safe input."""
        if self._unsafe_url or _has_raw_html(text):
            return self.sanitizer.clean(html)
        return html

    def as_single_paragraph(self, text: str, *, root: str = "") -> str | None:
        """The inline HTML of block text that is just one paragraph, else None."""
        html = self.block(text, root=root)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return None
