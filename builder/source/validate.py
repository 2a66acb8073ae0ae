"""Turn a project's YAML files into a `Course`, collecting every problem on the way.

Three passes: the shape of each file (format.py), references between files
(lessons, quizzes, objectives), then a few consistency warnings. Nothing stops at
the first problem; the caller gets the course only when no error was found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import course_format as fmt
from .diagnostics import ContentError, Diagnostic, Severity, SourceLocation, has_errors, sort_diagnostics
from .loader import Document, load_document
from .markdown_text import MAX_FILE_MARKUP, MarkdownText, limit_problem, markup_count
from .model import (Course, Lesson, Matching, Module, MultipleChoice, Objective, Option, Ordering, Pair, Question,
                    Quiz, Scenario, ScenarioChoice, ScenarioNode, Section, ShortText, SingleChoice, TrueFalse)
from .project import Project
from .scenario_rules import check_scenario
from .schema import INVALID, Checker, Kind, ListOf, MapOf, Record, Text, Variants, format_path, suggest

RESERVED_PAGE_IDS = frozenset({"progress", "certificate", "modules", "assets", "search", "index", "404"})
"""Ids that would clash with pages and folders the builder itself creates."""


@dataclass(slots=True)
class _Loaded:
    """One checked file: its document, cleaned data (or INVALID) and checker."""

    file: Path
    doc: Document | None
    data: Any
    checker: Checker | None
    record: Record | None = None


_last_result: dict[tuple, tuple[Course | None, list[Diagnostic]]] = {}


def load_course(project: Project, *, allowed_embed_hosts: tuple[str, ...] = ()) -> tuple[Course | None,
                                                                                           list[Diagnostic]]:
    """Validate the whole project; returns the course (None if any error) and every diagnostic.

    The last result is reused while no source file has changed, so `course build` (which
    validates before starting MkDocs) and the plugin inside that build read the files once.
    `allowed_embed_hosts` (mkdocs.yml's `allow_embeds_from`) are the hosts whose iframes are kept.
    """
    files = [project.course_file, *project.lesson_files(), *project.quiz_files()]
    fingerprint = (project, tuple(allowed_embed_hosts), tuple((str(f), *_stat(f)) for f in files))
    if fingerprint in _last_result:
        course, problems = _last_result[fingerprint]
        return course, list(problems)
    result = _load_course(project, tuple(allowed_embed_hosts))
    _last_result.clear()
    _last_result[fingerprint] = result
    return result[0], list(result[1])


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def _load_course(project: Project, allowed_embed_hosts: tuple[str, ...] = ()) -> tuple[Course | None,
                                                                                     list[Diagnostic]]:
    problems: list[Diagnostic] = []
    course_path = project.display(project.course_file)
    if not project.course_file.is_file():
        problems.append(Diagnostic(_file_start(course_path),
                                   f"the course file is missing; create {course_path} with a title, a description "
                                   "and the list of lessons (or run `course init`)", "missing-file"))
        course_file = None
    else:
        course_file = _check_file(project, project.course_file, fmt.COURSE, problems)

    lessons = {f.stem: _check_file(project, f, fmt.LESSON, problems, _check_lesson) for f in project.lesson_files()}
    quizzes: dict[str, _Loaded] = {}
    scenarios: dict[str, _Loaded] = {}
    for f in project.quiz_files():
        loaded = _check_file(project, f, _quiz_or_scenario, problems)
        (scenarios if loaded.record is fmt.SCENARIO else quizzes)[f.stem] = loaded
    for loaded in (*lessons.values(), *quizzes.values(), *scenarios.values()):
        _check_id_matches_file(loaded, problems)

    if course_file is not None and course_file.data is not INVALID:
        _check_references(project, course_file, lessons, quizzes, problems, scenarios)
    for loaded in (course_file, *lessons.values(), *quizzes.values(), *scenarios.values()):
        if loaded is not None and loaded.checker is not None:
            problems.extend(loaded.checker.problems)
    problems.extend(_check_markdown(((course_file, fmt.COURSE), *((f, fmt.LESSON) for f in lessons.values()),
                                     *((f, f.record) for f in (*quizzes.values(), *scenarios.values()))),
                                    allowed_embed_hosts, problems))
    problems = sort_diagnostics(problems)
    if has_errors(problems) or course_file is None:
        return None, problems
    return _build_course(course_file.data, lessons, quizzes, scenarios), problems


def require_course(project: Project) -> tuple[Course, list[Diagnostic]]:
    """The course and its warnings, or a ContentError carrying every problem."""
    course, problems = load_course(project)
    if course is None:
        raise ContentError(problems)
    return course, problems


def _file_start(path: str) -> SourceLocation:
    return SourceLocation(path, 1, 1)


def _check_file(project: Project, file: Path, record, problems: list[Diagnostic], extra=None) -> _Loaded:
    """Load and check one file. `record` is the format, or a function of the raw data that returns
    (format, extra check) for files whose format depends on what they hold."""
    doc, load_problems = load_document(file, project.display(file))
    problems.extend(load_problems)
    if doc is None:
        return _Loaded(file, None, INVALID, None, None if callable(record) else record)
    if callable(record):
        record, extra = record(doc.data)
    checker = Checker(doc)
    data = record.check(doc.data, (), checker)
    if load_problems:  # e.g. a duplicate key: the data is not what the trainer meant
        data = INVALID
    if extra is not None and isinstance(doc.data, dict):
        extra(doc.data, checker)
    return _Loaded(file, doc, data, checker, record)


_QUIZ_WITH_SCENARIO_KEYS = replace(fmt.QUIZ, hints={key: " (a role-play needs `kind: scenario`)"
                                                    for key in ("start", "nodes", "dimensions")})
"""The quiz format, for a file without `kind: scenario` that holds a role-play's keys."""


def _quiz_or_scenario(raw: Any) -> tuple[Record, Any]:
    """A file in quizzes/ is a role-play when it says `kind: scenario`, else a quiz.

    A file with a misspelt `kind` (`scenaro`) that looks like a role-play (`nodes` or `start`, no
    `questions`) is checked as a role-play, so the misspelling is its one problem rather than a
    quiz's missing questions; a quiz that holds role-play keys is told about `kind: scenario`."""
    kind = raw.get("kind") if isinstance(raw, dict) else None
    kind = kind.strip() if isinstance(kind, str) else None
    looks_like_scenario = isinstance(raw, dict) and "questions" not in raw and ("nodes" in raw or "start" in raw)
    if kind == "scenario" or (kind is not None and kind not in fmt.FILE_KINDS and looks_like_scenario):
        return fmt.SCENARIO, _check_scenario_file
    return (_QUIZ_WITH_SCENARIO_KEYS if looks_like_scenario else fmt.QUIZ), _check_quiz


def _check_scenario_file(raw: dict, checker: Checker) -> None:
    _check_reserved_id(raw, checker)
    check_scenario(raw, checker)


def _check_id_matches_file(loaded: _Loaded, problems: list[Diagnostic]) -> None:
    if loaded.data is INVALID or loaded.doc is None:
        return
    if loaded.data["id"] != loaded.file.stem:
        problems.append(Diagnostic(loaded.doc.location(("id",)),
                                   f"id: '{loaded.data['id']}' does not match the file name '{loaded.file.name}'; "
                                   f"rename the file to {loaded.data['id']}{loaded.file.suffix} or set "
                                   f"`id: {loaded.file.stem}`", "id-mismatch"))
        loaded.data = INVALID


def _texts(items: list, key: str | None = None) -> list[str | None]:
    """The stripped text of each item (or of its `key`), None where it is not text."""
    values = [item.get(key) if key and isinstance(item, dict) else (None if key else item) for item in items]
    return [v.strip() if isinstance(v, str) and v.strip() else None for v in values]


def _raw_list(raw: dict, key: str) -> list:
    value = raw.get(key)
    return value if isinstance(value, list) else []


def _check_reserved_id(raw: dict, checker: Checker) -> None:
    page_id = raw.get("id")
    if isinstance(page_id, str) and page_id in RESERVED_PAGE_IDS:
        checker.error(("id",), f"'{page_id}' is reserved for a page the builder makes; choose another id",
                      "reserved-id")


def _check_lesson(raw: dict, checker: Checker) -> None:
    checker.report_repeats(_texts(_raw_list(raw, "objectives"), "id"), lambda i: ("objectives", i, "id"),
                           lambda value, _: f"objective id '{value}' is used twice in this lesson")
    _check_reserved_id(raw, checker)


def _check_quiz(raw: dict, checker: Checker) -> None:
    questions = _raw_list(raw, "questions")
    checker.report_repeats(_texts(questions, "id"), lambda i: ("questions", i, "id"),
                           lambda value, first: f"question id '{value}' is used twice in this quiz "
                                                f"(also questions[{first}])")
    for index, question in enumerate(questions):
        if isinstance(question, dict):
            _check_question(question, ("questions", index), checker)
    _check_reserved_id(raw, checker)


def _check_question(raw: dict, path: tuple, checker: Checker) -> None:
    kind = raw.get("type")
    if kind in ("single", "multiple"):
        options = _raw_list(raw, "options")
        correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
        if options and kind == "single" and correct != 1:
            found = "none" if correct == 0 else str(correct)
            checker.error(path + ("options",), "a single-choice question needs exactly one option with "
                          f"`correct: true`; found {found}"
                          + (" (use type: multiple for several right answers)" if correct > 1 else ""),
                          "correct-count")
        if options and kind == "multiple" and correct == 0:
            checker.error(path + ("options",), "a multiple-choice question needs at least one option with "
                          "`correct: true`; found none", "correct-count")
        checker.report_repeats(_texts(options, "text"), lambda i: path + ("options", i, "text"),
                               lambda value, first: f"option text '{value}' is used twice (also in option {first + 1})")
    elif kind == "ordering":
        checker.report_repeats(_texts(_raw_list(raw, "items")), lambda i: path + ("items", i),
                               lambda value, first: f"item '{value}' is used twice (also in item {first + 1})")
    elif kind == "matching":
        pairs = _raw_list(raw, "pairs")
        for side in ("left", "right"):
            checker.report_repeats(_texts(pairs, side), lambda i, side=side: path + ("pairs", i, side),
                                   lambda value, _, side=side: f"the {side} value '{value}' is used twice; "
                                                               "each must be different")


def _raw(loaded: _Loaded | None, *path: Any) -> Any:
    """A value from a file as written, even when other parts of the file are invalid."""
    value = loaded.doc.data if loaded is not None and loaded.doc is not None else None
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value


def _raw_text(loaded: _Loaded | None, *path: Any) -> str | None:
    value = _as_written(loaded, path, _raw(loaded, *path))
    return value.strip() if isinstance(value, str) and value.strip() else None


def _as_written(loaded: _Loaded | None, path: tuple, value: Any) -> Any:
    """A scalar as the trainer typed it (`quiz: 12`, `final_quiz: no`): the text the cleaned data keeps too."""
    if value is None or isinstance(value, (str, dict, list)) or loaded is None or loaded.doc is None:
        return value
    return loaded.doc.scalar_text.get(tuple(path), str(value))


def _listed_lessons(course_file: _Loaded) -> list[tuple[str, tuple]]:
    """Lesson ids as course.yml lists them (flat or in modules), each with the path it is written at."""
    found: list[tuple[str, tuple]] = []

    def collect(values: Any, path: tuple) -> None:
        for index, value in enumerate(values if isinstance(values, list) else []):
            value = _as_written(course_file, path + (index,), value)
            if isinstance(value, str) and value.strip():
                found.append((value.strip(), path + (index,)))

    collect(_raw(course_file, "lessons"), ("lessons",))
    modules = _raw(course_file, "modules")
    for index, module in enumerate(modules if isinstance(modules, list) else []):
        if isinstance(module, dict):
            collect(module.get("lessons"), ("modules", index, "lessons"))
    return found


def _check_references(project: Project, course_file: _Loaded, lessons: dict[str, _Loaded],
                      quizzes: dict[str, _Loaded], problems: list[Diagnostic],
                      scenarios: dict[str, _Loaded] | None = None) -> None:
    """Resolve references between files; each problem is reported where the reference is written.

    References are read from the files as written, so a typo elsewhere in a file does not
    hide a broken reference in it.
    """
    checker = course_file.checker
    assert checker is not None
    quiz_owner: dict[str, str] = {}
    listed = _listed_lessons(course_file)

    ordered: list[_Loaded] = []
    seen: set[str] = set()
    for lesson_id, path in listed:
        if lesson_id in seen:
            checker.error(path, f"lesson '{lesson_id}' is listed twice", "duplicate")
            continue
        seen.add(lesson_id)
        if lesson_id not in lessons:
            where = f"{project.content_dir}/{lesson_id}.yml"
            checker.error(path, f"lesson '{lesson_id}' not found: there is no file {where}"
                          f"{suggest(lesson_id, list(lessons))}", "missing-lesson")
            continue
        ordered.append(lessons[lesson_id])

    for stem, loaded in lessons.items():
        if stem not in seen and loaded.doc is not None:
            problems.append(Diagnostic(loaded.doc.location(), f"this lesson is not in the course: add '{stem}' to "
                                       f"`lessons` in {project.display(project.course_file)}", "unlisted-lesson",
                                       Severity.WARNING))

    scenarios = scenarios or {}
    final_id = _raw_text(course_file, "final_quiz")
    if final_id is not None:
        if final_id in scenarios:
            checker.error(("final_quiz",), f"'{final_id}' is a role-play (`kind: scenario`), not a quiz; list it "
                          "under `scenarios:` in a lesson", "not-a-quiz")
        elif final_id not in quizzes:
            checker.error(("final_quiz",), f"quiz '{final_id}' not found: there is no file "
                          f"{project.quizzes_dir}/{final_id}.yml{suggest(final_id, list(quizzes))}", "missing-quiz")
        else:
            quiz_owner[final_id] = "the course's final quiz"
        if final_id in lessons:
            checker.error(("final_quiz",), f"the final quiz id '{final_id}' is also a lesson id; pages need "
                          "different ids", "id-clash")

    for loaded in ordered:
        quiz_id = _raw_text(loaded, "quiz")
        if quiz_id is None or loaded.checker is None:
            continue
        if quiz_id in scenarios:
            loaded.checker.error(("quiz",), f"'{quiz_id}' is a role-play (`kind: scenario`), not a quiz; list it "
                                 f"under `scenarios:` instead", "not-a-quiz")
        elif quiz_id not in quizzes:
            loaded.checker.error(("quiz",), f"quiz '{quiz_id}' not found: there is no file "
                                 f"{project.quizzes_dir}/{quiz_id}.yml{suggest(quiz_id, list(quizzes))}",
                                 "missing-quiz")
        elif quiz_id in quiz_owner:
            loaded.checker.error(("quiz",), f"quiz '{quiz_id}' is already used by {quiz_owner[quiz_id]}; "
                                 "each quiz belongs to one lesson", "quiz-reused")
        else:
            quiz_owner[quiz_id] = f"lesson '{loaded.file.stem}'"
            _check_objectives(quizzes[quiz_id], {loaded.file.stem: loaded}, final=False)

    if final_id in quizzes and quiz_owner.get(final_id) == "the course's final quiz":
        _check_objectives(quizzes[final_id], {lo.file.stem: lo for lo in ordered}, final=True)

    _warn_unused(quizzes, quiz_owner, lambda stem: f"quiz '{stem}' is not used: no lesson has `quiz: {stem}` and "
                 "it is not the final quiz", "unused-quiz", problems)
    _check_scenario_references(project, ordered, quizzes, scenarios, problems)


def _check_scenario_references(project: Project, ordered: list[_Loaded], quizzes: dict[str, _Loaded],
                               scenarios: dict[str, _Loaded], problems: list[Diagnostic]) -> None:
    """Each lesson's `scenarios:` names role-plays in quizzes/, each used by one lesson."""
    owner: dict[str, str] = {}
    for loaded in ordered:
        listed = _raw(loaded, "scenarios")
        if loaded.checker is None or not isinstance(listed, list):
            continue
        listed_ids = [_raw_text(loaded, "scenarios", index) for index in range(len(listed))]
        loaded.checker.report_repeats(listed_ids, lambda i: ("scenarios", i),
                                      lambda value, first: f"role-play '{value}' is listed twice in this lesson "
                                                           f"(also scenarios[{first}])")
        for index, scenario_id in enumerate(listed_ids):
            path = ("scenarios", index)
            if scenario_id is None or listed_ids.index(scenario_id) != index:
                continue  # repeats are reported above
            if scenario_id in quizzes and quizzes[scenario_id].doc is None:
                continue  # the file could not be read (its problem is reported there): quiz or role-play is unknown
            if scenario_id in quizzes:
                loaded.checker.error(path, f"'{scenario_id}' is a quiz, not a role-play; link it with "
                                     f"`quiz: {scenario_id}`, or add `kind: scenario` to its file", "not-a-scenario")
            elif scenario_id not in scenarios:
                loaded.checker.error(path, f"role-play '{scenario_id}' not found: there is no file "
                                     f"{project.quizzes_dir}/{scenario_id}.yml{suggest(scenario_id, list(scenarios))}",
                                     "missing-scenario")
            elif scenario_id in owner:
                loaded.checker.error(path, f"role-play '{scenario_id}' is already used by {owner[scenario_id]}; "
                                     "each role-play belongs to one lesson", "scenario-reused")
            else:
                owner[scenario_id] = f"lesson '{loaded.file.stem}'"
    _warn_unused(scenarios, owner, lambda stem: f"role-play '{stem}' is not used: no lesson lists it under "
                 "`scenarios:`", "unused-scenario", problems)


def _warn_unused(files: dict[str, _Loaded], owner: dict[str, str], message, code: str,
                 problems: list[Diagnostic]) -> None:
    """A warning at the top of each readable file that nothing refers to (`owner` maps the ones used)."""
    for stem, loaded in files.items():
        if stem not in owner and loaded.doc is not None:
            problems.append(Diagnostic(loaded.doc.location(), message(stem), code, Severity.WARNING))


def _build_course(data: dict, lessons: dict[str, _Loaded], quizzes: dict[str, _Loaded],
                  scenarios: dict[str, _Loaded]) -> Course:
    """Build the model from cleaned data; only called when no error was found."""
    modules = tuple(Module(title=m["title"], lesson_ids=tuple(m["lessons"])) for m in data["modules"] or ())
    lesson_ids = [lesson_id for m in modules for lesson_id in m.lesson_ids] if modules else data["lessons"]
    ordered = [lessons[lesson_id].data for lesson_id in lesson_ids]
    used = [lesson["quiz"] for lesson in ordered if lesson["quiz"]]
    if data["final_quiz"]:
        used.append(data["final_quiz"])
    return Course(
        title=data["title"], description=data["description"], language=data["language"],
        pass_mark=data["pass_mark"],
        lessons=tuple(_build_lesson(lessons[lesson_id]) for lesson_id in lesson_ids),
        quizzes={quiz_id: _build_quiz(quizzes[quiz_id], data["pass_mark"]) for quiz_id in used},
        final_quiz_id=data["final_quiz"], modules=modules,
        scenarios={scenario_id: _build_scenario(scenarios[scenario_id])
                   for lesson in ordered for scenario_id in lesson["scenarios"]},
    )


def _build_scenario(loaded: _Loaded) -> Scenario:
    data, doc = loaded.data, loaded.doc
    dimensions = tuple(data["dimensions"])
    nodes = {
        name: ScenarioNode(id=name, text=node["text"], origin=doc.location(("nodes", name)), choices=tuple(
            ScenarioChoice(text=c["text"], next=c["next"], feedback=c["feedback"],
                           scores=tuple(c["scores"].get(d, 0) for d in dimensions))
            for c in node["choices"] or ()))
        for name, node in data["nodes"].items()
    }
    return Scenario(id=data["id"], title=data["title"], dimensions=dimensions, start=data["start"], nodes=nodes,
                    origin=doc.location())


def _build_lesson(loaded: _Loaded) -> Lesson:
    data, doc = loaded.data, loaded.doc
    return Lesson(
        id=data["id"], title=data["title"], summary=data["summary"], duration_minutes=data["duration_minutes"],
        objectives=tuple(Objective(id=o["id"], text=o["text"]) for o in data["objectives"]),
        sections=tuple(Section(title=s["title"], kind=s["kind"], body=s["body"],
                               origin=doc.location(("sections", i, "body")))
                       for i, s in enumerate(data["sections"])),
        key_points=tuple(data["key_points"] or ()), quiz_id=data["quiz"], origin=doc.location(),
        scenario_ids=tuple(data["scenarios"] or ()),
    )


def _build_quiz(loaded: _Loaded, course_pass_mark: int) -> Quiz:
    data, doc = loaded.data, loaded.doc
    return Quiz(
        id=data["id"], title=data["title"],
        pass_mark=course_pass_mark if data["pass_mark"] is None else data["pass_mark"],
        shuffle=data["shuffle"],
        questions=tuple(_build_question(q, doc.location(("questions", i))) for i, q in enumerate(data["questions"])),
        origin=doc.location(),
    )


def _build_question(q: dict, origin) -> Question:
    common = dict(id=q["id"], objective=q["objective"], prompt=q["prompt"], explanation=q["explanation"],
                  points=q["points"], origin=origin)
    kind = q["type"]
    if kind in ("single", "multiple"):
        options = tuple(Option(text=o["text"], correct=o["correct"], feedback=o["feedback"]) for o in q["options"])
        return (SingleChoice if kind == "single" else MultipleChoice)(options=options, **common)
    if kind == "true_false":
        return TrueFalse(answer=q["answer"], **common)
    if kind == "short_text":
        return ShortText(accept=tuple(q["accept"]), **common)
    if kind == "ordering":
        return Ordering(items=tuple(q["items"]), **common)
    return Matching(pairs=tuple(Pair(left=p["left"], right=p["right"]) for p in q["pairs"]), **common)


_FINAL_OBJECTIVE = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)$")


