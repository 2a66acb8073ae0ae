"""The interface's words (buttons, marks, headings, messages) in the course's language.

The source is one gettext catalogue per language in builder/locales/<language>.po, the format translators and
their tools know. Each message has a key (its `msgctxt`, which course.yml's `ui_text` and the scripts use), the
English text as `msgid` and the translation as `msgstr`; a message that depends on a count has a plural form and
one `msgstr[i]` per plural form of the language (gettext's Plural-Forms header, from Babel).

Placeholders are `{name}`; a number put in is written in the language's way (Babel here, Intl.NumberFormat in the
browser), and `{name:percent}` writes a percentage (80 -> "80%", "80 %", "٨٠٪"). Plurals follow the language's
CLDR rules: in Python through the catalogue's Plural-Forms, in the browser through Intl.PluralRules, for which
`for_scripts` gives each plural category its form.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

from . import locale_format

LOCALES = Path(__file__).resolve().parent.parent / "locales"
SHIPPED = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ar")
"""The languages whose catalogue ships with the builder, English first (the source of every other)."""
VARIANTS = {"pt": "pt-PT"}
"""The variety a shipped catalogue is written in, when it matters for plurals and numbers: European Portuguese
(whose 0 takes the plural, unlike Brazilian Portuguese, which CLDR's plain `pt` follows)."""
PLACEHOLDER = re.compile(r"\{(?P<name>[a-z_]+)(?::(?P<style>percent))?\}")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, the names Intl.PluralRules gives."""
_SAMPLES = (*range(0, 220), 1000, 1001, 1_000_000)
"""Counts tried to find which of a language's gettext plural forms belongs to each CLDR plural category."""


@dataclass(frozen=True, slots=True)
class Message:
    """One interface message: its key, and its text (one form, or one per gettext plural form)."""

    key: str
    forms: tuple[str, ...]
    """One text, or the plural forms in the catalogue's order."""
    plural: bool

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(match.group(0) for form in self.forms for match in PLACEHOLDER.finditer(form))


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a message's placeholder stands when the page fills it itself: with an element, or with text that
    a script writes (see `Catalogue.pieces`)."""

    name: str


_SLOT_MARK = "\x00"


class Catalogue:
    """The interface's messages in one language; English stands in for any message a catalogue lacks."""

    def __init__(
        self,
        language: str,
        messages: Mapping[str, Message],
        plural_index: Any,
        english: Catalogue | None,
        overrides: Mapping[str, str | Mapping[str, str]] | None = None,
    ):
        self.language = language
        self.messages = dict(messages)
        self._plural_index = plural_index
        self._english = english
        self._locale = _babel_locale(language)
        self.overrides = dict(overrides or {})
        """The course's own wording (course.yml's `ui_text`): a text, or a text per CLDR plural category."""

    def with_overrides(self, overrides: Mapping[str, str | Mapping[str, str]]) -> Catalogue:
        """This catalogue with the course's own wording for some messages."""
        if not overrides:
            return self
        return Catalogue(self.language, self.messages, self._plural_index, self._english, overrides)

    def __contains__(self, key: str) -> bool:
        return key in self.messages or (self._english is not None and key in self._english)

    def message(self, key: str) -> Message:
        if key in self.messages:
            return self.messages[key]
        if self._english is not None:
            return self._english.message(key)
        raise KeyError(f"no interface message '{key}'")

    def text(self, key: str, n: int | None = None, **values: Any) -> str:
        """The message `key` with `values` put in; `n` picks the plural form (and is the `{n}` placeholder)."""
        override = self.overrides.get(key)
        if override is not None:
            if isinstance(override, str):
                form = override
            else:
                category = self._locale.plural_form(n) if n is not None else "other"
                form = override.get(category, override["other"])
            values = {"n": n, **values} if n is not None else values
            return PLACEHOLDER.sub(lambda match: self._put(match, values, key), form)
        message = self.message(key)
        if message.plural:
            if n is None:
                raise ValueError(f"the message '{key}' needs a count")
            index = self._plural_index(n) if key in self.messages else (0 if n == 1 else 1)
            form = message.forms[min(index, len(message.forms) - 1)]
            values = {"n": n, **values}
        else:
            form = message.forms[0]
        return PLACEHOLDER.sub(lambda match: self._put(match, values, key), form)

    def pieces(self, key: str, *slots: str, **values: Any) -> list[str | Slot]:
        """The message `key` cut at the placeholders named in `slots`: its text, with a `Slot` where each of
        those stands, so a page can put an element there and keep the sentence whole in the catalogue (its
        words around the slots are in the language's own order)."""
        marks: dict[str, Any] = {slot: f"{_SLOT_MARK}{slot}{_SLOT_MARK}" for slot in slots}
        cut = self.text(key, **values, **marks).split(_SLOT_MARK)
        return [Slot(piece) if index % 2 else piece for index, piece in enumerate(cut) if index % 2 or piece]

    def _put(self, match: re.Match[str], values: Mapping[str, Any], key: str) -> str:
        name, style = match.group("name"), match.group("style")
        if name not in values:
            raise KeyError(f"the message '{key}' needs a value for {{{name}}}")
        value = values[name]
        if style == "percent":
            return locale_format.percent(value, self._locale)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return locale_format.number(value, self._locale)
        return str(value)

    def listing(self, items: Any) -> str:
        """Items as a sentence lists them: 'a', 'a and b', 'a, b and c' (the language's separator and 'and')."""
        words = [str(item) for item in items]
        if len(words) < 2:
            return "".join(words)
        head = self.text("list_separator").join(words[:-1])
        return locale_format.joined_with_and(self.text("list_and", first=head, last=words[-1]), words[-1], self._locale)

    def date(self, day: datetime.date) -> str:
        """A day in words, in the language's way ("December 1, 2026", "1er décembre 2026")."""
        return locale_format.long_date(day, self._locale)

    def choice_label(self, index: int) -> str:
        """The label of a question's choice on paper, counting from 0: the language's letters (A, B, C…; أ, ب,
        ج… in Arabic), then numbers for a question with more choices than letters."""
        letters = self.text("choice_letters").split()
        return letters[index] if index < len(letters) else str(index + 1)

    def for_scripts(self, keys: tuple[str, ...] | None = None) -> dict[str, str | dict[str, str]]:
        """The messages the course's scripts use, as they need them: a text, or a text per CLDR plural category
        (the names Intl.PluralRules gives: zero, one, two, few, many, other)."""
        wanted = keys if keys is not None else tuple(self.message_keys())
        result: dict[str, str | dict[str, str]] = {}
        for key in wanted:
            override = self.overrides.get(key)
            if override is not None:
                result[key] = override if isinstance(override, str) else dict(override)
                continue
            message = self.message(key)
            if not message.plural:
                result[key] = message.forms[0]
                continue
            own = key in self.messages
            categories = _categories(self.language if own else "en", self._plural_index if own else _english_index)
            result[key] = {
                category: message.forms[min(index, len(message.forms) - 1)] for category, index in categories.items()
            }
        return result

    def message_keys(self) -> list[str]:
        english = self._english.message_keys() if self._english is not None else []
        return [*english, *(key for key in self.messages if key not in english)]


def _english_index(n: int) -> int:
    return 0 if n == 1 else 1


@functools.cache
def _categories(language: str, plural_index: Any) -> dict[str, int]:
    """Each CLDR plural category of the language -> the gettext plural form used for it."""
    locale = _babel_locale(language)
    found: dict[str, int] = {}
    for n in _SAMPLES:
        found.setdefault(locale.plural_form(n), plural_index(n))
    found.setdefault("other", plural_index(_SAMPLES[-1]))
    return found


def _babel_locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en")


def read_catalogue(path: Path, language: str, english: Catalogue | None) -> Catalogue:
    """A catalogue from a .po file: each message keyed by its msgctxt."""
    with path.open("rb") as handle:
        po = read_po(handle, locale=_babel_locale(language), domain="course")
    messages: dict[str, Message] = {}
    for entry in po:
        if not entry.id or not entry.context:
            continue  # the header, or a message without a key
        raw = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        strings = tuple(str(form or "") for form in raw)
        if not all(strings):
            continue  # not (fully) translated yet: English stands in
        forms = strings if isinstance(entry.id, tuple | list) else strings[:1]
        messages[entry.context] = Message(entry.context, forms, isinstance(entry.id, tuple | list))
    return Catalogue(language, messages, gettext.c2py(_plural_expression(po.plural_expr)), english)


def _plural_expression(expression: str) -> str:
    return expression.strip().rstrip(";")


@functools.cache
def english() -> Catalogue:
    return read_catalogue(LOCALES / "en.po", "en", None)


@functools.cache
def shipped(language: str) -> Catalogue:
    """The shipped catalogue of a language (or of its base language: pt for pt-BR), else English."""
    base = language.replace("_", "-").split("-")[0].lower()
    for candidate in (language, base):
        if candidate in SHIPPED and candidate != "en" and (LOCALES / f"{candidate}.po").is_file():
            return read_catalogue(LOCALES / f"{candidate}.po", VARIANTS.get(candidate, candidate), english())
    if base == "en":
        return english()
    return Catalogue(language, {}, _english_index, english())


def direction(language: str) -> str:
    """ "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu…), else "ltr" (CLDR)."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if locale.text_direction == "rtl" else "ltr"


def check_ui_text(raw: Any, checker: Any) -> None:
    """course.yml's `ui_text`: each wording keeps exactly the placeholders of the English message (unknown keys
    and wrong shapes are the format's to report)."""
    if not isinstance(raw, dict):
        return
    catalogue = english()
    for key, value in raw.items():
        if key not in catalogue or value is None:
            continue
        message = catalogue.message(key)
        expected = message.placeholders
        texts = value.items() if isinstance(value, dict) else [(None, value)]
        for category, text in texts:
            if not isinstance(text, str):
                continue
            found = frozenset(match.group(0) for match in PLACEHOLDER.finditer(text))
            path = ("ui_text", key) if category is None else ("ui_text", key, category)
            unknown = sorted(found - expected)
            missing = sorted(expected - found - ({"{n}"} if message.plural else set()))
            if unknown:
                checker.error(
                    path,
                    f"{', '.join(unknown)} is not a placeholder of '{key}'; it has "
                    f"{', '.join(sorted(expected)) or 'none'}",
                    "ui-text-placeholder",
                )
            if missing:
                checker.error(
                    path,
                    f"the wording leaves out {', '.join(missing)}, which '{key}' puts in; keep it (you may move it)",
                    "ui-text-placeholder",
                )


def read_project_catalogue(path: Path, display: str, language: str) -> tuple[dict[str, Any], list[Any]]:
    """A project's own catalogue (locales/<language>.po, for a language the builder does not ship or to reword
    one it does): its translations as wording by key, and its problems at their lines. Checked like `ui_text`:
    each key must be an interface message, and each translation keep the English placeholders."""
    from babel.messages.pofile import PoFileError

    from .diagnostics import Diagnostic, Severity, SourceLocation
    from .text import suggest

    problems: list[Diagnostic] = []

    def problem(line: int, message: str, code: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Diagnostic(SourceLocation(display, line, 1), message, code, severity))

    try:
        with path.open("rb") as handle:
            po = read_po(handle, locale=_babel_locale(language), abort_invalid=True)
    except PoFileError as exc:
        problem(exc.lineno or 1, f"this is not a valid gettext catalogue: {exc}", "po-syntax")
        return {}, problems
    except (UnicodeDecodeError, ValueError) as exc:
        problem(1, f"this catalogue cannot be read: {exc}", "po-syntax")
        return {}, problems
    source = english()
    keys = source.message_keys()
    plural_index = gettext.c2py(_plural_expression(po.plural_expr))
    categories = _categories(language, plural_index)
    wording: dict[str, Any] = {}
    for entry in po:
        if not entry.id:
            continue
        line = entry.lineno or 1
        if not entry.context:
            problem(
                line,
                "this message has no key: add the `msgctxt` line of the message it translates "
                "(`course strings` writes every key)",
                "po-key",
            )
            continue
        if entry.context not in source:
            problem(line, f"'{entry.context}' is not an interface message{suggest(entry.context, keys)}", "po-key")
            continue
        raw = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        forms = [str(form or "") for form in raw]
        if not all(forms):
            continue
        message = source.message(entry.context)
        expected = message.placeholders
        found = frozenset(match.group(0) for form in forms for match in PLACEHOLDER.finditer(form))
        unknown = sorted(found - expected)
        missing = sorted(expected - found)
        if unknown or missing:
            parts = ([f"{', '.join(unknown)} is not a placeholder of it"] if unknown else []) + (
                [f"it leaves out {', '.join(missing)}"] if missing else []
            )
            problem(line, f"the translation of '{entry.context}' does not fit: {'; '.join(parts)}", "po-placeholder")
            continue
        if message.plural:
            wording[entry.context] = {
                category: forms[min(index, len(forms) - 1)] for category, index in categories.items()
            }
        else:
            wording[entry.context] = forms[0]
    # Left empty, or not in the file at all, and not shipped either: a file for a shipped language (or English)
    # may hold only the messages a trainer words differently.
    untranslated = len(set(keys) - set(wording) - set(shipped(language).messages))
    if untranslated:
        problem(
            1,
            f"{untranslated} of {len(keys)} messages are not translated yet; learners see them in English",
            "po-untranslated",
            Severity.WARNING,
        )
    return wording, problems


def catalogue_file(language: str | None) -> bytes:
    """`course strings`: the catalogue template (no language: every key with its English and an empty
    translation) or a language's current strings (empty where the builder ships none), as a .po file."""
    from io import BytesIO

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    source = english()
    own = shipped(language) if language else None
    locale = _babel_locale(VARIANTS.get(language, language)) if language else None
    catalog = Catalog(
        locale=locale,
        domain="course",
        project="course-builder",
        version="1",
        copyright_holder="the course-builder authors",
        msgid_bugs_address="",
        last_translator="",
        language_team=language or "",
        fuzzy=False,
    )
    with (LOCALES / "en.po").open("rb") as handle:
        comments = {entry.context: entry.auto_comments for entry in read_po(handle) if entry.id}
    for key in source.message_keys():
        message = source.message(key)
        msgid = (message.forms[0], message.forms[-1]) if message.plural else message.forms[0]
        string: Any = ""
        if own is not None and key in own.messages:
            string = own.messages[key].forms if message.plural else own.messages[key].forms[0]
        elif message.plural:
            string = ("",) * (catalog.num_plurals if language else 2)
        catalog.add(msgid, string=string, context=key, auto_comments=comments.get(key, []))
    buffer = BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False)
    return buffer.getvalue()


