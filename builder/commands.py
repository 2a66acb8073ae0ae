"""What each `course` command does, given the project's configuration loaded once by the command line.

Every function prints what a trainer reads and returns the exit status; anything that stops a command
is raised as a CourseBuilderError (builder/source/errors.py), which the command line reports once.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .source.diagnostics import Diagnostic, format_report, sort_diagnostics
from .source.errors import ContentError, CourseBuilderError, failing_as
from .source.model import Course
from .source.project import Project
from .source.text import count
from .source.validate import Validation, validate_project

if TYPE_CHECKING:
    from .site.config import Configuration

OUTPUT_FORMATS = ("text", "json")
"""How `course validate` and `course check` print what they find."""
REPORT_FORMATS = ("text", "json", "markdown")
"""What `course report --format` can print (quality/report.py renders each)."""
STATS_FORMATS = ("text", "markdown", "html", "json")
"""What `course stats --format` can print (analytics/stats_report.py renders each). The formats are written
here, by the commands, so the command line can offer them without loading what renders them."""


def validate(project: Project, *, output: str = "text") -> int:
    """Check every file; list all problems. Exit status 1 when there is any error."""
    validation = validate_project(project)
    if output == "json":
        _print_json(validation, validation.diagnostics)
    else:
        _report(validation.diagnostics)
        if validation.course is not None:
            print(f"ok: {_counted(validation.course)} checked")
    return 0 if validation.course is not None else 1


def check(project: Project, *, strict: bool = False, output: str = "text") -> int:
    """Validate, then run the quality checks; with `strict`, any warning fails."""
    from .quality.course_check import format_check_report, run_checks

    validation = validate_project(project)
    result = run_checks(validation)
    errors = [d for d in validation.diagnostics if d.is_error]
    warnings = sort_diagnostics([*(d for d in validation.diagnostics if not d.is_error), *result.warnings])
    if output == "json":
        _print_json(validation, [*errors, *warnings], notes=result.notes)
        return 1 if validation.course is None or (strict and warnings) else 0
    listing = format_check_report(errors, warnings, result.notes)
    if listing:
        print(listing)
    if validation.course is None:
        raise CourseBuilderError("the course has errors; fix them and run `course check` again for the quality checks")
    checked = f"{_counted(validation.course)} checked"
    if not warnings:
        print(f"ok: {checked}; no warnings" + (f" ({count(len(result.notes), 'note')})" if result.notes else ""))
        return 0
    print(f"{checked}: {count(len(warnings), 'warning')}")
    if strict:
        raise CourseBuilderError("warnings are treated as errors (--strict)")
    return 0


def report(project: Project, *, output: str = "text") -> int:
    """Summarise each lesson: words, minutes, objectives and the questions that assess them."""
    from .quality.report import course_report, render_report

    course = _valid_course(validate_project(project))
    print(render_report(course_report(course, words_per_minute=project.words_per_minute), output))
    return 0


def stats(
    config: Configuration,
    *,
    statements: Path | None = None,
    lrs: str | None = None,
    lrs_user: str | None = None,
    lrs_password: str | None = None,
    base: str | None = None,
    output: str = "text",
    all_attempts: bool = False,
    out: Path | None = None,
) -> int:
    """An item analysis of the xAPI statements the course's pages sent: from an LRS's export, or read from the LRS."""
    from .analytics.activity_ids import ActivityIds
    from .analytics.item_analysis import ItemAnalysis
    from .analytics.lrs import LrsAccess, read_lrs_statements
    from .analytics.statement_file import read_statement_file
    from .analytics.stats_report import render_stats

    course = _valid_course(validate_project(config.project))
    ids = ActivityIds.under(base or _course_iri(config))
    analysis = ItemAnalysis(course, ids, all_attempts=all_attempts)
    if statements is not None:
        analysis.add_all(read_statement_file(statements))
    else:
        assert lrs is not None  # the command line requires one of the two
        analysis.add_all(read_lrs_statements(LrsAccess(lrs, lrs_user, lrs_password), ids.base))
    result = analysis.result()
    report = render_stats(result, output)
    if out is None:
        print(report)
        return 0
    from .exporters.packaging import replacing

    with replacing(out) as partial:
        partial.write_text(report + "\n", encoding="utf-8")
        partial.chmod(0o644)
    print(f"wrote {_shown(out)}: the item analysis of {result.statements.read:,} statements")
    return 0


def _course_iri(config: Configuration) -> str:
    """`xapi: activity_base:` in the plugin's options, else mkdocs.yml's `site_url`; "" when neither is set."""
    xapi = config.plugin.config.get("xapi")  # a dict, or MkDocs' SubConfig (a Mapping); absent in older builders
    activity_base = xapi.get("activity_base") if isinstance(xapi, Mapping) else None
    if isinstance(activity_base, str) and activity_base.strip():
        return activity_base
    return str(config.mkdocs.get("site_url") or "")


def schema(out: Path) -> int:
    """Write the JSON Schemas editors use to complete and check course, lesson and quiz files."""
    from .authoring.editor_schema import write_schemas

    written = write_schemas(out)
    print(f"wrote {', '.join(_shown(p) for p in written)}")
    print(
        "next: start each YAML file with `# yaml-language-server: $schema=PATH` (PATH to its schema, relative "
        "to the file) so editors complete and check it"
    )
    return 0


def strings(language: str | None, out: Path | None) -> int:
    """The interface's strings as a .po file: the template to translate, or a language's current wording. With
    `language: xx` in course.yml, a project's `locales/xx.po` is used for the course (and checked like it)."""
    from .source.interface_text import catalogue_file

    text = catalogue_file(language)
    if out is None:
        sys.stdout.buffer.write(text)
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(text)
    what = f"the {language} strings" if language else "the template of every interface string"
    print(
        f"wrote {_shown(out)}: {what}; translate each msgstr, keep every {{placeholder}}, and save it as "
        f"locales/<language>.po beside mkdocs.yml"
    )
    return 0


