"""`course export scorm` writes an imsmanifest.xml that the published SCORM XSDs accept, for each version."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from builder.exporters.manifest import SCHEMAS
from tests.support.cli import run_course
from tests.support.scorm_xsd import assert_valid_manifest, schema_folder


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_export_scorm_manifest_is_valid_for_its_version_and_lists_the_zip(course_copy, tmp_path: Path, version):
    schema_folder(version)  # skip (or fail under CI) before exporting when the schemas are missing
    project = course_copy("full")
    out = tmp_path / "course.zip"
    args = ["--version", version] if version != "1.2" else []  # 1.2 is the default
    result = run_course("export", "scorm", *args, "--out", str(out), cwd=project, check=True)
    limit = "64,000" if version == "2004" else "4,096"
    assert f"SCORM {version} package" in result.stdout and f"of {limit} characters of suspend_data" in result.stdout
    with zipfile.ZipFile(out) as archive:
        data = archive.read("imsmanifest.xml")
        names = set(archive.namelist()) - {"imsmanifest.xml"}
    assert_valid_manifest(data, version)
    namespace = SCHEMAS[version].content_packaging
    listed = {unquote(file.get("href")) for file in etree.fromstring(data).iter(f"{{{namespace}}}file")}
    assert listed == names
    assert {"scorm-launch.html", "assets/course/scorm-lms.js", "assets/course/scorm-interactions.js"} <= names
