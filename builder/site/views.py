"""What the page templates show, as typed views built from the model: templates only print them.

Each view is built once by the renderer (render.py); nothing in a template builds lists or decides
what a page links to.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..source.interface_text import Slot
from ..source.model import Lesson, Quiz, Scenario, ScenarioNode, Signatory
from ..source.questions import QuestionBase
from ..source.questions.base import Controls


@dataclass(frozen=True, slots=True)
class Link:
    """A link of a page's pager: the page folder it goes to (None: the home page), its title, and the words
    shown before it ("Previous lesson", "Next", "Back to")."""

    target: str | None
    title: str
    label: str


@dataclass(frozen=True, slots=True)
class Pager:
    """Previous and next links at the foot of a page; `label` names the navigation landmark."""

    label: str
    previous: Link
    next: Link


@dataclass(frozen=True, slots=True)
class ModuleView:
    """What the home, module, progress and certificate pages show of a module."""

    title: str
    target: str
    """Its overview page's folder: modules/<slug>."""
    lessons: list[Lesson]
    minutes: int
    quizzes: list[Quiz]
    pass_mark_text: str
    """"pass mark 80%" or "pass marks 70–90%" (empty without quizzes)."""
    group: str
    """Its quizzes for the progress script: "quiz-id:version:pass-mark ..." (see render.quiz_group)."""


@dataclass(frozen=True, slots=True)
class QuestionView:
    question: QuestionBase
    number: int
    hint: str
    """What the learner is asked to do (the question type's hint)."""
    paper_hint: str | None
    """The hint on paper when it differs (the question type's paper_hint)."""
    macro: str
    """The macro in templates/_questions.html that draws the controls."""
    prompt_inline: str | None
    """The prompt's HTML when it is one paragraph (it then goes in the legend), else None."""
    dom_id: str
    controls: Controls


@dataclass(frozen=True, slots=True)
class QuizView:
    quiz: Quiz
    version: str
    key: str
    """The answer key, encoded for the page (scoring.encode_key)."""
    questions: list[QuestionView]
    xapi: str = ""
    """With the `xapi` option, the quiz's and its questions' xAPI activities as JSON (site/xapi.py)."""


@dataclass(frozen=True, slots=True)
class ScenarioView:
    scenario: Scenario
    version: str
    dom_id: str
    nodes: list[ScenarioNode]
    """The start node first, then the others in the file's order."""
    numbers: dict[str, int]
    """Each step's number in that order (the start is 1): a printed role-play says "go to step N"."""
    lows: list[int]
    highs: list[int]
    """Each dimension's lowest and highest total over every path."""
    dimensions_text: str
    """"caring, competency and integrity"."""


@dataclass(frozen=True, slots=True)
class ScenarioRow:
    """A row of the progress page's role-play table."""

    lesson: Lesson
    view: ScenarioView


@dataclass(frozen=True, slots=True)
class Requirement:
    """A quiz the certificate asks for: the quiz, where it is ("Final quiz" or the lesson's title) and its page."""

    quiz: Quiz
    where: str
    page: str


@dataclass(frozen=True, slots=True)
class CertificateView:
    """How the certificate sheet is drawn: its orientation, how densely its rows are set (so that it prints on
    one sheet), the course version and the optional issuer, signatory and images (URLs from the page)."""

    orientation: str
    """landscape | portrait."""
    density: str
    """normal | compact | columns-2 | columns-3 | columns-4: chosen from the number of rows for the orientation
    (render.certificate_density)."""
    rows: int
    statement: tuple[Slot | tuple[str | Slot, ...], ...]
    """The sentence under the title, in lines (render.certificate_statement): the `name` and `course` slots
    each alone, and the words between them with the `date` slot among them."""
    version: str
    """scoring.course_version: which edition of the course was passed."""
    issuer: str | None
    signatory: Signatory | None
    logo: str | None
    signature: str | None
