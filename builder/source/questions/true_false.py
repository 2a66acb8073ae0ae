"""True/false: a statement the learner judges."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..schema import Boolean, Field
from .base import Choice, ChoiceControls, GiftAnswers, GiftWriter, Interaction, QuestionBase, QuestionType, Solution


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalse(QuestionBase):
    type: ClassVar[str] = "true_false"
    answer: bool


class TrueFalseType(QuestionType):
    name = "true_false"
    model = TrueFalse
    fields = (Field("answer", Boolean(), "Whether the statement is true.", required=True),)
    hint = "Is this statement true or false?"
    macro = "choices"
    encoding = "choice"

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {"correct": ["true" if question.answer else "false"]}

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        return response in key["correct"]

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> ChoiceControls:
        return ChoiceControls("radio", [Choice("true", "True"), Choice("false", "False")], markdown=False)

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        return {"tokens": ["false", "true"]}

    def interaction(self, question: Any) -> Interaction:
        return Interaction("true-false", (question.answer,), choices=2)

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        return GiftAnswers(head="TRUE" if question.answer else "FALSE")

    def solution(self, question: Any) -> Solution:
        return Solution("right_answer", ("true" if question.answer else "false",), markdown=False)


TRUE_FALSE = TrueFalseType()
