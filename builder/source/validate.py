"""Turn a project's YAML files into a `Course`, collecting every problem on the way.

Three passes: the shape of each file (course_format.py and each question type's rules), references
between files (lessons, quizzes, role-plays, objectives), then the Markdown of every text field
(size limits, and what the sanitiser would remove). Nothing stops at the first problem; the caller
gets the course only when no error was found, and always gets the loaded files (`Sources`), which
`course check` and `course report` use instead of reading the YAML again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from . import course_format as fmt
from .brand import check_brand
from .diagnostics import Checker, DataPath, Diagnostic, has_errors, sort_diagnostics
from .exam_rules import check_draw, check_exam_settings
from .images import check_images
from .interface_text import check_theme_language, check_ui_text, english, read_project_catalogue
from .loader import load_document
from .markdown_text import MAX_FILE_MARKUP, MarkdownText, limit_problem, markup_count, may_lose_html
from .memo import ValidationMemo
from .model import (
    CertificateSettings,
    Course,
    Lesson,
    Module,
    Objective,
    Quiz,
    Scenario,
    ScenarioChoice,
    ScenarioNode,
    Section,
    Signatory,
)
from .project import CONFIG_FILE, Project
from .questions import QUESTION_TYPES, QuestionBase
from .references import check_references
from .scenario_rules import check_scenario
from .schema import INVALID, ByKey, Record, markdown_fields
from .sources import SourceFile, Sources

T = TypeVar("T")

RESERVED_PAGE_IDS = frozenset({"progress", "certificate", "modules", "assets", "search", "index", "404"})
"""Ids that would clash with pages and folders the builder itself creates."""


@dataclass(frozen=True, slots=True)
class Validation:
    """What validating a project gives: the course (None when there is any error), every problem, and the
    files as loaded (None once set aside: a build needs only the course, and the files' YAML is the bulk
    of what validation holds)."""

    project: Project
    course: Course | None
    diagnostics: list[Diagnostic]
    sources: Sources | None

    def for_build(self) -> Validation:
        """The same validation without the loaded files, to hand to a site build."""
        return replace(self, sources=None)

    def loaded(self) -> Sources:
        """The loaded files (for the quality checks and the report)."""
        assert self.sources is not None, "the loaded files were set aside for a build"
        return self.sources


def validate_project(project: Project, memo: ValidationMemo | None = None) -> Validation:
    """Validate the whole project: every file, the references between them, and their Markdown. With a `memo`
    (a preview validating after each save), each unchanged file's own checks are reused."""
    with _collector_paused():
        return _validate(project, memo or ValidationMemo(remember=False))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector, paused while a project is validated.

    Validation makes every file's data, places and checked values and keeps them until it returns: at
    1,000 lessons, hundreds of thousands of objects that outlive it and form no cycles. Running, the
    collector would walk them all again at each full collection as they grow file by file. Resumed as it
    was, it would walk them all once more in its next young collection, a few hundred allocations later;
    so they are moved to its oldest generation (`freeze`, then `unfreeze`: every object it tracks), to
    wait for its next full collection, which a short command such as `course validate` never reaches."""
    if not gc.isenabled():  # paused already (by a caller that knows why): leave it so
        yield
        return
    promote = gc.get_freeze_count() == 0  # nobody froze objects on purpose, that unfreezing would thaw
    gc.disable()
    try:
        yield
    finally:
        if promote:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def _validate(project: Project, memo: ValidationMemo) -> Validation:
    memo.start()

    def checked(file: Path, display: str, kind: str) -> SourceFile:
        return memo.checked(file, display, kind, check_file)

    course_path = project.display(project.course_file)
    if project.course_file.is_file():
        course_file = checked(project.course_file, course_path, "course")
    else:
        course_file = SourceFile(project.course_file, Checker(course_path))
        course_file.checker.error(
            (),
            f"the course file is missing; create {course_path} with a title, a "
            "description and the list of lessons (or run `course init`)",
            "missing-file",
        )
    if course_file.doc is not None and isinstance(course_file.doc.data, dict):
        check_images(
            course_file.doc.data.get("certificate"),
            ("logo", "signature"),
            ("certificate",),
            project.content_path,
            project.content_dir,
            course_file.checker,
        )
        check_ui_text(course_file.doc.data.get("ui_text"), course_file.checker)
    sources = Sources(project, course_file)
    project_wording, wording_problems = _project_catalogue(project, course_file)
    sources.lessons = {f.stem: checked(f, project.display(f), "lesson") for f in project.lesson_files()}
    for file in project.quiz_files():
        loaded = checked(file, project.display(file), "quiz")
        (sources.scenarios if loaded.record is fmt.SCENARIO else sources.quizzes)[file.stem] = loaded
    for loaded in sources.files():
        _check_id_matches_file(loaded)
    if course_file.data is not INVALID:
        check_references(sources)
    _check_markdown(sources, memo)
    diagnostics = sort_diagnostics(
        [
            *(problem for loaded in sources.files() for problem in loaded.checker.problems),
            *wording_problems,
            *check_brand(project),
        ]
    )
    course = (
        None if has_errors(diagnostics) or course_file.doc is None else _build_course(sources, project_wording, memo)
    )
    memo.finish()
    return Validation(project, course, diagnostics, sources)


def _project_catalogue(project: Project, course_file: SourceFile) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The project's own catalogue for the course's language (locales/<language>.po), when it has one."""
    data = course_file.doc.data if course_file.doc is not None else None
    language = data.get("language") if isinstance(data, dict) else None
    if not isinstance(language, str) or not language.strip():
        language = "en"
    path = project.locales_path / f"{language.strip()}.po"
    mkdocs_yml = project.root / CONFIG_FILE
    theme = check_theme_language(mkdocs_yml, project.display(mkdocs_yml), language.strip())
    if not path.is_file():
        return {}, theme
    wording, problems = read_project_catalogue(path, project.display(path), language.strip())
    return wording, [*theme, *problems]


