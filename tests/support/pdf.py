"""Reading printed PDFs back: page sizes and outline with pypdf, each page's text and the fonts with poppler
(Debian's poppler-utils: pdftotext, pdffonts), as a person checking a printout would."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)
"""Page sizes in points (portrait)."""


def require_poppler() -> None:
    """Skip without poppler-utils, except under CI (CI=true), where its absence fails the test."""
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        return
    message = "poppler-utils (pdftotext, pdffonts) is missing: install it with `make pdf-deps`"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI=true, so the PDF tests must run", pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class Printout:
    """A PDF as pages of text, with each page's size."""

    path: Path
    texts: list[str]
    sizes: list[tuple[float, float]]

    @property
    def pages(self) -> int:
        return len(self.texts)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def page_of(self, needle: str) -> list[int]:
        """The pages (from 1) whose text holds `needle`, ignoring how lines and spaces fall."""
        wanted = squeezed(needle)
        return [n for n, text in enumerate(self.texts, 1) if wanted in squeezed(text)]


def read_pdf(path: Path) -> Printout:
    texts, sizes = pages_of(path.read_bytes())
    return Printout(path, texts, sizes)


def pages_of(pdf: bytes) -> tuple[list[str], list[tuple[float, float]]]:
    """Each page's text (pdftotext, in reading order) and size in points (pypdf)."""
    require_poppler()
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    texts = text.stdout.decode().split("\f")[: len(sizes)]  # pdftotext ends every page with a form feed
    return texts, sizes


def squeezed(text: str) -> str:
    """Text without any white space, and with typographic apostrophes and dashes as poppler extracts them."""
    return re.sub(r"\s+", "", text).replace("’", "'")


def same_size(size: tuple[float, float], paper: tuple[float, float]) -> bool:
    """Whether a page is `paper` (either way round), within a point."""
    return any(abs(size[0] - w) < 1.5 and abs(size[1] - h) < 1.5 for w, h in (paper, paper[::-1]))


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: each font's name, type and whether it is embedded ("emb")."""
    require_poppler()
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name, type (1-2 words), encoding, emb, sub, uni, object id, generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows
