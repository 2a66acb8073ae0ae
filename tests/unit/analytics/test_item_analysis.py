"""The item analysis on statements generated as docs/xapi.md says the pages send them."""

from __future__ import annotations

import pytest

from builder.analytics.activity_ids import ActivityIds
from builder.analytics.item_analysis import CourseStats, QuestionStats, analyse, point_biserial
from builder.source.model import Course
from tests.support.xapi_statements import Given, attempt_statements, role_play_statements

from .conftest import BASE

IDS = ActivityIds.under(BASE)


def question(stats: CourseStats, quiz: str, question_id: str) -> QuestionStats:
    return next(q for z in stats.quizzes if z.id == quiz for q in z.questions if q.id == question_id)


def options(q: QuestionStats) -> dict[str, int]:
    return {o.label: o.count for o in q.options}


def test_item_analysis_facility_is_the_planned_share_of_right_answers(course: Course):
    pattern = {f"learner-{i}": {"single-one": i < 7, "multiple-two": i < 2, "tf-three": True} for i in range(10)}
    stats = analyse(course, IDS, attempt_statements(course, BASE, "alpha-check", pattern))
    alpha = stats.quizzes[0]
    assert (alpha.id, alpha.attempts) == ("alpha-check", 10)
    assert [(q.id, q.attempts, q.facility) for q in alpha.questions] == [
        ("single-one", 10, 0.7),
        ("multiple-two", 10, 0.2),
        ("tf-three", 10, 1.0),
    ]
    assert stats.statements.answers == 30 and stats.statements.quiz_results == 10


def test_item_analysis_point_biserial_matches_a_hand_computed_value():
    # right: 1, 1, 0, 0; rest: 80, 60, 40, 60 -> covariance 20, spreads 1 and 800: r = 20 / sqrt(800)
    assert point_biserial([True, True, False, False], [80, 60, 40, 60]) == pytest.approx(0.70710678)
    assert point_biserial([True], [50]) is None
    assert point_biserial([True, True, True], [10, 50, 90]) is None  # everyone right
    assert point_biserial([True, False, True], [50, 50, 50]) is None  # the same rest score for all


def test_item_analysis_discrimination_leaves_the_question_out_of_the_rest_score(course: Course):
    # single-one is worth 1 point, multiple-two 2, tf-three 1; single-one's rest scores (of 3 points) are
    # 100%, 33.3%, 66.7% and 0%, for right, right, wrong, wrong: r = 33.3 / sqrt(1 * 5555.6) = 1 / sqrt(5)
    pattern = {
        "a": {"single-one": True, "multiple-two": True, "tf-three": True},
        "b": {"single-one": True, "multiple-two": False, "tf-three": True},
        "c": {"single-one": False, "multiple-two": True, "tf-three": False},
        "d": {"single-one": False, "multiple-two": False, "tf-three": False},
    }
    stats = analyse(course, IDS, attempt_statements(course, BASE, "alpha-check", pattern))
    assert question(stats, "alpha-check", "single-one").discrimination == pytest.approx(5**-0.5)
    assert stats.quizzes[0].mean_score == pytest.approx((100 + 50 + 50 + 0) / 4)


def test_item_analysis_a_question_only_the_weakest_get_right_discriminates_negatively(course: Course):
    # learners 0-9 from weakest to strongest on the other questions; only the three weakest get f2 right
    pattern = {f"learner-{i}": {"single-one": i >= 3, "multiple-two": i >= 5, "tf-three": i >= 2} for i in range(10)}
    for i, planned in enumerate(pattern.values()):
        planned["single-one"] = i < 3
    stats = analyse(course, IDS, attempt_statements(course, BASE, "alpha-check", pattern))
    single = question(stats, "alpha-check", "single-one")
    assert single.discrimination is not None and single.discrimination < -0.5
    assert single.flags[0].code == "negative-discrimination"
    assert single.flags[0].message.endswith(
        "the learners who do best on the rest of the quiz miss it more often: check the key"
    )
    assert str(single.location) == "quizzes/alpha-check.yml:4:5"


def test_item_analysis_counts_first_attempts_unless_asked_for_all(course: Course):
    learners = [f"learner-{i}" for i in range(10)]
    first = attempt_statements(
        course, BASE, "beta-check", {who: {"short-one": i < 3} for i, who in enumerate(learners)}
    )
    second = attempt_statements(course, BASE, "beta-check", {who: {"short-one": True} for who in learners}, attempt=2)
    firsts = analyse(course, IDS, [*second, *first])  # an LRS lists the newest first
    every = analyse(course, IDS, [*second, *first], all_attempts=True)
    assert (firsts.quizzes[1].attempts, question(firsts, "beta-check", "short-one").facility) == (10, 0.3)
    assert (every.quizzes[1].attempts, question(every, "beta-check", "short-one").facility) == (20, 0.65)
    assert firsts.statements.later_attempts == 20  # 10 answers and 10 quiz results
    assert question(firsts, "beta-check", "order-two").attempts == 0  # a pool's attempts showed only short-one


def test_item_analysis_counts_each_option_chosen(course: Course):
    pattern = {
        "a": {"multiple-two": Given("a[,]c", True), "short-one": Given("internal customer", True)},
        "b": {"multiple-two": Given("a[,]b", False), "short-one": Given("customer", False)},
        "c": {"multiple-two": Given(None, False), "short-one": Given("customer", False)},
        "d": {"multiple-two": Given("a", False), "short-one": Given(None, False)},
    }
    alpha = {who: {"multiple-two": p["multiple-two"]} for who, p in pattern.items()}
    beta = {who: {"short-one": p["short-one"]} for who, p in pattern.items()}
    stats = analyse(
        course,
        IDS,
        [
            *attempt_statements(course, BASE, "alpha-check", alpha),
            *attempt_statements(course, BASE, "beta-check", beta),
        ],
    )
    assert options(question(stats, "alpha-check", "multiple-two")) == {
        "a (Apple)": 3,
        "b (Carrot)": 1,
        "c (Pear)": 1,
        "(blank)": 1,
    }
    assert options(question(stats, "alpha-check", "single-one")) == {"a (Green)": 0, "b (Blue)": 0, "c (Red)": 0}
    typed = question(stats, "beta-check", "short-one").options
    assert [(o.label, o.count, o.right) for o in typed] == [
        ("customer", 2, False),
        ("(blank)", 1, False),
        ("internal customer", 1, True),
    ]


