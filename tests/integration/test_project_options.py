"""One configuration: the course plugin's options in mkdocs.yml reach every command, the plugin and every
export (`content_dir` and `quizzes_dir` here), and mkdocs.yml problems stop every command the same way."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.support.cli import course_server, run_course
from tests.support.net import fetch, wait_for
from tests.support.paths import FIXTURES

OPTIONS = "  - course:\n      content_dir: lessons\n      quizzes_dir: questions\n"


@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """The `full` fixture with its lessons in lessons/ and its quizzes in questions/, as mkdocs.yml says."""
    project = tmp_path / "moved"
    shutil.copytree(FIXTURES / "full", project)
    (project / "content").rename(project / "lessons")
    (project / "quizzes").rename(project / "questions")
    config = project / "mkdocs.yml"
    text = config.read_text().replace("docs_dir: content", "docs_dir: lessons").replace("  - course\n", OPTIONS)
    config.write_text(text)
    return project


def as_moved(text: str) -> str:
    return text.replace("content/", "lessons/").replace("quizzes/", "questions/")


def test_project_options_reach_validate_check_and_report(moved: Path):
    """Each command says of the moved course what it says of the fixture, with the folders renamed."""
    for command in (("validate",), ("check",), ("report",), ("validate", "--format", "json")):
        usual = run_course(*command, cwd=FIXTURES / "full", check=True)
        result = run_course(*command, cwd=moved, check=True)
        assert (result.stdout, result.stderr) == (as_moved(usual.stdout), as_moved(usual.stderr)), command
    checked = run_course("check", cwd=moved).stdout
    assert "lessons/alpha.yml:4:19: warning: duration_minutes:" in checked  # found in the moved folder
    report = json.loads(run_course("report", "--format", "json", cwd=moved, check=True).stdout)
    assert [row["id"] for row in report["lessons"]] == ["alpha", "beta"]


def test_project_options_reach_build_and_the_plugin(moved: Path, tmp_path: Path):
    run_course("build", "--site-dir", str(tmp_path / "site"), cwd=moved, check=True)
    assert (tmp_path / "site" / "alpha" / "index.html").is_file()
    assert not list((tmp_path / "site").rglob("*.yml"))  # the moved sources are never published
    broken = moved / "questions" / "alpha-check.yml"
    broken.write_text(broken.read_text().replace("title:", "titl:", 1))
    result = run_course("build", "--site-dir", str(tmp_path / "site"), cwd=moved)
    assert result.returncode == 1
    assert "questions/alpha-check.yml:" in result.stderr and "unknown key 'titl'" in result.stderr


def test_project_options_reach_every_export(moved: Path, tmp_path: Path):
    for kind, out in (("scorm", "course-scorm.zip"), ("zip", "course-offline.zip")):
        run_course("export", kind, "--out", str(tmp_path / out), cwd=moved, check=True)
        with zipfile.ZipFile(tmp_path / out) as archive:
            assert "alpha/index.html" in archive.namelist(), kind
    run_course("export", "gift", "--out", str(tmp_path / "gift"), cwd=moved, check=True)
    assert sorted(p.name for p in (tmp_path / "gift").iterdir()) == [
        "alpha-check.gift",
        "beta-check.gift",
        "final-check.gift",
    ]


def test_project_options_reach_course_new(moved: Path):
    run_course("new", "lesson", "gamma", "--title", "Gamma", cwd=moved, check=True)
    run_course("new", "quiz", "extra-check", cwd=moved, check=True)
    run_course("new", "scenario", "late-handover", cwd=moved, check=True)
    assert (moved / "lessons" / "gamma.yml").is_file()
    assert {p.name for p in (moved / "questions").iterdir()} >= {
        "gamma-check.yml",
        "extra-check.yml",
        "late-handover.yml",
    }
    assert (
        "- gamma" in (moved / "lessons" / "course.yml").read_text()
        or "gamma" in (moved / "lessons" / "course.yml").read_text().split("lessons:")[1]
    )
    assert not (moved / "content").exists() and not (moved / "quizzes").exists()


def test_project_options_reach_the_preview(moved: Path):
    with course_server(moved) as (_, base):
        assert wait_for(lambda: 'data-quiz="alpha-check"' in fetch(f"{base}/alpha/"), timeout=60)
        lesson = moved / "lessons" / "beta.yml"
        good = lesson.read_text()
        lesson.write_text(good.replace("duration_minutes: 8", "duration_minutes: eight"))
        assert wait_for(lambda: "lessons/beta.yml:4:19" in fetch(f"{base}/alpha/"), timeout=60)
        lesson.write_text(good)
        assert wait_for(lambda: 'data-quiz="alpha-check"' in fetch(f"{base}/alpha/"), timeout=60)


@pytest.mark.parametrize(
    "command",
    [("validate",), ("check",), ("report",), ("build",), ("export", "gift", "--out", "g"), ("new", "quiz", "q")],
)
def test_project_every_command_refuses_a_broken_mkdocs_yml_the_same_way(course_copy, command):
    project = course_copy("minimal")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - course\n", "  - course:\n      content_dir: 12\n"))
    result = run_course(*command, cwd=project)
    assert result.returncode == 1
    assert "content_dir" in result.stderr  # MkDocs names the bad option first
    assert result.stderr.rstrip().endswith("error: mkdocs.yml has problems (listed above); fix them first")
    assert "Traceback" not in result.stderr


def test_project_commands_need_mkdocs_yml_with_the_course_plugin(course_copy, tmp_path: Path):
    assert run_course("validate", cwd=tmp_path).stderr == (
        "error: no mkdocs.yml here; run `course validate` from the course project folder (or create one with "
        "`course init DIR`)\n"
    )
    project = course_copy("minimal")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - course\n", ""))
    result = run_course("build", cwd=project)
    assert result.returncode == 1
    assert result.stderr == "error: mkdocs.yml does not use the course plugin; add `- course` under `plugins:`\n"
