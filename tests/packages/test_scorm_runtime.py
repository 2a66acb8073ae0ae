"""The SCORM package run inside scorm-again, a real SCORM 1.2 runtime, in Debian's Chromium."""

from __future__ import annotations

import json
import shutil
from urllib.parse import unquote, urlsplit

import pytest

from builder.exporters.suspend import MAX_WRITTEN, course_map, encode, written_text
from tests.support.browser import (
    RIGHT,
    WRITTEN_CHECKLIST,
    WRITTEN_MODEL,
    WRITTEN_PROMPT,
    WRONG,
    Site,
    answer,
    as_numeric_course,
    as_written_course,
    check,
    format_violations,
    outcome,
    run_axe,
)
from tests.support.cli import run_course
from tests.support.lms import Launch, scorm_package
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import load, project_at

STORAGE_KEY = "course-progress:fixture-course"


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The fixture course exported as SCORM, unzipped beside the harness page and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("lms")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    served = scorm_package(project, root)
    course, _ = load(project_at(project))
    site = Site(served)
    yield site, course_map(course)
    site.close()


def test_scorm_first_launch_sets_incomplete_and_initializes_once(browser, lms):
    site, _ = lms
    launch = Launch(browser, site)
    try:
        assert launch.value("cmi.core.lesson_status") == "incomplete"
        launch.course_frame("alpha/index.html")
        launch.course_frame("beta/index.html")
        assert len(launch.calls("initialize")) == 1
        assert launch.value("cmi.core.lesson_location") == "beta/index.html"
        assert launch.calls("finish") == []
        launch.leave()
        launch.page.wait_for_function("window.lmsCalls.some(c => c[0] === 'finish')")
        assert len(launch.calls("finish")) == 1
        session = [c for c in launch.calls("set") if c[1] == "cmi.core.session_time"]
        assert len(session) == 1 and session[0][2].startswith("0000:00:")
        assert all(urlsplit(url).hostname == "127.0.0.1" for url in launch.requests), launch.requests
    finally:
        launch.close()


def test_scorm_failing_then_passing_runs_report_score_and_status(browser, lms):
    site, cmap = lms
    launch = Launch(browser, site)
    try:
        # failing run: every quiz answered wrongly
        assert launch.take("alpha/index.html", "alpha-check", WRONG["alpha-check"])["score"] == "0"
        assert launch.take("final-check/index.html", "final-check", WRONG["final-check"])["passed"] == "false"
        launch.wait_for_value("cmi.core.score.raw", "0")
        assert launch.value("cmi.core.lesson_status") == "incomplete"
        assert launch.value("cmi.core.score.min") == "0" and launch.value("cmi.core.score.max") == "100"
        assert len(launch.calls("commit")) >= 3  # the first launch, then once per checked quiz
        # passing run
        for path, quiz_id in (
            ("alpha/index.html", "alpha-check"),
            ("beta/index.html", "beta-check"),
            ("final-check/index.html", "final-check"),
        ):
            assert launch.take(path, quiz_id, RIGHT[quiz_id])["passed"] == "true"
        launch.wait_for_value("cmi.core.lesson_status", "passed")
        assert launch.value("cmi.core.score.raw") == "100"
        statuses = [c[2] for c in launch.calls("set") if c[1] == "cmi.core.lesson_status"]
        assert "failed" not in statuses and statuses[-1] == "passed"
        # The change to "passed" is committed on its own, and the score in the next commit (Moodle updates
        # grade and completion only from a commit that changes the status: see scorm_launch.js `report`).
        log = [c for c in launch.page.evaluate("window.lmsCalls") if c[0] in ("set", "commit")]
        passed_at = next(i for i, c in enumerate(log) if c[1:] == ["cmi.core.lesson_status", "passed"])
        assert log[passed_at + 1][0] == "commit"
        after = log[passed_at + 2 :]
        score_at = next(i for i, c in enumerate(after) if c[1:] == ["cmi.core.score.raw", "100"])
        assert all(c[0] == "set" for c in after[:score_at]) and "commit" in [c[0] for c in after[score_at:]]
        last_commit = max(i for i, c in enumerate(log[:passed_at]) if c[0] == "commit")
        assert not [c for c in log[last_commit:passed_at] if c[1].startswith("cmi.core.score")]  # no score with it
        # suspend_data is the Python encoder's text for what the pages stored
        frame = launch.course_frame("final-check/index.html")
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
        assert launch.value("cmi.suspend_data") == encode(stored, cmap)
        assert len(launch.value("cmi.suspend_data")) <= 4096
    finally:
        launch.close()


