"""Turn a project's YAML files into a `Course`, collecting every problem on the way.

Three passes: the shape of each file (course_format.py and each question type's rules), references
between files (lessons, quizzes, role-plays, objectives), then the Markdown of every text field
(size limits, and what the sanitiser would remove). Nothing stops at the first problem; the caller
gets the course only when no error was found, and always gets the loaded files (`Sources`), which
`course check` and `course report` use instead of reading the YAML again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import course_format as fmt
from .diagnostics import Checker, DataPath, Diagnostic, has_errors, sort_diagnostics
from .loader import Document, load_document
from .markdown_text import MAX_FILE_MARKUP, MarkdownText, limit_problem, markup_count
from .model import Course, Lesson, Module, Objective, Quiz, Scenario, ScenarioChoice, ScenarioNode, Section
from .project import Project
from .questions import QUESTION_TYPES, QuestionBase
from .scenario_rules import check_scenario
from .schema import INVALID, ByKey, Record, markdown_fields
from .text import suggest

RESERVED_PAGE_IDS = frozenset({"progress", "certificate", "modules", "assets", "search", "index", "404"})
"""Ids that would clash with pages and folders the builder itself creates."""


@dataclass(slots=True)
class SourceFile:
    """One course file as loaded and checked: its YAML (None if unreadable), the format it was checked
    against, its cleaned data (INVALID when it has errors) and the checker holding its problems."""

    file: Path
    checker: Checker
    doc: Document | None = None
    record: Record | None = None
    data: Any = INVALID

    @property
    def stem(self) -> str:
        return self.file.stem

    def raw(self, *path: Any) -> Any:
        """A value as written, even when other parts of the file are invalid (None where there is none)."""
        value = self.doc.data if self.doc is not None else None
        for part in path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    def raw_list(self, *path: Any) -> list[Any]:
        value = self.raw(*path)
        return value if isinstance(value, list) else []

    def raw_text(self, *path: Any) -> str | None:
        """A scalar as the trainer typed it (`quiz: 12`, `final_quiz: no`: the text the cleaned data keeps too)."""
        value = self.checker.as_written(path, self.raw(*path))
        return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass(slots=True)
class Sources:
    """Every file validation read, by its path as trainers see it."""

    project: Project
    course_file: SourceFile
    lessons: dict[str, SourceFile] = field(default_factory=dict)
    quizzes: dict[str, SourceFile] = field(default_factory=dict)
    scenarios: dict[str, SourceFile] = field(default_factory=dict)
    _by_display: dict[str, SourceFile] = field(default_factory=dict)

    def files(self) -> Iterator[SourceFile]:
        yield self.course_file
        yield from (*self.lessons.values(), *self.quizzes.values(), *self.scenarios.values())

    def document(self, display: str) -> Document | None:
        if not self._by_display:
            self._by_display.update((f.checker.file, f) for f in self.files())
        found = self._by_display.get(display)
        return found.doc if found is not None else None

    def checker(self, display: str) -> Checker:
        """A new checker for findings about a file (the validation's own problems stay where they are)."""
        return Checker(display, self.document(display))

    def listed_lessons(self) -> list[tuple[str, DataPath]]:
        """Lesson ids as course.yml lists them (flat or in modules), each with the path it is written at."""
        course = self.course_file
        found: list[tuple[str, DataPath]] = []
        lists = [("lessons",)] + [
            ("modules", i, "lessons") for i, m in enumerate(course.raw_list("modules")) if isinstance(m, dict)
        ]
        for path in lists:
            for index in range(len(course.raw_list(*path))):
                lesson_id = course.raw_text(*path, index)
                if lesson_id is not None:
                    found.append((lesson_id, (*path, index)))
        return found


@dataclass(slots=True)
class Validation:
    """What validating a project gives: the course (None when there is any error), every problem, and the
    files as loaded."""

    course: Course | None
    diagnostics: list[Diagnostic]
    sources: Sources

    @property
    def project(self) -> Project:
        return self.sources.project


def validate_project(project: Project) -> Validation:
    """Validate the whole project: every file, the references between them, and their Markdown."""
    course_path = project.display(project.course_file)
    if project.course_file.is_file():
        course_file = check_file(project.course_file, course_path, "course")
    else:
        course_file = SourceFile(project.course_file, Checker(course_path))
        course_file.checker.error(
            (),
            f"the course file is missing; create {course_path} with a title, a "
            "description and the list of lessons (or run `course init`)",
            "missing-file",
        )
    sources = Sources(project, course_file)
    sources.lessons = {f.stem: check_file(f, project.display(f), "lesson") for f in project.lesson_files()}
    for file in project.quiz_files():
        loaded = check_file(file, project.display(file), "quiz")
        (sources.scenarios if loaded.record is fmt.SCENARIO else sources.quizzes)[file.stem] = loaded
    for loaded in sources.files():
        _check_id_matches_file(loaded)
    if course_file.data is not INVALID:
        _References(sources).check()
    _check_markdown(sources)
    diagnostics = sort_diagnostics(problem for loaded in sources.files() for problem in loaded.checker.problems)
    if has_errors(diagnostics) or course_file.doc is None:
        return Validation(None, diagnostics, sources)
    return Validation(_build_course(sources), diagnostics, sources)


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
    return loaded


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
    for index, question in enumerate(questions):
        variant = fmt.QUESTION.variant_of(question)
        if variant is not None:
            QUESTION_TYPES[variant].rules(question, ("questions", index), checker)
    _check_reserved_id(raw, checker)


_FINAL_OBJECTIVE = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)$")


