"""Rules across a quiz's exam settings, on the file as written (each setting's own format is in
course_format.QUIZ): settings that only mean something together."""

from __future__ import annotations

from typing import Any

from .diagnostics import Checker


def check_exam_settings(raw: dict[str, Any], checker: Checker) -> None:
    attempts = raw.get("attempts")
    if raw.get("review") == "after_last_attempt" and attempts is None:
        checker.error(
            ("review",),
            "'after_last_attempt' needs a last attempt: add `attempts:` (how many a learner may submit), or "
            "choose `after_pass` or `never`",
            "review-needs-attempts",
        )
    if raw.get("score") == "last" and attempts == 1:
        checker.warn(
            ("score",),
            "with one attempt the last attempt is the only one: `score: last` changes nothing here",
            "score-rule-unused",
        )