def build(config: Configuration, *, site_dir: Path | None = None, strict: bool = False) -> int:
    """Validate, then build the site; a failed build leaves the previous site as it was."""
    from .site.render import course_pages
    from .site.sitebuild import build_site

    validation = _validated(config.project, strict=strict).for_build()  # the files' YAML is not needed any more
    course = _valid_course(validation)
    started = time.monotonic()
    with failing_as("the site was not built"):
        target = build_site(config, validation, site_dir, strict=strict)
    print(f"built {len(course_pages(course))} pages into {_shown(target)} in {time.monotonic() - started:.1f} s")
    return 0


def serve(config: Configuration, *, dev_addr: str) -> int:
    """Preview the course, rebuilding when a file changes (MkDocs' own server and live reload). Rebuilds are
    MkDocs' dirty builds, in which the plugin builds only the pages a change affects (site/preview.py)."""
    from mkdocs.exceptions import MkDocsException

    from .site.sitebuild import serve_preview, show_mkdocs_messages

    show_mkdocs_messages(level=logging.INFO, previewing=True)
    try:
        serve_preview(config.mkdocs.config_file_path, dev_addr)
    except MkDocsException as exc:
        raise CourseBuilderError(str(exc)) from None
    return 0


def export_scorm(config: Configuration, *, out: Path, version: str = "1.2", strict: bool = False) -> int:
    """A SCORM package (one SCO; SCORM 1.2 or 2004 4th edition) that reports scores and completion to an LMS."""
    from .exporters.scorm import export_scorm as make

    def run(validation: Validation) -> str:
        package = make(config, validation, out, version)
        return (
            f"wrote {_shown(out)}: SCORM {version} package of {package.files} files; progress needs at most "
            f"{package.worst_suspend_data:,} of {package.suspend_limit:,} characters of suspend_data"
        )

    return _export(config, run, strict=strict)


def export_zip(config: Configuration, *, out: Path, strict: bool = False) -> int:
    """The site as a zip that opens from disk (file://) with no server."""
    from .exporters.offline import export_offline

    def run(validation: Validation) -> str:
        package = export_offline(config, validation, out)
        return f"wrote {_shown(out)}: {package.files} files; open index.html from the unzipped folder"

    return _export(config, run, strict=strict)


def export_gift(config: Configuration, *, out: Path, strict: bool = False) -> int:
    """One Moodle GIFT question file per quiz."""
    from .exporters.gift import export_gift as make

    def run(validation: Validation) -> str:
        course = _valid_course(validation)
        warnings = make(course, out)
        _report(warnings)
        written = len(course.quizzes) - sum(1 for w in warnings if w.code == "gift-quiz-empty")
        return f"wrote {written} GIFT file{'s' if written != 1 else ''} into {_shown(out)}"

    return _export(config, run, strict=strict)


