"""Validation of branching role-plays (quizzes/<id>.yml with `kind: scenario`): each broken shape
with its exact words and place, the references from lessons and the course, and the model a
valid role-play becomes."""

from __future__ import annotations

from pathlib import Path

from builder.source.model import Scenario
from builder.source.project import Project
from tests.support.paths import FIXTURES
from tests.support.projects import file_name, load, project_at, write_project

COURSE = """\
title: Role-play course
description: For tests.
lessons: [one]
"""
LESSON = """\
id: one
title: Lesson one
summary: The first.
duration_minutes: 5
objectives:
  - id: help
    text: Help a colleague.
sections:
  - title: Start
    body: Hello.
scenarios: [play]
"""
# Line numbers matter: the tests below point at them.
PLAY = """\
id: play
kind: scenario
title: A short talk
start: ask
nodes:
  ask:
    text: A colleague asks for help.
    choices:
      - text: Help now
        next: helped
        scores: {caring: 2}
      - text: Say you are busy
        next: later
        scores: {caring: -1, integrity: 1}
  later:
    text: They come back later.
    choices:
      - text: Help them now
        next: helped
      - text: Send them away
        next: refused
        scores: {caring: -2}
  helped:
    end: true
    text: They thank you.
  refused:
    end: true
    text: They ask someone else.
"""
QUIZ = """\
id: one-check
title: Check one
questions:
  - id: q1
    type: true_false
    objective: help
    prompt: Is helping good?
    answer: true
"""


def make_project(tmp_path: Path, play: str | None = PLAY, **files: str) -> Project:
    """The course above with `play` as quizzes/play.yml; other files by name (content/two.yml=...)."""
    texts = {"content/course.yml": COURSE, "content/one.yml": LESSON, "quizzes/play.yml": play}
    return write_project(tmp_path, {**texts, **{file_name(key): text for key, text in files.items()}})


def problems_of(tmp_path: Path, play: str | None = PLAY, **files: str) -> list[str]:
    course, problems = load(make_project(tmp_path, play, **files))
    if any(p.is_error for p in problems):
        assert course is None
    return [str(p) for p in problems]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


LOOP_TEXT = 'a role-play only moves forward (learners have "Go back one step" and "Play again" to try other choices)'


# -- the valid role-play ----------------------------------------------------------------------------


def test_validate_scenario_valid_builds_nodes_in_file_order_with_aligned_scores(tmp_path):
    course, problems = load(make_project(tmp_path))
    assert problems == []
    scenario = course.scenarios["play"]
    assert isinstance(scenario, Scenario)
    assert course.scenarios_for(course.lessons[0]) == (scenario,)
    assert (scenario.id, scenario.title, scenario.start) == ("play", "A short talk", "ask")
    assert scenario.dimensions == ("caring", "competency", "integrity")
    assert list(scenario.nodes) == ["ask", "later", "helped", "refused"]
    ask = scenario.nodes["ask"]
    assert [c.next for c in ask.choices] == ["helped", "later"]
    assert [c.scores for c in ask.choices] == [(2, 0, 0), (-1, 0, 1)]
    assert scenario.nodes["later"].choices[0].scores == (0, 0, 0)  # no `scores`: 0 on every dimension
    assert [n.id for n in scenario.endings] == ["helped", "refused"]
    assert ask.origin.path == "quizzes/play.yml" and ask.origin.line == 7
    assert scenario.edges == {"ask": ("helped", "later"), "later": ("helped", "refused"), "helped": (), "refused": ()}
    # paths: ask-helped (2,0,0); ask-later-helped (-1,0,1); ask-later-refused (-3,0,1)
    assert scenario.score_ranges() == ((-3, 2), (0, 0), (0, 1))
    assert scenario.longest_path() == 2


def test_validate_scenario_desk_visit_score_ranges_are_the_hand_computed_ones():
    course, problems = load(project_at(FIXTURES / "full"))
    assert course is not None, [str(p) for p in problems]
    scenario = course.scenarios["desk-visit"]
    assert list(scenario.nodes) == ["ask", "listen", "typing", "promise", "good-end", "mixed-end", "bad-end"]
    assert scenario.nodes["typing"].choices[1].scores == (-1, -1, 0)
    # Every path, as (caring, competency, integrity):
    #   ask-listen-good          (2+0, 1+1, 0+2)        = ( 2,  2,  2)
    #   ask-listen-mixed         (2+0, 1+0, 0-1)        = ( 2,  1, -1)
    #   ask-typing-listen-good   (-2+1+0, 0+0+1, 0+0+2) = (-1,  1,  2)
    #   ask-typing-listen-mixed  (-2+1+0, 0, -1)        = (-1,  0, -1)
    #   ask-typing-bad           (-2-1, 0-1, 0)         = (-3, -1,  0)
    #   ask-promise-mixed        (1, 0, -2+1)           = ( 1,  0, -1)
    #   ask-promise-bad          (1, 0-1, -2-2)         = ( 1, -1, -4)
    assert scenario.score_ranges() == ((-3, 2), (-1, 2), (-4, 2))
    assert scenario.longest_path() == 3


