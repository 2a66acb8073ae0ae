"""Reading level in the course's language: a published formula made for each language, and its score put on
one scale, the years of schooling (a US school grade) that `max_reading_grade` is set in.

Words and sentences are counted as for English (readability.py: `words`, `sentences`). The formulas:

- **English (en)**: Flesch–Kincaid grade, exactly as readability.py computes it (Kincaid et al. 1975).
- **German (de)**: the first Wiener Sachtextformel, `0.1935 MS + 0.1672 SL + 0.1297 IW − 0.0327 ES − 0.875`
  (MS: % of words of 3+ syllables, SL: words per sentence, IW: % of words of more than 6 letters, ES: % of
  words of one syllable; Bamberger & Vanecek 1984, *Lesen – Verstehen – Lernen – Schreiben*). It gives an
  Austrian school level (Schulstufe, 4 to 15), counted from the first year of school like a US grade, so it
  is the grade as it is.
- **French (fr)**: Kandel & Moles (1958, "Application de l'indice de Flesch à la langue française", *Cahiers
  d'Études de Radio-Télévision* 19), Flesch's reading ease re-weighted for French,
  `207 − 1.015 × words/sentence − 73.6 × syllables/word`.
- **Spanish (es)**: Fernández Huerta (1959, "Medidas sencillas de lecturabilidad", *Consigna* 214),
  `206.84 − 0.60 × syllables per 100 words − 1.02 × words/sentence`,
  in the corrected form (Law 2011, "Error in the Fernandez Huerta readability formula", LINGUIST List
  22.2332): the often copied version multiplies sentences per 100 words, which makes short sentences harder.
- **Italian (it)**: Gulpease (Lucisano & Piemontese 1988, *Scuola e Città* 39(3)),
  `89 + (300 × sentences − 10 × letters) / words`, made for Italian; it counts letters, not syllables.
- **Dutch (nl)**: Flesch–Douma (Douma 1960, *De leesbaarheid van landbouwbladen*, Wageningen),
  `206.835 − 0.77 × syllables per 100 words − 0.93 × words/sentence`.
- **Portuguese (pt)**: Flesch adapted by Martins, Ghiraldelo, Nunes & Oliveira (1996, "Readability formulas applied to
  textbooks in Brazilian Portuguese", *Notas do ICMSC* 28, USP São Carlos),
  `248.835 − 1.015 × words/sentence − 84.6 × syllables/word`. It was fitted on Brazilian textbooks; there is
  no published formula for European Portuguese, so it serves both (syllables from the European dictionary).
- **Polish (pl)**: FOG-PL, Gunning's fog index with Polish "hard words" of 4 or more syllables,
  `0.4 × (words/sentence + 100 × hard words/words)` (Pracownia Prostej Polszczyzny, Wrocław, in its Logios
  and Jasnopis tools; Broda et al. 2014, LREC, "Measuring readability of Polish texts"). Like Gunning's, it
  gives years of schooling, so it is the grade as it is.
- **Swedish (sv)**: LIX (Björnsson 1968, *Läsbarhet*), `words/sentence + 100 × words of more than 6
  letters/words`; no syllables.

Arabic (ar) and other languages have none: OSMAN, the published Arabic formula, counts syllables from the
short-vowel marks (tashkeel), which course text rarely carries, so on plain text it would guess. `course check`
notes that reading-level is skipped for them.

**Mapping onto grades** (piecewise linear between the published band edges, so a score between two edges
gets a grade between theirs, and a higher difficulty never gets a lower grade):

- The reading-ease scores that keep Flesch's 0–100 scale (fr, es, nl, pt) go through Flesch's own table
  (*The Art of Readable Writing*, 1949): 90–100 grade 5, 80–90 grade 6, 70–80 grade 7, 60–70 grades 8–9,
  50–60 grades 10–12, 30–50 college (13–16), 0–30 college graduate. Band edges: ease 100 → 5, 90 → 6, 80 → 7,
  70 → 8, 60 → 10, 50 → 13, 30 → 17, 0 → 18. The default `max_reading_grade`, 10, is an ease of 60: the
  edge of Flesch's "standard" band. Each adaptation re-weighted Flesch's formula so that its scores read on
  his scale in its language, which is why one table serves them all.
- Gulpease has published bands by schooling: below 80 a text is hard for readers with only elementary school
  (licenza elementare, 5 years), below 60 for those with middle school (licenza media, 8 years), below 40 for
  those with a high-school diploma (13 years). So 80 → 5, 60 → 8, 40 → 13; grade 10 is a Gulpease of 52.
- LIX goes through Anderson's table (1983, "Lix and Rix: variations on a little-known readability index",
  *Journal of Reading* 26(6)): LIX 34 → grade 5, 38 → 6, 41 → 7, 44 → 8, 48 → 9, 51 → 10, 54 → 11, above
  57 → beyond 11 (taken as 58 → 12). Grade 10 is a LIX of 51.
- Beyond the first and last edge, the nearest band's slope continues; no grade goes below 0.

All of it is a rough guide, as for English: the formulas reward short sentences and short words, know nothing
about meaning, and the grade equivalents compare school systems that differ. It tells a trainer which sections
to look at again, not how hard they are.

**Syllables** are counted with a pyphen hyphenation dictionary (`left=1, right=1`, so a one-letter syllable
counts) or, where that was measured further from the true counts, by vowel groups for the language. Measured
on 43 to 53 common words per language, with the counts a speaker gives (see `SYLLABLES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import pyphen

from .readability import readability, sentences, words

LONG_WORD_LETTERS = 6
"""LIX and the Wiener Sachtextformel count words of more than 6 letters as long."""


@dataclass(frozen=True, slots=True)
class Counts:
    """What the formulas count in a text: words and sentences, and the words' letters and syllables."""

    words: int
    sentences: int
    letters: int
    syllables: int
    long_words: int
    """Words of more than 6 letters."""
    one_syllable: int
    three_syllables: int
    """Words of 3 syllables or more."""
    four_syllables: int
    """Words of 4 syllables or more."""

    @property
    def per_sentence(self) -> float:
        return self.words / max(1, self.sentences)

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words

    def percent(self, part: int) -> float:
        return 100 * part / self.words


