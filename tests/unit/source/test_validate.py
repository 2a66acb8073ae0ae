"""Each class of validation problem, with its exact words and location."""

import gc
from pathlib import Path

import pytest

from builder.source import validate
from builder.source.errors import ContentError
from builder.source.questions import Matching, Ordering, ShortText, SingleChoice, TrueFalse
from tests.support.projects import (
    COURSE,
    FINAL,
    ONE,
    ONE_CHECK,
    TWO,
    load,
    make_project,
)


def problems_of(tmp_path: Path, **overrides: str | None) -> list[str]:
    _, problems = load(make_project(tmp_path, **overrides))
    return [str(p) for p in problems]


def test_validate_valid_course_builds_the_model(tmp_path):
    course, problems = load(make_project(tmp_path))
    assert problems == []
    assert [lesson.id for lesson in course.lessons] == ["one", "two"]
    assert course.lessons[1].sections[0].kind == "tip"
    assert course.lessons[0].sections[0].kind == "text"
    assert course.quizzes["one-check"].pass_mark == 70  # inherited from the course
    assert course.quizzes["final"].pass_mark == 90
    assert course.quizzes["one-check"].shuffle is True
    q1, q2 = course.quizzes["one-check"].questions
    assert isinstance(q1, SingleChoice) and [o.correct for o in q1.options] == [True, False]
    assert isinstance(q2, ShortText) and q2.accept == ("word",) and q2.points == 1
    f1, f2, f3 = course.quizzes["final"].questions
    assert isinstance(f1, TrueFalse) and f1.answer is True
    assert isinstance(f2, Ordering) and f2.items == ("A", "B", "C")
    assert isinstance(f3, Matching) and [p.right for p in f3.pairs] == ["1", "2"]
    assert course.final_quiz.id == "final"
    assert course.total_minutes == 10


def test_validate_unknown_key_suggests_the_right_one(tmp_path):
    text = ONE_CHECK.replace("    prompt: Which?", "    promt: Which?")
    assert problems_of(tmp_path, quizzes__one_check=text) == [
        "quizzes/one-check.yml:4:5: questions[0]: missing required key 'prompt': the question in Markdown",
        "quizzes/one-check.yml:7:5: questions[0].promt: unknown key 'promt' (did you mean 'prompt'?)",
    ]


def test_validate_missing_required_top_level_key(tmp_path):
    text = ONE.replace("summary: The first.\n", "")
    assert problems_of(tmp_path, content__one=text) == [
        "content/one.yml:1:1: missing required key 'summary': one line shown in the course overview"
    ]


def test_validate_wrong_type_and_range(tmp_path):
    text = ONE.replace("duration_minutes: 5", "duration_minutes: five")
    assert problems_of(tmp_path, content__one=text) == [
        "content/one.yml:4:19: duration_minutes: should be a whole number, but is text 'five'"
    ]
    text = COURSE.replace("pass_mark: 70", "pass_mark: 101")
    assert problems_of(tmp_path, content__course=text) == [
        "content/course.yml:3:12: pass_mark: should be between 0 and 100; found 101"
    ]


def test_validate_list_expected(tmp_path):
    text = COURSE.replace("lessons: [one, two]", "lessons: one")
    problems = problems_of(tmp_path, content__course=text)
    assert problems[0] == (
        "content/course.yml:4:10: lessons: should be a list (write `- ` before each lesson id), but is text 'one'"
    )


def test_validate_bad_slug_suggests_a_fixed_one(tmp_path):
    text = ONE.replace("  - id: say", "  - id: Say It")
    assert problems_of(tmp_path, content__one=text)[0] == (
        "content/one.yml:8:9: objectives[1].id: 'Say It' is not a valid id: use lowercase letters, digits and "
        "hyphens, like 'say-it'"
    )


def test_validate_unknown_choice_suggests_the_closest(tmp_path):
    text = TWO.replace("kind: tip", "kind: tipp")
    assert problems_of(tmp_path, content__two=text) == [
        "content/two.yml:10:11: sections[0].kind: 'tipp' is not allowed here; use one of: text, scenario, "
        "example, tip, warning (did you mean 'tip'?)"
    ]


def test_validate_single_choice_needs_exactly_one_correct(tmp_path):
    none = ONE_CHECK.replace("        correct: true\n", "")
    assert problems_of(tmp_path, quizzes__one_check=none) == [
        "quizzes/one-check.yml:9:7: questions[0].options: a single-choice question needs exactly one option with "
        "`correct: true`; found none"
    ]
    two = ONE_CHECK.replace("      - text: That", "      - text: That\n        correct: true")
    assert problems_of(tmp_path, quizzes__one_check=two) == [
        "quizzes/one-check.yml:9:7: questions[0].options: a single-choice question needs exactly one option with "
        "`correct: true`; found 2 (use type: multiple for several right answers)"
    ]


