"""Debian's Chromium for the package tests, one per test module (Playwright allows one instance at a time
in a process, and tests/browser keeps its own while its tests run)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.browser import launched_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched
