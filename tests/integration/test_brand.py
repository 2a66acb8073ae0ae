"""The brand (mkdocs.yml `brand:`) on a built site: Material's palette set to it in every scheme of a palette
switch, its stylesheet with both schemes' shades, the logo in the header and on the certificate, the favicon; and
a brand colour that fails contrast stopping the build at its line, the last site left as it was."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run_course
from tests.support.paths import FIXTURES

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'


def branded(tmp_path: Path, color: str) -> Path:
    project = tmp_path / "branded"
    shutil.copytree(FIXTURES / "full", project)
    (project / "content" / "images").mkdir()
    (project / "content" / "images" / "logo.svg").write_text(SVG)
    config = project / "mkdocs.yml"
    brand = f'  - course:\n      brand:\n        color: "{color}"\n        logo: images/logo.svg\n'
    brand += "        favicon: images/logo.svg\n"
    config.write_text(config.read_text().replace("  - course\n", brand))
    return project


def test_a_brand_colours_every_scheme_and_puts_its_logo_in_the_header_and_on_the_certificate(tmp_path):
    site = tmp_path / "site"
    run_course("build", "--site-dir", str(site), cwd=branded(tmp_path, "#0a6b52"), check=True)
    home = (site / "index.html").read_text()
    stylesheet = (site / "assets" / "course" / "brand.css").read_text()
    assert home.index("assets/course/course.css") < home.index("assets/course/brand.css"), "brand.css must come last"
    # every entry of the switch takes the brand's colours (Material's `custom`), the schemes stay
    inputs = re.findall(
        r'<input class="md-option" data-md-color-media="[^"]*" data-md-color-scheme="(\w+)" '
        r'data-md-color-primary="(\w+)" data-md-color-accent="(\w+)"',
        home,
    )
    assert inputs == [("default", "custom", "custom"), ("default", "custom", "custom"), ("slate", "custom", "custom")]
    assert re.search(
        r"@media screen\{\[data-md-color-scheme=slate\],\[data-bs-theme=dark\]\{--course-brand-text:#[0-9a-f]{6}\}",
        stylesheet,
    )
    assert "--md-primary-fg-color:#0a6b52" in stylesheet and "--course-brand:#0a6b52" in stylesheet
    assert '<img src="images/logo.svg" alt="logo">' in home
    assert re.search(r'<link rel="icon" href="images/logo.svg"', home)
    certificate = (site / "certificate" / "index.html").read_text()
    assert 'class="course-certificate__logo" src="../images/logo.svg"' in certificate


@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_colour_white_text_fails_on_stops_the_command_at_its_line_and_keeps_the_last_site(tmp_path, command):
    project = branded(tmp_path, "#0a6b52")
    site = tmp_path / "site"
    run_course("build", "--site-dir", str(site), cwd=project, check=True)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("#0a6b52", "#7fb3ff"))
    result = run_course(command, *(("--site-dir", str(site)) if command == "build" else ()), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = config.read_text().splitlines().index('        color: "#7fb3ff"') + 1
    assert (
        f"mkdocs.yml:{line}:16: brand.color: white text on #7fb3ff has a contrast of only 2.14:1, below the 4.5:1 "
        "that text needs (WCAG AA) on the header and the buttons; the nearest shade that passes is #0a6dff (4.52:1)"
    ) in result.stderr
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
