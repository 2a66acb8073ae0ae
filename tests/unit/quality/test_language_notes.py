"""`course check` says once, at course.yml's `language`, which checks do not run for the course's language."""

from __future__ import annotations

from builder.quality.course_check import run_checks
from builder.source.validate import validate_project
from tests.support.projects import COURSE, make_project


def notes_for(tmp_path, language: str) -> list[str]:
    course_file = COURSE.replace("pass_mark: 70", f"language: {language}\npass_mark: 70")
    result = run_checks(validate_project(make_project(tmp_path, content__course=course_file)))
    return [str(note) for note in result.notes if note.code == "checks-skipped"]


def test_english_runs_every_check(tmp_path):
    assert notes_for(tmp_path, "en-GB") == []


def test_a_language_without_word_lists_or_formula_is_named_once(tmp_path):
    notes = notes_for(tmp_path, "ja")
    assert len(notes) == 1
    assert notes[0].startswith("content/course.yml:3:11: warning: language: ")
    assert "reading-level" in notes[0] and "true-false-cue" in notes[0] and "'ja'" in notes[0]