def _check_objectives(quiz: _Loaded, lessons: dict[str, _Loaded], *, final: bool) -> None:
    """Every question must assess an objective of the lesson(s) the quiz belongs to."""
    questions = _raw(quiz, "questions")
    if quiz.checker is None or not isinstance(questions, list):
        return
    for index in range(len(questions)):
        ref = _raw_text(quiz, "questions", index, "objective")
        if ref is None:
            continue
        path = ("questions", index, "objective")
        if final:
            match = _FINAL_OBJECTIVE.match(ref)
            if not match:
                quiz.checker.error(path, f"'{ref}' should name a lesson and one of its objectives, like "
                                   "'lesson-id/objective-id', because this is the final quiz", "objective")
                continue
            lesson_id, objective_id = match.groups()
            if lesson_id not in lessons:
                quiz.checker.error(path, f"'{ref}' names lesson '{lesson_id}', which is not in the course"
                                   f"{suggest(lesson_id, list(lessons))}", "objective")
                continue
        else:
            lesson_id, objective_id = next(iter(lessons)), ref
        objectives = _raw(lessons[lesson_id], "objectives")
        count = len(objectives) if isinstance(objectives, list) else 0
        objective_ids = [_raw_text(lessons[lesson_id], "objectives", i, "id") for i in range(count)]
        objective_ids = [objective for objective in objective_ids if objective is not None]
        if objective_id not in objective_ids:
            listing = suggest(objective_id, objective_ids) or (
                "; its objectives are: " + ", ".join(objective_ids) if objective_ids else "")
            quiz.checker.error(path, f"'{objective_id}' is not an objective of lesson '{lesson_id}'{listing}",
                               "objective")


