"""The interface's catalogues: every shipped language complete, placeholders as in English, plurals by each
language's rules, and every key the templates and scripts use present."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from babel.messages.pofile import read_po

from builder.site.render import SECTION_KINDS_LABELLED, certificate_statement
from builder.site.shipped import catalogue_module, script_message_keys
from builder.source.course_format import REVIEW_MODES
from builder.source.interface_text import LOCALES, PLACEHOLDER, SHIPPED, Slot, english, shipped
from builder.source.questions import QUESTION_TYPES
from tests.support.paths import REPO

TEMPLATE_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+)["']""")


def entries(language: str) -> dict[str, object]:
    with (LOCALES / f"{language}.po").open("rb") as handle:
        return {message.context: message for message in read_po(handle, locale=language) if message.id}


def forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def placeholders(texts: list[str]) -> set[str]:
    return {match.group(0) for text in texts for match in PLACEHOLDER.finditer(text)}


@pytest.mark.parametrize("language", SHIPPED)
def test_catalogue_is_complete_with_the_same_keys_and_placeholders_as_english(language):
    source, catalogue = entries("en"), entries(language)
    assert sorted(catalogue) == sorted(source), "missing or extra keys"
    for key, message in source.items():
        translated = forms(catalogue[key])
        assert all(translated), f"{language}: '{key}' is not translated"
        assert placeholders(translated) == placeholders(forms(message)), f"{language}: '{key}' placeholders"
        for form in translated:
            assert placeholders([form]) <= placeholders(forms(message)), f"{language}: '{key}'"
        # sentence pieces joined by the scripts keep their spaces at either end
        english_text = forms(message)[0]
        if english_text.endswith(" ") and key not in ("list_separator",):
            assert all(form.endswith((" ", "\u00a0")) for form in translated), f"{language}: '{key}' lost its end space"


def test_every_key_the_templates_and_scripts_use_is_in_the_english_catalogue():
    used = set(script_message_keys())
    for folder in ("builder/site/templates", "builder/exporters/templates"):
        for template in (REPO / folder).glob("*.html"):
            used |= set(TEMPLATE_KEY.findall(template.read_text()))
    dynamic = {key for key in used if key.endswith("_")}  # t("section_" ~ kind): each is checked below
    assert dynamic == {"section_", "exam_review_"}
    used -= dynamic
    used |= {f"section_{kind}" for kind in SECTION_KINDS_LABELLED}
    used |= {f"exam_review_{mode}" for mode in REVIEW_MODES if mode != "always"}
    used |= {f"hint_{name}" for name in QUESTION_TYPES}
    used |= {f"paper_hint_{name}" for name, kind in QUESTION_TYPES.items() if kind.paper_hint}
    assert len(used) > 150
    missing = sorted(key for key in used if key not in english())
    assert not missing, missing


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {1: "1 lesson", 2: "2 lessons", 0: "0 lessons"}),
        ("fr", {0: "0 leçon", 1: "1 leçon", 2: "2 leçons"}),
        ("pl", {1: "1 lekcja", 2: "2 lekcje", 5: "5 lekcji", 22: "22 lekcje", 12: "12 lekcji"}),
        ("ar", {}),
    ],
)
def test_plurals_follow_each_languages_rules(language, counts):
    catalogue = shipped(language)
    for n, expected in counts.items():
        assert catalogue.text("lesson_count", n=n) == expected
    if language == "ar":  # six forms: zero, one, two, few, many, other all differ from each other somewhere
        texts = {catalogue.text("lesson_count", n=n) for n in (0, 1, 2, 3, 11, 100)}
        assert len(texts) >= 4, texts
    # the scripts get one form per CLDR category, the one gettext's Plural-Forms gives that category
    scripts = catalogue.for_scripts(("left_blank",))["left_blank"]
    assert isinstance(scripts, dict) and "other" in scripts
    assert {
        "en": {"one", "other"},
        "fr": {"one", "many", "other"},
        "pl": {"one", "few", "many", "other"},
        "ar": {"zero", "one", "two", "few", "many", "other"},
    }[language] == set(scripts)


