"""Ordering: the learner gives each item its position; the items are written in their right order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..diagnostics import Checker, DataPath
from ..schema import INLINE, Field, ListOf
from .base import (
    Choice,
    Interaction,
    OrderingControls,
    QuestionBase,
    QuestionType,
    Solution,
    choice_token,
    raw_list,
    shuffled_never_in_order,
    texts,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ordering(QuestionBase):
    type: ClassVar[str] = "ordering"
    items: tuple[str, ...]


class OrderingType(QuestionType):
    name = "ordering"
    model = Ordering
    fields = (
        Field(
            "items",
            ListOf(INLINE, 2, what="item", json_extra={"uniqueItems": True}),
            "The items in their correct order.",
            required=True,
        ),
    )
    hint = "Give each item its position in the right order, starting at 1."
    paper_hint = "Write each item's position in the right order beside it, starting at 1."
    macro = "ordering"
    encoding = "positions"
    in_gift = False  # GIFT has no ordering type

    def rules(self, raw: dict[str, Any], path: DataPath, checker: Checker) -> None:
        checker.report_repeats(
            texts(raw_list(raw, "items")),
            lambda i: (*path, "items", i),
            lambda value, first: f"item '{value}' is used twice (also in item {first + 1})",
        )

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {"correct": {choice_token(quiz_id, question.id, "item", i): i + 1 for i in range(len(question.items))}}

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not any(v not in (None, "") for v in dict(response).values())

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        answers = {k: int(v) if v not in (None, "") else v for k, v in dict(response).items()}
        return all(answers.get(token) == expected for token, expected in key["correct"].items())

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> OrderingControls:
        items = [Choice(choice_token(quiz_id, question.id, "item", i), text) for i, text in enumerate(question.items)]
        return OrderingControls(shuffled_never_in_order(items, rng), list(range(1, len(items) + 1)))

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        return {"tokens": [choice_token(quiz_id, question.id, "item", i) for i in range(len(question.items))]}

    def interaction(self, question: Any) -> Interaction:
        count = len(question.items)
        return Interaction("sequencing", tuple(range(count)), choices=count, labels=tuple(question.items))

    def solution(self, question: Any) -> Solution:
        return Solution("right_order", tuple(question.items), ordered=True)


ORDERING = OrderingType()
