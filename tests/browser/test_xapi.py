"""xAPI statements from the course pages, in Debian's Chromium, to Ralph, a real LRS started by the tests on
127.0.0.1 (docs/xapi.md): a quiz attempt and a role-play reach it as valid statements with the interaction
formats the contract gives; a stopped LRS queues them, and they arrive once it is back, each once; without the
option no request leaves the site."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.support.browser import (
    RIGHT,
    STORAGE_FULL,
    WRITTEN_PROMPT,
    WRONG,
    Site,
    answer,
    as_numeric_course,
    as_written_course,
    check,
    open_page,
)
from tests.support.cli import run_course
from tests.support.lrs import WRITER, running_ralph
from tests.support.net import free_port, wait_for
from tests.support.paths import FIXTURES

BASE = "https://courses.example.org/fixture"
VERB = "http://adlnet.gov/expapi/verbs/"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
STATE_KEY = "course-xapi:course-progress:fixture-course"


def build_with_xapi(root: Path, site_dir: Path, endpoint: str | None, change=None) -> None:
    project = root / "project"
    shutil.copytree(FIXTURES / "full", project)
    if change:
        change(project)
    if endpoint:
        config = project / "mkdocs.yml"
        option = (
            f"  - course:\n      xapi:\n        endpoint: {endpoint}\n        username: {WRITER.username}\n"
            f"        password: {WRITER.password}\n        activity_base: {BASE}\n"
        )
        config.write_text(config.read_text().replace("  - course\n", option))
    run_course("build", "--site-dir", str(site_dir), cwd=project, check=True)


@pytest.fixture(scope="module")
def lrs_site(tmp_path_factory):
    """The fixture course built with the `xapi` option, served, and Ralph taking its statements."""
    root = tmp_path_factory.mktemp("xapi")
    (root / "site").mkdir()
    site = Site(root / "site")
    port = free_port()
    build_with_xapi(root, root / "site", f"http://127.0.0.1:{port}/xAPI/")
    with running_ralph(root / "ralph", [site.base.rstrip("/")], port=port) as ralph:
        yield site, ralph
    site.close()


def learner(page) -> dict:
    """This browser's xAPI state: its actor, registration and the statements waiting."""
    return json.loads(page.evaluate("k => localStorage.getItem(k)", STATE_KEY))


def mine(ralph, state: dict) -> list[dict]:
    """The statements of one learner's browser, oldest first."""
    found = [s for s in ralph.statements() if s["context"]["registration"] == state["registration"]]
    return sorted(found, key=lambda s: s["timestamp"])


def test_xapi_quiz_attempts_reach_the_lrs_as_valid_statements(browser, lrs_site):
    site, ralph = lrs_site
    context = browser.new_context()
    page = context.new_page()
    try:
        open_page(page, site, "alpha/")
        answer(page, "alpha-check", WRONG["alpha-check"])
        assert check(page, "alpha-check")["passed"] == "false"
        page.locator('[data-quiz="alpha-check"] [data-quiz-retry]').click()
        answer(page, "alpha-check", RIGHT["alpha-check"])
        assert check(page, "alpha-check")["passed"] == "true"
        page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
        state = learner(page)
        assert page.locator("[data-xapi-notice]").count() == 0
    finally:
        context.close()
    statements = mine(ralph, state)
    verbs = [s["verb"]["id"].removeprefix(VERB) for s in statements]
    assert verbs == ["answered"] * 3 + ["failed"] + ["answered"] * 3 + ["passed"]
    assert len({s["id"] for s in statements}) == 8 and all(UUID.match(s["id"]) for s in statements)
    actor = state["actor"]
    assert actor["account"]["homePage"] == BASE and UUID.match(actor["account"]["name"])
    assert all(s["actor"] == actor for s in statements)
    quiz = f"{BASE}/quizzes/alpha-check"
    for s in statements:
        assert s["context"]["contextActivities"]["grouping"][0]["id"] == BASE
        assert s["context"]["language"] == "en"
    attempts = [s["context"]["extensions"][f"{BASE}/xapi/attempt"] for s in statements]
    assert attempts == [1] * 4 + [2] * 4
    answered = {s["object"]["id"].rsplit("/", 1)[1]: s for s in statements[4:7]}
    assert set(answered) == {"single-one", "multiple-two", "tf-three"}
    for s in answered.values():
        assert s["object"]["id"].startswith(f"{quiz}/questions/")
        assert s["context"]["contextActivities"]["parent"][0]["id"] == quiz
        assert s["result"]["success"] is True
        definition = s["object"]["definition"]
        assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        assert s["result"]["response"] in definition["correctResponsesPattern"]
    multiple = answered["multiple-two"]
    assert multiple["object"]["definition"]["interactionType"] == "choice"
    assert [c["description"]["en"] for c in multiple["object"]["definition"]["choices"]] == ["Apple", "Carrot", "Pear"]
    assert multiple["result"]["response"] == "a[,]c" and multiple["result"]["score"] == {"raw": 2, "min": 0, "max": 2}
    assert statements[0]["result"]["success"] is False
    wrong_choice = next(s for s in statements[:3] if s["object"]["id"].endswith("/multiple-two"))
    assert wrong_choice["result"]["response"] == "a[,]b" and wrong_choice["result"]["score"]["raw"] == 0
    truth = next(s for s in statements[:3] if s["object"]["id"].endswith("/tf-three"))
    assert truth["object"]["definition"]["interactionType"] == "true-false" and truth["result"]["response"] == "false"
    result = statements[-1]
    assert result["object"]["id"] == quiz and result["result"]["score"]["scaled"] == 1
    assert result["result"]["success"] is True and result["result"]["completion"] is True


