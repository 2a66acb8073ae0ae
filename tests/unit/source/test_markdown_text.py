"""The Markdown converter, and its shortcut for plain text, which must agree with the parser."""

import pytest
import yaml

from builder.source.markdown_text import MarkdownText
from tests.support.paths import REPO

TRICKY = [
    "Plain words only.",
    "Two\n\nparagraphs here.",
    "Line one\nline two",
    "1. Not a list in inline",
    "- dash start",
    "Tabs\tinside",
    "Ends with two spaces  \nnext",
    "A & B",
    "x < y",
    'quote "this"',
    "C'est l'été, naïve café",
    "Numbers 3.5 and 10% off",
    "hash # inside",
    "colon: here",
    "Trailing space ",
    "  leading space",
    "under_score",
    "star *em*",
    "back`tick`",
    "[link](x.md)",
    "#Heading-ish",
    "a=b",
    "a|b",
    "Paragraph\n\n\n\nwith many blank lines",
    "Question?\n",
    "\nLeading newline",
    "Title\n===",
    "Title\n---",
    "+ plus list",
    "> quote",
    "Wow! Great: {braces} ~tilde~ 100% = fine",
    "Auto <http://example.org>",
    "Line\n    indented code",
    "First\n\n    code block",
    "ok?\n\n* star list",
    "a\n1) numbered",
    "Text with trailing\t",
    "Ends with backslash \\",
]


def bundled_texts() -> list[str]:
    texts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for file in sorted([*(REPO / "content").glob("*.yml"), *(REPO / "quizzes").glob("*.yml")]):
        walk(yaml.safe_load(file.read_text()))
    return texts


@pytest.mark.parametrize("kind", ["block", "inline"])
def test_markdown_text_shortcut_agrees_with_the_parser(kind):
    text = MarkdownText()
    for sample in TRICKY + bundled_texts():
        if kind == "inline" and "\n" in sample.strip():
            continue
        fast = getattr(text, kind)(sample, root="../")  # the parser below converts for the same page
        parser = text._block.reset().convert(sample) if kind == "block" else _inline_by_parser(text, sample)
        assert fast == parser, sample


def _inline_by_parser(text: MarkdownText, sample: str) -> str:
    html = text._inline.reset().convert(sample)
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return html.replace("</p>\n<p>", " ")


def test_markdown_text_shifts_headings_and_resolves_relative_links():
    text = MarkdownText()
    html = text.block("# Title\n\nSee [map](images/map.png), [top](#a) and ![i](/abs.png).", root="../")
    assert html == (
        '<h3>Title</h3>\n<p>See <a href="../images/map.png">map</a>, <a href="#a">top</a> and '
        '<img alt="i" src="/abs.png" />.</p>'
    )


def test_markdown_text_inline_never_makes_blocks():
    text = MarkdownText()
    assert text.inline("1. Greet them") == "1. Greet them"
    assert text.inline("- Listen *first*") == "- Listen <em>first</em>"