class _References:
    """References between files, each problem reported where the reference is written.

    References are read from the files as written, so a typo elsewhere in a file does not
    hide a broken reference in it."""

    def __init__(self, sources: Sources):
        self.sources = sources
        self.project = sources.project
        self.course = sources.course_file
        self.quiz_owner: dict[str, str] = {}

    def check(self) -> None:
        ordered = self.lessons_in_order()
        final_id = self.final_quiz()
        for loaded in ordered:
            self.lesson_quiz(loaded)
        if final_id in self.sources.quizzes and self.quiz_owner.get(final_id) == "the course's final quiz":
            self.objectives(self.sources.quizzes[final_id], {lesson.stem: lesson for lesson in ordered}, final=True)
        _warn_unused(
            self.sources.quizzes,
            self.quiz_owner,
            lambda stem: f"quiz '{stem}' is not used: no lesson has `quiz: {stem}` and it is not the final quiz",
            "unused-quiz",
        )
        self.scenarios(ordered)

    def lessons_in_order(self) -> list[SourceFile]:
        """The listed lessons that exist, in course order; a lesson listed twice, missing or left out is reported."""
        lessons = self.sources.lessons
        ordered: list[SourceFile] = []
        seen: set[str] = set()
        for lesson_id, path in self.sources.listed_lessons():
            if lesson_id in seen:
                self.course.checker.error(path, f"lesson '{lesson_id}' is listed twice", "duplicate")
                continue
            seen.add(lesson_id)
            if lesson_id not in lessons:
                where = f"{self.project.content_dir}/{lesson_id}.yml"
                self.course.checker.error(
                    path,
                    f"lesson '{lesson_id}' not found: there is no file {where}{suggest(lesson_id, list(lessons))}",
                    "missing-lesson",
                )
                continue
            ordered.append(lessons[lesson_id])
        for stem, loaded in lessons.items():
            if stem not in seen and loaded.doc is not None:
                loaded.checker.warn(
                    (),
                    f"this lesson is not in the course: add '{stem}' to `lessons` in "
                    f"{self.project.display(self.project.course_file)}",
                    "unlisted-lesson",
                )
        return ordered

    def final_quiz(self) -> str | None:
        final_id = self.course.raw_text("final_quiz")
        if final_id is None:
            return None
        checker, quizzes = self.course.checker, self.sources.quizzes
        if final_id in self.sources.scenarios:
            checker.error(
                ("final_quiz",),
                f"'{final_id}' is a role-play (`kind: scenario`), not a quiz; list it under `scenarios:` in a lesson",
                "not-a-quiz",
            )
        elif final_id not in quizzes:
            checker.error(
                ("final_quiz",),
                f"quiz '{final_id}' not found: there is no file "
                f"{self.project.quizzes_dir}/{final_id}.yml"
                f"{suggest(final_id, list(quizzes))}",
                "missing-quiz",
            )
        else:
            self.quiz_owner[final_id] = "the course's final quiz"
        if final_id in self.sources.lessons:
            checker.error(
                ("final_quiz",),
                f"the final quiz id '{final_id}' is also a lesson id; pages need different ids",
                "id-clash",
            )
        return final_id

    def lesson_quiz(self, loaded: SourceFile) -> None:
        quiz_id = loaded.raw_text("quiz")
        if quiz_id is None:
            return
        checker, quizzes = loaded.checker, self.sources.quizzes
        if quiz_id in self.sources.scenarios:
            checker.error(
                ("quiz",),
                f"'{quiz_id}' is a role-play (`kind: scenario`), not a quiz; list it under `scenarios:` instead",
                "not-a-quiz",
            )
        elif quiz_id not in quizzes:
            checker.error(
                ("quiz",),
                f"quiz '{quiz_id}' not found: there is no file {self.project.quizzes_dir}/"
                f"{quiz_id}.yml{suggest(quiz_id, list(quizzes))}",
                "missing-quiz",
            )
        elif quiz_id in self.quiz_owner:
            checker.error(
                ("quiz",),
                f"quiz '{quiz_id}' is already used by {self.quiz_owner[quiz_id]}; each quiz belongs to one lesson",
                "quiz-reused",
            )
        else:
            self.quiz_owner[quiz_id] = f"lesson '{loaded.stem}'"
            self.objectives(quizzes[quiz_id], {loaded.stem: loaded}, final=False)

    def objectives(self, quiz: SourceFile, lessons: dict[str, SourceFile], *, final: bool) -> None:
        """Every question must assess an objective of the lesson(s) the quiz belongs to."""
        for index in range(len(quiz.raw_list("questions"))):
            ref = quiz.raw_text("questions", index, "objective")
            if ref is None:
                continue
            path = ("questions", index, "objective")
            if final:
                match = _FINAL_OBJECTIVE.match(ref)
                if not match:
                    quiz.checker.error(
                        path,
                        f"'{ref}' should name a lesson and one of its objectives, like "
                        "'lesson-id/objective-id', because this is the final quiz",
                        "objective",
                    )
                    continue
                lesson_id, objective_id = match.groups()
                if lesson_id not in lessons:
                    quiz.checker.error(
                        path,
                        f"'{ref}' names lesson '{lesson_id}', which is not in the course"
                        f"{suggest(lesson_id, list(lessons))}",
                        "objective",
                    )
                    continue
            else:
                lesson_id, objective_id = next(iter(lessons)), ref
            lesson = lessons[lesson_id]
            objective_ids = [
                i
                for i in (lesson.raw_text("objectives", n, "id") for n in range(len(lesson.raw_list("objectives"))))
                if i is not None
            ]
            if objective_id not in objective_ids:
                listing = suggest(objective_id, objective_ids) or (
                    "; its objectives are: " + ", ".join(objective_ids) if objective_ids else ""
                )
                quiz.checker.error(
                    path, f"'{objective_id}' is not an objective of lesson '{lesson_id}'{listing}", "objective"
                )

    def scenarios(self, ordered: list[SourceFile]) -> None:
        """Each lesson's `scenarios:` names role-plays in quizzes/, each used by one lesson."""
        quizzes, scenarios = self.sources.quizzes, self.sources.scenarios
        owner: dict[str, str] = {}
        for loaded in ordered:
            listed = loaded.raw("scenarios")
            if not isinstance(listed, list):
                continue
            checker = loaded.checker
            listed_ids = [loaded.raw_text("scenarios", index) for index in range(len(listed))]
            checker.report_repeats(
                listed_ids,
                lambda i: ("scenarios", i),
                lambda value, first: f"role-play '{value}' is listed twice in this lesson (also scenarios[{first}])",
            )
            for index, scenario_id in enumerate(listed_ids):
                path = ("scenarios", index)
                if scenario_id is None or listed_ids.index(scenario_id) != index:
                    continue  # repeats are reported above
                if scenario_id in quizzes and quizzes[scenario_id].doc is None:
                    continue  # the file could not be read (its problem is reported there): quiz or role-play?
                if scenario_id in quizzes:
                    checker.error(
                        path,
                        f"'{scenario_id}' is a quiz, not a role-play; link it with "
                        f"`quiz: {scenario_id}`, or add `kind: scenario` to its file",
                        "not-a-scenario",
                    )
                elif scenario_id not in scenarios:
                    checker.error(
                        path,
                        f"role-play '{scenario_id}' not found: there is no file "
                        f"{self.project.quizzes_dir}/{scenario_id}.yml"
                        f"{suggest(scenario_id, list(scenarios))}",
                        "missing-scenario",
                    )
                elif scenario_id in owner:
                    checker.error(
                        path,
                        f"role-play '{scenario_id}' is already used by {owner[scenario_id]}; "
                        "each role-play belongs to one lesson",
                        "scenario-reused",
                    )
                else:
                    owner[scenario_id] = f"lesson '{loaded.stem}'"
        _warn_unused(
            scenarios,
            owner,
            lambda stem: f"role-play '{stem}' is not used: no lesson lists it under `scenarios:`",
            "unused-scenario",
        )


