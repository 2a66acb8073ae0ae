"""The course version printed on certificates (scoring.course_version): it follows what learners see, never
where it is written."""

from __future__ import annotations

import re
from pathlib import Path

from builder.source.scoring import course_version
from tests.support.projects import COURSE, FILES, ONE, ONE_CHECK, make_project, valid_course


def version(tmp_path, name: str, **overrides: str) -> str:
    return course_version(valid_course(make_project(tmp_path / name, **overrides)))


def test_course_version_is_ten_hex_digits_and_the_same_on_every_build(tmp_path):
    first = version(tmp_path, "a")
    assert re.fullmatch(r"[0-9a-f]{10}", first)
    assert version(tmp_path, "b") == first


def test_course_version_changes_with_what_learners_see(tmp_path):
    base = version(tmp_path, "base")
    changed = {
        "quiz prompt": {"quizzes__one_check": ONE_CHECK.replace("prompt: Which?", "prompt: Which one?")},
        "quiz option": {"quizzes__one_check": ONE_CHECK.replace("- text: That", "- text: The other")},
        "lesson text": {"content__one": ONE.replace("body: Hello.", "body: Hello there.")},
        "course title": {"content__course": COURSE.replace("title: Test course", "title: Test course 2")},
        "pass mark": {"content__course": COURSE.replace("pass_mark: 70", "pass_mark: 75")},
    }
    versions = {what: version(tmp_path, what.replace(" ", "-"), **files) for what, files in changed.items()}
    assert base not in versions.values(), versions
    assert len(set(versions.values())) == len(versions), versions


def test_course_version_ignores_yaml_layout_comments_and_certificate_settings(tmp_path):
    base = version(tmp_path, "base")
    relaid = ONE_CHECK.replace("id: one-check\n", "# the first quiz\n\nid: one-check   # its id\n").replace(
        "    accept: [word]\n", "    accept:\n      - 'word'\n"
    )
    assert relaid != FILES["quizzes/one-check.yml"]
    assert version(tmp_path, "relaid", quizzes__one_check=relaid) == base
    course = COURSE + "certificate:\n  orientation: portrait\n  issuer: Someone else\n"
    assert version(tmp_path, "settings", content__course=course) == base


def test_course_version_is_the_hash_of_the_whole_course_as_json_put_together_from_its_parts(tmp_path):
    """The version is hashed from each part's JSON as it is written, never the whole text at once; it must be the
    hash of the JSON of the whole as json.dumps writes it (what it was before, so printed versions did not
    change)."""
    import hashlib
    import json

    from builder.source.scoring import _as_seen
    from builder.source.validate import validate_project
    from tests.support.projects import project_at

    in_modules = COURSE.replace("lessons: [one, two]", "modules:\n  - title: Début\n    lessons: [one, two]")
    courses = [valid_course(make_project(tmp_path / "small", content__course=in_modules))]
    for root in (Path(__file__).parents[2] / "fixtures" / "courses" / "full", Path(__file__).parents[3]):
        course = validate_project(project_at(root)).course
        assert course is not None
        courses.append(course)
    assert any(course.modules for course in courses) and any(course.scenarios for course in courses)
    for course in courses:
        seen = {
            "title": course.title,
            "description": course.description,
            "language": course.language,
            "modules": _as_seen(course.modules),
            "lessons": _as_seen(course.lessons),
            "quizzes": _as_seen(course.quizzes),
            "final": course.final_quiz_id,
            "scenarios": _as_seen(course.scenarios),
        }
        whole = json.dumps(seen, sort_keys=True, ensure_ascii=False)
        assert course_version(course) == hashlib.sha256(whole.encode()).hexdigest()[:10]
        # as the preview makes it, remembering each part's JSON, and again from what it remembered
        assert course_version(course, remember=True) == course_version(course, remember=True) == course_version(course)
