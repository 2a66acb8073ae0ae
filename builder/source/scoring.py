"""The one scoring rule, in Python; assets/scoring.js implements the same rule for learners.

Both implementations run the shared cases in tests/scoring_cases.json.

- Each question scores all its points or none; what counts as right is its type's rule
  (builder/source/questions/), and an unanswered question is wrong.
- A quiz's score is earned points * 100 // total points: a whole-number percent, rounded
  down so a learner is never shown a pass mark they did not reach.
- A quiz passes when score >= pass mark.
- Written practice (questions/written.py) is never scored: it is left out of the answer key and the
  version, so the score is out of the other questions and editing a model answer keeps learners' scores.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .identity import by_identity
from .model import Course, Quiz, Scenario
from .questions import QuestionBase, question_type


@by_identity
def quiz_version(quiz: Quiz) -> str:
    """A short hash of everything that decides a quiz's answers; stored progress is keyed by it."""
    parts = [quiz.id, str(quiz.pass_mark)]
    for question in quiz.scored_questions:
        key = {
            "type": question.type,
            "points": question.points,
            **question_type(question).version_key(quiz.id, question),
        }
        parts.append(json.dumps(key, sort_keys=True))
        parts.append(question.prompt)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


@by_identity
def scenario_version(scenario: Scenario) -> str:
    """A short hash of a role-play's paths and scores: a saved path is kept only while it still fits."""
    shape = [
        scenario.id,
        list(scenario.dimensions),
        scenario.start,
        [[node.id, [[c.next, list(c.scores)] for c in node.choices]] for node in scenario.nodes.values()],
    ]
    return hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).hexdigest()[:12]


def course_version(course: Course, *, remember: bool = False) -> str:
    """A short hash of what learners see (the title, description, lessons, quizzes, role-plays and pass marks),
    printed on the certificate and the workbook so a trainer can tell which edition was passed or handed out.
    Where the text sits in the source files (line numbers, YAML layout, comments) and the certificate's own
    settings do not count.

    The hash is of `json.dumps(seen, sort_keys=True, ensure_ascii=False)` where `seen` holds each part as
    `_as_seen` gives it. That text is hashed as it is written, a lesson, quiz or role-play at a time, and never
    held whole: at 1,000 lessons it is 10 MB, and held (with its pieces) it was a build's peak of memory.
    With `remember` (the preview), each part's JSON is kept for as long as that part of the model lives (a
    rebuild keeps the parts whose files did not change), so only what changed is turned into JSON again."""
    part_json = _remembered_json if remember else _part_json
    seen: dict[str, Iterable[str]] = {
        "title": [_json(course.title)],
        "description": [_json(course.description)],
        "language": [_json(course.language)],
        "modules": _json_list(map(part_json, course.modules)),
        "lessons": _json_list(map(part_json, course.lessons)),
        "quizzes": _json_object({key: _when_written(part_json, quiz) for key, quiz in course.quizzes.items()}),
        "final": [_json(course.final_quiz_id)],
        "scenarios": _json_object(
            {key: _when_written(part_json, scenario) for key, scenario in course.scenarios.items()}
        ),
    }
    digest = hashlib.sha256()
    for piece in _json_object(seen):
        digest.update(piece.encode())
    return digest.hexdigest()[:10]


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _part_json(part: Any) -> str:
    return _json(_as_seen(part))


_remembered_json = by_identity(_part_json)


def _when_written(part_json: Callable[[Any], str], part: Any) -> Iterator[str]:
    """A part's JSON, made only when it is written."""
    yield part_json(part)


def _json_list(items: Iterable[str]) -> Iterator[str]:
    """A JSON list of items already in JSON, as json.dumps writes it, in pieces."""
    yield "["
    for n, item in enumerate(items):
        if n:
            yield ", "
        yield item
    yield "]"


def _json_object(items: Mapping[str, Iterable[str]]) -> Iterator[str]:
    """A JSON object of values already in JSON (each in pieces, made only when written), keys sorted, as
    json.dumps(sort_keys=True) writes it, in pieces."""
    yield "{"
    for n, key in enumerate(sorted(items)):
        yield ("" if n == 0 else ", ") + f"{_json(str(key))}: "
        yield from items[key]
    yield "}"