def _warn_unused(files: dict[str, SourceFile], owner: dict[str, str], message: Callable[[str], str], code: str) -> None:
    """A warning at the top of each readable file that nothing refers to (`owner` maps the ones used)."""
    for stem, loaded in files.items():
        if stem not in owner and loaded.doc is not None:
            loaded.checker.warn((), message(stem), code)


def _check_markdown(sources: Sources) -> None:
    """Markdown fields too large to convert in bounded time (errors), then, if the course has no
    errors, a warning at the field for each piece of HTML the sanitiser removes from it."""
    fields: list[tuple[Checker, DataPath, str, str]] = []
    too_large = False
    for loaded in sources.files():
        if loaded.doc is None or loaded.record is None:
            continue
        total = 0
        for path, kind, text in markdown_fields(loaded.record, loaded.doc.data):
            total += markup_count(text)
            problem = limit_problem(text)
            if problem is not None:
                loaded.checker.error(path, problem, "too-large")
                too_large = True
            else:
                fields.append((loaded.checker, path, kind, text))
        if total > MAX_FILE_MARKUP:
            loaded.checker.error(
                (),
                f"the Markdown text of this file holds {total:,} '[' and '<' characters; the "
                f"limit is {MAX_FILE_MARKUP:,} per file (split it into several lessons or "
                "quizzes)",
                "too-large",
            )
            too_large = True
    if too_large or any(has_errors(loaded.checker.problems) for loaded in sources.files()):
        return
    converter = MarkdownText(sources.project.allowed_embed_hosts)
    for checker, path, kind, text in fields:
        for removal in converter.removals(text, kind):
            checker.warn(path, str(removal), "unsafe-html")


