"""The `xapi` option (docs/xapi.md): its validation, the settings pages carry, and the activities a quiz carries."""

from __future__ import annotations

import base64
import json

import pytest
from mkdocs.config.base import ValidationError

from builder.site.config import XapiOption
from builder.site.xapi import quiz_activities, settings_from
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at

GOOD = {"endpoint": "https://lrs.example.org/xAPI", "username": "course", "password": "s3cret"}


def test_the_option_is_off_when_absent_and_keeps_what_a_trainer_wrote():
    option = XapiOption()
    assert option.run_validation(None) == {} and option.run_validation({}) == {}
    assert option.run_validation({**GOOD, "activity_base": " https://courses.example.org/ics "})["activity_base"] == (
        "https://courses.example.org/ics"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://lrs.example.org", "should be a group of lines"),
        ({"username": "u", "password": "p"}, "needs `endpoint`"),
        ({**GOOD, "endpoint": "lrs.example.org/xAPI"}, "endpoint should be an http:// or https:// address"),
        ({"endpoint": GOOD["endpoint"], "username": "u"}, "needs the course's write-only credentials"),
        ({**GOOD, "token": "abc"}, "either `token` or `username` and `password`"),
        ({**GOOD, "endpiont": "x"}, "unknown key 'endpiont' (did you mean 'endpoint'?)"),
    ],
)
def test_the_option_refuses_what_cannot_work_saying_why(value, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        XapiOption().run_validation(value)


def test_settings_send_basic_credentials_and_take_the_course_address_from_the_option_or_the_site():
    settings = settings_from(GOOD, "https://courses.example.org/ics/")
    assert settings is not None
    assert settings.endpoint == "https://lrs.example.org/xAPI/"
    assert base64.b64decode(settings.authorization.removeprefix("Basic ")) == b"course:s3cret"
    assert settings.base == "https://courses.example.org/ics"
    token = settings_from(
        {"endpoint": GOOD["endpoint"], "token": "dG9rZW4=", "activity_base": "https://a.example/c"}, None
    )
    assert token is not None and (token.authorization, token.base) == ("Basic dG9rZW4=", "https://a.example/c")
    assert settings_from({}, "https://courses.example.org") is None


def test_quiz_activities_name_questions_by_the_course_address_with_their_definitions():
    course, _ = load(project_at(FIXTURES / "full"))
    settings = settings_from(GOOD, "https://courses.example.org/ics")
    assert settings is not None
    activities = json.loads(quiz_activities(settings, course, course.quizzes["beta-check"], lambda text: text))
    assert activities["id"] == "https://courses.example.org/ics/quizzes/beta-check"
    questions = activities["questions"]
    assert questions["order-two"]["id"] == activities["id"] + "/questions/order-two"
    ordering = questions["order-two"]["definition"]
    assert ordering["interactionType"] == "sequencing" and ordering["correctResponsesPattern"] == ["a[,]b[,]c"]
    assert [c["id"] for c in ordering["choices"]] == ["a", "b", "c"]
    assert len(questions["order-two"]["tokens"]) == 3
    fill_in = questions["short-one"]["definition"]
    assert fill_in["interactionType"] == "fill-in" and "choices" not in fill_in


def test_a_quiz_page_carries_its_activities_obscured_like_its_answer_key():
    """The activities name the right answers (correct-response patterns, accepted short answers): the page source
    must not show them, as it does not show the answer key (docs/security.md)."""
    import html as html_module
    import re

    from builder.site.render import CourseRenderer, course_pages, restore_deferred
    from builder.source.scoring import obscure

    course, _ = load(project_at(FIXTURES / "full"))
    assert course is not None
    settings = settings_from(GOOD, "https://courses.example.org/fixture")
    assert settings is not None
    renderer = CourseRenderer(course, xapi=settings)
    spec = next(spec for spec in course_pages(course) if spec.ref == "beta")
    rendered = renderer.render(spec)
    page = restore_deferred(rendered.html, rendered.deferred)
    assert "internal customer" not in page.lower()
    found = re.search(r'data-xapi="([^"]+)"', page)
    assert found is not None
    activities = json.loads(obscure(html_module.unescape(found.group(1))))
    expected = json.loads(quiz_activities(settings, course, course.quizzes["beta-check"], renderer.text.plain))
    assert activities == expected
    assert any("internal customer" in json.dumps(question).lower() for question in activities["questions"].values())