def test_item_analysis_counts_ordering_positions_and_matching_pairs(course: Course):
    pattern = {
        "a": {"order-two": Given("a[,]b[,]c", True), "match-three": Given("1[.]a[,]2[.]b[,]3[.]d", False)},
        "b": {"order-two": Given("b[,]a[,]c", False), "match-three": Given("1[.]a[,]2[.]b[,]3[.]c", True)},
    }
    stats = analyse(course, IDS, attempt_statements(course, BASE, "beta-check", pattern))
    assert options(question(stats, "beta-check", "order-two")) == {
        "3rd: c (Deliver)": 2,
        "1st: a (Listen)": 1,
        "1st: b (Agree a time)": 1,
        "2nd: a (Listen)": 1,
        "2nd: b (Agree a time)": 1,
    }
    matching = options(question(stats, "beta-check", "match-three"))
    assert matching["3 (Integrity) → d (Answering every request first)"] == 1
    assert matching["1 (Caring) → a (Showing you value the person)"] == 2


def test_item_analysis_flags_easy_hard_and_unpicked_options_from_five_attempts(course: Course):
    pattern = {f"learner-{i}": {"single-one": True, "tf-three": i < 1} for i in range(5)}
    stats = analyse(course, IDS, attempt_statements(course, BASE, "alpha-check", pattern))
    single, true_false = question(stats, "alpha-check", "single-one"), question(stats, "alpha-check", "tf-three")
    assert [(f.code, f.message) for f in single.flags] == [
        (
            "too-easy",
            "too easy: 100% of 5 attempts got it right; it tells you little about who has learned: make the wrong "
            "options mistakes learners really make, or keep it as a warm-up on purpose",
        ),
        (
            "unpicked-distractor",
            "nobody chose the wrong option a (Green) in 5 attempts; replace it with a mistake learners really "
            "make, or remove it",
        ),
        (
            "unpicked-distractor",
            "nobody chose the wrong option c (Red) in 5 attempts; replace it with a mistake learners really "
            "make, or remove it",
        ),
    ]
    assert [f.code for f in true_false.flags] == ["too-hard"]
    fewer = analyse(course, IDS, attempt_statements(course, BASE, "alpha-check", dict(list(pattern.items())[:4])))
    assert question(fewer, "alpha-check", "single-one").flags == ()


def test_item_analysis_role_play_endings_and_average_final_scores(course: Course):
    statements = [
        *role_play_statements(course, BASE, "desk-visit", "a", [0, 0]),  # good-end: caring 2, competency 2, integrity 2
        *role_play_statements(course, BASE, "desk-visit", "b", [0, 1]),  # mixed-end: 2, 1, -1
        *role_play_statements(course, BASE, "desk-visit", "c", [1, 1]),  # bad-end: -3, -1, 0
        *role_play_statements(course, BASE, "desk-visit", "a", [0, 0], play=2),  # good-end again
    ]
    (play,) = analyse(course, IDS, statements).role_plays
    assert (play.id, play.plays) == ("desk-visit", 4)
    assert play.endings == (("good-end", 2), ("mixed-end", 1), ("bad-end", 1))
    assert dict(play.mean_scores) == pytest.approx({"caring": 3 / 4, "competency": 4 / 4, "integrity": 3 / 4})


def test_item_analysis_counts_statements_about_other_courses_and_lost_questions(course: Course):
    other = attempt_statements(course, "https://elsewhere.example.org/course", "alpha-check", {"a": {"tf-three": True}})
    lost = attempt_statements(course, BASE, "alpha-check", {"a": {"tf-three": True}})
    lost[0]["object"]["id"] = f"{BASE}/quizzes/alpha-check/questions/removed"
    stats = analyse(course, IDS, [*other, *lost])
    assert (stats.statements.read, stats.statements.not_this_course, stats.statements.unknown) == (4, 2, 1)


def test_item_analysis_leaves_written_practice_out(tmp_path):
    from tests.support.projects import valid_course, write_project

    quiz = """\
id: practice
title: Practice
questions:
  - id: say-it
    type: written
    objective: spot
    prompt: Say it your way.
    model_answer: Like this.
  - id: pick
    type: true_false
    objective: spot
    prompt: True?
    answer: true
"""
    lesson = "id: one\ntitle: One\nsummary: S.\nduration_minutes: 5\nobjectives:\n  - {id: spot, text: Spot.}\n"
    course = valid_course(
        write_project(
            tmp_path,
            {
                "content/course.yml": "title: T\ndescription: D.\nlessons: [one]\n",
                "content/one.yml": lesson + "sections:\n  - {title: S, body: B.}\nquiz: practice\n",
                "quizzes/practice.yml": quiz,
            },
        )
    )
    stats = analyse(course, IDS, attempt_statements(course, BASE, "practice", {"a": {"say-it": True, "pick": True}}))
    assert [q.id for q in stats.quizzes[0].questions] == ["pick"]
    assert (stats.statements.written, stats.statements.unknown, stats.statements.answers) == (1, 0, 1)
    assert stats.quizzes[0].mean_score == 100
