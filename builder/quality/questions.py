"""Checks of quiz questions: feedback and explanations, and options that give the answer away."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from math import ceil

from ..source.model import Quiz
from ..source.questions import (
    MultipleChoice,
    QuestionBase,
    ShortText,
    SingleChoice,
    TrueFalse,
    normalise_answer,
    question_type,
)
from ..source.text import shorten
from .readability import words
from .registry import CheckContext, Finding, check

SIMILARITY = 0.9
SIMILARITY_MIN_LENGTH = 20
"""Two options are near-duplicates when, ignoring case, punctuation and the words a, an and the,
they are the same or (both at least 20 characters long, with the same numbers) at least 90%
alike by difflib's ratio: "12 minutes" and "15 minutes" are different answers, "Tell your
manager first" and "Tell you're manager first" are not. Word order counts ("Sam asked Dev")."""
LONG_OPTION_RATIO = 1.5
LONG_OPTION_MARGIN = 10
"""A correct option is "much longer" when it is 1.5 times the wrong options' average length and
at least 10 characters longer than the longest of them."""
SAME_TRUE_FALSE_MIN = 3

_OF_THE_ABOVE = re.compile(
    r"\b(?:all|none|both|neither)\s+(?:(?:of\s+)?the\s+above|of\s+these|of\s+them)\b", re.IGNORECASE
)
_ARTICLES = frozenset({"a", "an", "the"})


def _short(text: str) -> str:
    return shorten(" ".join(text.split()), 40)


def questions_of(ctx: CheckContext) -> Iterator[tuple[Quiz, int, QuestionBase]]:
    """Every question of the course with its quiz and position."""
    for quiz in ctx.course.quizzes.values():
        for index, question in enumerate(quiz.questions):
            yield quiz, index, question


def choice_questions(ctx: CheckContext) -> Iterator[tuple[Quiz, int, SingleChoice | MultipleChoice]]:
    """Every single and multiple choice question of the course with its quiz and position."""
    for quiz, index, question in questions_of(ctx):
        if isinstance(question, (SingleChoice, MultipleChoice)):
            yield quiz, index, question


