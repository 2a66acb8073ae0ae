"""Statements from a JSON file as an LRS exports them (an array, or an object whose `statements` is one), read
one at a time: a file of 100,000 statements is never in memory at once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..source.errors import StatementsError
from .statements import is_statement

CHUNK = 1 << 16
"""Characters read at a time."""

_NOT_STATEMENTS = 'expected a JSON array of xAPI statements, or an object with a "statements" array'


def read_statement_file(path: Path) -> Iterator[dict[str, Any]]:
    """Each statement of the file in order; a StatementsError (naming the file) if it is not JSON or not
    statements."""
    try:
        with path.open(encoding="utf-8-sig") as stream:
            yield from _statements(_JsonStream(stream, path))
    except FileNotFoundError:
        raise StatementsError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise StatementsError(f"{path} is not JSON: it is not UTF-8 text") from None
    except IsADirectoryError:
        raise StatementsError(f"{path} is a folder; give the JSON file of statements") from None


def _statements(stream: _JsonStream) -> Iterator[dict[str, Any]]:
    opening = stream.next_char()
    if opening == "[":
        yield from _array(stream)
    elif opening == "{":
        found = False
        for key in _object_keys(stream):
            if key == "statements" and stream.peek_char() == "[":
                stream.next_char()
                found = True
                yield from _array(stream)
            else:
                stream.value()  # `more` and anything else an export adds
        if not found:
            raise stream.error(_NOT_STATEMENTS)
    elif opening == "":
        raise stream.error("it is empty; " + _NOT_STATEMENTS)
    else:
        stream.value(opening)
        raise stream.error(_NOT_STATEMENTS)
    if stream.next_char() != "":
        raise stream.error("it has more after its end")


def _array(stream: _JsonStream) -> Iterator[dict[str, Any]]:
    """The elements after an opening `[`, up to its `]`."""
    if stream.peek_char() == "]":
        stream.next_char()
        return
    position = 0
    while True:
        element = stream.value()
        if not is_statement(element):
            raise stream.error(
                f"statement {position + 1} is not an xAPI statement (an object with an actor, a verb and an object)"
            )
        yield element
        position += 1
        separator = stream.next_char()
        if separator == "]":
            return
        if separator != ",":
            raise stream.error("expected ',' or ']' between statements")


def _object_keys(stream: _JsonStream) -> Iterator[str]:
    """The keys of an object after its opening `{`; the caller reads each value."""
    if stream.peek_char() == "}":
        stream.next_char()
        return
    while True:
        key = stream.value()
        if not isinstance(key, str) or stream.next_char() != ":":
            raise stream.error("expected a key and ':'")
        yield key
        separator = stream.next_char()
        if separator == "}":
            return
        if separator != ",":
            raise stream.error("expected ',' or '}' in an object")


class _JsonStream:
    """A JSON text read in chunks: single characters between values, and whole values (json's own decoder)."""

    def __init__(self, stream: TextIO, path: Path):
        self._stream = stream
        self._path = path
        self._buffer = ""
        self._at = 0
        self._consumed_lines = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        """Read more text; False at the end of the file. Drops what has been read already."""
        if self._eof:
            return False
        chunk = self._stream.read(CHUNK)
        self._consumed_lines += self._buffer.count("\n", 0, self._at)
        self._buffer = self._buffer[self._at :] + chunk
        self._at = 0
        self._eof = not chunk
        return bool(chunk)

    def _skip_space(self) -> None:
        while True:
            while self._at < len(self._buffer) and self._buffer[self._at] in " \t\r\n":
                self._at += 1
            if self._at < len(self._buffer) or not self._fill():
                return

    def peek_char(self) -> str:
        """The next character that is not white space ("" at the end)."""
        self._skip_space()
        return self._buffer[self._at] if self._at < len(self._buffer) else ""

    def next_char(self) -> str:
        char = self.peek_char()
        self._at += len(char)
        return char

    def value(self, started: str = "") -> Any:
        """The next whole JSON value (`started`: its first character, already taken by next_char)."""
        if started:
            self._at -= len(started)
        self._skip_space()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._at)
            except json.JSONDecodeError as exc:
                if self._fill():
                    continue
                raise StatementsError(f"{self._path} is not JSON: {exc.msg} at line {self._line(exc.pos)}") from None
            # a number or a word at the end of the buffer may go on in the next chunk
            if end < len(self._buffer) or self._eof or not self._fill():
                self._at = end
                return value

    def _line(self, position: int) -> int:
        return self._consumed_lines + self._buffer.count("\n", 0, position) + 1

    def error(self, message: str) -> StatementsError:
        return StatementsError(f"{self._path}: {message}")