def _check_markdown(files, allowed_embed_hosts: tuple[str, ...], problems: list[Diagnostic]) -> list[Diagnostic]:
    """Markdown fields too large to convert in bounded time (errors), then, if the course has no
    errors, a warning at the field for each piece of HTML the sanitiser removes from it."""
    found: list[Diagnostic] = []
    fields = []
    for loaded, record in files:
        if loaded is None or loaded.doc is None:
            continue
        doc, total = loaded.doc, 0
        for path, kind, text in _markdown_fields(record, doc.data, ()):
            total += markup_count(text)
            problem = limit_problem(text)
            if problem is not None:
                found.append(Diagnostic(doc.location(path), f"{format_path(path)}: {problem}", "too-large"))
            else:
                fields.append((doc, path, kind, text))
        if total > MAX_FILE_MARKUP:
            found.append(Diagnostic(doc.location(), f"the Markdown text of this file holds {total:,} '[' and '<' "
                                    f"characters; the limit is {MAX_FILE_MARKUP:,} per file (split it into "
                                    "several lessons or quizzes)", "too-large"))
    if found or has_errors(problems):
        return found
    converter = MarkdownText(allowed_embed_hosts)
    for doc, path, kind, text in fields:
        for removal in converter.removals(text, kind):
            found.append(Diagnostic(doc.location(path), f"{format_path(path)}: {removal}", "unsafe-html",
                                    Severity.WARNING))
    return found


def _markdown_fields(kind: Kind, value: Any, path: tuple):
    """(path, "inline" | "block", text) of every Markdown text in a file, following format.py."""
    if isinstance(kind, Text):
        if kind.markdown and isinstance(value, str):
            yield path, kind.markdown, value
    elif isinstance(kind, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _markdown_fields(kind.item, item, path + (index,))
    elif isinstance(kind, MapOf) and isinstance(value, dict):
        for name, item in value.items():
            yield from _markdown_fields(kind.item, item, path + (name,))
    elif isinstance(kind, (Record, Variants)) and isinstance(value, dict):
        if isinstance(kind, Variants):
            variant = value.get(kind.discriminator.name)
            fields = kind.fields_for(variant) if isinstance(variant, str) and variant in kind.variants else ()
        else:
            fields = kind.fields
        for field in fields:
            if field.name in value:
                yield from _markdown_fields(field.kind, value[field.name], path + (field.name,))
