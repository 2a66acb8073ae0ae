"""Branching role-plays (scenario.js): playthroughs and their scores, going back and playing again,
saved paths, the progress page, broken storage, keyboards, phones, axe, no JavaScript and
Material's instant navigation. The fixture's role-play is desk-visit, on the beta lesson."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.support.browser import (
    RIGHT,
    STORAGE_FULL,
    answer,
    check,
    format_violations,
    open_page,
    run_axe,
    saved_progress,
    store_progress,
    visible_text,
)

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SCENARIO = "desk-visit"
ROOT = f'[data-scenario="{SCENARIO}"]'
DIMENSIONS = ("caring", "competency", "integrity")
BEST = (2, 2, 2)  # the best any path reaches, per dimension

# Paths by visible choice label: the choices, the ending reached and the scores there.
PATHS = {
    "best": (["Stop typing and listen", "Agree a time this afternoon and keep it"], "good-end", (2, 2, 2)),
    "worst-caring": (["Keep typing while he talks", "Tell him to send an email instead"], "bad-end", (-3, -1, 0)),
    "worst-integrity": (
        ["Promise it will be done within the hour", "Say nothing and hope he forgets"],
        "bad-end",
        (1, -1, -4),
    ),
    "mixed": (
        ["Keep typing while he talks", "Apologise and turn round", "Say you will see what you can do"],
        "mixed-end",
        (-1, 0, -1),
    ),
}
FEEDBACK = {  # the choices that have feedback
    "Stop typing and listen": "He can see he has your attention.",
    "Keep typing while he talks": "He talks to the back of your screen.",
    "Agree a time this afternoon and keep it": "A time you can keep is worth more than a fast yes.",
}
NODE_TEXT = {
    "ask": "Tomasz from payroll stops at your desk",
    "listen": "He explains that the sheet is due at noon tomorrow.",
    "typing": "Tomasz waits, then starts to leave.",
    "promise": "An hour later the sheet is still untouched.",
    "good-end": "The sheet is done by four, as agreed, and Tomasz comes to you first next time.",
    "mixed-end": "The sheet gets done, but Tomasz checks on you twice before it is.",
    "bad-end": "Tomasz asks someone else next time.",
}
# Every node's choices in order: (label, next node).
GRAPH = {
    "ask": [
        ("Stop typing and listen", "listen"),
        ("Keep typing while he talks", "typing"),
        ("Promise it will be done within the hour", "promise"),
    ],
    "listen": [
        ("Agree a time this afternoon and keep it", "good-end"),
        ("Say you will see what you can do", "mixed-end"),
    ],
    "typing": [("Apologise and turn round", "listen"), ("Tell him to send an email instead", "bad-end")],
    "promise": [
        ("Tell him you promised too much and give a real time", "mixed-end"),
        ("Say nothing and hope he forgets", "bad-end"),
    ],
    "good-end": [],
    "mixed-end": [],
    "bad-end": [],
}
ENDINGS = {"good-end", "mixed-end", "bad-end"}


# -- driving the role-play -----------------------------------------------------------------------


def player(page):
    return page.locator(f"{ROOT} [data-scenario-player]")


def open_beta(page, site, path: str = "beta/"):
    open_page(page, site, path)
    page.locator(f"{ROOT}[data-scenario-init]").wait_for(state="attached")
    player(page).wait_for(state="visible")
    return player(page)


def node(page) -> str:
    return player(page).get_attribute("data-node")


def wait_node(page, expected: str) -> None:
    expect(player(page)).to_have_attribute("data-node", expected)


def choose(page, label: str) -> None:
    """Pick a choice by its visible label and press Continue; waits for the next step."""
    before = node(page)
    after = dict(GRAPH[before])[label]
    player(page).get_by_label(label, exact=True).check()
    player(page).get_by_role("button", name="Continue").click()
    wait_node(page, after)


def play(page, labels) -> None:
    for label in labels:
        choose(page, label)


def button(page, name: str):
    return player(page).get_by_role("button", name=name, exact=True)


def entry(page) -> dict | None:
    saved = saved_progress(page)
    return ((saved or {}).get("scenarios") or {}).get(SCENARIO)


def focused(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), text: el.textContent.trim(), type: el.type ?? null,
                label: el.labels?.[0]?.textContent.trim() ?? null, inPlayer: !!el.closest('[data-scenario-player]'),
                checked: el.checked ?? null}; }""")


