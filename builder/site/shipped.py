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

What the builder itself can ship, the minifier's output for it ships too (assets/minified/<language>.json.xz,
written by `python -m builder.site.shipped`): every module and style, and the catalogue and bundles of every
shipped language without a course's own wording. Each output is kept under the SHA-256 of what was minified,
for the minifier version that made it, and used only for that very text with that version installed; any other
text (a course's `ui_text`, a project's own catalogue, an asset edited since) is minified as the course is
built. Loading the minifier's Go runtime is a third of a course build's memory beyond a plain MkDocs build's
(8 MiB at 200 lessons). A unit test minifies every kept text again and compares (test_render_shipped.py).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import itertools
import json
import lzma
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


MINIFIED = ASSETS / "minified"
"""The minifier's output for what the builder ships, one file per shipped language (see above)."""
MINIFIER = "tdewolff-minify"


@functools.lru_cache(maxsize=64)
def minified(text: str, suffix: str, language: str | None = None) -> str:
    """JavaScript or CSS without comments and needless spaces, local names shortened (the same output for
    the same input, so builds stay reproducible). The output kept for `language` (MINIFIED) when it was made
    from this very text by the minifier installed; else the minifier's, made now."""
    kept = kept_minified(language).get(minified_key(text, suffix)) if language else None
    return kept if kept is not None else minify_now(text, suffix)


def minify_now(text: str, suffix: str) -> str:
    """The minifier's output for `text`."""
    import minify  # here, not at the top: the renderer imports this module, and most commands never minify

    return str(minify.string(MEDIA_TYPES[suffix], text))


def minified_key(text: str, suffix: str) -> str:
    """What a kept output is found by: the SHA-256 of the kind and the text minified."""
    return hashlib.sha256(f"{suffix}\0{text}".encode()).hexdigest()


@functools.cache
def kept_minified(language: str) -> dict[str, str]:
    """The outputs kept for `language` (by minified_key), if the minifier that made them is the one installed."""
    try:
        kept = json.loads(lzma.decompress((MINIFIED / f"{language}.json.xz").read_bytes()))
    except FileNotFoundError:
        return {}
    outputs: dict[str, str] = kept["minified"]
    return outputs if kept["minifier"] == importlib.metadata.version(MINIFIER) else {}


def shipped_assets(catalogue: Catalogue, entries: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(name under assets/course/, text) of every asset: the modules and styles, catalogue.js (the messages the
    scripts use, in the course's language) and, with `entries`, the bundle of those entry scripts (BUNDLE)."""
    language = catalogue.language
    generated = {CATALOGUE_MODULE: catalogue_module(catalogue)}
    for asset in _asset_files():
        yield asset.relative_to(ASSETS).as_posix(), minified(asset.read_text(encoding="utf-8"), asset.suffix, language)
    yield CATALOGUE_MODULE, minified(generated[CATALOGUE_MODULE], ".js", language)
    if entries:
        yield BUNDLE, bundled(entries, generated[CATALOGUE_MODULE], language)


def _asset_files() -> list[Path]:
    """The modules and styles in assets/."""
    return [asset for asset in sorted(ASSETS.rglob("*")) if asset.is_file() and asset.suffix in MEDIA_TYPES]


def bundled(entries: tuple[str, ...], catalogue: str, language: str | None = None) -> str:
    """The minified bundle of `entries` (names in ENTRIES), with `catalogue` as catalogue.js (in `language`)."""
    unknown = set(entries) - set(ENTRIES)
    if unknown:
        raise ValueError(f"unknown entry scripts: {sorted(unknown)}")
    ordered = [ASSETS / f"{entry}.js" for entry in ENTRIES if entry in entries]
    return minified(bundle(ordered, {CATALOGUE_MODULE: catalogue}), ".js", language)


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


def shippable_entries() -> list[tuple[str, ...]]:
    """Every set of entry scripts a course's pages can need (render.script_entries): the quiz script always."""
    optional = [entry for entry in ENTRIES if entry != "quiz"]
    return [("quiz", *extra) for n in range(len(optional) + 1) for extra in itertools.combinations(optional, n)]


def minifiable(catalogue: Catalogue) -> dict[str, tuple[str, str]]:
    """What the builder can ship in the catalogue's language without a course's own wording, minified_key ->
    (text, suffix): the modules and styles, catalogue.js and the bundle of each set of entry scripts."""
    catalogue_text = catalogue_module(catalogue)
    texts = [(asset.read_text(encoding="utf-8"), asset.suffix) for asset in _asset_files()]
    texts.append((catalogue_text, ".js"))
    for entries in shippable_entries():
        ordered = [ASSETS / f"{entry}.js" for entry in ENTRIES if entry in entries]
        texts.append((bundle(ordered, {CATALOGUE_MODULE: catalogue_text}), ".js"))
    return {minified_key(text, suffix): (text, suffix) for text, suffix in texts}


def write_kept_minified() -> list[Path]:
    """MINIFIED written anew: for each shipped language, the minifier's output for all it can ship."""
    from ..source import interface_text

    MINIFIED.mkdir(exist_ok=True)
    for old in MINIFIED.glob("*.json.xz"):
        old.unlink()
    written = []
    for shipped_language in interface_text.SHIPPED:
        catalogue = interface_text.shipped(shipped_language)
        outputs = {key: minify_now(text, suffix) for key, (text, suffix) in sorted(minifiable(catalogue).items())}
        kept = {"minifier": importlib.metadata.version(MINIFIER), "minified": outputs}
        path = MINIFIED / f"{catalogue.language}.json.xz"
        path.write_bytes(lzma.compress(json.dumps(kept, ensure_ascii=False).encode(), preset=9))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_kept_minified():
        print(f"wrote {path}")
