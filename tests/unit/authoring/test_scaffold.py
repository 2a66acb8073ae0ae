"""Scaffolds (builder/scaffold.py): `course init`, `course new lesson` (with its quiz and the course entry)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.authoring.editor_schema import json_schema
from builder.authoring.scaffold import _NOT_ONE_LINE as NOT_ONE_LINE
from builder.authoring.scaffold import (
    ScaffoldError,
    add_lesson_to_course,
    init_project,
    new_lesson,
    new_quiz,
    new_scenario,
)
from builder.source.project import Project
from builder.source.validate import validate_project
from tests.support.fuzzing import examples
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at


def test_scaffold_init_writes_schemas_modelines_and_editor_settings(tmp_path: Path):
    project = tmp_path / "course"
    created = {p.relative_to(project).as_posix() for p in init_project(project)}
    assert {
        "schemas/course.schema.json",
        "schemas/lesson.schema.json",
        "schemas/quiz.schema.json",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        "content/course.yml",
    } <= created
    assert json.loads((project / "schemas/lesson.schema.json").read_text()) == json_schema("lesson")
    firsts = {
        name: (project / name).read_text().splitlines()[0]
        for name in ("content/course.yml", "content/getting-started.yml", "quizzes/getting-started-check.yml")
    }
    assert firsts == {
        "content/course.yml": "# yaml-language-server: $schema=../schemas/course.schema.json",
        "content/getting-started.yml": "# yaml-language-server: $schema=../schemas/lesson.schema.json",
        "quizzes/getting-started-check.yml": "# yaml-language-server: $schema=../schemas/quiz.schema.json",
    }
    assert json.loads((project / ".vscode/settings.json").read_text()) == {"yaml.yamlVersion": "1.1"}


def minimal_copy(tmp_path: Path) -> Project:
    root = tmp_path / "minimal"
    shutil.copytree(FIXTURES / "minimal", root)
    return project_at(root)


def test_scaffold_new_lesson_writes_lesson_quiz_and_course_entry(tmp_path: Path):
    project = minimal_copy(tmp_path)
    made = new_lesson(project, "second-steps", "Second steps")
    assert made.lesson == project.content_path / "second-steps.yml"
    assert made.quiz == project.quizzes_path / "second-steps-check.yml"
    assert [p.name for p in made.schemas] == ["course.schema.json", "lesson.schema.json", "quiz.schema.json"]
    lesson = made.lesson.read_text()
    assert lesson.startswith(
        '# yaml-language-server: $schema=../schemas/lesson.schema.json\nid: second-steps\ntitle: "Second steps"\n'
    )
    assert lesson.endswith("quiz: second-steps-check\n")
    assert made.quiz.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/quiz.schema.json\nid: second-steps-check\n"
    )
    assert "lessons: [only, second-steps]" in project.course_file.read_text()
    course, problems = load(project)
    assert course is not None, [str(p) for p in problems]
    assert [lesson.id for lesson in course.lessons] == ["only", "second-steps"]
    assert course.quiz_for(course.lessons[1]).questions[0].objective == "first-objective"
    assert new_lesson(project, "third", None).schemas == []  # already there


@pytest.mark.parametrize(
    "existing, message",
    [
        ("content/taken.yml", "taken.yml already exists in content/; choose another id"),
        ("quizzes/taken-check.yml", "taken-check.yml already exists in quizzes/; choose another id"),
    ],
)
def test_scaffold_new_lesson_refuses_existing_files_and_writes_nothing(tmp_path: Path, existing: str, message: str):
    project = minimal_copy(tmp_path)
    (project.root / existing).write_text("keep me")
    before = project.course_file.read_text()
    with pytest.raises(ScaffoldError) as error:
        new_lesson(project, "taken", None)
    assert str(error.value) == message
    assert project.course_file.read_text() == before
    assert (project.root / existing).read_text() == "keep me"
    assert not (project.root / "schemas").exists()


def test_scaffold_new_lesson_refuses_an_id_already_in_the_course(tmp_path: Path):
    project = minimal_copy(tmp_path)
    (project.content_path / "only.yml").unlink()
    with pytest.raises(ScaffoldError) as error:
        new_lesson(project, "only", None)
    assert str(error.value) == "lesson 'only' is already listed in content/course.yml; choose another id"
    assert not (project.quizzes_path / "only-check.yml").exists()


def test_scaffold_new_lesson_needs_a_course_file(tmp_path: Path):
    with pytest.raises(ScaffoldError) as error:
        new_lesson(project_at(tmp_path), "intro", None)
    assert str(error.value) == (
        "there is no content/course.yml here; run `course new` in a course project folder "
        "(or create one with `course init DIR`)"
    )
    assert not (tmp_path / "content").exists()


def test_scaffold_new_quiz_keeps_its_template_with_the_schema_line(tmp_path: Path):
    project = minimal_copy(tmp_path)
    path = new_quiz(project, "extra-check", None)
    text = path.read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/quiz.schema.json\nid: extra-check\n"
        'title: "Check your understanding"\n'
    )
    assert "objective: first-objective   # an objective id of the lesson that uses this quiz" in text
    with pytest.raises(ScaffoldError, match="'Bad' is not a valid id"):
        new_quiz(project, "Bad", None)


def test_scaffold_new_scenario_is_a_role_play_that_validates_and_checks_clean(tmp_path: Path):
    from builder.quality.course_check import find_all
    from builder.source.validate import validate_project

    project = minimal_copy(tmp_path)
    path = new_scenario(project, "late-handover", None)
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/quiz.schema.json\n"
        'id: late-handover\nkind: scenario\ntitle: "Late handover"\n'
    )
    lesson = project.content_path / "only.yml"
    lesson.write_text(lesson.read_text() + "scenarios: [late-handover]\n")
    course, problems = load(project)
    assert course is not None and problems == [], [str(p) for p in problems]
    scenario = course.scenarios["late-handover"]
    assert (len(scenario.nodes), len(scenario.endings)) == (6, 3)
    # only the minimal lesson's own findings, none about the role-play
    assert [d.code for d in find_all(validate_project(project))] == ["lesson-without-quiz", "unassessed-objective"]
    with pytest.raises(ScaffoldError, match="already exists"):
        new_scenario(project, "late-handover", None)


@pytest.mark.parametrize(
    "before, after",
    [
        ("lessons: [a, b]\n", "lessons: [a, b, new]\n"),
        ("lessons: [a, 'b']   # the order matters\n", "lessons: [a, 'b', new]   # the order matters\n"),
        ("lessons: [\n  a,\n  b\n]\n", "lessons: [\n  a,\n  b, new\n]\n"),
        ("lessons:\n  - a\n  - b\nfinal_quiz: f\n", "lessons:\n  - a\n  - b\n  - new\nfinal_quiz: f\n"),
        (
            "lessons:\n- a   # first\n- b  # second\n# the end\n",
            "lessons:\n- a   # first\n- b  # second\n- new\n# the end\n",
        ),
        ("title: T\nlessons:\n    -   a", "title: T\nlessons:\n    -   a\n    -   new\n"),
        ("lessons:\r\n  - a\r\n", "lessons:\r\n  - a\r\n  - new\r\n"),
        (
            "modules:\n  - title: One\n    lessons: [a]\n  - title: Two\n    lessons:\n      - b\n",
            "modules:\n  - title: One\n    lessons: [a]\n  - title: Two\n    lessons:\n      - b\n      - new\n",
        ),
    ],
)
def test_scaffold_add_lesson_to_course_keeps_layout_and_comments(before: str, after: str):
    assert add_lesson_to_course(before, "new") == after


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "title: T\n",
            "course.yml has no `lessons` list (nor `modules` with lessons); add 'new' to it by hand, then "
            "run this again",
        ),
        ("lessons: [a, b\n", "course.yml is not valid YAML (run `course validate`); the lesson was not created"),
        ("lessons: [a, new]\n", "lesson 'new' is already listed in course.yml; choose another id"),
        (
            "lessons:\n  - a\n  - {id: b}\n",
            "the `lessons` list in course.yml has an unusual layout; add 'new' to it by hand",
        ),
    ],
)
def test_scaffold_add_lesson_to_course_refuses_clearly(text: str, message: str):
    with pytest.raises(ScaffoldError) as error:
        add_lesson_to_course(text, "new")
    assert str(error.value) == message


# -- titles: any one-line text reads back exactly -----------------------------------------------------

TRICKY_TITLES = [
    'Paths like C:\\new\\temp and "quotes"',
    "Colons: here # and a hash",
    "- a leading dash",
    "'single' and \"double\" quotes \\ backslash",
    "{{ not a template }} {id} {title}",
    "Ünïcödé, العربية, 日本語, emoji 🙂",
    "yes",
    "12",
    "null",
    "[brackets] {braces} & *star* !bang %percent @at `tick`",
    "tab\tinside",
    "\ufeffbyte order mark and \ufffe non-character",
]


def _written_title(project: Project, kind: str, title: str) -> str:
    """The title as the builder reads back the file `course new <kind>` wrote."""
    if kind == "lesson":
        path = new_lesson(project, "titled", title).lesson
    elif kind == "quiz":
        path = new_quiz(project, "titled", title)
    else:
        path = new_scenario(project, "titled", title)
    validation = validate_project(project)
    loaded = {**validation.loaded().lessons, **validation.loaded().quizzes, **validation.loaded().scenarios}["titled"]
    errors = [str(p) for p in loaded.checker.problems if p.is_error]  # (a new quiz is not used yet: a warning)
    assert errors == [], errors
    assert loaded.data["title"] == loaded.raw("title"), path  # what validation keeps is what the file says
    return str(loaded.data["title"])


@pytest.mark.parametrize("title", TRICKY_TITLES)
@pytest.mark.parametrize("kind", ["lesson", "quiz", "scenario"])
def test_scaffold_titles_of_any_text_round_trip_exactly(tmp_path: Path, kind: str, title: str):
    assert _written_title(minimal_copy(tmp_path), kind, title) == title.strip()


ONE_LINE_TITLES = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=60).filter(
    lambda text: text.strip() and not NOT_ONE_LINE.search(text)
)


# deadline=None: each example writes a project to disk, which a busy machine slows past any fixed deadline
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=ONE_LINE_TITLES, kind=st.sampled_from(["lesson", "quiz", "scenario"]))
def test_scaffold_any_one_line_title_round_trips(tmp_path_factory, title: str, kind: str):
    project = minimal_copy(tmp_path_factory.mktemp("titles"))
    assert _written_title(project, kind, title) == title.strip()


@pytest.mark.parametrize("title", ["two\nlines", "carriage\rreturn", "line\u2028separator", "escape \x1b[31m", "   "])
def test_scaffold_titles_that_are_not_one_line_of_text_are_refused_before_anything_is_written(tmp_path, title):
    project = minimal_copy(tmp_path)
    before = sorted(p.relative_to(project.root).as_posix() for p in project.root.rglob("*"))
    for make in (
        lambda: new_lesson(project, "titled", title),
        lambda: new_quiz(project, "titled", title),
        lambda: new_scenario(project, "titled", title),
    ):
        with pytest.raises(ScaffoldError, match=r"the title (should be one line of text|is empty)"):
            make()
    assert sorted(p.relative_to(project.root).as_posix() for p in project.root.rglob("*")) == before
