"""SCORM interactions: how each question is described to an LMS, in the formats of SCORM 1.2 and of SCORM 2004.

An LMS learns which questions learners miss only from `cmi.interactions` (Moodle's interactions report, and the
reports of corporate LMSs). The launch page (scorm_launch.js) writes one interaction per question of each checked
attempt; this module gives it, through the course map, each question's interaction type, its right answer as the
version's response patterns, and its weight. The learner's response is written by the launch page from the saved
answer with the same symbols (scorm_launch.js `SYMBOLS`, `ROW_SYMBOLS`).

Choices, ordering items and matching values are named by single characters, by their position in the source
(a, b, c…), and matching rows by 1, 2, 3…: SCORM 1.2 allows nothing longer in those responses, and 2004 takes the
same names. A question with more than 36 of them has no such names, and is reported as "performance" (1.2) or
"other" (2004), with its result but without responses.
"""

from __future__ import annotations

from typing import Any

from .questions import QuestionBase, question_type
from .questions.base import ROW_SYMBOLS, SYMBOLS, Interaction
from .questions.numeric import format_number

SCORM_12 = "1.2"
SCORM_2004 = "2004"
VERSIONS = (SCORM_12, SCORM_2004)

MAX_RESPONSE = {SCORM_12: 255, SCORM_2004: 250}
"""The longest fill-in text: 1.2's CMIFeedback (255 characters), 2004's localized string (250)."""
MAX_DESCRIPTION = 250
"""2004's `cmi.interactions.n.description` (a localized string of 250 characters)."""
MAX_DECIMALS = 18
"""2004's real numbers take at most 18 decimals."""


def interaction_map(question: QuestionBase, version: str) -> dict[str, Any]:
    """What the launch page writes for a question besides the learner's answer: the SCORM interaction type, the
    right answer's patterns (correct_responses.n.pattern, in order) and the weight (the question's points)."""
    described = question_type(question).interaction(question)
    kind = _kind(described, version)
    return {"type": kind, "patterns": _patterns(described, kind, version), "weight": question.points}


def _kind(described: Interaction, version: str) -> str:
    if max(described.choices, described.rows) > len(SYMBOLS):
        return "performance" if version == SCORM_12 else "other"
    if described.kind == "long-fill-in" and version == SCORM_12:
        return "performance"  # 1.2 has no long-fill-in; "performance" takes free text
    return described.kind


def _patterns(described: Interaction, kind: str, version: str) -> list[str]:
    comma, dot = (",", ".") if version == SCORM_12 else ("[,]", "[.]")
    right = described.correct
    if kind == "true-false":
        return [("t" if right[0] else "f") if version == SCORM_12 else ("true" if right[0] else "false")]
    if kind == "choice":
        return [_choice_set([SYMBOLS[i] for i in right], version)]
    if kind == "fill-in":
        return [fill_in_text(str(answer), version) for answer in right]
    if kind == "numeric":
        low, high = (float(value) for value in right)
        if version == SCORM_12:  # 1.2 has no range: the answer itself
            return [_decimal((low + high) / 2)]
        return [f"{_decimal(low)}[:]{_decimal(high)}"]
    if kind == "sequencing":
        return [comma.join(SYMBOLS[i] for i in right)]
    if kind == "matching":
        return [comma.join(f"{ROW_SYMBOLS[row]}{dot}{SYMBOLS[value]}" for row, value in right)]
    return []  # long-fill-in, performance, other: no right answer to compare


def _choice_set(names: list[str], version: str) -> str:
    """1.2 writes several right options as a set in braces (chosen in any order); 2004's choice sets are
    unordered already."""
    if version == SCORM_12:
        return names[0] if len(names) == 1 else "{" + ",".join(names) + "}"
    return "[,]".join(names)


def fill_in_text(text: str, version: str) -> str:
    """Typed or accepted text as a fill-in response: at most the version's length; in 2004 without the reserved
    delimiters ([,] [.] [:]) and without a leading "{" (read as the start of a {lang=…} or {case_matters=…} tag)."""
    if version == SCORM_2004:
        for reserved in ("[,]", "[.]", "[:]"):
            text = text.replace(reserved, "")
        text = text.lstrip("{")
    return text[: MAX_RESPONSE[version]]


def _decimal(value: float) -> str:
    """A real number as SCORM writes it: no exponent, at most 18 decimals, no trailing zeros."""
    return format_number(round(value, MAX_DECIMALS))
