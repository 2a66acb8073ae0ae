"""The table of `course check` checks: each declared once, with its code, a one-line summary and the
function that finds it (`@check`).

A check is a function of a `CheckContext` (the validated course, the files as loaded and the project)
that yields `Finding`s; the runner (course_check.py) turns them into warnings with the check's code,
placed at the value each finding names. Trainers set each code to warn, info or ignore in mkdocs.yml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..source.diagnostics import DataPath
from ..source.model import Course
from ..source.project import Project
from ..source.sources import Sources

LEVELS: tuple[str, ...] = ("warn", "info", "ignore")
"""warn: a warning (fails `course check --strict`); info: printed as a note only; ignore: not shown."""

DEFAULT_MAX_READING_GRADE = 10.0
"""Reading grade (years of schooling) above which a section is reported: plain workplace English for an
audience that reads comfortably at about grade 8. Other languages' formulas are mapped onto the same grades
(reading_level.py)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One weak spot: the file, the value in it, and what to do, in a trainer's words."""

    file: str
    path: DataPath
    message: str
    key: bool = False
    """Point at the key rather than its value (a role-play node's name)."""
    needle: str | re.Pattern[str] | None = None
    """Point at this text inside the value (a link inside a section, a word inside a prompt)."""
    occurrence: int = 0
    """Which of the needle's places inside the value, counting from 0."""


@dataclass(frozen=True, slots=True)
class CheckContext:
    course: Course
    sources: Sources

    @property
    def project(self) -> Project:
        return self.sources.project


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    summary: str
    """What the check finds, in one line (the guide lists it)."""
    find: Callable[[Any], Iterable[Finding]]
    needs_course: bool = True
    """False: the check reads the files as written, so it runs while the course has errors too (its
    `find` then takes the `Sources`, not a CheckContext)."""


CHECKS: dict[str, Check] = {}
"""Every check by code, in the order they are declared (course_check.py imports their modules)."""


def check(
    code: str, summary: str, *, needs_course: bool = True
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Declares a check: `@check("missing-feedback", "a wrong option ... with no `feedback`")`."""

    def register(find: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in CHECKS:
            raise ValueError(f"two checks have the code {code}")
        CHECKS[code] = Check(code, summary, find, needs_course)
        return find

    return register
