"""The learners' scripts and styles as the site ships them: minified, and for pages opened from file://
(the offline zip), each entry script also as one classic script.

The sources in assets/ stay readable and typed (JSDoc, `// @ts-check`); learners download the minified
form. Minifying is tdewolff's minifier (Go, through its Python binding), never hand-written code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import minify

from .classic import bundle

ASSETS = Path(__file__).parent / "assets"
ENTRIES = ("quiz", "scenario")
"""The entry scripts pages load; the other modules are imported by them."""
MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


@functools.lru_cache(maxsize=64)
def minified(text: str, suffix: str) -> str:
    """JavaScript or CSS without comments and needless spaces, local names shortened (the same output for
    the same input, so builds stay reproducible)."""
    return str(minify.string(MEDIA_TYPES[suffix], text))


def shipped_assets(scripts: str) -> Iterator[tuple[str, str]]:
    """(name under assets/course/, text) of every asset; with `scripts="classic"` also <entry>-offline.js."""
    for asset in sorted(ASSETS.rglob("*")):
        if asset.is_file() and asset.suffix in MEDIA_TYPES:
            yield asset.relative_to(ASSETS).as_posix(), minified(asset.read_text(encoding="utf-8"), asset.suffix)
    if scripts == "classic":
        for entry in ENTRIES:
            yield f"{entry}-offline.js", minified(bundle(ASSETS / f"{entry}.js"), ".js")
