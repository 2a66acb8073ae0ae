"""The words the item-writing checks look for, one list per language (English so far).

A course whose `language` has no list here skips the checks that read words (true-false-cue,
absolute-option, grammar-cue, negative-stem); the others work in every language. To add a language, add
its lists and its primary language subtag to `BY_LANGUAGE`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CueWords:
    absolutes: tuple[str, ...]
    """Words that make a claim hold without exception; test-wise learners take such statements as false."""
    hedges: tuple[str, ...]
    """Words that soften a claim; test-wise learners take such statements as true."""
    negatives: tuple[str, ...]
    """Words that turn a question round ("Which is NOT ..."), easily missed when reading fast."""
    not_negative: tuple[str, ...]
    """Phrases in which a negative word does not turn the question round ("at least")."""
    articles: tuple[str, ...]
    """Articles that, at the end of a question, fit only some of the options ("a" or "an")."""


ENGLISH = CueWords(
    absolutes=(
        "always",
        "never",
        "only",
        "all",
        "none",
        "every",
        "everyone",
        "no one",
        "nobody",
        "nothing",
        "completely",
        "entirely",
        "totally",
        "must",
    ),
    hedges=(
        "can",
        "could",
        "may",
        "might",
        "often",
        "sometimes",
        "usually",
        "generally",
        "likely",
        "possibly",
    ),
    negatives=("not", "except", "never", "least"),
    not_negative=("at least", "not only"),
    articles=("a", "an"),
)

BY_LANGUAGE: dict[str, CueWords] = {"en": ENGLISH}


def cue_words_for(language: str) -> CueWords | None:
    """The lists for a course's `language` (`en`, `en-GB` and `en_US` all read English), or None."""
    return BY_LANGUAGE.get(language.replace("_", "-").split("-", 1)[0].lower())
