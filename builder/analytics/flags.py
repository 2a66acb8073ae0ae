"""What a trainer should look at in a question's figures: too easy, too hard, not telling learners apart, or a
wrong option nobody chooses. Each flag says what the figure means and what to do, in a trainer's words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .responses import OptionCount

MIN_ATTEMPTS_TO_FLAG = 5
"""Fewer attempts say too little about a question to flag it."""
TOO_EASY = 0.9
TOO_HARD = 0.3
LOW_DISCRIMINATION = 0.1


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    message: str


def question_flags(
    *, attempts: int, facility: float | None, discrimination: float | None, options: Sequence[OptionCount], kind: str
) -> tuple[Flag, ...]:
    """The flags of a question with at least MIN_ATTEMPTS_TO_FLAG attempts (none for fewer)."""
    if attempts < MIN_ATTEMPTS_TO_FLAG or facility is None:
        return ()
    flags = []
    share = f"{facility:.0%} of {attempts} attempts got it right"
    if facility > TOO_EASY:
        flags.append(
            Flag(
                "too-easy",
                f"too easy: {share}; it tells you little about who has learned: make the wrong options "
                "mistakes learners really make, or keep it as a warm-up on purpose",
            )
        )
    elif facility < TOO_HARD:
        flags.append(
            Flag(
                "too-hard",
                f"too hard: only {share}; check the key, check the wording is not ambiguous, and check the lesson "
                "teaches it",
            )
        )
    if discrimination is not None and discrimination < 0:
        flags.append(
            Flag(
                "negative-discrimination",
                f"discrimination {discrimination:.2f}: the learners who do best on the rest of the quiz miss it "
                "more often: check the key",
            )
        )
    elif discrimination is not None and discrimination < LOW_DISCRIMINATION:
        flags.append(
            Flag(
                "low-discrimination",
                f"discrimination {discrimination:.2f}: getting it right has almost nothing to do with how learners "
                "do on the rest of the quiz; check it is not a guess, a trick or about something the quiz does "
                "not teach",
            )
        )
    if kind == "choice":
        for option in options:
            if not option.right and option.count == 0 and option.name != "(blank)":
                flags.append(
                    Flag(
                        "unpicked-distractor",
                        f"nobody chose the wrong option {option.label} in {attempts} attempts; replace it with a "
                        "mistake learners really make, or remove it",
                    )
                )
    return tuple(flags)
