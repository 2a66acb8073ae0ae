"""`course check`, `course report`, `course schema` and `course new lesson`, run for real in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from builder.authoring.editor_schema import json_schema
from builder.quality.course_check import CHECK_CODES
from tests.support.cli import run_course
from tests.support.paths import REPO


def set_plugin_options(project: Path, options: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - course\n", "  - course:\n" + options))


def test_check_cli_lists_every_weak_spot_with_its_code(course_copy):
    project = course_copy("checks-all")
    result = run_course("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (project / "expected.txt").read_text()
    assert result.stderr == ""


def test_check_cli_strict_fails_on_warnings(course_copy):
    project = course_copy("checks-all")
    result = run_course("check", "--strict", cwd=project)
    assert result.returncode == 1
    assert result.stdout.endswith("2 lessons, 2 quizzes, 1 role-play, 11 questions checked: 15 warnings\n")
    assert result.stderr == "error: warnings are treated as errors (--strict)\n"


def test_check_cli_strict_passes_on_the_bundled_course():
    result = run_course("check", "--strict", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "ok: 5 lessons, 6 quizzes, 3 role-plays, 71 questions checked; no warnings\n"
    assert result.stderr == ""


def test_check_cli_levels_from_mkdocs_yml_make_notes_and_silence_checks(course_copy):
    project = course_copy("checks-all")
    set_plugin_options(project, "      checks:\n        reading-level: info\n        broken-link: ignore\n")
    result = run_course("check", "--strict", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "13 warnings:"
    assert "[broken-link]" not in result.stdout
    assert lines[-3:] == [
        "1 note:",
        "  content/intro.yml:26:11: info: sections[2].body: 'Listening in theory' reads at grade 40.0 "
        "(Flesch-Kincaid), above the 10 this course aims for; use shorter sentences (now 22 words on average) "
        "and plainer words [reading-level]",
        "2 lessons, 2 quizzes, 1 role-play, 11 questions checked: 13 warnings",
    ]


def test_check_cli_strict_passes_when_every_check_is_a_note_or_ignored(course_copy):
    project = course_copy("checks-all")
    levels = "".join(f"        {code}: {'info' if code == 'missing-image' else 'ignore'}\n" for code in CHECK_CODES)
    set_plugin_options(project, "      checks:\n" + levels)
    result = run_course("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == "1 note:"
    assert (
        result.stdout.splitlines()[-1]
        == "ok: 2 lessons, 2 quizzes, 1 role-play, 11 questions checked; no warnings (1 note)"
    )


def test_check_cli_reads_the_reading_grade_and_speed_from_mkdocs_yml(course_copy):
    project = course_copy("checks-all")
    set_plugin_options(project, "      max_reading_grade: 45\n      words_per_minute: 20\n")
    result = run_course("check", cwd=project)
    assert "[reading-level]" not in result.stdout
    assert (
        "content/intro.yml:4:19: warning: duration_minutes: the lesson says 30 minutes but takes about 9 "
        "(86 words at 20 a minute, 9 questions at 30 seconds)"
    ) in result.stdout


def test_check_cli_unknown_check_code_is_a_clear_configuration_error(course_copy):
    project = course_copy("checks-all")
    set_plugin_options(project, "      checks:\n        reading-levl: ignore\n")
    result = run_course("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: Config value 'plugins': Plugin 'course' option 'checks': unknown check 'reading-levl' (did you "
        f"mean 'reading-level'?); the checks are: {', '.join(CHECK_CODES)}",
        "error: mkdocs.yml has problems (listed above); fix them first",
    ]
    assert "Traceback" not in result.stderr


def test_check_cli_unknown_level_is_a_clear_configuration_error(course_copy):
    project = course_copy("checks-all")
    set_plugin_options(project, "      checks:\n        broken-link: warning\n")
    result = run_course("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "error: Config value 'plugins': Plugin 'course' option 'checks': "
        "'warning' is not a level for 'broken-link'; use one of: warn, info, "
        "ignore (did you mean 'warn'?)"
    )


def test_check_cli_explains_an_objective_from_another_lesson_beside_the_error(course_copy):
    project = course_copy("checks-other-lesson")
    result = run_course("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "error: 2 problems in 2 files",
        "  quizzes/alpha-check.yml:12:16: questions[1].objective: 'beta-skill' is not an objective of lesson "
        "'alpha' (did you mean 'alpha-skill'?)",
        "  quizzes/final-check.yml:6:16: questions[0].objective: 'beta-skill' is not an objective of lesson "
        "'alpha' (did you mean 'alpha-skill'?)",
        "2 warnings:",
        "  quizzes/alpha-check.yml:12:16: warning: questions[1].objective: 'beta-skill' is an objective of lesson "
        "'beta', not of lesson 'alpha'; move the question to the quiz of lesson 'beta' or assess an objective of "
        "lesson 'alpha' [objective-in-other-lesson]",
        "  quizzes/final-check.yml:6:16: warning: questions[0].objective: 'beta-skill' is an objective of lesson "
        "'beta', not of lesson 'alpha'; write `objective: beta/beta-skill` [objective-in-other-lesson]",
    ]
    assert result.stderr == (
        "error: the course has errors; fix them and run `course check` again for the quality checks\n"
    )


def test_check_cli_builds_are_not_held_up_by_quality_warnings(course_copy):
    project = course_copy("checks-all")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "broken-link" not in result.stderr


def test_report_cli_formats(course_copy):
    project = course_copy("full")
    text = run_course("report", cwd=project, check=True).stdout
    assert text.startswith("Fixture Course: 2 lessons, final quiz 'final-check', 8 questions")
    data = json.loads(run_course("report", "--format", "json", cwd=project, check=True).stdout)
    assert [lesson["id"] for lesson in data["lessons"]] == ["alpha", "beta"]
    markdown = run_course("report", "--format", "markdown", cwd=project, check=True).stdout
    assert markdown.startswith("# Fixture Course\n")


def test_report_cli_refuses_a_course_with_errors(course_copy):
    project = course_copy("broken-many")
    result = run_course("report", cwd=project)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (project / "expected.txt").read_text()


def test_schema_cli_writes_the_three_schemas(tmp_path: Path):
    result = run_course("schema", "--out", "editor", cwd=tmp_path, check=True)
    assert result.stdout.splitlines()[0] == (
        "wrote editor/course.schema.json, editor/lesson.schema.json, editor/quiz.schema.json"
    )
    for kind in ("course", "lesson", "quiz"):
        assert json.loads((tmp_path / f"editor/{kind}.schema.json").read_text()) == json_schema(kind)


def test_new_lesson_cli_adds_the_lesson_its_quiz_and_the_course_entry(course_copy):
    project = course_copy("full")
    result = run_course("new", "lesson", "gamma", "--title", "Gamma", cwd=project, check=True)
    assert result.stdout.splitlines() == [
        "created content/gamma.yml",
        "created quizzes/gamma-check.yml (its quiz: `quiz: gamma-check`)",
        "added 'gamma' to the lessons in content/course.yml",
        "wrote schemas/course.schema.json, schemas/lesson.schema.json, schemas/quiz.schema.json for editor completion",
    ]
    assert "lessons: [alpha, beta, gamma]" in (project / "content/course.yml").read_text()
    validated = run_course("validate", cwd=project)
    assert validated.returncode == 0 and validated.stderr == ""
    again = run_course("new", "lesson", "gamma", cwd=project)
    assert again.returncode == 1
    assert again.stderr == "error: gamma.yml already exists in content/; choose another id\n"


# -- JSON for editors and CI ---------------------------------------------------------------------------


def test_validate_json_lists_every_problem_with_its_parts(course_copy):
    """The same problems as the text listing (tests/fixtures/courses/broken-many/expected.txt), as data."""
    project = course_copy("broken-many")
    result = run_course("validate", "--format", "json", cwd=project)
    assert result.returncode == 1 and result.stderr == ""
    report = json.loads(result.stdout)
    assert (report["valid"], report["errors"], report["warnings"], report["summary"]) == (False, 12, 1, None)
    text = (project / "expected.txt").read_text().splitlines()
    shown = [
        f"{d['file']}:{d['line']}:{d['column']}: "
        + ("warning: " if d["severity"] == "warning" else "")
        + (f"{d['path']}: " if d["path"] else "")
        + d["message"]
        for d in report["diagnostics"]
    ]
    assert sorted(shown) == sorted(line.strip() for line in text if line.startswith("  "))  # the same words
    assert [(d["file"], d["line"]) for d in report["diagnostics"]] == sorted(
        (d["file"], d["line"]) for d in report["diagnostics"]
    )  # in file and line order, errors and warnings together
    first = report["diagnostics"][1]
    assert first == {
        "file": "content/beta.yml",
        "line": 5,
        "column": 19,
        "path": "duration_minutes",
        "code": "range",
        "severity": "error",
        "message": "should be between 1 and 600; found 0",
    }


def test_validate_json_of_a_valid_course(course_copy):
    result = run_course("validate", "--format", "json", cwd=course_copy("minimal"), check=True)
    assert json.loads(result.stdout) == {
        "valid": True,
        "errors": 0,
        "warnings": 0,
        "summary": "1 lesson, 0 quizzes, 0 questions",
        "diagnostics": [],
    }


def test_check_json_gives_warnings_with_codes_and_notes_as_info(course_copy):
    project = course_copy("checks-all")
    set_plugin_options(project, "      checks:\n        reading-level: info\n")
    result = run_course("check", "--format", "json", cwd=project)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    severities = {d["code"]: d["severity"] for d in report["diagnostics"]}
    assert severities["reading-level"] == "info" and severities["missing-feedback"] == "warning"
    assert report["warnings"] == len(report["diagnostics"]) - 1  # every finding but the note
    strict = run_course("check", "--strict", "--format", "json", cwd=project)
    assert strict.returncode == 1 and json.loads(strict.stdout) == report
