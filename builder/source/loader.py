"""Read a YAML file into plain data, remembering where every value came from.

No validation happens here beyond what YAML itself requires; the loader only turns
bytes into dicts, lists and scalars, plus a map from each value's path (a tuple of
keys and indexes) to its line and column, so later stages can point at the exact
spot a trainer has to fix.
"""

from __future__ import annotations

import gc
import itertools
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Checker, DataPath, Diagnostic, SourceLocation

try:  # libyaml's parser is several times faster and still reports marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 2_000_000
"""Larger files are refused: no lesson or quiz needs more, and parsing stays bounded."""
MAX_NODES = 200_000
"""Values a file may expand to, aliases counted each time they are used ("billion laughs")."""
MAX_DEPTH = 60
"""Nesting depth of mappings and lists."""

_TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_READ_AS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:binary": "base64 data",
    "tag:yaml.org,2002:null": "nothing",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
r"""Control characters (tab and line break aside): they reach a value only through escapes such as
"\e" or "\x1b" in double quotes; no course text needs them, and echoed in a message they could
rewrite the trainer's terminal. Keys may not hold tabs or line breaks either."""
_KEY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


Parts = dict[str, tuple[int, int, int, int, "Parts"]] | list[tuple[int, int, "Parts"]] | str | None
"""Where the parts of a value were written. A group of keys: by each key as written, the key's line and
column, its value's line and column, and its value's parts. A list: each item's line, column and parts. A
plain scalar that YAML read as something other than text (`12`, `yes`): the text as typed. Other text: None.
Lines and columns count from 1."""


@dataclass(slots=True)
class Document:
    """A loaded YAML file: plain data, its text, and where each part was written.

    Locations are looked up along a path only when one is needed (for a problem or a model object's
    origin). Where the parts were written is kept as numbers in plain tuples, lists and dicts, not as YAML's
    nodes: validation holds every file of a course at once, and at three objects a value (node, mark, key
    pair) Python's cycle collector, which walks every live object at each full collection, took most of
    `course validate`'s time. Tuples of numbers it stops tracking once it has seen them.

    Once a file's own checks are done, validation sets its places aside (set_places_aside): a course without
    problems never needs them again, and they were the bulk of what validating it held (at 1,000 lessons, 22
    of 82 MiB). The first location a later problem needs reads them from the text again."""

    path: str
    data: Any
    places: tuple[int, int, Parts] | None = None
    """The line and column of the whole file's value, and its parts."""
    text: str = ""

    def set_places_aside(self) -> None:
        """Drop the places; the next location looked up reads them from the text again."""
        if self.text:
            self.places = None

    def location(self, path: DataPath = (), *, key: bool = False) -> SourceLocation:
        """Where the value at `path` (or its key) was written; falls back to the nearest parent."""
        place, key_place, found = self._walk(path)
        line, col, _ = place if place is not None else (1, 1, None)
        if key and found and key_place is not None:
            line, col = key_place
        return SourceLocation(self.path, line, col)

    def location_of(self, path: DataPath, needle: str | re.Pattern[str], occurrence: int = 0) -> SourceLocation:
        """Where `needle` (text, or a pattern) is written inside the value at `path`, its `occurrence`-th place
        counting from 0 (a link inside a long text, a word inside a prompt); else the value's place."""
        start = self.location(path)
        lines = self.text.splitlines(keepends=True)
        if not needle or start.line > len(lines):
            return start
        offset = sum(len(line) for line in lines[: start.line - 1]) + start.col - 1
        pattern = needle if isinstance(needle, re.Pattern) else re.compile(re.escape(needle))
        found = next(itertools.islice(pattern.finditer(self.text, offset), occurrence, None), None)
        if found is None:
            return start
        at = found.start()
        return SourceLocation(self.path, self.text.count("\n", 0, at) + 1, at - (self.text.rfind("\n", 0, at) + 1) + 1)

    def as_written(self, path: DataPath, value: Any) -> Any:
        """A scalar as the trainer typed it: `12` or `yes` is text in a text field, but YAML read it as a
        number or a boolean. Text, lists, groups and nothing are returned as they are."""
        if value is None or isinstance(value, (str, dict, list)):
            return value
        place, _, found = self._walk(path)
        if found and place is not None and isinstance(place[2], str):
            return place[2]
        return str(value)

    def _walk(self, path: DataPath) -> tuple[tuple[int, int, Parts] | None, tuple[int, int] | None, bool]:
        """The line, column and parts of the value at `path` (or of its nearest parent), its key's line and
        column, and whether the whole path was found."""
        if self.places is None and self.text:
            self.places = _places_of(self.text, self.path)
        place, key_place = self.places, None
        if place is None:
            return None, None, not path
        for part in path:
            parts = place[2]
            if isinstance(parts, dict) and isinstance(part, str) and part in parts:
                key_line, key_col, line, col, inner = parts[part]
                place, key_place = (line, col, inner), (key_line, key_col)
            elif isinstance(parts, list) and isinstance(part, int) and 0 <= part < len(parts):
                place, key_place = parts[part], None
            else:
                return place, None, False
        return place, key_place, True