@dataclass(frozen=True, slots=True)
class ReadingLevel:
    """A text's level by its language's formula: the score on the formula's own scale, and the grade (years
    of schooling) that score maps to."""

    formula: str
    """The formula's name, as trainers see it."""
    score: float
    grade: float
    words: int
    sentences: int
    score_shown: bool = True
    """Whether messages give the score beside the grade (not for Flesch-Kincaid, whose score is the grade)."""

    @property
    def per_sentence(self) -> float:
        return self.words / max(1, self.sentences)

    @property
    def source(self) -> str:
        """The formula and its score, as a message names them: "Wiener Sachtextformel 11.3"."""
        return f"{self.formula} {self.score:.1f}" if self.score_shown else self.formula


# -- the formulas, each of the counts --------------------------------------------------------------


def wiener_sachtextformel(c: Counts) -> float:
    """The first Wiener Sachtextformel: an Austrian school level (Bamberger & Vanecek 1984)."""
    ms, iw, es = c.percent(c.three_syllables), c.percent(c.long_words), c.percent(c.one_syllable)
    return 0.1935 * ms + 0.1672 * c.per_sentence + 0.1297 * iw - 0.0327 * es - 0.875


def kandel_moles(c: Counts) -> float:
    """Reading ease for French (Kandel & Moles 1958)."""
    return 207 - 1.015 * c.per_sentence - 73.6 * c.syllables_per_word


def fernandez_huerta(c: Counts) -> float:
    """Reading ease for Spanish (Fernández Huerta 1959, as corrected by Law 2011)."""
    return 206.84 - 0.60 * 100 * c.syllables_per_word - 1.02 * c.per_sentence


def gulpease(c: Counts) -> float:
    """The Gulpease index for Italian (Lucisano & Piemontese 1988): 100 is easiest."""
    return 89 + (300 * c.sentences - 10 * c.letters) / c.words


def flesch_douma(c: Counts) -> float:
    """Reading ease for Dutch (Douma 1960)."""
    return 206.835 - 0.77 * 100 * c.syllables_per_word - 0.93 * c.per_sentence


def flesch_martins(c: Counts) -> float:
    """Reading ease for Portuguese (Martins et al. 1996)."""
    return 248.835 - 1.015 * c.per_sentence - 84.6 * c.syllables_per_word


def fog_pl(c: Counts) -> float:
    """Gunning's fog index with Polish hard words (4+ syllables): years of schooling."""
    return 0.4 * (c.per_sentence + c.percent(c.four_syllables))


