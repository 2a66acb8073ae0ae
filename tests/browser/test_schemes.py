"""Light, dark and automatic: Material's palette switch (the fixture's mkdocs.yml has the bundled course's), the
course's colours in both schemes (axe), paper that stays light, the built-in theme's dark mode and the preview's
error page; then reduced motion, 200% text (WCAG 1.4.4) and reflow at 320 CSS px (1.4.10)."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from builder.authoring.scaffold import SCAFFOLD
from tests.support.browser import (
    PAGES,
    answer,
    check,
    format_violations,
    open_page,
    pass_all,
    run_axe,
    take,
)
from tests.support.cli import course_server
from tests.support.net import fetch, wait_for
from tests.support.paths import FIXTURES, REPO

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# Answers that leave every kind of mark on screen: right, wrong (with option feedback) and blank.
MIXED = {
    "alpha-check": {"single-one": "Green", "multiple-two": ["Apple", "Pear"]},
    "beta-check": {"short-one": "internal customer", "order-two": {"Listen": "2", "Agree a time": "1"}},
    "final-check": {"f2": "A"},
}
SCHEMES = {"light": "default", "dark": "slate"}
"""The learner's preference, and Material's scheme for it."""
PLAYER = '[data-scenario="desk-visit"] [data-scenario-player]'
TO_AN_ENDING = ("Keep typing while he talks", "Apologise and turn round", "Say you will see what you can do")
"""The role-play's longest path (to mixed-end): feedback on the way, scores at the end."""
NAME_LABEL = "Your name, as it should appear on the certificate"

LUMINANCE_OF = """(el, property) => {
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = getComputedStyle(el)[property];  // any CSS colour (oklch(from …), color-mix…) to sRGB
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...probe.getImageData(0, 0, 1, 1).data].map(c => c / 255)
        .map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""
"""The relative luminance (WCAG) of an element's computed colour `property`: 1 is white, 0 black."""


def luminance(page, selector: str, prop: str = "color") -> float:
    return page.evaluate(
        f"([selector, prop]) => ({LUMINANCE_OF})(document.querySelector(selector), prop)", [selector, prop]
    )


def contrast(page, text: str, box: str) -> float:
    """The contrast ratio of `text`'s colour on the background of `box` (selectors; the first match of each)."""
    return page.evaluate(
        f"""([text, box]) => [[text, 'color'], [box, 'backgroundColor']]
            .map(([selector, prop]) => ({LUMINANCE_OF})(document.querySelector(selector), prop) + 0.05)
            .sort((a, b) => b - a).reduce((a, b) => a / b)""",
        [text, box],
    )


