"""How a question's responses are counted as options: each response split as its interaction type's format says
(docs/xapi.md), and each part labelled with the course's own text, so a report reads "a (Apple): 12".

Choices, ordering items and matching values are named a, b, c… and matching rows 1, 2, 3… by their position in
the quiz file, as in the SCORM package."""

from __future__ import annotations

from dataclasses import dataclass

from ..source.questions import Matching, MultipleChoice, Ordering, QuestionBase, SingleChoice, question_type
from ..source.questions.base import ROW_SYMBOLS, SYMBOLS
from ..source.text import shorten

BLANK = "(blank)"
"""What an answer with no response is counted as."""
LABEL_TEXT = 40
"""The most characters of an option's text shown in its label."""

CHOSEN_FROM_LIST = ("choice", "true-false", "sequencing", "matching")
"""The interaction types whose responses name options; the others (fill-in, numeric) are typed text."""


@dataclass(frozen=True, slots=True)
class OptionLabels:
    """What a question's responses are counted by: each named part's label, and which of them are right."""

    kind: str
    """The interaction type: choice, true-false, sequencing, matching, fill-in, numeric or long-fill-in."""
    labels: dict[str, str]
    """By the part's name in a response (`a`, `true`, `1[.]b`): `a (Apple)`, in the course's order."""
    right: frozenset[str]
    """The names of the parts a right answer has."""
    listed: bool
    """Whether every labelled part is shown even when nobody chose it (choices and true/false)."""


def option_labels(question: QuestionBase) -> OptionLabels:
    kind = question_type(question).interaction(question).kind
    if isinstance(question, (SingleChoice, MultipleChoice)):
        names = SYMBOLS[: len(question.options)]
        return OptionLabels(
            kind,
            {name: _label(name, option.text) for name, option in zip(names, question.options, strict=False)},
            frozenset(name for name, option in zip(names, question.options, strict=False) if option.correct),
            listed=True,
        )
    if kind == "true-false":
        right = "true" if question_type(question).interaction(question).correct[0] else "false"
        return OptionLabels(kind, {"true": "true", "false": "false"}, frozenset({right}), listed=True)
    if isinstance(question, Ordering):
        items = dict(zip(SYMBOLS, question.items, strict=False))
        return OptionLabels(
            kind,
            {
                f"{position + 1}[.]{name}": f"{_ordinal(position + 1)}: {_label(name, text)}"
                for position in range(len(items))
                for name, text in items.items()
            },
            frozenset(f"{position + 1}[.]{name}" for position, name in enumerate(items)),
            listed=False,
        )
    if isinstance(question, Matching):
        rows = dict(zip(ROW_SYMBOLS, (pair.left for pair in question.pairs), strict=False))
        values = dict(zip(SYMBOLS, [*(pair.right for pair in question.pairs), *question.distractors], strict=False))
        return OptionLabels(
            kind,
            {
                f"{row}[.]{value}": f"{_label(row, row_text)} → {_label(value, value_text)}"
                for row, row_text in rows.items()
                for value, value_text in values.items()
            },
            frozenset(f"{row}[.]{value}" for row, value in zip(rows, values, strict=False)),
            listed=False,
        )
    return OptionLabels(kind, {}, frozenset(), listed=False)


def response_parts(kind: str, response: str | None) -> list[str]:
    """The names a response counts once each: `a[,]c` → a, c; an ordering `b[,]a` → 1[.]b, 2[.]a (item b put
    first); a matching `1[.]a[,]2[.]b` → 1[.]a, 2[.]b; typed text as it was given; no response → (blank)."""
    if response is None or response == "":
        return [BLANK]
    if kind in ("choice", "matching"):
        return list(dict.fromkeys(part for part in response.split("[,]") if part))
    if kind == "sequencing":
        return [f"{position + 1}[.]{item}" for position, item in enumerate(response.split("[,]"))]
    if kind == "true-false":
        return [response.strip().lower()]
    return [response]


def _label(name: str, text: str) -> str:
    return f"{name} ({shorten(' '.join(text.split()), LABEL_TEXT)})"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@dataclass(frozen=True, slots=True)
class OptionCount:
    """How many of a question's attempts chose one option (or gave one typed answer)."""

    name: str
    """As in a response: `a`, `true`, `1[.]b`, or the text typed; `(blank)` for no response."""
    label: str
    """As a trainer reads it: `a (Apple)`; typed text as it was typed."""
    count: int
    right: bool
    """Part of a right answer (typed text: counted right at least once)."""
