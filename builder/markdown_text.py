"""Markdown for trainers' text: one block and one inline converter, reused for every field.

Block text (section bodies, prompts, explanations) may use paragraphs, lists,
tables and code; its headings are shifted below the page's own section headings.
Inline text (options, feedback, objectives, key points) keeps emphasis, code and
links but never becomes a list or a paragraph, so "1. Greet them" stays text.
Relative links and images are resolved from the page's depth in the site.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

# Text with none of these needs no Markdown parser: it renders as itself (a speed-up for the
# many short fields of a big course; tests check the shortcut agrees with the parser).
_MARKUP = re.compile(r"[\\`*_\[\]<>&|\t]|^[ \t#=+>-]|[ \t]$|^\d+[.)]", re.MULTILINE)
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


class _PageAware(Treeprocessor):
    """Rewrite relative URLs for the current page and move headings below the page outline."""

    def __init__(self, md: markdown.Markdown, converter: "MarkdownText"):
        super().__init__(md)
        self.converter = converter

    def run(self, root: etree.Element) -> None:
        prefix = self.converter.root
        shift = self.converter.heading_shift
        for element in root.iter():
            if element.tag in _HEADINGS and shift:
                element.tag = f"h{min(6, _HEADINGS[element.tag] + shift)}"
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is not None and prefix and not _ABSOLUTE.match(url):
                    element.set(attribute, prefix + url)


class MarkdownText:
    """Converts trainers' Markdown to HTML; set `root` to the page's path to the site root first."""

    def __init__(self) -> None:
        self.root = ""
        self.heading_shift = 2
        self._block = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"])
        self._block.treeprocessors.register(_PageAware(self._block, self), "course_page_aware", 1)
        self._inline = markdown.Markdown()
        for name in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote"):
            self._inline.parser.blockprocessors.deregister(name)
        self._inline.treeprocessors.register(_PageAware(self._inline, self), "course_page_aware", 1)

    def block(self, text: str | None) -> str:
        if not text:
            return ""
        stripped = text.strip("\n")
        if not _MARKUP.search(stripped):
            return "\n".join(f"<p>{paragraph.strip(chr(10))}</p>" for paragraph in re.split(r"\n{2,}", stripped))
        return self._block.reset().convert(text)

    def inline(self, text: str | None) -> str:
        if not text:
            return ""
        if "\n" not in text and not _MARKUP.search(text):
            return text
        html = self._inline.reset().convert(text)
        if html.startswith("<p>") and html.endswith("</p>"):
            html = html[3:-4]
        # several paragraphs in an inline field (a blank line) become one line
        return html.replace("</p>\n<p>", " ")

    def as_single_paragraph(self, text: str) -> str | None:
        """The inline HTML of block text that is just one paragraph, else None."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return None