def test_validate_scenario_own_dimensions_make_their_scores_valid(tmp_path):
    play = replace_once(PLAY, "start: ask\n", "dimensions: [integrity, empathy]\nstart: ask\n")
    play = replace_once(play, "scores: {caring: 2}", "scores: {empathy: 2}")
    play = replace_once(play, "scores: {caring: -1, integrity: 1}", "scores: {integrity: 1}")
    play = replace_once(play, "scores: {caring: -2}", "scores: {empathy: -2, integrity: -1}")
    course, problems = load(make_project(tmp_path, play))
    assert problems == []
    scenario = course.scenarios["play"]
    assert scenario.dimensions == ("integrity", "empathy")
    assert [c.scores for c in scenario.nodes["ask"].choices] == [(0, 2), (1, 0)]
    assert scenario.nodes["later"].choices[1].scores == (-1, -2)
    assert scenario.score_ranges() == ((0, 1), (-2, 2))


def test_validate_scenario_ids_yaml_reads_as_numbers_or_dates_are_ids(tmp_path):
    """`next: 12` is an id to the format check, so the graph follows it too."""
    play = PLAY.replace("later", "12").replace("refused", "2024-01-01")
    course, problems = load(make_project(tmp_path, play))
    assert problems == []
    scenario = course.scenarios["play"]
    assert list(scenario.nodes) == ["ask", "12", "helped", "2024-01-01"]
    assert scenario.edges["ask"] == ("helped", "12")
    assert scenario.edges["12"] == ("helped", "2024-01-01")


def test_validate_scenario_start_yaml_reads_as_a_boolean_is_an_id(tmp_path):
    """`start: yes` is the node `yes`: the graph is checked from it like from any other start."""
    play = PLAY.replace("ask", "yes") + "  orphan:\n    end: true\n    text: Nobody gets here.\n"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:29:3: nodes.orphan: node 'orphan' cannot be reached: no choice on the way from the "
        "start node 'yes' leads to it",
    ]
    course, problems = load(make_project(tmp_path, PLAY.replace("ask", "yes")))
    assert problems == [] and course.scenarios["play"].start == "yes"


def test_validate_scenario_of_exactly_the_node_limit_builds(tmp_path):
    chain = "".join(
        f"  n{i}:\n    text: Step {i}.\n    choices:\n      - {{text: A, next: n{i + 1}}}\n"
        f"      - {{text: B, next: n{i + 1}, scores: {{caring: 1}}}}\n"
        for i in range(199)
    )
    play = f"id: play\nkind: scenario\ntitle: Long\nstart: n0\nnodes:\n{chain}  n199:\n    end: true\n    text: End.\n"
    course, problems = load(make_project(tmp_path, play))
    assert problems == []
    scenario = course.scenarios["play"]
    assert len(scenario.nodes) == 200
    assert scenario.longest_path() == 199
    assert scenario.score_ranges()[0] == (0, 199)


# -- broken graphs ------------------------------------------------------------------------------------


def test_validate_scenario_unknown_next_suggests_the_node(tmp_path):
    play = replace_once(PLAY, "        next: helped\n        scores", "        next: helpd\n        scores")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:10:15: nodes.ask.choices[0].next: there is no node 'helpd' in this role-play "
        "(did you mean 'helped'?)",
    ]


def test_validate_scenario_unknown_start_suggests_the_node(tmp_path):
    play = replace_once(PLAY, "start: ask", "start: aks")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:4:8: start: there is no node 'aks' in this role-play (did you mean 'ask'?)",
    ]


def test_validate_scenario_missing_start(tmp_path):
    play = replace_once(PLAY, "start: ask\n", "")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:1:1: missing required key 'start': the id of the first node",
    ]


