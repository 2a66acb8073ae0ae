"""The learners' scripts and styles as the site ships them: minified, and for pages opened from file://
(the offline zip), each entry script also as one classic script.

The sources in assets/ stay readable and typed (JSDoc, `// @ts-check`); learners download the minified
form. Minifying is tdewolff's minifier (Go, through its Python binding), never hand-written code.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import minify

from ..source.interface_text import Catalogue
from .classic import bundle

ASSETS = Path(__file__).parent / "assets"
ENTRIES = ("quiz", "scenario", "xapi")
"""The entry scripts pages load; the other modules are imported by them."""
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


@functools.lru_cache(maxsize=64)
def minified(text: str, suffix: str) -> str:
    """JavaScript or CSS without comments and needless spaces, local names shortened (the same output for
    the same input, so builds stay reproducible)."""
    return str(minify.string(MEDIA_TYPES[suffix], text))


def shipped_assets(scripts: str, catalogue: Catalogue) -> Iterator[tuple[str, str]]:
    """(name under assets/course/, text) of every asset, with catalogue.js (the messages the scripts use, in the
    course's language); with `scripts="classic"` also <entry>-offline.js."""
    generated = {CATALOGUE_MODULE: catalogue_module(catalogue)}
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file() and asset.suffix in MEDIA_TYPES:
            yield asset.relative_to(ASSETS).as_posix(), minified(asset.read_text(encoding="utf-8"), asset.suffix)
    yield CATALOGUE_MODULE, minified(generated[CATALOGUE_MODULE], ".js")
    if scripts == "classic":
        for entry in ENTRIES:
            yield f"{entry}-offline.js", minified(bundle(ASSETS / f"{entry}.js", generated), ".js")


CATALOGUE_MODULE = "catalogue.js"


@functools.cache
def script_message_keys() -> tuple[str, ...]:
    """The catalogue keys the scripts use: every `text("key"...)` in messages.js, their one table of words."""
    return tuple(dict.fromkeys(re.findall(r'\btext\("([a-z_]+)"', (ASSETS / "messages.js").read_text("utf-8"))))


def catalogue_module(catalogue: Catalogue) -> str:
    """catalogue.js: the course language and the messages the scripts use (assets/catalogue.d.ts types it)."""
    messages = catalogue.for_scripts(script_message_keys())
    return (f"export const LANGUAGE = {json.dumps(catalogue.language)};\n"
            f"export const CATALOGUE = {json.dumps(messages, ensure_ascii=False, sort_keys=True)};\n")
