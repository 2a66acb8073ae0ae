"""Quality checks for `course check`: the weak spots a valid course can still have.

`course validate` says whether a course *can* be built; these checks say where it could be
better: objectives no question assesses, wrong options with no feedback, giveaway options,
lessons far longer or shorter than they say, hard prose, broken links. Each finding is a
warning with a short code (the `CHECKS` table) that a trainer can turn into a note or switch
off in mkdocs.yml:

    plugins:
      - course:
          checks:
            reading-level: info     # warn (the default) | info | ignore

The checks are pure functions of the validated model; the source files are read again only
to point each finding at its line and column.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping
from urllib.parse import unquote, urlsplit

from ..source.diagnostics import Diagnostic, Severity, SourceLocation, format_report, sort_diagnostics
from ..source.loader import Document, Path_, load_document
from ..source.markdown_text import MarkdownText
from ..source.model import Course, Lesson, MultipleChoice, Question, ShortText, SingleChoice, TrueFalse
from ..source.project import Project
from ..source.scenario_graph import dimensions_on_the_way
from .readability import WORDS_PER_MINUTE, readability, reading_minutes, word_count, words
from ..source.schema import format_path, suggest
from ..source.scoring import normalise_answer


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    summary: str
    """What the check finds, in one line."""


CHECKS: tuple[Check, ...] = (
    Check("unassessed-objective", "an objective that no question of the lesson's quiz or the final quiz assesses"),
    Check("lesson-without-quiz", "a lesson with no `quiz:`"),
    Check("objective-in-other-lesson", "a question whose objective belongs to another lesson (shown beside the "
                                       "error `course validate` gives)"),
    Check("missing-feedback", "a wrong option of a single or multiple choice question with no `feedback`"),
    Check("missing-explanation", "a question with no `explanation`"),
    Check("all-of-the-above", "an option such as \"all of the above\" or \"none of the above\""),
    Check("similar-options", "two options of a question that are the same or nearly the same"),
    Check("long-correct-option", "a single-choice question whose correct option is much longer than the others"),
    Check("colliding-answers", "two accepted answers of a short_text question that are the same once case and "
                               "spaces are ignored"),
    Check("same-true-false", "a quiz with three or more true/false questions that all have the same answer"),
    Check("duration-mismatch", "a lesson whose `duration_minutes` is less than half or more than twice the "
                               "estimated time"),
    Check("reading-level", "a section whose Flesch-Kincaid grade is above the course's `max_reading_grade`"),
    Check("broken-link", "a link to a page or file the site does not have"),
    Check("missing-image", "an image whose file is not in the content folder"),
    Check("one-dimension-ending", "a role-play ending reached only through choices that move a single dimension"),
)
CHECK_CODES: tuple[str, ...] = tuple(check.code for check in CHECKS)
LEVELS: tuple[str, ...] = ("warn", "info", "ignore")
"""warn: a warning (fails `course check --strict`); info: printed as a note only; ignore: not shown."""

DEFAULT_MAX_READING_GRADE = 10.0
"""Flesch-Kincaid grade above which a section is reported: plain workplace English for an
audience that reads comfortably at about grade 8."""
MIN_WORDS_FOR_READING_LEVEL = 40
"""Sections shorter than this are not scored: the formula is meaningless on a sentence or two."""
SIMILARITY = 0.9
SIMILARITY_MIN_LENGTH = 20
"""Two options are near-duplicates when, ignoring case, punctuation and the words a, an and the,
they are the same or (both at least 20 characters long, with the same numbers) at least 90%
alike by difflib's ratio: "12 minutes" and "15 minutes" are different answers, "Tell your
manager first" and "Tell you're manager first" are not. Word order counts ("Sam asked Dev")."""
LONG_OPTION_RATIO = 1.5
LONG_OPTION_MARGIN = 10
"""A correct option is "much longer" when it is 1.5 times the wrong options' average length and
at least 10 characters longer than the longest of them."""
SAME_TRUE_FALSE_MIN = 3
DURATION_FACTOR = 2.0
DURATION_MARGIN = 2.0
"""A lesson's stated duration is "far off" when the estimate is more than twice it or less than
half of it, and at least 2 minutes away."""


