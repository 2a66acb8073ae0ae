"""The brand's colour and logo (mkdocs.yml `brand:`) as learners see them, in the light scheme and the dark one:
the header and the buttons in the brand's colour, links in it (a lighter shade of it on the dark scheme), the
logo in the header, and no axe violation either way."""

from __future__ import annotations

import pytest

from builder.source.brand import Brand
from builder.source.colour import Colour
from tests.browser.conftest import BRAND_COLOUR
from tests.support.browser import PAGES, RIGHT, answer, check, format_violations, open_page, run_axe

BRAND = Colour.parse(BRAND_COLOUR)
PALETTE = Brand(color=BRAND).palette
assert PALETTE is not None and PALETTE.light_text != BRAND, "the variant's colour should need a darker text shade"


def rgb(colour: Colour) -> str:
    return f"rgb({colour.red}, {colour.green}, {colour.blue})"


def colours(page) -> dict[str, str]:
    """The computed colours of what the brand colours on a lesson page after its quiz is checked."""
    return page.evaluate("""() => {
        const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
        return {
            header: style('.md-header', 'backgroundColor'),
            button: style('.course-button:not(.course-button--secondary)', 'backgroundColor'),
            buttonText: style('.course-button:not(.course-button--secondary)', 'color'),
            link: style('.md-content .course a:not(.course-button)', 'color'),
        };
    }""")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_brand_colours_the_header_buttons_and_links_in_both_schemes(new_tab, sites, scheme, width):
    site = sites("brand")
    page = new_tab(color_scheme=scheme, viewport={"width": width, "height": 900}).page
    open_page(page, site, PAGES["alpha"])
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    answer(page, "alpha-check", RIGHT["alpha-check"])
    check(page, "alpha-check")
    link = PALETTE.dark_text if scheme == "dark" else PALETTE.light_text
    assert colours(page) == {
        "header": rgb(BRAND),
        "button": rgb(BRAND),
        "buttonText": "rgb(255, 255, 255)",
        "link": rgb(link),
    }
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_brand_logo_is_in_the_header(page, sites):
    open_page(page, sites("brand"), PAGES["home"])
    logo = page.locator(".md-header .md-logo img")
    assert logo.get_attribute("src") == "images/logo.svg"
    assert page.evaluate("image => image.complete && image.naturalWidth > 0", logo.element_handle())