def test_scorm_second_launch_resumes_from_suspend_data(browser, lms):
    site, _ = lms
    first = Launch(browser, site)
    try:
        first.take(
            "alpha/index.html",
            "alpha-check",
            {"single-one": "Blue", "multiple-two": ["Apple", "Carrot"], "tf-three": "True"},
        )
        before = outcome(first.course_frame("alpha/index.html"), "alpha-check")
        first.wait_for_value("cmi.core.lesson_location", "alpha/index.html")
        saved = first.value("cmi.suspend_data")
        assert saved
        first.leave()
        first.page.wait_for_function("window.lmsCalls.some(c => c[0] === 'finish')")
    finally:
        first.close()
    assert before["score"] == "50" and before["passed"] == "false"

    second = Launch(
        browser,
        site,
        seed={
            "suspend_data": saved,
            "core": {"lesson_status": "incomplete", "lesson_location": "alpha/index.html", "entry": "resume"},
        },
    )
    try:
        assert (
            second.launch_frame().evaluate("document.getElementById('course-frame').getAttribute('src')")
            == "alpha/index.html"
        )
        frame = second.course_frame("alpha/index.html")
        frame.locator('[data-quiz="alpha-check"] [data-quiz-result][data-score]').wait_for()
        assert outcome(frame, "alpha-check") == before
        question = frame.locator('[data-question="multiple-two"]')
        assert question.get_by_label("Apple", exact=True).is_checked()
        assert question.get_by_label("Carrot", exact=True).is_checked()
        assert not question.get_by_label("Pear", exact=True).is_checked()
    finally:
        second.close()


def test_scorm_numeric_answers_are_saved_as_typed_and_resumed(browser, tmp_path_factory):
    """A numeric question (in a French course: decimal comma) through the real SCORM runtime: the typed text
    goes into suspend_data exactly as the Python mirror encodes it, and comes back on the next launch."""
    root = tmp_path_factory.mktemp("numeric-lms")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    as_numeric_course(project)
    site = Site(scorm_package(project, root))
    course, _ = load(project_at(project))
    cmap = course_map(course)
    question = cmap["quizzes"][1]["questions"][0]
    assert (question["id"], question["encoding"], question["type"]) == ("short-one", "text", "numeric")
    first = Launch(browser, site)
    try:
        answers = {**RIGHT["beta-check"], "short-one": "1 000,5"}
        assert first.take("beta/index.html", "beta-check", answers)["correct"]["short-one"] == "true"
        frame = first.course_frame("beta/index.html")
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        first.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        saved = first.value("cmi.suspend_data")
    finally:
        first.close()
    assert '"1 000,5"' in saved
    second = Launch(
        browser, site, seed={"suspend_data": saved, "core": {"lesson_status": "incomplete", "entry": "resume"}}
    )
    try:
        frame = second.course_frame("beta/index.html")
        frame.locator('[data-quiz="beta-check"] [data-quiz-result][data-score]').wait_for()
        assert frame.locator('[data-question="short-one"] input').input_value() == "1 000,5"
        assert outcome(frame, "beta-check")["correct"]["short-one"] == "true"
    finally:
        second.close()
        site.close()


