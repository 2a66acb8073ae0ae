"""Short text: the learner types a word or short phrase; any accepted answer is right."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..schema import ONE_LINE, Field, ListOf
from .base import GiftAnswers, GiftWriter, QuestionBase, QuestionType, TextControls


def normalise_answer(text: str) -> str:
    """Short-text answers are compared ignoring case and surrounding or repeated spaces."""
    return " ".join(text.split()).lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortText(QuestionBase):
    type: ClassVar[str] = "short_text"
    accept: tuple[str, ...]


class ShortTextType(QuestionType):
    name = "short_text"
    model = ShortText
    fields = (
        Field(
            "accept",
            ListOf(ONE_LINE, 1, what="accepted answer"),
            "Accepted answers, compared ignoring case and extra spaces.",
            required=True,
        ),
    )
    hint = "Type a word or short phrase."
    macro = "text_input"
    encoding = "text"

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {"accept": sorted({normalise_answer(a) for a in question.accept})}

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not normalise_answer(str(response))

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        return normalise_answer(str(response)) in key["accept"]

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> TextControls:
        return TextControls()

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """`=answer` for each accepted answer (spaces collapsed; Moodle reads `*` as a wildcard: `\\*`)."""
        return GiftAnswers(
            answers=tuple("=" + writer.escape(" ".join(a.split()).replace("*", "\\*")) for a in question.accept)
        )


SHORT_TEXT = ShortTextType()