def check_file(file: Path, display: str, kind: str) -> SourceFile:
    """Load one file of a kind (course, lesson or quiz: a quiz file may hold a role-play) and check it on its
    own: its format, then the rules across its values on the file as written (references to other files are
    checked later, by validate_project)."""
    formats: dict[str, tuple[Record | ByKey, Callable[[dict[str, Any], Checker], None] | None]] = {
        "course": (fmt.COURSE, None),
        "lesson": (fmt.LESSON, _check_lesson),
        "quiz": (fmt.QUIZ_FILE, _check_quiz_file),
    }
    kind_format, rules = formats[kind]
    doc, load_problems = load_document(file, display)
    loaded = SourceFile(file, Checker(display, doc), doc)
    loaded.checker.problems.extend(load_problems)
    if doc is None:
        loaded.record = kind_format if isinstance(kind_format, Record) else None
        return loaded
    loaded.record = kind_format.format_of(doc.data) if isinstance(kind_format, ByKey) else kind_format
    data = loaded.record.check(doc.data, (), loaded.checker)
    loaded.data = INVALID if load_problems else data  # e.g. a duplicate key: the data is not what was meant
    if rules is not None and isinstance(doc.data, dict):
        rules(doc.data, loaded.checker)
    if loaded.data is not INVALID:
        loaded.origins = {path: doc.location(path) for path in model_paths(loaded.record, loaded.data)}
    doc.set_places_aside()  # a course without problems never looks up a location again
    return loaded


def model_paths(record: Record, data: dict[str, Any]) -> list[DataPath]:
    """The values of a file (checked without errors) whose places the course model records as origins: a
    lesson, quiz or role-play and its sections, questions or steps (_build_lesson, _build_quiz and
    _build_scenario)."""
    if record is fmt.COURSE:
        return []
    if record is fmt.LESSON:
        return [(), *(("sections", i, "body") for i in range(len(data["sections"])))]
    if record is fmt.SCENARIO:
        return [(), *(("nodes", name) for name in data["nodes"])]
    return [(), *(("questions", i) for i in range(len(data["questions"])))]


