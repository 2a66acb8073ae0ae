"""`course export`: validation first, clear failures, and nothing half-written."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.support.cli import run_course


def test_export_validates_first_and_fails_like_build(course_copy, tmp_path: Path):
    project = course_copy("broken-many")
    expected = (project / "expected.txt").read_text()
    for kind, out in (("scorm", "p.zip"), ("zip", "o.zip"), ("gift", "gift")):
        result = run_course("export", kind, "--out", str(tmp_path / out), cwd=project)
        assert result.returncode == 1, kind
        assert result.stderr == expected, kind
        assert not (tmp_path / out).exists(), kind


def test_export_scorm_refuses_a_course_whose_progress_cannot_fit(course_copy, tmp_path: Path):
    project = course_copy("full")
    quiz = project / "quizzes" / "beta-check.yml"
    quiz.write_text(
        quiz.read_text()
        + "".join(
            f"""  - id: extra-{n}
    type: short_text
    objective: name-it
    prompt: Name it again.
    explanation: Again.
    accept: [it]
"""
            for n in range(40)
        )
    )
    out = tmp_path / "course.zip"
    out.write_bytes(b"an older package")
    result = run_course("export", "scorm", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("error: nothing was exported: a learner's progress in this course can need ")
    assert "characters of SCORM suspend_data, but SCORM 1.2 keeps only 4,096" in result.stderr
    assert out.read_bytes() == b"an older package"


def test_export_zip_replaces_an_older_zip_whole(course_copy, tmp_path: Path):
    project = course_copy("minimal")
    out = tmp_path / "course.zip"
    out.write_bytes(b"old")
    result = run_course("export", "zip", "--out", str(out), cwd=project, check=True)
    assert result.stdout.startswith(f"wrote {out}: ")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert "index.html" in names and "only/index.html" in names and "404.html" not in names
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".course.zip")]
