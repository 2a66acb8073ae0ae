"""Measures of a course that `course check` and `course report` share: words, estimated minutes,
role-play decisions, and which questions assess each objective."""

from __future__ import annotations

from ..source.model import Course, Lesson, Quiz
from .readability import WORDS_PER_MINUTE, reading_minutes, word_count


def lesson_words(lesson: Lesson) -> int:
    """Words a learner reads in a lesson: its objectives, sections and key points."""
    return word_count(*(o.text for o in lesson.objectives), *(s.body for s in lesson.sections), *lesson.key_points)


def role_play_decisions(course: Course, lesson: Lesson) -> int:
    """The decisions on the longest path through each of the lesson's role-plays, added up."""
    return sum(scenario.longest_path() for scenario in course.scenarios_for(lesson))


def estimated_minutes(course: Course, lesson: Lesson, words_per_minute: int = WORDS_PER_MINUTE) -> float:
    """Reading time of the lesson plus 30 seconds for each question of its quiz and for each
    decision on the longest path through each of its role-plays."""
    quiz = course.quiz_for(lesson)
    timed = (len(quiz.questions) if quiz else 0) + role_play_decisions(course, lesson)
    return reading_minutes(lesson_words(lesson), timed, words_per_minute=words_per_minute)


def assessing_questions(course: Course) -> dict[tuple[str, str], list[str]]:
    """(lesson id, objective id) -> the questions that assess it, as quiz-id/question-id."""
    found: dict[tuple[str, str], list[str]] = {}
    for lesson in course.lessons:
        quiz = course.quiz_for(lesson)
        if quiz is not None:
            for question in quiz.questions:
                found.setdefault((lesson.id, question.objective), []).append(f"{quiz.id}/{question.id}")
    final = course.final_quiz
    if final is not None:
        for question in final.questions:
            lesson_id, _, objective_id = question.objective.partition("/")
            found.setdefault((lesson_id, objective_id), []).append(f"{final.id}/{question.id}")
    return found


def score_without(quiz: Quiz, missed: list[int]) -> int:
    """The quiz's score (as scoring.py computes it) with every question right but the `missed` points."""
    total = sum(q.points for q in quiz.scored_questions)
    return (total - sum(missed)) * 100 // total if total else 0


def questions_may_miss(quiz: Quiz) -> int:
    """How many questions a learner may get wrong, whichever they are, and still pass: missing the ones
    worth most points still reaches the pass mark. For a question pool, in the draw that allows fewest: of
    the questions worth most, or of those worth least (which of the two it is depends on the points)."""
    points = sorted((q.points for q in quiz.scored_questions), reverse=True)
    if quiz.draw is None:
        return _may_miss(points, quiz.pass_mark)
    drawn = quiz.draw
    return min(_may_miss(points[:drawn], quiz.pass_mark), _may_miss(points[-drawn:], quiz.pass_mark))


def _may_miss(points: list[int], pass_mark: int) -> int:
    """With these questions' points (most first): how many may be wrong, the ones worth most, and still pass."""
    total = sum(points)

    def score(missed: int) -> int:
        return (total - sum(points[:missed])) * 100 // total if total else 0

    return next((k for k in range(1, len(points) + 1) if score(k) < pass_mark), len(points) + 1) - 1
