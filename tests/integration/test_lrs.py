"""Ralph as the tests run it (tests/support/lrs.py): a real LRS on 127.0.0.1 that stores valid xAPI statements,
refuses invalid ones, keeps one copy of a statement sent twice, and enforces the write-only scope the course's
credentials have."""

from __future__ import annotations

import urllib.error
import uuid

import pytest

from tests.support.lrs import READER, WRITER, running_ralph


def statement(**changes) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "account": {"homePage": "https://courses.example.org/ics", "name": "l1"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": "https://courses.example.org/ics/quizzes/q/questions/a"},
        "timestamp": "2026-12-04T10:00:00Z",
        **changes,
    }


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    with running_ralph(tmp_path_factory.mktemp("ralph")) as lrs:
        yield lrs


def test_ralph_stores_valid_statements_once_and_refuses_invalid_ones(ralph):
    first = statement()
    assert ralph.post([first]) == 200
    assert ralph.post([first]) in (200, 204, 409)  # the same id again: not stored twice
    assert [s["id"] for s in ralph.statements(statementId=first["id"])] == [first["id"]]
    invalid = statement(actor={"mbox": "not-an-address"})
    assert ralph.post([invalid]) >= 400
    assert ralph.statements(statementId=invalid["id"]) == []


def test_ralph_gives_the_course_credentials_no_read_access(ralph):
    with pytest.raises(urllib.error.HTTPError) as refused:
        ralph.statements(WRITER)
    assert refused.value.code in (401, 403)
    assert ralph.statements(READER) != []


def test_ralph_finds_a_courses_statements_by_activity_and_related_activities(ralph):
    """What `course stats --lrs` asks for: every statement whose object or context names the course."""
    course = "https://courses.example.org/related"
    grouped = statement(
        object={"objectType": "Activity", "id": f"{course}/quizzes/q/questions/b"},
        context={"contextActivities": {"grouping": [{"objectType": "Activity", "id": course}]}},
    )
    other = statement(object={"objectType": "Activity", "id": "https://courses.example.org/elsewhere"})
    assert ralph.post([grouped, other]) == 200
    assert [s["id"] for s in ralph.statements(activity=course, related_activities="true")] == [grouped["id"]]
    assert ralph.statements(activity=course) == []  # not related: only statements whose object is the course
    assert [s["id"] for s in ralph.statements(verb="http://adlnet.gov/expapi/verbs/answered") if s["id"] == other["id"]]