def test_validate_scenario_unreachable_node_is_reported_at_its_id(tmp_path):
    play = PLAY + "  orphan:\n    end: true\n    text: Nobody gets here.\n"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:29:3: nodes.orphan: node 'orphan' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_node_without_choices_needs_two_or_an_end(tmp_path):
    play = replace_once(
        PLAY,
        """\
    choices:
      - text: Help them now
        next: helped
      - text: Send them away
        next: refused
        scores: {caring: -2}
""",
        "",
    )
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:16:5: nodes.later: node 'later' needs at least two choices (found none), or "
        "`end: true` if the role-play ends here",
        "quizzes/play.yml:20:3: nodes.refused: node 'refused' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_node_with_one_choice_needs_two_or_an_end(tmp_path):
    play = replace_once(
        PLAY,
        """\
      - text: Help them now
        next: helped
      - text: Send them away
        next: refused
        scores: {caring: -2}
""",
        """\
      - text: Help them now
        next: helped
""",
    )
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:18:7: nodes.later.choices: node 'later' needs at least two choices (found only one), "
        "or `end: true` if the role-play ends here",
        "quizzes/play.yml:23:3: nodes.refused: node 'refused' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_ending_with_choices(tmp_path):
    play = (
        replace_once(
            PLAY,
            "    text: They thank you.\n",
            """\
    text: They thank you.
    choices:
      - text: Ask again
        next: ask
      - text: Leave
        next: thanked
""",
        )
        + "  thanked:\n    end: true\n    text: You are thanked.\n"
    )
    # the ending's choices still count as leading somewhere ('thanked' is reached), and cannot loop
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:27:7: nodes.helped.choices: node 'helped' is an ending (`end: true`), so it has no "
        "choices; remove `end: true` or the choices",
    ]
    play = play.replace("next: thanked", "next: thanks")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:27:7: nodes.helped.choices: node 'helped' is an ending (`end: true`), so it has no "
        "choices; remove `end: true` or the choices",
        "quizzes/play.yml:30:15: nodes.helped.choices[1].next: there is no node 'thanks' in this role-play "
        "(did you mean 'thanked'?)",
        "quizzes/play.yml:34:3: nodes.thanked: node 'thanked' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_choice_leading_back_is_a_loop(tmp_path):
    play = replace_once(
        PLAY, "      - text: Help them now\n        next: helped\n", "      - text: Help them now\n        next: ask\n"
    )
    assert problems_of(tmp_path, play) == [
        f"quizzes/play.yml:19:15: nodes.later.choices[0].next: this choice leads back to 'ask', which comes "
        f"earlier on the way here; {LOOP_TEXT}",
    ]


def test_validate_scenario_choice_leading_to_its_own_node_is_a_loop(tmp_path):
    play = replace_once(
        PLAY,
        "      - text: Help them now\n        next: helped\n",
        "      - text: Help them now\n        next: later\n",
    )
    assert problems_of(tmp_path, play) == [
        f"quizzes/play.yml:19:15: nodes.later.choices[0].next: this choice leads back to 'later', which comes "
        f"earlier on the way here; {LOOP_TEXT}",
    ]


CLOSED_LOOP = """\
id: play
kind: scenario
title: Waiting
start: ask
nodes:
  ask:
    text: A colleague asks for help.
    choices:
      - {text: Help now, next: helped}
      - {text: Later, next: wait}
  wait:
    text: You wait.
    choices:
      - {text: Wait more, next: again}
      - {text: Keep waiting, next: again}
  again:
    text: Still waiting.
    choices:
      - {text: Wait, next: wait}
      - {text: Wait longer, next: wait}
  helped:
    end: true
    text: Done.
"""


def test_validate_scenario_closed_loop_reports_the_loop_and_the_nodes_with_no_ending(tmp_path):
    assert problems_of(tmp_path, CLOSED_LOOP) == [
        "quizzes/play.yml:11:3: nodes.wait: no ending can be reached from node 'wait': every path from here goes "
        "round in a loop without reaching a node with `end: true`",
        "quizzes/play.yml:16:3: nodes.again: no ending can be reached from node 'again': every path from here goes "
        "round in a loop without reaching a node with `end: true`",
        f"quizzes/play.yml:19:28: nodes.again.choices[0].next: this choice leads back to 'wait', which comes "
        f"earlier on the way here; {LOOP_TEXT}",
        f"quizzes/play.yml:20:35: nodes.again.choices[1].next: this choice leads back to 'wait', which comes "
        f"earlier on the way here; {LOOP_TEXT}",
    ]


