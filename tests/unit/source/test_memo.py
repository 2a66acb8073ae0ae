"""Validating again with a memo (source/memo.py, what `course serve` does after each save) gives the same result as
validating from scratch, problem for problem, and reuses the model of every file that did not change."""

from __future__ import annotations

from builder.source.memo import ValidationMemo
from builder.source.validate import validate_project
from tests.support.projects import ONE, ONE_CHECK, make_project


def same_as_fresh(project, memo):
    """Validate with the memo and from scratch; both must agree. Returns the memo's validation."""
    remembered, fresh = validate_project(project, memo), validate_project(project)
    assert [str(p) for p in remembered.diagnostics] == [str(p) for p in fresh.diagnostics]
    assert remembered.course == fresh.course
    return remembered


def test_an_unchanged_project_gives_the_same_course_built_from_the_same_objects(tmp_path):
    project = make_project(tmp_path)
    memo = ValidationMemo()
    first = same_as_fresh(project, memo)
    second = same_as_fresh(project, memo)
    assert first.course is not None and second.course is not None
    assert all(a is b for a, b in zip(first.course.lessons, second.course.lessons, strict=True))
    assert all(first.course.quizzes[key] is second.course.quizzes[key] for key in first.course.quizzes)


def test_only_the_edited_file_is_built_again(tmp_path):
    project = make_project(tmp_path)
    memo = ValidationMemo()
    first = same_as_fresh(project, memo).course
    (tmp_path / "content/one.yml").write_text(ONE.replace("body: Hello.", "body: Hello again."), encoding="utf-8")
    second = same_as_fresh(project, memo).course
    assert first is not None and second is not None
    assert first.lessons[0] != second.lessons[0] and second.lessons[0].sections[0].body == "Hello again."
    assert first.lessons[1] is second.lessons[1]


def test_problems_come_and_go_with_the_edits_and_are_never_doubled(tmp_path):
    """Problems of one file, of references across files, and warnings of the Markdown pass: each once per run."""
    project = make_project(tmp_path)
    memo = ValidationMemo()
    same_as_fresh(project, memo)
    quiz = tmp_path / "quizzes/one-check.yml"
    lesson = tmp_path / "content/one.yml"
    quiz.write_text(ONE_CHECK.replace("title: Check one", "titl: Check one"), encoding="utf-8")  # its own problem
    lesson.write_text(ONE.replace("quiz: one-check", "quiz: no-such-check"), encoding="utf-8")  # across files
    for _ in range(2):
        broken = same_as_fresh(project, memo)
        assert broken.course is None
        assert sum("unknown key 'titl'" in str(p) for p in broken.diagnostics) == 1
        assert sum("no-such-check" in str(p) for p in broken.diagnostics) == 1
    quiz.write_text(ONE_CHECK, encoding="utf-8")
    lesson.write_text(ONE.replace("body: Hello.", 'body: Hello <b onclick="x()">there</b>.'), encoding="utf-8")
    for _ in range(2):
        warned = same_as_fresh(project, memo)
        assert warned.course is not None
        assert sum(p.code == "unsafe-html" for p in warned.diagnostics) == 1, [str(p) for p in warned.diagnostics]
    lesson.unlink()
    gone = same_as_fresh(project, memo)
    assert gone.course is None


def test_a_file_checked_again_builds_its_model_without_reading_its_places_again(tmp_path):
    """A file's places are set aside once its own checks are done (the model's origins found first): the copy the
    memo hands out keeps those origins, so building the edited lesson's model reads nothing again."""
    project = make_project(tmp_path)
    memo = ValidationMemo()
    same_as_fresh(project, memo)
    (tmp_path / "content/one.yml").write_text(ONE.replace("body: Hello.", "body: Hello again."), encoding="utf-8")
    validation = same_as_fresh(project, memo)
    assert (
        validation.course is not None
        and str(validation.course.lessons[0].sections[0].origin) == "content/one.yml:12:11"
    )
    assert all(loaded.doc is not None and loaded.doc.places is None for loaded in validation.loaded().files())