def test_numbers_and_percentages_are_written_the_languages_way():
    assert english().text("you_scored", score=80) == "You scored 80%"
    assert english().text("score_percent", score=80.5) == "80.5%"
    assert english().text("score_percent", score=80.04) == "80%"
    assert shipped("fr").text("score_percent", score=80.5) == "80,5\u00a0%"
    # Latin digits, and CLDR's percent sign for Arabic with its left-to-right marks (as Intl writes it)
    assert shipped("ar").text("score_percent", score=80) == "80\u200e%\u200e"
    assert english().text("question_number", position=1000, total=1200) == "Question 1,000 of 1,200"
    # four-digit numbers are not grouped where CLDR's minimumGroupingDigits is 2; five-digit ones are
    assert shipped("es").text("question_number", position=1000, total=12000) == "Pregunta 1000 de 12.000"
    assert shipped("de").text("question_number", position=1000, total=12000) == "Frage 1.000 von 12.000"


def test_dates_are_written_the_languages_way():
    first, later = datetime.date(2026, 12, 1), datetime.date(2026, 3, 15)
    assert english().date(first) == "December 1, 2026"
    assert shipped("fr").date(first) == "1er décembre 2026"
    assert shipped("fr").date(later) == "15 mars 2026"
    assert shipped("de").date(first) == "1. Dezember 2026"
    assert shipped("fr").date(datetime.date(2026, 12, 11)) == "11 décembre 2026"


def test_an_unshipped_language_falls_back_to_english_words_in_its_own_number_format():
    catalogue = shipped("ja")
    assert catalogue.text("check_answers") == "Check answers"
    assert shipped("pt-BR").text("check_answers") == shipped("pt").text("check_answers")


def test_lists_use_the_languages_words():
    assert english().listing(["caring", "competency", "integrity"]) == "caring, competency and integrity"
    assert english().listing(["caring"]) == "caring"
    assert shipped("de").listing(["Sorgfalt", "Kompetenz", "Integrität"]) == "Sorgfalt, Kompetenz und Integrität"
    assert shipped("ar").listing(["أ", "ب"]) == shipped("ar").text("list_and", first="أ", last="ب")
    # Spanish "y" is "e" before the sound /i/, but not before "hie-"
    spanish = shipped("es")
    assert spanish.listing(["cuidado", "competencia", "integridad"]) == "cuidado, competencia e integridad"
    assert spanish.listing(["trato", "historia"]) == "trato e historia"
    assert spanish.listing(["agua", "hielo"]) == "agua y hielo"
    assert spanish.listing(["respeto", "confianza"]) == "respeto y confianza"


def test_a_sentence_with_elements_in_it_stays_one_message_in_the_languages_order():
    assert english().pieces(
        "certificate_statement",
        "name",
        "course",
        "date",
    ) == [
        "This certifies that ",
        Slot("name"),
        " has completed the course ",
        Slot("course"),
        " on ",
        Slot("date"),
        ", passing every quiz:",
    ]
    assert certificate_statement(english()) == (
        ("This certifies that",),
        Slot("name"),
        ("has completed the course",),
        Slot("course"),
        ("on ", Slot("date"), ", passing every quiz:"),
    )
    assert certificate_statement(shipped("de")) == (
        ("Hiermit wird bescheinigt, dass",),
        Slot("name"),
        ("den Kurs",),
        Slot("course"),
        ("am ", Slot("date"), " abgeschlossen und alle Tests bestanden hat:"),
    )
    # a course's own wording may put the pieces in any order, or start with one
    reordered = english().with_overrides({"certificate_statement": "{course}: {name} ({date})"})
    assert certificate_statement(reordered) == (Slot("course"), (":",), Slot("name"), ("(", Slot("date"), ")"))


