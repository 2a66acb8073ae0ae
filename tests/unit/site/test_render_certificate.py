"""The certificate page: its own stylesheet, the sheet's orientation and density, the course version, the
optional issuer, signatory, logo and signature, and no <time> until the script has a date."""

from __future__ import annotations

import re

import pytest

from builder.site.render import CourseRenderer, certificate_density, course_pages, restore_deferred
from builder.source.scoring import course_version
from tests.support.projects import COURSE, valid_course, write_project
from tests.support.projects import FILES as SAMPLE

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"/>\n'
EVERY_SETTING = """\
certificate:
  orientation: portrait
  issuer: Northbridge <Learning> Team
  signatory:
    name: Dana Whitfield
    role: Head of Learning
  logo: images/my logo.svg
  signature: images/signature.svg
"""


def certificate_html(tmp_path, certificate: str = "", directory_urls: bool = True) -> tuple[str, str]:
    """The certificate page's HTML and the course's version."""
    files = {
        **SAMPLE,
        "content/course.yml": COURSE + certificate,
        "content/images/my logo.svg": SVG,
        "content/images/signature.svg": SVG,
    }
    course = valid_course(write_project(tmp_path, files))
    renderer = CourseRenderer(course, directory_urls=directory_urls)
    page = next(p for p in course_pages(course) if p.kind == "certificate")
    rendered = renderer.render(page)
    return restore_deferred(rendered.html, rendered.deferred), course_version(course)


def sheet_of(html: str) -> str:
    return html[
        html.index('<div class="course-certificate__sheet') : html.index('<p class="course-certificate__actions')
    ]


def test_render_certificate_links_its_own_stylesheet_and_has_no_time_before_a_date(tmp_path):
    html, version = certificate_html(tmp_path)
    assert html.startswith('<link rel="stylesheet" href="../assets/course/certificate.css">\n')
    assert "<time" not in html
    assert "<span data-certificate-date></span>" in html and "<span data-certificate-issued></span>" in html
    sheet = sheet_of(html)
    assert "course-certificate__sheet--landscape course-certificate__sheet--normal" in sheet
    text = " ".join(re.sub(r"<[^>]+>", " ", sheet).split())
    assert text.endswith(f"Course version {version} · issued")


def test_render_certificate_without_settings_shows_none_of_them(tmp_path):
    sheet = sheet_of(certificate_html(tmp_path)[0])
    for absent in ("<img", "Issued by", "course-certificate__foot", "course-certificate__signa"):
        assert absent not in sheet


def test_render_certificate_shows_issuer_signatory_logo_and_signature(tmp_path):
    html, version = certificate_html(tmp_path, EVERY_SETTING)
    sheet = sheet_of(html)
    assert "course-certificate__sheet--portrait course-certificate__sheet--normal" in sheet
    assert '<img class="course-certificate__logo" src="../images/my%20logo.svg" alt="">' in sheet
    assert (
        '<img class="course-certificate__signature-image" src="../images/signature.svg" '
        'alt="Signature of Dana Whitfield">'
    ) in sheet
    assert (
        '<p class="course-certificate__issuer">Issued by <strong>Northbridge &lt;Learning&gt; Team</strong></p>'
        in sheet
    )
    text = " ".join(re.sub(r"<[^>]+>", " ", sheet).split())
    assert "Dana Whitfield Head of Learning" in text
    assert f"Course version {version}" in text
    assert sheet.index("Issued by") < sheet.index("Dana Whitfield") < sheet.index("Course version")


def test_render_certificate_image_urls_follow_the_page_depth_without_directory_urls(tmp_path):
    sheet = sheet_of(certificate_html(tmp_path, EVERY_SETTING, directory_urls=False)[0])
    assert 'src="../images/my%20logo.svg"' in sheet


def test_render_certificate_signatory_without_role_or_signature(tmp_path):
    sheet = sheet_of(certificate_html(tmp_path, "certificate:\n  signatory: {name: Ann Lee}\n")[0])
    assert "Ann Lee" in sheet and "<img" not in sheet
    assert "course-certificate__signatory-role" not in sheet and "Issued by" not in sheet


@pytest.mark.parametrize(
    ("rows", "orientation", "density"),
    [
        (1, "landscape", "normal"),
        (6, "landscape", "normal"),
        (7, "landscape", "compact"),
        (13, "landscape", "columns-2"),
        (30, "landscape", "columns-3"),
        (37, "landscape", "columns-4"),
        (10, "portrait", "normal"),
        (11, "portrait", "compact"),
        (30, "portrait", "columns-2"),
        (41, "portrait", "columns-3"),
        (61, "portrait", "columns-4"),
    ],
)
def test_render_certificate_density_follows_rows_and_orientation(rows, orientation, density):
    assert certificate_density(rows, orientation) == density
