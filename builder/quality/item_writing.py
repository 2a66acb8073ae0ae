"""Item-writing checks: the flaws that let an unprepared learner guess right or trip up a prepared one.

They follow Haladyna, Downing & Rodriguez's guidelines for writing multiple-choice items (2002). Each
reads only what a learner reads (code and link addresses are left out; see wording.py), and each is
narrowed so that sound items stay silent:

- the cue words of true/false statements are looked for in the statement itself, the prompt's last
  paragraph (a paragraph setting the scene before it may say "can" or "all"), and not in quotation marks
  (asking "How can I help?" is not a hedge);
- a negative word counts only in the sentence that asks (the last one ending with "?", else the last
  sentence) and outside quotation marks, so "Jo has not replied. What do you do?" is not a negative
  question; "at least" and "not only" are not negatives;
- near-identical questions compare the words of the prompt, and for ordering and matching questions (whose
  prompts are often the same short instruction, "Match each term to its meaning") the items too.

The word lists are in cue_words.py, one per language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from ..source.model import Quiz
from ..source.questions import (
    Matching,
    MultipleChoice,
    Ordering,
    QuestionBase,
    ShortText,
    TrueFalse,
    normalise_answer,
)
from ..source.text import count, shorten
from .cue_words import CueWords, cue_words_for
from .metrics import score_without
from .questions import choice_questions, is_of_the_above, questions_of
from .registry import CheckContext, Finding, check
from .wording import Match, Word, find, phrase_pattern, wording

if TYPE_CHECKING:
    from ..source.diagnostics import DataPath

SAME_COUNT_MIN = 3
"""same-correct-count: the fewest multiple-response questions in a quiz that make a pattern."""
REPEAT_SHARE = Fraction(4, 5)
REPEAT_MIN_WORDS = 6
"""repeated-question: two questions are near-identical when each has at least 6 different words and the words
they share are at least 80% of all the different words in the two (Jaccard similarity of the word sets)."""


def _cues(ctx: CheckContext) -> CueWords | None:
    return cue_words_for(ctx.course.language)


def _at_word(quiz: Quiz, path: DataPath, text: str, found: Match, message: str) -> Finding:
    """A finding that points at the word or phrase `found` inside `text`, the value at `path`."""
    return Finding(
        quiz.origin.path, path, message, needle=phrase_pattern(found.phrase), occurrence=found.occurrence(text)
    )


@check("true-false-cue", 'a true/false statement with an absolute ("always", "never") or a hedge ("usually")')
def true_false_cue(ctx: CheckContext) -> Iterator[Finding]:
    cues = _cues(ctx)
    if cues is None:
        return
    for quiz, index, question in questions_of(ctx):
        if not isinstance(question, TrueFalse):
            continue
        statement = _unquoted(wording(question.prompt).last_paragraph())
        for found in find(statement, cues.absolutes + cues.hedges):
            absolute = found.phrase in cues.absolutes
            yield _at_word(
                quiz,
                ("questions", index, "prompt"),
                question.prompt,
                found,
                f"'{found.phrase}' makes the statement "
                + (
                    "absolute, and test-wise learners mark absolute statements false"
                    if absolute
                    else "hedged, and test-wise learners mark hedged statements true"
                )
                + f" without knowing the answer; say exactly when it holds, without '{found.phrase}', or ask a "
                "single-choice question about a case instead",
            )
            break


@check("absolute-option", 'a wrong option with an absolute ("always", "never", "all") when no correct option has one')
def absolute_option(ctx: CheckContext) -> Iterator[Finding]:
    cues = _cues(ctx)
    if cues is None:
        return
    for quiz, index, question in choice_questions(ctx):
        # "All of the above" has its own check, which says what to do instead.
        found = [
            [] if is_of_the_above(option.text) else find(wording(option.text).words, cues.absolutes)
            for option in question.options
        ]
        if any(hits for option, hits in zip(question.options, found, strict=True) if option.correct):
            continue
        for j, (option, hits) in enumerate(zip(question.options, found, strict=True)):
            if hits:
                yield _at_word(
                    quiz,
                    ("questions", index, "options", j, "text"),
                    option.text,
                    hits[0],
                    f"the wrong option '{_short(option.text)}' says '{hits[0].phrase}' and no correct option "
                    "has such an absolute, so learners can rule it out without knowing the answer; reword it "
                    f"without '{hits[0].phrase}'",
                )


@check("same-correct-count", "a quiz whose multiple-response questions (three or more) all have as many right")
def same_correct_count(ctx: CheckContext) -> Iterator[Finding]:
    for quiz in ctx.course.quizzes.values():
        multiple = [q for q in quiz.questions if isinstance(q, MultipleChoice)]
        counts = {sum(o.correct for o in q.options) for q in multiple}
        if len(multiple) < SAME_COUNT_MIN or len(counts) > 1:
            continue
        right = counts.pop()
        yield Finding(
            quiz.origin.path,
            ("questions",),
            f"all {len(multiple)} multiple-response questions of this quiz "
            f"({', '.join(q.id for q in multiple)}) have {count(right, 'correct option')}, so learners can "
            f"learn to pick {right}; vary how many options are correct from question to question",
        )


@check("grammar-cue", 'a question that ends with "a" or "an", which rules out the options that do not fit it')
def grammar_cue(ctx: CheckContext) -> Iterator[Finding]:
    cues = _cues(ctx)
    if cues is None:
        return
    for quiz, index, question in choice_questions(ctx):
        found = wording(question.prompt).ends_with(cues.articles)
        if found is not None:
            yield _at_word(
                quiz,
                ("questions", index, "prompt"),
                question.prompt,
                found,
                f"the question ends with '{found.word.text}', so learners can rule out the options that do "
                f"not fit after '{found.word.text}'; end the question before the article and start each "
                "option with its own",
            )


@check("negative-stem", 'a question asked the negative way ("not", "except") without the word in bold')
def negative_stem(ctx: CheckContext) -> Iterator[Finding]:
    cues = _cues(ctx)
    if cues is None:
        return
    for quiz, index, question in questions_of(ctx):
        asking = _unquoted(wording(question.prompt).question_sentence())
        for found in find(asking, cues.negatives, unless=cues.not_negative):
            if not found.word.bold:
                yield _at_word(
                    quiz,
                    ("questions", index, "prompt"),
                    question.prompt,
                    found,
                    f"the question asks with '{found.word.text}', which learners miss when they read fast; "
                    f"ask it the positive way, or put the word in bold (**{found.word.text}**)",
                )
                break


def _compared_words(question: QuestionBase) -> frozenset[str]:
    texts = [question.prompt]
    if isinstance(question, Ordering):
        texts += question.items
    elif isinstance(question, Matching):
        texts += [text for pair in question.pairs for text in (pair.left, pair.right)]
        texts += question.distractors
    return frozenset(word.key for text in texts for word in wording(text).words)


@check("repeated-question", "two questions, in one quiz or two, whose prompts are nearly the same")
def repeated_question(ctx: CheckContext) -> Iterator[Finding]:
    questions = list(questions_of(ctx))
    word_sets = [_compared_words(question) for _, _, question in questions]
    for later, earlier, share in near_identical(word_sets):
        quiz, index, _ = questions[later]
        other_quiz, _, other = questions[earlier]
        where = "of this quiz" if other_quiz is quiz else f"in {other_quiz.origin.path}"
        yield Finding(
            quiz.origin.path,
            ("questions", index, "prompt"),
            f"this question is nearly the same as '{other.id}' {where} ({round(share * 100)}% of their words "
            "are shared); learners who remember that one answer this from memory, not understanding; ask about "
            "a new case instead",
        )


def near_identical(word_sets: list[frozenset[str]]) -> Iterator[tuple[int, int, Fraction]]:
    """(later, earlier, share) for each set with an earlier near-identical one (the first such), by
    `REPEAT_SHARE` and `REPEAT_MIN_WORDS`.

    Prefix filtering keeps this far from comparing every pair: with the words of each set in one order,
    rarest first, two sets that share at least `REPEAT_SHARE` of their words must share one of the first
    `len - ceil(REPEAT_SHARE * len) + 1` words of each, so only sets that do are compared."""
    frequency = Counter(word for words in word_sets for word in words)
    index: dict[str, list[int]] = {}
    for later, words in enumerate(word_sets):
        if len(words) < REPEAT_MIN_WORDS:
            continue
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = ordered[: len(ordered) - _ceil(REPEAT_SHARE * len(ordered)) + 1]
        candidates = sorted({earlier for word in prefix for earlier in index.get(word, ())})
        for word in prefix:
            index.setdefault(word, []).append(later)
        for earlier in candidates:
            share = Fraction(len(words & word_sets[earlier]), len(words | word_sets[earlier]))
            if share >= REPEAT_SHARE:
                yield later, earlier, share
                break


def _ceil(value: Fraction) -> int:
    return -(-value.numerator // value.denominator)


@check("narrow-short-text", "a short_text question that accepts only one answer, of two or more words")
def narrow_short_text(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in questions_of(ctx):
        if not isinstance(question, ShortText) or len(question.accept) != 1:
            continue
        answer = question.accept[0]
        words = len(normalise_answer(answer, ignore_accents=question.ignore_accents).split())
        if words >= 2:
            yield Finding(
                quiz.origin.path,
                ("questions", index, "accept"),
                f"the only accepted answer, '{_short(answer)}', has {words} words, and learners put an answer of "
                "several words in many ways; add the other ways of saying it to `accept`, or make it a "
                "single-choice question",
            )


@check("last-pair-free", "a matching question with one value per item, so the last pair is found by elimination")
def last_pair_free(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in questions_of(ctx):
        if isinstance(question, Matching) and not question.distractors:
            known = len(question.pairs) - 1
            yield Finding(
                quiz.origin.path,
                ("questions", index, "pairs"),
                f"each value matches one item, so a learner who knows {count(known, 'pair')} gets the last one "
                "free; add `distractors:` with a value or two that match no item",
            )


@check("no-room-to-miss", "a quiz of two or more questions that a learner passes only with every question right")
def no_room_to_miss(ctx: CheckContext) -> Iterator[Finding]:
    for quiz in ctx.course.quizzes.values():
        scored = quiz.scored_questions
        if len(scored) < 2:
            continue
        best_with_a_slip = score_without(quiz, [min(q.points for q in scored)])
        if best_with_a_slip >= quiz.pass_mark:
            continue
        own = ctx.sources.quizzes[quiz.id].raw("pass_mark") is not None
        yield Finding(
            quiz.origin.path,
            ("pass_mark",) if own else ("questions",),
            f"with {count(len(scored), 'scored question' if len(scored) < len(quiz.questions) else 'question')} "
            f"and a pass mark of {quiz.pass_mark}"
            + ("" if own else " (the course's)")
            + f", one wrong answer fails the quiz (the best score left is {best_with_a_slip}); set `pass_mark` "
            f"to {best_with_a_slip} or lower, or add questions, so one slip does not fail a learner who knows "
            "the rest",
        )


def _unquoted(words: tuple[Word, ...]) -> tuple[Word, ...]:
    return tuple(word for word in words if not word.quoted)


def _short(text: str) -> str:
    return shorten(" ".join(text.split()), 40)
