"""One xAPI statement, as it came from a file or an LRS, read into what the item analysis needs: a question's
answer, a quiz attempt's result or a role-play choice (docs/xapi.md says where each part is)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..source.errors import StatementsError
from .activity_ids import (
    ANSWERED,
    FAILED,
    PASSED,
    RESPONDED,
    ActivityIds,
    QuestionActivity,
    QuizActivity,
    RolePlayActivity,
)


@dataclass(frozen=True, slots=True)
class Answer:
    """An `answered` statement: one question of one checked quiz attempt."""

    learner: str
    quiz: str
    question: str
    attempt: int | None
    """The `B/xapi/attempt` context extension (1 for the first); None when the statement has none."""
    success: bool
    points: float | None
    """result.score.raw; None when the statement has no score."""
    max_points: float | None
    response: str | None
    """None when the learner left it blank."""


@dataclass(frozen=True, slots=True)
class QuizResult:
    """A `passed` or `failed` statement: one checked attempt at a quiz."""

    learner: str
    quiz: str
    attempt: int | None
    passed: bool


@dataclass(frozen=True, slots=True)
class RolePlayChoice:
    """A `responded` statement: one choice in a role-play; `ending` when it led to one."""

    learner: str
    role_play: str
    ending: str | None
    scores: Mapping[str, float]
    """The play's score in each dimension so far."""


Record = Answer | QuizResult | RolePlayChoice


def is_statement(value: object) -> bool:
    """Whether a JSON value has the parts every xAPI statement has (an actor, a verb and an object)."""
    return isinstance(value, dict) and all(isinstance(value.get(part), dict) for part in ("actor", "verb", "object"))


def read_statement(statement: Mapping[str, Any], ids: ActivityIds) -> Record | None:
    """What a statement tells the item analysis; None when it is about something else (another course, another
    verb, an activity the contract does not name)."""
    verb = _get(statement, "verb", "id")
    activity = ids.activity(str(_get(statement, "object", "id") or ""))
    if activity is None:
        return None
    learner = learner_key(statement.get("actor"))
    result = _object(statement.get("result"))
    if verb == ANSWERED and isinstance(activity, QuestionActivity):
        score = _object(result.get("score"))
        response = result.get("response")
        return Answer(
            learner=learner,
            quiz=activity.quiz,
            question=activity.question,
            attempt=_attempt(statement, ids),
            success=result.get("success") is True,
            points=_number(score.get("raw")),
            max_points=_number(score.get("max")),
            response=response if isinstance(response, str) and response != "" else None,
        )
    if verb in (PASSED, FAILED) and isinstance(activity, QuizActivity):
        return QuizResult(learner, activity.quiz, _attempt(statement, ids), passed=verb == PASSED)
    if verb == RESPONDED and isinstance(activity, RolePlayActivity):
        extensions = _object(result.get("extensions"))
        ending = extensions.get(ids.extension("ending"))
        scores = extensions.get(ids.extension("scores"))
        return RolePlayChoice(
            learner,
            activity.role_play,
            ending=ending if isinstance(ending, str) and ending else None,
            scores={
                str(d): n
                for d, v in (scores.items() if isinstance(scores, dict) else ())
                if (n := _number(v)) is not None
            },
        )
    return None


def learner_key(actor: object) -> str:
    """One string per learner, from the Agent's inverse functional identifier (an account, mbox, mbox_sha1sum or
    openid, as xAPI defines them); an actor with none is keyed by its whole JSON."""
    if not isinstance(actor, dict):
        raise StatementsError("a statement has no actor")
    account = actor.get("account")
    if isinstance(account, dict):
        return f"account {account.get('homePage')} {account.get('name')}"
    for identifier in ("mbox", "mbox_sha1sum", "openid"):
        if isinstance(actor.get(identifier), str):
            return f"{identifier} {actor[identifier]}"
    return json.dumps(actor, sort_keys=True)


def _attempt(statement: Mapping[str, Any], ids: ActivityIds) -> int | None:
    extensions = _get(statement, "context", "extensions")
    number = extensions.get(ids.extension("attempt")) if isinstance(extensions, dict) else None
    if isinstance(number, bool) or not isinstance(number, (int, float, str)):
        return None
    try:
        return int(number)
    except ValueError:
        return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _object(value: object) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else (a statement missing an optional part)."""
    return value if isinstance(value, dict) else {}


def _get(statement: Mapping[str, Any], *keys: str) -> Any:
    value: Any = statement
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value
