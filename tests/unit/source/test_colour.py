"""Colours and WCAG contrast (source/colour.py): the figures WCAG's own examples give, and shades that pass."""

from __future__ import annotations

import colorsys

import pytest

from builder.source.colour import WHITE, Colour, contrast, darkest_passing, lightest_passing, ratio_text

BLACK = Colour(0, 0, 0)


def test_parse_reads_six_and_three_digits_in_any_case_and_nothing_else():
    assert Colour.parse("#1A56a8") == Colour(0x1A, 0x56, 0xA8)
    assert Colour.parse(" #fA0 ") == Colour(0xFF, 0xAA, 0x00)
    for text in ("1a56a8", "#1a56a", "#1a56a8ff", "blue", "#ggg", ""):
        assert Colour.parse(text) is None, text
    assert Colour.parse("#1a56a8").hex == "#1a56a8"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("#000000", "#ffffff", "21.00:1"), ("#ffffff", "#ffffff", "1.00:1"), ("#767676", "#ffffff", "4.54:1")],
)
def test_contrast_matches_wcag_figures_either_way_round(first, second, expected):
    a, b = Colour.parse(first), Colour.parse(second)
    assert ratio_text(contrast(a, b)) == ratio_text(contrast(b, a)) == expected


def test_ratio_text_never_rounds_a_failure_up_to_a_pass():
    assert ratio_text(4.4999) == "4.49:1"


def test_darkest_passing_keeps_a_passing_colour_and_darkens_a_failing_one_no_further_than_needed():
    brand = Colour.parse("#1a56a8")
    assert darkest_passing(brand, WHITE, 4.5) == brand
    pale = Colour.parse("#7fb3ff")
    shade = darkest_passing(pale, WHITE, 4.5)
    assert shade is not None and contrast(shade, WHITE) >= 4.5
    lighter = shade.with_lightness(shade.lightness + 2 / 255)
    assert contrast(lighter, WHITE) < 4.5, "a lighter shade of the suggestion also passes: it is not the nearest"
    assert round(hue(shade), 2) == round(hue(pale), 2)


def hue(colour: Colour) -> float:
    return colorsys.rgb_to_hls(colour.red / 255, colour.green / 255, colour.blue / 255)[0]


def test_lightest_passing_lightens_a_dark_colour_for_text_on_a_dark_page():
    page = Colour.parse("#1e2029")
    navy = Colour.parse("#0b1f3a")
    shade = lightest_passing(navy, page, 4.5)
    assert shade is not None and shade.luminance > page.luminance and contrast(shade, page) >= 4.5
    assert lightest_passing(WHITE, WHITE, 4.5) is None, "nothing is lighter than white"
    assert darkest_passing(BLACK, BLACK, 4.5) is None
