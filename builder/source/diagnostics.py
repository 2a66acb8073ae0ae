"""Problems found in a course's sources, each tied to the place a trainer must edit.

Diagnostics are values: validation returns a list of them instead of raising, so a trainer sees
every problem of a run at once. There is one way to make them, a `Checker` per source file: the
loader, the format checks, the rules across files and the quality checks all report through it.
A diagnostic keeps its parts as data (file, line, column, the path to the value inside the file,
a code and a severity), so the same problem can be printed for a trainer or as JSON for an editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from .text import count

if TYPE_CHECKING:
    from .loader import Document

DataPath = tuple[Any, ...]
"""Where a value sits inside a file: keys and list indexes from the top, like ("questions", 2, "options")."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class SourceLocation:
    """A 1-based line and column in a file, the file named relative to the project."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def format_path(path: DataPath) -> str:
    """A data path as trainers read it: questions[2].options."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True, slots=True)
class Diagnostic:
    location: SourceLocation
    message: str
    """What is wrong and how to fix it, in a trainer's words (without the path, which is `path`)."""
    code: str = "invalid"
    severity: Severity = Severity.ERROR
    path: DataPath = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def text(self) -> str:
        """The path, then the message: "questions[0].options: a single-choice question needs ..."."""
        where = format_path(self.path)
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {prefix}{self.text}"

    def as_json(self) -> dict[str, Any]:
        """The diagnostic for editors and CI (`course validate --format json`)."""
        return {
            "file": self.location.path,
            "line": self.location.line,
            "column": self.location.col,
            "path": format_path(self.path),
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


class Checker:
    """Collects the problems of one source file. `doc` (the loaded YAML) places each problem at the
    value its data path names; without it (a file that could not be read) problems sit at line 1."""

    def __init__(self, file: str, doc: Document | None = None):
        self.file = file
        self.doc = doc
        self.problems: list[Diagnostic] = []

    def error(self, path: DataPath, message: str, code: str = "invalid", *, key: bool = False) -> None:
        """An error at the value (or, with `key`, the key) at `path`."""
        self.report(path, message, code, Severity.ERROR, key=key)

    def warn(
        self, path: DataPath, message: str, code: str, *, key: bool = False, at: SourceLocation | None = None
    ) -> None:
        """A warning at the value at `path` (or at `at`, a place inside that value such as a link)."""
        self.report(path, message, code, Severity.WARNING, key=key, at=at)

    def report(
        self,
        path: DataPath,
        message: str,
        code: str,
        severity: Severity,
        *,
        key: bool = False,
        at: SourceLocation | None = None,
    ) -> None:
        self.problems.append(Diagnostic(at or self.location(path, key=key), message, code, severity, path))

    def location(self, path: DataPath, *, key: bool = False) -> SourceLocation:
        """Where the value (or, with `key`, the key) at `path` was written."""
        return self.doc.location(path, key=key) if self.doc is not None else SourceLocation(self.file)

    def error_at(self, line: int, col: int, message: str, code: str) -> None:
        """An error at a line and column, for problems found before there is any data (YAML syntax)."""
        self.problems.append(Diagnostic(SourceLocation(self.file, line, col), message, code))

    def as_written(self, path: DataPath, value: Any) -> Any:
        """The value at `path` as the trainer typed it (see Document.as_written)."""
        if self.doc is None or value is None or isinstance(value, (str, dict, list)):
            return value
        return self.doc.as_written(path, value)

    def report_repeats(self, values: Sequence[str | None], where: Any, message: Any) -> None:
        """Report each repeated value at its later use: where(index) is its path, message(value, first index)."""
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            if value is None:
                continue
            if value in first:
                self.error(where(index), message(value, first[value]), "duplicate")
            else:
                first[value] = index


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.location, d.text))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def format_report(diagnostics: Iterable[Diagnostic]) -> str:
    """The text a trainer reads: a summary line per file, then one line per problem."""
    ordered = sort_diagnostics(diagnostics)
    errors = [d for d in ordered if d.is_error]
    warnings = [d for d in ordered if not d.is_error]
    lines: list[str] = []
    if errors:
        files = sorted({d.location.path for d in errors})
        where = files[0] if len(files) == 1 else f"{len(files)} files"
        lines.append(f"error: {count(len(errors), 'problem')} in {where}")
    lines.extend(f"  {d}" for d in errors)
    if warnings:
        lines.append(f"{count(len(warnings), 'warning')}:")
        lines.extend(f"  {d}" for d in warnings)
    return "\n".join(lines)