def export_pdf(
    config: Configuration, *, out: Path, answers: bool = False, paper: str = "a4", strict: bool = False
) -> int:
    """The whole course as one printable workbook (PDF), with a trainer's answer key when asked."""
    from .exporters.workbook import export_pdf as make

    def run(validation: Validation) -> str:
        started = time.monotonic()
        project = config.project
        book = make(
            _valid_course(validation),
            project.content_path,
            out,
            answers=answers,
            paper=paper,
            allowed_embed_hosts=project.allowed_embed_hosts,
        )
        for url in book.left_out:
            print(
                f"note: {url} is not in the workbook: only images in {project.content_dir}/ are printed",
                file=sys.stderr,
            )
        edition = "with the answer key" if answers else "without answers"
        return (
            f"wrote {_shown(out)}: a workbook of {count(book.pages, 'page')} ({book.bytes / 1024:,.0f} KB, "
            f"{paper.upper() if paper == 'a4' else 'US Letter'}, {edition}) in {time.monotonic() - started:.1f} s"
        )

    return _export(config, run, strict=strict)


def init(directory: Path) -> int:
    """Write a small, ready-to-build course project into `directory`."""
    from .authoring.scaffold import init_project

    created = init_project(directory)
    print(f"created a course project in {directory} ({len(created)} files)")
    print(f"next: cd {directory} && course serve")
    return 0


def new_lesson(project: Project, lesson_id: str, title: str | None) -> int:
    """A lesson to fill in, its quiz `<id>-check`, and the lesson added to course.yml."""
    from .authoring.scaffold import new_lesson as make

    made = make(project, lesson_id, title)
    print(f"created {_shown(made.lesson)}")
    print(f"created {_shown(made.quiz)} (its quiz: `quiz: {made.quiz.stem}`)")
    print(f"added '{lesson_id}' to the lessons in {_shown(made.course_file)}")
    if made.schemas:
        print(f"wrote {', '.join(_shown(p) for p in made.schemas)} for editor completion")
    return 0


def new_quiz(project: Project, quiz_id: str, title: str | None) -> int:
    """A quiz file to fill in."""
    from .authoring.scaffold import new_quiz as make

    print(f"created {_shown(make(project, quiz_id, title))}")
    print(f"next: set `quiz: {quiz_id}` in the lesson it belongs to, and match each question's objective")
    return 0


def new_scenario(project: Project, scenario_id: str, title: str | None) -> int:
    """A branching role-play that validates as it is, to rewrite."""
    from .authoring.scaffold import new_scenario as make

    print(f"created {_shown(make(project, scenario_id, title))}")
    print(f"next: add `scenarios: [{scenario_id}]` to the lesson it belongs to, then rewrite each step")
    return 0


# -- shared steps ----------------------------------------------------------------------------------


def _report(diagnostics: list[Diagnostic]) -> None:
    if diagnostics:
        print(format_report(diagnostics), file=sys.stderr)


def _validated(project: Project, *, strict: bool) -> Validation:
    """The project validated, its warnings printed; with `strict`, warnings stop the command."""
    validation = validate_project(project)
    if validation.course is None:
        raise ContentError(validation.diagnostics)
    _report(validation.diagnostics)
    if strict and validation.diagnostics:
        raise CourseBuilderError("warnings are treated as errors (--strict)")
    return validation


def _valid_course(validation: Validation) -> Course:
    if validation.course is None:
        raise ContentError(validation.diagnostics)
    return validation.course


def _export(config: Configuration, run: Callable[[Validation], str], *, strict: bool) -> int:
    """Validate like `course build`, then run one exporter; its result line is printed on success."""
    validation = _validated(config.project, strict=strict).for_build()
    with failing_as("nothing was exported"):
        message = run(validation)
    print(message)
    return 0


def _counted(course: Course) -> str:
    """'5 lessons, 6 quizzes, 2 role-plays, 60 questions' (role-plays only when there are some)."""
    questions = sum(len(q.questions) for q in course.quizzes.values())
    scenarios = f", {count(len(course.scenarios), 'role-play')}" if course.scenarios else ""
    quizzes = f"{len(course.quizzes)} quiz" + ("zes" if len(course.quizzes) != 1 else "")
    return f"{count(len(course.lessons), 'lesson')}, {quizzes}{scenarios}, {count(questions, 'question')}"


def _print_json(
    validation: Validation, diagnostics: list[Diagnostic], *, notes: list[Diagnostic] | None = None
) -> None:
    """Diagnostics as JSON for editors and CI: one object per problem, notes with severity "info"."""
    entries = [d.as_json() for d in diagnostics] + [{**d.as_json(), "severity": "info"} for d in notes or []]
    course = validation.course
    print(
        json.dumps(
            {
                "valid": course is not None,
                "errors": sum(1 for d in diagnostics if d.is_error),
                "warnings": sum(1 for d in diagnostics if not d.is_error),
                "summary": _counted(course) if course is not None else None,
                "diagnostics": entries,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)