def test_scorm_manifest_lists_every_file_and_one_sco(lms, tmp_path):
    import xml.etree.ElementTree as ET

    site, _ = lms
    package = site.root / "package"
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    root = ET.parse(package / "imsmanifest.xml").getroot()
    assert root.find("cp:metadata/cp:schemaversion", ns).text == "1.2"
    assert len(root.findall("cp:organizations/cp:organization", ns)) == 1
    items = root.findall("cp:organizations/cp:organization/cp:item", ns)
    assert len(items) == 1 and items[0].get("identifierref") == "resource-1"
    resources = root.findall("cp:resources/cp:resource", ns)
    assert len(resources) == 1
    resource = resources[0]
    assert resource.get("type") == "webcontent"
    assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    assert resource.get("href") == "scorm-launch.html"
    listed = {unquote(f.get("href")) for f in resource.findall("cp:file", ns)}  # hrefs are percent-encoded URIs
    actual = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()} - {"imsmanifest.xml"}
    assert listed == actual
    for page in package.rglob("*.html"):
        text = page.read_text()
        assert 'href="/' not in text and 'src="/' not in text, page
        assert 'href="./"' not in text, page


def play(frame, labels: list[str]) -> None:
    """Play the fixture's role-play by the labels of the choices, pressing Continue after each."""
    root = frame.locator('[data-scenario="desk-visit"]')
    for label in labels:
        root.get_by_label(label, exact=True).check()
        root.get_by_role("button", name="Continue").click()


def test_scorm_role_play_is_saved_in_suspend_data_and_resumed(browser, lms):
    site, cmap = lms
    first = Launch(browser, site)
    try:
        frame = first.course_frame("beta/index.html")
        frame.locator('[data-scenario="desk-visit"][data-scenario-init]').wait_for()
        play(frame, ["Stop typing and listen", "Agree a time this afternoon and keep it"])
        player = frame.locator('[data-scenario="desk-visit"] [data-scenario-player]')
        assert player.get_attribute("data-scores") == "2 2 2"
        frame.get_by_role("button", name="Play again").click()
        play(frame, ["Keep typing while he talks"])  # the learner leaves mid-way through a second play
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", STORAGE_KEY))
        first.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        saved = first.value("cmi.suspend_data")
        (scenario,) = cmap["scenarios"]
        assert json.loads(saved)[3] == [
            [scenario["version"][:6], 1, [1], [scenario["nodes"].index("good-end"), 2, 2, 2]]
        ]
        first.leave()
        first.page.wait_for_function("window.lmsCalls.some(c => c[0] === 'finish')")
    finally:
        first.close()

    second = Launch(
        browser,
        site,
        seed={
            "suspend_data": saved,
            "core": {"lesson_status": "incomplete", "lesson_location": "beta/index.html", "entry": "resume"},
        },
    )
    try:
        frame = second.course_frame("beta/index.html")
        player = frame.locator('[data-scenario="desk-visit"] [data-scenario-player]')
        player.locator("legend").wait_for()
        assert player.get_attribute("data-node") == "typing"  # back where the learner left off
        progress = second.course_frame("progress/index.html")
        progress.locator("[data-scenario-progress][data-scenario-synced]").wait_for()
        row = progress.locator('[data-scenario-ref="desk-visit"]')
        assert row.locator("[data-scenario-plays]").inner_text() == "1"
        assert (
            row.locator("[data-scenario-result]").inner_text() == "Caring 2 of 2, Competency 2 of 2, Integrity 2 of 2"
        )
    finally:
        second.close()


# -- the bundled course's role-plays, in the built site and in its SCORM package --------------------


def extreme_paths(scenario) -> dict[str, tuple[list[int], str, list[int]]]:
    """The best and worst path of a role-play by total score: (choice positions, ending, scores)."""
    found = []

    def walk(node_id, path, scores):
        node = scenario.nodes[node_id]
        if node.is_ending:
            found.append((sum(scores), path, node_id, scores))
        for index, choice in enumerate(node.choices):
            walk(choice.next, [*path, index], [a + b for a, b in zip(scores, choice.scores, strict=True)])

    walk(scenario.start, [], [0] * len(scenario.dimensions))
    found.sort(key=lambda item: item[0])
    return {"worst": found[0][1:], "best": found[-1][1:]}