def _build_course(sources: Sources) -> Course:
    """Build the model from cleaned data; only called when no error was found."""
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
        lessons=tuple(_build_lesson(sources.lessons[lesson_id]) for lesson_id in lesson_ids),
        quizzes={
            quiz_id: _build_quiz(sources.quizzes[quiz_id], data["pass_mark"], data["language"]) for quiz_id in used
        },
        final_quiz_id=data["final_quiz"],
        modules=modules,
        scenarios={
            scenario_id: _build_scenario(sources.scenarios[scenario_id])
            for lesson in ordered
            for scenario_id in lesson["scenarios"]
        },
    )


def _located(loaded: SourceFile) -> tuple[Any, Document]:
    assert loaded.doc is not None  # the course is built only from files that loaded without errors
    return loaded.data, loaded.doc


def _build_scenario(loaded: SourceFile) -> Scenario:
    data, doc = _located(loaded)
    dimensions = tuple(data["dimensions"])
    nodes = {
        name: ScenarioNode(
            id=name,
            text=node["text"],
            origin=doc.location(("nodes", name)),
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
        origin=doc.location(),
    )


def _build_lesson(loaded: SourceFile) -> Lesson:
    data, doc = _located(loaded)
    return Lesson(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        duration_minutes=data["duration_minutes"],
        objectives=tuple(Objective(id=o["id"], text=o["text"]) for o in data["objectives"]),
        sections=tuple(
            Section(title=s["title"], kind=s["kind"], body=s["body"], origin=doc.location(("sections", i, "body")))
            for i, s in enumerate(data["sections"])
        ),
        key_points=tuple(data["key_points"] or ()),
        quiz_id=data["quiz"],
        origin=doc.location(),
        scenario_ids=tuple(data["scenarios"] or ()),
    )


def _build_quiz(loaded: SourceFile, course_pass_mark: int, language: str) -> Quiz:
    data, doc = _located(loaded)
    return Quiz(
        id=data["id"],
        title=data["title"],
        pass_mark=course_pass_mark if data["pass_mark"] is None else data["pass_mark"],
        shuffle=data["shuffle"],
        questions=tuple(_build_question(q, doc, i, language) for i, q in enumerate(data["questions"])),
        origin=doc.location(),
    )


def _build_question(q: dict[str, Any], doc: Document, index: int, language: str) -> QuestionBase:
    common = {
        "id": q["id"],
        "objective": q["objective"],
        "prompt": q["prompt"],
        "explanation": q["explanation"],
        "points": q["points"],
        "origin": doc.location(("questions", index)),
    }
    return QUESTION_TYPES[q["type"]].build(q, common, language=language)