def _as_seen(value: Any) -> Any:
    """A model value as JSON data, without the source locations (`origin`) it carries."""
    if value is None or isinstance(value, (str, int, float, bool)):  # most values: checked first
        return value
    names = _seen_fields(type(value))
    if names is not None:
        return {"": type(value).__name__, **{name: _as_seen(getattr(value, name)) for name in names}}
    if isinstance(value, Mapping):
        return {str(key): _as_seen(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_seen(item) for item in value]
    raise TypeError(f"course_version cannot read a {type(value).__name__}")


_SEEN_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _seen_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a model class that learners see (all but `origin`), in order; None for a class that is not
    a dataclass. Looked up once per class: a 1,000-lesson course has 400,000 values."""
    if kind not in _SEEN_FIELDS:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _SEEN_FIELDS[kind] = None if fields is None else tuple(f.name for f in fields if f.name != "origin")
    return _SEEN_FIELDS[kind]


def _same(text: str) -> str:
    return text


def answer_key(
    quiz: Quiz, render_inline: Callable[[str], str] = _same, render_block: Callable[[str], str] = _same
) -> dict[str, Any]:
    """What the quiz script needs to score and explain: answers, points, feedback and explanations."""
    questions = {}
    for question in quiz.scored_questions:
        feedback = {
            token: render_inline(text)
            for token, text in question_type(question).option_feedback(quiz.id, question).items()
        }
        explanation = render_block(question.explanation) if question.explanation else None
        questions[question.id] = _question_key(quiz.id, question, feedback, explanation)
        if quiz.draw_by_objective:
            questions[question.id]["objective"] = question.objective
    key: dict[str, Any] = {"v": 1, "quiz": quiz.id, "passMark": quiz.pass_mark, "questions": questions}
    if quiz.draw is not None:
        # assets/draw.js draws from the questions: `count` of them, or `byObjective` [objective, how many]
        key["draw"] = {"count": quiz.draw, "byObjective": [list(pair) for pair in quiz.draw_by_objective]}
    return key


def _question_key(
    quiz_id: str, question: QuestionBase, feedback: dict[str, str], explanation: str | None
) -> dict[str, Any]:
    key: dict[str, Any] = {
        "type": question.type,
        "points": question.points,
        **question_type(question).key(quiz_id, question),
    }
    if feedback:
        key["feedback"] = feedback
    if explanation:
        key["explanation"] = explanation
    return key


_ABOVE_LATIN_1_CONTROLS = re.compile("[\u00a0-\U0010ffff]")


def obscure(text: str) -> str:
    """`text` unreadable at a glance and unfindable by searching: ROT13 for ASCII letters, and every character from
    U+00A0 up swapped with its neighbour (code point XOR 1), so words in any script are scrambled. Each character
    always becomes the same one, of the same length in UTF-8, so the text compresses as well as before (base64,
    used until 2026-12, took a third more bytes and defeated the page's gzip: 44% of the final assessment's
    compressed page); applied twice, the text comes back. assets/scoring.js decodeKey() undoes it."""
    return _ABOVE_LATIN_1_CONTROLS.sub(lambda m: chr(ord(m.group()) ^ 1), codecs.encode(text, "rot_13"))


def encode_key(key: dict[str, Any]) -> str:
    """The key for the page's data-quiz-key: its JSON, obscured (obscure()), escaped by the template like any
    attribute value."""
    return obscure(json.dumps(key, separators=(",", ":"), ensure_ascii=False))


def decode_key(encoded: str) -> dict[str, Any]:
    """A key as encode_key() wrote it."""
    key: dict[str, Any] = json.loads(obscure(encoded))
    return key


@dataclass(frozen=True, slots=True)
class QuestionResult:
    correct: bool
    blank: bool
    points: int


@dataclass(frozen=True, slots=True)
class QuizResult:
    score: int
    passed: bool
    earned: int
    total: int
    questions: dict[str, QuestionResult]


def is_blank(key: dict[str, Any], response: Any) -> bool:
    return response is None or question_type(key["type"]).is_blank(key, response)


def is_correct(key: dict[str, Any], response: Any) -> bool:
    return not is_blank(key, response) and question_type(key["type"]).is_correct(key, response)


def score_quiz(key: dict[str, Any], responses: dict[str, Any]) -> QuizResult:
    results = {}
    for question_id, question_key in key["questions"].items():
        response = responses.get(question_id)
        correct = is_correct(question_key, response)
        results[question_id] = QuestionResult(
            correct, is_blank(question_key, response), question_key["points"] if correct else 0
        )
    earned = sum(r.points for r in results.values())
    total = sum(q["points"] for q in key["questions"].values())
    score = earned * 100 // total if total else 0
    return QuizResult(score, score >= key["passMark"], earned, total, results)
