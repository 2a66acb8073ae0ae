"""Run a MkDocs build of a course project, for `course build` and the exporters.

A build starts from the configuration the command loaded (config.py) and the validation it already
made, which the plugin takes over instead of reading the sources again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from ..source.errors import SiteBuildError
from ..source.validate import Validation
from .config import Configuration
from .publish import site_transaction


def build_site(
    config: Configuration, validation: Validation, site_dir: Path | None = None, *, strict: bool = False
) -> Path:
    """Build and publish the site as one transaction; returns where it was published."""
    target = (site_dir or Path(config.mkdocs.site_dir)).resolve()
    with site_transaction(target) as staging:
        _run(config, validation, staging, strict=strict)
    return target


def build_into(
    config: Configuration, validation: Validation, folder: Path, *, directory_urls: bool, scripts: str
) -> None:
    """Build the site into `folder` (which should be empty), with folder URLs (page/) or file URLs (page.html),
    and the learners' scripts as ES modules or classic scripts (`scripts`, see CourseRenderer)."""
    config.mkdocs["use_directory_urls"] = directory_urls
    config.plugin.scripts = scripts
    _run(config, validation, folder)


def _run(config: Configuration, validation: Validation, folder: Path, *, strict: bool = False) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    config.mkdocs["site_dir"] = str(folder)
    config.mkdocs["strict"] = strict
    config.plugin.validation = validation
    try:
        config.mkdocs.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config.mkdocs)
        finally:
            config.mkdocs.plugins.on_shutdown()
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    except SystemExit as exc:  # MkDocs' Abort, raised after it logged the reason
        raise SiteBuildError(str(exc) or "MkDocs stopped the build") from None


PREVIEW_POLLING_S = 0.2
"""How often the preview looks for saved files. MkDocs' server looks every 0.5 s, which was most of the time from a
save to the page on a small course once rebuilds built only what changed; a look is a listing of the source
folders (a few milliseconds for a thousand lessons)."""


def serve_preview(config_file: str | None, dev_addr: str) -> None:
    """MkDocs' own server and live reload, with dirty rebuilds (the plugin builds only what an edit affects,
    site/preview.py) and a shorter look for changes (PREVIEW_POLLING_S). Returns when the server is stopped."""
    from mkdocs.commands import serve
    from mkdocs.livereload import LiveReloadServer

    class QuickerLook(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **{"polling_interval": PREVIEW_POLLING_S, **kwargs})

    # MkDocs' serve() makes its server with no way to set how often it looks: give it this one for the call
    original = getattr(serve, "LiveReloadServer")  # noqa: B009 - not exported by the module, but its name there
    setattr(serve, "LiveReloadServer", QuickerLook)  # noqa: B010
    try:
        serve.serve(config_file=config_file, dev_addr=dev_addr, livereload=True, build_type="dirty")
    finally:
        setattr(serve, "LiveReloadServer", original)  # noqa: B010


class _MkDocsFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"{record.levelname.lower()}: {message}"
        return message


class _NoDirtyBuildWarning(logging.Filter):
    """MkDocs warns at every dirty build that its navigation may be wrong; the course's preview builds the pages
    a change affects and the whole site when the navigation changes (site/preview.py), so the warning is wrong."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def show_mkdocs_messages(level: int = logging.WARNING, *, previewing: bool = False) -> None:
    """Print MkDocs' log as plain lines on stderr (MkDocs' own CLI would do this for `mkdocs build`)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_MkDocsFormatter())
    if previewing:
        handler.addFilter(_NoDirtyBuildWarning())
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
