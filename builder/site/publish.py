"""Builds as transactions: render into a temporary folder, then swap it in.

A failed or interrupted build leaves the previous site untouched; a lock file stops
two builds of the same project from racing each other.

How a build of `site/` runs, and what a kill (even SIGKILL) at any moment leaves:

1. take the lock `.site.lock` beside `site/` (flock: the kernel releases it when a process dies,
   so a killed build never leaves the lock held);
2. remove what killed builds left behind (`.site-build-*`, `.site-old-*`): while we hold the
   lock no other build of this site runs, so every such folder belongs to a build that is gone;
3. build into a new `.site-build-XXXXXXXX` folder; killed here, `site/` is the previous site;
4. swap the two folders in one atomic rename (Linux renameat2 RENAME_EXCHANGE): `site/` is at
   every instant either the complete previous site or the complete new one;
5. remove the previous site (now in the build folder); killed here, the next build removes it.

Where RENAME_EXCHANGE is not available the swap takes two renames; a kill between them leaves
the previous site in `.site-old-*` and the next build puts it back before doing anything else.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_TEMP_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
"""The characters of the 8-character random part of tempfile.mkdtemp names."""


@contextlib.contextmanager
def site_transaction(site_dir: Path) -> Iterator[Path]:
    """Yield an empty folder beside `site_dir`; on success it replaces `site_dir`, else it is removed."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = site_dir.parent / f".{site_dir.name}.lock"
    with open(lock_path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        recover(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
        try:
            yield staging
            _swap_in(staging, site_dir)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)


def recover(site_dir: Path) -> list[Path]:
    """Clean up after builds of `site_dir` that were killed; call only while holding its lock.

    Puts the previous site back if a kill came between the two renames of a fallback swap, then
    removes every leftover build folder. Returns the folders removed.
    """
    old = leftovers(site_dir, "old")
    if old and not os.path.lexists(site_dir):
        os.rename(old.pop(), site_dir)  # the previous complete site
    removed = [*leftovers(site_dir, "build"), *old]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed


def leftovers(site_dir: Path, kind: str) -> list[Path]:
    """Folders named exactly like this site's temporary `kind` ("build" or "old") folders.

    The name must be the prefix plus mkdtemp's 8 random characters, so the folders of another
    site in the same parent (say `site-build/`, whose folders are `.site-build-build-*`) never match.
    """
    prefix = f".{site_dir.name}-{kind}-"
    found = []
    try:
        children = list(site_dir.parent.iterdir())
    except OSError:
        return []
    for child in children:
        suffix = child.name[len(prefix) :]
        if (
            child.name.startswith(prefix)
            and len(suffix) == 8
            and set(suffix) <= _TEMP_NAME_CHARS
            and child.is_dir()
            and not child.is_symlink()
        ):
            found.append(child)
    return sorted(found, key=lambda folder: folder.stat().st_mtime_ns)


def _swap_in(staging: Path, site_dir: Path) -> None:
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a published site is not
    if not site_dir.exists():
        os.rename(staging, site_dir)
        return
    if _exchange(staging, site_dir):
        return  # staging now holds the old site and is removed by the caller
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
    os.rmdir(old)
    os.rename(site_dir, old)
    os.rename(staging, site_dir)
    os.rename(old, staging)  # removed by the caller; an `old` folder is thus always a complete site


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result: int = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
