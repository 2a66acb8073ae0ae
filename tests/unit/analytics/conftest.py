"""The fixture course `full` (every question type and a role-play), loaded once for the analytics tests."""

from __future__ import annotations

import pytest

from builder.source.model import Course
from tests.support.paths import FIXTURES
from tests.support.projects import project_at, valid_course

BASE = "https://courses.example.org/fixture"


@pytest.fixture(scope="session")
def course() -> Course:
    return valid_course(project_at(FIXTURES / "full"))
