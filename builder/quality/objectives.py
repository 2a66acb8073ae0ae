"""Checks that every objective is assessed, by a question of the right lesson."""

from __future__ import annotations

from collections.abc import Iterator

from ..source.sources import Sources
from .metrics import assessing_questions
from .registry import CheckContext, Finding, check


@check("unassessed-objective", "an objective that no question of the lesson's quiz or the final quiz assesses")
def unassessed_objectives(ctx: CheckContext) -> Iterator[Finding]:
    course = ctx.course
    assessing = assessing_questions(course)
    for lesson in course.lessons:
        for index, objective in enumerate(lesson.objectives):
            if (lesson.id, objective.id) in assessing:
                continue
            where = f"quiz '{lesson.quiz_id}'" if lesson.quiz_id else "any quiz"
            also = " or the final quiz" if course.final_quiz_id else ""
            yield Finding(
                lesson.origin.path,
                ("objectives", index, "id"),
                f"objective '{objective.id}' is not "
                f"assessed: no question in {where}{also} has `objective: {objective.id}`",
            )


@check("lesson-without-quiz", "a lesson with no `quiz:`")
def lessons_without_quiz(ctx: CheckContext) -> Iterator[Finding]:
    for lesson in ctx.course.lessons:
        if lesson.quiz_id is None:
            yield Finding(
                lesson.origin.path,
                (),
                f"lesson '{lesson.id}' has no quiz, so learners cannot check what "
                f"they learned; add `quiz: {lesson.id}-check` and create the quiz with "
                f"`course new quiz {lesson.id}-check`",
            )


@check(
    "objective-in-other-lesson",
    "a question whose objective belongs to another lesson (shown beside the error `course validate` gives)",
    needs_course=False,
)
def misplaced_objectives(sources: Sources) -> Iterator[Finding]:
    """Questions whose objective is not one of their lesson's but another lesson's.

    `course validate` reports these as errors ("not an objective of lesson ..."); this says where the
    objective really is, so it reads the files as written and works while the course has errors."""
    if not isinstance(sources.course_file.raw(), dict):
        return
    objectives: dict[str, list[str]] = {}
    lesson_quiz: dict[str, str] = {}
    for lesson_id, _ in sources.listed_lessons():
        lesson = sources.lessons.get(lesson_id)
        if lesson is None:
            continue
        objectives[lesson_id] = [
            o["id"].strip()
            for o in lesson.raw_list("objectives")
            if isinstance(o, dict) and isinstance(o.get("id"), str)
        ]
        quiz_id = lesson.raw("quiz")
        if isinstance(quiz_id, str):
            lesson_quiz[quiz_id.strip()] = lesson_id
    final = sources.course_file.raw("final_quiz")
    owners: list[tuple[str, str | None]] = [
        *lesson_quiz.items(),
        *([(final.strip(), None)] if isinstance(final, str) else []),
    ]
    for quiz_id, owner in owners:
        quiz = sources.quizzes.get(quiz_id)
        if quiz is None:
            continue
        for index, question in enumerate(quiz.raw_list("questions")):
            ref = question.get("objective") if isinstance(question, dict) else None
            if not isinstance(ref, str):
                continue
            lesson_id, objective_id = (owner, ref.strip()) if owner else ref.strip().partition("/")[::2]
            if lesson_id in objectives and objective_id in objectives[lesson_id]:
                continue
            others = [other for other, ids in objectives.items() if other != lesson_id and objective_id in ids]
            if not others:
                continue
            fix = (
                f"move the question to the quiz of lesson '{others[0]}' or assess an objective of lesson '{lesson_id}'"
                if owner
                else f"write `objective: {others[0]}/{objective_id}`"
            )
            yield Finding(
                quiz.checker.file,
                ("questions", index, "objective"),
                f"'{objective_id}' is an objective of lesson '{others[0]}', not of lesson '{lesson_id}'; {fix}",
            )
