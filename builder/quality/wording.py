"""The words of a question's Markdown as a learner reads them, for the item-writing checks.

Words are runs of letters (an apostrophe inside a word, as in "don't", keeps it one word; digits are
not words; Arabic vowel marks such as the tanween of "دائمًا" belong to the word they are written on, and
the checks compare words without them or the tatweel that stretches a word). Code (`inline` and fenced
blocks) and link addresses are left out. Each word knows whether it is in bold (`**…**`, `__…__`,
`<strong>`, `<b>`), whether it is inside quotation marks, which paragraph it is in (paragraphs are
separated by a blank line) and which sentence (a sentence ends at `.`, `!`, `?` or `…` followed by a space
or the end, or at the end of a paragraph). Every word keeps its place in the Markdown, so a finding can
point at it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_BOLD = re.compile(
    r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|<(strong|b)\b[^>]*>(.*?)</\3\s*>", re.DOTALL | re.IGNORECASE
)
_QUOTED = re.compile(
    r'"(?:[^"\n]|\n(?![ \t]*\n))*"'  # "…" (not across a blank line)
    r"|“(?:[^”\n]|\n(?![ \t]*\n))*”"  # “…”
    r"|(?<![\w’])‘[^‘]*?’(?![\w])"  # ‘…’, not the apostrophe in "don’t"
    r"|(?<![\w'])'[^'\n]*?'(?![\w])"  # '…', not the apostrophe in "don't"
)
"""Words someone says: in straight or typographic, double or single quotation marks."""
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670"
"""Arabic vowel and other marks (fatha, tanween, shadda, sukun...), written on a letter but not letters themselves."""
_IGNORED = re.compile(f"[{_ARABIC_MARKS}\u0640]")
"""What a word is compared without: the marks, and the tatweel (ـ) that only stretches a word."""
_LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{_ARABIC_MARKS}])*"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)*_]*(?=\s|$)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def word_key(text: str) -> str:
    """A word as the checks compare it: case folded, typographic apostrophes made straight, without Arabic marks
    or tatweel ("دائمًا", "دائماً" and "دائما" are one word)."""
    return _IGNORED.sub("", text.casefold().replace("’", "'"))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Where a word or phrase is written as whole words, in any case, over line breaks and hyphens (the words
    of "no-one" are "no" and "one"): `no one` finds "No one", "no\\n  one" and "no-one", not "nobody". Arabic marks
    and tatweel may follow any letter: `دائما` finds "دائمًا"."""
    words = ("".join(_char_pattern(char) for char in word) for word in phrase.split())
    return re.compile(rf"(?<![\w'’{_ARABIC_MARKS}])" + r"[\s-]+".join(words) + r"(?![\w'’])", re.IGNORECASE)


def _char_pattern(char: str) -> str:
    if char in "'’":
        return "['’]"
    return re.escape(char) + (f"[{_ARABIC_MARKS}\u0640]*" if "\u0600" <= char <= "\u06ff" else "")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    """Where it starts in the Markdown."""
    bold: bool
    quoted: bool
    """Inside quotation marks: words someone says, not the claim or question itself."""
    paragraph: int
    sentence: int

    @property
    def key(self) -> str:
        return word_key(self.text)


@dataclass(frozen=True, slots=True)
class Match:
    """A word or phrase found in a text: what was looked for, and the words that say it."""

    phrase: str
    words: tuple[Word, ...]

    @property
    def word(self) -> Word:
        return self.words[0]

    def occurrence(self, markdown: str) -> int:
        """How many times the phrase is written before this one (so a finding can point at this one)."""
        return sum(1 for m in phrase_pattern(self.phrase).finditer(markdown) if m.start() < self.word.start)


@dataclass(frozen=True, slots=True)
class Wording:
    markdown: str
    words: tuple[Word, ...]
    questions: frozenset[int]
    """The sentences that end with a question mark."""

    def last_paragraph(self) -> tuple[Word, ...]:
        """The last paragraph: the statement or question itself, after any paragraphs setting the scene."""
        if not self.words:
            return ()
        last = self.words[-1].paragraph
        return tuple(w for w in self.words if w.paragraph == last)

    def question_sentence(self) -> tuple[Word, ...]:
        """The sentence that asks: the last one ending with "?", or else the last sentence (an instruction
        such as "Choose the reply that does not ...")."""
        if not self.words:
            return ()
        asking = max(self.questions, default=self.words[-1].sentence)
        return tuple(w for w in self.words if w.sentence == asking)

    def ends_with(self, phrases: Iterable[str]) -> Match | None:
        """The phrase the text ends with, if any, ignoring punctuation, blanks (`___`) and `…` after it."""
        if not self.words:
            return None
        last = self.words[-1]
        if _LETTER_OR_DIGIT.search(self.markdown, last.start + len(last.text)):
            return None
        return next((m for m in find(self.words, phrases) if m.words[-1] is last), None)


def find(words: tuple[Word, ...], phrases: Iterable[str], *, unless: Iterable[str] = ()) -> list[Match]:
    """Every place where one of `phrases` (single words or several, such as "no one") is written, except
    inside one of the phrases `unless` names ("least" inside "at least")."""
    keys = [w.key for w in words]

    def places(wanted: Iterable[str]) -> Iterator[Match]:
        for phrase in wanted:
            parts = [word_key(w) for w in phrase.split()]
            for index in range(len(words) - len(parts) + 1):
                if keys[index : index + len(parts)] == parts:
                    yield Match(phrase, words[index : index + len(parts)])

    excepted = {id(word) for found in places(unless) for word in found.words}
    found = [m for m in places(phrases) if not any(id(w) in excepted for w in m.words)]
    return sorted(found, key=lambda m: m.word.start)


def wording(markdown: str) -> Wording:
    """The words of `markdown` (see the module's docstring)."""
    masked = _mask(markdown, _FENCE, _INLINE_CODE, _LINK_TARGET)
    bold = [(m.start(), m.end()) for m in _BOLD.finditer(masked)]
    masked = _mask(masked, _TAG)
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(masked)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(masked)]
    ends = [m.end() for m in _SENTENCE_END.finditer(masked)]
    asking = [m.end() for m in _SENTENCE_END.finditer(masked) if "?" in m.group(0)]
    words = []
    for found in _WORD.finditer(masked):
        start = found.start()
        paragraph = bisect.bisect_left(breaks, start)
        sentence = paragraph + bisect.bisect_right(ends, start)
        words.append(
            Word(
                found.group(0),
                start,
                bold=any(a <= start < b for a, b in bold),
                quoted=any(a <= start < b for a, b in quoted),
                paragraph=paragraph,
                sentence=sentence,
            )
        )
    questions = set()
    for end in asking:
        before = bisect.bisect_left([w.start for w in words], end)
        if before:
            questions.add(words[before - 1].sentence)
    return Wording(markdown, tuple(words), frozenset(questions))


def _mask(text: str, *patterns: re.Pattern[str]) -> str:
    """`text` with what `patterns` match blanked out (line breaks kept, so every place stays the same)."""
    for pattern in patterns:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text
