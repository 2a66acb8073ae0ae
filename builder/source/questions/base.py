"""What every question type provides, and the pieces several types share.

A question type is one module in this package (format, model, validation rules, scoring, how its
answers are saved for SCORM, its GIFT form, and the template macro that draws its controls) plus one
entry in the learners' type table (builder/site/assets/questions.js). Everything else in the builder
asks the registry (builder/source/questions/__init__.py) instead of naming types.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from ..diagnostics import Checker, DataPath, SourceLocation
from ..schema import Field


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionBase:
    """What every question has; each type's model adds its own fields and a `type` name."""

    type: ClassVar[str]
    id: str
    objective: str
    prompt: str
    explanation: str | None
    points: int
    origin: SourceLocation


def choice_token(quiz_id: str, question_id: str, role: str, index: int) -> str:
    """An opaque, stable value for a choice, so the page source does not reveal which is right."""
    return hashlib.sha1(f"{quiz_id}\0{question_id}\0{role}\0{index}".encode()).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class Choice:
    """One choice a learner sees: the value the form sends and the text shown (inline Markdown)."""

    value: str
    text: str


@dataclass(frozen=True, slots=True)
class ChoiceControls:
    """Radio buttons or checkboxes (the `choices` macro)."""

    input_type: str
    choices: list[Choice]
    markdown: bool = True
    """Whether the choices' text is trainer Markdown (not for the fixed True/False)."""


@dataclass(frozen=True, slots=True)
class TextControls:
    """One text box (the `text_input` macro); `inputmode` picks the phone keyboard."""

    inputmode: str | None = None


@dataclass(frozen=True, slots=True)
class OrderingControls:
    """A position drop-down for each item (the `ordering` macro)."""

    items: list[Choice]
    positions: list[int]


@dataclass(frozen=True, slots=True)
class MatchingControls:
    """A drop-down of matches for each row (the `matching` macro)."""

    rows: list[Choice]
    rights: list[Choice]


@dataclass(frozen=True, slots=True)
class WrittenControls:
    """A text area, a Compare button and the self-check list it reveals (the `written` macro)."""

    checklist: list[Choice]
    tag: str
    """A short hash of the checklist: ticks saved against another checklist are not restored."""


Controls = ChoiceControls | TextControls | OrderingControls | MatchingControls | WrittenControls


@dataclass(frozen=True, slots=True)
class Solution:
    """A question's right answer as a printed answer key states it (`course export pdf --answers`)."""

    label: str
    """What the lines are, as an interface message key (builder/locales): right_answer, accepted_answers…"""
    lines: tuple[str, ...]
    """Inline Markdown, one answer (or pair, or item) per line."""
    ordered: bool = False
    """Whether the lines are a sequence (numbered in the key)."""
    note: str | None = None
    """How answers are marked, when it matters on paper (accents ignored, one slip allowed…): a message key."""
    note_values: tuple[tuple[str, str], ...] = ()
    """The values the note's message puts in, as (placeholder, text) pairs."""
    markdown: bool = True
    """Whether the lines are trainer Markdown (not a short answer or a number, which are plain text)."""
    block: str | None = None
    """Block Markdown printed under the label, before any lines (a written question's model answer)."""
    lines_label: str | None = None
    """What the lines are when they follow a block, as a message key (a written question's checklist)."""


SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789"
"""The names of choices, items and matching values, by position, in SCORM interactions and xAPI statements
(builder/exporters/scorm_launch.js has the same)."""
ROW_SYMBOLS = "123456789abcdefghijklmnopqrstuvwxyz0"
"""The names of matching rows, by position."""


@dataclass(frozen=True, slots=True)
class Interaction:
    """How an LMS is told about a question (SCORM `cmi.interactions`): its SCORM interaction type and its right
    answer, in a form both SCORM versions' response patterns are written from (builder/exporters/interactions.py).
    Choices, items and values are their positions in the source (the launch page saves answers by position too)."""

    kind: str
    """true-false, choice, fill-in, long-fill-in, numeric, sequencing or matching."""
    correct: tuple[Any, ...] = ()
    """true-false: (the answer,); choice: the right options; fill-in: each accepted answer; numeric: (lowest,
    highest); sequencing: the items in their right order; matching: (row, value) pairs; long-fill-in: nothing."""
    choices: int = 0
    """How many options, items or values the learner picks from (matching: values; 0 when there are none)."""
    rows: int = 0
    """Matching: how many rows."""
    labels: tuple[str, ...] = ()
    """The options', items' or matching values' text (inline Markdown), in source order."""
    row_labels: tuple[str, ...] = ()
    """Matching: the rows' text."""


