"""`course export zip`: the site packaged to open from file:// with no server.

Pages use plain file URLs (page.html), and load the quiz and role-play scripts as one classic script
each (<entry>-offline.js, which the build makes when asked for classic scripts), because browsers do
not load ES modules from file://. Progress is kept in the browser as on the web site; search needs a
server and degrades to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..site.config import Configuration
from ..source.errors import ExportError
from ..source.validate import Validation
from .packaging import relative_build, unsafe_urls, write_zip


@dataclass(frozen=True, slots=True)
class OfflinePackage:
    files: int


def export_offline(config: Configuration, validation: Validation, out: Path) -> OfflinePackage:
    """Write the offline zip of a validated course to `out`."""
    with relative_build(config, validation, scripts="classic") as site:
        problems = [p for p in unsafe_urls(site) if "from the server's root" in p]
        if problems:
            raise ExportError("these links would break when opened from a file:\n  " + "\n  ".join(problems))
        names = write_zip(site, out)
    return OfflinePackage(files=len(names))
