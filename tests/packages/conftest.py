"""Debian's Chromium for the package tests, one per test module (Playwright allows one instance at a time
in a process, and tests/browser keeps its own while its tests run)."""

from __future__ import annotations

import os

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        assert os.environ.get("CI") != "true", f"{CHROMIUM} is missing under CI=true"
        pytest.skip(f"{CHROMIUM} not found")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
