"""The report's four formats: the JSON shape scripts rely on, and the text, Markdown and HTML a trainer reads."""

from __future__ import annotations

import json
import re

import pytest

from builder.analytics.activity_ids import ActivityIds
from builder.analytics.item_analysis import CourseStats, analyse
from builder.analytics.stats_report import render_stats
from builder.source.model import Course
from tests.support.xapi_statements import attempt_statements, role_play_statements

from .conftest import BASE


@pytest.fixture(scope="module")
def stats(course: Course) -> CourseStats:
    alpha = {f"learner-{i}": {"single-one": i < 4, "multiple-two": i >= 2, "tf-three": True} for i in range(6)}
    beta = {f"learner-{i}": {"short-one": i < 2, "order-two": True} for i in range(3)}
    statements = [
        *attempt_statements(course, BASE, "alpha-check", alpha),
        *attempt_statements(course, BASE, "beta-check", beta),
        *role_play_statements(course, BASE, "desk-visit", "learner-1", [0, 0]),
    ]
    return analyse(course, ActivityIds.under(BASE), statements)


def test_stats_report_json_has_the_agreed_shape(stats: CourseStats):
    data = json.loads(render_stats(stats, "json"))
    assert [q["id"] for q in data["quizzes"]] == ["alpha-check", "beta-check", "final-check"]
    alpha = data["quizzes"][0]
    assert {"id", "attempts", "questions"} <= set(alpha) and alpha["attempts"] == 6
    single = alpha["questions"][0]
    assert {"id", "attempts", "facility", "discrimination", "options"} <= set(single)
    assert (single["id"], single["attempts"], single["facility"]) == ("single-one", 6, 0.667)
    assert (single["file"], single["line"], single["col"]) == ("quizzes/alpha-check.yml", 4, 5)
    assert single["options"] == {"a (Green)": 2, "b (Blue)": 4, "c (Red)": 0}
    assert isinstance(single["discrimination"], float)
    assert alpha["questions"][2]["discrimination"] is None  # everyone right: undefined
    assert data["quizzes"][2] == {**data["quizzes"][2], "attempts": 0, "mean_score": None}
    assert data["role_plays"] == [
        {
            "id": "desk-visit",
            "title": "A visit to your desk",
            "file": "quizzes/desk-visit.yml",
            "plays": 1,
            "endings": {"good-end": 1, "mixed-end": 0, "bad-end": 0},
            "mean_scores": {"caring": 2.0, "competency": 2.0, "integrity": 2.0},
        }
    ]


def test_stats_report_text_names_each_flag_at_its_question(stats: CourseStats):
    text = render_stats(stats, "text")
    assert "alpha-check (Alpha check): 6 attempts, mean score 75%, 4 passed" in text
    assert "  single-one: a (Green): 2, b (Blue) (right): 4, c (Red): 0" in text
    assert (
        "  quizzes/alpha-check.yml:4:5: alpha-check/single-one: nobody chose the wrong option c (Red) in 6 attempts; "
        "replace it with a mistake learners really make, or remove it [unpicked-distractor]"
    ) in text
    assert "  too few attempts to flag (under 5): short-one (3), order-two (3)" in text
    assert "corrected point-biserial" in text
    assert "desk-visit (A visit to your desk): 1 play reached an ending: good-end 1, mixed-end 0, bad-end 0" in text


def test_stats_report_markdown_has_a_table_per_quiz(stats: CourseStats):
    markdown = render_stats(stats, "markdown")
    assert "## Alpha check (`alpha-check`)" in markdown
    assert "| `single-one` (quizzes/alpha-check.yml:4:5) | single | 6 | 0.67 |" in markdown
    assert "| A visit to your desk (`desk-visit`) | 1 | good-end 1, mixed-end 0, bad-end 0 |" in markdown


def test_stats_report_html_draws_accessible_charts_and_loads_nothing(stats: CourseStats):
    html = render_stats(stats, "html")
    quizzes, answered_questions = 3, 5  # final-check has no attempts, so no option chart for its questions
    charts = re.findall(r"<svg\b[^>]*>", html)
    assert len(charts) == 2 * quizzes + answered_questions
    assert all('role="img"' in svg and "aria-label=" in svg for svg in charts)
    assert html.count("<title>") == 1 + len(charts) + html.count("<g>")  # the page's, each chart's, each bar's
    assert 'aria-label="Facility of each question of Alpha check"' in html
    assert re.findall(r"https?://[^\s\"'<)]+", html) == [BASE]  # the course IRI in the headline, nothing loaded
    assert not re.search(r"\b(src|href)=|<script|url\(", html)
    assert '<th scope="row">single-one</th><td>single</td><td class="number">6</td>' in html