def radio_labels(page) -> list[str]:
    return [" ".join(t.split()) for t in player(page).locator(".course-choice__label").all_inner_texts()]


def score_lines(page) -> list[str]:
    return [" ".join(t.split()) for t in player(page).locator(".course-scenario__dimension").all_inner_texts()]


def bar_widths(page) -> dict:
    return (
        player(page)
        .locator("[data-dimension]")
        .evaluate_all("""items => Object.fromEntries(items.map(li => [
        li.dataset.dimension, li.querySelector('.course-scenario__bar span').style.width]))""")
    )


def path_list(page) -> list[str]:
    return [" ".join(t.split()) for t in player(page).locator(".course-scenario__path li").all_inner_texts()]


def expected_width(score: int, best: int) -> str:
    return f"{round(max(0, min(1, score / best)) * 100)}%"


def no_horizontal_scroll(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def tab_until(page, condition: str, limit: int = 150) -> None:
    """Press Tab until `condition` (JS, given the focused element as `el`) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def open_progress(page, site) -> dict:
    open_page(page, site, "progress/")
    page.locator("[data-scenario-progress][data-scenario-synced]").wait_for(state="attached")
    row = page.locator(f'[data-scenario-progress] tr[data-scenario-ref="{SCENARIO}"]')
    return {
        "plays": row.locator("[data-scenario-plays]").inner_text().strip(),
        "result": " ".join(row.locator("[data-scenario-result]").inner_text().split()),
    }


# -- playthroughs --------------------------------------------------------------------------------


def test_starts_at_step_one_with_the_start_node_choices(page, site):
    open_beta(page, site)
    assert node(page) == "ask"
    assert page.locator(f"{ROOT} [data-scenario-steps]").is_hidden()
    assert visible_text(player(page).locator("h3")) == "Step 1"
    assert NODE_TEXT["ask"] in visible_text(player(page))
    assert radio_labels(page) == [label for label, _ in GRAPH["ask"]]
    assert player(page).get_attribute("data-scores") is None
    assert button(page, "Go back one step").count() == 0 and button(page, "Play again").count() == 0
    assert player(page).locator(".course-scenario__feedback").count() == 0
    assert entry(page) is None  # nothing is saved before a choice is made


@pytest.mark.parametrize("name", PATHS)
def test_playthrough_reaches_its_ending_with_its_scores(page, site, name):
    labels, ending, scores = PATHS[name]
    open_beta(page, site)
    for step, label in enumerate(labels, start=1):
        choose(page, label)
        feedback = visible_text(player(page).locator(".course-scenario__feedback"))
        assert feedback == f"You chose: {label}" + (f" {FEEDBACK[label]}" if label in FEEDBACK else "")
        heading = player(page).locator("h3")
        assert focused(page) == dict(focused(page), tag="h3", inPlayer=True)
        assert heading.evaluate("el => el === document.activeElement")
        if step < len(labels):
            assert visible_text(heading) == f"Step {step + 1}"
            assert NODE_TEXT[node(page)] in visible_text(player(page))
    assert node(page) == ending
    assert visible_text(player(page).locator("h3")) == "How it ended"
    assert NODE_TEXT[ending] in visible_text(player(page))
    assert player(page).get_attribute("data-scores") == " ".join(map(str, scores))
    assert score_lines(page) == [
        f"{d.capitalize()}: {s} out of a best possible {b}" for d, s, b in zip(DIMENSIONS, scores, BEST, strict=True)
    ]
    assert bar_widths(page) == {d: expected_width(s, b) for d, s, b in zip(DIMENSIONS, scores, BEST, strict=True)}
    assert path_list(page) == labels
    assert player(page).locator("form, input[type=radio]").count() == 0
    assert "You have reached an ending 1 time." in visible_text(player(page))
    assert button(page, "Play again").is_visible() and button(page, "Go back one step").is_visible()
    saved = entry(page)
    assert saved["plays"] == 1 and len(saved["path"]) == len(labels)
    assert saved["best"]["scores"] == list(scores) and saved["best"]["end"] == ending


def test_bars_are_empty_for_negative_and_zero_scores_and_full_at_best(page, site):
    open_beta(page, site)
    play(page, PATHS["worst-caring"][0])
    assert bar_widths(page) == {"caring": "0%", "competency": "0%", "integrity": "0%"}
    button(page, "Play again").click()
    play(page, PATHS["best"][0])
    assert bar_widths(page) == {"caring": "100%", "competency": "100%", "integrity": "100%"}
    # The bars are decoration: the words say the same.
    assert (
        player(page)
        .locator(".course-scenario__bar")
        .evaluate_all("bars => bars.every(b => b.getAttribute('aria-hidden') === 'true')")
    )


# -- going back, playing again, continuing without a choice --------------------------------------


def test_go_back_from_a_mid_step_returns_to_the_previous_step(page, site):
    open_beta(page, site)
    choose(page, "Keep typing while he talks")
    choose(page, "Apologise and turn round")
    assert entry(page)["path"] == [1, 0]
    button(page, "Go back one step").click()
    wait_node(page, "typing")
    assert radio_labels(page) == [label for label, _ in GRAPH["typing"]]
    # The choice taken back is shown chosen, to keep or change.
    assert player(page).get_by_label("Apologise and turn round", exact=True).is_checked()
    assert player(page).locator("input[type=radio]:checked").count() == 1
    assert visible_text(player(page).locator("h3")) == "Step 2"
    assert player(page).locator("h3").evaluate("el => el === document.activeElement")
    # The feedback now is that of the choice that led here.
    assert visible_text(player(page).locator(".course-scenario__feedback")).startswith("You chose: Keep typing")
    assert entry(page)["path"] == [1] and entry(page)["plays"] == 0
    button(page, "Go back one step").click()
    wait_node(page, "ask")
    assert radio_labels(page) == [label for label, _ in GRAPH["ask"]]
    assert player(page).get_by_label("Keep typing while he talks", exact=True).is_checked()
    assert button(page, "Go back one step").count() == 0
    assert entry(page)["path"] == []
    # And forward again along another branch.
    choose(page, "Stop typing and listen")
    assert entry(page)["path"] == [0]


def test_go_back_from_an_ending_does_not_count_a_play(page, site):
    open_beta(page, site)
    play(page, PATHS["best"][0])
    assert entry(page)["plays"] == 1
    button(page, "Go back one step").click()
    wait_node(page, "listen")
    assert player(page).get_attribute("data-scores") is None
    assert radio_labels(page) == [label for label, _ in GRAPH["listen"]]
    assert player(page).locator(".course-scenario__path, .course-scenario__scores").count() == 0
    assert player(page).locator("h3").evaluate("el => el === document.activeElement && el.textContent === 'Step 2'")
    saved = entry(page)
    assert saved["plays"] == 1 and saved["path"] == [0]
    assert saved["best"]["scores"] == [2, 2, 2]
    # Another ending from here is a second play; the better one stays the best.
    choose(page, "Say you will see what you can do")
    assert node(page) == "mixed-end" and player(page).get_attribute("data-scores") == "2 1 -1"
    assert "You have reached an ending 2 times." in visible_text(player(page))
    saved = entry(page)
    assert saved["plays"] == 2 and saved["best"]["scores"] == [2, 2, 2] and saved["best"]["end"] == "good-end"


def test_play_again_returns_to_step_one_with_focus_on_its_heading(page, site):
    open_beta(page, site)
    play(page, PATHS["mixed"][0])
    button(page, "Play again").click()
    wait_node(page, "ask")
    heading = player(page).locator("h3")
    assert visible_text(heading) == "Step 1"
    assert heading.evaluate("el => el === document.activeElement")
    assert radio_labels(page) == [label for label, _ in GRAPH["ask"]]
    assert player(page).locator(".course-scenario__feedback").count() == 0
    assert player(page).get_attribute("data-scores") is None
    assert button(page, "Play again").count() == 0 and button(page, "Go back one step").count() == 0
    saved = entry(page)
    assert saved["path"] == [] and saved["plays"] == 1  # starting over is not a play
    play(page, PATHS["best"][0])
    assert entry(page)["plays"] == 2


def test_continue_without_choosing_shows_an_error_and_focuses_the_first_radio(page, site):
    open_beta(page, site)
    error = player(page).locator(".course-scenario__error")
    assert error.is_hidden()
    button(page, "Continue").click()
    expect(error).to_be_visible()
    assert visible_text(error) == "Choose one of the options, then press Continue."
    assert focused(page)["type"] == "radio" and focused(page)["label"] == "Stop typing and listen"
    assert focused(page)["checked"] is False  # focusing is not choosing
    fieldset = player(page).locator("fieldset")
    assert error.get_attribute("id") in (fieldset.get_attribute("aria-describedby") or "").split()
    assert node(page) == "ask" and entry(page) is None
    # Choosing then continuing works as usual.
    choose(page, "Promise it will be done within the hour")
    assert player(page).locator(".course-scenario__error:visible").count() == 0
    # The same on a later step.
    button(page, "Continue").click()
    expect(player(page).locator(".course-scenario__error")).to_be_visible()
    assert focused(page)["label"] == "Tell him you promised too much and give a real time"
    assert node(page) == "promise"


# -- saved paths, the progress page, broken storage ----------------------------------------------


def test_reload_mid_path_comes_back_to_the_same_step(page, site):
    open_beta(page, site)
    choose(page, "Keep typing while he talks")
    choose(page, "Apologise and turn round")
    page.reload()
    open_beta(page, site)
    assert node(page) == "listen"
    assert visible_text(player(page).locator("h3")) == "Step 3"
    assert radio_labels(page) == [label for label, _ in GRAPH["listen"]]
    assert visible_text(player(page).locator(".course-scenario__feedback")) == "You chose: Apologise and turn round"
    assert entry(page)["path"] == [1, 0]
    # A restored page does not steal focus.
    assert page.evaluate("document.activeElement === document.body")
    choose(page, "Say you will see what you can do")
    assert player(page).get_attribute("data-scores") == "-1 0 -1"
    assert path_list(page) == PATHS["mixed"][0]


def test_reload_at_an_ending_shows_the_ending_again(page, site):
    labels, ending, _scores = PATHS["worst-integrity"]
    open_beta(page, site)
    play(page, labels)
    page.reload()
    open_beta(page, site)
    assert node(page) == ending
    assert player(page).get_attribute("data-scores") == "1 -1 -4"
    assert score_lines(page)[2] == "Integrity: -4 out of a best possible 2"
    assert path_list(page) == labels
    assert "You have reached an ending 1 time." in visible_text(player(page))
    assert entry(page)["plays"] == 1  # showing the ending again is not another play
    button(page, "Go back one step").click()
    wait_node(page, "promise")
    page.reload()
    open_beta(page, site)
    assert node(page) == "promise" and entry(page)["plays"] == 1


def test_progress_page_shows_plays_and_the_best_play(page, site):
    assert open_progress(page, site) == {"plays": "0", "result": "Not played yet"}
    open_beta(page, site)
    for name in ("worst-caring", "best", "mixed"):
        play(page, PATHS[name][0])
        if name != "mixed":
            button(page, "Play again").click()
            wait_node(page, "ask")
    assert "Your best play: Caring 2 of 2, Competency 2 of 2, Integrity 2 of 2." in visible_text(player(page))
    saved = entry(page)
    assert saved["plays"] == 3 and saved["best"]["end"] == "good-end" and saved["best"]["scores"] == [2, 2, 2]
    assert open_progress(page, site) == {"plays": "3", "result": "Caring 2 of 2, Competency 2 of 2, Integrity 2 of 2"}
    link = page.locator(f'tr[data-scenario-ref="{SCENARIO}"] a')
    assert link.get_attribute("href").endswith(f"#scenario-{SCENARIO}")


def test_progress_page_best_is_the_highest_total_not_the_latest(page, site):
    open_beta(page, site)
    play(page, PATHS["mixed"][0])  # total -2
    button(page, "Play again").click()
    play(page, PATHS["worst-integrity"][0])  # total -4: not better
    assert open_progress(page, site) == {"plays": "2", "result": "Caring -1 of 2, Competency 0 of 2, Integrity -1 of 2"}


def test_progress_page_updates_when_another_tab_plays(tab, site):
    progress = tab.page
    open_progress(progress, site)
    other = tab.context.new_page()
    open_beta(other, site)
    play(other, PATHS["best"][0])
    cell = progress.locator(f'tr[data-scenario-ref="{SCENARIO}"] [data-scenario-plays]')
    expect(cell).to_have_text("1")


def test_quiz_check_keeps_the_role_play_entry(page, site):
    open_beta(page, site)
    play(page, PATHS["best"][0])
    played = entry(page)
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["score"] == "100"
    saved = saved_progress(page)
    assert saved["quizzes"]["beta-check"]["best"] == 100
    assert saved["scenarios"][SCENARIO] == played
    page.reload()
    open_beta(page, site)
    assert node(page) == "good-end"
    # And playing after a quiz keeps the quiz.
    button(page, "Play again").click()
    choose(page, "Keep typing while he talks")
    assert saved_progress(page)["quizzes"]["beta-check"]["best"] == 100


CORRUPT = {
    "path out of range": {"path": [9, 9], "plays": 2},
    "path not numbers": {"path": ["a", -1], "plays": 1},
    "path not a list": {"path": "0 0", "plays": 1},
    "wrong version": {"version": "0000not-this", "path": [0, 0], "plays": 7},
    "entry is junk": "junk",
    "scenarios is junk": None,
    "scenarios is a list": None,
    "best is junk": {"path": [], "plays": -3, "best": {"scores": [99, "x"], "end": {"a": 1}}},
}


@pytest.mark.parametrize("case", CORRUPT, ids=CORRUPT)
def test_corrupt_scenario_storage_starts_afresh_and_keeps_quizzes_working(tab, site, case):
    page = tab.page
    open_beta(page, site)
    version = page.locator(ROOT).get_attribute("data-scenario-version")
    bad = CORRUPT[case]
    scenarios = {"scenarios is junk": "junk", "scenarios is a list": [1, 2]}.get(case)
    if scenarios is None:
        scenarios = {SCENARIO: bad if isinstance(bad, str) else {"version": version, **bad}}
    store_progress(page, {"v": 1, "quizzes": {}, "scenarios": scenarios})
    for path in ("", "progress/", "beta/"):
        open_page(page, site, path)
    open_beta(page, site)
    assert node(page) == "ask"
    assert visible_text(player(page).locator("h3")) == "Step 1"
    choose(page, "Stop typing and listen")
    assert entry(page)["path"] == [0]
    choose(page, "Agree a time this afternoon and keep it")
    assert player(page).get_attribute("data-scores") == "2 2 2"
    saved = entry(page)
    assert saved["version"] == version and saved["path"] == [0, 0]
    assert saved["best"]["scores"] == [2, 2, 2]
    # The quiz on the same page still checks and saves, and keeps the role-play's entry.
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["score"] == "100"
    assert saved_progress(page)["scenarios"][SCENARIO] == saved
    result = open_progress(page, site)
    assert result["plays"] == str(saved["plays"])
    assert result["result"] == "Caring 2 of 2, Competency 2 of 2, Integrity 2 of 2"
    assert not tab.errors


def test_storage_full_still_plays_and_says_progress_is_not_kept(new_tab, site):
    tab = new_tab()
    tab.context.add_init_script(STORAGE_FULL)
    page = tab.page
    open_beta(page, site)
    play(page, PATHS["best"][0])
    assert player(page).get_attribute("data-scores") == "2 2 2"
    assert "This browser is not keeping your progress" in visible_text(player(page))


ENDED = """() => { window.ended = [];
    document.addEventListener('course:scenario-ended', e => window.ended.push(
        {detail: e.detail, bubbles: e.bubbles, from: e.target.dataset.scenario})); }"""
"""Records every course:scenario-ended event the document sees (run as an init script: before the page's own)."""


def test_scenario_ended_event_fires_once_per_ending_reached(page, site):
    page.add_init_script(f"({ENDED})()")
    open_beta(page, site)
    play(page, PATHS["best"][0])
    best = {"scenario": SCENARIO, "ending": "good-end", "dimensions": list(DIMENSIONS), "scores": list(BEST)}
    assert page.evaluate("window.ended") == [{"detail": best, "bubbles": True, "from": SCENARIO}]
    # Going back is no ending; reaching one again is a new one.
    button(page, "Go back one step").click()
    wait_node(page, "listen")
    choose(page, "Agree a time this afternoon and keep it")
    button(page, "Play again").click()
    wait_node(page, "ask")
    labels, ending, scores = PATHS["worst-integrity"]
    play(page, labels)
    details = [event["detail"] for event in page.evaluate("window.ended")]
    assert details == [
        best,
        best,
        {"scenario": SCENARIO, "ending": ending, "dimensions": list(DIMENSIONS), "scores": list(scores)},
    ]
    # Showing a saved ending again (reload, back/forward cache) is not reaching it.
    page.reload()
    open_beta(page, site)
    assert node(page) == ending
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate("window.ended") == []
    assert entry(page)["plays"] == 3


def test_pageshow_from_cache_shows_the_step_reached_elsewhere(tab, site):
    first = tab.page
    open_beta(first, site)
    second = tab.context.new_page()
    open_beta(second, site)
    play(second, PATHS["worst-caring"][0])
    assert node(first) == "ask"
    # Chromium hands one page's localStorage writes to another page asynchronously: wait until the first page
    # can read what the second saved, as it could by the time a learner goes back to it.
    saved = entry(second)
    deadline = time.monotonic() + 10
    while entry(first) != saved:
        assert time.monotonic() < deadline, "the first page never saw the second page's save"
        first.wait_for_timeout(50)
    # What the browser fires when it brings the first page back from its back/forward cache:
    first.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert node(first) == "bad-end"
    assert player(first).get_attribute("data-scores") == "-3 -1 0"
    assert first.locator(f"{ROOT} [data-scenario-player] h3").count() == 1


def test_node_ids_never_clash_with_the_players_own_ids(tab, site):
    """Node anchors are `scenario-<id>-<node>`: nodes called choice-0 or choice-error must not share an id
    with the player's radios or error message (their labels would point at the hidden step instead)."""
    page = tab.page
    renames = {"typing": "choice-0", "listen": "choice-error"}

    def rename(route):
        html = route.fetch().text()
        for old, new in renames.items():
            for pattern in ('data-node="%s"', 'data-next="%s"', f'scenario-{SCENARIO}-%s"'):
                html = html.replace(pattern % old, pattern % new)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(site.url("beta/"), rename)
    open_beta(page, site)
    assert page.locator(f'{ROOT} [data-node="choice-0"]').count() == 1
    duplicates = page.locator(ROOT).evaluate("""root => { const ids = [...root.querySelectorAll('[id]')].map(e => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i); }""")
    assert duplicates == []
    button(page, "Continue").click()  # the error shows, with its id
    expect(player(page).locator(".course-scenario__error")).to_be_visible()
    duplicates = page.locator(ROOT).evaluate("""root => { const ids = [...root.querySelectorAll('[id]')].map(e => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i); }""")
    assert duplicates == []
    player(page).get_by_text("Stop typing and listen").click()  # a click on the label chooses its radio
    assert player(page).get_by_label("Stop typing and listen", exact=True).is_checked()
    button(page, "Continue").click()
    wait_node(page, "choice-error")
    player(page).get_by_label("Agree a time this afternoon and keep it", exact=True).check()
    button(page, "Continue").click()
    wait_node(page, "good-end")
    assert player(page).get_attribute("data-scores") == "2 2 2"


# -- keyboards, phones, axe ---------------------------------------------------------------------


def test_keyboard_only_play_through_to_an_ending_and_again(page, site):
    open_beta(page, site)
    tab_until(page, "el.type === 'radio' && !!el.closest('[data-scenario-player]')")
    assert focused(page)["label"] == "Stop typing and listen"
    page.keyboard.press("ArrowDown")  # arrows move through the group and choose as they go
    assert focused(page) == dict(focused(page), label="Keep typing while he talks", checked=True)
    page.keyboard.press("ArrowUp")
    assert focused(page) == dict(focused(page), label="Stop typing and listen", checked=True)
    page.keyboard.press("Tab")
    assert focused(page) == dict(focused(page), tag="button", text="Continue")
    outline = page.evaluate(
        "(el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)])"
        "(document.activeElement)"
    )
    assert outline[0] != "none" and outline[1] >= 2, "keyboard focus must be visible"
    page.keyboard.press("Enter")
    wait_node(page, "listen")
    assert focused(page) == dict(focused(page), tag="h3", text="Step 2", inPlayer=True)
    heading_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert heading_outline != "none"
    # From the step heading, Tab reaches the choices, then Continue.
    page.keyboard.press("Tab")
    assert focused(page) == dict(focused(page), type="radio", label="Agree a time this afternoon and keep it")
    page.keyboard.press("Space")
    assert focused(page)["checked"] is True
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Continue"
    page.keyboard.press("Space")
    wait_node(page, "good-end")
    assert focused(page) == dict(focused(page), tag="h3", text="How it ended", inPlayer=True)
    assert player(page).get_attribute("data-scores") == "2 2 2"
    page.keyboard.press("Tab")
    assert focused(page) == dict(focused(page), tag="button", text="Play again")
    page.keyboard.press("Enter")
    wait_node(page, "ask")
    assert focused(page) == dict(focused(page), tag="h3", text="Step 1", inPlayer=True)
    # Enter on a chosen radio continues too (the form's implicit submission).
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    assert focused(page)["label"] == "Keep typing while he talks"
    page.keyboard.press("Enter")
    wait_node(page, "typing")
    # Go back one step by keyboard: after the choices and Continue.
    tab_until(page, "el.textContent === 'Go back one step'", limit=6)
    page.keyboard.press("Enter")
    wait_node(page, "ask")
    assert focused(page)["text"] == "Step 1"
    assert entry(page)["plays"] == 1


@pytest.mark.parametrize("where", ["step", "ending"])
def test_fits_375px_without_horizontal_scroll(new_tab, site, where):
    page = new_tab(**PHONE).page
    open_beta(page, site)
    if where == "step":
        choose(page, "Stop typing and listen")  # feedback, text and choices on screen
    else:
        play(page, PATHS["mixed"][0])
    assert no_horizontal_scroll(page) <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.locator(ROOT).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    page.locator(ROOT).screenshot(path=f"/tmp/scenario-375-{where}.png")
    if where == "ending":  # the bars use the whole width: no list indent from the theme
        lefts = player(page).evaluate("""root => [root.querySelector('.course-scenario__result h4'),
            ...root.querySelectorAll('.course-scenario__scores > li')].map(el => el.getBoundingClientRect().left)""")
        assert len(set(lefts)) == 1, lefts
    # Choices and buttons are big enough to tap.
    small = player(page).evaluate("""root => [...root.querySelectorAll('.course-choice__label, button')]
        .filter(el => el.checkVisibility())
        .map(el => [el.textContent.trim(), el.getBoundingClientRect()])
        .filter(([, r]) => r.height < 44 || r.width < 44)
        .map(([what, r]) => `${what}: ${r.width}x${r.height}`)""")
    assert small == []


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_axe_violations_at_each_stage(new_tab, site, device):
    page = new_tab(**(PHONE if device == "phone" else {})).page
    problems = {}
    open_beta(page, site)
    problems["step 1"] = run_axe(page)
    button(page, "Continue").click()
    expect(player(page).locator(".course-scenario__error")).to_be_visible()
    problems["after an error"] = run_axe(page)
    play(page, PATHS["mixed"][0])
    problems["at an ending"] = run_axe(page)
    open_progress(page, site)
    problems["progress page"] = run_axe(page)
    assert not any(problems.values()), "\n".join(f"{n}: {format_violations(v)}" for n, v in problems.items() if v)


# -- without JavaScript, and with Material's instant navigation ---------------------------------


def test_without_javascript_every_step_is_readable_and_linked(new_tab, site):
    page = new_tab(java_script_enabled=False).page
    page.goto(site.url("beta/"))
    root = page.locator(ROOT)
    assert player(page).is_hidden()
    assert root.locator("[data-scenario-steps]").is_visible()
    assert "Turn on JavaScript to play this role-play" in visible_text(root)
    nodes = root.locator(".course-scenario__node")
    assert nodes.evaluate_all("ns => ns.map(n => n.dataset.node)") == list(GRAPH)
    for node_id, choices in GRAPH.items():
        step = root.locator(f'[data-node="{node_id}"]')
        assert step.get_attribute("id") == f"scenario-{SCENARIO}-{node_id}"
        assert step.is_visible()
        assert NODE_TEXT[node_id] in visible_text(step)
        label = visible_text(step.locator(".course-scenario__label"))
        number = list(GRAPH).index(node_id) + 1  # steps are numbered in the order listed, the start first
        kind = "Ending" if node_id in ENDINGS else "Start" if node_id == "ask" else None
        assert label == (f"{kind} (step {number})" if kind else f"Step {number}")
        assert visible_text(step).count("go to step") == 0, "the paper directions are for print only"
        items = step.locator("li[data-next]")
        assert items.count() == len(choices)
        for i, (text, target) in enumerate(choices):
            item = items.nth(i)
            assert visible_text(item.locator("[data-choice-text]")) == text
            link = item.get_by_role("link", name="(see what happens)")
            assert link.get_attribute("href") == f"#scenario-{SCENARIO}-{target}"
            assert item.locator("[data-choice-feedback]").is_hidden()  # feedback would give the game away
    # Following the links walks a path: each jump lands on the step it names.
    for label, target in [
        ("Keep typing while he talks", "typing"),
        ("Apologise and turn round", "listen"),
        ("Agree a time this afternoon and keep it", "good-end"),
    ]:
        item = root.locator("li[data-next]", has=page.locator("[data-choice-text]", has_text=label)).first
        item.get_by_role("link", name="(see what happens)").click()
        page.wait_for_url(f"**#scenario-{SCENARIO}-{target}")
        landed = root.locator(f'[data-node="{target}"]')
        assert page.evaluate("location.hash") == f"#scenario-{SCENARIO}-{target}"
        assert landed.evaluate("el => el.matches(':target')")
        expect(landed).to_be_in_viewport()


def test_role_play_starts_after_material_instant_navigation(page, sites):
    site = sites("instant")
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        open_page(page, site, "")  # Material handles links only once it has read the sitemap
    page.evaluate("window.sameDocument = true")
    page.locator(".md-nav__link", has_text="Beta lesson").first.click()
    page.wait_for_url(site.url("beta/"))
    player(page).wait_for(state="visible")
    assert page.evaluate("window.sameDocument") is True, "Material's instant navigation did not handle the link"
    assert node(page) == "ask"
    assert page.locator(f"{ROOT} [data-scenario-steps]").is_hidden()
    play(page, PATHS["best"][0])
    assert player(page).get_attribute("data-scores") == "2 2 2"
    assert (
        page.locator(f"{ROOT} .course-scenario__bar").first.evaluate("el => getComputedStyle(el).display") == "block"
    ), "scenario.css must apply after instant navigation"
    # Away and back again, still without a reload: the saved ending is shown, set up once.
    page.locator(".md-nav__link", has_text="Your progress").first.click()
    page.wait_for_url(site.url("progress/"))
    page.locator("[data-scenario-progress][data-scenario-synced]").wait_for(state="attached")
    row = page.locator(f'tr[data-scenario-ref="{SCENARIO}"]')
    expect(row.locator("[data-scenario-plays]")).to_have_text("1")
    page.locator(".md-nav__link", has_text="Beta lesson").first.click()
    page.wait_for_url(site.url("beta/"))
    wait_node(page, "good-end")
    assert page.locator(f"{ROOT} [data-scenario-player] h3").count() == 1
    assert page.evaluate("window.sameDocument") is True


def test_role_play_works_with_mkdocs_builtin_theme(tab, sites):
    site = sites("mkdocs")
    page = tab.page
    open_beta(page, site)
    assert page.locator(f"{ROOT} [data-scenario-steps]").is_hidden()
    play(page, PATHS["worst-integrity"][0])
    assert player(page).get_attribute("data-scores") == "1 -1 -4"
    assert score_lines(page)[0] == "Caring: 1 out of a best possible 2"
    assert bar_widths(page) == {"caring": "50%", "competency": "0%", "integrity": "0%"}
    bar = player(page).locator('[data-dimension="caring"] .course-scenario__bar span').bounding_box()
    track = player(page).locator('[data-dimension="caring"] .course-scenario__bar').bounding_box()
    assert bar["height"] > 0 and abs(bar["width"] - (track["width"] - 2) / 2) <= 1  # scenario.css applies
    page.locator(ROOT).screenshot(path="/tmp/scenario-mkdocs-ending.png")
    page.reload()
    open_beta(page, site)
    assert node(page) == "bad-end"
    violations = run_axe(page)
    assert not violations, format_violations(violations)