def _places_of(text: str, display_path: str) -> tuple[int, int, Parts] | None:
    """The places of text that parse_document already read (so it reads the same again).

    With the cycle collector paused, as validation pauses it: read again after validation (by `course check`'s
    findings), a file's YAML nodes would set off collections that walk every object the validation left."""
    with _without_collector():
        return _read_places(text, display_path)


@contextmanager
def _without_collector() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_places(text: str, display_path: str) -> tuple[int, int, Parts] | None:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:  # pragma: no cover - parse_document refused it
            return None
        _, parts = _Builder(loader, Checker(display_path), escapes="\\" in text).build(root, 0)
        return root.start_mark.line + 1, root.start_mark.column + 1, parts
    except (yaml.YAMLError, _TooLarge):  # pragma: no cover - parse_document refused it
        return None
    finally:
        loader.dispose()


class _TooLarge(Exception):
    def __init__(self, message: str, node: Node):
        super().__init__(message)
        self.node = node


def load_document(file: Path, display_path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one YAML file; returns the document (None if it cannot be read) and the problems found."""
    checker = Checker(display_path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        checker.error_at(1, 1, f"cannot read the file: {exc.strerror or exc}", "unreadable")
        return None, checker.problems
    if len(raw) > MAX_FILE_BYTES:
        checker.error_at(1, 1, _too_large(f"{len(raw):,} bytes"), "too-large")
        return None, checker.problems
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        checker.error_at(
            line,
            col,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); save it with UTF-8 encoding",
            "encoding",
        )
        return None, checker.problems
    return parse_document(text, display_path)


def parse_document(text: str, display_path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text; returns the document (None if it cannot be read) and the problems found, never raises."""
    checker = Checker(display_path)
    if len(text) > MAX_FILE_BYTES:  # each character is at least one byte
        checker.error_at(1, 1, _too_large(f"{len(text):,} characters"), "too-large")
        return None, checker.problems
    if not text.strip():
        checker.error_at(1, 1, "the file is empty", "empty")
        return None, checker.problems
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            checker.error_at(1, 1, "the file holds no YAML values (only comments?)", "empty")
            return None, checker.problems
        data, parts = _Builder(loader, checker, escapes="\\" in text).build(root, 0)
        doc = Document(display_path, data, (root.start_mark.line + 1, root.start_mark.column + 1, parts), text)
    except yaml.MarkedYAMLError as exc:
        checker.error_at(*_yaml_problem(exc, text))
        return None, checker.problems
    except yaml.YAMLError as exc:  # unmarked errors are rare (e.g. stream-level problems)
        checker.error_at(1, 1, f"this is not valid YAML: {exc}", "yaml")
        return None, checker.problems
    except _TooLarge as exc:
        mark = exc.node.start_mark
        checker.error_at(mark.line + 1, mark.column + 1, str(exc), "too-large")
        return None, checker.problems
    finally:
        loader.dispose()
    return doc, checker.problems


class _Builder:
    def __init__(self, loader: Any, checker: Checker, *, escapes: bool):
        self.loader = loader
        self.checker = checker
        self.escapes = escapes
        """Whether the text has a backslash. YAML refuses control characters written as they are, and reads
        CR and NEL as line breaks, so only an escape (\\e, \\x1b) puts one in a value: without a backslash,
        no value needs looking at. (Keys always do: a tab may be written in one.)"""
        self.count = 0
        self.active: set[int] = set()

    def build(self, node: Node, depth: int) -> tuple[Any, Parts]:
        """The value a node holds, and where its parts were written."""
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(
                f"the file expands to more than {MAX_NODES:,} values (are aliases (*name) repeating large parts?)", node
            )
        if depth > MAX_DEPTH:
            raise _TooLarge(_TOO_DEEP, node)
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:  # most values: no constructor needed
                return (self._text(node, node.value, "value") if self.escapes else node.value), None
            value = self._scalar(node)
            typed = None if node.style else str(node.value)  # plain `12` or `yes`: what the trainer typed
            return (self._text(node, value, "value") if isinstance(value, str) else value), typed
        if id(node) in self.active:
            raise _TooLarge("an alias (*name) refers to the value that contains it", node)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return self._sequence(node, depth)
            assert isinstance(node, MappingNode)  # YAML's three kinds of node: scalar, sequence, mapping
            return self._mapping(node, depth)
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self._error(node, f"cannot read this value: {exc.problem}", "yaml")
            return node.value
        except Exception as exc:
            # e.g. `2024-13-45`, a 5,000-digit number or `!!int` with no digits: the conversion failed
            self._error(node, _unreadable(node, exc), "yaml")
            return node.value

    def _text(self, node: Node, text: str, what: str) -> str:
        """The text of a "key" or "value", with any control character reported and replaced by U+FFFD."""
        control = _KEY_CONTROL if what == "key" else _CONTROL
        found = control.search(text)
        if found is None:
            return text
        where = "keys" if what == "key" else "course text"
        self._error(
            node,
            f"this {what} holds the control character U+{ord(found.group()):04X}, which {where} may "
            "not contain (an escape such as \\x1b or \\e in double quotes?)",
            "control-character",
        )
        return control.sub("\ufffd", text)

    def _sequence(self, node: SequenceNode, depth: int) -> tuple[list[Any], Parts]:
        values: list[Any] = []
        places: list[tuple[int, int, Parts]] = []
        for item in node.value:
            value, parts = self.build(item, depth + 1)
            values.append(value)
            places.append((item.start_mark.line + 1, item.start_mark.column + 1, parts))
        return values, places

    def _mapping(self, node: MappingNode, depth: int) -> tuple[dict[str, Any], Parts]:
        if node.tag == "tag:yaml.org,2002:set":
            self._error(node, "YAML sets (`? item`) are not supported here; write a list", "yaml")
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        kept: dict[str, tuple[Node, Node]] = {}
        places: dict[str, tuple[int, int, int, int, Parts]] = {}  # by the key as written
        own = {id(key) for key, _ in node.value if not (isinstance(key, ScalarNode) and key.tag == _MERGE_TAG)}
        self.loader.flatten_mapping(node)  # resolves `<<: *defaults` merge keys: merged pairs come first
        merged: set[str] = set()  # keys that came from `<<:`, which the mapping's own keys override
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._error(key_node, "a key must be a plain word such as 'title', not a list or mapping", "key-type")
                continue
            written = key = sys.intern(key_node.value)  # one string for every 'id', 'title', 'prompt' of a course
            if _KEY_CONTROL.search(key):  # rare: the call that reports and replaces is made only then
                key = self._text(key_node, key, "key")
            if key in merged:
                if id(key_node) not in own:
                    continue  # merged from a later `<<:` source: the first one wins
                merged.discard(key)  # the mapping's own key overrides a merged one
                del places[kept[key][0].value]
            elif key in seen:
                self._error(
                    key_node,
                    f"duplicate key '{key}' (already set on line {seen[key]}); "
                    "YAML would silently keep only the last one",
                    "duplicate-key",
                )
                continue
            elif id(key_node) not in own:
                merged.add(key)
            key_at, value_at = key_node.start_mark, value_node.start_mark
            seen[key] = key_at.line + 1
            kept[key] = (key_node, value_node)
            result[key], parts = self.build(value_node, depth + 1)
            places[written] = (key_at.line + 1, key_at.column + 1, value_at.line + 1, value_at.column + 1, parts)
        node.value = list(kept.values())  # an alias (*name) builds this node again: from these, no problem twice
        return result, places

    def _error(self, node: Node, message: str, code: str) -> None:
        self.checker.error_at(node.start_mark.line + 1, node.start_mark.column + 1, message, code)


def _unreadable(node: ScalarNode, exc: Exception) -> str:
    what = _READ_AS.get(node.tag, "a value of its type")
    short = node.value if len(node.value) <= 30 else node.value[:27] + "..."
    because = ""
    if (
        node.tag == "tag:yaml.org,2002:timestamp"
        and isinstance(exc, ValueError)
        and ("must be" in str(exc) or "out of range" in str(exc))
    ):
        because = f" ({exc})"  # datetime's own words: "month must be in 1..12", "day is out of range for month"
    elif "digits" in str(exc):
        because = " (it has too many digits)"
    return (
        f"cannot read this value: YAML reads '{short}' as {what}, but it is not a valid one{because}; "
        "put it in quotes if it is text"
    )


_TAB_HINT = "a tab character is used for indentation; YAML needs spaces"
_YAML_HINTS = {
    "mapping values are not allowed": "a ': ' appears where YAML did not expect one; "
    "put quotes around text that contains a colon",
    "found undefined alias": "an alias (*name) refers to an anchor (&name) that is not defined",
}


_YAML_CONTEXT_HINTS = {
    "while parsing a flow sequence": "a list in [square brackets] that starts on line {line} is not closed with ']'",
    "while parsing a flow mapping": "a group in {{curly brackets}} that starts on line {line} is not closed with '}}'",
    "while scanning a quoted scalar": "a quoted text that starts on line {line} has no closing quote",
    "while scanning a simple key": "the line {line} has no ': ' after its key",
    "while parsing a block mapping": "this line is not indented like the keys above it (line {line}); "
    "check the spaces at the start of the line",
    "while parsing a block collection": "this line is not indented like the list above it (line {line}); "
    "check the spaces at the start of the line",
}


def _yaml_problem(exc: yaml.MarkedYAMLError, source: str) -> tuple[int, int, str, str]:
    """Line, column, a trainer's description and the code of a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    if problem == "exceeded maximum nesting depth":  # libyaml's own limit (1,000) stops deeper files early
        return line, col, _TOO_DEEP, "too-large"
    hint = next((text for key, text in _YAML_HINTS.items() if problem.startswith(key)), None)
    if mark is not None and 0 <= mark.index < len(source) and source[mark.index] == "\t":
        hint = _TAB_HINT
    context = (exc.context or "").strip()
    if hint is None and context in _YAML_CONTEXT_HINTS and exc.context_mark is not None:
        hint = _YAML_CONTEXT_HINTS[context].format(line=exc.context_mark.line + 1)
    return line, col, f"this is not valid YAML: {hint or problem}", "yaml"


def _too_large(size: str) -> str:
    return (
        f"the file is {size}; files over {MAX_FILE_BYTES:,} bytes are refused (split it into smaller lessons or "
        "quizzes)"
    )