@check("missing-feedback", "a wrong option of a single or multiple choice question with no `feedback`")
def missing_feedback(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in choice_questions(ctx):
        for j, option in enumerate(question.options):
            if not option.correct and option.feedback is None:
                yield Finding(
                    quiz.origin.path,
                    ("questions", index, "options", j),
                    f"the wrong option '{_short(option.text)}' has no feedback; add `feedback:` to say why it is wrong",
                )


@check("missing-explanation", "a question with no `explanation`")
def missing_explanation(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in questions_of(ctx):
        if question.explanation is None and question_type(question).scored:  # written practice has its model answer
            yield Finding(
                quiz.origin.path,
                ("questions", index),
                f"question '{question.id}' has no explanation; add "
                "`explanation:` so learners see why the answer is right",
            )


@check("all-of-the-above", 'an option such as "all of the above" or "none of the above"')
def of_the_above(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in choice_questions(ctx):
        for j, option in enumerate(question.options):
            if is_of_the_above(option.text):
                yield Finding(
                    quiz.origin.path,
                    ("questions", index, "options", j, "text"),
                    f"'{_short(option.text)}' "
                    "lets learners answer by elimination instead of knowledge; write a specific option "
                    "instead"
                    + (" (type: multiple lets several options be right)" if question.type == "single" else ""),
                )


def is_of_the_above(text: str) -> bool:
    """Whether an option is "all of the above", "none of these" or the like."""
    return bool(_OF_THE_ABOVE.search(" ".join(words(text))))


def _normalised_option(text: str) -> str:
    return " ".join(w for w in " ".join(words(text)).casefold().replace("’", "'").split() if w not in _ARTICLES)


def _likeness(a: str, b: str) -> str | None:
    """How alike two normalised options are: "the same as", "nearly the same as" or None."""
    if a == b:
        return "the same as"
    if (
        min(len(a), len(b)) >= SIMILARITY_MIN_LENGTH
        and re.findall(r"\d+", a) == re.findall(r"\d+", b)
        and difflib.SequenceMatcher(None, a, b).ratio() >= SIMILARITY
    ):
        return "nearly the same as"
    return None


@check("similar-options", "two options of a question that are the same or nearly the same")
def similar_options(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in choice_questions(ctx):
        options = question.options
        normalised = [_normalised_option(o.text) for o in options]
        for k in range(len(options)):
            for j in range(k):
                how = _likeness(normalised[j], normalised[k]) if normalised[j] and normalised[k] else None
                if how:
                    yield Finding(
                        quiz.origin.path,
                        ("questions", index, "options", k, "text"),
                        f"'{_short(options[k].text)}' is {how} option {j + 1} ('{_short(options[j].text)}'); "
                        "make each option clearly different",
                    )
                    break


def _plain_length(text: str) -> int:
    return len(" ".join(words(text)))


@check("long-correct-option", "a single-choice question whose correct option is much longer than the others")
def long_correct_option(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in choice_questions(ctx):
        if not isinstance(question, SingleChoice):
            continue
        options = question.options
        correct = next(i for i, o in enumerate(options) if o.correct)
        wrong = [_plain_length(o.text) for o in options if not o.correct]
        length = _plain_length(options[correct].text)
        average = sum(wrong) / len(wrong)
        if length >= LONG_OPTION_RATIO * average and length >= max(wrong) + LONG_OPTION_MARGIN:
            yield Finding(
                quiz.origin.path,
                ("questions", index, "options", correct, "text"),
                f"the correct option is "
                f"{length} characters long, the wrong ones {round(average)} on average; learners pick the "
                "longest option as a guess, so make the options a similar length",
            )


@check(
    "colliding-answers",
    "two accepted answers of a short_text question that are the same answer as learners' answers are compared",
)
def colliding_answers(ctx: CheckContext) -> Iterator[Finding]:
    for quiz, index, question in questions_of(ctx):
        if not isinstance(question, ShortText):
            continue
        seen: dict[str, int] = {}
        for k, answer in enumerate(question.accept):
            key = normalise_answer(answer, ignore_accents=question.ignore_accents)
            if key in seen:
                yield Finding(
                    quiz.origin.path,
                    ("questions", index, "accept", k),
                    f"'{answer}' is the same answer as "
                    f"'{question.accept[seen[key]]}' as learners' answers are compared (case, spaces, hyphens and "
                    "punctuation at either end make no difference); keep one of them",
                )
            else:
                seen[key] = k


@check("same-true-false", "a quiz with three or more true/false questions that all have the same answer")
def same_true_false(ctx: CheckContext) -> Iterator[Finding]:
    for quiz in ctx.course.quizzes.values():
        answers = [(i, q) for i, q in enumerate(quiz.questions) if isinstance(q, TrueFalse)]
        if len(answers) < SAME_TRUE_FALSE_MIN or len({q.answer for _, q in answers}) > 1:
            continue
        value = "true" if answers[0][1].answer else "false"
        yield Finding(
            quiz.origin.path,
            ("questions", answers[-1][0], "answer"),
            f"all {len(answers)} true/false "
            f"questions of this quiz ({', '.join(q.id for _, q in answers)}) have `answer: {value}`, so "
            f"learners can guess the pattern; make some statements {'false' if value == 'true' else 'true'}",
        )


SMALL_POOL_FACTOR = 1.5
"""A question pool varies too little when it holds fewer than 1.5 times the questions an attempt draws (for
each objective, with a draw per objective): draw 9 of 10 and every attempt repeats 8 of the last one's."""


@check("small-pool", "a question pool too small for its draw to vary (fewer than 1.5 questions for each one drawn)")
def small_pool(ctx: CheckContext) -> Iterator[Finding]:
    for quiz in ctx.course.quizzes.values():
        if quiz.draw is None:
            continue
        draws = quiz.draw_by_objective or (("", quiz.draw),)
        for objective, wanted in draws:
            pool = sum(1 for q in quiz.scored_questions if not objective or q.objective == objective)
            if pool >= wanted * SMALL_POOL_FACTOR:
                continue
            which = f" for '{objective}'" if objective else ""
            yield Finding(
                quiz.origin.path,
                ("draw", objective) if objective else ("draw",),
                f"the draw takes {wanted} of {pool} questions{which}, so each attempt repeats most of the last "
                f"one's; add questions (at least {ceil(wanted * SMALL_POOL_FACTOR)}) or draw fewer",
            )
