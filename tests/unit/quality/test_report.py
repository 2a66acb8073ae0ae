"""`course report` (builder/report.py): per-lesson words, time, questions by type and objectives."""

from __future__ import annotations

import json
from dataclasses import replace

from builder.quality.metrics import questions_may_miss
from builder.quality.report import course_report, format_json, format_markdown, format_text
from builder.source.model import Quiz
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import ONE_CHECK, load, make_project, project_at


def report_of(root, **options):
    course, problems = load(project_at(root))
    assert course is not None, [str(p) for p in problems]
    return course_report(course, **options)


def test_report_full_fixture_counts_words_time_and_types():
    report = report_of(FIXTURES / "full")
    alpha, beta = report.lessons
    assert (alpha.id, alpha.words, alpha.stated_minutes, alpha.quiz) == ("alpha", 47, 6, "alpha-check")
    assert alpha.estimated_minutes == round(47 / 200 + 3 * 0.5, 1)
    assert alpha.questions == {"single": 1, "multiple": 1, "true_false": 1}
    assert beta.questions == {"short_text": 1, "ordering": 1, "matching": 1}
    assert report.final_quiz == "final-check"
    assert report.final_questions == {"single": 1, "true_false": 1}
    assert report.total_questions == 8


def test_report_lists_the_questions_that_assess_each_objective():
    alpha = report_of(FIXTURES / "full").lessons[0]
    assert [(o.id, o.assessed_by) for o in alpha.objectives] == [
        ("pick-one", ["alpha-check/single-one", "alpha-check/tf-three", "final-check/f1"]),
        ("pick-many", ["alpha-check/multiple-two"]),
    ]


def test_report_text_table():
    text = format_text(report_of(FIXTURES / "full"))
    assert text.splitlines()[:7] == [
        "Fixture Course: 2 lessons, final quiz 'final-check', 8 questions, 59 words. The lessons take about 5 "
        "minutes (they state 14); the final quiz about 1.",
        "",
        "lesson               words  est. min  stated  questions  by type",
        "-------------------  -----  --------  ------  ---------  ------------------------------------",
        "alpha                   47       1.7       6          3  single 1, multiple 1, true_false 1",
        "beta                    12       3.1       8          3  short_text 1, ordering 1, matching 1",
        "(final) final-check                                   2  single 1, true_false 1",
    ]
    assert "    pick-one   alpha-check: single-one, tf-three; final-check: f1" in text
    assert "    match-up      beta-check: match-three" in text
    # beta's role-play: the longest path (3 decisions) counts 30 seconds a decision in beta's estimate
    assert (
        "  desk-visit  in beta: 7 nodes, 3 endings, up to 3 decisions; caring -3 to 2, competency -1 to 2, "
        "integrity -4 to 2"
    ) in text.splitlines()


def test_report_lists_role_plays_in_every_format():
    report = report_of(FIXTURES / "full")
    (row,) = report.scenarios
    assert (row.id, row.lesson, row.nodes, row.endings, row.longest_path) == ("desk-visit", "beta", 7, 3, 3)
    assert row.scores == {"caring": [-3, 2], "competency": [-1, 2], "integrity": [-4, 2]}
    assert json.loads(format_json(report))["scenarios"][0]["endings"] == 3
    assert (
        "| A visit to your desk (`desk-visit`) | `beta` | 7 | 3 | 3 | caring -3 to 2, competency -1 to 2, "
        "integrity -4 to 2 |"
    ) in format_markdown(report).splitlines()
    assert "Role-plays" not in format_text(report_of(FIXTURES / "minimal"))


def test_report_marks_objectives_nobody_assesses():
    text = format_text(report_of(FIXTURES / "minimal"))
    assert "    read  NOT ASSESSED" in text


def test_report_json_is_the_same_data():
    data = json.loads(format_json(report_of(FIXTURES / "full")))
    assert data["title"] == "Fixture Course"
    assert data["total_questions"] == 8
    assert data["lessons"][1]["objectives"][0] == {
        "id": "name-it",
        "text": "Name the thing.",
        "assessed_by": ["beta-check/short-one", "final-check/f2"],
    }
    assert data["final_estimated_minutes"] == 1.0


def test_report_markdown_tables():
    markdown = format_markdown(report_of(FIXTURES / "full"))
    lines = markdown.splitlines()
    assert lines[0] == "# Fixture Course"
    assert "| Alpha lesson (`alpha`) | 47 | 1.7 | 6 | 3 | single 1, multiple 1, true_false 1 |" in lines
    assert "| `pick-many`: Pick every right answer. | alpha-check: multiple-two |" in lines


