"""Run a MkDocs build of a course project, for `course build` and the exporters.

Everything MkDocs-specific about running a build lives here and in plugin.py.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from .publish import site_transaction


class SiteBuildError(Exception):
    """MkDocs stopped the build; the message says why (MkDocs has already logged details)."""


def build_into(config_file: Path, folder: Path, *, strict: bool = False, **overrides: Any) -> None:
    """Build the site into `folder` (which should be empty), with config options overridden."""
    _run(_load(config_file, strict=strict, site_dir=str(folder), **overrides))


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = False) -> Path:
    """Build and publish the site as one transaction; returns where it was published."""
    config = _load(config_file, strict=strict)
    target = (site_dir or Path(config.site_dir)).resolve()
    with site_transaction(target) as staging:
        config.site_dir = str(staging)
        _run(config)
    return target


def _load(config_file: Path, **options: Any) -> Any:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        return load_config(config_file=str(config_file), **options)
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    except SystemExit as exc:
        raise SiteBuildError(str(exc) or "MkDocs could not read its configuration") from None


def _run(config: Any) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise SiteBuildError(str(exc)) from None
    except SystemExit as exc:  # MkDocs' Abort, raised after it logged the reason
        raise SiteBuildError(str(exc) or "MkDocs stopped the build") from None


class _MkDocsFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"{record.levelname.lower()}: {message}"
        return message


def show_mkdocs_messages(level: int = logging.WARNING) -> None:
    """Print MkDocs' log as plain lines on stderr (MkDocs' own CLI would do this for `mkdocs build`)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_MkDocsFormatter())
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False
