"""`course report`: a trainer's summary of a course, lesson by lesson.

For each lesson: its words, the estimated minutes (reading at `words_per_minute` plus 30
seconds a question or role-play decision, as `course check` estimates them) beside the stated
`duration_minutes`, its questions by type, and each objective with the questions that assess
it; then each role-play with its nodes, endings and score ranges. Shown as a plain-text
table, as JSON (for scripts) or as Markdown (for a document or a wiki).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from ..source.model import Course, Lesson, Scenario
from ..source.questions import QUESTION_TYPES, QuestionBase
from .metrics import assessing_questions, estimated_minutes, lesson_words
from .readability import WORDS_PER_MINUTE, reading_minutes

FORMATS = ("text", "json", "markdown")
"""What `course report --format` can print."""


@dataclass(frozen=True)
class ObjectiveRow:
    id: str
    text: str
    assessed_by: list[str]
    """Questions that assess it, as quiz-id/question-id (the lesson's quiz, then the final quiz)."""


@dataclass(frozen=True)
class LessonRow:
    id: str
    title: str
    words: int
    estimated_minutes: float
    stated_minutes: int
    quiz: str | None
    questions: dict[str, int]
    """Question count by type, in the format's order; types with no question are left out."""
    objectives: list[ObjectiveRow]


@dataclass(frozen=True)
class ScenarioRow:
    id: str
    title: str
    lesson: str
    nodes: int
    endings: int
    longest_path: int
    """The most decisions on one path from the start to an ending."""
    scores: dict[str, list[int]]
    """Each dimension's lowest and highest total over every path: {"caring": [-3, 6], ...}."""


@dataclass(frozen=True)
class CourseReport:
    title: str
    lessons: list[LessonRow]
    final_quiz: str | None
    final_questions: dict[str, int]
    words_per_minute: int
    scenarios: list[ScenarioRow]

    @property
    def total_words(self) -> int:
        return sum(row.words for row in self.lessons)

    @property
    def total_estimated(self) -> float:
        return sum(row.estimated_minutes for row in self.lessons)

    @property
    def total_stated(self) -> int:
        return sum(row.stated_minutes for row in self.lessons)

    @property
    def final_estimated(self) -> float:
        return reading_minutes(0, sum(self.final_questions.values()))

    @property
    def total_questions(self) -> int:
        return sum(sum(row.questions.values()) for row in self.lessons) + sum(self.final_questions.values())

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            total_words=self.total_words,
            total_estimated_minutes=round(self.total_estimated, 1),
            total_stated_minutes=self.total_stated,
            total_questions=self.total_questions,
            final_estimated_minutes=round(self.final_estimated, 1) if self.final_quiz else None,
        )
        return data


def _by_type(questions: tuple[QuestionBase, ...]) -> dict[str, int]:
    counts = dict.fromkeys(QUESTION_TYPES, 0)
    for question in questions:
        counts[question.type] += 1
    return {kind: n for kind, n in counts.items() if n}


def course_report(course: Course, *, words_per_minute: int = WORDS_PER_MINUTE) -> CourseReport:
    """The report's rows: one per lesson, the final quiz's questions, and one per role-play."""
    assessing = assessing_questions(course)
    final = course.final_quiz
    return CourseReport(
        title=course.title,
        lessons=[_lesson_row(course, lesson, assessing, words_per_minute) for lesson in course.lessons],
        final_quiz=course.final_quiz_id,
        final_questions=_by_type(final.questions) if final else {},
        words_per_minute=words_per_minute,
        scenarios=[
            _scenario_row(scenario, lesson) for lesson in course.lessons for scenario in course.scenarios_for(lesson)
        ],
    )


def _scenario_row(scenario: Scenario, lesson: Lesson) -> ScenarioRow:
    return ScenarioRow(
        id=scenario.id,
        title=scenario.title,
        lesson=lesson.id,
        nodes=len(scenario.nodes),
        endings=len(scenario.endings),
        longest_path=scenario.longest_path(),
        scores={d: list(r) for d, r in zip(scenario.dimensions, scenario.score_ranges(), strict=True)},
    )


def _ranges(row: ScenarioRow) -> str:
    return ", ".join(f"{d} {low} to {high}" for d, (low, high) in row.scores.items())


def _lesson_row(
    course: Course, lesson: Lesson, assessing: dict[tuple[str, str], list[str]], words_per_minute: int
) -> LessonRow:
    quiz = course.quiz_for(lesson)
    return LessonRow(
        id=lesson.id,
        title=lesson.title,
        words=lesson_words(lesson),
        estimated_minutes=round(estimated_minutes(course, lesson, words_per_minute), 1),
        stated_minutes=lesson.duration_minutes,
        quiz=lesson.quiz_id,
        questions=_by_type(quiz.questions) if quiz else {},
        objectives=[ObjectiveRow(o.id, o.text, assessing.get((lesson.id, o.id), [])) for o in lesson.objectives],
    )


