"""A quiz's exam settings (`attempts`, `score`, `review`): the model they give, each problem with its exact
words and place, and what the page carries for the quiz script."""

from pathlib import Path

from tests.support.html import build, page_html
from tests.support.projects import ONE_CHECK, load, make_project, valid_course


def with_settings(tmp_path: Path, settings: str) -> list[str]:
    """The problems of the test course when its quiz `one-check` has these settings above its questions."""
    quiz = ONE_CHECK.replace("questions:\n", settings + "questions:\n", 1)
    _, problems = load(make_project(tmp_path, quizzes__one_check=quiz))
    return [str(p) for p in problems]


def test_exam_settings_build_the_model(tmp_path):
    quiz = ONE_CHECK.replace("questions:\n", "attempts: 2\nscore: last\nreview: after_last_attempt\nquestions:\n", 1)
    course = valid_course(make_project(tmp_path, quizzes__one_check=quiz))
    exam = course.quizzes["one-check"]
    assert (exam.attempts, exam.score, exam.review, exam.is_exam) == (2, "last", "after_last_attempt", True)


def test_a_quiz_without_settings_is_practice(tmp_path):
    course = valid_course(make_project(tmp_path))
    practice = course.quizzes["one-check"]
    assert (practice.attempts, practice.score, practice.review, practice.is_exam) == (None, "best", "always", False)


def test_each_wrong_setting_is_an_error_at_its_line(tmp_path):
    assert with_settings(tmp_path, "attempts: 0\nreview: afterpass\nscore: worst\n") == [
        "quizzes/one-check.yml:3:11: attempts: should be between 1 and 100; found 0",
        "quizzes/one-check.yml:4:9: review: 'afterpass' is not allowed here; use one of: always, after_pass, "
        "after_last_attempt, never (did you mean 'after_pass'?)",
        "quizzes/one-check.yml:5:8: score: 'worst' is not allowed here; use one of: best, last",
    ]


def test_review_after_the_last_attempt_needs_a_number_of_attempts(tmp_path):
    assert with_settings(tmp_path, "review: after_last_attempt\n") == [
        "quizzes/one-check.yml:3:9: review: 'after_last_attempt' needs a last attempt: add `attempts:` (how many "
        "a learner may submit), or choose `after_pass` or `never`"
    ]


def test_the_last_attempt_counting_with_one_attempt_is_a_warning(tmp_path):
    assert with_settings(tmp_path, "attempts: 1\nscore: last\n") == [
        "quizzes/one-check.yml:4:8: warning: score: with one attempt the last attempt is the only one: `score: last` "
        "changes nothing here"
    ]


def test_the_page_carries_the_settings_and_tells_the_learner(tmp_path):
    quiz = ONE_CHECK.replace("questions:\n", "attempts: 3\nscore: last\nreview: after_pass\nquestions:\n", 1)
    _, renderer, pages = build(tmp_path, quizzes__one_check=quiz)
    html = page_html(renderer, pages["one/index.md"])
    assert 'data-exam data-attempts="3" data-review="after_pass" data-score-rule="last"' in html
    assert (
        "You may submit this quiz 3 times. Your last attempt is the one that counts. "
        "You will see which answers were right once you pass." in " ".join(html.split())
    )


def test_a_practice_quiz_carries_no_exam_settings(tmp_path):
    _, renderer, pages = build(tmp_path)
    html = page_html(renderer, pages["one/index.md"])
    assert "data-exam" not in html and "data-review" not in html and "course-quiz__rules" not in html


POOL = ONE_CHECK.replace("questions:\n", "{draw}questions:\n", 1) + (
    "  - id: q3\n    type: short_text\n    objective: say\n    prompt: Say it again.\n    accept: [word]\n"
)
"""The test course's quiz with a third question, for the objective `say`: a pool to draw from."""


def pool_problems(tmp_path: Path, draw: str) -> list[str]:
    _, problems = load(make_project(tmp_path, quizzes__one_check=POOL.format(draw=draw)))
    return [str(p) for p in problems]


