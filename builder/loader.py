"""Read a YAML file into plain data, remembering where every value came from.

No validation happens here beyond what YAML itself requires; the loader only turns
bytes into dicts, lists and scalars, plus a map from each value's path (a tuple of
keys and indexes) to its line and column, so later stages can point at the exact
spot a trainer has to fix.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .diagnostics import Diagnostic, SourceLocation

try:  # libyaml's parser is several times faster and still reports marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[Any, ...]

MAX_FILE_BYTES = 2_000_000
"""Larger files are refused: no lesson or quiz needs more, and parsing stays bounded."""
MAX_NODES = 200_000
"""Values a file may expand to, aliases counted each time they are used ("billion laughs")."""
MAX_DEPTH = 60
"""Nesting depth of mappings and lists."""


_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(slots=True)
class Document:
    """A loaded YAML file: plain data, and the YAML nodes that say where each part was written.

    Locations are looked up by walking the nodes along a path only when one is needed (for a
    problem or a model object's origin), so loading records nothing per value."""

    path: str
    data: Any
    root: Node | None = None

    def location(self, path: Path_ = (), *, key: bool = False) -> SourceLocation:
        """Where the value at `path` (or its key) was written; falls back to the nearest parent."""
        node, key_node, found = self._walk(path)
        mark = (key_node if key and found and key_node is not None else node).start_mark if node else None
        return SourceLocation(self.path, mark.line + 1, mark.column + 1) if mark else SourceLocation(self.path, 1, 1)

    @property
    def scalar_text(self) -> "_ScalarText":
        """Source text of plain scalars YAML read as something other than text (`yes`, `12`), by path."""
        return _ScalarText(self)

    def _walk(self, path: Path_) -> tuple[Node | None, Node | None, bool]:
        """The node at `path` (or its nearest parent), its key node, and whether the whole path was found."""
        node, key_node = self.root, None
        for part in path:
            child = None
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == part:
                        child, key_node = v, k
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child, key_node = node.value[part], None
            if child is None:
                return node, None, False
            node = child
        return node, key_node, True


class _ScalarText:
    def __init__(self, doc: Document):
        self.doc = doc

    def get(self, path: Path_, default: Any = None) -> Any:
        node, _, found = self.doc._walk(path)
        if found and isinstance(node, ScalarNode) and not node.style and node.tag != _STR_TAG:
            return node.value
        return default

    def __getitem__(self, path: Path_) -> str:
        value = self.get(path)
        if value is None:
            raise KeyError(path)
        return value

    def __contains__(self, path: Path_) -> bool:
        return self.get(path) is not None


class _TooLarge(Exception):
    def __init__(self, message: str, node: Node):
        super().__init__(message)
        self.node = node


def load_document(file: Path, display_path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read and parse one YAML file; returns the document or the problems that stop it loading."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [_problem(display_path, 1, 1, f"cannot read the file: {exc.strerror or exc}", "unreadable")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [_problem(display_path, 1, 1,
                               f"the file is {len(raw):,} bytes; files over {MAX_FILE_BYTES:,} bytes are refused "
                               "(split it into smaller lessons or quizzes)", "too-large")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [_problem(display_path, line, col,
                               f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); "
                               "save it with UTF-8 encoding", "encoding")]
    return parse_document(text, display_path)


def parse_document(text: str, display_path: str) -> tuple[Document | None, list[Diagnostic]]:
    if not text.strip():
        return None, [_problem(display_path, 1, 1, "the file is empty", "empty")]
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [_problem(display_path, 1, 1, "the file holds no YAML values (only comments?)", "empty")]
        doc = Document(display_path, None, root)
        builder = _Builder(loader, doc)
        doc.data = builder.build(root, 0)
    except yaml.MarkedYAMLError as exc:
        return None, [_yaml_problem(display_path, exc, text)]
    except yaml.YAMLError as exc:  # unmarked errors are rare (e.g. stream-level problems)
        return None, [_problem(display_path, 1, 1, f"this is not valid YAML: {exc}", "yaml")]
    except _TooLarge as exc:
        mark = exc.node.start_mark
        return None, [_problem(display_path, mark.line + 1, mark.column + 1, str(exc), "too-large")]
    finally:
        loader.dispose()
    return doc, builder.problems


class _Builder:
    def __init__(self, loader: Any, doc: Document):
        self.loader = loader
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.count = 0
        self.active: set[int] = set()

    def build(self, node: Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(f"the file expands to more than {MAX_NODES:,} values "
                            "(are aliases (*name) repeating large parts?)", node)
        if depth > MAX_DEPTH:
            raise _TooLarge(f"values are nested more than {MAX_DEPTH} levels deep", node)
        if isinstance(node, ScalarNode):
            if node.tag == _STR_TAG:  # most values: no constructor needed
                return node.value
            return self._scalar(node)
        if id(node) in self.active:
            raise _TooLarge("an alias (*name) refers to the value that contains it", node)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, depth + 1) for item in node.value]
            return self._mapping(node, depth)
        finally:
            self.active.discard(id(node))

    def _scalar(self, node: ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self._error(node, f"cannot read this value: {exc.problem}", "yaml")
            return node.value

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        if node.tag == "tag:yaml.org,2002:set":
            self._error(node, "YAML sets (`? item`) are not supported here; write a list", "yaml")
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        self.loader.flatten_mapping(node)  # resolves `<<: *defaults` merge keys
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._error(key_node, "a key must be a plain word such as 'title', not a list or mapping", "key-type")
                continue
            key = key_node.value
            if key in seen:
                self._error(key_node, f"duplicate key '{key}' (already set on line {seen[key]}); "
                                      "YAML would silently keep only the last one", "duplicate-key")
                continue
            seen[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result

    def _error(self, node: Node, message: str, code: str) -> None:
        mark = node.start_mark
        self.problems.append(_problem(self.doc.path, mark.line + 1, mark.column + 1, message, code))


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


def _yaml_problem(path: str, exc: yaml.MarkedYAMLError, source: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or "").strip()
    hint = next((text for key, text in _YAML_HINTS.items() if problem.startswith(key)), None)
    if mark is not None and 0 <= mark.index < len(source) and source[mark.index] == "\t":
        hint = _TAB_HINT
    context = (exc.context or "").strip()
    if hint is None and context in _YAML_CONTEXT_HINTS and exc.context_mark is not None:
        hint = _YAML_CONTEXT_HINTS[context].format(line=exc.context_mark.line + 1)
    message = f"this is not valid YAML: {hint or problem}"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return _problem(path, line, col, message, "yaml")


def _problem(path: str, line: int, col: int, message: str, code: str) -> Diagnostic:
    return Diagnostic(SourceLocation(path, line, col), message, code)
