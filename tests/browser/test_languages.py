"""The interface in every shipped language, in Chromium: the `full` fixture (lessons, a quiz of every type, a
role-play, a final quiz) built with `language: xx` shows no English interface string on any page, before and
after checking a quiz, at a role-play's ending, on the progress page and on an unlocked certificate (visible text
and aria labels, against the English catalogue); `<html lang>` and `dir` are right; Arabic pages pass axe at 1280
and 375 px without sideways scrolling; a German certificate gives its date in German.

The course's own text (lesson titles, questions) stays the fixture's English: only the interface is checked."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from builder.source.interface_text import PLACEHOLDER, SHIPPED, english, shipped
from tests.browser.conftest import build_site
from tests.support.browser import (
    QUIZ_PAGES,
    RIGHT,
    Site,
    answer,
    format_violations,
    open_page,
    quiz,
    run_axe,
)

LANGUAGES = [language for language in SHIPPED if language != "en"]
MATERIAL_ENGLISH = ("Table of contents", "Back to top", "Type to start searching", "Made with", "Not found")
"""Material's own labels in English: the theme follows the course's language."""


def english_pieces(language: str) -> set[str]:
    """Every piece of English interface text unmistakable enough to look for (two words or more: a whole message,
    or ten characters or more between placeholders) that the language's catalogue does not itself use."""
    own = shipped(language)
    pieces: set[str] = set()
    for key in english().message_keys():
        translated = " ".join(own.message(key).forms)
        for form in english().message(key).forms:
            for piece in PLACEHOLDER.sub("\x00", form).split("\x00"):
                piece = piece.strip(" .,:;()—·→")
                whole = piece == form.strip(" .,:;()—·→")
                if " " in piece and (len(piece) >= 10 or whole) and piece not in translated:
                    pieces.add(piece)
    return pieces | set(MATERIAL_ENGLISH)


@pytest.fixture(scope="module")
def language_sites(tmp_path_factory) -> Iterator[dict[str, Site]]:
    sites: dict[str, Site] = {}

    def in_language(language: str):
        def edit(project):
            course = project / "content" / "course.yml"
            course.write_text(course.read_text().replace("pass_mark: 75", f"language: {language}\npass_mark: 75"))

        return edit

    for language in LANGUAGES:
        workdir = tmp_path_factory.mktemp(f"lang-{language}")
        site = Site(workdir / "site")
        build_site(workdir, site.root, edit=in_language(language))
        sites[language] = site
    yield sites
    for site in sites.values():
        site.close()


def interface_text(page) -> str:
    """What a learner reads or hears: the visible text, and every aria-label, title and alt."""
    return page.evaluate("""() => [document.body.innerText,
        ...[...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')].flatMap(el =>
            ['aria-label', 'title', 'alt', 'placeholder'].map(name => el.getAttribute(name) || ''))].join('\\n')""")


def assert_no_english(page, language: str, where: str) -> None:
    text = " ".join(interface_text(page).split())
    found = sorted(piece for piece in english_pieces(language) if piece in text)
    assert not found, f"{language} {where}: English interface text {found}"


