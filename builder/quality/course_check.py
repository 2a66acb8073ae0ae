"""`course check`: runs every check of the registry on a validated project and sorts what they find
into warnings and notes by the levels set in mkdocs.yml:

    plugins:
      - course:
          checks:
            reading-level: info     # warn (the default) | info | ignore
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..source.diagnostics import Diagnostic, format_report, sort_diagnostics
from ..source.project import Project
from ..source.sources import Sources
from ..source.text import count
from ..source.validate import Validation
from . import item_writing, links, objectives, questions, role_plays, timing  # noqa: F401 - importing them declares their checks
from .cue_words import cue_words_for
from .reading_level import has_formula
from .registry import CHECKS, CheckContext, Finding

CHECK_CODES: tuple[str, ...] = tuple(CHECKS)


@dataclass(frozen=True)
class CheckResult:
    warnings: list[Diagnostic]
    notes: list[Diagnostic]
    """Findings whose check is set to `info`: shown, never counted as warnings."""


def find_all(validation: Validation) -> list[Diagnostic]:
    """What every check finds, as warnings placed in the files (the course-wide checks only when the course
    has no errors)."""
    sources = validation.loaded()
    found: list[Diagnostic] = []
    context = CheckContext(validation.course, sources) if validation.course is not None else None
    for code, registered in CHECKS.items():
        if not registered.needs_course:
            found += _placed(sources, code, registered.find(sources))
        elif context is not None:
            found += _placed(sources, code, registered.find(context))
    return sort_diagnostics(found)


def _placed(sources: Sources, code: str, findings: Iterable[Finding]) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for finding in findings:
        checker = sources.checker(finding.file)
        at = (
            checker.doc.location_of(finding.path, finding.needle, finding.occurrence)
            if finding.needle and checker.doc
            else None
        )
        checker.warn(finding.path, finding.message, code, key=finding.key, at=at)
        diagnostics += checker.problems
    return diagnostics


def apply_levels(findings: Iterable[Diagnostic], project: Project) -> CheckResult:
    warnings, notes = [], []
    for finding in sort_diagnostics(findings):
        level = project.check_level(finding.code)
        if level == "warn":
            warnings.append(finding)
        elif level == "info":
            notes.append(finding)
    return CheckResult(warnings, notes)


def run_checks(validation: Validation) -> CheckResult:
    result = apply_levels(find_all(validation), validation.project)
    return CheckResult(result.warnings, [*language_notes(validation), *result.notes])


WORD_CHECKS = ("true-false-cue", "absolute-option", "grammar-cue", "negative-stem")
"""The checks that read words, with lists per language (cue_words.py)."""


def language_notes(validation: Validation) -> list[Diagnostic]:
    """One note, at course.yml's `language`, naming the checks that do not run for the course's language (they
    need a word list or a readability formula made for it), so a trainer knows they were not passed but skipped."""
    course = validation.course
    if course is None:
        return []
    skipped = [] if cue_words_for(course.language) is not None else list(WORD_CHECKS)
    if not has_formula(course.language):
        skipped.append("reading-level")
    skipped = [code for code in skipped if validation.project.check_level(code) != "ignore"]
    if not skipped:
        return []
    sources = validation.loaded()
    checker = sources.checker(validation.project.display(validation.project.course_file))
    before = len(checker.problems)
    checker.warn(
        ("language",),
        f"{', '.join(skipped)} {'do' if len(skipped) > 1 else 'does'} not run for '{course.language}': "
        f"{'they need' if len(skipped) > 1 else 'it needs'} word lists or a readability formula made for the "
        "language, which the builder does not have yet",
        "checks-skipped",
    )
    return checker.problems[before:]


def format_check_report(errors: list[Diagnostic], warnings: list[Diagnostic], notes: list[Diagnostic]) -> str:
    """`course check`'s listing: the validator's errors, then warnings and notes, each ending with its code."""
    lines = format_report(errors).splitlines() if errors else []
    for title, label, found in (("warning", "warning", warnings), ("note", "info", notes)):
        if found:
            lines.append(f"{count(len(found), title)}:")
            lines.extend(f"  {d.location}: {label}: {d.text} [{d.code}]" for d in found)
    return "\n".join(lines)