def test_a_count_agrees_with_the_number_it_counts():
    french = shipped("fr")
    assert french.text("group_passed", n=1, total=3) == "1 sur 3 réussi"
    assert french.text("group_passed", n=2, total=3) == "2 sur 3 réussis"
    assert english().text("group_passed", n=2, total=3) == "2 of 3 passed"


def test_choices_on_paper_are_labelled_with_the_languages_letters():
    assert [english().choice_label(i) for i in range(3)] == ["A", "B", "C"]
    assert [shipped("ar").choice_label(i) for i in range(4)] == ["أ", "ب", "ج", "د"]
    assert english().choice_label(26) == "27"  # past the last letter, numbers


def test_the_scripts_catalogue_module_holds_the_language_and_only_the_scripts_messages():
    module = catalogue_module(shipped("de"))
    assert module.startswith('export const LANGUAGE = "de";\nexport const CATALOGUE = {')
    assert '"check_answers"' not in module and '"continue"' in module


UI_TEXT = """\
ui_text:
  check_answers: Submit
  chek_answers: Submit
  you_scored: "Score: {score:percent} {bonus}"
  passed_mark: Passed!
  left_blank:
    one: "One question left blank: "
    other: "{n} questions left blank: "
"""


def test_ui_text_overrides_are_validated_at_their_line(tmp_path):
    from tests.support.projects import COURSE, load, make_project

    course, problems = load(make_project(tmp_path, content__course=COURSE + UI_TEXT))
    assert course is None
    messages = [str(p) for p in problems]
    assert any(
        "content/course.yml:8:3: ui_text.chek_answers: unknown key 'chek_answers'" in m
        and "did you mean 'check_answers'" in m
        for m in messages
    ), messages
    assert any(
        m.startswith("content/course.yml:9:15: ui_text.you_scored: {bonus} is not a placeholder of 'you_scored'")
        for m in messages
    ), messages
    assert any(
        m.startswith("content/course.yml:10:16: ui_text.passed_mark: the wording leaves out {mark:percent}")
        for m in messages
    ), messages
    assert len(messages) == 3, messages


def test_ui_text_overrides_reach_pages_and_scripts(tmp_path):
    from builder.site.render import CourseRenderer, course_pages
    from builder.site.shipped import catalogue_module
    from tests.support.html import page_html
    from tests.support.projects import COURSE, make_project, valid_course

    text = (
        UI_TEXT.replace("  chek_answers: Submit\n", "")
        .replace(" {bonus}", "")
        .replace("Passed!", '"Made it: {mark:percent}"')
    )
    course = valid_course(make_project(tmp_path, content__course=COURSE + text))
    renderer = CourseRenderer(course)
    pages = {page.src_uri: page for page in course_pages(course)}
    html = page_html(renderer, pages["one/index.md"])
    assert ">Submit</button>" in html and "Check answers" not in html
    module = catalogue_module(renderer.catalogue)
    assert '"left_blank": {"one": "One question left blank: ", "other": "{n} questions left blank: "}' in module
    assert renderer.catalogue.text("left_blank", n=1) == "One question left blank: "
    assert renderer.catalogue.text("passed_mark", mark=80) == "Made it: 80%"


def test_course_strings_writes_the_template_and_a_languages_current_strings(tmp_path):
    from tests.support.cli import run_course

    result = run_course("strings", cwd=tmp_path, check=True)
    template = {m.context: m for m in read_po(io.BytesIO(result.stdout.encode())) if m.id}
    assert sorted(template) == sorted(entries("en"))
    assert all(not any(forms(m)) for m in template.values()), "the template has no translations"
    result = run_course("strings", "--language", "de", "--out", str(tmp_path / "de.po"), cwd=tmp_path, check=True)
    assert "wrote " in result.stdout
    with (tmp_path / "de.po").open("rb") as handle:
        german = {m.context: m for m in read_po(handle) if m.id}
    assert forms(german["check_answers"]) == forms(entries("de")["check_answers"])


