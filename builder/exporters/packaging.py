"""Shared steps of the packaged exports: a relative-URL build in a temporary folder, and zipping it."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..site.config import Configuration
from ..site.sitebuild import build_into
from ..source.validate import Validation

SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""Files only a web server uses (the error page is written with server-root URLs on purpose)."""


@contextlib.contextmanager
def relative_build(config: Configuration, validation: Validation, *, scripts: str = "module") -> Iterator[Path]:
    """Build the course with plain file URLs (page.html, never folder/) into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="course-export-") as folder:
        site = Path(folder) / "site"
        site.mkdir()
        build_into(config, validation, site, directory_urls=False, scripts=scripts)
        for name in SERVER_ONLY:
            (site / name).unlink(missing_ok=True)
        yield site


def write_zip(folder: Path, out: Path) -> list[str]:
    """Zip every file under `folder` (paths relative to it) into `out`, replacing it only when complete."""
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    with replacing(out) as partial:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for name in names:
                archive.write(folder / name, name)
        os.chmod(partial, 0o644)
    return names


@contextlib.contextmanager
def replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside `out` that replaces it only when the block succeeds, so a failed export leaves
    the previous file as it was (and no partial file behind)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


_LOADED = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*?\bsrc\s*=\s*["']([^"']*)["']"""
    r"""|<link\b[^>]*?\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|icon)[^>]*?"""
    r"""\bhref\s*=\s*["']([^"']*)["']""",
    re.IGNORECASE,
)
_LINKED = re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def unsafe_urls(folder: Path) -> list[str]:
    """URLs that break a package served from any path: anything loaded from another server,
    and links or loads from the web server's root."""
    found = []
    for page in sorted(folder.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        name = page.relative_to(folder).as_posix()
        loaded = [a or b for a, b in _LOADED.findall(text)]
        for url in loaded:
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE):
                found.append(f"{name} loads {url} from another server")
        for url in loaded + _LINKED.findall(text):
            if url.startswith("/") and not url.startswith("//"):
                found.append(f"{name} refers to {url} from the server's root")
    return found
