"""Video embeds: removed with a located warning, unless mkdocs.yml lists their host in `allow_embeds_from`."""

from __future__ import annotations

from tests.support.cli import run_course

IFRAME = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>'
WARNING = (
    "content/only.yml:10:11: warning: sections[0].body: removed <iframe> (embedded pages and plug-ins are "
    "not allowed in course text; to embed videos, list their host in `allow_embeds_from` in mkdocs.yml)"
)


def with_video(course_copy):
    project = course_copy("minimal")
    lesson = project / "content" / "only.yml"
    lesson.write_text(
        lesson.read_text().replace("    body: One paragraph.", f"    body: |\n      One paragraph.\n\n      {IFRAME}")
    )
    return project


def test_embeds_are_removed_and_reported_by_default(course_copy):
    project = with_video(course_copy)
    result = run_course("build", cwd=project, check=True)
    assert WARNING in result.stderr
    assert "<iframe" not in (project / "site/only/index.html").read_text()


def test_embeds_from_listed_hosts_are_kept(course_copy):
    project = with_video(course_copy)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - course\n", "  - course:\n      allow_embeds_from: [www.youtube-nocookie.com]\n")
    )
    result = run_course("validate", cwd=project, check=True)
    assert result.stderr == ""
    run_course("build", cwd=project, check=True)
    assert 'src="https://www.youtube-nocookie.com/embed/abc"' in (project / "site/only/index.html").read_text()
