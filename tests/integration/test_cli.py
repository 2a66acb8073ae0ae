"""The `course` command and `mkdocs build` on fixture courses, run for real in subprocesses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from builder.site.render import course_pages
from tests.support.cli import course_server, run_course
from tests.support.net import fetch, wait_for
from tests.support.paths import REPO
from tests.support.projects import load, project_at

PAGES = ["index.html", "alpha/index.html", "beta/index.html", "final-check/index.html", "progress/index.html"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_init_then_build_in_an_empty_folder(tmp_path: Path):
    result = run_course("init", "my-course", cwd=tmp_path, check=True)
    assert "created a course project in my-course" in result.stdout
    project = tmp_path / "my-course"
    assert (
        run_course("validate", cwd=project, check=True).stdout == "ok: 1 lesson, 1 quiz, 2 questions checked\n"
    )  # counts in the singular
    run_course("build", cwd=project, check=True)
    assert (project / "site" / "getting-started" / "index.html").is_file()
    assert 'data-quiz="getting-started-check"' in (project / "site/getting-started/index.html").read_text()


def test_cli_init_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    result = run_course("init", "taken", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: taken already exists and is not empty; choose a new folder"
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"


def test_cli_build_full_course_writes_every_page_and_no_sources(course_copy):
    project = course_copy("full")
    result = run_course("build", cwd=project, check=True)
    course, _ = load(project_at(project))
    assert re.match(rf"built {len(course_pages(course))} pages into site in \d+\.\d s", result.stdout)
    site = project / "site"
    for page in PAGES:
        assert (site / page).is_file(), page
    assert not list(site.rglob("*.yml"))
    assert (site / "assets/course/course.css").is_file()
    alpha = (site / "alpha/index.html").read_text()
    for question in ("single-one", "multiple-two", "tf-three"):
        assert f'data-question="{question}"' in alpha
    beta = (site / "beta/index.html").read_text()
    for kind in ("short_text", "ordering", "matching"):
        assert f'data-question-type="{kind}"' in beta
    for kind in ("scenario", "example", "tip", "warning"):
        assert f"course-section--{kind}" in alpha


def test_cli_build_navigation_follows_course_order(course_copy):
    project = course_copy("full")
    run_course("build", cwd=project, check=True)
    home = (project / "site/index.html").read_text()
    order = [home.index(f'href="{target}"') for target in ("alpha/", "beta/", "final-check/", "progress/")]
    assert order == sorted(order)


def test_cli_build_with_site_dir(course_copy, tmp_path: Path):
    project = course_copy("minimal")
    run_course("build", "--site-dir", str(tmp_path / "out"), cwd=project, check=True)
    assert (tmp_path / "out/only/index.html").is_file()
    assert not (project / "site").exists()


def test_cli_broken_course_lists_every_problem_without_traceback(course_copy):
    project = course_copy("broken-many")
    expected = (project / "expected.txt").read_text()
    for command in ("validate", "build"):
        result = run_course(command, cwd=project)
        assert result.returncode == 1, command
        assert result.stderr == expected, command
        assert "Traceback" not in result.stderr + result.stdout


def test_cli_failed_build_leaves_the_previous_site_untouched(course_copy):
    project = course_copy("full")
    run_course("build", cwd=project, check=True)
    before = snapshot(project / "site")
    quiz = project / "quizzes/alpha-check.yml"
    quiz.write_text(quiz.read_text().replace("title: Alpha check", "titel: Alpha check"))
    result = run_course("build", cwd=project)
    assert result.returncode == 1
    assert "quizzes/alpha-check.yml:2:1: titel: unknown key 'titel' (did you mean 'title'?)" in result.stderr
    assert snapshot(project / "site") == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-build")] == []


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_mkdocs_build_strict_builds_the_full_course(course_copy):
    project = course_copy("full")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    for page in PAGES:
        assert (project / "site" / page).is_file()


def test_mkdocs_build_with_the_builtin_theme(course_copy):
    project = course_copy("full")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  name: material\n  font: false\n", "  name: mkdocs\n  highlightjs: false\n")
    )
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/beta/index.html").read_text()
    assert 'data-quiz="beta-check"' in page and "assets/course/course.css" in page


def test_mkdocs_build_of_a_broken_course_fails_cleanly_and_keeps_the_site(course_copy):
    project = course_copy("full")
    assert mkdocs("build", cwd=project).returncode == 0
    before = snapshot(project / "site")
    (project / "content/beta.yml").write_text("id: beta\ntitle: [\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "content/beta.yml:3:1: this is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


def test_cli_new_lesson_and_quiz_scaffolds_validate(course_copy):
    project = course_copy("minimal")
    assert run_course(
        "new", "lesson", "second-steps", "--title", "Second steps", cwd=project, check=True
    ).stdout.startswith("created content/second-steps.yml")
    # `new lesson` also writes its quiz and lists the lesson in course.yml (issue 6); the quiz template is
    # checked on its own by writing the lesson's quiz again with `new quiz`
    (project / "quizzes/second-steps-check.yml").unlink()
    run_course("new", "quiz", "second-steps-check", cwd=project, check=True)
    lesson = project / "content/second-steps.yml"
    result = run_course("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert 'title: "Second steps"' in lesson.read_text()
    again = run_course("new", "lesson", "second-steps", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    bad = run_course("new", "quiz", "Bad Id", cwd=project)
    assert bad.stderr.strip() == "error: 'Bad Id' is not a valid id: use lowercase letters, digits and hyphens"


def test_cli_serve_rebuilds_on_yaml_changes_and_shows_errors_without_stopping(course_copy):
    project = course_copy("full")
    with course_server(project) as (server, base):
        assert wait_for(lambda: "Alpha check" in fetch(f"{base}/alpha/"))
        quiz = project / "quizzes/alpha-check.yml"
        good = quiz.read_text()
        quiz.write_text(good.replace("title: Alpha check", "title: Alpha quiz, renamed"))
        assert wait_for(lambda: "Alpha quiz, renamed" in fetch(f"{base}/alpha/"))
        quiz.write_text(good.replace("title: Alpha check", "titl: Alpha check"))
        assert wait_for(lambda: "unknown key &#39;titl&#39; (did you mean &#39;title&#39;?)" in fetch(f"{base}/"))
        quiz.write_text(good)
        assert wait_for(lambda: "Alpha check" in fetch(f"{base}/alpha/"))
        assert server.poll() is None  # still serving after the error


def test_bundled_course_validates_without_problems():
    result = run_course("validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
