"""The brand (mkdocs.yml `brand:`, checked by source/brand.py) put on the site: the theme's logo and favicon,
Material's palette set to the brand's colours in every scheme the trainer offers, and the stylesheet with those
colours (templates/brand.css), which the pages load after the theme's and the course's own."""

from __future__ import annotations

from typing import Any

from ..source.brand import Brand, BrandPalette

STYLESHEET_NAME = "brand.css"


def apply_brand(theme: Any, brand: Brand) -> None:
    """Set the theme's logo, favicon and (for Material) palette from the brand. Material's `custom` primary
    and accent colours take their values from the brand's stylesheet; every entry of a palette switch (light,
    dark, following the system) gets them, so the switch keeps its schemes and the brand's colours."""
    if brand.logo:
        theme["logo"] = brand.logo
    if brand.favicon:
        theme["favicon"] = brand.favicon
    if brand.palette is None or theme.name != "material":
        return
    palette = theme.get("palette")
    entries = palette if isinstance(palette, list) else [palette if isinstance(palette, dict) else {}]
    for entry in entries:
        if isinstance(entry, dict):
            entry["primary"] = entry["accent"] = "custom"
    theme["palette"] = entries if isinstance(palette, list) else entries[0]


def brand_stylesheet(palette: BrandPalette) -> str:
    """The brand's colours as CSS custom properties for both schemes. The template is written as the minifier
    would write it (a rule a line, no spaces), so it is not minified again: that would load the minifier's Go
    runtime (about 8 MiB) into a build that otherwise finds every output it needs kept (shipped.py)."""
    from .render import template_environment

    return template_environment().get_template(STYLESHEET_NAME).render(palette=palette)
