"""The palette switch's names in the course's language (site/palette_switch.py)."""

from __future__ import annotations

from builder.site.palette_switch import name_palette_toggles
from builder.source import interface_text

AUTOMATIC = {"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto"}}
LIGHT = {"media": "(prefers-color-scheme: light)", "scheme": "default", "toggle": {"icon": "material/brightness-7"}}
DARK = {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "toggle": {"icon": "material/brightness-4"}}


def names(theme: dict) -> list[str]:
    return [entry["toggle"].get("name") for entry in theme["palette"]]


def test_each_state_is_named_for_the_next_in_the_course_language():
    theme = {"palette": [{**entry, "toggle": dict(entry["toggle"])} for entry in (AUTOMATIC, LIGHT, DARK)]}
    name_palette_toggles(theme, interface_text.shipped("de").text)
    assert names(theme) == [
        "Zum hellen Modus wechseln",
        "Zum dunklen Modus wechseln",
        "Der Hell-/Dunkel-Einstellung des Geräts folgen",
    ]


def test_a_name_mkdocs_yml_writes_is_kept_and_a_two_state_switch_goes_back_and_forth():
    theme = {
        "palette": [
            {**LIGHT, "toggle": {"icon": "x", "name": "Lights off"}},
            {**DARK, "toggle": {"icon": "y"}},
        ]
    }
    name_palette_toggles(theme, interface_text.english().text)
    assert names(theme) == ["Lights off", "Switch to light mode"]


def test_a_single_palette_is_left_alone():
    theme = {"palette": {"primary": "indigo"}}
    name_palette_toggles(theme, interface_text.english().text)
    assert theme == {"palette": {"primary": "indigo"}}
