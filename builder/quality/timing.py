"""Checks of how long lessons take and how hard they are to read."""

from __future__ import annotations

from collections.abc import Iterator

from ..source.text import count, shorten
from .metrics import estimated_minutes, lesson_words, role_play_decisions
from .reading_level import has_formula
from .reading_level import reading_level as level_of
from .registry import CheckContext, Finding, check

DURATION_FACTOR = 2.0
DURATION_MARGIN = 2.0
"""A lesson's stated duration is "far off" when the estimate is more than twice it or less than
half of it, and at least 2 minutes away."""
MIN_WORDS_FOR_READING_LEVEL = 40
"""Sections shorter than this are not scored: the formula is meaningless on a sentence or two."""


@check("duration-mismatch", "a lesson whose `duration_minutes` is less than half or more than twice the estimated time")
def duration_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    course, per_minute = ctx.course, ctx.project.words_per_minute
    for lesson in course.lessons:
        estimate = estimated_minutes(course, lesson, per_minute)
        stated = lesson.duration_minutes
        far = estimate > stated * DURATION_FACTOR or estimate < stated / DURATION_FACTOR
        if not far or abs(estimate - stated) < DURATION_MARGIN:
            continue
        quiz = course.quiz_for(lesson)
        decisions = role_play_decisions(course, lesson)
        counted = count(len(quiz.questions) if quiz else 0, "question") + (
            f" and {count(decisions, 'role-play decision')}" if decisions else ""
        )
        yield Finding(
            lesson.origin.path,
            ("duration_minutes",),
            f"the lesson says {stated} minutes but takes about "
            f"{max(1, round(estimate))} ({lesson_words(lesson)} words at {per_minute} a minute, {counted} at "
            "30 seconds); change `duration_minutes` or the lesson",
        )


@check(
    "reading-level",
    "a section whose reading grade (Flesch-Kincaid in English, a formula made for the language in German, French, "
    "Spanish, Italian, Dutch, Portuguese, Polish and Swedish) is above the course's `max_reading_grade`",
)
def reading_level(ctx: CheckContext) -> Iterator[Finding]:
    language, highest = ctx.course.language, ctx.project.max_reading_grade
    if not has_formula(language):
        return  # course check notes that it was skipped
    for lesson in ctx.course.lessons:
        for index, section in enumerate(lesson.sections):
            level = level_of(section.body, language)
            if level is None or level.words < MIN_WORDS_FOR_READING_LEVEL or level.grade <= highest:
                continue
            yield Finding(
                lesson.origin.path,
                ("sections", index, "body"),
                f"'{shorten(' '.join(section.title.split()), 40)}' "
                f"reads at grade {level.grade:.1f} ({level.source}), above the {highest:g} this course aims "
                f"for; use shorter sentences (now {level.per_sentence:.0f} words on average) and plainer words",
            )
