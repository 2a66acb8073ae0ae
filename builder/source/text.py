"""Wording helpers shared by messages and pages: lists, counts, suggestions and URL-safe names."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any


def listing(words: Iterable[str]) -> str:
    """Words as a trainer would list them: 'a', 'a and b', 'a, b and c'."""
    items = list(words)
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 lesson', '2 lessons'; `plural` for nouns that do not just take an -s ('quizzes')."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def suggest(word: str, choices: list[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `choices`, or nothing."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def describe(value: Any) -> str:
    """How a wrongly typed value is named to a trainer."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text '{shorten(value, 30)}'"
    return f"'{value}'"


def shorten(text: str, limit: int) -> str:
    """Text cut to `limit` characters, ending with '...' when cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def slugify(text: str, fallback: str) -> str:
    """Lowercase letters, digits and hyphens from `text` (`fallback` when none are left)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or fallback


class UniqueSlugs:
    """Hands out slugs made unique with -2, -3... in the order they are asked for."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, text: str, fallback: str) -> str:
        base = slugify(text, fallback)
        slug, n = base, 2
        while slug in self.used:
            slug, n = f"{base}-{n}", n + 1
        self.used.add(slug)
        return slug