_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")
_THEME_LANGUAGE = re.compile(r"^(?P<indent>\s+)language\s*:\s*(?P<value>['\"]?[\w-]+['\"]?)\s*(?:#.*)?$")


def theme_language_line(mkdocs_yml: str) -> tuple[int, int, str] | None:
    """(line, column, language) of `theme: language:` in mkdocs.yml's text, or None when it sets none. Read as
    text (the file may hold tags only MkDocs knows): the `language` key directly under the top-level `theme`."""
    in_theme = False
    for number, line in enumerate(mkdocs_yml.splitlines(), 1):
        top = _TOP_KEY.match(line)
        if top:
            in_theme = top.group("key") == "theme"
            continue
        match = _THEME_LANGUAGE.match(line) if in_theme else None
        if match:
            return number, len(match.group("indent")) + 1, match.group("value").strip("'\"")
    return None


def check_theme_language(mkdocs_yml: Path, display: str, course_language: str) -> list[Any]:
    """A warning when mkdocs.yml sets the theme's language to another than the course's: the theme's own labels
    (navigation, search) would then be in one language and the course's in another."""
    from .diagnostics import Diagnostic, Severity, SourceLocation

    if not mkdocs_yml.is_file():
        return []
    found = theme_language_line(mkdocs_yml.read_text(encoding="utf-8", errors="replace"))
    if found is None:
        return []
    line, column, theme = found
    if theme.replace("_", "-").lower().split("-")[0] == course_language.replace("_", "-").lower().split("-")[0]:
        return []
    message = (
        f"the theme's language is '{theme}' but the course's is '{course_language}' (course.yml), so the "
        f"theme's own labels and the course's would be in different languages; remove `language: {theme}` "
        "here to let the theme follow the course"
    )
    return [Diagnostic(SourceLocation(display, line, column), message, "theme-language", Severity.WARNING)]