def test_validate_multiple_choice_needs_a_correct_option(tmp_path):
    text = ONE_CHECK.replace("type: single", "type: multiple").replace("        correct: true\n", "")
    assert problems_of(tmp_path, quizzes__one_check=text) == [
        "quizzes/one-check.yml:9:7: questions[0].options: a multiple-choice question needs at least one option "
        "with `correct: true`; found none"
    ]


def test_validate_too_few_options(tmp_path):
    text = ONE_CHECK.replace("      - text: That\n", "")
    assert problems_of(tmp_path, quizzes__one_check=text) == [
        "quizzes/one-check.yml:9:7: questions[0].options: needs at least 2 options; found 1"
    ]


def test_validate_key_of_another_question_type(tmp_path):
    text = FINAL.replace("    answer: yes\n", "    answer: yes\n    accept: [x]\n")
    assert problems_of(tmp_path, quizzes__final=text) == [
        "quizzes/final.yml:10:5: questions[0].accept: unknown key 'accept' (a true_false question has no "
        "'accept'; short_text questions use it)"
    ]


def test_validate_keys_of_other_question_types_are_explained_for_each_type(tmp_path):
    text = FINAL.replace("    answer: yes\n", "    answer: yes\n    accept: [x]\n").replace(
        "    prompt: Match.\n", "    prompt: Match.\n    answer: yes\n    items: [A]\n"
    )
    assert problems_of(tmp_path, quizzes__final=text) == [
        "quizzes/final.yml:10:5: questions[0].accept: unknown key 'accept' (a true_false question has no "
        "'accept'; short_text questions use it)",
        "quizzes/final.yml:20:5: questions[2].answer: unknown key 'answer' (a matching question has no 'answer'; "
        "true_false and numeric questions use it)",
        "quizzes/final.yml:21:5: questions[2].items: unknown key 'items' (a matching question has no 'items'; "
        "ordering questions use it)",
    ]


def test_validate_duplicate_ids(tmp_path):
    text = ONE_CHECK.replace("  - id: q2", "  - id: q1")
    assert problems_of(tmp_path, quizzes__one_check=text) == [
        "quizzes/one-check.yml:12:9: questions[1].id: question id 'q1' is used twice in this quiz (also questions[0])"
    ]
    text = ONE.replace("  - id: say", "  - id: spot")
    assert problems_of(tmp_path, content__one=text, quizzes__one_check=ONE_CHECK.replace("say", "spot")) == [
        "content/one.yml:8:9: objectives[1].id: objective id 'spot' is used twice in this lesson"
    ]


def test_validate_matching_and_ordering_need_distinct_values(tmp_path):
    text = FINAL.replace('right: "2"', 'right: "1"').replace("[A, B, C]", "[A, B, A]")
    assert problems_of(tmp_path, quizzes__final=text) == [
        "quizzes/final.yml:14:19: questions[1].items[2]: item 'A' is used twice (also in item 1)",
        "quizzes/final.yml:21:26: questions[2].pairs[1].right: the right value '1' is used twice; each must be "
        "different",
    ]


def test_validate_matching_extra_values_must_differ_from_the_pairs_and_each_other(tmp_path):
    text = FINAL + '    distractors: [ "3", "1", "3", "4"]\n'
    assert problems_of(tmp_path, quizzes__final=text) == [
        "quizzes/final.yml:22:25: questions[2].distractors[1]: the extra value '1' is also a pair's right value, "
        "so it matches an item; reword it",
        "quizzes/final.yml:22:30: questions[2].distractors[2]: the extra value '3' is listed twice",
    ]
    course, problems = load(make_project(tmp_path / "ok", quizzes__final=FINAL + '    distractors: ["3"]\n'))
    assert course is not None, problems
    assert course.quizzes["final"].questions[2].distractors == ("3",)


def test_validate_id_must_match_file_name(tmp_path):
    text = TWO.replace("id: two", "id: lesson-two")
    assert problems_of(tmp_path, content__two=text)[0] == (
        "content/two.yml:1:5: id: 'lesson-two' does not match the file name 'two.yml'; rename the file to "
        "lesson-two.yml or set `id: two`"
    )