@dataclass(frozen=True)
class CheckSettings:
    levels: Mapping[str, str] = field(default_factory=dict)
    """Check code -> warn | info | ignore; codes not listed are warnings."""
    max_reading_grade: float = DEFAULT_MAX_READING_GRADE
    words_per_minute: int = WORDS_PER_MINUTE

    def level(self, code: str) -> str:
        return self.levels.get(code, "warn")


@dataclass(frozen=True)
class CheckResult:
    warnings: list[Diagnostic]
    notes: list[Diagnostic]
    """Findings whose check is set to `info`: shown, never counted as warnings."""


def apply_levels(findings: Iterable[Diagnostic], settings: CheckSettings) -> CheckResult:
    warnings, notes = [], []
    for finding in sort_diagnostics(findings):
        level = settings.level(finding.code)
        if level == "warn":
            warnings.append(finding)
        elif level == "info":
            notes.append(finding)
    return CheckResult(warnings, notes)


# -- running the checks --------------------------------------------------------------------------


class _Sources:
    """The project's YAML files, read again (once each) to place findings at a line and column."""

    def __init__(self, project: Project):
        self.project = project
        self._docs: dict[str, tuple[Document | None, str]] = {}

    def _load(self, display: str) -> tuple[Document | None, str]:
        if display not in self._docs:
            file = self.project.root / display
            doc, _ = load_document(file, display)
            try:
                text = file.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._docs[display] = (doc, text)
        return self._docs[display]

    def document(self, display: str) -> Document | None:
        return self._load(display)[0]

    def at(self, display: str, path: Path_ = (), *, key: bool = False) -> SourceLocation:
        doc = self.document(display)
        return doc.location(path, key=key) if doc is not None else SourceLocation(display, 1, 1)

    def find(self, display: str, path: Path_, needle: str) -> SourceLocation:
        """Where `needle` is written inside the value at `path` (for a link inside a long text)."""
        start = self.at(display, path)
        text = self._load(display)[1]
        lines = text.splitlines(keepends=True)
        if not needle or start.line > len(lines):
            return start
        offset = sum(len(line) for line in lines[:start.line - 1]) + start.col - 1
        found = text.find(needle, offset)
        if found < 0:
            return start
        line = text.count("\n", 0, found) + 1
        return SourceLocation(display, line, found - (text.rfind("\n", 0, found) + 1) + 1)


def run_checks(project: Project, course: Course, settings: CheckSettings = CheckSettings()) -> list[Diagnostic]:
    """Every finding of every check on a valid course, as warnings, sorted by file and line."""
    sources = _Sources(project)
    findings: list[Diagnostic] = []
    for check in _COURSE_CHECKS:
        findings.extend(check(course, sources, settings))
    return sort_diagnostics(findings)


def _warning(location: SourceLocation, path: Path_, message: str, code: str) -> Diagnostic:
    where = format_path(path)
    return Diagnostic(location, f"{where}: {message}" if where else message, code, Severity.WARNING)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


# -- objectives and quizzes ----------------------------------------------------------------------


def assessing_questions(course: Course) -> dict[tuple[str, str], list[str]]:
    """(lesson id, objective id) -> the questions that assess it, as quiz-id/question-id."""
    found: dict[tuple[str, str], list[str]] = {}
    for lesson in course.lessons:
        quiz = course.quiz_for(lesson)
        for question in quiz.questions if quiz else ():
            found.setdefault((lesson.id, question.objective), []).append(f"{quiz.id}/{question.id}")
    final = course.final_quiz
    for question in final.questions if final else ():
        lesson_id, _, objective_id = question.objective.partition("/")
        found.setdefault((lesson_id, objective_id), []).append(f"{final.id}/{question.id}")
    return found


