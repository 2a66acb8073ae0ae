"""The organisation's brand (the course plugin's `brand:` option in mkdocs.yml): its colour and accent, logo
and favicon; the checks that keep them readable; and the shades the site derives from them.

The colour is the header's and the buttons' background, behind white text, in both colour schemes, and the
accent is the colour of links as the pointer rests on them; so white text on each must reach WCAG AA's 4.5:1,
and a colour that does not is an error that suggests the nearest shade that does. Text in the brand's colour
(links, secondary buttons) must also reach 4.5:1 on the course's tinted boxes: on the light scheme it takes a
darker shade where the colour is too pale for them, and on the dark scheme a lighter shade that reaches 4.5:1
on every dark surface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .colour import BLACK, WHITE, Colour, contrast, darkest_passing, lightest_passing, ratio_text
from .diagnostics import Diagnostic
from .images import PICTURES, check_images
from .plugin_options import OptionChecker
from .project import CONFIG_FILE, Project
from .text import suggest

KEYS = ("color", "accent", "logo", "favicon")
COLOURS = ("color", "accent")
TEXT_RATIO = 4.5
"""WCAG 2.2 AA's contrast for normal-size text (1.4.3)."""
LIGHT_SURFACES = tuple(map(Colour.from_hex, ("#ffffff", "#f4f4f4", "#eef7ee", "#fff4e5", "#f6f1fb", "#eef4fc")))
"""The light scheme's page and the course's boxes on it (course.css: --course-bg, --course-box and the tinted
--course-*-bg): text in the brand's colour must be readable on each, which white text on the colour does not
promise (a colour at 4.6:1 with white is 4.2:1 on a tinted box)."""
DARK_SURFACES = (
    Colour.from_hsl(232, 0.15, 0.14),  # Material's slate page
    *map(Colour.from_hex, ("#2a2e38", "#1d3024", "#3a2c1a", "#2d2640", "#1f2b40")),
)
"""The dark scheme's page and the course's boxes on it (course.css's dark values of the same properties)."""
PLUGIN = "course"


@dataclass(frozen=True, slots=True)
class Brand:
    """The brand as checked: colours as colours, images as paths from the content folder."""

    color: Colour | None = None
    accent: Colour | None = None
    logo: str | None = None
    favicon: str | None = None

    @property
    def palette(self) -> BrandPalette | None:
        """The colours the site is drawn with, or None when the brand sets no colour (the theme's stay)."""
        if self.color is None:
            return None
        accent = self.accent or self.color
        return BrandPalette(
            color=self.color,
            color_light=self.color.mixed(WHITE, 0.2),
            color_dark=self.color.mixed(BLACK, 0.2),
            light_text=_readable_on_light(self.color) or BLACK,
            light_accent=_readable_on_light(accent) or BLACK,
            dark_text=_readable_on_dark(self.color) or WHITE,
            dark_accent=_readable_on_dark(accent) or WHITE,
        )


@dataclass(frozen=True, slots=True)
class BrandPalette:
    color: Colour
    """The header's and buttons' background (white text on it), in both schemes."""
    color_light: Colour
    color_dark: Colour
    light_text: Colour
    """Text in the brand's colour on the light scheme (links, secondary buttons): the colour, or a darker shade
    of it where the colour is too pale for the course's tinted boxes."""
    light_accent: Colour
    """Links under the pointer, on the light scheme."""
    dark_text: Colour
    """Text in the brand's colour on the dark scheme: links, secondary buttons."""
    dark_accent: Colour
    """Links under the pointer, on the dark scheme."""


def brand_from(raw: Any) -> Brand | None:
    """The brand a checked `brand:` option describes (check_brand found no errors), None when there is none."""
    if not isinstance(raw, dict) or not raw:
        return None

    def written(key: str) -> str | None:
        value = raw.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    color, accent = written("color"), written("accent")
    return Brand(
        color=Colour.parse(color) if color else None,
        accent=Colour.parse(accent) if accent else None,
        logo=written("logo"),
        favicon=written("favicon"),
    )


