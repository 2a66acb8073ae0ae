"""What validating a project again can reuse from the last time: `course serve` validates after every save.

A file whose bytes are the same as last time gives the same result for everything validation does with that
file alone: loading and checking it, scanning its Markdown, and building its part of the model. Only what
crosses files (references, ids against file names, the course itself) is done again for every file; the
Markdown the sanitiser would change is remembered by text. The validation's result is the same as without
the memo, problem for problem; only the work is less.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .diagnostics import Checker, Diagnostic
from .sources import SourceFile

T = TypeVar("T")


@dataclass
class _Checked:
    """One file as `check_file` left it, before the passes across files."""

    raw: bytes
    loaded: SourceFile
    problems: tuple[Diagnostic, ...]
    derived: dict[Hashable, Any] = field(default_factory=dict)
    """Results of later per-file work (the Markdown scan, the model), by what they were made with."""


class ValidationMemo:
    """Each file's own results, by its path and kind, while its bytes stay the same. `remember=False` (one
    validation, as `course validate` and `course build` make) does every piece of work each time it is asked."""

    def __init__(self, *, remember: bool = True) -> None:
        self.remember = remember
        self._files: dict[tuple[Path, str], _Checked] = {}
        self._current: dict[int, _Checked] = {}
        self.converters: dict[Hashable, Any] = {}
        """Markdown converters (slow to set up) for the sanitiser's findings, by the settings they were made with."""

    def start(self) -> None:
        """A validation begins: files it does not read again are forgotten at the end (`finish`)."""
        self._current = {}

    def finish(self) -> None:
        read = {id(entry) for entry in self._current.values()}
        self._files = {key: entry for key, entry in self._files.items() if id(entry) in read}

    def checked(self, file: Path, display: str, kind: str, check: Callable[[Path, str, str], SourceFile]) -> SourceFile:
        """`check(file, display, kind)`, or a fresh copy of its last result if the file's bytes are the same."""
        if not self.remember:
            return check(file, display, kind)
        try:
            raw = file.read_bytes()
        except OSError:
            return check(file, display, kind)  # check reports it; nothing to remember
        entry = self._files.get((file, kind))
        if entry is None or entry.raw != raw or entry.loaded.checker.file != display:
            loaded = check(file, display, kind)
            entry = _Checked(raw, loaded, tuple(loaded.checker.problems))
            self._files[(file, kind)] = entry
        first = entry.loaded
        checker = Checker(display, first.doc)
        checker.problems.extend(entry.problems)
        copy = SourceFile(first.file, checker, first.doc, first.record, first.data, first.origins)
        self._current[id(copy)] = entry
        return copy

    def per_file(self, loaded: SourceFile, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, remembered for this file's bytes and `key` (what else it depends on)."""
        entry = self._current.get(id(loaded))
        if entry is None:
            return make()
        if key not in entry.derived:
            entry.derived[key] = make()
        found: T = entry.derived[key]
        return found