def _check_objectives(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    assessing = assessing_questions(course)
    for lesson in course.lessons:
        file = lesson.origin.path
        if lesson.quiz_id is None:
            yield _warning(lesson.origin, (), f"lesson '{lesson.id}' has no quiz, so learners cannot check what "
                           f"they learned; add `quiz: {lesson.id}-check` and create the quiz with "
                           f"`course new quiz {lesson.id}-check`", "lesson-without-quiz")
        for index, objective in enumerate(lesson.objectives):
            if (lesson.id, objective.id) in assessing:
                continue
            where = f"quiz '{lesson.quiz_id}'" if lesson.quiz_id else "any quiz"
            also = " or the final quiz" if course.final_quiz_id else ""
            path = ("objectives", index, "id")
            yield _warning(sources.at(file, path), path, f"objective '{objective.id}' is not assessed: no question "
                           f"in {where}{also} has `objective: {objective.id}`", "unassessed-objective")


def _check_true_false(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    for quiz in course.quizzes.values():
        answers = [(i, q) for i, q in enumerate(quiz.questions) if isinstance(q, TrueFalse)]
        if len(answers) < SAME_TRUE_FALSE_MIN or len({q.answer for _, q in answers}) > 1:
            continue
        value = "true" if answers[0][1].answer else "false"
        index = answers[-1][0]
        path = ("questions", index, "answer")
        yield _warning(sources.at(quiz.origin.path, path), path, f"all {len(answers)} true/false questions of "
                       f"this quiz ({', '.join(q.id for _, q in answers)}) have `answer: {value}`, so learners can "
                       f"guess the pattern; make some statements {'false' if value == 'true' else 'true'}",
                       "same-true-false")


# -- questions -----------------------------------------------------------------------------------


def _check_questions(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    for quiz in course.quizzes.values():
        file = quiz.origin.path
        for index, question in enumerate(quiz.questions):
            path: Path_ = ("questions", index)
            if question.explanation is None:
                yield _warning(question.origin, path, f"question '{question.id}' has no explanation; add "
                               "`explanation:` so learners see why the answer is right", "missing-explanation")
            if isinstance(question, (SingleChoice, MultipleChoice)):
                yield from _check_options(question, file, path, sources)
            if isinstance(question, ShortText):
                yield from _check_accept(question, file, path, sources)


_OF_THE_ABOVE = re.compile(r"\b(?:all|none|both|neither)\s+(?:(?:of\s+)?the\s+above|of\s+these|of\s+them)\b",
                           re.IGNORECASE)


_ARTICLES = frozenset({"a", "an", "the"})


def _normalised_option(text: str) -> str:
    return " ".join(w for w in " ".join(words(text)).casefold().replace("’", "'").split() if w not in _ARTICLES)


def _likeness(a: str, b: str) -> str | None:
    """How alike two normalised options are: "the same as", "nearly the same as" or None."""
    if a == b:
        return "the same as"
    if min(len(a), len(b)) >= SIMILARITY_MIN_LENGTH and re.findall(r"\d+", a) == re.findall(r"\d+", b) \
            and difflib.SequenceMatcher(None, a, b).ratio() >= SIMILARITY:
        return "nearly the same as"
    return None


def _plain_length(text: str) -> int:
    return len(" ".join(words(text)))


def _check_options(question: SingleChoice | MultipleChoice, file: str, path: Path_,
                   sources: _Sources) -> Iterator[Diagnostic]:
    options = question.options
    for j, option in enumerate(options):
        option_path = (*path, "options", j)
        if not option.correct and option.feedback is None:
            yield _warning(sources.at(file, option_path), option_path, f"the wrong option '{_short(option.text)}' "
                           "has no feedback; add `feedback:` to say why it is wrong", "missing-feedback")
        match = _OF_THE_ABOVE.search(" ".join(words(option.text)))
        if match:
            text_path = (*option_path, "text")
            yield _warning(sources.at(file, text_path), text_path, f"'{_short(option.text)}' lets learners answer "
                           f"by elimination instead of knowledge; write a specific option instead"
                           + (" (type: multiple lets several options be right)" if question.type == "single" else ""),
                           "all-of-the-above")
    normalised = [_normalised_option(o.text) for o in options]
    for k in range(len(options)):
        for j in range(k):
            how = _likeness(normalised[j], normalised[k]) if normalised[j] and normalised[k] else None
            if how:
                text_path = (*path, "options", k, "text")
                yield _warning(sources.at(file, text_path), text_path, f"'{_short(options[k].text)}' is {how} option "
                               f"{j + 1} ('{_short(options[j].text)}'); make each option clearly different",
                               "similar-options")
                break
    if isinstance(question, SingleChoice):
        correct = next(i for i, o in enumerate(options) if o.correct)
        wrong = [_plain_length(o.text) for o in options if not o.correct]
        length = _plain_length(options[correct].text)
        average = sum(wrong) / len(wrong)
        if length >= LONG_OPTION_RATIO * average and length >= max(wrong) + LONG_OPTION_MARGIN:
            text_path = (*path, "options", correct, "text")
            yield _warning(sources.at(file, text_path), text_path, f"the correct option is {length} characters long, "
                           f"the wrong ones {round(average)} on average; learners pick the longest option as a "
                           "guess, so make the options a similar length", "long-correct-option")


def _check_accept(question: ShortText, file: str, path: Path_, sources: _Sources) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for k, answer in enumerate(question.accept):
        key = normalise_answer(answer)
        if key in seen:
            accept_path = (*path, "accept", k)
            yield _warning(sources.at(file, accept_path), accept_path, f"'{answer}' is the same answer as "
                           f"'{question.accept[seen[key]]}' once case and spaces are ignored; keep one of them",
                           "colliding-answers")
        else:
            seen[key] = k


# -- time and reading level ----------------------------------------------------------------------


def lesson_words(lesson: Lesson) -> int:
    """Words a learner reads in a lesson: its objectives, sections and key points."""
    return word_count(*(o.text for o in lesson.objectives), *(s.body for s in lesson.sections), *lesson.key_points)


def estimated_minutes(course: Course, lesson: Lesson, words_per_minute: int = WORDS_PER_MINUTE) -> float:
    """Reading time of the lesson plus 30 seconds for each question of its quiz and for each
    decision on the longest path through each of its role-plays."""
    quiz = course.quiz_for(lesson)
    timed = (len(quiz.questions) if quiz else 0) + role_play_decisions(course, lesson)
    return reading_minutes(lesson_words(lesson), timed, words_per_minute=words_per_minute)



def role_play_decisions(course: Course, lesson: Lesson) -> int:
    """The decisions on the longest path through each of the lesson's role-plays, added up."""
    return sum(scenario.longest_path() for scenario in course.scenarios_for(lesson))


def _check_duration(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    for lesson in course.lessons:
        estimate = estimated_minutes(course, lesson, settings.words_per_minute)
        stated = lesson.duration_minutes
        far = estimate > stated * DURATION_FACTOR or estimate < stated / DURATION_FACTOR
        if not far or abs(estimate - stated) < DURATION_MARGIN:
            continue
        quiz = course.quiz_for(lesson)
        questions = len(quiz.questions) if quiz else 0
        path = ("duration_minutes",)
        decisions = role_play_decisions(course, lesson)
        counted = count(questions, "question") + (f" and {count(decisions, 'role-play decision')}" if decisions else "")
        yield _warning(sources.at(lesson.origin.path, path), path, f"the lesson says {stated} minutes but takes "
                       f"about {max(1, round(estimate))} ({lesson_words(lesson)} words at {settings.words_per_minute} "
                       f"a minute, {counted} at 30 seconds); change `duration_minutes` or the lesson",
                       "duration-mismatch")


def _check_reading_level(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    if not course.language.lower().startswith("en"):
        return  # the Flesch-Kincaid formula is made for English
    for lesson in course.lessons:
        for index, section in enumerate(lesson.sections):
            score = readability(section.body)
            if score.words < MIN_WORDS_FOR_READING_LEVEL or score.grade <= settings.max_reading_grade:
                continue
            path = ("sections", index, "body")
            per_sentence = score.words / max(1, score.sentences)
            yield _warning(section.origin, path, f"'{_short(section.title)}' reads at grade {score.grade:.1f} "
                           f"(Flesch-Kincaid), above the {settings.max_reading_grade:g} this course aims for; "
                           f"use shorter sentences (now {per_sentence:.0f} words on average) and plainer words",
                           "reading-level")


# -- links and images ----------------------------------------------------------------------------


class _Targets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and ((tag == "a" and name == "href") or (tag == "img" and name == "src")):
                self.found.append((tag, value))


_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def _markdown_fields(course: Course, course_file: str) -> Iterator[tuple[str, Path_, str, str]]:
    """(file, path, text, "block" | "inline") of every Markdown value in the course."""
    yield course_file, ("description",), course.description, "block"
    for lesson in course.lessons:
        file = lesson.origin.path
        for i, objective in enumerate(lesson.objectives):
            yield file, ("objectives", i, "text"), objective.text, "inline"
        for i, section in enumerate(lesson.sections):
            yield file, ("sections", i, "body"), section.body, "block"
        for i, point in enumerate(lesson.key_points):
            yield file, ("key_points", i), point, "inline"
    for quiz in course.quizzes.values():
        for i, question in enumerate(quiz.questions):
            yield from _question_fields(quiz.origin.path, ("questions", i), question)
    for scenario in course.scenarios.values():
        for node in scenario.nodes.values():
            path = ("nodes", node.id)
            yield scenario.origin.path, (*path, "text"), node.text, "block"
            for j, choice in enumerate(node.choices):
                yield scenario.origin.path, (*path, "choices", j, "text"), choice.text, "inline"
                if choice.feedback:
                    yield scenario.origin.path, (*path, "choices", j, "feedback"), choice.feedback, "inline"


def _question_fields(file: str, path: Path_, question: Question) -> Iterator[tuple[str, Path_, str, str]]:
    yield file, (*path, "prompt"), question.prompt, "block"
    if question.explanation:
        yield file, (*path, "explanation"), question.explanation, "block"
    for j, option in enumerate(getattr(question, "options", ())):
        yield file, (*path, "options", j, "text"), option.text, "inline"
        if option.feedback:
            yield file, (*path, "options", j, "feedback"), option.feedback, "inline"
    for j, item in enumerate(getattr(question, "items", ())):
        yield file, (*path, "items", j), item, "inline"
    for j, pair in enumerate(getattr(question, "pairs", ())):
        yield file, (*path, "pairs", j, "left"), pair.left, "inline"
        yield file, (*path, "pairs", j, "right"), pair.right, "inline"


def _page_paths(course: Course) -> set[str]:
    """Site paths (without a trailing slash) of the pages the course generates."""
    pages = {""}
    pages.update(lesson.id for lesson in course.lessons)
    if course.final_quiz_id:
        pages.add(course.final_quiz_id)
    pages.update({"progress", "certificate"})
    return pages


def _resolves(target: str, pages: set[str], content: Path) -> bool:
    """Whether a site-relative path is a generated page or a file MkDocs publishes from the content folder."""
    path = target[:-len("index.html")] if target.endswith("index.html") else target
    path = path.strip("/")
    if path in pages:
        return True
    file = content / target
    if file.is_file():
        return file.suffix not in (".yml", ".yaml")  # course sources are never published
    return (content / f"{path}.md").is_file() or (content / path / "index.md").is_file()


def _check_links(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    converter = MarkdownText()
    pages = _page_paths(course)
    content = sources.project.content_path
    course_file = sources.project.display(sources.project.course_file)
    for file, path, text, kind in _markdown_fields(course, course_file):
        if "](" not in text and "<" not in text and "]:" not in text:
            continue
        parser = _Targets()
        parser.feed(converter.block(text) if kind == "block" else converter.inline(text))
        for tag, url in parser.found:
            if not url or _ABSOLUTE.match(url):
                continue  # web addresses, root paths and links within the page are not checked
            target = unquote(urlsplit(url).path)
            if not target:
                continue
            normal = posixpath.normpath(target) + ("/" if target.endswith("/") else "")
            normal = "" if normal in (".", "./") else normal
            outside = normal == ".." or normal.startswith("../")
            if not outside and _resolves(normal, pages, content):
                continue
            where = sources.find(file, path, url)
            if tag == "img":
                yield _warning(where, path, f"image '{url}' not found: there is no file "
                               f"{sources.project.content_dir}/{target} (images go in the content folder and "
                               "are linked relative to it)" if not outside else
                               f"image '{url}' is outside the site; put it in the content folder", "missing-image")
            else:
                yield _warning(where, path, _broken_link_message(url, target, outside, pages, sources), "broken-link")


def _broken_link_message(url: str, target: str, outside: bool, pages: set[str], sources: _Sources) -> str:
    if outside:
        return (f"link '{url}' points outside the site; links are relative to the site's home page, "
                "like 'lesson-id/'")
    hint = suggest(target.strip("/").removesuffix("index.html").strip("/"), sorted(p for p in pages if p))
    return (f"link '{url}' goes nowhere: it is not a page of the course nor a file in "
            f"{sources.project.content_dir}/{hint}")


# -- role-plays ----------------------------------------------------------------------------------


def _check_scenario_endings(course: Course, sources: _Sources, settings: CheckSettings) -> Iterator[Diagnostic]:
    """An ending every path to which moves one dimension only teaches that quality in isolation."""
    for scenario in course.scenarios.values():
        nodes = scenario.nodes

        def moves(node: str, index: int) -> frozenset[str]:
            scores = nodes[node].choices[index].scores
            return frozenset(d for d, score in zip(scenario.dimensions, scores) if score)

        on_the_way = dimensions_on_the_way(scenario.start, scenario.edges, moves)
        for ending in scenario.endings:
            moved = on_the_way.get(ending.id, set())
            if len(moved) == 1 and len(scenario.dimensions) > 1:
                (only,) = moved
                others = [d for d in scenario.dimensions if d != only]
                path = ("nodes", ending.id)
                yield _warning(sources.at(scenario.origin.path, path, key=True), path,
                               f"the ending '{ending.id}' can only be reached through choices that move {only}; "
                               f"let some choices on the way to it weigh {' or '.join(others)} too, so the ending "
                               "shows a trade-off", "one-dimension-ending")


_COURSE_CHECKS: tuple[Callable[[Course, _Sources, CheckSettings], Iterable[Diagnostic]], ...] = (
    _check_objectives, _check_questions, _check_true_false, _check_duration, _check_reading_level, _check_links,
    _check_scenario_endings,
)


# -- a check that also works on a course with errors ---------------------------------------------


def misplaced_objectives(project: Project) -> list[Diagnostic]:
    """Questions whose objective is not one of their lesson's but another lesson's.

    `course validate` reports these as errors ("not an objective of lesson ..."); this says where
    the objective really is, so it reads the files as written and works while the course has errors.
    """
    sources = _Sources(project)
    course_doc = sources.document(project.display(project.course_file))
    if course_doc is None or not isinstance(course_doc.data, dict):
        return []
    lesson_files = {f.stem: f for f in project.lesson_files()}
    quiz_files = {f.stem: f for f in project.quiz_files()}
    objectives: dict[str, list[str]] = {}
    lesson_quiz: dict[str, str] = {}
    for lesson_id in _raw_listed_lessons(course_doc.data):
        if lesson_id not in lesson_files:
            continue
        doc = sources.document(project.display(lesson_files[lesson_id]))
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        objectives[lesson_id] = [o["id"].strip() for o in data.get("objectives") or []
                                 if isinstance(o, dict) and isinstance(o.get("id"), str)]
        if isinstance(data.get("quiz"), str):
            lesson_quiz[data["quiz"].strip()] = lesson_id
    final = course_doc.data.get("final_quiz")
    findings: list[Diagnostic] = []
    for quiz_id, owner in [*lesson_quiz.items(), *([(final.strip(), None)] if isinstance(final, str) else [])]:
        if quiz_id not in quiz_files:
            continue
        doc = sources.document(project.display(quiz_files[quiz_id]))
        questions = doc.data.get("questions") if doc is not None and isinstance(doc.data, dict) else None
        for index, question in enumerate(questions if isinstance(questions, list) else []):
            ref = question.get("objective") if isinstance(question, dict) else None
            if not isinstance(ref, str):
                continue
            lesson_id, objective_id = (owner, ref.strip()) if owner else (ref.strip().partition("/")[::2])
            if lesson_id in objectives and objective_id in objectives[lesson_id]:
                continue
            others = [other for other, ids in objectives.items() if other != lesson_id and objective_id in ids]
            if not others:
                continue
            path = ("questions", index, "objective")
            fix = (f"move the question to the quiz of lesson '{others[0]}' or assess an objective of lesson "
                   f"'{lesson_id}'" if owner else f"write `objective: {others[0]}/{objective_id}`")
            findings.append(_warning(doc.location(path), path, f"'{objective_id}' is an objective of lesson "
                                     f"'{others[0]}', not of lesson '{lesson_id}'; {fix}",
                                     "objective-in-other-lesson"))
    return sort_diagnostics(findings)


def _raw_listed_lessons(data: dict[str, Any]) -> list[str]:
    lists = [data.get("lessons")] + [m.get("lessons") for m in data.get("modules") or [] if isinstance(m, dict)]
    return [item.strip() for values in lists if isinstance(values, list) for item in values
            if isinstance(item, str) and item.strip()]


# -- the report a trainer reads ------------------------------------------------------------------


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def format_check_report(errors: list[Diagnostic], warnings: list[Diagnostic], notes: list[Diagnostic]) -> str:
    """`course check`'s listing: the validator's errors, then warnings and notes, each ending with its code."""
    lines = format_report(errors).splitlines() if errors else []
    for title, label, found in (("warning", "warning", warnings), ("note", "info", notes)):
        if found:
            lines.append(f"{count(len(found), title)}:")
            lines.extend(f"  {d.location}: {label}: {d.message} [{d.code}]" for d in found)
    return "\n".join(lines)
