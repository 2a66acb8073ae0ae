"""xAPI statements exactly as docs/xapi.md says a course's pages send them, for tests of `course stats` and of the
pages themselves: given a course, its IRI `B` and a planned pattern of who answers what right, the `answered`
statements of each attempt and its `passed` or `failed`, and a role-play's `responded` statements."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from builder.source.model import Course, Quiz
from builder.source.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    QuestionBase,
    ShortText,
    SingleChoice,
    TrueFalse,
    question_type,
)
from builder.source.questions.base import ROW_SYMBOLS, SYMBOLS
from builder.source.questions.numeric import format_number

VERBS = "http://adlnet.gov/expapi/verbs/"
ACTIVITIES = "http://adlnet.gov/expapi/activities/"
TIMESTAMP = "2026-12-01T09:00:00.000Z"


@dataclass(frozen=True)
class Given:
    """A planned answer that is not simply right or wrong: the response sent (None: blank) and whether it is right."""

    response: str | None
    right: bool


Planned = bool | Given
"""True: the right answer; False: a wrong one (the first wrong option, a reversed order, a wrong text); Given: as
given."""


def actor(base: str, learner: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": base, "name": learner}}


def attempt_statements(
    course: Course, base: str, quiz_id: str, pattern: dict[str, dict[str, Planned]], *, attempt: int = 1
) -> list[dict[str, Any]]:
    """For each learner of `pattern` ({learner: {question id: planned}}), one checked attempt at the quiz: an
    `answered` statement per question planned (the questions the attempt showed, in the quiz's order), then
    `passed` or `failed` with the attempt's percent."""
    quiz = course.quizzes[quiz_id]
    statements: list[dict[str, Any]] = []
    for learner, planned in pattern.items():
        earned = possible = 0
        for question in quiz.questions:
            if question.id not in planned:
                continue
            response, right = _response(question, planned[question.id])
            earned += question.points if right else 0
            possible += question.points
            statements.append(answered(course, base, quiz, question, learner, response, right, attempt))
        percent = round(100 * earned / possible) if possible else 0
        statements.append(quiz_result(course, base, quiz, learner, percent, attempt))
    return statements


def answered(
    course: Course,
    base: str,
    quiz: Quiz,
    question: QuestionBase,
    learner: str,
    response: str | None,
    right: bool,
    attempt: int,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "success": right,
        "score": {"raw": question.points if right else 0, "min": 0, "max": question.points},
    }
    if not question_type(question).scored:  # written practice: the text only, no success
        result = {}
    if response is not None:
        result = {"response": response, **result}
    quiz_iri = f"{base}/quizzes/{quiz.id}"
    number = quiz.questions.index(question) + 1
    return _statement(
        course,
        base,
        learner,
        "answered",
        {
            "objectType": "Activity",
            "id": f"{quiz_iri}/questions/{question.id}",
            "definition": {
                "type": ACTIVITIES + "cmi.interaction",
                "name": {course.language: f"{quiz.title}, question {number}"},
                "description": {course.language: question.prompt},
                **definition(question),
            },
        },
        result,
        parent=quiz_iri,
        attempt=attempt,
        salt=f"{quiz.id}/{question.id}",
    )


def quiz_result(course: Course, base: str, quiz: Quiz, learner: str, percent: int, attempt: int) -> dict[str, Any]:
    passed = percent >= quiz.pass_mark
    return _statement(
        course,
        base,
        learner,
        "passed" if passed else "failed",
        {
            "objectType": "Activity",
            "id": f"{base}/quizzes/{quiz.id}",
            "definition": {"type": ACTIVITIES + "assessment", "name": {course.language: quiz.title}},
        },
        {
            "success": passed,
            "completion": True,
            "score": {"scaled": percent / 100, "raw": percent, "min": 0, "max": 100},
        },
        attempt=attempt,
        salt=quiz.id,
    )


def role_play_statements(
    course: Course, base: str, role_play_id: str, learner: str, choices: list[int], *, play: int = 1
) -> list[dict[str, Any]]:
    """One play of a role-play: a `responded` statement per choice (its position at each node, from the start),
    the last one with the ending it led to, each with the scores so far."""
    scenario = course.scenarios[role_play_id]
    node = scenario.nodes[scenario.start]
    totals = dict.fromkeys(scenario.dimensions, 0)
    statements = []
    for step, position in enumerate(choices):
        choice = node.choices[position]
        for dimension, score in zip(scenario.dimensions, choice.scores, strict=True):
            totals[dimension] += score
        following = scenario.nodes[choice.next]
        extensions: dict[str, Any] = {
            f"{base}/xapi/node": node.id,
            f"{base}/xapi/choice": position,
            f"{base}/xapi/scores": dict(totals),
        }
        if following.is_ending:
            extensions[f"{base}/xapi/ending"] = following.id
        statements.append(
            _statement(
                course,
                base,
                learner,
                "responded",
                {
                    "objectType": "Activity",
                    "id": f"{base}/role-plays/{scenario.id}",
                    "definition": {"type": ACTIVITIES + "simulation", "name": {course.language: scenario.title}},
                },
                {"response": choice.text, "extensions": extensions},
                salt=f"{scenario.id}/{play}/{step}",
            )
        )
        node = following
    assert node.is_ending, "the planned choices must reach an ending"
    return statements


def definition(question: QuestionBase) -> dict[str, Any]:
    """interactionType, correctResponsesPattern and the components of the question's type (docs/xapi.md)."""
    language = "en"
    if isinstance(question, (SingleChoice, MultipleChoice)):
        right = [SYMBOLS[i] for i, option in enumerate(question.options) if option.correct]
        return {
            "interactionType": "choice",
            "correctResponsesPattern": ["[,]".join(right)],
            "choices": [{"id": SYMBOLS[i], "description": {language: o.text}} for i, o in enumerate(question.options)],
        }
    if isinstance(question, TrueFalse):
        return {"interactionType": "true-false", "correctResponsesPattern": [str(question.answer).lower()]}
    if isinstance(question, ShortText):
        return {"interactionType": "fill-in", "correctResponsesPattern": list(question.accept)}
    if isinstance(question, Numeric):
        low, high = question.answer - question.tolerance, question.answer + question.tolerance
        return {
            "interactionType": "numeric",
            "correctResponsesPattern": [f"{format_number(low)}[:]{format_number(high)}"],
        }
    if isinstance(question, Ordering):
        return {
            "interactionType": "sequencing",
            "correctResponsesPattern": ["[,]".join(SYMBOLS[: len(question.items)])],
            "choices": [{"id": SYMBOLS[i], "description": {language: item}} for i, item in enumerate(question.items)],
        }
    if isinstance(question, Matching):
        values = [*(pair.right for pair in question.pairs), *question.distractors]
        return {
            "interactionType": "matching",
            "correctResponsesPattern": [
                "[,]".join(f"{ROW_SYMBOLS[i]}[.]{SYMBOLS[i]}" for i in range(len(question.pairs)))
            ],
            "source": [{"id": ROW_SYMBOLS[i], "description": {language: p.left}} for i, p in enumerate(question.pairs)],
            "target": [{"id": SYMBOLS[i], "description": {language: v}} for i, v in enumerate(values)],
        }
    return {"interactionType": "long-fill-in"}


def right_response(question: QuestionBase) -> str:
    if not question_type(question).scored:
        return "What I would say, in my own words."
    return str(definition(question)["correctResponsesPattern"][0]).split("[:]")[0]


def wrong_response(question: QuestionBase) -> str:
    if isinstance(question, (SingleChoice, MultipleChoice)):
        return next(SYMBOLS[i] for i, option in enumerate(question.options) if not option.correct)
    if isinstance(question, TrueFalse):
        return str(not question.answer).lower()
    if isinstance(question, Numeric):
        return format_number(question.answer + question.tolerance + 1)
    if isinstance(question, Ordering):
        return "[,]".join(reversed(SYMBOLS[: len(question.items)]))
    if isinstance(question, Matching):
        rows = len(question.pairs)
        return "[,]".join(f"{ROW_SYMBOLS[i]}[.]{SYMBOLS[(i + 1) % rows]}" for i in range(rows))
    return "something else"


def _response(question: QuestionBase, planned: Planned) -> tuple[str | None, bool]:
    if isinstance(planned, Given):
        return planned.response, planned.right
    return (right_response(question) if planned else wrong_response(question)), planned


def _statement(
    course: Course,
    base: str,
    learner: str,
    verb: str,
    activity: dict[str, Any],
    result: dict[str, Any],
    *,
    parent: str | None = None,
    attempt: int | None = None,
    salt: str,
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "registration": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base}#{learner}")),
        "platform": "course builder",
        "language": course.language,
        "contextActivities": {"grouping": [{"id": base}], **({"parent": [{"id": parent}]} if parent else {})},
    }
    if attempt is not None:
        context["extensions"] = {f"{base}/xapi/attempt": attempt}
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{base}#{learner}#{verb}#{salt}#{attempt}")),
        "actor": actor(base, learner),
        "verb": {"id": VERBS + verb, "display": {"en-US": verb}},
        "object": activity,
        "result": result,
        "context": context,
        "timestamp": TIMESTAMP,
    }