def test_a_projects_own_catalogue_is_used_and_checked_at_its_lines(tmp_path):
    from tests.support.projects import COURSE, load, make_project

    course_file = COURSE.replace("pass_mark: 70", "language: ja\npass_mark: 70")
    project = make_project(tmp_path, content__course=course_file)
    po = (
        'msgid ""\nmsgstr ""\n"Language: ja\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgctxt "check_answers"\nmsgid "Check answers"\nmsgstr "答えを確認"\n\n'
        'msgctxt "left_blank"\nmsgid "a"\nmsgid_plural "b"\nmsgstr[0] "{n} 問が未回答です: "\n\n'
        'msgctxt "try_again"\nmsgid "Try again"\nmsgstr "もう一度 {oops}"\n\n'
        'msgctxt "chek_answers"\nmsgid "x"\nmsgstr "y"\n'
    )
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "ja.po").write_text(po, encoding="utf-8")
    course, problems = load(project)
    messages = [str(p) for p in problems]
    assert (
        "locales/ja.po:16:1: the translation of 'try_again' does not fit: {oops} is not a placeholder of it" in messages
    )
    assert "locales/ja.po:20:1: 'chek_answers' is not an interface message (did you mean 'check_answers'?)" in messages
    assert course is None
    (tmp_path / "locales" / "ja.po").write_text(po.split('msgctxt "try_again"')[0], encoding="utf-8")
    course, problems = load(project)
    assert course is not None
    assert [p.code for p in problems] == ["po-untranslated"]
    catalogue = shipped("ja").with_overrides(course.ui_text)
    assert catalogue.text("check_answers") == "答えを確認"
    assert catalogue.text("left_blank", n=3) == "3 問が未回答です: "
    assert catalogue.text("try_again") == "Try again"


def test_a_projects_catalogue_for_a_shipped_language_may_reword_only_a_few_messages(tmp_path):
    from tests.support.projects import COURSE, load, make_project

    project = make_project(tmp_path, content__course=COURSE.replace("pass_mark: 70", "language: fr\npass_mark: 70"))
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "fr.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgctxt "check_answers"\nmsgid "Check answers"\n'
        'msgstr "Corriger mes réponses"\n',
        encoding="utf-8",
    )
    course, problems = load(project)
    assert course is not None
    assert problems == []  # the other messages are the shipped French: nothing is left untranslated
    catalogue = shipped("fr").with_overrides(course.ui_text)
    assert catalogue.text("check_answers") == "Corriger mes réponses"
    assert catalogue.text("try_again") == shipped("fr").text("try_again") != english().text("try_again")


def test_validate_warns_when_the_theme_language_differs_from_the_courses(tmp_path):
    from builder.source.interface_text import theme_language_line
    from tests.support.projects import COURSE, load, make_project

    assert theme_language_line("site_name: x\ntheme:\n  name: material\n  language: fr  # French\nplugins: []\n") == (
        4,
        3,
        "fr",
    )
    assert theme_language_line("theme:\n  name: material\nextra:\n  language: fr\n") is None
    course_file = COURSE.replace("pass_mark: 70", "language: de\npass_mark: 70")
    make_project(tmp_path, content__course=course_file)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: fr\nplugins:\n  - course\n"
    )
    _, problems = load(make_project(tmp_path, content__course=course_file))
    assert [str(p) for p in problems if p.code == "theme-language"] == [
        "mkdocs.yml:5:3: warning: the theme's language is 'fr' but the course's is 'de' (course.yml), so the theme's "
        "own labels and the course's would be in different languages; remove `language: fr` here to let the theme "
        "follow the course"
    ]
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: de\nplugins:\n  - course\n"
    )
    _, problems = load(make_project(tmp_path, content__course=course_file))
    assert not [p for p in problems if p.code == "theme-language"]