def test_a_draw_builds_the_model_and_the_answer_key(tmp_path):
    from builder.source.scoring import answer_key

    course = valid_course(make_project(tmp_path, quizzes__one_check=POOL.format(draw="draw: 2\n")))
    pool = course.quizzes["one-check"]
    assert (pool.draw, pool.draw_by_objective, pool.is_exam) == (2, (), False)
    assert answer_key(pool)["draw"] == {"count": 2, "byObjective": []}
    assert "objective" not in answer_key(pool)["questions"]["q1"]
    course = valid_course(make_project(tmp_path, quizzes__one_check=POOL.format(draw="draw: {spot: 1, say: 1}\n")))
    pool = course.quizzes["one-check"]
    assert (pool.draw, pool.draw_by_objective) == (2, (("spot", 1), ("say", 1)))
    key = answer_key(pool)
    assert key["draw"] == {"count": 2, "byObjective": [["spot", 1], ["say", 1]]}
    assert key["questions"]["q2"]["objective"] == "say"


def test_a_draw_larger_than_the_pool_is_an_error_at_draw(tmp_path):
    assert pool_problems(tmp_path, "draw: 4\n") == [
        "quizzes/one-check.yml:3:7: draw: draws 4 questions for each attempt, but the quiz has only 3; lower `draw` "
        "or add questions"
    ]


def test_a_draw_per_objective_is_checked_against_each_objectives_questions(tmp_path):
    assert pool_problems(tmp_path, "draw: {spot: 2, sya: 1}\n") == [
        "quizzes/one-check.yml:3:7: draw: the questions for 'say' would never be asked: the draw has no number for "
        "it; add `say: 1` (or more) to `draw`",
        "quizzes/one-check.yml:3:14: draw.spot: draws 2 questions for 'spot', but only 1 of the quiz's questions "
        "assess it; lower the number or add questions for it",
        "quizzes/one-check.yml:3:17: draw.sya: 'sya' is not the objective of any question in this quiz (did you "
        "mean 'say'?)",
    ]


def test_a_draw_must_be_a_whole_number_or_numbers_by_objective(tmp_path):
    assert pool_problems(tmp_path, "draw: [1, 2]\n") == [
        "quizzes/one-check.yml:3:7: draw: should be a whole number, or a group of whole numbers by objective (like "
        "`objective-id: 2`), but is a list"
    ]
    assert pool_problems(tmp_path, "draw: 0\n") == [
        "quizzes/one-check.yml:3:7: draw: should be between 1 and 1000; found 0"
    ]
    assert pool_problems(tmp_path, "draw: {spot: 0, say: 1}\n") == [
        "quizzes/one-check.yml:3:14: draw.spot: should be between 1 and 1000; found 0"
    ]


def test_a_time_limit_builds_the_model_and_makes_an_exam(tmp_path):
    quiz = ONE_CHECK.replace("questions:\n", "time_limit_minutes: 20\nquestions:\n", 1)
    timed = valid_course(make_project(tmp_path, quizzes__one_check=quiz)).quizzes["one-check"]
    assert (timed.time_limit_minutes, timed.time_extension, timed.is_exam) == (20, True, True)


def test_a_time_limit_is_a_positive_number_of_minutes(tmp_path):
    assert with_settings(tmp_path, "time_limit_minutes: -5\n") == [
        "quizzes/one-check.yml:3:21: time_limit_minutes: should be between 1 and 600; found -5"
    ]


def test_turning_the_extension_off_needs_a_reason(tmp_path):
    assert with_settings(tmp_path, "time_limit_minutes: 5\ntime_extension: false\n") == [
        "quizzes/one-check.yml:4:17: time_extension: learners must be able to extend a time limit (WCAG 2.2.1) "
        "unless the limit is essential; say why it is in `time_extension_reason:`, or leave `time_extension` out"
    ]
    reason = "time_limit_minutes: 5\ntime_extension: false\ntime_extension_reason: A timed call drill\n"
    assert with_settings(tmp_path, reason) == []


def test_an_extension_without_a_time_limit_is_a_warning(tmp_path):
    assert with_settings(tmp_path, "time_extension: true\n") == [
        "quizzes/one-check.yml:3:17: warning: time_extension: the quiz has no time limit, so there is nothing to "
        "extend: add `time_limit_minutes:` or remove this"
    ]


def test_a_timed_quiz_carries_its_limit_and_the_start_button(tmp_path):
    quiz = ONE_CHECK.replace("questions:\n", "time_limit_minutes: 15\nquestions:\n", 1)
    _, renderer, pages = build(tmp_path, quizzes__one_check=quiz)
    html = page_html(renderer, pages["one/index.md"])
    assert 'data-time-limit="15" data-time-extension="true"' in html
    assert "You have 15 minutes once you start." in html
    assert "data-quiz-start hidden>Start the quiz</button>" in html and "data-quiz-extend" in html
