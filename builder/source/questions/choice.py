"""Single and multiple choice: options, of which one (single) or at least one (multiple) is right."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, ClassVar

from ..diagnostics import Checker, DataPath
from ..schema import INLINE, Boolean, Field, ListOf, Record
from .base import (
    Choice,
    ChoiceControls,
    GiftAnswers,
    GiftWriter,
    Interaction,
    QuestionBase,
    QuestionType,
    Solution,
    choice_token,
    raw_list,
    texts,
)

MOODLE_FRACTIONS = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
    0.1666667,
    0.1428571,
    0.125,
    0.1111111,
    0.1,
    0.05,
)
"""The positive grades Moodle's question import accepts (question_bank::fraction_options_full)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    text: str
    correct: bool
    feedback: str | None


OPTION = Record(
    what="option",
    fields=(
        Field("text", INLINE, "The option as the learner sees it (inline Markdown).", required=True),
        Field("correct", Boolean(), "Whether choosing this option is right.", default=False),
        Field("feedback", INLINE, "Shown when the learner chose this option: why it is right or wrong."),
    ),
)

AT_LEAST_ONE_CORRECT = {
    "contains": {"type": "object", "properties": {"correct": {"const": True}}, "required": ["correct"]}
}
"""The editor's half of the correct-count rule: draft-07 can say "at least one", not "exactly one"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SingleChoice(QuestionBase):
    type: ClassVar[str] = "single"
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MultipleChoice(QuestionBase):
    type: ClassVar[str] = "multiple"
    options: tuple[Option, ...]


def share(count: int) -> tuple[str, bool]:
    """The percent each of `count` options gets to share 100 (at most 5 decimals), and whether Moodle accepts it."""
    value = 100 / count
    accepted = any(abs(value / 100 - fraction) < 1e-5 for fraction in MOODLE_FRACTIONS)
    return f"{value:.5f}".rstrip("0").rstrip("."), accepted


class _ChoiceType(QuestionType):
    model: ClassVar[type[SingleChoice] | type[MultipleChoice]]
    input_type: ClassVar[str]
    macro = "choices"

    def rules(self, raw: dict[str, Any], path: DataPath, checker: Checker) -> None:
        options = raw_list(raw, "options")
        correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
        if options:
            self.correct_count(correct, (*path, "options"), checker)
        checker.report_repeats(
            texts(options, "text"),
            lambda i: (*path, "options", i, "text"),
            lambda value, first: f"option text '{value}' is used twice (also in option {first + 1})",
        )

    def correct_count(self, correct: int, path: DataPath, checker: Checker) -> None:
        raise NotImplementedError

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        options = tuple(Option(text=o["text"], correct=o["correct"], feedback=o["feedback"]) for o in data["options"])
        return self.model(options=options, **common)

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {
            "correct": [
                choice_token(quiz_id, question.id, "option", i) for i, o in enumerate(question.options) if o.correct
            ]
        }

    def option_feedback(self, quiz_id: str, question: Any) -> dict[str, str]:
        return {
            choice_token(quiz_id, question.id, "option", i): o.feedback
            for i, o in enumerate(question.options)
            if o.feedback
        }

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> ChoiceControls:
        choices = [
            Choice(choice_token(quiz_id, question.id, "option", i), o.text) for i, o in enumerate(question.options)
        ]
        if shuffle:
            rng.shuffle(choices)
        return ChoiceControls(self.input_type, choices)

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        return {"tokens": [choice_token(quiz_id, question.id, "option", i) for i in range(len(question.options))]}

    def interaction(self, question: Any) -> Interaction:
        right = tuple(i for i, o in enumerate(question.options) if o.correct)
        labels = tuple(o.text for o in question.options)
        return Interaction("choice", right, choices=len(question.options), labels=labels)

    def solution(self, question: Any) -> Solution:
        right = tuple(o.text for o in question.options if o.correct)
        return Solution("right_answer" if len(right) == 1 else "right_answers", right)


class SingleChoiceType(_ChoiceType):
    name = "single"
    model = SingleChoice
    fields = (
        Field(
            "options",
            ListOf(OPTION, 2, what="option", json_extra=AT_LEAST_ONE_CORRECT),
            "The options; exactly one is correct.",
            required=True,
        ),
    )
    hint = "Choose one answer."
    encoding = "choice"
    input_type = "radio"

    def correct_count(self, correct: int, path: DataPath, checker: Checker) -> None:
        if correct != 1:
            found = "none" if correct == 0 else str(correct)
            checker.error(
                path,
                "a single-choice question needs exactly one option with `correct: true`; found "
                f"{found}" + (" (use type: multiple for several right answers)" if correct > 1 else ""),
                "correct-count",
            )

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        return response in key["correct"]

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        return GiftAnswers(
            answers=tuple(("=" if o.correct else "~") + writer.option(o.text, o.feedback) for o in question.options)
        )


class MultipleChoiceType(_ChoiceType):
    name = "multiple"
    model = MultipleChoice
    fields = (
        Field(
            "options",
            ListOf(OPTION, 2, what="option", json_extra=AT_LEAST_ONE_CORRECT),
            "The options; at least one is correct.",
            required=True,
        ),
    )
    hint = "Choose every answer that applies."
    encoding = "choices"
    input_type = "checkbox"

    def correct_count(self, correct: int, path: DataPath, checker: Checker) -> None:
        if correct == 0:
            checker.error(
                path,
                "a multiple-choice question needs at least one option with `correct: true`; found none",
                "correct-count",
            )

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not response

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        return sorted(set(response)) == sorted(key["correct"]) and len(response) == len(set(response))

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """Every option `~%weight%`: the right options share +100, the wrong ones -100."""
        weights: dict[bool, str] = {}
        notes = []
        for correct, sign, side in ((True, "", "right"), (False, "-", "wrong")):
            count = sum(1 for o in question.options if o.correct is correct)
            if count:
                percent, accepted = share(count)
                weights[correct] = sign + percent
                if not accepted:
                    notes.append(
                        (
                            "gift-weight-unsupported",
                            f"Moodle only accepts grades of 100% divided by 1 to 10 "
                            f"or 20; the {count} {side} options get {sign}{percent}% each, so Moodle will "
                            "refuse to import this question",
                        )
                    )
        return GiftAnswers(
            answers=tuple(f"~%{weights[o.correct]}%" + writer.option(o.text, o.feedback) for o in question.options),
            notes=tuple(notes),
        )


SINGLE = SingleChoiceType()
MULTIPLE = MultipleChoiceType()
