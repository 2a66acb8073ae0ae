"""Rules across a quiz's exam settings, on the file as written (each setting's own format is in
course_format.QUIZ): settings that only mean something together."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .diagnostics import Checker
from .text import count, suggest


def check_exam_settings(raw: dict[str, Any], checker: Checker) -> None:
    attempts = raw.get("attempts")
    if raw.get("review") == "after_last_attempt" and attempts is None:
        checker.error(
            ("review",),
            "'after_last_attempt' needs a last attempt: add `attempts:` (how many a learner may submit), or "
            "choose `after_pass` or `never`",
            "review-needs-attempts",
        )
    if raw.get("time_extension") is False and not str(raw.get("time_extension_reason") or "").strip():
        checker.error(
            ("time_extension",),
            "learners must be able to extend a time limit (WCAG 2.2.1) unless the limit is essential; say why it "
            "is in `time_extension_reason:`, or leave `time_extension` out",
            "extension-needs-reason",
        )
    if "time_extension" in raw and raw.get("time_limit_minutes") is None:
        checker.warn(
            ("time_extension",),
            "the quiz has no time limit, so there is nothing to extend: add `time_limit_minutes:` or remove this",
            "extension-unused",
        )
    if raw.get("score") == "last" and attempts == 1:
        checker.warn(
            ("score",),
            "with one attempt the last attempt is the only one: `score: last` changes nothing here",
            "score-rule-unused",
        )


def check_draw(raw: dict[str, Any], questions: list[dict[str, Any]], checker: Checker) -> None:
    """A question pool's `draw` against the `questions` it draws from (the scored ones: written practice is
    always shown, never drawn): never more than there are (overall or for an objective), only objectives the
    questions assess, and with a draw per objective, every objective drawn from (or its questions would never
    be asked)."""
    draw = raw.get("draw")
    if draw is None:
        return
    objectives = [q.get("objective") for q in questions]
    pool = Counter(o.strip() for o in objectives if isinstance(o, str) and o.strip())
    if isinstance(draw, int) and not isinstance(draw, bool):
        if draw > len(questions):
            checker.error(
                ("draw",),
                f"draws {count(draw, 'question')} for each attempt, but the quiz has only {len(questions)}; lower "
                "`draw` or add questions",
                "draw-too-large",
            )
        return
    if not isinstance(draw, dict):
        return
    for name, wanted in draw.items():
        objective = str(name)
        if objective not in pool:
            checker.error(
                ("draw", name),
                f"'{objective}' is not the objective of any question in this quiz{suggest(objective, list(pool))}",
                "draw-objective",
                key=True,
            )
        elif isinstance(wanted, int) and wanted > pool[objective]:
            checker.error(
                ("draw", name),
                f"draws {count(wanted, 'question')} for '{objective}', but only {pool[objective]} of the quiz's "
                f"questions assess it; lower the number or add questions for it",
                "draw-too-large",
            )
    for objective in pool:
        if objective not in {str(name) for name in draw}:
            checker.error(
                ("draw",),
                f"the questions for '{objective}' would never be asked: the draw has no number for it; add "
                f"`{objective}: 1` (or more) to `draw`",
                "draw-objective-left-out",
            )