def _types(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items()) or "none"


def _assessed(row: ObjectiveRow) -> str:
    """`quiz: q1, q2; final: q9`, or NOT ASSESSED."""
    by_quiz: dict[str, list[str]] = {}
    for ref in row.assessed_by:
        quiz, _, question = ref.partition("/")
        by_quiz.setdefault(quiz, []).append(question)
    return "; ".join(f"{quiz}: {', '.join(ids)}" for quiz, ids in by_quiz.items()) or "NOT ASSESSED"


def _summary(report: CourseReport) -> str:
    final = f", final quiz '{report.final_quiz}'" if report.final_quiz else ""
    final_time = f"; the final quiz about {max(1, round(report.final_estimated))}" if report.final_quiz else ""
    return (
        f"{report.title}: {len(report.lessons)} lessons{final}, {report.total_questions} questions, "
        f"{report.total_words} words. The lessons take about {round(report.total_estimated)} minutes "
        f"(they state {report.total_stated}){final_time}."
    )


def format_text(report: CourseReport) -> str:
    """A plain-text table and lists, for the terminal."""
    header = ["lesson", "words", "est. min", "stated", "questions", "by type"]
    rows = [
        [
            row.id,
            str(row.words),
            f"{row.estimated_minutes:.1f}",
            str(row.stated_minutes),
            str(sum(row.questions.values())),
            _types(row.questions),
        ]
        for row in report.lessons
    ]
    if report.final_quiz:
        rows.append(
            [
                f"(final) {report.final_quiz}",
                "",
                "",
                "",
                str(sum(report.final_questions.values())),
                _types(report.final_questions),
            ]
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {1, 2, 3, 4}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [_summary(report), "", line(header), line(["-" * w for w in widths]), *map(line, rows), ""]
    out.append("Objectives and the questions that assess them:")
    for lesson in report.lessons:
        out.append(f"  {lesson.id} ({lesson.title})")
        width = max(len(o.id) for o in lesson.objectives)
        out.extend(f"    {o.id.ljust(width)}  {_assessed(o)}" for o in lesson.objectives)
    if report.scenarios:
        out += ["", "Role-plays (nodes, endings, most decisions on a path; each dimension's worst to best total):"]
        width = max(len(row.id) for row in report.scenarios)
        out += [
            f"  {row.id.ljust(width)}  in {row.lesson}: {row.nodes} nodes, {row.endings} endings, "
            f"up to {row.longest_path} decisions; {_ranges(row)}"
            for row in report.scenarios
        ]
    out.append("")
    out.append(f"Estimates: {_ESTIMATES.format(report.words_per_minute)}")
    return "\n".join(out)


_ESTIMATES = "words at {} a minute plus 30 seconds a question and a role-play decision (longest path)."


def format_json(report: CourseReport) -> str:
    """The report as JSON, for scripts."""
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(report: CourseReport) -> str:
    """The report as Markdown tables, for a document or a wiki."""
    out = [
        f"# {_cell(report.title)}",
        "",
        _summary(report),
        "",
        "| Lesson | Words | Est. minutes | Stated | Questions | By type |",
        "|---|--:|--:|--:|--:|---|",
    ]
    for row in report.lessons:
        out.append(
            f"| {_cell(row.title)} (`{row.id}`) | {row.words} | {row.estimated_minutes:.1f} | "
            f"{row.stated_minutes} | {sum(row.questions.values())} | {_types(row.questions)} |"
        )
    if report.final_quiz:
        out.append(
            f"| Final quiz (`{report.final_quiz}`) | | | | {sum(report.final_questions.values())} | "
            f"{_types(report.final_questions)} |"
        )
    for row in report.lessons:
        out += ["", f"## {_cell(row.title)}", "", "| Objective | Assessed by |", "|---|---|"]
        out += [f"| `{o.id}`: {_cell(o.text)} | {_cell(_assessed(o))} |" for o in row.objectives]
    if report.scenarios:
        out += [
            "",
            "## Role-plays",
            "",
            "| Role-play | Lesson | Nodes | Endings | Most decisions | Scores (worst to best) |",
            "|---|---|--:|--:|--:|---|",
        ]
        out += [
            f"| {_cell(row.title)} (`{row.id}`) | `{row.lesson}` | {row.nodes} | {row.endings} | "
            f"{row.longest_path} | {_cell(_ranges(row))} |"
            for row in report.scenarios
        ]
    out += ["", f"Estimates: {_ESTIMATES.format(report.words_per_minute)}"]
    return "\n".join(out)


def render_report(report: CourseReport, fmt: str) -> str:
    """The report in one of `FORMATS`."""
    return {"text": format_text, "json": format_json, "markdown": format_markdown}[fmt](report)