def test_validate_missing_lesson_and_quiz_references_point_at_the_reference(tmp_path):
    course = COURSE.replace("[one, two]", "[one, tow]")
    one = ONE.replace("quiz: one-check", "quiz: one-chek")
    assert problems_of(tmp_path, content__course=course, content__one=one) == [
        "content/course.yml:4:16: lessons[1]: lesson 'tow' not found: there is no file content/tow.yml "
        "(did you mean 'two'?)",
        "content/one.yml:13:7: quiz: quiz 'one-chek' not found: there is no file quizzes/one-chek.yml "
        "(did you mean 'one-check'?)",
        "content/two.yml:1:1: warning: this lesson is not in the course: add 'two' to `lessons` in content/course.yml",
        "quizzes/final.yml:12:16: questions[1].objective: 'two/order' names lesson 'two', which is not in the course",
        "quizzes/final.yml:17:16: questions[2].objective: 'two/order' names lesson 'two', which is not in the course",
        "quizzes/one-check.yml:1:1: warning: quiz 'one-check' is not used: no lesson has `quiz: one-check` and "
        "it is not the final quiz",
    ]


def test_validate_objectives_must_belong_to_the_lesson(tmp_path):
    quiz = ONE_CHECK.replace("objective: spot", "objective: spott")
    final = FINAL.replace("objective: one/spot", "objective: spot").replace(
        "two/order\n    prompt: Match", "three/order\n    prompt: Match"
    )
    assert problems_of(tmp_path, quizzes__one_check=quiz, quizzes__final=final) == [
        "quizzes/final.yml:7:16: questions[0].objective: 'spot' should name a lesson and one of its objectives, "
        "like 'lesson-id/objective-id', because this is the final quiz",
        "quizzes/final.yml:17:16: questions[2].objective: 'three/order' names lesson 'three', which is not in "
        "the course",
        "quizzes/one-check.yml:6:16: questions[0].objective: 'spott' is not an objective of lesson 'one' "
        "(did you mean 'spot'?)",
    ]


def test_validate_final_quiz_objectives_are_looked_up_in_the_lesson_each_names(tmp_path):
    final = FINAL.replace("objective: two/order\n    prompt: Order", "objective: two/spot\n    prompt: Order").replace(
        "two/order\n    prompt: Match", "one/order\n    prompt: Match"
    )
    assert problems_of(tmp_path, quizzes__final=final) == [
        "quizzes/final.yml:12:16: questions[1].objective: 'spot' is not an objective of lesson 'two'; its "
        "objectives are: order",
        "quizzes/final.yml:17:16: questions[2].objective: 'order' is not an objective of lesson 'one'; its "
        "objectives are: spot, say",
    ]


def test_validate_a_quiz_belongs_to_one_lesson(tmp_path):
    two = TWO + "quiz: one-check\n"
    assert problems_of(tmp_path, content__two=two)[0] == (
        "content/two.yml:12:7: quiz: quiz 'one-check' is already used by lesson 'one'; each quiz belongs to one lesson"
    )


def test_validate_reserved_ids_are_refused(tmp_path):
    course = COURSE.replace("[one, two]", "[one, two, progress]")
    progress = TWO.replace("id: two", "id: progress")
    assert problems_of(tmp_path, content__course=course, content__progress=progress) == [
        "content/progress.yml:1:5: id: 'progress' is reserved for a page the builder makes; choose another id"
    ]


def test_validate_missing_course_file(tmp_path):
    assert problems_of(tmp_path, content__course=None) == [
        "content/course.yml:1:1: the course file is missing; create content/course.yml with a title, a "
        "description and the list of lessons (or run `course init`)"
    ]


def test_validate_collects_every_problem_of_every_file_in_one_run(tmp_path):
    problems = problems_of(
        tmp_path,
        content__course=COURSE.replace("title: Test course\n", ""),
        content__one=ONE.replace("duration_minutes: 5", "duration_minutes: -1"),
        quizzes__final="id: final\ntitle: [oops\n",
        quizzes__one_check=ONE_CHECK.replace("accept: [word]", "accept: []"),
    )
    assert problems == [
        "content/course.yml:1:1: missing required key 'title': the course title, shown on every page",
        "content/one.yml:4:19: duration_minutes: should be between 1 and 600; found -1",
        "quizzes/final.yml:3:1: this is not valid YAML: a list in [square brackets] that starts on line 2 is "
        "not closed with ']'",
        "quizzes/one-check.yml:16:13: questions[1].accept: needs at least one accepted answer; found 0",
    ]


def test_validate_text_fields_keep_what_the_trainer_typed(tmp_path):
    quiz = ONE_CHECK.replace("text: That", "text: no").replace("text: This", "text: 2024-01-01")
    course, problems = load(make_project(tmp_path, quizzes__one_check=quiz))
    assert problems == []
    assert [o.text for o in course.quizzes["one-check"].questions[0].options] == ["2024-01-01", "no"]