def lix(c: Counts) -> float:
    """Björnsson's läsbarhetsindex for Swedish (1968)."""
    return c.per_sentence + c.percent(c.long_words)


# -- from a score to a grade -----------------------------------------------------------------------

FLESCH_EASE_GRADES: tuple[tuple[float, float], ...] = (
    (0, 18),
    (30, 17),
    (50, 13),
    (60, 10),
    (70, 8),
    (80, 7),
    (90, 6),
    (100, 5),
)
"""Flesch's table (1949) as (ease, grade) band edges: see the module notes."""
GULPEASE_GRADES: tuple[tuple[float, float], ...] = ((40, 13), (60, 8), (80, 5))
"""Gulpease's bands by schooling (Lucisano & Piemontese 1988) as (index, years of school)."""
LIX_GRADES: tuple[tuple[float, float], ...] = (
    (34, 5),
    (38, 6),
    (41, 7),
    (44, 8),
    (48, 9),
    (51, 10),
    (54, 11),
    (58, 12),
)
"""Anderson's LIX-to-grade table (1983) as (LIX, grade) at the start of each grade."""


def interpolate(points: Sequence[tuple[float, float]], x: float) -> float:
    """The grade at score `x` on the line through `points` (sorted by score); the end segments go on beyond
    the ends. Never below 0."""
    i = 1
    while i < len(points) - 1 and x > points[i][0]:
        i += 1
    (x0, y0), (x1, y1) = points[i - 1], points[i]
    return max(0.0, y0 + (y1 - y0) * (x - x0) / (x1 - x0))


def flesch_ease_grade(ease: float) -> float:
    return interpolate(FLESCH_EASE_GRADES, ease)


def gulpease_grade(index: float) -> float:
    return interpolate(GULPEASE_GRADES, index)


def lix_grade(index: float) -> float:
    return interpolate(LIX_GRADES, index)


def as_grade(score: float) -> float:
    """For the formulas whose score already is years of schooling (never below 0, as for the others)."""
    return max(0.0, score)


# -- syllables ---------------------------------------------------------------------------------------

_NOT_A_LETTER = re.compile(r"[^\w]|[\d_]")


def _letters(word: str) -> str:
    return _NOT_A_LETTER.sub("", word.lower())


@cache
def _dictionary(name: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=name, left=1, right=1)


def hyphenation_syllables(dictionary: str) -> Callable[[str], int]:
    """Syllables as the pieces a hyphenation dictionary cuts a word into."""

    def count(word: str) -> int:
        letters = _letters(word)
        cuts: list[int] = _dictionary(dictionary).positions(letters) if letters else []
        return len(cuts) + 1

    return count


def vowel_group_syllables(vowels: str, prepare: Callable[[str], str] = lambda w: w) -> Callable[[str], int]:
    """Syllables as the runs of the language's vowels (after `prepare` has dropped silent letters)."""
    group = re.compile(f"[{vowels}]+")

    def count(word: str) -> int:
        return max(1, len(group.findall(prepare(_letters(word)))))

    return count


def _french(word: str) -> str:
    """Silent letters out: the u of "qu" and of "gu" before e/i, and a final "e" or "es" after a consonant."""
    word = re.sub(r"(?<=[qg])u(?=[eiéèêy])|(?<=q)u", "", word)
    return re.sub(r"(?<=[^aeiouyéèêëàâîïôûùüœæ])es?$", "", word) or word


def _dutch(word: str) -> str:
    """A diaeresis starts a new syllable (ideeën, zeeën)."""
    return re.sub(r"(?=[ëïöü])", "-", word)


_SPANISH_GROUP = re.compile(r"[aeiouáéíóúü]+")
_STRONG = frozenset("aeoáéó")


def _hiatus(a: str, b: str) -> bool:
    return (a in _STRONG and b in _STRONG) or a in "íú" or b in "íú"


def spanish_syllables(word: str) -> int:
    """Vowel groups, split where two strong vowels (a, e, o) meet or an accented í/ú stands beside a vowel:
    "leer", "día" and "país" have two syllables, "tiempo" and "cuidado" keep their diphthongs."""
    groups = _SPANISH_GROUP.findall(_letters(word))
    return max(1, sum(1 + sum(_hiatus(a, b) for a, b in pairwise(group)) for group in groups))


