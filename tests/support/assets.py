"""What a built page downloads of the course's own assets, and how much that weighs gzipped."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

IMPORT = re.compile(r'import\s*\{[^}]*\}\s*from\s*"\./([a-z]+\.js)"')
"""A static import, as written in the sources and as the minifier writes it (`import{a as b}from"./x.js"`)."""


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def gzipped_text(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9))


def loaded_by(assets: Path, entry: str) -> set[str]:
    """`entry` and every module it imports statically (what a quiz page downloads)."""
    seen: set[str] = set()
    todo = [entry]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += IMPORT.findall((assets / name).read_text())
    return seen
