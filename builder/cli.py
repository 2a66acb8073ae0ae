"""The `course` command: init, validate, check, report, build, serve, export, new and schema, acting on the
project in the current folder."""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from .source.diagnostics import format_report, sort_diagnostics
from .source.project import Project, embed_hosts
from .site.render import course_pages
from .authoring.scaffold import ScaffoldError, init_project, new_lesson, new_quiz, new_scenario
from .site.sitebuild import SiteBuildError, build_site, show_mkdocs_messages
from .source.validate import load_course

CONFIG_FILE = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="course", description="Build interactive courses from YAML lessons "
                                     "and quizzes.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    init = commands.add_parser("init", help="create a small, ready-to-build course project in DIR")
    init.add_argument("directory", metavar="DIR")
    init.set_defaults(handler=_init)

    validate = commands.add_parser("validate", help="check every lesson and quiz; list all problems")
    validate.set_defaults(handler=_validate)

    check = commands.add_parser("check", help="validate, then list the course's weak spots (quality checks) "
                                "as warnings with a code")
    check.add_argument("--strict", action="store_true", help="fail (exit status 1) on any warning, for CI")
    check.set_defaults(handler=_check)

    report = commands.add_parser("report", help="summarise each lesson: words, minutes, objectives and the "
                                 "questions that assess them")
    report.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="text (a table, the default), json or markdown")
    report.set_defaults(handler=_course_report)

    schema = commands.add_parser("schema", help="write the JSON Schemas editors use to complete and check "
                                 "course, lesson and quiz files")
    schema.add_argument("--out", metavar="DIR", default="schemas", help="where to write them (default: schemas/)")
    schema.set_defaults(handler=_schema)

    build = commands.add_parser("build", help="validate, then build the site (the previous site is kept on failure)")
    build.add_argument("--site-dir", metavar="DIR", help="where to write the site (default: site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.set_defaults(handler=_build)

    serve = commands.add_parser("serve", help="preview the course, rebuilding when a file changes")
    serve.add_argument("--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000",
                       help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(handler=_serve)

    export = commands.add_parser("export", help="validate, then package the course for an LMS, for offline use "
                                 "or for Moodle's question bank")
    formats = export.add_subparsers(title="formats", metavar="FORMAT", required=True)
    for name, handler, help_text, target in (
            ("scorm", _export_scorm, "a SCORM 1.2 package (one SCO) that reports scores to the LMS", "FILE.zip"),
            ("zip", _export_zip, "the site as a zip that opens from disk with no server", "FILE.zip"),
            ("gift", _export_gift, "one Moodle GIFT question file per quiz", "DIR")):
        sub = formats.add_parser(name, help=help_text)
        sub.add_argument("--out", required=True, metavar=target, help="where to write it")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sub.set_defaults(handler=handler)

    new = commands.add_parser("new", help="add a new lesson (with its quiz, listed in course.yml) or quiz from a "
                              "template")
    new_kinds = new.add_subparsers(title="what", metavar="KIND", required=True)
    for kind, handler, help_text in (
            ("lesson", _new_lesson, "create a lesson file and its quiz ID-check, and add the lesson to course.yml"),
            ("quiz", _new_quiz, "create a quiz file"),
            ("scenario", _new_scenario, "create a branching role-play to fill in")):
        sub = new_kinds.add_parser(kind, help=help_text)
        sub.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens")
        sub.add_argument("--title", help=f"the {kind}'s title")
        sub.set_defaults(handler=handler)
    return parser


def _project() -> Project:
    return Project(Path.cwd())


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _report(problems) -> None:
    if problems:
        print(format_report(problems), file=sys.stderr)


def _validate(args) -> int:
    course, problems = load_course(_project(), allowed_embed_hosts=embed_hosts(_config_file()))
    _report(problems)
    if course is None:
        return 1
    print(f"ok: {_counted(course)} checked")
    return 0


def _counted(course) -> str:
    """'5 lessons, 6 quizzes, 2 role-plays, 60 questions' (role-plays only when there are some)."""
    from .quality.checks import count
    questions = sum(len(q.questions) for q in course.quizzes.values())
    scenarios = f", {count(len(course.scenarios), 'role-play')}" if course.scenarios else ""
    return f"{len(course.lessons)} lessons, {len(course.quizzes)} quizzes{scenarios}, {questions} questions"


def _checked_project():
    """The project and its check settings, read from mkdocs.yml's `course` plugin options when there is one."""
    from .quality.checks import CheckSettings
    from .site.config import ConfigError, load_plugin_config

    config_file = _config_file()
    if config_file is None:
        return _project(), CheckSettings()
    show_mkdocs_messages()
    try:
        options = load_plugin_config(config_file)
    except ConfigError:
        return None, None
    if options is None:
        return _project(), CheckSettings()
    return Project(Path.cwd(), options.content_dir, options.quizzes_dir), options.check_settings()


def _check(args) -> int:
    from .quality.checks import apply_levels, count, format_check_report, misplaced_objectives, run_checks

    project, settings = _checked_project()
    if project is None:
        return _fail(f"error: {CONFIG_FILE} has problems (listed above); fix them first")
    course, problems = load_course(project, allowed_embed_hosts=embed_hosts(_config_file()))
    findings = misplaced_objectives(project)
    if course is not None:
        findings += run_checks(project, course, settings)
    result = apply_levels(findings, settings)
    warnings = sort_diagnostics([*(p for p in problems if not p.is_error), *result.warnings])
    report = format_check_report([p for p in problems if p.is_error], warnings, result.notes)
    if report:
        print(report)
    if course is None:
        return _fail("error: the course has errors; fix them and run `course check` again for the quality checks")
    checked = f"{_counted(course)} checked"
    if not warnings:
        print(f"ok: {checked}; no warnings" + (f" ({count(len(result.notes), 'note')})" if result.notes else ""))
        return 0
    print(f"{checked}: {count(len(warnings), 'warning')}")
    if args.strict:
        return _fail("error: warnings are treated as errors (--strict)")
    return 0


def _course_report(args) -> int:
    from .quality.report import course_report, format_report as format_course_report

    project, settings = _checked_project()
    if project is None:
        return _fail(f"error: {CONFIG_FILE} has problems (listed above); fix them first")
    course, problems = load_course(project, allowed_embed_hosts=embed_hosts(_config_file()))
    _report(problems)
    if course is None:
        return 1
    print(format_course_report(course_report(course, words_per_minute=settings.words_per_minute), args.format))
    return 0


def _schema(args) -> int:
    from .authoring.editor_schema import write_schemas

    written = write_schemas(Path(args.out))
    print(f"wrote {', '.join(_shown(p) for p in written)}")
    print("next: start each YAML file with `# yaml-language-server: $schema=PATH` (PATH to its schema, relative "
          "to the file) so editors complete and check it")
    return 0


def _config_file() -> Path | None:
    path = Path.cwd() / CONFIG_FILE
    return path if path.is_file() else None


def _build(args) -> int:
    config_file = _config_file()
    if config_file is None:
        return _fail(f"error: no {CONFIG_FILE} here; run `course` from the course project folder "
                     "(or create one with `course init DIR`)")
    course = _validated(strict=args.strict)
    if course is None:
        return 1
    show_mkdocs_messages()
    started = time.monotonic()
    try:
        target = build_site(config_file, Path(args.site_dir) if args.site_dir else None, strict=args.strict)
    except SiteBuildError as exc:
        return _fail(f"error: the site was not built: {exc}")
    print(f"built {len(course_pages(course))} pages into {_shown(target)} in {time.monotonic() - started:.1f} s")
    return 0


def _validated(*, strict: bool = False):
    """The project's course after printing its problems; None when it must not be built."""
    course, problems = load_course(_project(), allowed_embed_hosts=embed_hosts(_config_file()))
    _report(problems)
    if course is not None and strict and problems:
        print("error: warnings are treated as errors (--strict)", file=sys.stderr)
        return None
    return course


def _export(args, make) -> int:
    """Validate like `course build`, then run one exporter; its result line is printed on success."""
    from .exporters.packaging import ExportError

    config_file = _config_file()
    if config_file is None:
        return _fail(f"error: no {CONFIG_FILE} here; run `course export` from the course project folder")
    course = _validated(strict=args.strict)
    if course is None:
        return 1
    show_mkdocs_messages()
    try:
        message = make(config_file, course, Path(args.out))
    except (ExportError, SiteBuildError) as exc:
        return _fail(f"error: nothing was exported: {exc}")
    print(message)
    return 0


def _export_scorm(args) -> int:
    from .exporters.scorm import export_scorm

    def make(config_file, course, out):
        package = export_scorm(config_file, course, out)
        return (f"wrote {_shown(out)}: SCORM 1.2 package of {package.files} files; "
                f"progress needs at most {package.worst_suspend_data:,} of 4,096 characters of suspend_data")
    return _export(args, make)


def _export_zip(args) -> int:
    from .exporters.offline import export_offline

    def make(config_file, course, out):
        package = export_offline(config_file, course, out)
        return f"wrote {_shown(out)}: {package.files} files; open index.html from the unzipped folder"
    return _export(args, make)


def _export_gift(args) -> int:
    from .exporters.gift import export_gift

    def make(config_file, course, out):
        warnings = export_gift(course, out)
        _report(warnings)
        written = len(course.quizzes) - sum(1 for w in warnings if w.code == "gift-quiz-empty")
        return f"wrote {written} GIFT file{'s' if written != 1 else ''} into {_shown(out)}"
    return _export(args, make)


def _serve(args) -> int:
    config_file = _config_file()
    if config_file is None:
        return _fail(f"error: no {CONFIG_FILE} here; run `course serve` from the course project folder")
    show_mkdocs_messages(level=logging.INFO)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    try:
        serve(config_file=str(config_file), dev_addr=args.dev_addr, livereload=True)
    except MkDocsException as exc:
        return _fail(f"error: {exc}")
    return 0


def _init(args) -> int:
    try:
        created = init_project(Path(args.directory))
    except ScaffoldError as exc:
        return _fail(f"error: {exc}")
    print(f"created a course project in {args.directory} ({len(created)} files)")
    print(f"next: cd {args.directory} && course serve")
    return 0


def _new_lesson(args) -> int:
    project = _project()
    try:
        made = new_lesson(project, args.id, args.title)
    except ScaffoldError as exc:
        return _fail(f"error: {exc}")
    print(f"created {_shown(made.lesson)}")
    print(f"created {_shown(made.quiz)} (its quiz: `quiz: {made.quiz.stem}`)")
    print(f"added '{args.id}' to the lessons in {_shown(made.course_file)}")
    if made.schemas:
        print(f"wrote {', '.join(_shown(p) for p in made.schemas)} for editor completion")
    return 0


def _new_quiz(args) -> int:
    return _new(new_quiz, args, "quiz")


def _new_scenario(args) -> int:
    return _new(new_scenario, args, "scenario")


def _new(make, args, kind: str) -> int:
    try:
        path = make(_project(), args.id, args.title)
    except ScaffoldError as exc:
        return _fail(f"error: {exc}")
    print(f"created {_shown(path)}")
    if kind == "scenario":
        print(f"next: add `scenarios: [{args.id}]` to the lesson it belongs to, then rewrite each step")
    else:
        print(f"next: set `quiz: {args.id}` in the lesson it belongs to, and match each question's objective")
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
