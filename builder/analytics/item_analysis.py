"""The item analysis: each quiz's attempts, and for each question its facility, its discrimination and how often
each option was chosen; each role-play's endings and average final scores.

Statements are taken one at a time (`ItemAnalysis.add`) and never kept: an attempt keeps only each question's
result and points, because the discrimination needs the rest of the attempt's score, which is known only once
every statement has been read (an LRS returns them newest first, learners interleaved)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..source.diagnostics import SourceLocation
from ..source.model import Course, Quiz, Scenario
from ..source.questions import QuestionBase, question_type
from .activity_ids import ActivityIds
from .flags import Flag, question_flags
from .responses import BLANK, CHOSEN_FROM_LIST, OptionCount, OptionLabels, option_labels, response_parts
from .statements import Answer, QuizResult, RolePlayChoice, read_statement

DISCRIMINATION_INDEX = (
    "the corrected point-biserial correlation between getting the question right and the score on the attempt's "
    "other questions (as a percentage of their points; the question itself is left out), from -1 to 1"
)


@dataclass(frozen=True, slots=True)
class QuestionStats:
    quiz: str
    id: str
    type: str
    location: SourceLocation
    attempts: int
    """Counted attempts at its quiz that showed it."""
    right: int
    discrimination: float | None
    """None when undefined: fewer than 2 attempts, or everyone right (or wrong), or the same rest score for all."""
    options: tuple[OptionCount, ...]
    """Choices and true/false in the course's order; other types most chosen first."""
    flags: tuple[Flag, ...]

    @property
    def facility(self) -> float | None:
        """The share of its attempts answered right, 0 to 1."""
        return self.right / self.attempts if self.attempts else None


@dataclass(frozen=True, slots=True)
class QuizStats:
    id: str
    title: str
    location: SourceLocation
    attempts: int
    mean_score: float | None
    """The average attempt's score in percent (points earned of the points of the questions it showed)."""
    passed: int
    """Counted attempts with a `passed` statement."""
    questions: tuple[QuestionStats, ...]


@dataclass(frozen=True, slots=True)
class RolePlayStats:
    id: str
    title: str
    location: SourceLocation
    plays: int
    """Plays that reached an ending."""
    endings: tuple[tuple[str, int], ...]
    """How often each ending was reached, the role-play's endings in its file's order (then any it lost since)."""
    mean_scores: tuple[tuple[str, float], ...]
    """Each dimension's average final score over the plays that reached an ending."""


@dataclass(frozen=True, slots=True)
class StatementTally:
    """What was read, so a trainer can tell an empty report from a wrong course IRI."""

    read: int = 0
    answers: int = 0
    quiz_results: int = 0
    role_play_choices: int = 0
    not_this_course: int = 0
    """Statements about other activities or with other verbs (the course's `completed`, another course)."""
    unknown: int = 0
    """About quizzes, questions or role-plays this course does not have (now): renamed or removed since."""
    later_attempts: int = 0
    """Answers and results of second and later attempts, left out without --all-attempts."""
    written: int = 0
    """Answers to written practice, which has no right answer to analyse."""


@dataclass(frozen=True, slots=True)
class CourseStats:
    title: str
    base: str
    all_attempts: bool
    statements: StatementTally
    quizzes: tuple[QuizStats, ...]
    role_plays: tuple[RolePlayStats, ...]


AttemptQuestions = dict[str, tuple[bool, float, float]]
"""One attempt's questions by id: (right, points earned, points)."""
AttemptKey = tuple[int, str, int | None]
"""(learner, quiz, attempt number)."""


@dataclass(slots=True)
class _RolePlayTally:
    endings: Counter[str] = field(default_factory=Counter)
    score_sums: dict[str, float] = field(default_factory=dict)


