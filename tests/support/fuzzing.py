"""What the fuzz tests share: example counts per profile, hostile text, and YAML-shaped noise."""

from __future__ import annotations

import os
from collections.abc import Iterator

from hypothesis import strategies as st

SCALE = {"ci": 1, "long": 20}


def examples(n: int) -> int:
    """n examples in the `ci` profile, 20n in `long` (`make fuzz`)."""
    return n * SCALE.get(os.environ.get("HYPOTHESIS_PROFILE", "ci"), 1)


# Characters that break naive text handling: right-to-left and zero-width marks, byte order
# marks, line and paragraph separators, non-breaking spaces, combining marks, emoji.
TRICKY_CHARS = [
    "\u202e",
    "\u202d",
    "\u202a",
    "\u200f",
    "\u200e",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u0301",
    "\U0001f600",
    "\u05d0",
    "\u0627",
    "\t",
    "\r",
    "\r\n",
    "\x7f",
    "\x0b",
    "\x0c",
    "\\",
]
HOSTILE_TEXT = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "`--><script>alert(1)</script>`",
    "</script><script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "<!--course-defer-->",
    "&lt;&#x3c;",
    "%s%n",
    "${x}",
]
YAML_TOKENS = [
    "\n",
    "  ",
    "    ",
    "- ",
    ": ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "<<: *a",
    "!!str ",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!timestamp ",
    "!!binary ",
    "!!null ",
    "!!set ",
    "!!omap ",
    "!!python/object:os.system ",
    "!custom ",
    "|",
    "|-",
    ">",
    ">+",
    "'",
    '"',
    "# ",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "---\n",
    "...\n",
    "\t",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "1e400",
    "0x1F",
    "0o17",
    "2024-13-45",
    "2024-02-30 10:00:00",
    "12:30:00",
    ".nan",
    "-.inf",
    "9" * 5000,
    "\\u202e",
    "\\x00",
    "id",
    "title",
    "questions",
    "type",
    "single",
    "options",
    "text",
    "correct",
    "true",
    "prompt",
    "body",
    "sections",
    "objectives",
    "lessons",
    "modules",
    "quiz",
    "final_quiz",
]

tricky_text = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(TRICKY_CHARS), st.sampled_from(HOSTILE_TEXT)), max_size=12
).map("".join)
"""Short text mixing random Unicode, bidi and zero-width marks, and script-injection payloads."""

yaml_noise = st.lists(
    st.one_of(st.sampled_from(YAML_TOKENS), st.sampled_from(TRICKY_CHARS), st.text(max_size=6)), max_size=60
).map("".join)
"""Text built from YAML's own syntax, tags, anchors and look-alike scalars."""


def line_count(text: str) -> int:
    """Lines as YAML counts them: \\r\\n, \\r, \\n, NEL and the Unicode line and paragraph separators break lines."""
    count, index = 1, 0
    while index < len(text):
        ch = text[index]
        if ch == "\r" and text[index + 1 : index + 2] == "\n":
            index += 1
        if ch in "\r\n\x85\u2028\u2029":
            count += 1
        index += 1
    return count


def assert_located(diagnostics, files: dict[str, str]) -> None:
    """Every diagnostic names one of `files` (display path -> text) at a line and column inside it,
    with a message in words (no Python object or exception text)."""
    for diagnostic in diagnostics:
        location = diagnostic.location
        assert location.path in files, diagnostic
        text = files[location.path]
        assert 1 <= location.line <= line_count(text) + 1, (str(diagnostic), line_count(text))
        assert 1 <= location.col <= len(text) + 2, str(diagnostic)
        message = diagnostic.message
        assert message.strip(), str(diagnostic)
        for python_words in ("Traceback", "<class ", " object at 0x", "NoneType", "Error:"):
            assert python_words not in message, str(diagnostic)


def data_paths(value: object, path: tuple = ()) -> Iterator[tuple]:
    """The path of every value inside loaded YAML data, the top first: (), ("questions",), ("questions", 0)..."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from data_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from data_paths(item, (*path, index))