def test_validate_content_error_reports_every_problem_as_the_command_line_prints_it(tmp_path):
    _, problems = load(make_project(tmp_path, content__one=ONE.replace("title: Lesson one\n", "")))
    error = ContentError(problems)
    assert (
        error.report()
        == str(error)
        == (
            "error: 1 problem in content/one.yml\n  content/one.yml:1:1: missing required key 'title': the lesson title"
        )
    )
    assert [(d.path, d.message) for d in error.diagnostics] == [((), "missing required key 'title': the lesson title")]


def test_validate_repeated_option_text_and_blank_answers(tmp_path):
    quiz = ONE_CHECK.replace("text: That", "text: This").replace("accept: [word]", "accept: [word, '  ']")
    assert problems_of(tmp_path, quizzes__one_check=quiz) == [
        "quizzes/one-check.yml:11:15: questions[0].options[1].text: option text 'This' is used twice "
        "(also in option 1)",
        "quizzes/one-check.yml:16:20: questions[1].accept[1]: is empty; write some text or remove the key",
    ]


MODULES = """\
title: Test course
description: For tests.
pass_mark: 70
modules:
  - title: Start here
    lessons: [one]
  - title: Then
    lessons: [two]
final_quiz: final
"""


def test_validate_modules_group_lessons_in_course_order(tmp_path):
    course, problems = load(make_project(tmp_path, content__course=MODULES))
    assert problems == []
    assert [lesson.id for lesson in course.lessons] == ["one", "two"]
    assert [(m.title, m.lesson_ids) for m in course.modules] == [("Start here", ("one",)), ("Then", ("two",))]


def test_validate_modules_or_lessons_but_not_both(tmp_path):
    both = MODULES.replace("final_quiz: final", "lessons: [one, two]\nfinal_quiz: final")
    assert problems_of(tmp_path, content__course=both) == [
        "content/course.yml:4:1: modules: use either 'lessons' or 'modules', not both"
    ]
    neither = COURSE.replace("lessons: [one, two]\n", "")
    assert problems_of(tmp_path, content__course=neither)[0] == (
        "content/course.yml:1:1: missing required key 'lessons' (or 'modules')"
    )


def test_validate_module_references_point_into_the_module(tmp_path):
    course = MODULES.replace("lessons: [two]", "lessons: [two, one, three]")
    assert problems_of(tmp_path, content__course=course) == [
        "content/course.yml:8:20: modules[1].lessons[1]: lesson 'one' is listed twice",
        "content/course.yml:8:25: modules[1].lessons[2]: lesson 'three' not found: there is no file content/three.yml",
    ]


def test_validation_pauses_the_cycle_collector_and_gives_it_back(tmp_path, monkeypatch):
    """Validation keeps every file it loads until it returns; the cycle collector would walk them all again
    each time it ran, so it is paused meanwhile, and left as the caller had it."""
    project = make_project(tmp_path)
    seen: list[bool] = []
    check_references = validate.check_references
    monkeypatch.setattr(
        validate, "check_references", lambda sources: (seen.append(gc.isenabled()), check_references(sources))
    )
    assert gc.isenabled()
    assert validate.validate_project(project).course is not None
    assert seen == [False] and gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's frozen objects stay frozen
    try:
        frozen = gc.get_freeze_count()
        validate.validate_project(project)
        # not thawed (0) nor added to (more); a frozen object that other code frees meanwhile leaves the count
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        validate.validate_project(project)
        assert not gc.isenabled()  # a caller that paused it knows why
    finally:
        gc.enable()

    def failing(sources):
        raise RuntimeError("a bug")

    monkeypatch.setattr(validate, "check_references", failing)
    with pytest.raises(RuntimeError):
        validate.validate_project(project)
    assert gc.isenabled()


def test_validation_sets_places_aside_and_the_model_keeps_its_origins(tmp_path):
    """A course without problems never looks up a location after each file's own checks: the files' places are
    set aside, and the model's origins were found while they were at hand."""
    validation = validate.validate_project(make_project(tmp_path))
    assert validation.course is not None
    assert all(loaded.doc is not None and loaded.doc.places is None for loaded in validation.loaded().files())
    lesson = validation.course.lessons[0]
    quiz = validation.course.quizzes[lesson.quiz_id]
    assert (str(lesson.origin), str(lesson.sections[0].origin)) == ("content/one.yml:1:1", "content/one.yml:12:11")
    assert (str(quiz.origin), str(quiz.questions[1].origin)) == (
        "quizzes/one-check.yml:1:1",
        "quizzes/one-check.yml:12:5",
    )
    # a later finding reads the places again
    assert str(validation.loaded().lessons["one"].checker.doc.location(("title",))) == "content/one.yml:2:8"