# Measured on 43-53 common words per language (exact counts; total syllables against the true total), pyphen
# (left=1, right=1) against vowel groups for the language. The rules (French silent letters, Spanish hiatus) were
# chosen on the first 25-33 words; the last 20 of each list were held out to check them:
#   de  vowel groups 43/50 (-5.2%)   pyphen 41/50 (+6.0%: it cuts compounds apart, "Zusammen-a-r-beit")
#   fr  vowel groups 50/53 (-2.4%)   pyphen 47/53 (-5.5%: "équipe", "conseil", "confiance" come out at 1)
#   es  vowel groups 43/45 (-1.6%)   pyphen 29/45 (-13.3%: it keeps hiatus together, "leer", "día", "correo")
#   nl  vowel groups 43/43 (0.0%)    pyphen 41/43 (-1.9%)
#   pt  pyphen pt_PT 41/46 (-0.7%)   vowel groups 36/46 (-7.4%: hiatus, "dia", "ideia", "apoio")
#   pl  pyphen 42/45 (-2.5%)         vowel groups 42/45 (-2.5%): a tie, so the dictionary
SYLLABLES: dict[str, Callable[[str], int]] = {
    "de": vowel_group_syllables("aeiouyäöü"),
    "fr": vowel_group_syllables("aeiouyéèêëàâîïôûùüœæ", _french),
    "es": spanish_syllables,
    "nl": vowel_group_syllables("aeiouyáéíóúèàëïöü", _dutch),
    "pt": hyphenation_syllables("pt_PT"),
    "pl": hyphenation_syllables("pl_PL"),
}


def _no_syllables(word: str) -> int:
    return 1  # Gulpease and LIX count letters; their counts never use syllables


# -- the languages -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Formula:
    name: str
    score: Callable[[Counts], float]
    grade: Callable[[float], float]
    syllables: Callable[[str], int] = _no_syllables


FORMULAS: dict[str, Formula] = {
    "de": Formula("Wiener Sachtextformel", wiener_sachtextformel, as_grade, SYLLABLES["de"]),
    "fr": Formula("Kandel-Moles", kandel_moles, flesch_ease_grade, SYLLABLES["fr"]),
    "es": Formula("Fernández-Huerta", fernandez_huerta, flesch_ease_grade, SYLLABLES["es"]),
    "it": Formula("Gulpease", gulpease, gulpease_grade),
    "nl": Formula("Flesch-Douma", flesch_douma, flesch_ease_grade, SYLLABLES["nl"]),
    "pt": Formula("Flesch (Martins et al.)", flesch_martins, flesch_ease_grade, SYLLABLES["pt"]),
    "pl": Formula("FOG-PL", fog_pl, as_grade, SYLLABLES["pl"]),
    "sv": Formula("LIX", lix, lix_grade),
}
"""By base language (no Arabic: see the module notes)."""


def base_language(language: str) -> str:
    """ "pt-BR" → "pt", "de_AT" → "de"."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]


def has_formula(language: str) -> bool:
    return base_language(language) in FORMULAS or base_language(language) == "en"


def counts(markdown: str | None, syllables: Callable[[str], int]) -> Counts:
    found = words(markdown)
    letters = [len(_letters(w)) or len(w) for w in found]  # a number counts its digits
    per_word = [syllables(w) for w in found]
    return Counts(
        words=len(found),
        sentences=sentences(markdown),
        letters=sum(letters),
        syllables=sum(per_word),
        long_words=sum(n > LONG_WORD_LETTERS for n in letters),
        one_syllable=sum(n == 1 for n in per_word),
        three_syllables=sum(n >= 3 for n in per_word),
        four_syllables=sum(n >= 4 for n in per_word),
    )


def reading_level(markdown: str | None, language: str) -> ReadingLevel | None:
    """The text's reading level by its language's formula (grade 0 for text with no words); None when the
    builder has no formula for the language."""
    base = base_language(language)
    if base == "en":
        english = readability(markdown)
        return ReadingLevel("Flesch-Kincaid", english.grade, english.grade, english.words, english.sentences, False)
    formula = FORMULAS.get(base)
    if formula is None:
        return None
    found = counts(markdown, formula.syllables)
    if not found.words:
        return ReadingLevel(formula.name, 0.0, 0.0, 0, found.sentences)
    score = formula.score(found)
    return ReadingLevel(formula.name, score, formula.grade(score), found.words, found.sentences)