def test_xapi_other_interaction_types_and_the_course_completion(browser, lrs_site):
    site, ralph = lrs_site
    context = browser.new_context()
    page = context.new_page()
    try:
        for path, quiz_id in (("alpha/", "alpha-check"), ("beta/", "beta-check"), ("final-check/", "final-check")):
            open_page(page, site, path)
            answer(page, quiz_id, RIGHT[quiz_id])
            assert check(page, quiz_id)["passed"] == "true"
        page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
        state = learner(page)
    finally:
        context.close()
    statements = mine(ralph, state)
    by_question = {s["object"]["id"].rsplit("/", 1)[1]: s for s in statements if s["verb"]["id"].endswith("answered")}
    fill_in = by_question["short-one"]
    assert fill_in["object"]["definition"]["interactionType"] == "fill-in"
    assert fill_in["result"]["response"] == "Internal customer"
    order = by_question["order-two"]
    assert order["object"]["definition"]["interactionType"] == "sequencing"
    assert order["result"]["response"] == "a[,]b[,]c" == order["object"]["definition"]["correctResponsesPattern"][0]
    match = by_question["match-three"]
    definition = match["object"]["definition"]
    assert definition["interactionType"] == "matching"
    assert [c["id"] for c in definition["source"]] == ["1", "2", "3"]
    assert [c["id"] for c in definition["target"]] == ["a", "b", "c", "d"]  # the three pairs' values and a distractor
    assert match["result"]["response"] == "1[.]a[,]2[.]b[,]3[.]c"
    completed = [s for s in statements if s["verb"]["id"] == VERB + "completed"]
    assert len(completed) == 1 and completed[0]["object"]["id"] == BASE
    assert statements[-1]["verb"]["id"] == VERB + "completed"


def test_xapi_role_play_choices_are_responded_statements(browser, lrs_site):
    site, ralph = lrs_site
    context = browser.new_context()
    page = context.new_page()
    try:
        open_page(page, site, "beta/")
        root = page.locator('[data-scenario="desk-visit"]')
        for label in ("Stop typing and listen", "Agree a time this afternoon and keep it"):
            root.get_by_label(label, exact=True).check()
            root.get_by_role("button", name="Continue").click()
        page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
        state = learner(page)
    finally:
        context.close()
    statements = mine(ralph, state)
    assert [s["verb"]["id"] for s in statements] == [VERB + "responded"] * 2
    first, last = (s["result"] for s in statements)
    assert statements[0]["object"]["id"] == f"{BASE}/role-plays/desk-visit"
    assert first["response"] == "Stop typing and listen" and first["extensions"][f"{BASE}/xapi/choice"] == 0
    assert f"{BASE}/xapi/ending" not in first["extensions"]
    assert last["extensions"][f"{BASE}/xapi/ending"] == "good-end"
    assert last["extensions"][f"{BASE}/xapi/scores"] == {"caring": 2, "competency": 2, "integrity": 2}


def test_xapi_statements_wait_while_the_lrs_is_down_and_arrive_once_each(browser, tmp_path):
    (tmp_path / "site").mkdir()
    site = Site(tmp_path / "site")
    port = free_port()
    build_with_xapi(tmp_path, tmp_path / "site", f"http://127.0.0.1:{port}/xAPI/")
    context = browser.new_context()
    page = context.new_page()
    try:
        open_page(page, site, "alpha/")  # nothing listens on the LRS's port yet
        answer(page, "alpha-check", RIGHT["alpha-check"])
        assert check(page, "alpha-check")["passed"] == "true"  # the quiz works all the same
        notice = page.locator("[data-xapi-notice]")
        notice.wait_for()
        assert notice.get_attribute("role") == "status" and "later" in notice.inner_text()
        assert len(learner(page)["queue"]) == 4
        open_page(page, site, "beta/")  # another page, still down: the queue is kept, in order
        page.locator("[data-xapi-notice]").wait_for()
        waiting = [s["id"] for s in learner(page)["queue"]]
        assert len(waiting) == 4
        with running_ralph(tmp_path / "ralph", [site.base.rstrip("/")], port=port) as ralph:
            page.evaluate("window.dispatchEvent(new Event('online'))")
            page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
            open_page(page, site, "alpha/")  # a later page finds nothing left to send
            stored = ralph.statements()
        assert Counter(s["id"] for s in stored) == Counter(waiting)  # every one, once
    finally:
        context.close()
        site.close()


