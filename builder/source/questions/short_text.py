"""Short text: the learner types a word or short phrase; any accepted answer is right.

Answers are compared as a person would mark them (the same rule in assets/questions.js; both run
tests/scoring_cases.json). Before comparing, the learner's text and every accepted answer are normalised:

- Unicode NFKC (fullwidth letters, ligatures and the like become their plain forms), then lower case;
- typographic apostrophes (’ ‘ ʼ) become ';
- hyphens, non-breaking hyphens, en and em dashes count as the space between word parts, so
  "cross-trained", "cross–trained" and "cross trained" are the same answer;
- spaces at either end and repeated spaces are ignored, and so are punctuation marks and quotes at either
  end (. , ; : ! ? " ' “ ” „ ‘ ’ « » ‹ ›): "Leadership." is "leadership";
- accents count ("résumé" is not "resume") unless the question says `ignore_accents: true`.

With `typos: 1`, an answer of six letters or more also accepts one slip: a letter added, left out, changed,
or two neighbouring letters swapped ("recieve" for "receive"). A different word is still wrong: "untrained"
is two letters away from "trained".
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from typing import Any, ClassVar

from ..schema import ONE_LINE, Boolean, Field, Integer, ListOf
from .base import GiftAnswers, GiftWriter, Interaction, QuestionBase, QuestionType, Solution, TextControls

SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Python's whitespace (str.isspace()), written out so that scoring.js can use exactly the same set."""
APOSTROPHES = "’‘ʼ"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
"""Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar."""
END_PUNCTUATION = ".,;:!?\"'“”„‘’«»‹›"
TYPO_MIN_LETTERS = 6


def normalise_answer(text: str, *, ignore_accents: bool = False) -> str:
    """A short-text answer as it is compared (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text).lower()
    for apostrophe in APOSTROPHES:
        text = text.replace(apostrophe, "'")
    if ignore_accents:
        text = without_accents(text)
    return " ".join(dashes_as_spaces(text).split()).strip(END_PUNCTUATION + SPACE)


def without_accents(text: str) -> str:
    """`text` with its combining marks removed ("résumé" → "resume")."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def dashes_as_spaces(text: str) -> str:
    return "".join(" " if ch in DASHES else ch for ch in text)


def one_slip_apart(typed: str, answer: str) -> bool:
    """Whether `typed` is `answer` with one letter added, left out or changed, or two neighbours swapped."""
    if typed == answer or abs(len(typed) - len(answer)) > 1:
        return typed == answer
    if len(typed) == len(answer):
        differ = [i for i, (a, b) in enumerate(zip(typed, answer, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        first, *rest = differ
        return rest == [first + 1] and typed[first] == answer[first + 1] and typed[first + 1] == answer[first]
    shorter, longer = sorted((typed, answer), key=len)
    start = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[start:] == longer[start + 1 :]


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortText(QuestionBase):
    type: ClassVar[str] = "short_text"
    accept: tuple[str, ...]
    ignore_accents: bool = False
    typos: int = 0


class ShortTextType(QuestionType):
    name = "short_text"
    model = ShortText
    fields = (
        Field(
            "accept",
            ListOf(ONE_LINE, 1, what="accepted answer"),
            "Accepted answers, compared ignoring case, extra spaces, punctuation at either end, typographic "
            "apostrophes and the difference between hyphens, dashes and spaces.",
            required=True,
        ),
        Field(
            "ignore_accents",
            Boolean(),
            "Whether letters with and without accents count as the same (`résumé` and `resume`).",
            default=False,
        ),
        Field(
            "typos",
            Integer(0, 1),
            "1 accepts one slip (a letter added, left out, changed, or two swapped) in answers of six letters or more.",
            default=0,
        ),
    )
    hint = "Type a word or short phrase."
    paper_hint = "Write a word or short phrase."
    macro = "text_input"
    encoding = "text"

    def build(self, data: dict[str, Any], common: dict[str, Any], *, language: str) -> QuestionBase:
        return ShortText(
            accept=tuple(data["accept"]), ignore_accents=data["ignore_accents"], typos=data["typos"], **common
        )

    def key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        key: dict[str, Any] = {
            "accept": sorted({normalise_answer(a, ignore_accents=question.ignore_accents) for a in question.accept})
        }
        if question.ignore_accents:
            key["ignoreAccents"] = True
        if question.typos:
            key["typos"] = question.typos
        return key

    def version_key(self, quiz_id: str, question: Any) -> dict[str, Any]:
        """The key as it was before answers were compared as a person marks them (case and spaces only): saved
        progress is kept by a quiz's version, which must not change when the builder's rule improves."""
        key: dict[str, Any] = {"accept": sorted({" ".join(a.split()).lower() for a in question.accept})}
        if question.ignore_accents:
            key["ignoreAccents"] = True
        if question.typos:
            key["typos"] = question.typos
        return key

    def is_blank(self, key: dict[str, Any], response: Any) -> bool:
        return not normalise_answer(str(response), ignore_accents=bool(key.get("ignoreAccents")))

    def is_correct(self, key: dict[str, Any], response: Any) -> bool:
        typed = normalise_answer(str(response), ignore_accents=bool(key.get("ignoreAccents")))
        if typed in key["accept"]:
            return True
        return bool(key.get("typos")) and any(
            letters(answer) >= TYPO_MIN_LETTERS and one_slip_apart(typed, answer) for answer in key["accept"]
        )

    def controls(self, quiz_id: str, question: Any, rng: random.Random, shuffle: bool) -> TextControls:
        return TextControls()

    def interaction(self, question: Any) -> Interaction:
        return Interaction("fill-in", tuple(question.accept))

    def gift(self, question: Any, writer: GiftWriter) -> GiftAnswers:
        """`=answer` for each form Moodle should accept (Moodle reads `*` as a wildcard: `\\*`).

        Moodle compares short answers exactly, apart from case, so each accepted answer is written with the
        forms this rule treats as the same that a learner is likely to type: dashes as spaces, and without
        accents when the question ignores them. A slip (`typos: 1`) has no GIFT form: that gets a warning."""
        answers = tuple("=" + writer.escape(form.replace("*", "\\*")) for form in gift_forms(question))
        notes = []
        if question.typos:
            notes.append(
                (
                    "gift-short-text-typos",
                    "Moodle marks a short answer right only when it is written exactly as one of `accept` (case "
                    "aside), so `typos: 1` is lost in the export; add the misspellings you would accept to "
                    "`accept` if the quiz is taken in Moodle",
                )
            )
        return GiftAnswers(answers=answers, notes=tuple(notes))

    def solution(self, question: Any) -> Solution:
        note = "marking" + ("_accents" if question.ignore_accents else "") + ("_slip" if question.typos else "")
        return Solution(
            "accepted_answer" if len(question.accept) == 1 else "accepted_answers",
            tuple(question.accept),
            note=note,
            markdown=False,
        )


def gift_forms(question: ShortText) -> list[str]:
    """Each accepted answer as written (spaces collapsed), then with dashes as spaces and, with `ignore_accents`,
    both without accents: each form once, compared as Moodle does (ignoring case)."""
    forms: dict[str, str] = {}
    for answer in question.accept:
        written = " ".join(answer.split())
        for form in (written, " ".join(dashes_as_spaces(written).split())):
            forms.setdefault(form.casefold(), form)
            if question.ignore_accents:
                forms.setdefault(without_accents(form).casefold(), without_accents(form))
    return list(forms.values())


SHORT_TEXT = ShortTextType()