def _check_id_matches_file(loaded: SourceFile) -> None:
    if loaded.data is INVALID or loaded.record is fmt.COURSE:
        return
    if loaded.data["id"] != loaded.stem:
        loaded.checker.error(
            ("id",),
            f"'{loaded.data['id']}' does not match the file name '{loaded.file.name}'; "
            f"rename the file to {loaded.data['id']}{loaded.file.suffix} or set "
            f"`id: {loaded.stem}`",
            "id-mismatch",
        )
        loaded.data = INVALID


def _texts(items: list[Any], key: str) -> list[str | None]:
    values = [item.get(key) if isinstance(item, dict) else None for item in items]
    return [v.strip() if isinstance(v, str) and v.strip() else None for v in values]


def _check_reserved_id(raw: dict[str, Any], checker: Checker) -> None:
    page_id = raw.get("id")
    if isinstance(page_id, str) and page_id in RESERVED_PAGE_IDS:
        checker.error(
            ("id",), f"'{page_id}' is reserved for a page the builder makes; choose another id", "reserved-id"
        )


def _check_lesson(raw: dict[str, Any], checker: Checker) -> None:
    objectives = raw.get("objectives")
    checker.report_repeats(
        _texts(objectives if isinstance(objectives, list) else [], "id"),
        lambda i: ("objectives", i, "id"),
        lambda value, _: f"objective id '{value}' is used twice in this lesson",
    )
    _check_reserved_id(raw, checker)


def _check_quiz_file(raw: dict[str, Any], checker: Checker) -> None:
    if fmt.QUIZ_FILE.format_of(raw) is fmt.SCENARIO:
        _check_reserved_id(raw, checker)
        check_scenario(raw, checker)
        return
    raw_questions = raw.get("questions")
    questions: list[Any] = raw_questions if isinstance(raw_questions, list) else []
    checker.report_repeats(
        _texts(questions, "id"),
        lambda i: ("questions", i, "id"),
        lambda value, first: f"question id '{value}' is used twice in this quiz (also questions[{first}])",
    )
    variants = [fmt.QUESTION.variant_of(question) for question in questions]
    for index, (question, variant) in enumerate(zip(questions, variants, strict=True)):
        if variant is not None:
            QUESTION_TYPES[variant].rules(question, ("questions", index), checker)
    check_exam_settings(raw, checker)
    # an unknown type counts as scored: it is reported where it is written
    scored = [variant is None or QUESTION_TYPES[variant].scored for variant in variants]
    check_draw(
        raw, [q for q, is_scored in zip(questions, scored, strict=True) if is_scored and isinstance(q, dict)], checker
    )
    if variants and not any(scored):
        # a quiz is what a lesson is passed by; one with nothing to score could never be passed or failed
        checker.error(
            ("questions",),
            "this quiz has only written questions, which are never scored, so it could never be passed; add "
            "at least one question with an answer (single, multiple, true_false, short_text, ordering, "
            "matching or numeric) beside them",
            "quiz-not-scored",
        )
    _check_reserved_id(raw, checker)


