"""Matching: the learner picks the right value for each left-hand item."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..diagnostics import Checker, DataPath
from ..schema import INLINE, Field, ListOf, Record
from .base import (
    Choice,
    GiftAnswers,
    GiftWriter,
    MatchingControls,
    QuestionBase,
    QuestionType,
    choice_token,
    raw_list,
    shuffled_never_in_order,
    texts,
)

MIN_GIFT_PAIRS = 3
"""Moodle's matching questions need at least this many pairs."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    left: str
    right: str


PAIR = Record(
    what="pair",
    fields=(
        Field("left", INLINE, "The item the learner matches (shown as the label).", required=True),
        Field("right", INLINE, "Its match (offered in the drop-down).", required=True),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Matching(QuestionBase):
    type: ClassVar[str] = "matching"
    pairs: tuple[Pair, ...]


class MatchingType(QuestionType):
    name = "matching"
    model = Matching
    fields = (Field("pairs", ListOf(PAIR, 2, what="pair"), "Pairs of matching items.", required=True),)
    hint = "Choose the match for each item."
    macro = "matching"
    encoding = "pairs"

    def rules(self, raw: dict[str, Any], path: DataPath, checker: Checker) -> None:
        pairs = raw_list(raw, "pairs")
        for side in ("left", "right"):
            checker.report_repeats(
                texts(pairs, side),
                lambda i, side=side: (*path, "pairs", i, side),
                lambda value, _, side=side: f"the {side} value '{value}' is used twice; each must be different",
            )

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        return Matching(pairs=tuple(Pair(left=p["left"], right=p["right"]) for p in data["pairs"]), **common)

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {
            "correct": {
                choice_token(quiz_id, question.id, "left", i): choice_token(quiz_id, question.id, "right", i)
                for i in range(len(question.pairs))
            }
        }

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not any(v not in (None, "") for v in dict(response).values())

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        answers = dict(response)
        return all(answers.get(token) == expected for token, expected in key["correct"].items())

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> MatchingControls:
        rows = [Choice(choice_token(quiz_id, question.id, "left", i), p.left) for i, p in enumerate(question.pairs)]
        rights = [Choice(choice_token(quiz_id, question.id, "right", i), p.right) for i, p in enumerate(question.pairs)]
        return MatchingControls(rows, shuffled_never_in_order(rights, rng))

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        count = len(question.pairs)
        return {
            "tokens": [choice_token(quiz_id, question.id, "left", i) for i in range(count)],
            "rights": [choice_token(quiz_id, question.id, "right", i) for i in range(count)],
        }

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """`=left -> right` per pair; the right side is plain text (Moodle shows it in a drop-down)."""
        notes = []
        if len(question.pairs) < MIN_GIFT_PAIRS:
            notes.append(
                (
                    "gift-matching-few-pairs",
                    f"Moodle needs at least {MIN_GIFT_PAIRS} pairs in a matching "
                    f"question and this one has {len(question.pairs)}; it is exported, but Moodle may refuse to "
                    "import it until you add a pair",
                )
            )
        return GiftAnswers(
            answers=tuple(
                f"={writer.inline(p.left)} -> {writer.escape(writer.plain(p.right))}" for p in question.pairs
            ),
            notes=tuple(notes),
        )


MATCHING = MatchingType()
