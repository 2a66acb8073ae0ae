"""Fuzzing trainers' Markdown: whatever mix of Markdown, inline HTML, entities and URLs a field
holds, its HTML has nothing live in it, nothing the sanitiser would still remove (so skipping
the sanitiser for Markdown's own output is safe), and it is made within bounded time."""

from __future__ import annotations

import time
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.source.markdown_text import (
    MAX_INDENT,
    MAX_MARKUP,
    MAX_TEXT_CHARS,
    MarkdownText,
    limit_problem,
    markup_count,
)
from builder.source.sanitize import url_scheme
from tests.support.fuzzing import TRICKY_CHARS, examples
from tests.support.html import LIVE_TAGS

MARKDOWN_TOKENS = [
    "<",
    ">",
    "&",
    "[",
    "]",
    "(",
    ")",
    "!",
    "*",
    "**",
    "_",
    "`",
    "```",
    "~~~",
    "#",
    "- ",
    "+ ",
    "1. ",
    "> ",
    "|",
    "|-|",
    "\n",
    "\n\n",
    "    ",
    "\t",
    ":",
    "/",
    "//",
    " ",
    "x",
    "word",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "data:",
    "data:text/html,",
    "data:image/png;base64,AA",
    "vbscript:",
    "http://x.example/",
    "mailto:a@b.example",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=",
    "<a href='",
    '<a href="',
    "<iframe src=",
    "<object data=",
    "<embed src=",
    "<form>",
    "<input ",
    "<button>",
    '"',
    "'",
    "=",
    "<!--",
    "-->",
    "&#x6a;",
    "&#106;",
    "&colon;",
    "&Tab;",
    "&#x09;",
    "&amp;",
    "&lt;",
    "<style>",
    "<b>",
    "</b>",
    "<p onclick=x>",
    "<math>",
    "<noscript>",
    "</noscript>",
    "<textarea>",
    "<title>",
    "<xmp>",
    " onerror=",
    "onload=",
    "<base href=x>",
    "<meta http-equiv=refresh content=0;url=javascript:x>",
    "![",
    "](",
    '"t"',
    "<div>",
    "</div>",
    "<table>",
    "<td>",
    "<kbd>",
    "<span style=x>",
    "<code class=x>",
    "<http://x.example>",
    "<a@b.example>",
    "[1]: ",
    "\\",
    "<!DOCTYPE html>",
    "<?php ?>",
    "<![CDATA[",
    "]]>",
    "</",
]
markdown_text = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_TOKENS), st.sampled_from(TRICKY_CHARS), st.text(max_size=4)), max_size=50
).map("".join)


class Live(HTMLParser):
    """Anything in HTML that could run script, load a page or replace the page's own parts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_TAGS | {"h1", "h2"}:  # and the page's own headings: Markdown's go below them
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("id", "name", "srcdoc", "formaction", "action"):
                self.found.append(f"<{tag} {name}>")
            elif name in ("href", "src"):
                scheme = url_scheme(value or "")
                if scheme not in (None, "http", "https", "mailto") and not (
                    tag == "img" and name == "src" and scheme == "data" and value.lower().startswith("data:image/")
                ):
                    self.found.append(f"<{tag} {name}={value!r}>")


def _check(text: str, kind: str) -> None:
    converter = MarkdownText()
    started = time.process_time()
    html = getattr(converter, kind)(text, root="../")
    assert time.process_time() - started < 2
    assert Live(html).found == [], (text, html)
    sanitizer = converter.sanitizer
    assert sanitizer.clean(html) == sanitizer.normalised(html), "the sanitiser would still remove something"
    if limit_problem(text) is None:
        converter.removals(text, kind)  # never raises


@settings(max_examples=examples(400))
@given(markdown_text, st.sampled_from(["block", "inline"]))
def test_fuzz_markdown_output_is_always_safe(text, kind):
    _check(text, kind)


@settings(max_examples=examples(150))
@given(st.text(), st.sampled_from(["block", "inline"]))
def test_fuzz_markdown_any_text_is_safe(text, kind):
    _check(text, kind)


@settings(max_examples=examples(8), deadline=None)
@given(st.sampled_from(["[", "<", "![", "<a ", "<div>", "[x](", "`", "*"]), st.sampled_from(["block", "inline"]))
def test_fuzz_markdown_fields_over_the_limits_are_fast(unit, kind):
    """Python-Markdown is quadratic in `[` and `<`: past the limits a field is shown as plain text at once."""
    converter = MarkdownText()
    too_long = unit * (MAX_TEXT_CHARS // len(unit) + 1)
    too_deep = "".join(" " * min(i * 4, MAX_INDENT + 4) + f"- {unit}\n" for i in range(300))
    too_much_markup = "[" * (MAX_MARKUP + 1) if markup_count(unit) == 0 else unit * (MAX_MARKUP + 1)
    for text in (too_long, too_deep, too_much_markup):
        assert limit_problem(text) is not None
        started = time.process_time()
        html = getattr(converter, kind)(text)
        assert time.process_time() - started < 1
        assert Live(html).found == []
