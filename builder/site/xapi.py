"""xAPI (docs/xapi.md): what the pages need to send the course's statements to a Learning Record Store.

With the `xapi` plugin option, every page that loads the quiz script also carries the LRS's address and the
course's write-only credentials (#course-xapi), and each quiz its questions' activity definitions (data-xapi on
its root); assets/xapi.js builds and sends the statements. Without the option nothing of this is on a page.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..source.interactions import SCORM_2004, interaction_map
from ..source.model import Course, Quiz
from ..source.questions import QuestionBase, question_type
from ..source.questions.base import ROW_SYMBOLS, SYMBOLS
from ..source.questions.numeric import decimal_symbol
from ..source.scoring import quiz_version

INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"


@dataclass(frozen=True, slots=True)
class XapiSettings:
    """Where statements go and as whom: the LRS's xAPI base (ending in /), the Authorization header the pages
    send (write-only credentials: learners can read it), and the course IRI every id starts with."""

    endpoint: str
    authorization: str
    base: str


def settings_from(option: dict[str, Any] | None, site_url: str | None) -> XapiSettings | None:
    """The plugin's validated `xapi` option as the pages use it; None when it is off. The course IRI is
    `activity_base`, else the site's URL (the option's validation makes sure there is one)."""
    if not option:
        return None
    if option.get("token"):
        authorization = f"Basic {option['token']}"
    else:
        pair = f"{option['username']}:{option['password']}".encode()
        authorization = "Basic " + base64.b64encode(pair).decode()
    base = str(option.get("activity_base") or site_url or "").rstrip("/")
    endpoint = str(option["endpoint"])
    return XapiSettings(endpoint if endpoint.endswith("/") else endpoint + "/", authorization, base)


def page_settings(settings: XapiSettings, course: Course, storage_key: str) -> str:
    """#course-xapi: the LRS, the course as an activity, and every quiz (to tell when the course is passed)."""
    return json.dumps(
        {
            "endpoint": settings.endpoint,
            "auth": settings.authorization,
            "base": settings.base,
            "storage": storage_key,
            "language": course.language,
            "name": course.title,
            "quizzes": [
                {"id": quiz.id, "version": quiz_version(quiz), "passMark": quiz.pass_mark}
                for _, quiz in course.quizzes_in_order()
            ],
        },
        ensure_ascii=False,
    )


def quiz_activities(settings: XapiSettings, course: Course, quiz: Quiz, plain: Callable[[str], str]) -> str:
    """data-xapi of a quiz: its activity and each scored or written question's, with the definition an LRS
    shows and what xapi.js needs to write a response (the choice tokens by source position). `plain` gives
    trainer Markdown as the plain text an LRS shows."""
    quiz_id = f"{settings.base}/quizzes/{quiz.id}"
    questions = {q.id: _question(quiz, q, n, quiz_id, course.language, plain) for n, q in enumerate(quiz.questions, 1)}
    return json.dumps(
        {"id": quiz_id, "name": {course.language: quiz.title}, "type": ASSESSMENT, "questions": questions},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _question(
    quiz: Quiz, question: QuestionBase, number: int, quiz_id: str, language: str, plain: Callable[[str], str]
) -> dict[str, Any]:
    kind = question_type(question)
    described = kind.interaction(question)
    mapped = interaction_map(question, SCORM_2004)
    definition: dict[str, Any] = {
        "type": INTERACTION,
        "name": {language: f"{quiz.title}: {number}"},
        "description": {language: plain(question.prompt)},
        "interactionType": mapped["type"],
    }
    if mapped["patterns"]:
        definition["correctResponsesPattern"] = mapped["patterns"]
    if mapped["type"] in ("choice", "sequencing"):
        definition["choices"] = _components(described.labels, SYMBOLS, language, plain)
    elif mapped["type"] == "matching":
        definition["source"] = _components(described.row_labels, ROW_SYMBOLS, language, plain)
        definition["target"] = _components(described.labels, SYMBOLS, language, plain)
    return {
        "id": f"{quiz_id}/questions/{question.id}",
        "points": question.points,
        "definition": definition,
        **kind.tokens(quiz.id, question),
        **({"decimal": decimal_symbol(language)} if mapped["type"] == "numeric" else {}),
    }


def _components(
    labels: tuple[str, ...], names: str, language: str, plain: Callable[[str], str]
) -> list[dict[str, Any]]:
    return [{"id": names[i], "description": {language: plain(text)}} for i, text in enumerate(labels)]