class ItemAnalysis:
    """Statements in, one at a time; `result()` gives the figures."""

    def __init__(self, course: Course, ids: ActivityIds, *, all_attempts: bool = False):
        self._course = course
        self._ids = ids
        self._all_attempts = all_attempts
        self._labels: dict[tuple[str, str], OptionLabels] = {
            (quiz.id, question.id): option_labels(question)
            for quiz in course.quizzes.values()
            for question in quiz.questions
            if question_type(question).scored
        }
        self._points = {
            (quiz.id, question.id): question.points for quiz in course.quizzes.values() for question in quiz.questions
        }
        self._learners: dict[str, int] = {}
        self._attempts: dict[AttemptKey, AttemptQuestions] = {}
        """Each counted attempt's questions: (right, points earned, points)."""
        self._options: dict[tuple[str, str], Counter[str]] = {key: Counter() for key in self._labels}
        self._typed_right: dict[tuple[str, str], set[str]] = {key: set() for key in self._labels}
        self._results: dict[str, Counter[bool]] = {quiz: Counter() for quiz in course.quizzes}
        self._role_plays: dict[str, _RolePlayTally] = {key: _RolePlayTally() for key in course.scenarios}
        self._tally: Counter[str] = Counter()

    def add_all(self, statements: Iterable[Mapping[str, Any]]) -> ItemAnalysis:
        for statement in statements:
            self.add(statement)
        return self

    def add(self, statement: Mapping[str, Any]) -> None:
        self._tally["read"] += 1
        record = read_statement(statement, self._ids)
        if isinstance(record, Answer):
            self._answer(record)
        elif isinstance(record, QuizResult):
            self._quiz_result(record)
        elif isinstance(record, RolePlayChoice):
            self._role_play_choice(record)
        else:
            self._tally["not_this_course"] += 1

    def _counted(self, attempt: int | None) -> bool:
        if self._all_attempts or attempt == 1:
            return True
        self._tally["later_attempts"] += 1
        return False

    def _answer(self, answer: Answer) -> None:
        key = (answer.quiz, answer.question)
        labels = self._labels.get(key)
        if labels is None:
            self._tally["written" if key in self._points else "unknown"] += 1  # written practice has no right answer
            return
        if not self._counted(answer.attempt):
            return
        self._tally["answers"] += 1
        points = self._points[key]
        earned = answer.points if answer.points is not None else (points if answer.success else 0)
        learner = self._learners.setdefault(answer.learner, len(self._learners))
        attempt = self._attempts.setdefault((learner, answer.quiz, answer.attempt), {})
        attempt[answer.question] = (answer.success, earned, answer.max_points if answer.max_points else points)
        parts = response_parts(labels.kind, answer.response)
        self._options[key].update(parts)
        if answer.success and labels.kind not in CHOSEN_FROM_LIST:
            self._typed_right[key].update(parts)

    def _quiz_result(self, result: QuizResult) -> None:
        if result.quiz not in self._results:
            self._tally["unknown"] += 1
        elif self._counted(result.attempt):
            self._tally["quiz_results"] += 1
            self._results[result.quiz][result.passed] += 1

    def _role_play_choice(self, choice: RolePlayChoice) -> None:
        tally = self._role_plays.get(choice.role_play)
        if tally is None:
            self._tally["unknown"] += 1
            return
        self._tally["role_play_choices"] += 1
        if choice.ending is not None:
            tally.endings[choice.ending] += 1
            for dimension, score in choice.scores.items():
                tally.score_sums[dimension] = tally.score_sums.get(dimension, 0.0) + score

    def result(self) -> CourseStats:
        by_quiz: dict[str, list[AttemptQuestions]] = {quiz: [] for quiz in self._course.quizzes}
        for (_, quiz, _), questions in self._attempts.items():
            by_quiz[quiz].append(questions)
        return CourseStats(
            title=self._course.title,
            base=self._ids.base,
            all_attempts=self._all_attempts,
            statements=StatementTally(**self._tally),
            quizzes=tuple(self._quiz_stats(quiz, by_quiz[quiz.id]) for quiz in _course_quizzes(self._course)),
            role_plays=tuple(
                self._role_play_stats(self._course.scenarios[key], tally) for key, tally in self._role_plays.items()
            ),
        )

    def _quiz_stats(self, quiz: Quiz, attempts: list[AttemptQuestions]) -> QuizStats:
        scores = [_percent(attempt) for attempt in attempts if _points(attempt) > 0]
        return QuizStats(
            id=quiz.id,
            title=quiz.title,
            location=quiz.origin,
            attempts=len(attempts),
            mean_score=sum(scores) / len(scores) if scores else None,
            passed=self._results[quiz.id][True],
            questions=tuple(
                self._question_stats(quiz, question, attempts)
                for question in quiz.questions
                if (quiz.id, question.id) in self._labels
            ),
        )

    def _question_stats(self, quiz: Quiz, question: QuestionBase, attempts: list[AttemptQuestions]) -> QuestionStats:
        correct: list[bool] = []
        rest: list[float] = []
        right = shown = 0
        for attempt in attempts:
            if question.id not in attempt:
                continue
            success, earned, points = attempt[question.id]
            shown += 1
            right += success
            rest_points = _points(attempt) - points
            if rest_points > 0:  # an attempt with no other scored question has no rest score to compare with
                correct.append(success)
                rest.append(100 * (_earned(attempt) - earned) / rest_points)
        labels = self._labels[(quiz.id, question.id)]
        options = _option_counts(
            labels, self._options[(quiz.id, question.id)], self._typed_right[(quiz.id, question.id)]
        )
        discrimination = point_biserial(correct, rest)
        return QuestionStats(
            quiz=quiz.id,
            id=question.id,
            type=question.type,
            location=question.origin,
            attempts=shown,
            right=right,
            discrimination=discrimination,
            options=options,
            flags=question_flags(
                attempts=shown,
                facility=right / shown if shown else None,
                discrimination=discrimination,
                options=options,
                kind=labels.kind,
            ),
        )

    def _role_play_stats(self, scenario: Scenario, tally: _RolePlayTally) -> RolePlayStats:
        plays = sum(tally.endings.values())
        endings = [node.id for node in scenario.endings]
        endings += sorted(set(tally.endings) - set(endings))
        dimensions = [*scenario.dimensions, *sorted(set(tally.score_sums) - set(scenario.dimensions))]
        return RolePlayStats(
            id=scenario.id,
            title=scenario.title,
            location=scenario.origin,
            plays=plays,
            endings=tuple((ending, tally.endings[ending]) for ending in endings),
            mean_scores=tuple((d, tally.score_sums.get(d, 0.0) / plays) for d in dimensions) if plays else (),
        )


