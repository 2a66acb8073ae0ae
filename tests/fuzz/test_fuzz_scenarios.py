"""Fuzzing role-play validation against a brute-force reference.

Each example is a random role-play graph: node ids (some of them words YAML reads as numbers,
booleans or dates), endings, choices whose `next` may name a missing node, scores that may name a
dimension the role-play does not have. It is written as YAML into a one-lesson course and
validated the way `course validate` does. An independent reference, written here with plain
breadth-first searches and Kahn's algorithm (not the validator's depth-first walks), predicts
which node or choice each problem is reported at; the validator must report exactly those, a
loop iff the reachable graph has a cycle, and the course iff the reference finds nothing wrong.
For a valid role-play, the model's score ranges and longest path must equal the extremes over
every path, enumerated one by one.
"""

from __future__ import annotations

import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

from builder.source.course_format import DEFAULT_DIMENSIONS
from builder.source.diagnostics import Diagnostic, format_path
from tests.support.fuzzing import assert_located, examples
from tests.support.projects import load, project_at

# Ids YAML would read as something other than text when written plainly: numbers, booleans, dates.
YAML_LOOKALIKES = ["12", "07", "0x1f", "0b1", "yes", "no", "on", "off", "true", "2024-01-01"]
ID = st.one_of(
    st.sampled_from(YAML_LOOKALIKES),
    st.from_regex(r"[a-z0-9]{1,3}(-[a-z0-9]{1,2})?", fullmatch=True).filter(lambda s: s != "null"),
)
MISSING = ["ghost", "zz-nowhere"]
DIMENSIONS = [*DEFAULT_DIMENSIONS, "empathy", "speed", "yes", "12"]

COURSE = "title: Fuzz\ndescription: Fuzzing.\nlessons: [one]\n"
LESSON = (
    "id: one\ntitle: One\nsummary: The one.\nduration_minutes: 5\nobjectives:\n  - id: o\n    text: O.\n"
    "sections:\n  - title: S\n    body: B.\nscenarios: [play]\n"
)


@dataclass
class Choice:
    next: str
    scores: dict[str, int]


@dataclass
class Node:
    end: bool
    choices_key: bool
    """Whether the file has a `choices:` key (an ending with `choices: []` is still an ending with choices)."""
    choices: list[Choice]


@dataclass
class Play:
    start: str
    dimensions: list[str] | None
    nodes: dict[str, Node]

    @property
    def declared(self) -> list[str]:
        return self.dimensions or list(DEFAULT_DIMENSIONS)


@st.composite
def plays(draw) -> Play:
    ids = draw(st.lists(ID, min_size=1, max_size=8, unique=True))
    dimensions = draw(st.none() | st.lists(st.sampled_from(DIMENSIONS), min_size=1, max_size=4, unique=True))
    declared = dimensions or list(DEFAULT_DIMENSIONS)
    # "forward": each node's first choice leads to the next node, so the graph is valid unless one of its
    # few random mistakes breaks it; "tangle": choices lead anywhere and endings are rare, so loops abound;
    # "random": anything goes.
    shape = draw(st.sampled_from(["forward", "tangle", "random"]))
    forward = shape == "forward"
    percent = draw(st.sampled_from([0, 0, 3, 10, 25])) if forward else 10 if shape == "tangle" else 30

    def mistake() -> bool:  # shrinks towards no mistake
        return draw(st.integers(0, 99)) >= 100 - percent

    nodes: dict[str, Node] = {}
    for index, name in enumerate(ids):
        later = ids[index + 1 :]
        end = (not later or mistake()) if forward else mistake() if shape == "tangle" else draw(st.booleans())
        if end:
            count = draw(st.integers(1, 2)) if mistake() else 0
        elif shape != "random" and not mistake():
            count = draw(st.integers(2, 3))
        else:
            count = draw(st.integers(0, 3))
        choices = []
        for number in range(count):
            if forward and later and not mistake():
                target = later[0] if number == 0 else draw(st.sampled_from(later))
            elif mistake() or (shape == "random" and draw(st.integers(0, 9)) == 0):
                target = draw(st.sampled_from(MISSING))
            else:
                target = draw(st.sampled_from(ids))
            keys = DIMENSIONS if mistake() or not forward else declared
            scores = draw(st.dictionaries(st.sampled_from(keys), st.integers(-5, 5), max_size=3))
            choices.append(Choice(target, scores))
        choices_key = bool(choices) or (draw(st.booleans()) if not end or mistake() else False)
        nodes[name] = Node(end, choices_key, choices)
    start = ids[0] if not mistake() else draw(st.sampled_from([*ids, *MISSING]))
    return Play(start, dimensions, nodes)


