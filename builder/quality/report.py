"""`course report`: a trainer's summary of a course, lesson by lesson.

For each lesson: its words, the estimated minutes (reading at `words_per_minute` plus 30
seconds a question or role-play decision, as `course check` estimates them) beside the stated
`duration_minutes`, its questions by type, and each objective with the questions that assess
it; then each role-play with its nodes, endings and score ranges; then each quiz's assessment
profile: its questions by type and by objective, how many questions a learner may miss and still
pass, the share of true/false questions, and how many options are correct in each multiple-response
question. Shown as a plain-text table, as JSON (for scripts) or as Markdown (for a document or a
wiki).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from ..source.model import Course, Lesson, Quiz, Scenario
from ..source.questions import QUESTION_TYPES, MultipleChoice, QuestionBase, TrueFalse
from .metrics import assessing_questions, estimated_minutes, lesson_words, questions_may_miss
from .readability import WORDS_PER_MINUTE, reading_minutes


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
class QuizProfile:
    """What a quiz measures and how forgiving it is."""

    quiz: str
    lesson: str | None
    """The lesson whose quiz it is; None for the final quiz."""
    questions: int
    pass_mark: int
    may_miss: int
    """How many questions a learner may get wrong, whichever they are, and still pass."""
    true_false_percent: int
    """The share of true/false questions, in whole percent."""
    by_type: dict[str, int]
    by_objective: dict[str, int]
    """Questions by the objective they assess (lesson-id/objective-id in the final quiz)."""
    correct_options: dict[str, list[int]]
    """Each multiple-response question's correct and total options: {"payroll-customers": [3, 5]}."""
    draw: int | None = None
    """A question pool's draw: how many questions each attempt shows (of `questions`)."""
    draw_by_objective: dict[str, int] | None = None
    attempts: int | None = None
    score: str = "best"
    review: str = "always"


@dataclass(frozen=True)
class CourseReport:
    title: str
    lessons: list[LessonRow]
    final_quiz: str | None
    final_questions: dict[str, int]
    words_per_minute: int
    scenarios: list[ScenarioRow]
    assessments: list[QuizProfile]

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
        assessments=[
            *(_profile(quiz, lesson.id) for lesson in course.lessons if (quiz := course.quiz_for(lesson))),
            *([_profile(final, None)] if final else []),
        ],
    )


def _profile(quiz: Quiz, lesson: str | None) -> QuizProfile:
    by_objective: dict[str, int] = {}
    for question in quiz.questions:
        by_objective[question.objective] = by_objective.get(question.objective, 0) + 1
    true_false = sum(isinstance(q, TrueFalse) for q in quiz.questions)
    return QuizProfile(
        quiz=quiz.id,
        lesson=lesson,
        questions=len(quiz.questions),
        pass_mark=quiz.pass_mark,
        may_miss=questions_may_miss(quiz),
        true_false_percent=round(100 * true_false / len(quiz.questions)) if quiz.questions else 0,
        by_type=_by_type(quiz.questions),
        by_objective=by_objective,
        correct_options={
            q.id: [sum(o.correct for o in q.options), len(q.options)]
            for q in quiz.questions
            if isinstance(q, MultipleChoice)
        },
        draw=quiz.draw,
        draw_by_objective=dict(quiz.draw_by_objective) or None,
        attempts=quiz.attempts,
        score=quiz.score,
        review=quiz.review,
    )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items()) or "none"


def _correct_options(profile: QuizProfile) -> str:
    return ", ".join(f"{qid} {right} of {total}" for qid, (right, total) in profile.correct_options.items()) or "none"


def _headline(profile: QuizProfile) -> str:
    """`10 questions, pass mark 80: may miss any 2; true/false 10%`."""
    room = f"may miss any {profile.may_miss}" if profile.may_miss else "every question must be right"
    share = profile.true_false_percent
    return f"{profile.questions} questions, pass mark {profile.pass_mark}: {room}; true/false {share}%"


def _settings(profile: QuizProfile) -> str:
    """How the quiz is taken: `pool: 5 of 12 each attempt; exam: 2 attempts, last counts, marks after the last`."""
    parts = []
    if profile.draw is not None:
        per = profile.draw_by_objective
        parts.append(
            f"pool: {profile.draw} of {profile.questions} each attempt"
            + (f" ({', '.join(f'{o} {n} of {profile.by_objective.get(o, 0)}' for o, n in per.items())})" if per else "")
        )
    exam = []
    if profile.attempts is not None:
        exam.append(f"{profile.attempts} attempt{'s' if profile.attempts != 1 else ''}")
    if profile.score == "last":
        exam.append("last counts")
    if profile.review != "always":
        exam.append(f"marks {_REVIEW_WORDS[profile.review]}")
    if exam:
        parts.append("exam: " + ", ".join(exam))
    return "; ".join(parts) or "practice (every question, unlimited attempts, marks at once)"


_REVIEW_WORDS = {"after_pass": "once passed", "after_last_attempt": "after the last attempt", "never": "never shown"}


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


_types = _counts


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
    if report.assessments:
        out += ["", f"Assessment profile ({_MAY_MISS}):"]
        for profile in report.assessments:
            whose = f"lesson {profile.lesson}" if profile.lesson else "final quiz"
            out += [
                f"  {profile.quiz} ({whose}): {_headline(profile)}",
                f"    by type: {_counts(profile.by_type)}",
                f"    by objective: {_counts(profile.by_objective)}",
                f"    correct options in multiple-response questions: {_correct_options(profile)}",
                f"    taken as: {_settings(profile)}",
            ]
        out.append(f"  all quizzes: {_true_false_share(report)}")
    out.append("")
    out.append(f"Estimates: {_ESTIMATES.format(report.words_per_minute)}")
    return "\n".join(out)


def _true_false_share(report: CourseReport) -> str:
    questions = sum(p.questions for p in report.assessments)
    true_false = sum(p.by_type.get("true_false", 0) for p in report.assessments)
    share = round(100 * true_false / questions) if questions else 0
    return f"{questions} questions, {true_false} true/false ({share}%)"


_MAY_MISS = '"may miss any 2": a learner who gets any 2 questions wrong still reaches the pass mark'


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
    if report.assessments:
        out += [
            "",
            "## Assessment profile",
            "",
            "May miss: how many questions a learner can get wrong, whichever they are, and still pass.",
            "",
            "| Quiz | Questions | Pass mark | May miss | True/false | By type | By objective | Correct options "
            "(multiple response) | Taken as |",
            "|---|--:|--:|--:|--:|---|---|---|---|",
        ]
        out += [
            f"| `{p.quiz}` | {p.questions} | {p.pass_mark} | {p.may_miss} | {p.true_false_percent}% | "
            f"{_counts(p.by_type)} | {_cell(_counts(p.by_objective))} | {_cell(_correct_options(p))} | "
            f"{_cell(_settings(p))} |"
            for p in report.assessments
        ]
        out += ["", f"All quizzes: {_true_false_share(report)}."]
    out += ["", f"Estimates: {_ESTIMATES.format(report.words_per_minute)}"]
    return "\n".join(out)


def render_report(report: CourseReport, fmt: str) -> str:
    """The report as text, json or markdown (`course report --format`, builder/commands.py)."""
    return {"text": format_text, "json": format_json, "markdown": format_markdown}[fmt](report)
