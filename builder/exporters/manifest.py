"""imsmanifest.xml, the table of contents of a SCORM package, for SCORM 1.2 and SCORM 2004 4th Edition.

Both describe the same package: one organization holding one item, which launches one SCO resource
that lists every file. Only the namespaces, the schema version and the spelling of the SCO attribute differ.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import quote

from ..source.model import Course
from ..source.text import shorten

XSI = "http://www.w3.org/2001/XMLSchema-instance"
MAX_TITLE = 200
"""SCORM 1.2's content packaging schema takes titles of at most 200 characters (the LMS shows the course's
title from the manifest; the pages keep the whole title)."""


@dataclass(frozen=True, slots=True)
class ManifestSchema:
    """What tells one SCORM version's manifest from the other's."""

    content_packaging: str
    """The IMS content packaging namespace: the manifest's own elements."""
    adlcp: str
    """ADL's content packaging extensions: the attribute that makes a resource a SCO."""
    scorm_type: str
    """That attribute's name."""
    schema_version: str
    """<schemaversion>, as the version's conformance rules spell it."""
    declared: tuple[tuple[str, str], ...]
    """Namespaces declared on <manifest> although unused, as (prefix, namespace): what LMSs and authoring tools
    customarily expect to see there."""
    schema_files: tuple[tuple[str, str], ...]
    """xsi:schemaLocation's pairs of (namespace, XSD file name)."""


SCHEMAS = {
    "1.2": ManifestSchema(
        content_packaging="http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2",
        scorm_type="scormtype",
        schema_version="1.2",
        declared=(),
        schema_files=(
            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
        ),
    ),
    "2004": ManifestSchema(
        content_packaging="http://www.imsglobal.org/xsd/imscp_v1p1",
        adlcp="http://www.adlnet.org/xsd/adlcp_v1p3",
        scorm_type="scormType",
        schema_version="2004 4th Edition",
        declared=(
            ("adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3"),
            ("adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3"),
            ("imsss", "http://www.imsglobal.org/xsd/imsss"),
        ),
        schema_files=(
            ("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
            ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
            ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
            ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
        ),
    ),
}
"""By SCORM version, as `manifest` takes it."""


def manifest(course: Course, identifier: str, files: list[str], version: str, *, launch: str) -> bytes:
    """imsmanifest.xml for SCORM `version` ("1.2" or "2004"): one organization, one item, one SCO resource
    launched at `launch` and listing every file (relative POSIX paths)."""
    if version not in SCHEMAS:
        raise ValueError(f"SCORM version {version!r} is not one of {', '.join(SCHEMAS)}")
    schema = SCHEMAS[version]
    cp = schema.content_packaging
    root = _root(schema, identifier)
    metadata = ET.SubElement(root, f"{{{cp}}}metadata")
    ET.SubElement(metadata, f"{{{cp}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{cp}}}schemaversion").text = schema.schema_version
    organizations = ET.SubElement(root, f"{{{cp}}}organizations", default="organization-1")
    organization = ET.SubElement(organizations, f"{{{cp}}}organization", identifier="organization-1")
    title = shorten(course.title, MAX_TITLE)
    ET.SubElement(organization, f"{{{cp}}}title").text = title
    item = ET.SubElement(
        organization, f"{{{cp}}}item", identifier="item-1", identifierref="resource-1", isvisible="true"
    )
    ET.SubElement(item, f"{{{cp}}}title").text = title
    resources = ET.SubElement(root, f"{{{cp}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{cp}}}resource",
        {
            "identifier": "resource-1",
            "type": "webcontent",
            f"{{{schema.adlcp}}}{schema.scorm_type}": "sco",
            "href": file_href(launch),
        },
    )
    for name in files:
        ET.SubElement(resource, f"{{{cp}}}file", href=file_href(name))
    return _serialized(root, schema)


def manifest_identifier(identifier: str) -> str:
    """The manifest's identifier, a valid xs:ID whatever `identifier` is: the prefix makes it start with a
    letter (a course key may start with a digit), and anything but ASCII letters, digits, '.', '_' and '-'
    becomes '-' (the course key is a slug, which has none)."""
    return "course-" + re.sub(r"[^A-Za-z0-9._-]+", "-", identifier)


def file_href(name: str) -> str:
    """A package file's relative POSIX path as a valid xs:anyURI: spaces, non-ASCII letters and URL
    delimiters percent-encoded (UTF-8), folders kept apart by '/'. An LMS decodes it back to the file's name."""
    return quote(name, safe="/")


def _root(schema: ManifestSchema, identifier: str) -> ET.Element:
    root = ET.Element(
        f"{{{schema.content_packaging}}}manifest", identifier=manifest_identifier(identifier), version="1.0"
    )
    # ElementTree declares only the namespaces an element or attribute uses; the customary unused ones are
    # written as plain attributes, which it leaves alone.
    for prefix, namespace in schema.declared:
        root.set(f"xmlns:{prefix}", namespace)
    root.set(f"{{{XSI}}}schemaLocation", " ".join(f"{ns} {file}" for ns, file in schema.schema_files))
    return root


def _serialized(root: ET.Element, schema: ManifestSchema) -> bytes:
    # The prefixes ElementTree gives namespaces are process-wide: set them for this version just before writing.
    ET.register_namespace("", schema.content_packaging)
    ET.register_namespace("adlcp", schema.adlcp)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