def answer_in_any_language(page, quiz_id: str, answers: dict) -> None:
    """The fixture's right answers (true/false by value: its labels are the interface's words), checked."""
    answer(page, quiz_id, answers)
    quiz(page, quiz_id).locator("[data-quiz-submit]").click()
    quiz(page, quiz_id).locator("[data-quiz-result][data-score]").wait_for()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_the_course_language(page, language_sites, language):
    site = language_sites[language]
    catalogue = shipped(language)
    direction = "rtl" if language == "ar" else "ltr"
    for path in ("", "alpha/", "beta/", "final-check/", "progress/", "certificate/", "404.html"):
        open_page(page, site, path)
        assert page.evaluate("document.documentElement.lang") == language, path
        assert (page.evaluate("document.documentElement.dir") or "ltr") == direction, path
        assert_no_english(page, language, f"/{path} fresh")
    assert page.locator("h1").inner_text() == catalogue.text("not_found_heading")  # the last page, 404.html
    # the colour-scheme switch, at its first state (automatic), is named for the next: light
    switch = page.locator("[data-md-component=palette] label:not([hidden])")
    assert switch.get_attribute("title") == catalogue.text("palette_to_light")
    # a wrong attempt first (marks, feedback, the list of blank questions), then every quiz passed
    open_page(page, site, "alpha/")
    quiz(page, "alpha-check").locator("[data-quiz-submit]").click()
    quiz(page, "alpha-check").locator("[data-quiz-result][data-score]").wait_for()
    assert catalogue.text("not_answered") in interface_text(page)
    assert_no_english(page, language, "alpha/ checked blank")
    for quiz_id, path in QUIZ_PAGES.items():
        open_page(page, site, path)
        answer_in_any_language(page, quiz_id, RIGHT[quiz_id])
        assert_no_english(page, language, f"{path} passed")
    # the role-play, played to an ending with the interface's own button
    open_page(page, site, "beta/")
    player = page.locator("[data-scenario-player]")
    player.wait_for(state="visible")
    for label in ("Stop typing and listen", "Agree a time this afternoon and keep it"):
        player.get_by_label(label, exact=True).check()
        player.get_by_role("button", name=catalogue.text("continue"), exact=True).click()
    player.get_by_text(catalogue.text("ending"), exact=True).wait_for()
    assert_no_english(page, language, "beta/ ending")
    open_page(page, site, "progress/")
    assert_no_english(page, language, "progress/ complete")
    open_page(page, site, "certificate/")
    page.locator("[data-certificate-form] input").fill("Ada Lovelace")
    page.locator("[data-certificate-form] button[type=submit]").click()
    page.locator("[data-certificate]").wait_for(state="visible")
    assert_no_english(page, language, "certificate/ unlocked")
    # the date, in the course's language, is the learner's local day in both the words and `datetime`
    day = datetime.date.fromisoformat(page.locator("[data-certificate-date] time").get_attribute("datetime"))
    assert day == datetime.date.today()
    assert page.locator("[data-certificate-date] time").inner_text() == catalogue.date(day)
    # the certificate's sentence is whole, in the language's order, with the name and title in it
    statement = " ".join(page.locator(".course-certificate__statement").inner_text().split())
    expected = catalogue.text(
        "certificate_statement", name="Ada Lovelace", course="Fixture Course", date=catalogue.date(day)
    )
    assert statement == " ".join(expected.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_and_dates_read_alike_in_python_pages_and_in_scripts(page, language_sites, language):
    """Babel writes what the templates and the workbook show, Intl what the scripts show: the same number,
    percentage or date must read the same in both (builder/source/locale_format.py, messages.js)."""
    site = language_sites[language]
    open_page(page, site, "")
    numbers, percents, dates = (5, 1234, 12345, 1234567), (80, 80.5, 100), ((2026, 12, 1), (2026, 3, 15))
    written = page.evaluate(
        """async ([numbers, percents, dates]) => {
            const m = await import(new URL("assets/course/messages.js", document.baseURI).href);
            return [...numbers.map(position => m.text("question_link", {position})),
                    ...percents.map(score => m.text("score_percent", {score})),
                    ...dates.map(([year, month, day]) => m.longDate(new Date(year, month - 1, day)))];
        }""",
        [numbers, percents, dates],
    )
    catalogue = shipped(language)
    assert written == [
        *(catalogue.text("question_link", position=n) for n in numbers),
        *(catalogue.text("score_percent", score=score) for score in percents),
        *(catalogue.date(datetime.date(*day)) for day in dates),
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_arabic_pages_pass_axe_and_fit_the_screen(new_tab, language_sites, width):
    site = language_sites["ar"]
    tab = new_tab(viewport={"width": width, "height": 900})
    page = tab.page
    for path in ("", "alpha/", "beta/", "progress/", "certificate/"):
        open_page(page, site, path)
        if path == "alpha/":
            quiz(page, "alpha-check").locator("[data-quiz-submit]").click()
            quiz(page, "alpha-check").locator("[data-quiz-result][data-score]").wait_for()
        violations = run_axe(page)
        assert not violations, f"/{path} at {width}px:\n{format_violations(violations)}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"/{path} scrolls sideways"