def test_validate_scenario_start_node_that_is_an_ending(tmp_path):
    play = replace_once(PLAY, "start: ask", "start: helped")
    unreachable = "cannot be reached: no choice on the way from the start node 'helped' leads to it"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:4:8: start: the start node 'helped' is an ending: the learner would have nothing to choose",
        f"quizzes/play.yml:6:3: nodes.ask: node 'ask' {unreachable}",
        f"quizzes/play.yml:15:3: nodes.later: node 'later' {unreachable}",
        f"quizzes/play.yml:26:3: nodes.refused: node 'refused' {unreachable}",
    ]


def test_validate_scenario_score_for_an_undeclared_dimension(tmp_path):
    play = replace_once(PLAY, "scores: {caring: 2}", "scores: {carring: 2}")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:11:18: nodes.ask.choices[0].scores.carring: 'carring' is not a dimension of this "
        "role-play (did you mean 'caring'?); with no `dimensions` list it scores caring, competency and integrity",
    ]


def test_validate_scenario_score_outside_the_role_plays_own_dimensions(tmp_path):
    play = replace_once(PLAY, "start: ask\n", "dimensions: [empathy, integrity]\nstart: ask\n")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:12:18: nodes.ask.choices[0].scores.caring: 'caring' is not a dimension of this "
        "role-play; its `dimensions` are empathy and integrity",
        "quizzes/play.yml:15:18: nodes.ask.choices[1].scores.caring: 'caring' is not a dimension of this "
        "role-play; its `dimensions` are empathy and integrity",
        "quizzes/play.yml:23:18: nodes.later.choices[1].scores.caring: 'caring' is not a dimension of this "
        "role-play; its `dimensions` are empathy and integrity",
    ]


def test_validate_scenario_duplicate_dimension(tmp_path):
    play = replace_once(PLAY, "start: ask\n", "dimensions: [caring, integrity, caring]\nstart: ask\n")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:4:33: dimensions[2]: dimension 'caring' is listed twice",
    ]


def test_validate_scenario_empty_dimensions_are_reported_once(tmp_path):
    """With no dimensions to compare against, the scores are not each reported as well."""
    play = replace_once(PLAY, "start: ask\n", "dimensions: []\nstart: ask\n")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:4:13: dimensions: needs at least one dimension; found 0",
    ]


def test_validate_scenario_duplicate_node_id(tmp_path):
    play = PLAY + "  later:\n    end: true\n    text: Written twice.\n"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:29:3: duplicate key 'later' (already set on line 15); YAML would silently keep only the "
        "last one",
    ]


def test_validate_scenario_node_id_that_is_not_an_id(tmp_path):
    play = replace_once(PLAY, "  refused:\n", "  Refused:\n")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:21:15: nodes.later.choices[1].next: there is no node 'refused' in this role-play "
        "(did you mean 'Refused'?)",
        "quizzes/play.yml:26:3: nodes.Refused: 'Refused' is not a valid node id: use lowercase letters, digits and "
        "hyphens, like 'refused'",
        "quizzes/play.yml:26:3: nodes.Refused: node 'Refused' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_next_that_is_not_an_id_is_reported_once(tmp_path):
    play = replace_once(PLAY, "        next: refused\n", "        next: Refused!\n")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:21:15: nodes.later.choices[1].next: 'Refused!' is not a valid id: use lowercase letters, "
        "digits and hyphens, like 'refused'",
        "quizzes/play.yml:26:3: nodes.refused: node 'refused' cannot be reached: no choice on the way from the "
        "start node 'ask' leads to it",
    ]


def test_validate_scenario_score_key_that_is_not_an_id_is_reported_once(tmp_path):
    play = replace_once(PLAY, "scores: {caring: 2}", "scores: {Caring: 2}")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:11:18: nodes.ask.choices[0].scores.Caring: 'Caring' is not a valid dimension id: use "
        "lowercase letters, digits and hyphens, like 'caring'",
    ]


def test_validate_scenario_without_nodes_is_reported_once(tmp_path):
    play = PLAY[: PLAY.index("nodes:")] + "nodes: {}\n"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:5:8: nodes: needs at least one node; found 0",
    ]


def test_validate_scenario_too_many_nodes(tmp_path):
    nodes = "".join(f"  n{i}:\n    end: true\n    text: End {i}.\n" for i in range(201))
    play = f"id: play\nkind: scenario\ntitle: Huge\nstart: n0\nnodes:\n{nodes}"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:6:3: nodes: has 201 nodes; the limit is 200 per role-play (split it into several role-plays)",
    ]


