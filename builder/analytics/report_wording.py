"""The words and figures every format of `course stats` shares: the headline, what was read, the legend, and how
a figure prints."""

from __future__ import annotations

from .flags import MIN_ATTEMPTS_TO_FLAG
from .item_analysis import DISCRIMINATION_INDEX, CourseStats, QuestionStats, QuizStats
from .responses import OptionCount

TOP_TYPED_ANSWERS = 10
"""The most typed answers (short text, numeric) shown per question in the text, Markdown and HTML reports."""


def headline(stats: CourseStats) -> str:
    which = "every attempt" if stats.all_attempts else "first attempts only (--all-attempts for every attempt)"
    return f"Item analysis of {stats.title} ({stats.base}): {which}."


def statements_line(stats: CourseStats) -> str:
    tally = stats.statements
    parts = [
        _counted(tally.answers, "answer"),
        _counted(tally.quiz_results, "quiz result"),
        _counted(tally.role_play_choices, "role-play choice"),
    ]
    if tally.later_attempts:
        parts.append(f"{tally.later_attempts:,} from later attempts left out")
    if tally.written:
        parts.append(f"{tally.written:,} written answers (practice, not analysed)")
    if tally.unknown:
        parts.append(f"{tally.unknown:,} about quizzes, questions or role-plays this course no longer has")
    if tally.not_this_course:
        parts.append(f"{tally.not_this_course:,} about other things (other verbs or activities)")
    return f"Read {_counted(tally.read, 'statement')}: " + ", ".join(parts) + "."


def _counted(n: int, noun: str) -> str:
    """`1 answer`, `12,345 answers`."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


LEGEND = (
    "Facility: the share of attempts that got the question right (0 to 1). "
    f"Discrimination: {DISCRIMINATION_INDEX}; 0.3 or more tells learners apart well, below 0.1 hardly at all. "
    f"Questions are flagged only from {MIN_ATTEMPTS_TO_FLAG} attempts."
)


def figure(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def few_attempts(quiz: QuizStats) -> list[QuestionStats]:
    """Questions with some attempts but too few to flag."""
    return [q for q in quiz.questions if 0 < q.attempts < MIN_ATTEMPTS_TO_FLAG]


def shown_options(question: QuestionStats) -> tuple[OptionCount, ...]:
    """Every option of a choice question; the most frequent typed answers of the others."""
    return question.options[:TOP_TYPED_ANSWERS] if question.type in ("short_text", "numeric") else question.options
