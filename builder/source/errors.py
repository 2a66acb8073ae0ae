"""Every error the `course` command reports as a plain message, never as a traceback.

One base class, caught once in `builder.cli.main`: anything else that escapes is a bug and
keeps its traceback. Each subclass names the step that failed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import Diagnostic


class CourseBuilderError(Exception):
    """A problem to show a trainer as `error: <message>`."""

    failed: str | None = None
    """What did not happen because of it ("the site was not built"), set by `failing_as`."""

    def report(self) -> str:
        """What the command line prints for it."""
        return f"error: {self.failed}: {self}" if self.failed else f"error: {self}"


@contextlib.contextmanager
def failing_as(what: str) -> Iterator[None]:
    """Errors raised inside are reported as `error: <what>: <message>`."""
    try:
        yield
    except CourseBuilderError as exc:
        exc.failed = what
        raise


class ConfigError(CourseBuilderError):
    """mkdocs.yml is missing, cannot be read, or does not use the course plugin."""


class ContentError(CourseBuilderError):
    """The course's sources have errors; carries every problem, each at its file, line and column."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        from .diagnostics import format_report, sort_diagnostics

        self.diagnostics = sort_diagnostics(diagnostics)
        super().__init__(format_report(self.diagnostics))

    def report(self) -> str:
        return str(self)  # format_report starts with its own "error: N problems in ..." line


class SiteBuildError(CourseBuilderError):
    """MkDocs stopped the build; the message says why (MkDocs has already logged the details)."""


class ExportError(CourseBuilderError):
    """An export cannot be made; the message says why in a trainer's words."""


class ScaffoldError(CourseBuilderError):
    """A scaffold could not be written; the message says why in a trainer's words."""


class BundleError(CourseBuilderError):
    """The learners' ES modules use a form the classic-script bundler for file:// pages cannot turn into one
    script (a builder bug, caught by the tests, never a trainer's mistake)."""


class StatementsError(CourseBuilderError):
    """xAPI statements cannot be read (`course stats`): a file that is not statements, or an LRS that cannot be
    reached, refuses the credentials or answers with something else."""
