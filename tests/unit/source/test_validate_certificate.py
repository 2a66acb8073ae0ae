"""course.yml's `certificate:` settings: the model they give, and each problem with its exact words and place."""

from pathlib import Path

from builder.source.images import image_type
from builder.source.model import CertificateSettings, Signatory
from tests.support.projects import COURSE, load, make_project, valid_course

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
SVG = b'<?xml version="1.0"?>\n<!-- a logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"/>\n'
EVERY_SETTING = """\
certificate:
  orientation: portrait
  issuer: Northbridge Learning Team
  signatory:
    name: Dana Whitfield
    role: Head of Learning
  logo: images/logo.svg
  signature: images/signature.png
"""


def with_images(tmp_path: Path, certificate: str, **images: bytes) -> list[str]:
    """The problems of the test course with this certificate block and these files (by path from content/)."""
    project = make_project(tmp_path, content__course=COURSE + certificate)
    for name, data in images.items():
        file = tmp_path / "content" / name.replace("__", "/").replace("_", ".")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
    _, problems = load(project)
    return [str(p) for p in problems]


def test_certificate_settings_build_the_model(tmp_path):
    make_project(tmp_path, content__course=COURSE + EVERY_SETTING)
    (tmp_path / "content" / "images").mkdir()
    (tmp_path / "content" / "images" / "logo.svg").write_bytes(SVG)
    (tmp_path / "content" / "images" / "signature.png").write_bytes(PNG)
    course = valid_course(make_project(tmp_path, content__course=COURSE + EVERY_SETTING))
    assert course.certificate == CertificateSettings(
        orientation="portrait",
        issuer="Northbridge Learning Team",
        signatory=Signatory(name="Dana Whitfield", role="Head of Learning"),
        logo="images/logo.svg",
        signature="images/signature.png",
    )


def test_certificate_settings_are_optional(tmp_path):
    assert valid_course(make_project(tmp_path)).certificate == CertificateSettings(orientation="landscape")
    course = valid_course(make_project(tmp_path, content__course=COURSE + "certificate:\n  signatory: {name: Ann}\n"))
    assert course.certificate == CertificateSettings(signatory=Signatory(name="Ann"))


def test_certificate_unknown_keys_and_orientation_are_reported_together(tmp_path):
    block = "certificate:\n  orientation: sideways\n  isuer: Us\n  signatory:\n    role: Boss\n    title: Dr\n"
    assert with_images(tmp_path, block) == [
        "content/course.yml:7:16: certificate.orientation: 'sideways' is not allowed here; use one of: landscape, "
        "portrait",
        "content/course.yml:8:3: certificate.isuer: unknown key 'isuer' (did you mean 'issuer'?)",
        "content/course.yml:10:5: certificate.signatory: missing required key 'name': the name printed under the "
        "signature line",
        "content/course.yml:11:5: certificate.signatory.title: unknown key 'title'",
    ]


def test_certificate_image_missing_outside_content_or_a_web_address(tmp_path):
    block = "certificate:\n  logo: images/logo.png\n  signature: ../mkdocs.yml\n"
    assert with_images(tmp_path, block) == [
        "content/course.yml:7:9: certificate.logo: the image 'images/logo.png' is missing; put it at "
        "content/images/logo.png or correct the path",
        "content/course.yml:8:14: certificate.signature: '../mkdocs.yml' is outside content/; put the image in "
        "content/ (for example content/images/) and write its path from there",
    ]
    block = "certificate:\n  logo: https://example.org/logo.png\n  signature: /etc/hostname\n"
    assert with_images(tmp_path, block) == [
        "content/course.yml:7:9: certificate.logo: 'https://example.org/logo.png' is a web address; put the image "
        "in content/ (for example content/images/) and write its path from there",
        "content/course.yml:8:14: certificate.signature: '/etc/hostname' is outside content/; put the image in "
        "content/ (for example content/images/) and write its path from there",
    ]


def test_certificate_image_type_is_read_from_the_file(tmp_path):
    block = "certificate:\n  logo: images/logo.png\n  signature: sign.svg\n"
    problems = with_images(tmp_path, block, images__logo_png=b"GIF89a" + b"\0" * 32, sign_svg=b"<html></html>")
    assert problems == [
        "content/course.yml:7:9: certificate.logo: 'images/logo.png' is a GIF image; save it as PNG, JPEG or SVG",
        "content/course.yml:8:14: certificate.signature: 'sign.svg' is not an image a certificate can show; save "
        "it as PNG, JPEG or SVG",
    ]
    problems = with_images(tmp_path, block, images__logo_png=SVG, sign_svg=JPEG)
    assert problems == [
        "content/course.yml:7:9: certificate.logo: 'images/logo.png' holds an SVG image but its name does not say "
        "so; rename it to logo.svg",
        "content/course.yml:8:14: certificate.signature: 'sign.svg' holds a JPEG image but its name does not say "
        "so; rename it to sign.jpg",
    ]


def test_certificate_image_over_1_mb_says_its_size_and_the_limit(tmp_path):
    block = "certificate:\n  logo: logo.png\n"
    assert with_images(tmp_path, block, logo_png=PNG + b"\0" * 1_000_000) == [
        "content/course.yml:7:9: certificate.logo: 'logo.png' is 1,000,072 bytes; the limit is 1,000,000 bytes "
        "(1 MB): export it smaller, at the size it is printed",
    ]
    assert with_images(tmp_path, block, logo_png=PNG + b"\0" * (1_000_000 - len(PNG) - 64)) == []


def test_certificate_image_type_of_first_bytes():
    assert image_type(PNG) == "PNG"
    assert image_type(JPEG) == "JPEG"
    assert image_type(SVG) == "SVG"
    assert image_type(b"\xef\xbb\xbf<!DOCTYPE svg PUBLIC '-'>\n<svg:svg xmlns:svg='x'>") == "SVG"
    assert image_type(b"<svgish/>") is None
    assert image_type(b"RIFF\0\0\0\0WEBPVP8 ") == "WebP"
    assert image_type(b"") is None
