"""Numbers, percentages, dates and lists written the way a language writes them, the same in Python as in the
browser.

Python pages (the site's templates, the workbook) format through Babel, and the course scripts through the
browser's Intl (builder/site/assets/messages.js). Both read CLDR, but each leaves out a rule the other applies;
this module adds them on the Python side, and messages.js does the same in the browser, so that a number or a
date reads alike on every page (tests/browser/test_languages.py compares the two in Chromium):

- **Grouping of four-digit numbers.** CLDR's `minimumGroupingDigits` is 2 for Spanish, Italian, Polish and
  European Portuguese: 1234 is written without a separator there, 12 345 with one. Intl applies it; Babel 2.19
  has no such setting, so `MIN_GROUPING_DIGITS` holds it.
- **Percentages** keep one decimal at most (80.5 %), as `maximumFractionDigits: 1` does in the scripts.
- **The first of the month in French** is written "1er" (1er décembre 2026), a rule of French typography that
  neither CLDR's date patterns nor Intl know.
- **Arabic percent signs** carry CLDR's left-to-right marks (below).
- **Spanish "y" becomes "e"** before a word that starts with the sound /i/ ("competencia e integridad"), but not
  before "hie-"/"hia-" ("agua y hielo"); ICU's list formatter does this, Babel's does not.

Arabic percentages: CLDR's percent sign for `ar` carries left-to-right marks; Intl writes them and Babel does not,
so `percent` puts them in.

Digits are Latin (0–9) in every language: Babel writes no other digits (it has no digit tables for other
numbering systems), and CLDR's plain `ar` uses them too; the scripts ask Intl for `numberingSystem: "latn"`, so
a course in `ar-EG`, where Intl would write Arabic-Indic digits, still reads alike everywhere.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

MIN_GROUPING_DIGITS = {"es": 2, "it": 2, "pl": 2, "pt_PT": 2, "pt": 1}
"""CLDR's `minimumGroupingDigits` where it is not 1, by Babel locale name, then by language (Brazilian
Portuguese, CLDR's plain `pt`, groups 1.234; European Portuguese does not)."""
_SPANISH_E = re.compile(r"h?i(?![aeoáéó])", re.IGNORECASE)
"""A word that starts with the sound /i/: "integridad", "historia", but not "hielo" or "hiato"."""


def _grouping(value: int | float | Decimal, locale: Locale) -> bool:
    """Whether the integer part is long enough to be grouped (1234 is not, where the minimum is 2)."""
    minimum: int = MIN_GROUPING_DIGITS.get(str(locale), MIN_GROUPING_DIGITS.get(str(locale.language), 1))
    return bool(abs(value) >= 10 ** (2 + minimum))


def number(value: int | float | Decimal, locale: Locale) -> str:
    """A number in the language's digits, separators and grouping: 1,234.5 · 1.234,5 · 1234,5 · 1 234,5."""
    return format_decimal(value, locale=locale, group_separator=_grouping(value, locale))


def percent(value: int | float, locale: Locale) -> str:
    """A percentage given as 0–100 (80.5 -> "80.5%", "80,5 %"), with one decimal at most."""
    share = Decimal(str(round(float(value), 1))) / 100
    written = format_percent(share, locale=locale, decimal_quantization=False, group_separator=_grouping(value, locale))
    # Babel writes a bare "%" where CLDR's sign has direction marks around it (Arabic: LRM % LRM, which keeps
    # "80%" in order inside right-to-left text); Intl writes CLDR's sign.
    sign = locale.number_symbols.get("latn", {}).get("percentSign", "%")
    return written.replace("%", sign) if sign != "%" and sign not in written else written


def long_date(day: datetime.date, locale: Locale) -> str:
    """A day in words: "December 1, 2026", "1. Dezember 2026", "1er décembre 2026"."""
    words = format_date(day, format="long", locale=locale)
    if locale.language == "fr" and day.day == 1:
        words = re.sub(r"(?<!\d)1(?!\d)", "1er", words, count=1)
    return words


def joined_with_and(joined: str, last: str, locale: Locale) -> str:
    """A list already joined by the catalogue's `list_and` ("... y integridad"), with its "and" as it stands
    before `last`: in Spanish "e" before the sound /i/."""
    if locale.language == "es" and joined.endswith(f" y {last}") and _SPANISH_E.match(last):
        return f"{joined[: -len(last) - 2]}e {last}"
    return joined