def test_without_the_xapi_option_no_request_leaves_the_site(browser, tmp_path):
    (tmp_path / "site").mkdir()
    build_with_xapi(tmp_path, tmp_path / "site", None)
    site = Site(tmp_path / "site")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        open_page(page, site, "alpha/")
        answer(page, "alpha-check", RIGHT["alpha-check"])
        check(page, "alpha-check")
        assert page.locator("#course-xapi").count() == 0
        assert all(urlsplit(url).netloc == urlsplit(site.base).netloc for url in requests), requests
        assert not any(url.endswith("xapi.js") for url in requests)
        assert "X-Experience-API-Version" not in (site.root / "assets/course/course.js").read_text()  # not bundled
    finally:
        page.close()
        site.close()


def test_xapi_an_actor_in_the_launch_url_is_the_learner_from_then_on(browser, lrs_site):
    """An LMS or a cmi5 launcher names the learner in the launch URL; later pages (without it) keep that actor."""
    site, ralph = lrs_site
    actor = {"objectType": "Agent", "name": "Dana Okafor", "mbox": "mailto:dana.okafor@example.org"}
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site.url("?actor=" + quote(json.dumps(actor))))
        open_page(page, site, "alpha/")
        answer(page, "alpha-check", RIGHT["alpha-check"])
        check(page, "alpha-check")
        page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
        state = learner(page)
    finally:
        context.close()
    statements = mine(ralph, state)
    assert len(statements) == 4 and all(s["actor"]["mbox"] == actor["mbox"] for s in statements)


def test_xapi_numbers_and_written_answers_in_their_interaction_formats(browser, tmp_path):
    """A number typed with a decimal comma (a French course) is a decimal; a written answer compared with the
    model answer is an unscored long-fill-in."""
    (tmp_path / "site").mkdir()
    site = Site(tmp_path / "site")
    port = free_port()

    def french_with_writing(project):
        as_numeric_course(project)
        as_written_course(project)

    build_with_xapi(tmp_path, tmp_path / "site", f"http://127.0.0.1:{port}/xAPI/", change=french_with_writing)
    context = browser.new_context()
    page = context.new_page()
    try:
        with running_ralph(tmp_path / "ralph", [site.base.rstrip("/")], port=port) as ralph:
            open_page(page, site, "beta/")
            answer(page, "beta-check", {**RIGHT["beta-check"], "short-one": "1 000,5"})
            assert check(page, "beta-check")["correct"]["short-one"] == "true"
            written = page.locator('[data-question="write-four"]')
            written.get_by_role("textbox", name=WRITTEN_PROMPT).fill("Merci Sam, je t'envoie les chiffres à 15 h.")
            written.get_by_role("button", name="Comparer").click()
            page.wait_for_function("k => JSON.parse(localStorage.getItem(k)).queue.length === 0", arg=STATE_KEY)
            statements = mine(ralph, learner(page))
    finally:
        context.close()
        site.close()
    by_question = {s["object"]["id"].rsplit("/", 1)[1]: s for s in statements if s["verb"]["id"] == VERB + "answered"}
    numeric = by_question["short-one"]
    assert numeric["object"]["definition"]["interactionType"] == "numeric"
    assert numeric["result"]["response"] == "1000.5" and numeric["result"]["success"] is True
    assert numeric["object"]["definition"]["correctResponsesPattern"] == ["1000.5[:]1000.5"]
    essay = by_question["write-four"]
    assert essay["object"]["definition"]["interactionType"] == "long-fill-in"
    assert essay["result"] == {"response": "Merci Sam, je t'envoie les chiffres à 15 h."}
    assert essay["context"]["language"] == "fr"


def test_xapi_the_progress_page_says_results_are_sent(browser, lrs_site):
    """With the option, the progress page never says "nothing is sent anywhere"."""
    site, _ = lrs_site
    page = browser.new_page()
    try:
        open_page(page, site, "progress/")
        text = page.locator("[data-progress-overall]").inner_text()
        assert "sent to your organisation's learning records" in text and "nothing is sent" not in text
        built = page.request.get(site.url("progress/")).text()
        assert "nothing is sent" not in built
    finally:
        page.close()


def test_xapi_statements_are_sent_when_the_browser_keeps_nothing(browser, lrs_site):
    """Storage full or locked down: the statements wait in the page instead, and are sent all the same."""
    site, ralph = lrs_site
    context = browser.new_context()
    context.add_init_script(STORAGE_FULL)
    page = context.new_page()
    sent: list[str] = []
    page.on("request", lambda r: sent.extend(s["id"] for s in json.loads(r.post_data)) if r.method == "POST" else None)
    try:
        open_page(page, site, "alpha/")
        answer(page, "alpha-check", RIGHT["alpha-check"])
        assert check(page, "alpha-check")["passed"] == "true"
        stored = lambda: {s["id"] for s in ralph.statements()}  # noqa: E731
        assert wait_for(lambda: len(sent) == 4 and set(sent) <= stored(), timeout=20), sent
    finally:
        context.close()
    assert len(set(sent)) == 4  # each sent once