def _check_markdown(sources: Sources, memo: ValidationMemo) -> None:
    """Markdown fields too large to convert in bounded time (errors), then, if the course has no
    errors, a warning at the field for each piece of HTML the sanitiser removes from it."""
    per_file = memo.per_file
    scanned: list[tuple[SourceFile, list[tuple[DataPath, str, str]]]] = []
    too_large = False
    for loaded in sources.files():
        if loaded.doc is None or loaded.record is None:
            continue
        oversized, fields, total = per_file(loaded, "markdown", partial(_markdown_scan, loaded))
        for path, problem in oversized:
            loaded.checker.error(path, problem, "too-large")
            too_large = True
        if total > MAX_FILE_MARKUP:
            loaded.checker.error(
                (),
                f"the Markdown text of this file holds {total:,} '[' and '<' characters; the "
                f"limit is {MAX_FILE_MARKUP:,} per file (split it into several lessons or "
                "quizzes)",
                "too-large",
            )
            too_large = True
        scanned.append((loaded, fields))
    if too_large or any(has_errors(loaded.checker.problems) for loaded in sources.files()):
        return
    hosts = sources.project.allowed_embed_hosts
    converters: dict[Hashable, MarkdownText] = memo.converters

    def removals(fields: list[tuple[DataPath, str, str]]) -> list[tuple[DataPath, str]]:
        converter = converters.get(hosts) or converters.setdefault(hosts, MarkdownText(hosts))
        return [(path, str(removal)) for path, kind, text in fields for removal in converter.removals(text, kind)]

    for loaded, fields in scanned:
        for path, message in per_file(loaded, ("removals", hosts), partial(removals, fields)):
            loaded.checker.warn(path, message, "unsafe-html")


def _markdown_scan(loaded: SourceFile) -> tuple[list[tuple[DataPath, str]], list[tuple[DataPath, str, str]], int]:
    """A file's Markdown fields: (where, problem) for each too large to convert, (where, kind, text) for the
    others the sanitiser could change, and how much markup the file holds in all."""
    assert loaded.doc is not None and loaded.record is not None
    oversized: list[tuple[DataPath, str]] = []
    fields: list[tuple[DataPath, str, str]] = []
    total = 0
    for path, kind, text in markdown_fields(loaded.record, loaded.doc.data):
        markup = markup_count(text)
        total += markup
        problem = limit_problem(text, markup)
        if problem is not None:
            oversized.append((path, problem))
        elif may_lose_html(text):  # most text: nothing the sanitiser could remove
            fields.append((path, kind, text))
    return oversized, fields, total


def _build_course(sources: Sources, project_wording: dict[str, Any], memo: ValidationMemo) -> Course:
    """Build the model from cleaned data; only called when no error was found. A lesson, quiz or role-play is
    built once for as long as its file stays the same (with a memo)."""
    per_file = memo.per_file
    data = sources.course_file.data
    modules = tuple(Module(title=m["title"], lesson_ids=tuple(m["lessons"])) for m in data["modules"] or ())
    lesson_ids = [lesson_id for m in modules for lesson_id in m.lesson_ids] if modules else data["lessons"]
    ordered = [sources.lessons[lesson_id].data for lesson_id in lesson_ids]
    used = [lesson["quiz"] for lesson in ordered if lesson["quiz"]]
    if data["final_quiz"]:
        used.append(data["final_quiz"])
    return Course(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        pass_mark=data["pass_mark"],
        lessons=tuple(
            per_file(loaded, "lesson", partial(_build_lesson, loaded))
            for loaded in (sources.lessons[lesson_id] for lesson_id in lesson_ids)
        ),
        quizzes={
            quiz_id: per_file(
                loaded,
                ("quiz", data["pass_mark"], data["language"]),
                partial(_build_quiz, loaded, data["pass_mark"], data["language"]),
            )
            for quiz_id, loaded in ((quiz_id, sources.quizzes[quiz_id]) for quiz_id in used)
        },
        final_quiz_id=data["final_quiz"],
        modules=modules,
        scenarios={
            scenario_id: per_file(
                sources.scenarios[scenario_id], "scenario", partial(_build_scenario, sources.scenarios[scenario_id])
            )
            for lesson in ordered
            for scenario_id in lesson["scenarios"]
        },
        certificate=_build_certificate(data["certificate"]),
        ui_text={**(project_wording or {}), **_build_ui_text(data["ui_text"])},
    )


