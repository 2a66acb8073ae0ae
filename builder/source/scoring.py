"""The one scoring rule, in Python; assets/quiz.js implements the same rule for learners.

Both implementations run the shared cases in tests/scoring_cases.json.

- Each question scores all its points or none.
- A quiz's score is earned points * 100 // total points: a whole-number percent, rounded
  down so a learner is never shown a pass mark they did not reach.
- A quiz passes when score >= pass mark.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .model import Matching, MultipleChoice, Ordering, Question, Quiz, Scenario, ShortText, SingleChoice, TrueFalse


def normalise_answer(text: str) -> str:
    """Short-text answers are compared ignoring case and surrounding or repeated spaces."""
    return " ".join(text.split()).lower()


def choice_token(quiz_id: str, question_id: str, role: str, index: int) -> str:
    """An opaque, stable value for a choice, so the page source does not reveal which is right."""
    return hashlib.sha1(f"{quiz_id}\0{question_id}\0{role}\0{index}".encode()).hexdigest()[:8]


def quiz_version(quiz: Quiz) -> str:
    """A short hash of everything that decides a quiz's answers; stored progress is keyed by it."""
    parts = [quiz.id, str(quiz.pass_mark)]
    for question in quiz.questions:
        parts.append(json.dumps(_question_key(quiz.id, question, feedback={}, explanation=None),
                                sort_keys=True))
        parts.append(question.prompt)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def scenario_version(scenario: Scenario) -> str:
    """A short hash of a role-play's paths and scores: a saved path is kept only while it still fits."""
    shape = [scenario.id, list(scenario.dimensions), scenario.start,
             [[node.id, [[c.next, list(c.scores)] for c in node.choices]] for node in scenario.nodes.values()]]
    return hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).hexdigest()[:12]


def answer_key(quiz: Quiz, render_inline=lambda s: s, render_block=lambda s: s) -> dict[str, Any]:
    """What the quiz script needs to score and explain: answers, points, feedback and explanations."""
    questions = {}
    for question in quiz.questions:
        feedback: dict[str, str] = {}
        if isinstance(question, (SingleChoice, MultipleChoice)):
            for index, option in enumerate(question.options):
                if option.feedback:
                    feedback[choice_token(quiz.id, question.id, "option", index)] = render_inline(option.feedback)
        explanation = render_block(question.explanation) if question.explanation else None
        questions[question.id] = _question_key(quiz.id, question, feedback, explanation)
    return {"v": 1, "quiz": quiz.id, "passMark": quiz.pass_mark, "questions": questions}


def _question_key(quiz_id: str, q: Question, feedback: dict[str, str], explanation: str | None) -> dict[str, Any]:
    key: dict[str, Any] = {"type": q.type, "points": q.points}
    if isinstance(q, (SingleChoice, MultipleChoice)):
        key["correct"] = [choice_token(quiz_id, q.id, "option", i) for i, o in enumerate(q.options) if o.correct]
    elif isinstance(q, TrueFalse):
        key["correct"] = ["true" if q.answer else "false"]
    elif isinstance(q, ShortText):
        key["accept"] = sorted({normalise_answer(a) for a in q.accept})
    elif isinstance(q, Ordering):
        key["correct"] = {choice_token(quiz_id, q.id, "item", i): i + 1 for i in range(len(q.items))}
    elif isinstance(q, Matching):
        key["correct"] = {choice_token(quiz_id, q.id, "left", i): choice_token(quiz_id, q.id, "right", i)
                          for i in range(len(q.pairs))}
    if feedback:
        key["feedback"] = feedback
    if explanation:
        key["explanation"] = explanation
    return key


def encode_key(key: dict[str, Any]) -> str:
    """Base64 of the JSON key: safe in an HTML attribute and not findable by searching the page."""
    return base64.b64encode(json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode()).decode("ascii")


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
    if response is None:
        return True
    if key["type"] == "short_text":
        return not normalise_answer(str(response))
    if key["type"] in ("ordering", "matching"):
        return not any(v not in (None, "") for v in dict(response).values())
    if key["type"] == "multiple":
        return not response
    return response == ""


def is_correct(key: dict[str, Any], response: Any) -> bool:
    if is_blank(key, response):
        return False
    kind = key["type"]
    if kind in ("single", "true_false"):
        return response in key["correct"]
    if kind == "multiple":
        return sorted(set(response)) == sorted(key["correct"]) and len(response) == len(set(response))
    if kind == "short_text":
        return normalise_answer(str(response)) in key["accept"]
    answers = {k: (int(v) if kind == "ordering" and v not in (None, "") else v) for k, v in dict(response).items()}
    return all(answers.get(token) == expected for token, expected in key["correct"].items())


def score_quiz(key: dict[str, Any], responses: dict[str, Any]) -> QuizResult:
    results = {}
    for question_id, question_key in key["questions"].items():
        response = responses.get(question_id)
        correct = is_correct(question_key, response)
        results[question_id] = QuestionResult(correct, is_blank(question_key, response),
                                              question_key["points"] if correct else 0)
    earned = sum(r.points for r in results.values())
    total = sum(q["points"] for q in key["questions"].values())
    score = earned * 100 // total if total else 0
    return QuizResult(score, score >= key["passMark"], earned, total, results)