BUNDLED_ROLE_PLAYS = [
    ("soft-skills", "tense-interruption"),
    ("trust-model", "overloaded-request"),
    ("putting-it-into-practice", "clashing-deadlines"),
]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled course built as a site and exported as SCORM, both served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("bundled")
    project = root / "project"
    for name in ("content", "quizzes"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    served = scorm_package(project, root)
    run_course("build", "--site-dir", str(root / "site"), cwd=project, check=True)
    course, _ = load(project_at(project))
    site, lms = Site(root / "site"), Site(served)
    yield course, site, lms, course_map(course)
    site.close()
    lms.close()


def play_by_position(frame, scenario_id: str, path: list[int]) -> None:
    player = frame.locator(f'[data-scenario="{scenario_id}"] [data-scenario-player]')
    for index in path:
        player.locator("input[type=radio]").nth(index).check()
        player.get_by_role("button", name="Continue").click()


def assert_ending(frame, scenario, ending: str, scores: list[int]) -> None:
    player = frame.locator(f'[data-scenario="{scenario.id}"] [data-scenario-player]')
    player.locator(".course-scenario__scores").wait_for()
    assert player.get_attribute("data-node") == ending
    assert player.get_attribute("data-scores") == " ".join(map(str, scores))
    highs = [high for _, high in scenario.score_ranges()]
    for dimension, score, high in zip(scenario.dimensions, scores, highs, strict=True):
        assert f"{dimension.capitalize()}: {score} out of a best possible {high}" in player.inner_text()


@pytest.mark.parametrize("lesson, scenario_id", BUNDLED_ROLE_PLAYS)
def test_bundled_role_plays_reach_their_best_and_worst_endings_in_the_site(browser, bundled, lesson, scenario_id):
    course, site, _, _ = bundled
    scenario = course.scenarios[scenario_id]
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto(site.url(f"{lesson}/"))
        violations = run_axe(page)
        assert violations == [], format_violations(violations)
        for path, ending, scores in extreme_paths(scenario).values():
            play_by_position(page, scenario_id, path)
            assert_ending(page, scenario, ending, scores)
            violations = run_axe(page)
            assert violations == [], format_violations(violations)
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            page.get_by_role("button", name="Play again").click()
        page.goto(site.url("progress/"))
        page.locator("[data-scenario-progress][data-scenario-synced]").wait_for()
        row = page.locator(f'[data-scenario-ref="{scenario_id}"]')
        assert row.locator("[data-scenario-plays]").inner_text() == "2"
        best = extreme_paths(scenario)["best"][2]
        highs = [high for _, high in scenario.score_ranges()]
        assert row.locator("[data-scenario-result]").inner_text() == ", ".join(
            f"{d.capitalize()} {s} of {h}" for d, s, h in zip(scenario.dimensions, best, highs, strict=True)
        )
    finally:
        page.close()


def test_bundled_role_plays_play_in_the_scorm_package(browser, bundled):
    course, _, lms, cmap = bundled
    launch = Launch(browser, lms)
    try:
        for lesson, scenario_id in BUNDLED_ROLE_PLAYS:
            scenario = course.scenarios[scenario_id]
            frame = launch.course_frame(f"{lesson}/index.html")
            path, ending, scores = extreme_paths(scenario)["best"]
            play_by_position(frame, scenario_id, path)
            assert_ending(frame, scenario, ending, scores)
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        launch.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        saved = json.loads(launch.value("cmi.suspend_data"))
        assert [entry[1] for entry in saved[3]] == [1, 1, 1]  # one play of each, in course order
    finally:
        launch.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_bundled_course_pages_pass_axe(browser, bundled, width):
    """Every page of the bundled course, with its own text (the fixture courses are checked in tests/browser)."""
    _, site, _, _ = bundled
    pages = sorted(file.parent.relative_to(site.root).as_posix() for file in site.root.rglob("index.html"))
    assert len(pages) >= 9
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for path in pages:
            page.goto(site.url("" if path == "." else f"{path}/"))
            violations = run_axe(page)
            assert violations == [], f"{path}: {format_violations(violations)}"
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    finally:
        page.close()


def test_scorm_question_pool_draw_is_kept_in_suspend_data_and_resumed(browser, tmp_path_factory):
    """A pool's draw through the real SCORM runtime, in fresh browser profiles: the draw waiting for its first
    submission, then the submitted attempt's, each come back from suspend_data (the Python mirror encodes the
    same text)."""
    root = tmp_path_factory.mktemp("pool-lms")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    quiz = project / "quizzes" / "beta-check.yml"
    quiz.write_text(quiz.read_text().replace("questions:\n", "draw: 2\nquestions:\n", 1))
    site = Site(scorm_package(project, root))
    course, _ = load(project_at(project))
    cmap = course_map(course)

    def drawn(frame) -> list[str]:
        return frame.locator('[data-quiz="beta-check"] [data-question]:not([hidden])').evaluate_all(
            "qs => qs.map(q => q.dataset.question)"
        )

    def saved(launch, frame) -> str:
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        launch.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        return launch.value("cmi.suspend_data")

    resume = {"core": {"lesson_status": "incomplete", "entry": "resume"}}
    launches = []
    try:
        first = Launch(browser, site)
        launches.append(first)
        frame = first.course_frame("beta/index.html")
        waiting = drawn(frame)
        assert len(waiting) == 2
        text = saved(first, frame)
        assert json.loads(text)[0] == 2 and json.loads(text)[-1][1] == [
            [q["id"] for q in cmap["quizzes"][1]["questions"]].index(i) for i in waiting
        ]
        second = Launch(browser, site, seed={"suspend_data": text, **resume})
        launches.append(second)
        frame = second.course_frame("beta/index.html")
        assert drawn(frame) == waiting
        answer(frame, "beta-check", {q: RIGHT["beta-check"][q] for q in waiting})
        assert check(frame, "beta-check")["score"] == "100"
        text = saved(second, frame)
        third = Launch(browser, site, seed={"suspend_data": text, **resume})
        launches.append(third)
        frame = third.course_frame("beta/index.html")
        frame.locator('[data-quiz="beta-check"] [data-quiz-result][data-score]').wait_for()
        assert drawn(frame) == waiting
        assert outcome(frame, "beta-check")["score"] == "100"
    finally:
        for launch in launches:
            launch.close()
        site.close()


def test_scorm_suspend_data_of_format_1_still_resumes(browser, lms):
    """Progress an LMS saved before question pools (format 1: the same text without draws) is read as it was."""
    site, _ = lms
    resume = {"core": {"lesson_status": "incomplete", "entry": "resume"}}
    first = Launch(browser, site)
    try:
        assert first.take("alpha/index.html", "alpha-check", RIGHT["alpha-check"])["score"] == "100"
        first.page.wait_for_function("window.lmsGet('cmi.suspend_data').startsWith('[2,')")
        text = first.value("cmi.suspend_data")
    finally:
        first.close()
    old = "[1," + text[len("[2,") :]
    second = Launch(browser, site, seed={"suspend_data": old, **resume})
    try:
        frame = second.course_frame("alpha/index.html")
        frame.locator('[data-quiz="alpha-check"] [data-quiz-result][data-score]').wait_for()
        assert outcome(frame, "alpha-check") == {
            "score": "100",
            "passed": "true",
            "correct": dict.fromkeys(RIGHT["alpha-check"], "true"),
        }
    finally:
        second.close()


def test_scorm_timed_attempt_keeps_its_time_and_answers_across_launches(browser, tmp_path_factory):
    """A timed attempt in progress, closed and launched again in a fresh profile: the time runs on from its
    start, and the answers given so far come back (suspend_data keeps the running attempt)."""
    root = tmp_path_factory.mktemp("timed-lms")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    quiz = project / "quizzes" / "final-check.yml"
    quiz.write_text(quiz.read_text().replace("questions:\n", "time_limit_minutes: 10\nquestions:\n", 1))
    site = Site(scorm_package(project, root))
    course, _ = load(project_at(project))
    cmap = course_map(course)
    resume = {"core": {"lesson_status": "incomplete", "entry": "resume"}}
    launches = []
    try:
        first = Launch(browser, site)
        launches.append(first)
        frame = first.course_frame("final-check/index.html")
        frame.locator("[data-quiz-start]").click()
        frame.locator('[data-question="f1"] input[value="true"]').check()
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        assert stored["timers"]["final-check"]["draft"]["f1"] == "true"
        first.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        text = first.value("cmi.suspend_data")
        second = Launch(browser, site, seed={"suspend_data": text, **resume})
        launches.append(second)
        frame = second.course_frame("final-check/index.html")
        root_quiz = frame.locator('[data-quiz="final-check"]')
        assert root_quiz.locator("[data-quiz-start]").is_hidden()
        assert root_quiz.locator('[data-question="f1"] input[value="true"]').is_checked()
        assert frame.locator("[data-quiz-clock]").text_content().startswith(("Time left: 9:", "Time left: 10:00"))
    finally:
        for launch in launches:
            launch.close()


def test_scorm_written_answer_is_saved_cut_to_its_budget_with_a_notice_and_resumed(browser, tmp_path_factory):
    """A written question through the real SCORM runtime: its text, ticks and comparison go into suspend_data
    exactly as the Python mirror encodes them; a text longer than its budget keeps its beginning, and the
    learner is told under the answer; the next launch puts the text and ticks back."""
    root = tmp_path_factory.mktemp("written-lms")
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    as_written_course(project)
    site = Site(scorm_package(project, root))
    course, _ = load(project_at(project))
    cmap = course_map(course)
    budget = cmap["writtenBudget"]
    assert budget == MAX_WRITTEN["1.2"]
    text = 'Hi Sam, "noted".\n' + "I can send the figures by 3pm. " * 80
    assert len(text) > budget
    first = Launch(browser, site)
    try:
        frame = first.course_frame("beta/index.html")
        written = frame.locator('[data-question="write-four"]')
        written.get_by_role("textbox", name=WRITTEN_PROMPT).fill(text)
        written.get_by_role("button", name="Compare").click()
        written.get_by_role("checkbox", name=WRITTEN_CHECKLIST[1]).check()
        notice = written.locator("[data-written-notice]")
        notice.wait_for(state="visible")
        assert "keeps only the beginning" in notice.inner_text()
        stored = json.loads(frame.evaluate("k => localStorage.getItem(k)", cmap["storage"]))
        assert stored["written"]["beta-check"]["write-four"]["text"] == text  # the page keeps it all meanwhile
        first.wait_for_value("cmi.suspend_data", encode(stored, cmap))
        saved = first.value("cmi.suspend_data")
    finally:
        first.close()
    kept = json.loads(saved)[6][0]
    assert kept[0] == written_text(text, budget) and len(json.dumps(kept[0])) - 2 <= budget
    assert kept[1:] == [0b10, cmap["written"][0]["tag"]]
    assert len(saved) <= 4096
    second = Launch(
        browser, site, seed={"suspend_data": saved, "core": {"lesson_status": "incomplete", "entry": "resume"}}
    )
    try:
        frame = second.course_frame("beta/index.html")
        written = frame.locator('[data-question="write-four"]')
        box = written.get_by_role("textbox", name=WRITTEN_PROMPT)
        assert box.input_value() == kept[0]
        assert written.get_by_role("checkbox", name=WRITTEN_CHECKLIST[1]).is_checked()
        assert not written.get_by_role("checkbox", name=WRITTEN_CHECKLIST[0]).is_checked()
        assert written.get_by_text(WRITTEN_MODEL).is_visible()
        # the text now fits: no notice once the launch page has looked at it again
        box.fill("A short reply.")
        second.wait_for_value(
            "cmi.suspend_data", saved.replace(json.dumps(kept[0], ensure_ascii=False), '"A short reply."')
        )
        written.locator("[data-written-notice]").wait_for(state="hidden")
    finally:
        second.close()
        site.close()
