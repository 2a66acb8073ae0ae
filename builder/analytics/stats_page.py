"""`course stats --format html`: one standalone page (no script, no request to any host) with a chart for each
figure and the same figures in tables. The charts' geometry is worked out here as typed views; the template
(templates/stats.html) only prints them as inline SVG."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..source.text import shorten
from .flags import MIN_ATTEMPTS_TO_FLAG
from .item_analysis import CourseStats, QuestionStats, QuizStats
from .report_wording import LEGEND, figure, headline, shown_options, statements_line

CHART_WIDTH = 320
"""SVG user units across; the charts scale to the page's width (375 px phones included)."""
LABEL_WIDTH = 112
VALUE_WIDTH = 40
ROW_HEIGHT = 22
BAR_HEIGHT = 14
TOP = 18
"""Room above the first bar for the axis labels."""
LABEL_CHARACTERS = 18


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    """Shortened to fit beside the bar; `title` has it whole."""
    title: str
    value: str
    x: float
    width: float
    y: float
    tone: str
    """right, wrong, neutral or negative: the bar's colour class."""


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True, slots=True)
class BarChart:
    title: str
    description: str
    caption: str
    """Shown above the chart."""
    height: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    zero_x: float | None
    """Where the zero line is drawn (discrimination)."""
    plot_left: float = LABEL_WIDTH
    plot_right: float = CHART_WIDTH - VALUE_WIDTH
    width: int = CHART_WIDTH
    label_x: float = LABEL_WIDTH - 4
    value_x: float = CHART_WIDTH - VALUE_WIDTH + 4
    bar_height: float = BAR_HEIGHT


@dataclass(frozen=True, slots=True)
class QuestionView:
    stats: QuestionStats
    facility: str
    discrimination: str
    options: BarChart
    flags: tuple[str, ...]
    """Each as `file:line:col: message`."""


@dataclass(frozen=True, slots=True)
class QuizView:
    stats: QuizStats
    summary: str
    facility: BarChart
    discrimination: BarChart
    questions: tuple[QuestionView, ...]
    few_attempts: str | None


_PLOT = CHART_WIDTH - VALUE_WIDTH - LABEL_WIDTH


def _height(rows: int) -> float:
    return TOP + rows * ROW_HEIGHT + 4


def _y(row: int) -> float:
    return TOP + row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2


def facility_chart(quiz: QuizStats) -> BarChart:
    bars = tuple(
        Bar(
            shorten(q.id, LABEL_CHARACTERS),
            q.id,
            figure(q.facility),
            LABEL_WIDTH,
            _PLOT * (q.facility or 0.0),
            _y(row),
            "neutral",
        )
        for row, q in enumerate(quiz.questions)
    )
    return BarChart(
        title=f"Facility of each question of {quiz.title}",
        description="The share of attempts that got each question right, from 0 to 1.",
        caption="Facility (0 to 1)",
        height=_height(len(bars)),
        bars=bars,
        ticks=tuple(Tick(LABEL_WIDTH + _PLOT * v, f"{v:g}") for v in (0, 0.5, 1)),
        zero_x=None,
    )


def discrimination_chart(quiz: QuizStats) -> BarChart:
    zero = LABEL_WIDTH + _PLOT / 2
    bars = []
    for row, q in enumerate(quiz.questions):
        value = q.discrimination or 0.0
        length = _PLOT / 2 * abs(value)
        bars.append(
            Bar(
                shorten(q.id, LABEL_CHARACTERS),
                q.id,
                figure(q.discrimination, signed=True),
                zero - length if value < 0 else zero,
                length,
                _y(row),
                "negative" if value < 0 else "neutral",
            )
        )
    return BarChart(
        title=f"Discrimination of each question of {quiz.title}",
        description="How well each question tells apart the learners who do well on the rest of the quiz, "
        "from -1 to 1; bars left of the zero line are negative.",
        caption="Discrimination (-1 to 1)",
        height=_height(len(bars)),
        bars=tuple(bars),
        ticks=tuple(Tick(zero + _PLOT / 2 * v, f"{v:g}") for v in (-1, 0, 1)),
        zero_x=zero,
    )


def options_chart(question: QuestionStats) -> BarChart:
    options = shown_options(question)
    most = max((o.count for o in options), default=0) or 1
    bars = tuple(
        Bar(
            shorten(o.label, LABEL_CHARACTERS),
            o.label + (" (right)" if o.right else ""),
            f"{o.count:,}",
            LABEL_WIDTH,
            _PLOT * o.count / most,
            _y(row),
            "right" if o.right else "wrong",
        )
        for row, o in enumerate(options)
    )
    return BarChart(
        title=f"How often each answer to {question.id} was chosen",
        description=f"Counts over {question.attempts:,} attempts; right answers are green.",
        caption="Answers chosen (right ones in green)",
        height=_height(len(bars)),
        bars=bars,
        ticks=(Tick(LABEL_WIDTH, "0"), Tick(LABEL_WIDTH + _PLOT, f"{most:,}")),
        zero_x=None,
    )


def quiz_view(quiz: QuizStats) -> QuizView:
    few = [q for q in quiz.questions if 0 < q.attempts < MIN_ATTEMPTS_TO_FLAG]
    score = f", mean score {quiz.mean_score:.0f}%" if quiz.mean_score is not None else ""
    return QuizView(
        stats=quiz,
        summary=f"{quiz.attempts:,} attempts{score}, {quiz.passed:,} passed",
        facility=facility_chart(quiz),
        discrimination=discrimination_chart(quiz),
        questions=tuple(
            QuestionView(
                q,
                figure(q.facility),
                figure(q.discrimination, signed=True),
                options_chart(q),
                tuple(f"{q.location}: {f.message}" for f in q.flags),
            )
            for q in quiz.questions
        ),
        few_attempts=(
            f"Too few attempts to flag (under {MIN_ATTEMPTS_TO_FLAG}): "
            + ", ".join(f"{q.id} ({q.attempts})" for q in few)
            if few
            else None
        ),
    )


def stats_page(stats: CourseStats) -> str:
    env = Environment(
        loader=PackageLoader("builder.analytics", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("stats.html").render(
        stats=stats,
        headline=headline(stats),
        statements=statements_line(stats),
        legend=LEGEND,
        quizzes=[quiz_view(quiz) for quiz in stats.quizzes],
    )
