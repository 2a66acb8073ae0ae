"""The `brand:` option's checks (source/brand.py): each problem at its line in mkdocs.yml, with the measured
contrast and the nearest passing shade; and the shades a passing brand gives the dark scheme."""

from __future__ import annotations

from builder.source.brand import DARK_SURFACES, LIGHT_SURFACES, Brand, brand_from
from builder.source.colour import WHITE, Colour, contrast
from tests.support.projects import FILES, load, write_project

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def project_with(tmp_path, brand: str, *, plugins_as_mapping: bool = False):
    """The valid test course with `brand` (YAML lines under `brand:`, indented 8) in its mkdocs.yml."""
    plugins = (
        "plugins:\n  search: {}\n  course:\n    brand:\n" + brand.replace("        ", "      ")
        if plugins_as_mapping
        else "plugins:\n  - search\n  - course:\n      brand:\n" + brand
    )
    files = {
        **FILES,
        "mkdocs.yml": "site_name: Test\ndocs_dir: content\nextra:\n  key: !ENV [NOT_SET, none]\n" + plugins,
        "content/images/logo.svg": SVG,
    }
    return write_project(tmp_path, files)


def problems(tmp_path, brand: str, **options):
    _, found = load(project_with(tmp_path, brand, **options))
    return [str(problem) for problem in found]


def test_a_passing_colour_and_images_are_no_problem(tmp_path):
    brand = (
        '        color: "#1a56a8"\n        accent: "#b0401a"\n'
        "        logo: images/logo.svg\n        favicon: images/logo.svg\n"
    )
    project = project_with(tmp_path, brand)
    course, found = load(project)
    assert course is not None and found == []
    assert brand_from(project.brand) == Brand(
        Colour.parse("#1a56a8"), Colour.parse("#b0401a"), "images/logo.svg", "images/logo.svg"
    )


def test_a_colour_white_text_fails_on_is_an_error_at_its_line_with_its_ratio_and_the_nearest_passing_shade(tmp_path):
    assert problems(tmp_path, '        color: "#7fb3ff"\n') == [
        "mkdocs.yml:9:16: brand.color: white text on #7fb3ff has a contrast of only 2.14:1, below the 4.5:1 that "
        "text needs (WCAG AA) on the header and the buttons; the nearest shade that passes is #0a6dff (4.52:1)"
    ]
    assert contrast(WHITE, Colour.parse("#0a6dff")) >= 4.5


def test_a_failing_accent_names_what_it_colours(tmp_path):
    (problem,) = problems(tmp_path, '        color: "#1a56a8"\n        accent: "#ffd54f"\n')
    assert problem.startswith("mkdocs.yml:10:17: brand.accent: white text on #ffd54f has a contrast of only 1.")
    assert "links as the pointer rests on them" in problem and "the nearest shade that passes is #" in problem


def test_invalid_values_unquoted_colours_and_unknown_keys_are_each_located(tmp_path):
    brand = "        color: blue\n        accent: #1a56a8\n        colour: red\n"
    assert problems(tmp_path, brand) == [
        "mkdocs.yml:9:16: brand.color: 'blue' is not a colour written as # and six hexadecimal digits, such as #1a56a8",
        "mkdocs.yml:10:16: brand.accent: has no colour: in YAML a # starts a comment, so write the colour in quotes, "
        'like "#1a56a8"',
        "mkdocs.yml:11:9: brand.colour: unknown key 'colour' (did you mean 'color'?); the keys are: color, accent, "
        "logo, favicon",
    ]


def test_logo_and_favicon_must_be_images_in_the_content_folder(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.txt").write_text("not an image")
    found = problems(tmp_path, "        logo: images/missing.svg\n        favicon: notes.txt\n")
    assert found == [
        "mkdocs.yml:9:15: brand.logo: the image 'images/missing.svg' is missing; put it at content/images/missing.svg "
        "or correct the path",
        "mkdocs.yml:10:18: brand.favicon: 'notes.txt' is not an image a browser tab can show; save it as PNG, JPEG, "
        "SVG or ICO",
    ]


def test_plugins_written_as_a_mapping_are_located_too(tmp_path):
    assert problems(tmp_path, '        color: "#ffffff"\n', plugins_as_mapping=True)[0].startswith(
        "mkdocs.yml:9:14: brand.color: white text on #ffffff has a contrast of only 1.00:1"
    )


def test_a_brand_that_is_not_a_group_is_an_error_at_its_line(tmp_path):
    files = {**FILES, "mkdocs.yml": "site_name: Test\ndocs_dir: content\nplugins:\n  - course:\n      brand: red\n"}
    _, found = load(write_project(tmp_path, files))
    assert [str(p) for p in found] == [
        "mkdocs.yml:5:14: brand: should be a group of lines: color, accent, logo and favicon (each optional)"
    ]


def test_brand_coloured_text_takes_the_nearest_shade_that_passes_on_every_surface_of_its_scheme():
    for written in ("#1a56a8", "#0b1f3a", "#000000", "#b3261e", "#0a6b52", "#0a6dff"):
        palette = Brand(color=Colour.parse(written), accent=Colour.parse("#0a6dff")).palette
        assert palette is not None and palette.color == Colour.parse(written)
        for shade in (palette.dark_text, palette.dark_accent):
            assert all(contrast(shade, surface) >= 4.5 for surface in DARK_SURFACES), written
        for shade in (palette.light_text, palette.light_accent):
            assert all(contrast(shade, surface) >= 4.5 for surface in LIGHT_SURFACES), written
        assert palette.dark_text.luminance >= palette.color.luminance >= palette.light_text.luminance
    dark_enough = Brand(color=Colour.parse("#1a56a8")).palette
    assert dark_enough is not None and dark_enough.light_text == dark_enough.color, "a dark colour is kept as it is"
    pale = Brand(color=Colour.parse("#0a6dff")).palette  # 4.52:1 with white, less on a tinted box
    assert pale is not None and pale.light_text != pale.color
    assert Brand(logo="images/logo.svg").palette is None, "a brand without a colour leaves the theme's"
