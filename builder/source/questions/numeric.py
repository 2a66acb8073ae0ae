"""Numeric: the learner types a number; it is right within `tolerance` of `answer`.

How a typed answer is read (the same rule in assets/questions.js; both run tests/scoring_cases.json):

- blank when nothing but spaces is typed (a saved response that is not text at all, which only
  hand-edited storage can hold, is wrong and not blank);
- NFKC-normalised (fullwidth digits become 0-9), the minus sign U+2212 read as "-", and every space
  removed, so "1 000" (with a space or a no-break space) is 1000;
- with D the course language's decimal symbol ("." in English, "," in French or German…) and G the
  other of "." and ",": digit groups of three separated by G, with an optional D and decimals
  ("1,000", "12,345.5" in English; "1.000" in German), are read with G ignored; otherwise a number
  with at most one "." or "," reads that symbol as the decimal point ("3.5" and "3,5" are 3.5 in any
  language); anything else is not a number (wrong, not blank);
- right when |typed - answer| <= tolerance, with a hair of slack (1e-9 of the answer) for the way
  computers store decimals.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, ClassVar

from babel.core import UnknownLocaleError
from babel.numbers import get_decimal_symbol

from ..schema import Field, Number
from .base import GiftAnswers, GiftWriter, Interaction, QuestionBase, QuestionType, Solution, TextControls

SLACK = 1e-9
_SPACES = re.compile(r"\s+")
_ONE_SEPARATOR = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Numeric(QuestionBase):
    type: ClassVar[str] = "numeric"
    answer: float
    tolerance: float
    decimal: str
    """The decimal symbol of the course's language, which learners may type."""


@cache
def decimal_symbol(language: str) -> str:
    """The decimal symbol of a language (CLDR through Babel): "." when it is not "," (or not known)."""
    try:
        symbol = get_decimal_symbol(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "."
    return "," if symbol == "," else "."


def parse_number(text: str, decimal: str) -> float | None:
    """The number a learner typed, or None when it is not one."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", text).replace("\u2212", "-"))
    group = "," if decimal == "." else "."
    grouped = rf"[+-]?\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(decimal)}\d+)?"
    if re.fullmatch(grouped, text, re.ASCII):
        return float(text.replace(group, "").replace(decimal, "."))
    if _ONE_SEPARATOR.fullmatch(text) and text.isascii():
        return float(text.replace(",", "."))
    return None


def format_number(value: float) -> str:
    """A number as GIFT and messages write it: no exponent, no trailing zeros ("30", "2.5")."""
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class NumericType(QuestionType):
    name = "numeric"
    model = Numeric
    fields = (
        Field("answer", Number(), "The right answer, a number such as 30 or 2.5.", required=True),
        Field(
            "tolerance",
            Number(minimum=0),
            "How far from the answer a typed number may be and still be right "
            "(0, the default, means exactly the answer).",
            default=0,
        ),
    )
    hint = "Type a number."
    paper_hint = "Write a number."
    macro = "text_input"
    encoding = "text"

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        return Numeric(answer=data["answer"], tolerance=data["tolerance"], decimal=decimal_symbol(language), **common)

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        return {"answer": question.answer, "tolerance": question.tolerance, "decimal": question.decimal}

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return isinstance(response, str) and not response.strip()

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        if not isinstance(response, str):
            return False  # only hand-edited storage holds anything but the typed text
        value = parse_number(response, key["decimal"])
        answer = key["answer"]
        return value is not None and math.fabs(value - answer) <= key["tolerance"] + SLACK * max(1, abs(answer))

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> TextControls:
        return TextControls(inputmode="decimal")

    def interaction(self, question: Any) -> Interaction:
        return Interaction("numeric", (question.answer - question.tolerance, question.answer + question.tolerance))

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """`{#answer:tolerance}` (GIFT numbers always use a decimal point)."""
        return GiftAnswers(head=f"#{format_number(question.answer)}:{format_number(question.tolerance)}")

    def solution(self, question: Any) -> Solution:
        def written(value: float) -> str:
            return format_number(value).replace(".", question.decimal)

        if not question.tolerance:
            return Solution("right_answer", (written(question.answer),), markdown=False)
        low, high = written(question.answer - question.tolerance), written(question.answer + question.tolerance)
        return Solution(
            "right_answer",
            (written(question.answer),),
            markdown=False,
            note="numeric_range",
            note_values=(("low", low), ("high", high)),
        )


NUMERIC = NumericType()
