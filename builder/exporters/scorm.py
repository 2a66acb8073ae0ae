"""`course export scorm`: the whole course as one SCO in a zip, for SCORM 1.2 (the default) or 2004 4th edition.

The package is the relative-URL site plus a launch page (scorm-launch.html) that holds
the one LMS session for the visit and shows the course in a frame (scorm_launch.js),
and an imsmanifest.xml listing every file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..site.config import Configuration
from ..site.render import template_environment
from ..source import interface_text
from ..source.errors import ExportError
from ..source.interactions import SCORM_12
from ..source.validate import Validation
from .manifest import manifest
from .packaging import relative_build, unsafe_urls, write_zip
from .suspend import MIN_WRITTEN, course_map, worst_case_length

LAUNCH_PAGE = "scorm-launch.html"
LAUNCH_SCRIPTS = {
    "scorm_lms.js": "assets/course/scorm-lms.js",
    "scorm_interactions.js": "assets/course/scorm-interactions.js",
    "scorm_launch.js": "assets/course/scorm-launch.js",
}
"""The launch page's scripts (in the order it loads them) and where the package has them."""
MANIFEST = "imsmanifest.xml"


@dataclass(frozen=True, slots=True)
class ScormPackage:
    files: int
    worst_suspend_data: int
    suspend_limit: int


def export_scorm(config: Configuration, validation: Validation, out: Path, version: str = SCORM_12) -> ScormPackage:
    """Write the SCORM package (`version` 1.2 or 2004) of a validated course to `out`."""
    course = validation.course
    assert course is not None
    cmap = course_map(course, version, report_failed=bool(config.plugin.config.report_failed))
    worst = worst_case_length(cmap)
    limit = cmap["limit"]
    if cmap.get("written") and cmap["writtenBudget"] < MIN_WRITTEN:
        raise ExportError(
            f"the course's {len(cmap['written'])} written questions would have room for only "
            f"{cmap['writtenBudget']:,} characters each in SCORM {version}'s {limit:,} characters of suspend_data "
            f"(at least {MIN_WRITTEN} are needed); split the course into smaller packages or use fewer questions"
            + (", or export for SCORM 2004 (--version 2004), which keeps 64,000" if version == SCORM_12 else "")
        )
    if worst > limit:
        raise ExportError(
            f"a learner's progress in this course can need {worst:,} characters of SCORM "
            f"suspend_data, but SCORM {version} keeps only {limit:,}; split the course into "
            "smaller packages or use fewer questions"
            + (", or export for SCORM 2004 (--version 2004), which keeps 64,000" if version == SCORM_12 else "")
        )
    with relative_build(config, validation) as site:
        problems = unsafe_urls(site)
        if problems:
            raise ExportError(
                "the package would make network requests or use server-root URLs:\n  " + "\n  ".join(problems)
            )
        launch = (
            template_environment()
            .get_template("scorm_launch.html")
            .render(
                title=course.title,
                language=course.language,
                direction=interface_text.direction(course.language),
                t=interface_text.shipped(course.language).with_overrides(course.ui_text).text,
                course_map=cmap,
            )
        )
        (site / LAUNCH_PAGE).write_text(launch, encoding="utf-8")
        for source, target in LAUNCH_SCRIPTS.items():
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(__file__).parent / source, site / target)
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        (site / MANIFEST).write_bytes(manifest(course, cmap["course"], files, version, launch=LAUNCH_PAGE))
        write_zip(site, out)
    return ScormPackage(files=len(files) + 1, worst_suspend_data=worst, suspend_limit=limit)
