"""Material's colour-scheme switch in the course's language: each state of a `palette:` list whose `toggle` has
no `name` is named by the course's catalogue (the name says what the next click does: Material's switch goes
round the list), so a course in German says so in German. A name mkdocs.yml writes is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def name_palette_toggles(theme: Any, text: Callable[..., str]) -> None:
    """Fill in the missing toggle names of the theme's palette switch with `text` (the catalogue's lookup)."""
    palette = theme.get("palette")
    if not isinstance(palette, list):
        return
    entries = [entry for entry in palette if isinstance(entry, dict)]
    for index, entry in enumerate(entries):
        toggle = entry.get("toggle")
        if isinstance(toggle, dict) and not toggle.get("name"):
            toggle["name"] = text(f"palette_to_{_state(entries[(index + 1) % len(entries)])}")


def _state(entry: dict[str, Any]) -> str:
    """light, dark or system: what a palette entry shows (an entry for "(prefers-color-scheme)" alone follows the
    device; otherwise its scheme says, Material's `slate` being its dark one)."""
    if str(entry.get("media", "")).replace(" ", "") == "(prefers-color-scheme)":
        return "system"
    return "dark" if entry.get("scheme") == "slate" else "light"