def test_validate_scenario_choices_without_next_are_not_called_a_loop(tmp_path):
    """A node whose choices lack `next` is reported for that alone, not as one from which no ending is reached."""
    play = replace_once(PLAY, "        next: helped\n        scores: {caring: 2}\n", "        scores: {caring: 2}\n")
    play = replace_once(play, "        next: later\n", "")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:9:9: nodes.ask.choices[0]: missing required key 'next': the id of the node this choice "
        "leads to",
        "quizzes/play.yml:11:9: nodes.ask.choices[1]: missing required key 'next': the id of the node this choice "
        "leads to",
        "quizzes/play.yml:13:3: nodes.later: node 'later' cannot be reached: no choice on the way from the start "
        "node 'ask' leads to it",
        "quizzes/play.yml:21:3: nodes.helped: node 'helped' cannot be reached: no choice on the way from the start "
        "node 'ask' leads to it",
        "quizzes/play.yml:24:3: nodes.refused: node 'refused' cannot be reached: no choice on the way from the start "
        "node 'ask' leads to it",
    ]


def test_validate_scenario_node_of_the_wrong_type_is_reported_once(tmp_path):
    play = replace_once(
        PLAY, "  refused:\n    end: true\n    text: They ask someone else.\n", "  refused: They ask someone else.\n"
    )
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:26:12: nodes.refused: should be a group of keys (like `title: ...`), but is text "
        "'They ask someone else.'",
    ]


def test_validate_scenario_every_problem_of_a_file_in_one_run(tmp_path):
    play = replace_once(PLAY, "title: A short talk", "title: [A, short, talk]")
    play = replace_once(play, "        next: helped\n        scores", "        next: helpd\n        scores")
    play = replace_once(play, "scores: {caring: -1, integrity: 1}", "scores: {caring: -1, integrty: 1}")
    play = replace_once(play, "      - text: Help them now\n        next: helped\n", "")
    play = replace_once(
        play,
        "    end: true\n    text: They thank you.\n",
        "    end: true\n    text: They thank you.\n    choices: []\n",
    )
    play += "  orphan:\n    end: true\n"
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:3:8: title: should be text, but is a list",
        "quizzes/play.yml:10:15: nodes.ask.choices[0].next: there is no node 'helpd' in this role-play "
        "(did you mean 'helped'?)",
        "quizzes/play.yml:14:30: nodes.ask.choices[1].scores.integrty: 'integrty' is not a dimension of this "
        "role-play (did you mean 'integrity'?); with no `dimensions` list it scores caring, competency and "
        "integrity",
        "quizzes/play.yml:18:7: nodes.later.choices: node 'later' needs at least two choices (found only one), "
        "or `end: true` if the role-play ends here",
        "quizzes/play.yml:21:3: nodes.helped: node 'helped' cannot be reached: no choice on the way from the start "
        "node 'ask' leads to it",
        "quizzes/play.yml:24:14: nodes.helped.choices: node 'helped' is an ending (`end: true`), so it has no "
        "choices; remove `end: true` or the choices",
        "quizzes/play.yml:28:3: nodes.orphan: node 'orphan' cannot be reached: no choice on the way from the start "
        "node 'ask' leads to it",
        "quizzes/play.yml:29:5: nodes.orphan: missing required key 'text': the situation at this step (or, at an "
        "ending, how things turned out) in Markdown",
    ]


# -- the file's kind ----------------------------------------------------------------------------------


def test_validate_scenario_kind_typo_suggests_scenario_and_is_the_one_problem(tmp_path):
    play = replace_once(PLAY, "kind: scenario", "kind: scenaro")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:2:7: kind: 'scenaro' is not allowed here; use one of: quiz, scenario "
        "(did you mean 'scenario'?)",
    ]


def test_validate_scenario_without_kind_is_a_quiz_told_about_kind_scenario(tmp_path):
    play = replace_once(PLAY, "kind: scenario\n", "")
    assert problems_of(tmp_path, play) == [
        "content/one.yml:11:13: scenarios[0]: 'play' is a quiz, not a role-play; link it with `quiz: play`, or add "
        "`kind: scenario` to its file",
        "quizzes/play.yml:1:1: missing required key 'questions': the questions, in order",
        "quizzes/play.yml:1:1: warning: quiz 'play' is not used: no lesson has `quiz: play` and it is not the "
        "final quiz",
        "quizzes/play.yml:3:1: start: unknown key 'start' (a role-play needs `kind: scenario`)",
        "quizzes/play.yml:4:1: nodes: unknown key 'nodes' (a role-play needs `kind: scenario`)",
    ]