def to_yaml(play: Play) -> str:
    """The role-play as a trainer would write it: ids plain (so `12` and `yes` are read by YAML as such)."""
    lines = ["id: play", "kind: scenario", "title: Fuzzed"]
    if play.dimensions is not None:
        lines.append(f"dimensions: [{', '.join(play.dimensions)}]")
    lines += [f"start: {play.start}", "nodes:"]
    for name, node in play.nodes.items():
        lines += [f"  {name}:", f"    text: Step {name}."]
        if node.end:
            lines.append("    end: true")
        if node.choices_key:
            lines.append("    choices:" if node.choices else "    choices: []")
        for number, choice in enumerate(node.choices):
            lines += [f"      - text: Choice {number}", f"        next: {choice.next}"]
            if choice.scores:
                lines.append("        scores: {" + ", ".join(f"{k}: {v}" for k, v in choice.scores.items()) + "}")
    return "\n".join(lines) + "\n"


# -- the reference ------------------------------------------------------------------------------------


def walk(start: str, edges: dict[str, list[str]]) -> set[str]:
    """Breadth-first: every node reachable from `start`, itself included."""
    seen, queue = {start}, deque([start])
    while queue:
        for target in edges[queue.popleft()]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def has_cycle(nodes: set[str], edges: dict[str, list[str]]) -> bool:
    """Kahn's algorithm on the subgraph of `nodes`: a cycle is what cannot be peeled off."""
    into = dict.fromkeys(nodes, 0)
    for node in nodes:
        for target in edges[node]:
            if target in nodes:
                into[target] += 1
    queue = deque(node for node, count in into.items() if count == 0)
    peeled = 0
    while queue:
        node = queue.popleft()
        peeled += 1
        for target in edges[node]:
            if target in nodes:
                into[target] -= 1
                if into[target] == 0:
                    queue.append(target)
    return peeled < len(nodes)


@dataclass
class Expected:
    problems: set[tuple[str, str]]
    """(code, where) of every error but loops."""
    cycle: bool
    reachable: set[str]
    forward_edges: dict[str, list[str]]


def reference(play: Play) -> Expected:
    nodes, problems = play.nodes, set()
    broken: set[str] = set()
    for name, node in nodes.items():
        where = f"nodes.{name}"
        if node.end and node.choices_key:
            problems.add(("ending-with-choices", f"{where}.choices"))
        if not node.end and len(node.choices) < 2:
            problems.add(("too-few-choices", f"{where}.choices" if node.choices_key else where))
            broken.add(name)
        for index, choice in enumerate(node.choices):
            if choice.next not in nodes:
                problems.add(("missing-node", f"{where}.choices[{index}].next"))
                broken.add(name)
            for dimension in choice.scores:
                if dimension not in play.declared:
                    problems.add(("unknown-dimension", f"{where}.choices[{index}].scores.{dimension}"))
    # every choice that leads to a node; an ending's choices (already a problem) count for reachability only
    edges = {name: [c.next for c in node.choices if c.next in nodes] for name, node in nodes.items()}
    forward = {
        name: [] if node.end else targets for (name, targets), node in zip(edges.items(), nodes.values(), strict=True)
    }
    if play.start not in nodes:
        problems.add(("missing-node", "start"))
        return Expected(problems, False, set(), forward)
    if nodes[play.start].end:
        problems.add(("start-is-ending", "start"))
    reachable = walk(play.start, edges)
    problems |= {("unreachable", f"nodes.{name}") for name in nodes if name not in reachable}
    settled = broken | {name for name, node in nodes.items() if node.end}
    for name in nodes:
        if not walk(name, forward) & settled:
            problems.add(("no-ending", f"nodes.{name}"))
    on_the_way = walk(play.start, forward)
    return Expected(problems, has_cycle(on_the_way, forward), on_the_way, forward)


