"""The images a course names (the certificate's logo and signature in course.yml, the brand's logo and favicon in
mkdocs.yml): each must be a file inside the content folder, which the site publishes as it is, of a type every
browser shows, and small enough to load and print quickly.

The type is read from the file's first bytes (an SVG from its root element), never trusted from the name:
the web server sends a file with the type its name says, so the two must also agree.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from .diagnostics import Checker, DataPath

MAX_IMAGE_BYTES = 1_000_000
"""1 MB: a logo or a signature needs far less; a bigger file slows every printed certificate."""
TYPES_BY_SUFFIX = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG", ".ico": "ICO"}
SUFFIX_OF = {"PNG": ".png", "JPEG": ".jpg", "SVG": ".svg", "ICO": ".ico"}
PICTURES = ("PNG", "JPEG", "SVG")
"""What a page or a certificate may show; a favicon may also be ICO."""
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"BM", "BMP"),
    (b"\x00\x00\x01\x00", "ICO"),
)
_PROLOGUE = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL)
_WEB_ADDRESS = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def image_type(head: bytes) -> str | None:
    """PNG, JPEG or SVG (what a certificate may show), ICO (a favicon), GIF, BMP or WebP (named in messages),
    or None."""
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return "SVG" if _svg_root(head) else None


def _svg_root(head: bytes) -> bool:
    """Whether the text's first element (after an XML declaration, comments and a doctype) is <svg>."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    position = 0
    while match := _PROLOGUE.match(text, position):
        position = match.end()
    return re.match(r"<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]", text[position:]) is not None


def check_images(
    raw: Any,
    fields: tuple[str, ...],
    path: DataPath,
    content: Path,
    content_dir: str,
    checker: Checker,
    *,
    kinds: tuple[str, ...] = PICTURES,
    shown_by: str = "a certificate",
) -> None:
    """Each of `fields` in the raw group at `path` that names an image file: it must exist inside `content`
    (shown to trainers as `content_dir`), be one of `kinds` (PNG, JPEG or SVG) named for its type, and be 1 MB
    at most. `shown_by` says where it appears, for the message about a file of another type."""
    if not isinstance(raw, dict):
        return
    for name in fields:
        value = raw.get(name)
        if isinstance(value, str) and value.strip():
            _check_image(value.strip(), (*path, name), content, content_dir, checker, kinds, shown_by)


def _check_image(
    written: str,
    path: DataPath,
    content: Path,
    content_dir: str,
    checker: Checker,
    kinds: tuple[str, ...],
    shown_by: str,
) -> None:
    if _WEB_ADDRESS.match(written):
        checker.error(
            path,
            f"'{written}' is a web address; put the image in {content_dir}/ (for example "
            f"{content_dir}/images/) and write its path from there",
            "image",
        )
        return
    relative = PurePosixPath(written.replace("\\", "/"))
    file = (content / relative).resolve()
    if relative.is_absolute() or not file.is_relative_to(content.resolve()):
        checker.error(
            path,
            f"'{written}' is outside {content_dir}/; put the image in {content_dir}/ (for "
            f"example {content_dir}/images/) and write its path from there",
            "image",
        )
        return
    if not file.is_file():
        checker.error(
            path, f"the image '{written}' is missing; put it at {content_dir}/{relative} or correct the path", "image"
        )
        return
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        checker.error(
            path,
            f"'{written}' is {size:,} bytes; the limit is {MAX_IMAGE_BYTES:,} bytes (1 MB): "
            "export it smaller, at the size it is printed",
            "image",
        )
    with file.open("rb") as stream:
        found = image_type(stream.read(4096))
    named = TYPES_BY_SUFFIX.get(relative.suffix.lower())
    if found not in kinds:
        what = f"{_a(found)} {found} image" if found else f"not an image {shown_by} can show"
        checker.error(path, f"'{written}' is {what}; save it as {_one_of(kinds)}", "image")
    elif found != named:
        checker.error(
            path,
            f"'{written}' holds {_a(found)} {found} image but its name does not say so; rename it to "
            f"{relative.stem}{SUFFIX_OF[found]}",
            "image",
        )


def _a(kind: str) -> str:
    return "an" if kind in ("SVG", "ICO") else "a"  # said "ess-vee-gee", "eye-co"


def _one_of(kinds: tuple[str, ...]) -> str:
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"
