"""Written practice: the learner writes a free-text answer, then compares it with the trainer's model answer
and ticks a self-check list. It is never scored, so it has no answer key and no points: it is left out of a
quiz's score, its version and the SCORM answers (the launch page keeps its text apart, within a budget).

Its controls are a text area and a "Compare" button (the `written` macro); assets/questions.js reads and
writes them, and assets/written.js reveals the model answer and saves the text and the ticks.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..diagnostics import Checker, DataPath
from ..schema import BLOCK, INLINE, Field, ListOf
from .base import Choice, GiftAnswers, GiftWriter, Interaction, QuestionBase, QuestionType, Solution, WrittenControls

MAX_CHECKLIST = 10
"""More items than a learner would tick honestly; a longer list belongs in the lesson."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Written(QuestionBase):
    type: ClassVar[str] = "written"
    model_answer: str
    checklist: tuple[str, ...] = ()


class WrittenType(QuestionType):
    name = "written"
    model = Written
    fields = (
        Field(
            "model_answer",
            BLOCK,
            "What a good answer could look like (Markdown), shown when the learner presses Compare.",
            required=True,
        ),
        Field(
            "checklist",
            ListOf(INLINE, 1, what="checklist item", max_items=MAX_CHECKLIST),
            f"Up to {MAX_CHECKLIST} short points (inline Markdown) the learner ticks to check their own answer.",
            default=(),
        ),
    )
    hint = "Write your answer, then compare it with a model answer."
    paper_hint = "Write your answer in the space below."
    macro = "written"
    encoding = "written"
    scored = False

    def rules(self, raw: dict[str, Any], path: DataPath, checker: Checker) -> None:
        if "points" in raw:
            checker.error(
                (*path, "points"),
                "a written question is never scored, so it has no points; remove `points`",
                "written-points",
                key=True,
            )
        if "explanation" in raw:
            checker.error(
                (*path, "explanation"),
                "a written question shows its `model_answer` when the learner compares; put what you would "
                "explain there (or in a `checklist` item) and remove `explanation`",
                "written-explanation",
                key=True,
            )

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        return Written(
            model_answer=data["model_answer"], checklist=tuple(data["checklist"] or ()), **{**common, "points": 0}
        )

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {}  # never in an answer key: nothing to score

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not (isinstance(response, str) and response.strip())

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        return False

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> WrittenControls:
        return WrittenControls(
            checklist=[Choice(str(i), text) for i, text in enumerate(question.checklist)], tag=checklist_tag(question)
        )

    def interaction(self, question: Any) -> Interaction:
        return Interaction("long-fill-in")

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """An essay (`{}`) whose general feedback (`####`) is the model answer and the checklist, so a teacher
        in Moodle sees them when grading and the learner after the attempt."""
        return GiftAnswers(answers=("####" + writer.block(model_answer_markdown(question)),))

    def solution(self, question: Any) -> Solution:
        return Solution(
            "model_answer",
            tuple(question.checklist),
            block=question.model_answer,
            lines_label="checklist_label" if question.checklist else None,
        )


def checklist_tag(question: Written) -> str:
    """A short hash of the checklist, saved with the ticks (assets/written.js) so that ticks are restored only
    against the checklist they were made on; the text is the learner's own and is always kept."""
    return hashlib.sha1("\0".join(question.checklist).encode()).hexdigest()[:6]


def model_answer_markdown(question: Written) -> str:
    """The model answer, then the checklist as a bulleted list (one Markdown text, for GIFT's one feedback)."""
    if not question.checklist:
        return question.model_answer
    items = "\n".join(f"- {item}" for item in question.checklist)
    return f"{question.model_answer.rstrip()}\n\n{items}\n"


WRITTEN = WrittenType()
