"""Plain-text measures of trainers' Markdown: words, reading time and reading level.

Everything here is a documented heuristic that runs offline, so `course check` and
`course report` give the same numbers on every machine:

- **Words** are runs of letters and digits (an apostrophe inside a word, as in "don't",
  keeps it one word), counted in the text a learner reads: Markdown markup, link targets,
  image addresses and HTML tags are left out.
- **Reading time** is words ÷ `WORDS_PER_MINUTE` (200, a comfortable pace for workplace
  reading) plus `SECONDS_PER_QUESTION` (30) for each quiz question.
- **Reading level** is the Flesch–Kincaid grade level,
  `0.39 × words/sentences + 11.8 × syllables/words − 15.59`: about the US school grade
  (years of schooling) a reader needs. Sentences end at `.`, `!` or `?` followed by a space
  or the end of a line, and every list item, table row or heading counts as a sentence even
  without a full stop. Syllables are counted by `syllables()`: groups of vowels (a, e, i, o,
  u, y), less a silent final "e" (but not "-le" after a consonant, as in "table"), and less
  "-es"/"-ed" endings that are not spoken as a syllable ("hopes", "jumped", but not "wanted"),
  at least one per word. It is a rough guide: it rewards short sentences and short words,
  and knows nothing about meaning. It is meant for English text; reading_level.py has the formulas
  for the other languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS_PER_MINUTE = 200
SECONDS_PER_QUESTION = 30

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)*_]*(?=\s|$)")
_ENDS_A_SENTENCE = re.compile(r"[.!?]+[\"'”’)*_]*$")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*|\|)")
_VOWELS = re.compile(r"[aeiouy]+")


def plain_text(markdown: str | None) -> str:
    """The words a learner reads in a piece of Markdown, with the markup left out."""
    if not markdown:
        return ""
    text = _FENCE.sub(lambda m: "\n".join(m.group(0).splitlines()[1:-1]), markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _LINK_DEFINITION.sub("", text)
    text = _AUTOLINK.sub("", text)
    return _TAG.sub(" ", text)


def words(markdown: str | None) -> list[str]:
    return _WORD.findall(plain_text(markdown))


def word_count(*texts: str | None) -> int:
    return sum(len(words(text)) for text in texts)


def reading_minutes(word_total: int, questions: int = 0, *, words_per_minute: int = WORDS_PER_MINUTE) -> float:
    """How long a learner needs: reading the words, then answering the questions."""
    return word_total / words_per_minute + questions * SECONDS_PER_QUESTION / 60


def sentences(markdown: str | None) -> int:
    """Sentences in Markdown: full stops, question and exclamation marks, plus list items,
    headings, quotes and table rows that end without one."""
    count = 0
    for block in _blocks(plain_text(markdown)):
        found = len(_SENTENCE_END.findall(block))
        if not _ENDS_A_SENTENCE.search(block.rstrip()):
            found += 1  # a list item or heading with no closing full stop is still a sentence
        count += found
    return count


def _blocks(text: str) -> list[str]:
    """Paragraphs, list items, headings and table rows: the units a sentence cannot span."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _BLOCK_START.match(line):
            if current:
                blocks.append(" ".join(current))
            current = [line.strip()] if line.strip() else []
        else:
            current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    return [b for b in blocks if _WORD.search(b)]


def syllables(word: str) -> int:
    """A syllable count good enough for a readability score (see the module notes)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1  # a number or a symbol is read as one unit
    if len(w) <= 3:
        return 1
    if w.endswith("e") and not (w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"):
        w = w[:-1]
    elif _silent_ending(w):
        w = w[:-2]
    return max(1, len(_VOWELS.findall(w)))


def _silent_ending(word: str) -> bool:
    """Whether "-es" or "-ed" adds no syllable: "hopes" and "jumped", but not "wishes" or "wanted"."""
    if word.endswith("es"):
        return not re.search(r"(?:[cgsxz]|ch|sh)es$", word)
    return word.endswith("ed") and not re.search(r"[td]ed$", word)


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """The Flesch–Kincaid grade level (0 for text with no words)."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / max(1, self.sentences) + 11.8 * self.syllables / self.words - 15.59


def readability(markdown: str | None) -> Readability:
    found = words(markdown)
    return Readability(len(found), sentences(markdown), sum(syllables(w) for w in found))
