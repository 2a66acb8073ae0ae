"""What each page of a built course weighs, and how much of it is the answer key.

A quiz scores itself in the browser, so its page carries what scoring, feedback and review need: the key in
`data-quiz-key` (right answers, accepted words, each choice's feedback, explanations), the model answers and
checklists of written practice (`data-written-reveal`), and with the `xapi` option each question's xAPI
definition (`data-xapi`, which names the right responses). `measure(site)` gives, for every page, its size raw and
gzipped, the bytes of those parts and their share of both (the gzipped share is what the page shrinks by, gzipped,
without them: what they cost on the wire), and the course's own scripts and stylesheets the page loads, with the
modules they import (the requests a browser makes for them, one after another for each level of imports).

`python -m bench.page_weight [SITE]` prints it for a built site (by default, builds the bundled course first).
"""

from __future__ import annotations

import argparse
import gzip
import posixpath
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LEVEL = 9
"""gzip level: as docs/performance.md's asset figures (a host's level 6 differs by a few per cent)."""
KEY_ATTRIBUTES = {"data-quiz-key": "key", "data-xapi": "xapi"}
_ATTRIBUTE = re.compile(r'\s(data-quiz-key|data-xapi)="[^"]*"')
_REVEAL = re.compile(r"<div\b[^>]*\sdata-written-reveal\b[^>]*>")
_DIV = re.compile(r"<div\b|</div>")
_ASSET = re.compile(r'<(?:script\b[^>]*\ssrc|link\b[^>]*\shref)="([^"]*assets/course/[^"]+)"')
_IMPORT = re.compile(r'\bimport\s*\{[^}]*\}\s*from\s*"\./([\w.-]+\.js)"')
"""A static import, as written in the sources and as the minifier writes it (`import{a as b}from"./x.js"`)."""


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=LEVEL, mtime=0))


def key_spans(html: str) -> list[tuple[int, int, str]]:
    """(start, end, part) of every answer-key part in a page: the key and xAPI attributes (name and value), and
    each written question's model answer and checklist (the whole data-written-reveal element)."""
    spans = [(m.start(), m.end(), KEY_ATTRIBUTES[m.group(1)]) for m in _ATTRIBUTE.finditer(html)]
    for match in _REVEAL.finditer(html):
        depth, end = 1, match.end()
        for tag in _DIV.finditer(html, match.end()):
            depth += -1 if tag.group(0) == "</div>" else 1
            if depth == 0:
                end = tag.end()
                break
        spans.append((match.start(), end, "model answers"))
    return sorted(spans)


def without(html: str, spans: list[tuple[int, int, str]]) -> str:
    parts, at = [], 0
    for start, end, _ in spans:
        parts.append(html[at:start])
        at = end
    return "".join(parts) + html[at:]


def course_assets(site: Path, page: Path, html: str) -> list[list[str]]:
    """The course's scripts and stylesheets the page loads (site-relative paths), level by level: what the page
    names, then what those modules import, and so on (each level is one more round trip)."""
    base = page.parent.relative_to(site).as_posix()
    levels: list[list[str]] = []
    seen: set[str] = set()
    todo = [posixpath.normpath(posixpath.join(base, url)) for url in _ASSET.findall(html)]
    while todo:
        level = [path for path in dict.fromkeys(todo) if path not in seen and (site / path).is_file()]
        if not level:
            break
        levels.append(level)
        seen.update(level)
        todo = [
            posixpath.join(posixpath.dirname(path), name)
            for path in level
            if path.endswith(".js")
            for name in _IMPORT.findall((site / path).read_text(encoding="utf-8"))
        ]
    return levels


def measure(site: Path) -> list[dict[str, Any]]:
    """Every page of a built site (index.html files, by path): its weight, its answer key's, and its assets'."""
    rows = []
    for page in sorted(site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        raw = html.encode("utf-8")
        spans = key_spans(html)
        key = sum(len(html[start:end].encode("utf-8")) for start, end, _ in spans)
        parts: dict[str, int] = {}
        for start, end, part in spans:
            parts[part] = parts.get(part, 0) + len(html[start:end].encode("utf-8"))
        total_gz = gzipped(raw)
        key_gz = total_gz - gzipped(without(html, spans).encode("utf-8")) if spans else 0
        levels = course_assets(site, page, html)
        assets = [path for level in levels for path in level]
        rows.append({
            "page": "/" + "".join(f"{part}/" for part in page.parent.relative_to(site).parts),
            "bytes": len(raw),
            "gzipped": total_gz,
            "key_bytes": key,
            "key_share": key / len(raw),
            "key_gzipped": key_gz,
            "key_share_gzipped": key_gz / total_gz,
            "key_parts": parts,
            "assets": assets,
            "asset_levels": len(levels),
            "asset_bytes": sum((site / path).stat().st_size for path in assets),
            "asset_gzipped": sum(gzipped((site / path).read_bytes()) for path in assets),
        })  # fmt: skip
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| page | page | gzipped | answer key | share | gzipped | share | course assets | requests, round trips "
        "| gzipped |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['bytes']:,} | {r['gzipped']:,} | {r['key_bytes']:,} | {r['key_share']:.0%} "
            f"| {r['key_gzipped']:,} | {r['key_share_gzipped']:.0%} | {r['asset_bytes']:,} "
            f"| {len(r['assets'])}, {r['asset_levels']} | {r['asset_gzipped']:,} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", help="a built site (default: build the bundled course)")
    args = parser.parse_args()
    if args.site:
        print(table(measure(args.site)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        course = str(Path(sys.executable).parent / "course")
        subprocess.run([course, "build", "--site-dir", str(site)], cwd=REPO, check=True, capture_output=True)
        print(table(measure(site)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
