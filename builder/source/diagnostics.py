"""Problems found in a course's sources, each tied to the place a trainer must edit.

Diagnostics are values: validation returns a list of them instead of raising, so a
trainer sees every problem of a run at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable


class Severity(str, Enum):
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


@dataclass(frozen=True, slots=True)
class Diagnostic:
    location: SourceLocation
    message: str
    code: str = "invalid"
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {prefix}{self.message}"


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.location, d.message))


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
        lines.append(f"error: {_count(len(errors), 'problem')} in {where}")
    lines.extend(f"  {d}" for d in errors)
    if warnings:
        lines.append(f"{_count(len(warnings), 'warning')}:")
        lines.extend(f"  {d}" for d in warnings)
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class ContentError(Exception):
    """Raised at the edges (CLI, plugin) when a course cannot be built; carries every problem."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sort_diagnostics(diagnostics)
        super().__init__(format_report(self.diagnostics))
