"""The minifier's output kept for what the builder ships (site/shipped.py, assets/minified/): every kept output is
what the installed minifier makes of its text, a course in any shipped language finds every asset kept, and any
other text is minified as the course is built."""

from __future__ import annotations

import pytest

from builder.site import shipped
from builder.site.shipped import (
    MINIFIED,
    kept_minified,
    minifiable,
    minified_key,
    minify_now,
    shippable_entries,
    shipped_assets,
)
from builder.source import interface_text

REFRESH = "the kept minified assets are out of date: run `python -m builder.site.shipped` and commit assets/minified/"
LANGUAGES = [interface_text.shipped(language).language for language in interface_text.SHIPPED]


@pytest.mark.parametrize("language", interface_text.SHIPPED)
def test_every_kept_output_is_what_the_minifier_makes_of_its_text(language):
    catalogue = interface_text.shipped(language)
    kept = kept_minified(catalogue.language)
    wanted = minifiable(catalogue)
    assert set(kept) == set(wanted), REFRESH
    for key, (text, suffix) in wanted.items():
        assert kept[key] == minify_now(text, suffix), REFRESH


def test_one_file_a_shipped_language_and_nothing_else():
    assert sorted(path.name for path in MINIFIED.iterdir()) == sorted(f"{language}.json.xz" for language in LANGUAGES)


@pytest.mark.parametrize("language", interface_text.SHIPPED)
def test_a_course_in_a_shipped_language_minifies_nothing_while_it_is_built(language, monkeypatch):
    def refuse(text: str, suffix: str) -> str:
        raise AssertionError(REFRESH)

    monkeypatch.setattr(shipped, "minify_now", refuse)
    shipped.minified.cache_clear()
    try:
        for entries in shippable_entries():
            assert dict(shipped_assets(interface_text.shipped(language), entries))
    finally:
        shipped.minified.cache_clear()


def test_a_course_with_its_own_wording_has_its_catalogue_minified_as_it_is_built():
    key = shipped.script_message_keys()[0]
    catalogue = interface_text.english().with_overrides({key: "Onward"})
    assets = dict(shipped_assets(catalogue, ("quiz",)))
    text = shipped.catalogue_module(catalogue)
    assert minified_key(text, ".js") not in kept_minified(catalogue.language)
    assert assets["catalogue.js"] == minify_now(text, ".js") and "Onward" in assets["catalogue.js"]


def test_outputs_kept_by_another_minifier_version_are_not_used(monkeypatch):
    monkeypatch.setattr(shipped.importlib.metadata, "version", lambda name: "0.0.1")
    kept_minified.cache_clear()
    try:
        assert kept_minified("en") == {}
    finally:
        monkeypatch.undo()
        kept_minified.cache_clear()
    assert kept_minified("en")