def test_report_words_per_minute_changes_the_estimate():
    slow = report_of(REPO, words_per_minute=100).lessons[0]
    fast = report_of(REPO).lessons[0]
    assert slow.words == fast.words
    assert slow.estimated_minutes > fast.estimated_minutes


def test_report_assessment_profile_per_quiz():
    report = report_of(FIXTURES / "full")
    alpha, beta, final = report.assessments
    assert (alpha.quiz, alpha.lesson, alpha.questions, alpha.pass_mark) == ("alpha-check", "alpha", 3, 75)
    assert alpha.may_miss == 0  # 2 of 3 right is 66, under 75
    assert beta.may_miss == 1  # 2 of 3 right is 66, over 60
    assert (final.lesson, final.true_false_percent) == (None, 50)
    assert alpha.by_type == {"single": 1, "multiple": 1, "true_false": 1}
    assert alpha.by_objective == {"pick-one": 2, "pick-many": 1}
    assert final.by_objective == {"alpha/pick-one": 1, "beta/name-it": 1}
    assert alpha.correct_options == {"multiple-two": [2, 3]}
    assert beta.correct_options == {}


def test_report_assessment_profile_in_every_format():
    report = report_of(FIXTURES / "full")
    text = format_text(report).splitlines()
    assert (
        "  alpha-check (lesson alpha): 3 questions, pass mark 75: every question must be right; true/false 33%" in text
    )
    assert "  beta-check (lesson beta): 3 questions, pass mark 60: may miss any 1; true/false 0%" in text
    assert "    correct options in multiple-response questions: multiple-two 2 of 3" in text
    assert "  all quizzes: 8 questions, 2 true/false (25%)" in text
    markdown = format_markdown(report)
    assert (
        "| `alpha-check` | 3 | 75 | 0 | 33% | single 1, multiple 1, true_false 1 | pick-one 2, pick-many 1 | "
        "multiple-two 2 of 3 | practice (every question, unlimited attempts, marks at once) |"
    ) in markdown.splitlines()
    data = json.loads(format_json(report))
    assert data["assessments"][0] == {
        "quiz": "alpha-check",
        "lesson": "alpha",
        "questions": 3,
        "pass_mark": 75,
        "may_miss": 0,
        "true_false_percent": 33,
        "by_type": {"single": 1, "multiple": 1, "true_false": 1},
        "by_objective": {"pick-one": 2, "pick-many": 1},
        "correct_options": {"multiple-two": [2, 3]},
        "draw": None,
        "draw_by_objective": None,
        "attempts": None,
        "score": "best",
        "review": "always",
    }


def test_report_may_miss_counts_the_questions_worth_most():
    """With points 3, 1, 1, 1 and a pass mark of 50: missing the 3-point question leaves 50, so a learner may
    miss any one; missing two can leave 33."""

    def quiz(points, pass_mark):
        course, _ = load(project_at(FIXTURES / "full"))
        base = course.quizzes["alpha-check"]
        questions = tuple(replace(base.questions[0], points=p) for p in points)
        return Quiz(id="q", title="Q", pass_mark=pass_mark, shuffle=False, questions=questions, origin=base.origin)

    assert questions_may_miss(quiz([3, 1, 1, 1], 50)) == 1
    assert questions_may_miss(quiz([1] * 10, 80)) == 2
    assert questions_may_miss(quiz([1] * 10, 0)) == 10
    assert questions_may_miss(quiz([1, 1], 100)) == 0


def test_report_shows_how_each_quiz_is_taken_and_may_miss_counts_a_pools_draw(tmp_path):
    """A pool drawing 5 of 10 one-point questions at pass mark 80 allows 1 miss (4 of 5 is 80), not 2."""
    quiz = ONE_CHECK.replace(
        "questions:\n", "pass_mark: 50\ndraw: 1\nattempts: 2\nscore: last\nreview: never\nquestions:\n", 1
    )
    course, _ = load(make_project(tmp_path, quizzes__one_check=quiz))
    assert course is not None
    profile = next(p for p in course_report(course).assessments if p.quiz == "one-check")
    assert (profile.draw, profile.attempts, profile.score, profile.review) == (1, 2, "last", "never")
    assert (
        "    taken as: pool: 1 of 2 each attempt; exam: 2 attempts, last counts, marks never shown"
        in format_text(course_report(course)).splitlines()
    )

    def pool(points, pass_mark, draw):
        base = course.quizzes["one-check"]
        questions = tuple(replace(base.questions[0], id=f"q{i}", points=p) for i, p in enumerate(points))
        return replace(base, pass_mark=pass_mark, questions=questions, draw=draw)

    assert questions_may_miss(pool([1] * 10, 80, 5)) == 1
    assert questions_may_miss(pool([1] * 10, 80, None)) == 2