def check_brand(project: Project) -> list[Diagnostic]:
    """Every problem with the project's `brand:` option, each at its place in mkdocs.yml."""
    raw = project.brand
    if raw is None:
        return []
    config_file = project.root / CONFIG_FILE
    text = config_file.read_text(encoding="utf-8", errors="replace") if config_file.is_file() else ""
    checker = OptionChecker(project.display(config_file), text, PLUGIN)
    if not isinstance(raw, dict):
        checker.error(
            ("brand",), "should be a group of lines: color, accent, logo and favicon (each optional)", "brand"
        )
        return checker.problems
    for key in raw:
        if key not in KEYS:
            checker.error(
                ("brand", key),
                f"unknown key '{key}'{suggest(str(key), list(KEYS))}; the keys are: {', '.join(KEYS)}",
                "brand",
                key=True,
            )
    for key in COLOURS:
        if key in raw and raw[key] is None:  # `color: #1a56a8` unquoted: YAML reads a comment, so nothing
            checker.error(
                ("brand", key),
                'has no colour: in YAML a # starts a comment, so write the colour in quotes, like "#1a56a8"',
                "brand",
            )
        elif key in raw and (problem := colour_problem(raw[key], key)):
            code, message = problem
            checker.error(("brand", key), message, code)
    for key in ("logo", "favicon"):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and value.strip()):
            checker.error(("brand", key), "should be the path of an image file from the content folder", "brand")
    check_images(raw, ("logo",), ("brand",), project.content_path, project.content_dir, checker, shown_by="a page")
    check_images(
        raw,
        ("favicon",),
        ("brand",),
        project.content_path,
        project.content_dir,
        checker,
        kinds=(*PICTURES, "ICO"),
        shown_by="a browser tab",
    )
    return checker.problems


def colour_problem(value: Any, key: str) -> tuple[str, str] | None:
    """What is wrong with a brand colour as written: its code (`brand` for a value that is no colour,
    `brand-contrast` for one that is too pale) and the message in a trainer's words; None when it is fine."""
    colour = Colour.parse(value) if isinstance(value, str) else None
    if colour is None:
        return "brand", f"'{value}' is not a colour written as # and six hexadecimal digits, such as #1a56a8"
    ratio = contrast(WHITE, colour)
    role = "the header and the buttons" if key == "color" else "links as the pointer rests on them"
    if ratio < TEXT_RATIO:
        passing = darkest_passing(colour, WHITE, TEXT_RATIO)
        suggestion = (
            f"; the nearest shade that passes is {passing.hex} ({ratio_text(contrast(WHITE, passing))})"
            if passing
            else ""
        )
        return "brand-contrast", (
            f"white text on {colour.hex} has a contrast of only {ratio_text(ratio)}, below the {TEXT_RATIO}:1 that "
            f"text needs (WCAG AA) on {role}{suggestion}"
        )
    if _readable_on_dark(colour) is None:
        return "brand-contrast", (
            f"no lighter shade of {colour.hex} reaches {TEXT_RATIO}:1 on the dark colour scheme's background; "
            "choose a colour with more of a hue"
        )
    return None


def _readable_on_light(colour: Colour) -> Colour | None:
    """The nearest shade of `colour` (itself, or darker) readable as text on every light surface."""
    shade = darkest_passing(colour, min(LIGHT_SURFACES, key=lambda s: s.luminance), TEXT_RATIO)
    return shade if shade and all(contrast(shade, s) >= TEXT_RATIO for s in LIGHT_SURFACES) else None


def _readable_on_dark(colour: Colour) -> Colour | None:
    """The nearest shade of `colour` (itself, or lighter) readable as text on every dark surface."""
    shade = lightest_passing(colour, max(DARK_SURFACES, key=lambda s: s.luminance), TEXT_RATIO)
    return shade if shade and all(contrast(shade, s) >= TEXT_RATIO for s in DARK_SURFACES) else None
