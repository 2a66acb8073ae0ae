"""`course export zip`: the site packaged to open from file:// with no server.

Pages use plain file URLs (page.html), and the quiz and role-play scripts are each shipped
as one classic script because browsers do not load ES modules from file://. Progress is kept in the
browser as on the web site; search needs a server and degrades to nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..site.config import Configuration
from ..source.errors import ExportError
from ..source.validate import Validation
from .classic import bundle
from .packaging import relative_build, unsafe_urls, write_zip

ASSETS = "assets/course"
ENTRIES = ("quiz", "scenario")
"""The course's entry scripts; each becomes <name>-offline.js (store.js and dom.js are in both:
the two copies share nothing but localStorage, which is all they share on the web site too)."""
_MODULE_TAG = re.compile(r"""<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']*?)(quiz|scenario)\.js["']"""
                         r"""[^>]*></script>""")


@dataclass(frozen=True, slots=True)
class OfflinePackage:
    files: int
    pages: int


def export_offline(config: Configuration, validation: Validation, out: Path) -> OfflinePackage:
    """Write the offline zip of a validated course to `out`."""
    with relative_build(config, validation) as site:
        problems = [p for p in unsafe_urls(site) if "from the server's root" in p]
        if problems:
            raise ExportError("these links would break when opened from a file:\n  " + "\n  ".join(problems))
        for entry in ENTRIES:
            if (site / ASSETS / f"{entry}.js").is_file():
                (site / ASSETS / f"{entry}-offline.js").write_text(bundle(site / ASSETS / f"{entry}.js"),
                                                                    encoding="utf-8")
        pages = 0
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            classic = _MODULE_TAG.sub(lambda m: f'<script defer src="{m.group(1)}{m.group(2)}-offline.js"></script>',
                                      html)
            if classic != html:
                page.write_text(classic, encoding="utf-8")
                pages += 1
        names = write_zip(site, out)
    return OfflinePackage(files=len(names), pages=pages)
