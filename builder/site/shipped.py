"""The learners' scripts and styles as the site ships them: minified, and the entry scripts a course needs
bundled into one file (course.js) that every page with a script loads, on the web site and from file:// alike.

Every page that runs a script needs the quiz entry (quizzes, and the progress views of the home, module, progress
and certificate pages), so one bundle serves them all and is cached after the first page: the role-play's code
(about 2.7 KB gzipped) rides along on pages without one rather than a second bundle repeating the modules both
use (dom.js, store.js, messages.js, the catalogue: about 4.3 KB gzipped) on pages with one, and the modules stay
one instance per page (classic.py). A course without role-plays leaves scenario.js out, one without the `xapi`
option xapi.js.

The sources in assets/ stay readable and typed (JSDoc, `// @ts-check`); learners download the minified
form. Minifying is tdewolff's minifier (Go, through its Python binding), never hand-written code. The modules
are shipped one by one too (minified), for anything that imports one on its own (the browser tests do).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..source.interface_text import Catalogue
from .classic import bundle

ASSETS = Path(__file__).parent / "assets"
ENTRIES = ("quiz", "scenario", "xapi")
"""The entry scripts, in the order the bundle runs them; the other modules are imported by them."""
BUNDLE = "course.js"
"""The one script file pages load (under assets/course/)."""
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


@functools.lru_cache(maxsize=64)
def minified(text: str, suffix: str) -> str:
    """JavaScript or CSS without comments and needless spaces, local names shortened (the same output for
    the same input, so builds stay reproducible)."""
    import minify  # here, not at the top: the renderer imports this module, and most commands never minify

    return str(minify.string(MEDIA_TYPES[suffix], text))


def shipped_assets(catalogue: Catalogue, entries: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(name under assets/course/, text) of every asset: the modules and styles, catalogue.js (the messages the
    scripts use, in the course's language) and, with `entries`, the bundle of those entry scripts (BUNDLE)."""
    generated = {CATALOGUE_MODULE: catalogue_module(catalogue)}
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file() and asset.suffix in MEDIA_TYPES:
            yield asset.relative_to(ASSETS).as_posix(), minified(asset.read_text(encoding="utf-8"), asset.suffix)
    yield CATALOGUE_MODULE, minified(generated[CATALOGUE_MODULE], ".js")
    if entries:
        yield BUNDLE, bundled(entries, generated[CATALOGUE_MODULE])


def bundled(entries: tuple[str, ...], catalogue: str) -> str:
    """The minified bundle of `entries` (names in ENTRIES), with `catalogue` as catalogue.js."""
    unknown = set(entries) - set(ENTRIES)
    if unknown:
        raise ValueError(f"unknown entry scripts: {sorted(unknown)}")
    ordered = [ASSETS / f"{entry}.js" for entry in ENTRIES if entry in entries]
    return minified(bundle(ordered, {CATALOGUE_MODULE: catalogue}), ".js")


CATALOGUE_MODULE = "catalogue.js"


@functools.cache
def script_message_keys() -> tuple[str, ...]:
    """The catalogue keys the scripts use: every `text("key"...)` in messages.js, their one table of words."""
    return tuple(dict.fromkeys(re.findall(r'\btext\("([a-z_]+)"', (ASSETS / "messages.js").read_text("utf-8"))))


def catalogue_module(catalogue: Catalogue) -> str:
    """catalogue.js: the course language and the messages the scripts use (assets/catalogue.d.ts types it)."""
    messages = catalogue.for_scripts(script_message_keys())
    return (
        f"export const LANGUAGE = {json.dumps(catalogue.language)};\n"
        f"export const CATALOGUE = {json.dumps(messages, ensure_ascii=False, sort_keys=True)};\n"
    )
