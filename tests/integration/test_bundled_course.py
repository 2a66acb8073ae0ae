"""The bundled Internal Customer Service course meets the bar set for it (issue 4)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from builder.source.questions import MultipleChoice, SingleChoice, Written
from tests.support.paths import REPO
from tests.support.projects import load, project_at

ORIGINALITY = REPO.parent / "shared" / "tools" / "check-originality"


@pytest.fixture(scope="module")
def course():
    course, problems = load(project_at(REPO))
    assert course is not None and problems == [], [str(p) for p in problems]
    return course


def words(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", markdown))


def test_bundled_course_has_the_five_lessons_and_a_final_quiz(course):
    assert [lesson.id for lesson in course.lessons] == [
        "what-is-internal-customer-service",
        "professionalism",
        "soft-skills",
        "trust-model",
        "putting-it-into-practice",
    ]
    assert course.final_quiz is not None and course.final_quiz.pass_mark == 80
    assert 12 <= len(course.final_quiz.questions) <= 20


def test_bundled_lessons_have_the_promised_shape(course):
    for lesson in course.lessons:
        assert 3 <= len(lesson.objectives) <= 5, lesson.id
        assert 4 <= len(lesson.sections) <= 7, lesson.id
        total = sum(words(section.body) for section in lesson.sections)
        assert 700 <= total <= 1400, (lesson.id, total)
        kinds = {section.kind for section in lesson.sections}
        assert "scenario" in kinds and kinds & {"tip", "example"}, lesson.id
        assert lesson.key_points, lesson.id
        quiz = course.quiz_for(lesson)
        # written practice (never scored) comes on top of the questions a learner is scored on
        assert quiz is not None and 6 <= len(quiz.scored_questions) <= 10, lesson.id
        assert len(quiz.questions) - len(quiz.scored_questions) <= 1, lesson.id


def test_bundled_quizzes_assess_every_objective(course):
    for lesson in course.lessons:
        assessed = {question.objective for question in course.quiz_for(lesson).questions}
        assert assessed == {objective.id for objective in lesson.objectives}, lesson.id
    covered = {question.objective.split("/")[0] for question in course.final_quiz.questions}
    assert covered == {lesson.id for lesson in course.lessons}


def test_bundled_questions_explain_and_give_feedback_on_wrong_options(course):
    types = set()
    for quiz in course.quizzes.values():
        for question in quiz.questions:
            types.add(question.type)
            if isinstance(question, Written):  # compared with its model answer and checklist, not explained
                assert question.model_answer and 4 <= len(question.checklist) <= 5, (quiz.id, question.id)
                continue
            assert question.explanation, (quiz.id, question.id)
            if isinstance(question, (SingleChoice, MultipleChoice)):
                for option in question.options:
                    assert option.correct or option.feedback, (quiz.id, question.id, option.text)
                    assert "of the above" not in option.text.lower(), (quiz.id, question.id)
    assert len(types) >= 4


ROLE_PLAYS = {
    "soft-skills": "tense-interruption",
    "trust-model": "overloaded-request",
    "putting-it-into-practice": "clashing-deadlines",
}


def test_bundled_role_plays_are_big_enough_and_trade_dimensions_off(course):
    """Issue 9: at least 8 nodes and 3 endings each, every choice scored and explained, and no
    choice that is simply best on every dimension at every step."""
    for lesson in course.lessons:
        expected = [ROLE_PLAYS[lesson.id]] if lesson.id in ROLE_PLAYS else []
        assert list(lesson.scenario_ids) == expected, lesson.id
    for scenario_id in ROLE_PLAYS.values():
        scenario = course.scenarios[scenario_id]
        assert scenario.dimensions == ("caring", "competency", "integrity")
        assert len(scenario.nodes) >= 8 and len(scenario.endings) >= 3, scenario_id
        choices = [choice for node in scenario.nodes.values() for choice in node.choices]
        assert all(choice.feedback and any(choice.scores) for choice in choices), scenario_id
        # a trade-off: some choice helps one dimension while costing another
        assert any(max(choice.scores) > 0 > min(choice.scores) for choice in choices), scenario_id
        (low_c, high_c), (low_k, high_k), (low_i, high_i) = scenario.score_ranges()
        assert min(high_c, high_k, high_i) > 0 and max(low_c, low_k, low_i) < 0, scenario_id


def test_bundled_text_shares_no_eight_word_run_with_the_sources():
    if not ORIGINALITY.exists():
        assert not os.environ.get("CI"), "CI must run the originality check: ../shared/tools is missing"
        pytest.skip("../shared/tools/check-originality is not beside this checkout")
    result = subprocess.run([str(ORIGINALITY), "content", "quizzes"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert " 0 runs of 8+ words shared" in result.stdout
