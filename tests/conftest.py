"""Fixtures every test folder may use; helpers live in tests/support/."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES


@pytest.fixture
def course_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a fixture course (by name) into a fresh temporary folder and return its path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy
