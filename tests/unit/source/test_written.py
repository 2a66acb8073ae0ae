"""Written practice (builder/source/questions/written.py): its format and located errors, scoring that leaves
it out, its controls and its printed solution."""

from __future__ import annotations

import random

from builder.source.questions import QUESTION_TYPES, Written
from builder.source.questions.written import checklist_tag, model_answer_markdown
from builder.source.scoring import answer_key, quiz_version, score_quiz
from tests.support.projects import ONE_CHECK, load, make_project

WRITTEN = """\
  - id: q3
    type: written
    objective: say
    prompt: Write a reply.
    model_answer: |
      Thanks, I'll send it **by 3pm**.
"""
CHECKLIST = "    checklist:\n      - I said *when*\n      - I said thanks\n"


def problems(tmp_path, quiz: str) -> list[str]:
    _, found = load(make_project(tmp_path, quizzes__one_check=quiz))
    return [str(p) for p in found]


def test_written_builds_with_its_model_answer_and_checklist_and_no_points(tmp_path):
    course, found = load(make_project(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN + CHECKLIST))
    assert found == []
    quiz = course.quizzes["one-check"]
    (written,) = [q for q in quiz.questions if isinstance(q, Written)]
    assert written.model_answer == "Thanks, I'll send it **by 3pm**.\n"
    assert written.checklist == ("I said *when*", "I said thanks")
    assert written.points == 0 and written.explanation is None
    assert [q.id for q in quiz.scored_questions] == ["q1", "q2"]


def test_written_needs_a_model_answer_at_its_line(tmp_path):
    quiz = ONE_CHECK + WRITTEN.replace("    model_answer: |\n      Thanks, I'll send it **by 3pm**.\n", "")
    assert problems(tmp_path, quiz) == [
        "quizzes/one-check.yml:17:5: questions[2]: missing required key 'model_answer': what a good answer could "
        "look like (Markdown), shown when the learner presses Compare"
    ]


def test_written_points_and_explanation_are_located_errors_in_a_trainers_words(tmp_path):
    quiz = ONE_CHECK + WRITTEN + "    points: 2\n    explanation: Why.\n"
    assert problems(tmp_path, quiz) == [
        "quizzes/one-check.yml:23:5: questions[2].points: a written question is never scored, so it has no points; "
        "remove `points`",
        "quizzes/one-check.yml:24:5: questions[2].explanation: a written question shows its `model_answer` when "
        "the learner compares; put what you would explain there (or in a `checklist` item) and remove "
        "`explanation`",
    ]


def test_written_checklist_has_one_to_ten_short_items(tmp_path):
    eleven = "    checklist:\n" + "".join(f"      - Point {n}\n" for n in range(11))
    assert problems(tmp_path, ONE_CHECK + WRITTEN + eleven) == [
        "quizzes/one-check.yml:24:7: questions[2].checklist: has 11 checklist items, more than the 10 allowed; keep "
        "the most useful ones"
    ]
    assert problems(tmp_path, ONE_CHECK + WRITTEN + "    checklist: []\n") == [
        "quizzes/one-check.yml:23:16: questions[2].checklist: needs at least one checklist item; found 0"
    ]
    assert problems(tmp_path, ONE_CHECK + WRITTEN + "    checklist:\n      - [a, b]\n") == [
        "quizzes/one-check.yml:24:9: questions[2].checklist[0]: should be text, but is a list"
    ]


def test_a_quiz_of_written_questions_only_is_an_error_at_its_questions(tmp_path):
    quiz = "id: one-check\ntitle: Check one\nquestions:\n" + WRITTEN + WRITTEN.replace("id: q3", "id: q4")
    assert problems(tmp_path, quiz) == [
        "quizzes/one-check.yml:4:3: questions: this quiz has only written questions, which are never scored, so "
        "it could never be passed; add at least one question with an answer (single, multiple, true_false, "
        "short_text, ordering, matching or numeric) beside them"
    ]


def test_scoring_leaves_written_questions_out_of_the_key_the_score_and_the_version(tmp_path):
    without, _ = load(make_project(tmp_path / "a", quizzes__one_check=ONE_CHECK))
    course, _ = load(make_project(tmp_path / "b", quizzes__one_check=ONE_CHECK + WRITTEN + CHECKLIST))
    quiz = course.quizzes["one-check"]
    key = answer_key(quiz)
    assert list(key["questions"]) == ["q1", "q2"]
    right = next(t for t in key["questions"]["q1"]["correct"])
    result = score_quiz(key, {"q1": right, "q2": "word", "q3": "My reply"})
    assert (result.score, result.earned, result.total, result.passed) == (100, 2, 2, True)
    assert "q3" not in result.questions
    half = score_quiz(key, {"q1": right, "q2": "no", "q3": ""})
    assert (half.score, half.total) == (50, 2)
    # adding (or editing) a written question keeps learners' saved scores: the version is the scored questions'
    assert quiz_version(quiz) == quiz_version(without.quizzes["one-check"])


def test_written_controls_solution_and_tag(tmp_path):
    course, _ = load(make_project(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN + CHECKLIST))
    written = course.quizzes["one-check"].questions[2]
    kind = QUESTION_TYPES["written"]
    controls = kind.controls("one-check", written, random.Random(1), True)
    assert [(c.value, c.text) for c in controls.checklist] == [("0", "I said *when*"), ("1", "I said thanks")]
    assert controls.tag == checklist_tag(written) and len(controls.tag) == 6
    solution = kind.solution(written)
    assert solution.label == "model_answer" and solution.block == written.model_answer
    assert solution.lines == ("I said *when*", "I said thanks") and solution.lines_label == "checklist_label"
    assert model_answer_markdown(written) == "Thanks, I'll send it **by 3pm**.\n\n- I said *when*\n- I said thanks\n"
    assert kind.is_blank({}, "  ") and not kind.is_blank({}, "text") and not kind.is_correct({}, "text")