def analyse(
    course: Course, ids: ActivityIds, statements: Iterable[Mapping[str, Any]], *, all_attempts: bool = False
) -> CourseStats:
    """The item analysis of a stream of statements."""
    return ItemAnalysis(course, ids, all_attempts=all_attempts).add_all(statements).result()


def point_biserial(correct: Sequence[bool], rest: Sequence[float]) -> float | None:
    """The correlation between right (1) or wrong (0) and the rest score over the same attempts; None when it is
    undefined (fewer than 2 attempts, or no variance in either)."""
    n = len(correct)
    if n < 2:
        return None
    mean_x = sum(correct) / n
    mean_y = math.fsum(rest) / n
    covariance = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(correct, rest, strict=True))
    spread_x = math.fsum((x - mean_x) ** 2 for x in correct)
    spread_y = math.fsum((y - mean_y) ** 2 for y in rest)
    if spread_x == 0 or spread_y <= 1e-12 * max(1.0, mean_y**2) * n:
        return None
    return max(-1.0, min(1.0, covariance / math.sqrt(spread_x * spread_y)))


def _option_counts(labels: OptionLabels, counts: Counter[str], typed_right: set[str]) -> tuple[OptionCount, ...]:
    if labels.kind in CHOSEN_FROM_LIST:
        listed = [name for name in labels.labels if labels.listed or counts[name]]
        unnamed = sorted(set(counts) - set(labels.labels) - {BLANK}, key=lambda name: -counts[name])
        shown = sorted(listed, key=lambda name: -counts[name]) if not labels.listed else listed
        return tuple(
            OptionCount(name, labels.labels.get(name, name), counts[name], name in labels.right)
            for name in [*shown, *unnamed, *([BLANK] if counts[BLANK] else [])]
        )
    return tuple(
        OptionCount(name, name, count, name in typed_right)
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )


def _course_quizzes(course: Course) -> list[Quiz]:
    """The lessons' quizzes in course order, then the final quiz, then any other."""
    ordered = [quiz.id for _, quiz in course.quizzes_in_order()]
    return [course.quizzes[quiz_id] for quiz_id in dict.fromkeys([*ordered, *course.quizzes])]


def _points(attempt: AttemptQuestions) -> float:
    return math.fsum(points for _, _, points in attempt.values())


def _earned(attempt: AttemptQuestions) -> float:
    return math.fsum(earned for _, earned, _ in attempt.values())


def _percent(attempt: AttemptQuestions) -> float:
    return 100 * _earned(attempt) / _points(attempt)