def wait_scheme(page, expected: str) -> None:
    """Material applies the palette once its script runs: wait for the body to carry it."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)


def palette_switch(page):
    """The switch's visible face: the label after the palette's chosen input, named for what it does next."""
    return page.locator("[data-md-component=palette] label:not([hidden])")


def tab_to_switch(page, limit: int = 20) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name === '__palette'"):
            return
    raise AssertionError("Tab never reached the palette switch")


def show_certificate(page, site) -> None:
    open_page(page, site, "certificate/")
    page.get_by_label(NAME_LABEL).fill("Maria Salomea Skłodowska-Curie")
    page.get_by_role("button", name="Show my certificate").click()
    page.locator("[data-certificate]").wait_for()


def play_to_an_ending(page) -> None:
    player = page.locator(PLAYER)
    for label in TO_AN_ENDING:
        before = player.get_attribute("data-node")
        player.get_by_label(label, exact=True).check()
        player.get_by_role("button", name="Continue").click()
        expect(player).not_to_have_attribute("data-node", before)
    expect(player).to_have_attribute("data-node", "mixed-end")


def open_beta(page, site) -> None:
    open_page(page, site, "beta/")
    page.locator(PLAYER).wait_for(state="visible")


# -- the scheme: the device's preference, the switch, paper -----------------------------------------


def test_the_fixture_has_the_palette_switch_the_bundled_course_and_course_init_ship():
    palettes = {
        config: yaml.safe_load(config.read_text())["theme"]["palette"]
        for config in (REPO / "mkdocs.yml", SCAFFOLD / "project" / "mkdocs.yml", FIXTURES / "full" / "mkdocs.yml")
    }
    shipped = palettes[REPO / "mkdocs.yml"]
    assert [(state["media"], state.get("scheme")) for state in shipped] == [
        ("(prefers-color-scheme)", None),  # automatic first: a new visitor gets the device's scheme
        ("(prefers-color-scheme: light)", "default"),
        ("(prefers-color-scheme: dark)", "slate"),
    ]
    assert all(palette == shipped for palette in palettes.values())


def test_the_devices_preference_picks_the_scheme_and_automatic_follows_it_live(new_tab, site):
    dark = new_tab(color_scheme="dark").page
    open_page(dark, site, "alpha/")
    wait_scheme(dark, "slate")
    assert luminance(dark, "body", "backgroundColor") < 0.05
    # the course's own colours change with it: muted text light, a callout box dark
    assert luminance(dark, ".course-meta") > 0.3
    assert luminance(dark, ".course-section--scenario", "backgroundColor") < 0.05
    assert palette_switch(dark).get_attribute("title") == "Switch to light mode"  # automatic, the first state
    dark.emulate_media(color_scheme="light")  # the device changes its mind: the page follows, no reload
    wait_scheme(dark, "default")
    assert luminance(dark, ".course-meta") < 0.15
    assert luminance(dark, ".course-section--scenario", "backgroundColor") > 0.8
    light = new_tab(color_scheme="light").page
    open_page(light, site, "alpha/")
    wait_scheme(light, "default")
    assert luminance(light, "body", "backgroundColor") > 0.9


def test_switch_goes_round_by_keyboard_and_the_choice_is_kept_across_reloads_and_pages(new_tab, site):
    page = new_tab(color_scheme="light").page
    open_page(page, site, "alpha/")
    wait_scheme(page, "default")
    tab_to_switch(page)
    face = palette_switch(page)
    assert face.evaluate("el => getComputedStyle(el).outlineStyle") != "none", "keyboard focus must be visible"
    steps = [("Switch to dark mode", "default"), ("Follow the device's light or dark setting", "slate")]
    for title, expected in steps:  # automatic, then light, then dark
        page.keyboard.press("Enter")
        expect(face).to_have_attribute("title", title)
        wait_scheme(page, expected)
        assert page.evaluate("document.activeElement.name") == "__palette"  # focus stays on the switch
    # Dark, chosen over the device's light: kept after a reload and on another page.
    page.reload()
    open_page(page, site, "alpha/")
    wait_scheme(page, "slate")
    open_page(page, site, "progress/")
    wait_scheme(page, "slate")
    assert luminance(page, ".course-progress__table th") > 0.3
    # Once more round to automatic: the device's light again, still after a reload, and its changes followed.
    tab_to_switch(page)
    page.keyboard.press("Enter")
    expect(palette_switch(page)).to_have_attribute("title", "Switch to light mode")
    wait_scheme(page, "default")
    page.emulate_media(color_scheme="dark")
    page.reload()
    open_page(page, site, "progress/")
    wait_scheme(page, "slate")


def test_paper_is_light_in_the_dark_scheme(new_tab, site):
    """A lesson printed from the dark scheme prints dark text on white; the certificate sheet is paper on screen
    too, in the brand's ink."""
    page = new_tab(color_scheme="dark").page
    take(page, site, "alpha-check", MIXED["alpha-check"])
    wait_scheme(page, "slate")
    on_screen = luminance(page, ".course-question__feedback", "backgroundColor")
    page.emulate_media(media="print")
    assert luminance(page, "body", "backgroundColor") > 0.9
    for text in (".course-meta", ".course-question__legend", ".course-question__feedback", ".course-mark--wrong"):
        assert luminance(page, text) < 0.15, text
    assert luminance(page, ".course-question__feedback", "backgroundColor") > 0.8 > on_screen
    page.emulate_media(media="screen")
    pass_all(page, site)
    show_certificate(page, site)
    sheet = ".course-certificate__sheet"
    assert luminance(page, sheet, "backgroundColor") == 1
    assert luminance(page, sheet) < 0.05
    # the ink is the brand: unbranded, Material's primary (indigo, dark enough to be kept as it is)
    assert luminance(page, ".course-certificate__kicker") == luminance(page, ".md-header", "backgroundColor")


MATERIAL_PRIMARIES = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green")
MATERIAL_PRIMARIES += ("light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey")
MATERIAL_PRIMARIES += ("black", "white")
"""Every `primary:` Material has (its palette.css)."""


