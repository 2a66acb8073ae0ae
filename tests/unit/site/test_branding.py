"""The brand on the site (site/branding.py, templates/brand.css): the surfaces brand.py measures text against are
course.css's own, in both schemes; the stylesheet overrides course.css's brand properties under its selectors."""

from __future__ import annotations

import re

from builder.site.branding import apply_brand, brand_stylesheet
from builder.site.shipped import ASSETS
from builder.source.brand import DARK_SURFACES, LIGHT_SURFACES, Brand
from builder.source.colour import Colour

SURFACE = re.compile(r"--course-(?:bg|box|[a-z]+-bg):(#[0-9a-f]{3,6})\b")


def declarations(css: str, selector: str) -> str:
    """The declarations of the first rule with exactly `selector` in `css` (comments left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    start = css.index(selector + "{") + len(selector) + 1
    return css[start : css.index("}", start)]


def surfaces(declared: str) -> set[str]:
    return {Colour.from_hex(written).hex for written in SURFACE.findall(declared)}


def test_brand_text_is_measured_against_every_surface_course_css_draws_in_each_scheme():
    css = (ASSETS / "course.css").read_text()
    light = surfaces(declarations(css, ":root,[data-md-color-scheme]"))
    dark = surfaces(declarations(css, "@media screen{[data-md-color-scheme=slate],[data-bs-theme=dark]"))
    assert len(light) == 6 and len(dark) == 5, (light, dark)  # the dark page is Material's: DARK_SURFACES[0]
    assert light == {surface.hex for surface in LIGHT_SURFACES}
    assert dark == {surface.hex for surface in DARK_SURFACES[1:]}


def test_brand_stylesheet_sets_course_css_brand_properties_under_its_selectors():
    css = brand_stylesheet(Brand(color=Colour.from_hex("#0a6dff")).palette)
    palette = Brand(color=Colour.from_hex("#0a6dff")).palette
    assert palette is not None
    light = declarations(css, ":root,[data-md-color-scheme]")
    assert f"--course-brand:{palette.color.hex}" in light and f"--course-brand-text:{palette.light_text.hex}" in light
    assert palette.light_text != palette.color, "this pale a colour is darkened as text"
    dark = declarations(css, "@media screen{[data-md-color-scheme=slate],[data-bs-theme=dark]")
    assert dark == f"--course-brand-text:{palette.dark_text.hex}"


class Theme(dict):
    name = "material"


def test_apply_brand_sets_every_palette_entry_to_the_brand_and_the_logo_and_favicon():
    theme = Theme(palette=[{"scheme": "default", "primary": "indigo"}, {"scheme": "slate", "accent": "red"}])
    apply_brand(theme, Brand(color=Colour.from_hex("#0a6b52"), logo="images/logo.svg", favicon="images/icon.png"))
    assert theme == {
        "palette": [
            {"scheme": "default", "primary": "custom", "accent": "custom"},
            {"scheme": "slate", "primary": "custom", "accent": "custom"},
        ],
        "logo": "images/logo.svg",
        "favicon": "images/icon.png",
    }
    single = Theme(palette={"primary": "indigo"})
    apply_brand(single, Brand(logo="images/logo.svg"))
    assert single == {"palette": {"primary": "indigo"}, "logo": "images/logo.svg"}, "no colour: the theme's stay"
