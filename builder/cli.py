"""The `course` command: parses the arguments, loads the project's configuration once, and runs one
command (builder/commands.py) with it. Every error a trainer can cause is a CourseBuilderError,
reported here once as `error: ...` with exit status 1; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import commands
from .source.errors import CourseBuilderError
from .source.project import CONFIG_FILE, Project

if TYPE_CHECKING:
    from .site.config import Configuration

Handler = Callable[[argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except CourseBuilderError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output went to a pager or `head` that stopped reading: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit; give it somewhere to go
        return 0


def _configuration(command: str) -> Configuration:
    """mkdocs.yml of the project in the current folder, loaded through MkDocs (its messages shown as plain lines)."""
    from .site.config import load_configuration
    from .site.sitebuild import show_mkdocs_messages

    show_mkdocs_messages()
    return load_configuration(Path.cwd() / CONFIG_FILE, command)


def _with_project(run: Callable[..., int], command: str) -> Handler:
    return lambda args: run(_configuration(command).project, **_options(args))


def _with_configuration(run: Callable[..., int], command: str) -> Handler:
    return lambda args: run(_configuration(command), **_options(args))


def _options(args: argparse.Namespace) -> dict[str, object]:
    """The parsed options a command function takes (everything but the handler)."""
    return {name: value for name, value in vars(args).items() if name != "handler"}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course", description="Build interactive courses from YAML lessons and quizzes."
    )
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND")

    init = subcommands.add_parser("init", help="create a small, ready-to-build course project in DIR")
    init.add_argument("directory", metavar="DIR", type=Path)
    init.set_defaults(handler=lambda args: commands.init(args.directory))

    validate = subcommands.add_parser("validate", help="check every lesson and quiz; list all problems")
    validate.add_argument(
        "--format",
        dest="output",
        choices=commands.OUTPUT_FORMATS,
        default="text",
        help="text (the default) or json: every problem with its file, line, column, path, code, "
        "severity and message, for editors and CI",
    )
    validate.set_defaults(handler=_with_project(commands.validate, "validate"))

    check = subcommands.add_parser(
        "check", help="validate, then list the course's weak spots (quality checks) as warnings with a code"
    )
    check.add_argument("--strict", action="store_true", help="fail (exit status 1) on any warning, for CI")
    check.add_argument(
        "--format", dest="output", choices=commands.OUTPUT_FORMATS, default="text", help="text (the default) or json"
    )
    check.set_defaults(handler=_with_project(commands.check, "check"))

    report = subcommands.add_parser(
        "report", help="summarise each lesson: words, minutes, objectives and the questions that assess them"
    )
    report.add_argument(
        "--format",
        dest="output",
        choices=commands.REPORT_FORMATS,
        default="text",
        help="text (a table, the default), json or markdown",
    )
    report.set_defaults(handler=_with_project(commands.report, "report"))

    stats = subcommands.add_parser(
        "stats",
        help="an item analysis of the xAPI statements learners sent: each question's facility, discrimination and "
        "options chosen, with flags; role-play endings",
    )
    source = stats.add_mutually_exclusive_group(required=True)
    source.add_argument("--statements", metavar="FILE.json", type=Path, help="statements exported from an LRS")
    source.add_argument("--lrs", metavar="URL", help="read them from the LRS's xAPI base (http://host/xAPI/)")
    stats.add_argument("--lrs-user", metavar="U", help="the LRS user (credentials that may read statements)")
    stats.add_argument(
        "--lrs-password",
        metavar="P",
        default=os.environ.get("COURSE_LRS_PASSWORD"),
        help="the LRS user's password (default: $COURSE_LRS_PASSWORD, which other users cannot see in `ps`)",
    )
    stats.add_argument(
        "--base",
        metavar="IRI",
        help="the course IRI in the statements (default: `xapi: activity_base:`, else site_url)",
    )
    stats.add_argument(
        "--all-attempts", action="store_true", help="count every attempt (default: each learner's first attempt only)"
    )
    stats.add_argument(
        "--format",
        dest="output",
        choices=commands.STATS_FORMATS,
        default="text",
        help="text (the default), markdown, html or json",
    )
    stats.add_argument("--out", metavar="FILE", type=Path, help="write the report there (default: standard output)")
    stats.set_defaults(handler=_with_configuration(commands.stats, "stats"))

    schema = subcommands.add_parser(
        "schema", help="write the JSON Schemas editors use to complete and check course, lesson and quiz files"
    )
    schema.add_argument(
        "--out", metavar="DIR", default=Path("schemas"), type=Path, help="where to write them (default: schemas/)"
    )
    schema.set_defaults(handler=lambda args: commands.schema(args.out))

    strings = subcommands.add_parser(
        "strings",
        help="write the interface's strings as a gettext catalogue: the template, or one language's current wording",
    )
    strings.add_argument(
        "--language", metavar="XX", help="a language code (de, fr, ja…): its current strings, empty where none ship"
    )
    strings.add_argument("--out", metavar="FILE.po", type=Path, help="where to write it (default: standard output)")
    strings.set_defaults(handler=lambda args: commands.strings(args.language, args.out))

    build = subcommands.add_parser("build", help="validate, then build the site (the previous site is kept on failure)")
    build.add_argument("--site-dir", metavar="DIR", type=Path, help="where to write the site (default: site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.set_defaults(handler=_with_configuration(commands.build, "build"))

    serve = subcommands.add_parser("serve", help="preview the course, rebuilding when a file changes")
    serve.add_argument(
        "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )
    serve.set_defaults(handler=_with_configuration(commands.serve, "serve"))

    export = subcommands.add_parser(
        "export", help="validate, then package the course for an LMS, for offline use or for Moodle's question bank"
    )
    formats = export.add_subparsers(title="formats", metavar="FORMAT", required=True)
    for name, export_run, help_text, target in (
        ("scorm", commands.export_scorm, "a SCORM package (one SCO) that reports scores to the LMS", "FILE.zip"),
        ("zip", commands.export_zip, "the site as a zip that opens from disk with no server", "FILE.zip"),
        ("gift", commands.export_gift, "one Moodle GIFT question file per quiz", "DIR"),
    ):
        sub = formats.add_parser(name, help=help_text)
        sub.add_argument("--out", required=True, metavar=target, type=Path, help="where to write it")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
        if name == "scorm":
            sub.add_argument(
                "--version",
                choices=("1.2", "2004"),
                default="1.2",
                help="SCORM 1.2 (the default: every LMS takes it) or SCORM 2004 4th edition",
            )
        sub.set_defaults(handler=_with_configuration(export_run, "export"))
    pdf = formats.add_parser(
        "pdf", help="the whole course as one printable workbook: cover, contents, lessons, role-plays, worksheets"
    )
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", type=Path, help="where to write it")
    pdf.add_argument(
        "--answers", action="store_true", help="add a trainer's answer key at the end (without it, no answer is shown)"
    )
    pdf.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    pdf.add_argument("--strict", action="store_true", help="treat warnings as errors")
    pdf.set_defaults(handler=_with_configuration(commands.export_pdf, "export"))

    new = subcommands.add_parser(
        "new", help="add a new lesson (with its quiz, listed in course.yml), quiz or role-play from a template"
    )
    new_kinds = new.add_subparsers(title="what", metavar="KIND", required=True)
    for kind, new_run, help_text in (
        ("lesson", commands.new_lesson, "create a lesson file and its quiz ID-check, and add the lesson to course.yml"),
        ("quiz", commands.new_quiz, "create a quiz file"),
        ("scenario", commands.new_scenario, "create a branching role-play to fill in"),
    ):
        sub = new_kinds.add_parser(kind, help=help_text)
        sub.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens")
        sub.add_argument("--title", help=f"the {kind}'s title")
        sub.set_defaults(handler=_new(new_run))
    return parser


def _new(run: Callable[[Project, str, str | None], int]) -> Handler:
    return lambda args: run(_configuration("new").project, args.id, args.title)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