def test_buttons_and_links_take_any_material_primary_and_stay_readable(new_tab, site):
    """Unbranded, the course's buttons and links follow the trainer's `primary:`, darkened (or, as text on dark,
    lightened) where that colour would be under 4.5:1."""
    page = new_tab(color_scheme="dark").page
    take(page, site, "alpha-check", MIXED["alpha-check"])  # not passed: a link in the tinted result box
    pairs = {
        "primary button": (".course-button:not(.course-button--secondary)",) * 2,
        "secondary button": (".course-button--secondary",) * 2,
        "link in the result box": (".course-quiz__result a", ".course-quiz__result"),
    }
    for kind in ("scenario", "example", "tip", "warning"):  # the fixture's callouts have no links: one each
        box = f".course-section--{kind}"
        page.locator(f"{box} p").first.evaluate("p => p.insertAdjacentHTML('beforeend', ' <a href=\"#\">a link</a>')")
        pairs[f"link in the {kind} box"] = (f"{box} a", box)
    low, buttons = [], set()
    for preference, expected in SCHEMES.items():
        page.emulate_media(color_scheme=preference)
        wait_scheme(page, expected)
        for primary in MATERIAL_PRIMARIES:
            page.evaluate("primary => document.body.setAttribute('data-md-color-primary', primary)", primary)
            low += [
                f"{preference}, {primary}: {name} {ratio:.2f}:1"
                for name, args in pairs.items()
                if (ratio := contrast(page, *args)) < 4.5
            ]
            buttons.add(page.locator(".course-button").first.evaluate("el => getComputedStyle(el).backgroundColor"))
    assert low == []
    assert len(buttons) >= 19  # a colour of each primary's own (white and grey are both a mid grey)


# -- axe in both schemes ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("preference", SCHEMES)
def test_no_axe_violations_in_either_scheme_at_each_state(new_tab, site, preference, width):
    """Home, the lessons and the final quiz checked, the role-play with its error and at an ending, progress and
    the certificate, locked and complete."""
    page = new_tab(color_scheme=preference, **(PHONE if width == 375 else {})).page
    problems = {}

    def audit(state: str) -> None:
        wait_scheme(page, SCHEMES[preference])
        problems[state] = run_axe(page)

    open_page(page, site, PAGES["home"])
    audit("home")
    open_page(page, site, PAGES["certificate"])
    audit("certificate, locked")
    for quiz_id in ("alpha-check", "final-check"):
        take(page, site, quiz_id, MIXED[quiz_id])
        audit(f"{quiz_id} checked")
    open_beta(page, site)
    player = page.locator(PLAYER)
    player.get_by_role("button", name="Continue").click()  # nothing chosen: an error
    expect(player.locator(".course-scenario__error")).to_be_visible()
    answer(page, "beta-check", MIXED["beta-check"])
    check(page, "beta-check")
    audit("beta-check checked, the role-play's error")
    play_to_an_ending(page)
    audit("beta-check checked, the role-play at an ending")
    open_page(page, site, PAGES["progress"])
    audit("progress, under way")
    pass_all(page, site)
    show_certificate(page, site)
    audit("certificate, shown")
    for name in ("home", "progress"):
        open_page(page, site, PAGES[name])
        audit(f"{name}, complete")
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)


def test_preview_error_page_has_no_axe_violations_in_either_scheme(new_tab, course_copy):
    """`course serve` shows a course's problems in place of its pages (templates/problems.html)."""
    project = course_copy("full")
    quiz_file = project / "quizzes" / "alpha-check.yml"
    quiz_file.write_text(quiz_file.read_text().replace("title: Alpha check", "titl: Alpha check"))
    with course_server(project) as (_server, base):
        # broken from the start, the course has one page: its problems
        assert wait_for(lambda: "data-course-problems" in fetch(f"{base}/")), "course serve did not start"
        page = new_tab(color_scheme="dark").page
        page.goto(f"{base}/")
        expect(page.locator("[data-course-problems] li")).to_have_count(2)
        problems = {}
        for preference, expected in (("dark", "slate"), ("light", "default")):
            page.emulate_media(color_scheme=preference)
            wait_scheme(page, expected)
            problems[preference] = run_axe(page)
        assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)


