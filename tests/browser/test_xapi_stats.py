"""End to end: 20 learners (separate browser profiles) take a quiz in Chromium in a planned pattern, their
statements reach Ralph, and `course stats` reads them back from it: exactly the planned facility per question,
and a negative discrimination for the question only the weakest learners get right."""

from __future__ import annotations

import json

from tests.browser.test_xapi import STATE_KEY, build_with_xapi
from tests.support.browser import RIGHT, WRONG, Site, answer, check, open_page
from tests.support.cli import run_course
from tests.support.lrs import READER, running_ralph
from tests.support.net import free_port

LEARNERS = 20
PLAN = {
    "short-one": range(0, 16),  # right for learners 0-15: facility 0.8
    "order-two": range(0, 12),  # 0-11: 0.6
    "match-three": range(14, 20),  # 14-19, who get least of the rest right: 0.3, and a negative discrimination
}


def test_course_stats_reports_the_planned_facility_and_a_negative_discrimination(browser, tmp_path):
    (tmp_path / "site").mkdir()
    site = Site(tmp_path / "site")
    port = free_port()
    build_with_xapi(tmp_path, tmp_path / "site", f"http://127.0.0.1:{port}/xAPI/")
    try:
        with running_ralph(tmp_path / "ralph", [site.base.rstrip("/")], port=port) as ralph:
            for n in range(LEARNERS):
                context = browser.new_context()
                page = context.new_page()
                try:
                    open_page(page, site, "beta/")
                    answers = {q: (RIGHT if n in PLAN[q] else WRONG)["beta-check"][q] for q in PLAN}
                    answer(page, "beta-check", answers)
                    check(page, "beta-check")
                    page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
                finally:
                    context.close()
            result = run_course(
                "stats", "--lrs", ralph.endpoint, "--lrs-user", READER.username, "--lrs-password", READER.password,
                "--format", "json", cwd=tmp_path / "project", check=True,
            )  # fmt: skip
            text = run_course(
                "stats", "--lrs", ralph.endpoint, "--lrs-user", READER.username, "--lrs-password", READER.password,
                cwd=tmp_path / "project", check=True,
            ).stdout  # fmt: skip
    finally:
        site.close()
    report = json.loads(result.stdout)
    (quiz,) = [q for q in report["quizzes"] if q["id"] == "beta-check"]
    assert quiz["attempts"] == LEARNERS
    questions = {q["id"]: q for q in quiz["questions"]}
    for question_id, right in PLAN.items():
        assert questions[question_id]["attempts"] == LEARNERS
        assert questions[question_id]["facility"] == len(right) / LEARNERS
    assert questions["match-three"]["discrimination"] < 0
    flagged = [line for line in text.splitlines() if "[negative-discrimination]" in line]
    assert any(line.strip().startswith("quizzes/beta-check.yml:") and "match-three" in line for line in flagged), text
    print(text)  # for the closing note: `pytest -s`
