"""The published SCORM content-packaging XSDs in ../shared/scorm-xsd, loaded with lxml to validate an
imsmanifest.xml (read where they are, never copied into the project)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from lxml import etree

from .paths import SHARED

SCORM_XSD = SHARED / "scorm-xsd"

NAMESPACE_FILES = {
    "1.2": {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
    },
    "2004": {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    },
}
"""Each namespace a manifest of the SCORM version may use, and the XSD (in scorm-xsd/<version>/) that defines it."""


class ManifestInvalid(AssertionError):
    """The manifest breaks its SCORM version's schemas."""


def schema_folder(version: str) -> Path:
    """scorm-xsd/<version>/: a test failure under CI=true when it is missing, else the test is skipped."""
    folder = SCORM_XSD / version
    if not folder.is_dir():
        message = f"the SCORM {version} schemas are missing: {folder} (../shared/scorm-xsd beside the repository)"
        assert os.environ.get("CI") != "true", message
        pytest.skip(message)
    return folder


class _OnlyTheSchemaFolder(etree.Resolver):
    """Lets the schemas load the files of their own folder and nothing else, so that no import can ever go to
    the network. The schemas as shipped need no more: every import and include is a relative path (xml.xsd's
    http://www.w3.org/2001/03/xml.xsd is only an example inside its <documentation>). Raising here makes
    lxml fail the load with "Failed to parse the XML resource '<url>'"."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.as_uri() + "/"

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        if not (system_url or "").startswith(self.folder):
            raise AssertionError(f"the SCORM schemas asked for {system_url!r}, outside {self.folder}")
        return None  # lxml reads the local file itself


TOLERATED = {("ims_xml.xsd", "NS_ERR_XML_NAMESPACE")}
"""What loading the schemas as shipped reports and may be ignored, as (file name, libxml2 error type): 1.2's
ims_xml.xsd binds the default namespace to the xml namespace (`xmlns="http://www.w3.org/XML/1998/namespace"`),
which Namespaces in XML forbids. libxml2 reports it and drops the declaration, which that file never uses
(it names types as xsd:…), so xml:lang and xml:base are still defined."""


def wrapper_schema(version: str) -> str:
    """One schema importing every namespace of the version from its XSD: the manifest mixes several."""
    imports = "".join(
        f'  <xs:import namespace="{namespace}" schemaLocation="{file}"/>\n'
        for namespace, file in NAMESPACE_FILES[version].items()
    )
    return f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n{imports}</xs:schema>\n'


def compile_schema(folder: Path, wrapper: str) -> etree.XMLSchema:
    """`wrapper` compiled as if it were a file in `folder`, so its relative schemaLocations find the XSDs there.

    libxml2 only warns when an import cannot be loaded and compiles the schema without it (an attribute of the
    missing namespace would then pass unchecked), so anything it reports, beyond the TOLERATED, fails the load."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_OnlyTheSchemaFolder(folder))
    document = etree.fromstring(wrapper.encode(), parser, base_url=(folder / "wrapper.xsd").as_uri())
    schema = etree.XMLSchema(document)
    reported = [
        error for error in schema.error_log if (Path(error.filename or "").name, error.type_name) not in TOLERATED
    ]
    if reported:
        raise AssertionError(
            f"the SCORM schemas in {folder} did not load cleanly:\n  " + "\n  ".join(map(str, reported))
        )
    return schema


@functools.cache
def scorm_schema(version: str) -> etree.XMLSchema:
    """The compiled schemas of SCORM `version` ("1.2" or "2004")."""
    return compile_schema(schema_folder(version), wrapper_schema(version))


def schema_errors(manifest: bytes, version: str) -> list[str]:
    """What the SCORM `version` schemas reject in `manifest` (empty when it is valid)."""
    schema = scorm_schema(version)
    document = etree.fromstring(manifest, etree.XMLParser(no_network=True, resolve_entities=False))
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def assert_valid_manifest(manifest: bytes, version: str) -> None:
    errors = schema_errors(manifest, version)
    if errors:
        raise ManifestInvalid(f"imsmanifest.xml is not valid SCORM {version}:\n  " + "\n  ".join(errors))