def test_validate_scenario_that_is_not_yaml_is_not_called_a_quiz(tmp_path):
    play = "id: play\nkind: scenario\ntitle: [unclosed\n"
    problems = problems_of(tmp_path, play)
    assert len(problems) == 1 and problems[0].startswith("quizzes/play.yml:4:1: this is not valid YAML: ")


def test_validate_scenario_with_a_reserved_id(tmp_path):
    play = replace_once(PLAY, "id: play", "id: progress")
    problems = problems_of(tmp_path, None, quizzes__progress=play, content__one=LESSON.replace("[play]", "[progress]"))
    assert problems == [
        "quizzes/progress.yml:1:5: id: 'progress' is reserved for a page the builder makes; choose another id",
    ]


# -- references from lessons and the course -----------------------------------------------------------


def test_validate_scenario_lesson_lists_an_unknown_role_play(tmp_path):
    lesson = LESSON.replace("scenarios: [play]", "scenarios: [plya]")
    assert problems_of(tmp_path, content__one=lesson) == [
        "content/one.yml:11:13: scenarios[0]: role-play 'plya' not found: there is no file quizzes/plya.yml "
        "(did you mean 'play'?)",
        "quizzes/play.yml:1:1: warning: role-play 'play' is not used: no lesson lists it under `scenarios:`",
    ]


def test_validate_scenario_lesson_lists_a_quiz_as_a_role_play(tmp_path):
    lesson = LESSON.replace("scenarios: [play]", "scenarios: [play, one-check]")
    assert problems_of(tmp_path, content__one=lesson, quizzes__one_check=QUIZ) == [
        "content/one.yml:11:19: scenarios[1]: 'one-check' is a quiz, not a role-play; link it with "
        "`quiz: one-check`, or add `kind: scenario` to its file",
        "quizzes/one-check.yml:1:1: warning: quiz 'one-check' is not used: no lesson has `quiz: one-check` and it "
        "is not the final quiz",
    ]


def test_validate_scenario_lesson_lists_a_role_play_twice(tmp_path):
    lesson = LESSON.replace("scenarios: [play]", "scenarios: [play, play]")
    assert problems_of(tmp_path, content__one=lesson) == [
        "content/one.yml:11:19: scenarios[1]: role-play 'play' is listed twice in this lesson (also scenarios[0])",
    ]


def test_validate_scenario_lesson_quiz_names_a_role_play(tmp_path):
    lesson = LESSON + "quiz: play\n"
    assert problems_of(tmp_path, content__one=lesson) == [
        "content/one.yml:12:7: quiz: 'play' is a role-play (`kind: scenario`), not a quiz; list it under "
        "`scenarios:` instead",
    ]


def test_validate_scenario_final_quiz_names_a_role_play(tmp_path):
    course = COURSE + "final_quiz: play\n"
    assert problems_of(tmp_path, content__course=course) == [
        "content/course.yml:4:13: final_quiz: 'play' is a role-play (`kind: scenario`), not a quiz; list it under "
        "`scenarios:` in a lesson",
    ]


def test_validate_scenario_used_by_two_lessons(tmp_path):
    course = COURSE.replace("[one]", "[one, two]")
    two = LESSON.replace("id: one", "id: two").replace("Lesson one", "Lesson two")
    assert problems_of(tmp_path, content__course=course, content__two=two) == [
        "content/two.yml:11:13: scenarios[0]: role-play 'play' is already used by lesson 'one'; each role-play "
        "belongs to one lesson",
    ]


def test_validate_scenario_unused_is_a_warning_and_the_course_builds(tmp_path):
    lesson = LESSON.replace("scenarios: [play]\n", "")
    course, problems = load(make_project(tmp_path, content__one=lesson))
    assert [str(p) for p in problems] == [
        "quizzes/play.yml:1:1: warning: role-play 'play' is not used: no lesson lists it under `scenarios:`",
    ]
    assert course is not None and course.scenarios == {}
    assert course.lessons[0].scenario_ids == ()


def test_validate_scenario_file_name_must_match_its_id(tmp_path):
    play = replace_once(PLAY, "id: play", "id: talk")
    assert problems_of(tmp_path, play) == [
        "quizzes/play.yml:1:5: id: 'talk' does not match the file name 'play.yml'; rename the file to talk.yml or "
        "set `id: play`",
    ]