def _build_ui_text(data: dict[str, Any] | None) -> dict[str, str | dict[str, str]]:
    """The course's wording, with the spaces the original message has at either end (sentence pieces the
    scripts join) put back after the YAML's text was trimmed."""
    if not data:
        return {}
    catalogue = english()
    result: dict[str, str | dict[str, str]] = {}
    for key, value in (data or {}).items():
        if value is None:
            continue
        original = catalogue.message(key).forms[-1]
        lead, trail = original[: len(original) - len(original.lstrip())], original[len(original.rstrip()) :]
        if isinstance(value, dict):
            result[key] = {category: lead + text + trail for category, text in value.items() if text is not None}
        else:
            result[key] = lead + value + trail
    return result


def _build_certificate(data: dict[str, Any] | None) -> CertificateSettings:
    if data is None:
        return CertificateSettings()
    signatory = data["signatory"]
    return CertificateSettings(
        orientation=data["orientation"],
        issuer=data["issuer"],
        signatory=Signatory(name=signatory["name"], role=signatory["role"]) if signatory else None,
        logo=data["logo"],
        signature=data["signature"],
    )


def _checked(loaded: SourceFile) -> Any:
    assert loaded.doc is not None  # the course is built only from files that loaded without errors
    return loaded.data


def _build_scenario(loaded: SourceFile) -> Scenario:
    data = _checked(loaded)
    dimensions = tuple(data["dimensions"])
    nodes = {
        name: ScenarioNode(
            id=name,
            text=node["text"],
            origin=loaded.origin("nodes", name),
            choices=tuple(
                ScenarioChoice(
                    text=c["text"],
                    next=c["next"],
                    feedback=c["feedback"],
                    scores=tuple(c["scores"].get(d, 0) for d in dimensions),
                )
                for c in node["choices"] or ()
            ),
        )
        for name, node in data["nodes"].items()
    }
    return Scenario(
        id=data["id"],
        title=data["title"],
        dimensions=dimensions,
        start=data["start"],
        nodes=nodes,
        origin=loaded.origin(),
    )


def _build_lesson(loaded: SourceFile) -> Lesson:
    data = _checked(loaded)
    return Lesson(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        duration_minutes=data["duration_minutes"],
        objectives=tuple(Objective(id=o["id"], text=o["text"]) for o in data["objectives"]),
        sections=tuple(
            Section(title=s["title"], kind=s["kind"], body=s["body"], origin=loaded.origin("sections", i, "body"))
            for i, s in enumerate(data["sections"])
        ),
        key_points=tuple(data["key_points"] or ()),
        quiz_id=data["quiz"],
        origin=loaded.origin(),
        scenario_ids=tuple(data["scenarios"] or ()),
    )


def _build_quiz(loaded: SourceFile, course_pass_mark: int, language: str) -> Quiz:
    data = _checked(loaded)
    return Quiz(
        id=data["id"],
        title=data["title"],
        pass_mark=course_pass_mark if data["pass_mark"] is None else data["pass_mark"],
        shuffle=data["shuffle"],
        questions=tuple(_build_question(q, loaded, i, language) for i, q in enumerate(data["questions"])),
        origin=loaded.origin(),
        draw=sum(data["draw"].values()) if isinstance(data["draw"], dict) else data["draw"],
        draw_by_objective=tuple(data["draw"].items()) if isinstance(data["draw"], dict) else (),
        attempts=data["attempts"],
        score=data["score"],
        review=data["review"],
        time_limit_minutes=data["time_limit_minutes"],
        time_extension=data["time_extension"],
    )


def _build_question(q: dict[str, Any], loaded: SourceFile, index: int, language: str) -> QuestionBase:
    common = {
        "id": q["id"],
        "objective": q["objective"],
        "prompt": q["prompt"],
        "explanation": q["explanation"],
        "points": q["points"],
        "origin": loaded.origin("questions", index),
    }
    return QUESTION_TYPES[q["type"]].build(q, common, language=language)