class GiftWriter(Protocol):
    """What a question type needs from the GIFT exporter (builder/exporters/gift.py) to write its answers."""

    def option(self, text: str, feedback: str | None) -> str: ...
    def block(self, markdown: str) -> str: ...
    def inline(self, markdown: str) -> str: ...
    def plain(self, markdown: str) -> str: ...
    def escape(self, text: str) -> str: ...


@dataclass(frozen=True, slots=True)
class GiftAnswers:
    """A question's GIFT answer block: text right after `{` (like TRUE), the answer lines, and notes about
    what Moodle cannot take as it is, as (code, message)."""

    head: str = ""
    answers: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()


class QuestionType:
    """One kind of question. Subclasses set the class attributes and implement the methods."""

    name: ClassVar[str]
    """The `type:` trainers write."""
    model: ClassVar[type[QuestionBase]]
    fields: ClassVar[tuple[Field, ...]]
    """The keys this type adds to every question's id, objective, prompt, explanation and points."""
    hint: ClassVar[str]
    """What the learner is asked to do, shown under the prompt."""
    paper_hint: ClassVar[str | None] = None
    """The hint on paper (a printed page or the workbook), where it must differ: "Write…" rather than "Type…"."""
    macro: ClassVar[str]
    """The macro in templates/_questions.html that draws its controls."""
    encoding: ClassVar[str]
    """How the SCORM launch page saves an answer in suspend_data (builder/exporters/suspend.py):
    choice, choices, text, positions, pairs or written."""
    scored: ClassVar[bool] = True
    """Whether it counts in a quiz's score; a type that does not (written) has 0 points and no answer key."""
    in_gift: ClassVar[bool] = True
    """Whether Moodle's GIFT format has a question type for it (`gift` writes it)."""

    def rules(self, raw: dict[str, Any], path: DataPath, checker: Checker) -> None:
        """Checks across values of one question as written (e.g. how many options are right)."""

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        """The model from cleaned data; `common` holds the fields every question has."""
        return self.model(**common, **{f.name: _frozen(data[f.name]) for f in self.fields})

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        """What the learner's browser needs to score it (added to {type, points} in the answer key)."""
        raise NotImplementedError

    def version_key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        """What the quiz's version hashes for this question: its key, unless a type's key changed form while
        the questions stayed the same (saved progress is kept by version, so it must not move then)."""
        return self.key(quiz_id, question)

    def option_feedback(self, quiz_id: str, question: Any) -> dict[str, str]:
        """Feedback shown for a chosen option, by choice token (inline Markdown)."""
        return {}

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        """Whether a response (not None) is no answer at all."""
        return bool(response == "")

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        """Whether a response that is not blank is right."""
        raise NotImplementedError

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> Controls:
        """What the template draws, with choices in their first-attempt order."""
        raise NotImplementedError

    def tokens(self, quiz_id: str, question: Any) -> dict[str, list[str]]:
        """The choice tokens the SCORM launch page needs to save answers by position."""
        return {}

    def interaction(self, question: Any) -> Interaction:
        """How an LMS records an answer to it (SCORM interactions)."""
        raise NotImplementedError

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """The GIFT answer block (only called when `in_gift`)."""
        raise NotImplementedError

    def solution(self, question: Any) -> Solution:
        """The right answer for a printed answer key."""
        raise NotImplementedError


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def shuffled_never_in_order(items: list[Any], rng: random.Random) -> list[Any]:
    """A shuffle that never shows the original (correct) order when there is any other."""
    result = items[:]
    rng.shuffle(result)
    if result == items and len(items) > 1:
        result = result[1:] + result[:1]
    return result


def texts(items: list[Any], key: str | None = None) -> list[str | None]:
    """The stripped text of each raw item (or of its `key`), None where it is not text."""
    values = [item.get(key) if key and isinstance(item, dict) else (None if key else item) for item in items]
    return [v.strip() if isinstance(v, str) and v.strip() else None for v in values]


def raw_list(raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key)
    return value if isinstance(value, list) else []