def test_mkdocs_builtin_theme_dark_mode_has_no_axe_violations(new_tab, sites):
    """MkDocs' own theme with `color_mode: auto`: its dark mode takes the course's dark colours too."""
    site = sites("mkdocs-dark")
    page = new_tab(color_scheme="dark").page
    problems = {}
    take(page, site, "alpha-check", MIXED["alpha-check"])
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")
    assert luminance(page, ".course-meta") > 0.3
    assert luminance(page, ".course-question__feedback", "backgroundColor") < 0.05
    problems["alpha-check checked"] = run_axe(page)
    take(page, site, "beta-check", MIXED["beta-check"])
    page.locator(PLAYER).wait_for(state="visible")
    play_to_an_ending(page)
    problems["beta-check checked, the role-play at an ending"] = run_axe(page)
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)


# -- motion, text size, reflow ----------------------------------------------------------------------

MOVING = """() => [...document.querySelectorAll('.course, .course *')].filter(el => {
        const style = getComputedStyle(el);
        return style.animationName !== 'none'
            || style.transitionDuration.split(',').some(duration => parseFloat(duration) > 0);
    }).map(el => el.className || el.tagName)"""
"""Every element of the course's own with an animation or a transition."""


@pytest.mark.parametrize("theme", ["material", "mkdocs-dark"])
def test_course_components_keep_still_when_motion_is_reduced(new_tab, sites, theme):
    site = sites(theme)
    moving = {}
    for preference in ("no-preference", "reduce"):
        page = new_tab(reduced_motion=preference).page
        open_beta(page, site)
        answer(page, "beta-check", MIXED["beta-check"])
        check(page, "beta-check")
        play_to_an_ending(page)
        moving[preference] = page.evaluate(MOVING)
    assert "course-quiz__result" in moving["no-preference"]  # what the probe sees when motion is welcome
    assert moving["reduce"] == []


FITS = """() => {
    const width = document.documentElement.clientWidth;
    const controls = document.querySelectorAll(`.md-header :is(a, button, label, input),
        .md-content :is(a, button, input, select, textarea, label, summary)`);
    const problems = [];
    for (const el of controls) {
        const shown = el.checkVisibility({visibilityProperty: true, opacityProperty: true});
        if (!shown || el.closest('.course-visually-hidden')) continue;
        const box = el.getBoundingClientRect(), inline = getComputedStyle(el).display === 'inline';
        const what = `${el.tagName.toLowerCase()} "${(el.textContent || el.value || el.title).trim().slice(0, 40)}"`;
        if (box.width && (box.left < -1 || box.right > width + 1)) problems.push(`${what} is outside the window`);
        if (!inline && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
            && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
            const [inside, room] = [[el.scrollWidth, el.scrollHeight], [el.clientWidth, el.clientHeight]];
            problems.push(`${what} is cut off (${inside.join('x')} in ${room.join('x')})`);
        }
    }
    return {width: document.documentElement.scrollWidth, window: width, problems};
}"""
"""Whether the page scrolls sideways, and the controls (in the header and the page) outside the window or cut off."""


@pytest.mark.parametrize("zoom", ["text at 200%", "reflow at 320 px"])
def test_pages_fit_without_sideways_scrolling_or_cut_off_controls(new_tab, site, zoom):
    """WCAG 1.4.4: text at twice the browser's size (its default font size doubled, as a reader's setting does)
    in a desktop window; 1.4.10: 320 CSS px wide, as a 1280 px window zoomed to 400%."""
    if zoom == "reflow at 320 px":
        page = new_tab(viewport={"width": 320, "height": 256}).page
    else:
        page = new_tab().page
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    fits = {}

    def measure(state: str) -> None:
        if zoom == "text at 200%":  # the setting holds on every page: 20 px a rem (Material's 125%) is 40
            assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 40
        fits[state] = page.evaluate(FITS)

    open_page(page, site, PAGES["home"])
    measure("home")
    for quiz_id in ("alpha-check", "final-check"):
        take(page, site, quiz_id, MIXED[quiz_id])
        measure(f"{quiz_id} checked")
    open_beta(page, site)
    answer(page, "beta-check", MIXED["beta-check"])
    check(page, "beta-check")
    play_to_an_ending(page)
    measure("beta-check checked, the role-play at an ending")
    pass_all(page, site)
    show_certificate(page, site)
    measure("certificate, shown")
    open_page(page, site, PAGES["progress"])
    measure("progress, complete")
    wrong = {state: fit for state, fit in fits.items() if fit["width"] > fit["window"] or fit["problems"]}
    assert not wrong, "\n".join(
        f"{state}: {fit['width']} px wide in {fit['window']}; " + "; ".join(fit["problems"])
        for state, fit in wrong.items()
    )