def every_path(play: Play, node: str, totals: tuple[int, ...] = (), steps: int = 0):
    """(totals per dimension, decisions) of every path from `node` to an ending, one by one."""
    totals = totals or (0,) * len(play.declared)
    stack = [(node, totals, steps)]
    while stack:
        name, totals, steps = stack.pop()
        choices = play.nodes[name].choices
        if not choices:
            yield totals, steps
        for choice in choices:
            moved = tuple(t + choice.scores.get(d, 0) for t, d in zip(totals, play.declared, strict=True))
            stack.append((choice.next, moved, steps + 1))


def located(problem: Diagnostic) -> str:
    """Where in the file a problem is, as its message names it: nodes.<name>.choices[<index>].next."""
    return format_path(problem.path)


@settings(max_examples=examples(400))
@given(plays())
def test_fuzz_scenarios_match_the_brute_force_reference(play):
    text = to_yaml(play)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, content in {
            "content/course.yml": COURSE,
            "content/one.yml": LESSON,
            "quizzes/play.yml": text,
        }.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(content, encoding="utf-8")
        course, problems = load(project_at(root))
    assert_located(problems, {"content/course.yml": COURSE, "content/one.yml": LESSON, "quizzes/play.yml": text})
    expected = reference(play)
    assert [str(p) for p in problems if not p.is_error] == []
    assert all(p.location.path == "quizzes/play.yml" for p in problems), [str(p) for p in problems]
    found = {(p.code, located(p)) for p in problems if p.code != "loop"}
    assert found == expected.problems, text

    loops = [p for p in problems if p.code == "loop"]
    assert bool(loops) == expected.cycle, text
    cut = {name: list(targets) for name, targets in expected.forward_edges.items()}
    for loop in loops:
        where = located(loop)  # nodes.<name>.choices[<index>].next
        name, rest = where[len("nodes.") :].rsplit(".choices[", 1)
        index = int(rest.split("]")[0])
        target = play.nodes[name].choices[index].next
        assert f"leads back to '{target}'" in loop.message
        assert name in expected.reachable and name in walk(target, expected.forward_edges), text
        cut[name].remove(target)
    assert not has_cycle(expected.reachable, cut), "the choices reported as loops are not all the loops"

    valid = not expected.problems and not expected.cycle
    event("valid" if valid else "invalid")
    for code in sorted({code for code, _ in expected.problems} | ({"loop"} if expected.cycle else set())):
        event(code)
    assert (course is not None) == valid, [str(p) for p in problems]
    if not valid:
        return
    scenario = course.scenarios["play"]
    assert list(scenario.nodes) == list(play.nodes)
    assert scenario.dimensions == tuple(play.declared)
    for name, node in play.nodes.items():
        assert [c.next for c in scenario.nodes[name].choices] == [c.next for c in node.choices]
        assert [c.scores for c in scenario.nodes[name].choices] == [
            tuple(c.scores.get(d, 0) for d in play.declared) for c in node.choices
        ]
    paths = list(every_path(play, play.start))
    assert scenario.score_ranges() == tuple(
        (min(t[d] for t, _ in paths), max(t[d] for t, _ in paths)) for d in range(len(play.declared))
    )
    assert scenario.longest_path() == max(steps for _, steps in paths)
