"""The validated course: frozen objects with no I/O and no knowledge of MkDocs (each question type's own
model is in builder/source/questions/)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from . import scenario_graph
from .diagnostics import SourceLocation
from .questions import QuestionBase as Question


@dataclass(frozen=True, slots=True, kw_only=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    title: str
    kind: str
    body: str
    origin: SourceLocation


@dataclass(frozen=True, slots=True, kw_only=True)
class Quiz:
    id: str
    title: str
    pass_mark: int
    """The effective pass mark: the quiz's own, or the course's."""
    shuffle: bool
    questions: tuple[Question, ...]
    """Each of a type in builder/source/questions/."""
    origin: SourceLocation
    draw: int | None = None
    """A question pool: how many questions each attempt shows, drawn from `questions`; None: all, every time."""
    draw_by_objective: tuple[tuple[str, int], ...] = ()
    """When the draw is per objective: (objective, how many), as written; `draw` is their sum."""
    attempts: int | None = None
    """How many attempts a learner may submit; None: as many as they like."""
    score: str = "best"
    """Which attempt counts: best | last."""
    review: str = "always"
    """When the learner sees marks and feedback: always | after_pass | after_last_attempt | never."""
    time_limit_minutes: int | None = None
    """A time limit from the learner's start; None: untimed."""
    time_extension: bool = True
    """Whether the learner may extend the limit once, by twice the limit (WCAG 2.2.1 Timing Adjustable)."""

    @property
    def is_exam(self) -> bool:
        """Whether the quiz is taken as an exam: limited attempts, marks held back or a time limit. An exam
        asks before it takes unanswered questions and locks submitted answers until the next attempt; a
        practice quiz lets the learner change an answer and check again at once."""
        return self.attempts is not None or self.review != "always" or self.time_limit_minutes is not None

    @property
    def scored_questions(self) -> tuple[Question, ...]:
        """The questions its score counts: all but written practice, which has no points."""
        return tuple(q for q in self.questions if q.points)


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioChoice:
    text: str
    next: str
    scores: tuple[int, ...]
    """One score per dimension of the role-play, in its order (0 where the trainer gave none)."""
    feedback: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScenarioNode:
    id: str
    text: str
    choices: tuple[ScenarioChoice, ...]
    """Empty at an ending."""
    origin: SourceLocation

    @property
    def is_ending(self) -> bool:
        return not self.choices


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    """A branching role-play: every path from `start` reaches an ending and none loops."""

    id: str
    title: str
    dimensions: tuple[str, ...]
    start: str
    nodes: Mapping[str, ScenarioNode]
    """In the order the file lists them."""
    origin: SourceLocation

    @property
    def endings(self) -> tuple[ScenarioNode, ...]:
        return tuple(node for node in self.nodes.values() if node.is_ending)

    @property
    def edges(self) -> dict[str, tuple[str, ...]]:
        return {node.id: tuple(choice.next for choice in node.choices) for node in self.nodes.values()}

    def longest_path(self) -> int:
        """The most decisions a learner can make on one path from the start to an ending."""
        return scenario_graph.score_range(self.start, self.edges, _one_step)[1]

    def score_ranges(self) -> tuple[tuple[int, int], ...]:
        """(lowest, highest) total each dimension can reach over a whole path, in dimension order."""
        edges = self.edges
        return tuple(
            scenario_graph.score_range(self.start, edges, self._score_of(d)) for d in range(len(self.dimensions))
        )

    def _score_of(self, dimension: int) -> Callable[[str, int], int]:
        """What a choice (the node's id and the choice's position) scores in one dimension."""
        return lambda node, index: self.nodes[node].choices[index].scores[dimension]


def _one_step(node: str, index: int) -> int:
    return 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Lesson:
    id: str
    title: str
    summary: str
    duration_minutes: int
    objectives: tuple[Objective, ...]
    sections: tuple[Section, ...]
    key_points: tuple[str, ...]
    quiz_id: str | None
    origin: SourceLocation
    scenario_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    title: str
    lesson_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Signatory:
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CertificateSettings:
    """How the printable certificate looks (course.yml's `certificate:`); every part is optional."""

    orientation: str = "landscape"
    """landscape | portrait: the paper size is the learner's (the print dialog), only the orientation is set."""
    issuer: str | None = None
    signatory: Signatory | None = None
    logo: str | None = None
    """Path from the content folder, which the site publishes as it is (so also the URL from the site root)."""
    signature: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Course:
    title: str
    description: str
    language: str
    pass_mark: int
    lessons: tuple[Lesson, ...]
    quizzes: Mapping[str, Quiz]
    final_quiz_id: str | None
    modules: tuple[Module, ...] = ()
    """Empty when the course lists its lessons without modules."""
    scenarios: Mapping[str, Scenario] = field(default_factory=dict)
    """Role-plays used by lessons, by id."""
    certificate: CertificateSettings = CertificateSettings()
    ui_text: Mapping[str, str | Mapping[str, str]] = field(default_factory=dict)
    """The course's own wording for interface messages, by key (course.yml's `ui_text`)."""

    def scenarios_for(self, lesson: Lesson) -> tuple[Scenario, ...]:
        return tuple(self.scenarios[scenario_id] for scenario_id in lesson.scenario_ids)

    def quiz_for(self, lesson: Lesson) -> Quiz | None:
        return self.quizzes[lesson.quiz_id] if lesson.quiz_id else None

    @property
    def final_quiz(self) -> Quiz | None:
        return self.quizzes[self.final_quiz_id] if self.final_quiz_id else None

    def quizzes_in_order(self) -> list[tuple[Lesson | None, Quiz]]:
        """Each lesson's quiz with its lesson, in course order, then the final quiz (with no lesson)."""
        found: list[tuple[Lesson | None, Quiz]] = [
            (lesson, self.quizzes[lesson.quiz_id]) for lesson in self.lessons if lesson.quiz_id
        ]
        return found + ([(None, self.final_quiz)] if self.final_quiz else [])

    @property
    def total_minutes(self) -> int:
        return sum(lesson.duration_minutes for lesson in self.lessons)
