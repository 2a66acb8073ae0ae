"""What the SCORM package reports to the LMS, for SCORM 1.2 and 2004, through scorm-again's real runtime for each
version in Debian's Chromium: statuses, scores, one interaction per question of each checked attempt (with valid
types, responses, patterns and results), the objectives, the commit order, resuming, and `report_failed`."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from builder.exporters.suspend import MAX_WRITTEN, course_map, encode
from tests.support.browser import (
    RIGHT,
    WRITTEN_CHECKLIST,
    WRITTEN_PROMPT,
    WRONG,
    Site,
    as_numeric_course,
    as_written_course,
)
from tests.support.lms import Launch, resume_seed, scorm_package
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at

VERSIONS = ["1.2", "2004"]
QUIZ_PAGES = [
    ("alpha/index.html", "alpha-check"),
    ("beta/index.html", "beta-check"),
    ("final-check/index.html", "final-check"),
]
TYPES = {
    "1.2": {"true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"},
    "2004": {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert",
             "numeric", "other"},
}  # fmt: skip
RESULTS = {"1.2": ("correct", "wrong"), "2004": ("correct", "incorrect")}
ISO_DURATION = re.compile(r"^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)$")
TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")  # scorm-again keeps hours as 2 digits


def served(tmp_path_factory, name: str, version: str, change=None):
    """The fixture course (changed by `change`) exported for `version` and served; with its course map."""
    root = tmp_path_factory.mktemp(name)
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    if change:
        change(project)
    site = Site(scorm_package(project, root, version))
    course, _ = load(project_at(project))
    return site, course_map(course, version)


@pytest.fixture(scope="module", params=VERSIONS)
def package(request, tmp_path_factory):
    version = request.param
    site, cmap = served(tmp_path_factory, f"lms-{version.replace('.', '')}", version)
    yield version, site, cmap
    site.close()


def interactions(launch: Launch) -> list[dict]:
    """The interactions the runtime holds, in order, each with its correct_responses as a list of patterns."""
    held = launch.cmi()["cmi"]["interactions"]
    found = []
    for key in sorted(held, key=int):
        item = dict(held[key])
        responses = item.pop("correct_responses", {}) or {}
        item["patterns"] = [responses[n]["pattern"] for n in sorted(responses, key=int)]
        found.append(item)
    return found


def objectives(launch: Launch) -> dict[str, dict]:
    held = launch.cmi()["cmi"]["objectives"]
    return {held[key]["id"]: held[key] for key in held}


def status(launch: Launch) -> tuple[str, ...]:
    if launch.version == "2004":
        return (launch.value("cmi.completion_status"), launch.value("cmi.success_status"))
    return (launch.value("cmi.core.lesson_status"),)


def score(launch: Launch) -> str:
    return launch.value("cmi.score.raw" if launch.version == "2004" else "cmi.core.score.raw")


def questions_by_id(cmap) -> dict[str, dict]:
    return {f"{quiz['id']}/{q['id']}": q for quiz in cmap["quizzes"] for q in quiz["questions"]}


def test_scorm_failing_then_passing_reports_statuses_scores_interactions_and_objectives(browser, package):
    version, site, cmap = package
    response = "learner_response" if version == "2004" else "student_response"
    launch = Launch(browser, site, version=version)
    try:
        assert status(launch)[0] == "incomplete"
        for path, quiz_id in QUIZ_PAGES:  # every answer wrong
            assert launch.take(path, quiz_id, WRONG[quiz_id])["score"] == "0"
        launch.wait_for_value("cmi.score.raw" if version == "2004" else "cmi.core.score.raw", "0")
        assert status(launch) == (("incomplete", "unknown") if version == "2004" else ("incomplete",))
        for path, quiz_id in QUIZ_PAGES:  # then every answer right
            assert launch.take(path, quiz_id, RIGHT[quiz_id])["passed"] == "true"
        launch.wait_for_value("cmi.success_status" if version == "2004" else "cmi.core.lesson_status", "passed")
        assert status(launch) == (("completed", "passed") if version == "2004" else ("passed",))
        assert score(launch) == "100"
        if version == "2004":
            assert launch.value("cmi.score.scaled") == "1"
            assert launch.value("cmi.score.min") == "0" and launch.value("cmi.score.max") == "100"

        # one interaction per question of each checked attempt: the failing ones first, then the passing ones
        expected = questions_by_id(cmap)
        held = interactions(launch)
        assert [i["id"] for i in held] == list(expected) * 2
        assert [i["result"] for i in held] == [RESULTS[version][1]] * len(expected) + ["correct"] * len(expected)
        for item in held:
            question = expected[item["id"]]
            assert item["type"] == question["type"] and item["type"] in TYPES[version]
            assert item["patterns"] == question["patterns"] and item["patterns"]
            assert float(item["weighting"]) == question["weight"]
            assert item["objectives"]["0"]["id"] == question["objective"]
            assert item[response], item
            latency = item["latency"]
            assert (ISO_DURATION if version == "2004" else TIMESPAN_12).match(latency), latency
        passing = {i["id"]: i for i in held[len(expected) :]}
        for key, item in passing.items():  # a right answer is the right pattern, in the learner's own words
            if item["type"] == "fill-in":
                assert item[response] == "Internal customer"
            elif version == "1.2" and item["type"] == "choice" and item["patterns"][0].startswith("{"):
                assert "{" + item[response] + "}" == item["patterns"][0]  # a set of right options
            else:
                assert item[response] == item["patterns"][0], key
        failing = {i["id"]: i[response] for i in held[: len(expected)]}
        assert failing["alpha-check/multiple-two"] == ("a[,]b" if version == "2004" else "a,b")  # Apple and Carrot
        assert failing["final-check/f1"] == ("false" if version == "2004" else "f")
        assert failing["beta-check/order-two"] == ("b[,]a[,]c" if version == "2004" else "b,a,c")
        if version == "2004":
            assert passing["final-check/f2"]["description"] == "Pick B."
            assert all(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", i["timestamp"]) for i in held)
        else:
            assert all(re.match(r"^\d\d:\d\d:\d\d$", i["time"]) for i in held)
        assert launch.refused() == []  # the runtime took every value as valid

        # each assessed objective: passed at 100, from the latest attempts
        found = objectives(launch)
        assert sorted(found) == sorted(cmap["objectives"])
        for objective in found.values():
            assert objective["score"]["raw"] in ("100", 100)
            if version == "2004":
                assert objective["success_status"] == "passed" and objective["completion_status"] == "completed"
            else:
                assert objective["status"] == "passed"

        # the change to passed is committed on its own, and the score in a later commit
        log = [c for c in launch.page.evaluate("window.lmsCalls") if c[0] in ("set", "commit")]
        status_element = "cmi.success_status" if version == "2004" else "cmi.core.lesson_status"
        score_element = "cmi.score.raw" if version == "2004" else "cmi.core.score.raw"
        passed_at = next(i for i, c in enumerate(log) if c[1:] == [status_element, "passed"])
        before = max(i for i, c in enumerate(log[:passed_at]) if c[0] == "commit")
        assert not [c for c in log[before:passed_at] if c[1].startswith(score_element.rsplit(".", 1)[0])]
        assert log[passed_at + 1][0] == "commit"
        after = log[passed_at + 2 :]
        score_at = next(i for i, c in enumerate(after) if c[1:] == [score_element, "100"])
        assert all(c[0] == "set" for c in after[:score_at]) and "commit" in [c[0] for c in after[score_at:]]

        frame = launch.course_frame("final-check/index.html")
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        assert launch.value("cmi.suspend_data") == encode(stored, cmap)
        print(
            f"SCORM {version}: status {status(launch)}, score {score(launch)}, {len(held)} interactions, "
            f"{len(found)} objectives, suspend_data {len(launch.value('cmi.suspend_data'))} characters"
        )
        launch.leave()
        sets = launch.calls("set")
        assert [c[2] for c in sets if c[1] in ("cmi.exit", "cmi.core.exit")] == ["suspend"]
        (session,) = [c[2] for c in sets if c[1] in ("cmi.session_time", "cmi.core.session_time")]
        assert (ISO_DURATION if version == "2004" else TIMESPAN_12).match(session), session
    finally:
        launch.close()


def test_scorm_resume_in_a_fresh_profile_restores_progress_and_writes_no_interaction_twice(browser, package):
    version, site, _ = package
    first = Launch(browser, site, version=version)
    try:
        first.take("alpha/index.html", "alpha-check", RIGHT["alpha-check"])
        first.page.wait_for_function("window.lmsGet('cmi.interactions._count') === '3'")
        location = "cmi.location" if version == "2004" else "cmi.core.lesson_location"
        first.wait_for_value(location, "alpha/index.html")
        saved = first.value("cmi.suspend_data")
        assert len(interactions(first)) == 3
        first.leave()
    finally:
        first.close()
    second = Launch(browser, site, seed=resume_seed(version, saved, "alpha/index.html"), version=version)
    try:
        frame = second.course_frame("alpha/index.html")
        frame.locator('[data-quiz="alpha-check"] [data-quiz-result][data-score="100"]').wait_for()
        second.course_frame("beta/index.html")
        assert interactions(second) == []  # the first launch's attempt is the LMS's already
        second.take("beta/index.html", "beta-check", RIGHT["beta-check"])
        second.page.wait_for_function("window.lmsGet('cmi.interactions._count') === '3'")
        assert [i["id"].split("/")[0] for i in interactions(second)] == ["beta-check"] * 3
        assert second.refused() == []
    finally:
        second.close()


def with_final_attempts(report_failed: bool | None):
    def change(project):
        quiz = project / "quizzes" / "final-check.yml"
        quiz.write_text(quiz.read_text().replace("questions:\n", "attempts: 2\nquestions:\n", 1))
        if report_failed is not None:
            config = project / "mkdocs.yml"
            config.write_text(
                config.read_text().replace(
                    "  - course\n", f"  - course:\n      report_failed: {str(report_failed).lower()}\n"
                )
            )

    return change


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("report_failed", [True, None])
def test_scorm_report_failed_reports_failed_once_the_final_attempts_are_used_up(
    browser, tmp_path_factory, version, report_failed
):
    site, cmap = served(tmp_path_factory, "failed", version, with_final_attempts(report_failed))
    launch_page = (site.root / "package" / "scorm-launch.html").read_text()
    packaged = json.loads(re.search(r'<script type="application/json" id="course-map">(.*?)</script>', launch_page)[1])
    assert packaged["reportFailed"] is bool(report_failed) and not cmap["reportFailed"]
    launch = Launch(browser, site, version=version)
    try:
        launch.take("final-check/index.html", "final-check", WRONG["final-check"])
        launch.page.wait_for_function("window.lmsGet('cmi.interactions._count') === '2'")
        assert status(launch)[0] == "incomplete"  # one attempt left
        frame = launch.course_frame("final-check/index.html")
        frame.locator('[data-quiz="final-check"] [data-quiz-retry]').click()
        launch.take("final-check/index.html", "final-check", WRONG["final-check"])
        launch.page.wait_for_function("window.lmsGet('cmi.interactions._count') === '4'")
        if report_failed:
            expected = ("completed", "failed") if version == "2004" else ("failed",)
        else:
            expected = ("incomplete", "unknown") if version == "2004" else ("incomplete",)
        assert status(launch) == expected
        assert launch.refused() == []
    finally:
        launch.close()
        site.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_scorm_written_and_numeric_answers_become_interactions_in_each_versions_format(
    browser, tmp_path_factory, version
):
    """A written answer compared with the model answer is one unscored interaction (2004 long-fill-in, 1.2
    performance); a number typed with a decimal comma (a French course) is a real number in the response."""

    def change(project):
        as_numeric_course(project)
        as_written_course(project)

    site, cmap = served(tmp_path_factory, "written-numeric", version, change)
    long_text = "Merci Sam, je t'envoie les chiffres avant 15 h. " * 60  # beyond 1.2's budget, within 2004's
    launch = Launch(browser, site, version=version)
    try:
        answers = {**RIGHT["beta-check"], "short-one": "1 000,5"}
        assert launch.take("beta/index.html", "beta-check", answers)["correct"]["short-one"] == "true"
        frame = launch.course_frame("beta/index.html")
        written = frame.locator('[data-question="write-four"]')
        written.get_by_role("textbox", name=WRITTEN_PROMPT).fill(long_text)
        written.get_by_role("button", name="Comparer").click()
        written.get_by_role("checkbox", name=WRITTEN_CHECKLIST[0]).check()
        launch.page.wait_for_function("window.lmsGet('cmi.interactions._count') === '4'")
        held = {i["id"]: i for i in interactions(launch)}
        response = "learner_response" if version == "2004" else "student_response"
        numeric = held["beta-check/short-one"]
        assert (numeric["type"], numeric[response], numeric["result"]) == ("numeric", "1000.5", "correct")
        assert numeric["patterns"] == (["1000.5[:]1000.5"] if version == "2004" else ["1000.5"])
        essay = held["beta-check/write-four"]
        assert essay["type"] == ("long-fill-in" if version == "2004" else "performance")
        assert essay["result"] == "neutral" and essay["patterns"] == []
        assert essay[response] == long_text.strip()[: 4000 if version == "2004" else 255]
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        launch.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        kept = json.loads(launch.value("cmi.suspend_data"))[6][0][0]
        if version == "2004":  # 64,000 characters of suspend_data keep more than 1.2's most
            assert kept == long_text and len(long_text) > MAX_WRITTEN["1.2"]
        else:
            assert len(kept) <= cmap["writtenBudget"] < len(long_text)
        assert launch.refused() == []
    finally:
        launch.close()
        site.close()


def test_scorm_an_lms_without_interactions_gets_none_and_everything_else(browser, package):
    """SCORM lets an LMS keep no interactions or objectives: the launch page asks first (`_children`) and writes
    none there, while status, score and suspend_data are reported as everywhere."""
    version, site, _ = package
    launch = Launch(browser, site, version=version, without="interactions")
    try:
        for path, quiz_id in QUIZ_PAGES:
            assert launch.take(path, quiz_id, RIGHT[quiz_id])["passed"] == "true"
        launch.wait_for_value("cmi.success_status" if version == "2004" else "cmi.core.lesson_status", "passed")
        assert score(launch) == "100" and launch.value("cmi.suspend_data")
        assert not [c for c in launch.calls("set") if c[1].startswith(("cmi.interactions.", "cmi.objectives."))]
    finally:
        launch.close()
