"""imsmanifest.xml for SCORM 1.2 and 2004 4th Edition, validated against the published XSDs (../shared/scorm-xsd)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from urllib.parse import unquote

import pytest
from lxml import etree

from builder.exporters.manifest import SCHEMAS, manifest
from builder.site.render import course_key
from builder.source.model import Course
from tests.support import scorm_xsd
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at
from tests.support.scorm_xsd import (
    NAMESPACE_FILES,
    assert_valid_manifest,
    compile_schema,
    schema_errors,
    schema_folder,
    wrapper_schema,
)

VERSIONS = ["1.2", "2004"]
TITLE = 'Safety & <first> "always" — السلامة أولاً'
"""Markup characters, quotes and right-to-left Arabic: all must come back as they were."""
FILES = [
    "index.html",
    "alpha/index.html",
    "media/café menu.pdf",
    "media/week #2 at 100%.pdf",
    "scorm-launch.html",
]
"""With a space and an accent, and a '#' and a '%', which the schemas reject in an href unless percent-encoded."""
LAUNCH = "scorm-launch.html"


@pytest.fixture(scope="module")
def course() -> Course:
    course, problems = load(project_at(FIXTURES / "full"))
    assert course is not None, problems
    return dataclasses.replace(course, title=TITLE)


def written(course: Course, version: str, identifier: str = "fixture-course") -> bytes:
    return manifest(course, identifier, FILES, version, launch=LAUNCH)


def parsed(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def cp(version: str, path: str) -> str:
    """`path` (a/b) with each step in the version's content packaging namespace, for lxml's find."""
    namespace = SCHEMAS[version].content_packaging
    return "/".join(f"{{{namespace}}}{step}" for step in path.split("/"))


def resource(root: etree._Element, version: str) -> etree._Element:
    found = root.find(cp(version, "resources/resource"))
    assert found is not None
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_is_valid_against_the_published_scorm_xsds(course, version):
    assert_valid_manifest(written(course, version), version)


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_titles_keep_markup_characters_quotes_and_arabic(course, version):
    data = written(course, version)
    root = parsed(data)
    titles = [root.find(cp(version, "organizations/organization/title"))]
    titles.append(root.find(cp(version, "organizations/organization/item/title")))
    assert [title.text for title in titles if title is not None] == [TITLE, TITLE]
    assert b"Safety &amp; &lt;first&gt;" in data and "السلامة".encode() in data


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_lists_every_file_as_a_percent_encoded_uri(course, version):
    hrefs = [file.get("href") for file in resource(parsed(written(course, version)), version)]
    assert "media/caf%C3%A9%20menu.pdf" in hrefs and "media/week%20%232%20at%20100%25.pdf" in hrefs
    assert [unquote(href) for href in hrefs] == FILES


@pytest.mark.parametrize(
    ("version", "scorm_type", "schema_version"),
    [("1.2", "scormtype", "1.2"), ("2004", "scormType", "2004 4th Edition")],
)
def test_manifest_has_one_item_launching_one_sco_in_the_versions_spelling(course, version, scorm_type, schema_version):
    root = parsed(written(course, version))
    assert root.findtext(cp(version, "metadata/schema")) == "ADL SCORM"
    assert root.findtext(cp(version, "metadata/schemaversion")) == schema_version
    organizations = root.find(cp(version, "organizations"))
    assert organizations is not None and len(organizations) == 1
    assert organizations.get("default") == organizations[0].get("identifier")
    items = root.findall(cp(version, "organizations/organization/item"))
    assert [item.get("identifierref") for item in items] == ["resource-1"]
    sco = resource(root, version)
    assert sco.get("identifier") == "resource-1" and sco.get("type") == "webcontent"
    assert sco.get(f"{{{SCHEMAS[version].adlcp}}}{scorm_type}") == "sco"
    assert sco.get("href") == LAUNCH


def test_manifest_2004_declares_the_sequencing_and_navigation_namespaces(course):
    root = parsed(written(course, "2004"))
    assert root.nsmap == {
        None: "http://www.imsglobal.org/xsd/imscp_v1p1",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
        "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
        "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
        "imsss": "http://www.imsglobal.org/xsd/imsss",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_schema_location_names_each_namespaces_published_xsd(course, version):
    location = parsed(written(course, version)).get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    words = location.split()
    pairs = dict(zip(words[::2], words[1::2], strict=True))
    assert pairs == NAMESPACE_FILES[version]
    folder = schema_folder(version)
    for namespace, file in pairs.items():
        assert etree.parse(folder / file).getroot().get("targetNamespace") == namespace


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    "title", ["2024 safety refresher", "Ünïcode: ¿qué? / 中文"], ids=["starting-with-a-digit", "non-ascii-and-slash"]
)
def test_manifest_identifier_is_a_valid_xs_id_whatever_the_course_key(course, version, title):
    renamed = dataclasses.replace(course, title=title)
    for identifier in (course_key(renamed), title):
        data = written(renamed, version, identifier)
        assert parsed(data).get("identifier").startswith("course-")
        assert_valid_manifest(data, version)


def test_manifest_refuses_an_unknown_scorm_version(course):
    with pytest.raises(ValueError, match=r"'1\.3' is not one of 1\.2, 2004"):
        written(course, "1.3")


def resource_not_a_sco(root: etree._Element, version: str) -> None:
    schema = SCHEMAS[version]
    resource(root, version).set(f"{{{schema.adlcp}}}{schema.scorm_type}", "lesson")


def identifier_starting_with_a_digit(root: etree._Element, version: str) -> None:
    root.set("identifier", "2024-course")


def file_without_href(root: etree._Element, version: str) -> None:
    del resource(root, version)[0].attrib["href"]


def unknown_packaging_element(root: etree._Element, version: str) -> None:
    organization = root.find(cp(version, "organizations/organization"))
    assert organization is not None
    organization.append(etree.Element(cp(version, "lesson")))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(
    ("breakage", "complaint"),
    [
        (resource_not_a_sco, "scorm"),
        (identifier_starting_with_a_digit, "xs:ID"),
        (file_without_href, "href"),
        (unknown_packaging_element, "lesson"),
    ],
)
def test_manifest_schemas_reject_a_broken_manifest(
    course, version, breakage: Callable[[etree._Element, str], None], complaint
):
    root = parsed(written(course, version))
    breakage(root, version)
    errors = schema_errors(etree.tostring(root), version)
    assert errors, f"the SCORM {version} schemas accepted a manifest broken by {breakage.__name__}"
    assert complaint.lower() in "\n".join(errors).lower()


def test_manifest_schemas_missing_fail_under_ci_and_skip_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setattr(scorm_xsd, "SCORM_XSD", tmp_path / "scorm-xsd")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(AssertionError, match=r"the SCORM 1\.2 schemas are missing"):
        schema_folder("1.2")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="the SCORM 2004 schemas are missing"):
        schema_folder("2004")


def test_manifest_schemas_that_load_only_in_part_are_an_error_not_a_silently_smaller_schema():
    # libxml2 only warns when an import cannot be read, then validates without that namespace.
    folder = schema_folder("2004")
    missing = wrapper_schema("2004").replace("adlcp_v1p3.xsd", "adlcp_missing.xsd")
    with pytest.raises(AssertionError, match="did not load cleanly"):
        compile_schema(folder, missing)
    remote = wrapper_schema("2004").replace('"adlcp_v1p3.xsd"', '"http://www.adlnet.org/xsd/adlcp_v1p3.xsd"')
    with pytest.raises(etree.XMLSchemaParseError, match="Failed to parse the XML resource"):
        compile_schema(folder, remote)


@pytest.mark.parametrize("version", VERSIONS)
def test_manifest_shortens_a_title_longer_than_the_schema_takes(course, version):
    long_title = "Serving colleagues well, " * 12  # 300 characters
    data = written(dataclasses.replace(course, title=long_title), version)
    assert_valid_manifest(data, version)
    title = parsed(data).findtext(cp(version, "organizations/organization/title"))
    assert title is not None and len(title) == 200 and title.endswith("...")
