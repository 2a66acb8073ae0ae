"""Matching: the learner picks the right value for each left-hand item.

`distractors` are extra right-hand values that match no item. Without them the lists are one to one, and a
learner who knows all but one pair gets the last one free (the review of the bundled course found this in
every matching question). They are offered in every drop-down after the pairs' values, so their tokens come
after the pairs' and the index a saved answer (SCORM suspend_data) holds for a pair's value never moves.
They don't decide which answers are right, so adding one keeps the quiz version and the learner's progress.
"""

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
    Interaction,
    MatchingControls,
    QuestionBase,
    QuestionType,
    Solution,
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
    distractors: tuple[str, ...] = ()


class MatchingType(QuestionType):
    name = "matching"
    model = Matching
    fields = (
        Field("pairs", ListOf(PAIR, 2, what="pair"), "Pairs of matching items.", required=True),
        Field(
            "distractors",
            ListOf(INLINE, what="extra value"),
            "Extra values offered in every drop-down that match no item, so the last pair can't be found by "
            "elimination.",
            default=(),
        ),
    )
    hint = "Choose the match for each item."
    paper_hint = "Write the letter of its match beside each item."
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
        rights = set(texts(pairs, "right"))
        seen: set[str] = set()
        for i, value in enumerate(texts(raw_list(raw, "distractors"))):
            if value is None:
                continue
            if value in rights:
                message = f"the extra value '{value}' is also a pair's right value, so it matches an item; reword it"
                checker.error((*path, "distractors", i), message, "duplicate")
            elif value in seen:
                checker.error((*path, "distractors", i), f"the extra value '{value}' is listed twice", "duplicate")
            seen.add(value)

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        return Matching(
            pairs=tuple(Pair(left=p["left"], right=p["right"]) for p in data["pairs"]),
            distractors=tuple(data["distractors"]),
            **common,
        )

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
        values = [p.right for p in question.pairs] + list(question.distractors)
        rights = [Choice(choice_token(quiz_id, question.id, "right", i), text) for i, text in enumerate(values)]
        return MatchingControls(rows, shuffled_never_in_order(rights, rng))

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        count = len(question.pairs)
        return {
            "tokens": [choice_token(quiz_id, question.id, "left", i) for i in range(count)],
            "rights": [
                choice_token(quiz_id, question.id, "right", i) for i in range(count + len(question.distractors))
            ],
        }

    def interaction(self, question: Any) -> Interaction:
        count = len(question.pairs)
        return Interaction(
            "matching",
            tuple((i, i) for i in range(count)),
            choices=count + len(question.distractors),
            rows=count,
            labels=(*(p.right for p in question.pairs), *question.distractors),
            row_labels=tuple(p.left for p in question.pairs),
        )

    def solution(self, question: Any) -> Solution:
        extra = (("values", "; ".join(question.distractors)),) if question.distractors else ()
        return Solution(
            "matches",
            tuple(f"{pair.left} → {pair.right}" for pair in question.pairs),
            note="matching_none" if extra else None,
            note_values=extra,
        )

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """`=left -> right` per pair; the right side is plain text (Moodle shows it in a drop-down). An extra value
        is `= -> value`: Moodle keeps a pair with no item as an extra wrong answer."""
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
            answers=(
                *(f"={writer.inline(p.left)} -> {writer.escape(writer.plain(p.right))}" for p in question.pairs),
                *(f"= -> {writer.escape(writer.plain(value))}" for value in question.distractors),
            ),
            notes=tuple(notes),
        )


MATCHING = MatchingType()
