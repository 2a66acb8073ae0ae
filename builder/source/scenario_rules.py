"""The rules of a role-play file that its format alone cannot say: every `next` and `start` names a
node, steps have two choices or more and endings none, scores name declared dimensions, every
node can be reached, no choice loops back, and an ending can be reached from every node.

They read the file as written (not the cleaned data), so a mistake elsewhere in the file does
not hide a broken path; each problem is reported through the file's Checker at its location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import course_format as fmt
from .diagnostics import Checker, DataPath
from .scenario_graph import can_finish, loops, reachable
from .schema import SLUG_PATTERN
from .text import listing, suggest


@dataclass(slots=True)
class _Graph:
    """What the node rules learn about the role-play's graph, for the path rules."""

    edges: dict[str, list[str]] = field(default_factory=dict)
    """Each node's targets by choice ("" where a choice leads nowhere known)."""
    settled: set[str] = field(default_factory=set)
    """Endings, and nodes already reported as broken: no path rule adds a problem about them."""
    endings: set[str] = field(default_factory=set)


def check_scenario(raw: dict[str, Any], checker: Checker) -> None:
    """The role-play's graph as written: targets, dimensions, choices, reachability, endings, loops.

    What the format check already reports (a node or choice of the wrong type, an id that is not
    an id) is not reported again here: such a node counts as settled, so that no guess about
    what it was meant to hold turns into a second problem elsewhere."""
    nodes = raw.get("nodes")
    if not isinstance(nodes, dict) or not nodes:  # not a group of nodes, or none: the format check says so
        return
    if len(nodes) > fmt.MAX_SCENARIO_NODES:
        checker.error(
            ("nodes",),
            f"has {len(nodes):,} nodes; the limit is {fmt.MAX_SCENARIO_NODES} per role-play "
            "(split it into several role-plays)",
            "too-large",
        )
        return
    declared = _declared_dimensions(raw, checker)
    graph = _node_rules(raw, nodes, declared, checker)
    _path_rules(raw, nodes, graph, checker)


def _written(checker: Checker, path: DataPath, value: Any) -> str | None:
    """An id as the trainer typed it (`next: 12` and `next: yes` are ids to the format too)."""
    value = checker.as_written(path, value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _declared_dimensions(raw: dict[str, Any], checker: Checker) -> list[str] | None:
    """The dimensions choices may score (the trust model's unless the file lists its own); a repeated one is
    reported. None when the list is not one scores can be compared with (the format check says why)."""
    if "dimensions" not in raw:
        return list(fmt.DEFAULT_DIMENSIONS)
    dimensions = raw["dimensions"]
    listed = (
        [_written(checker, ("dimensions", i), d) for i, d in enumerate(dimensions)]
        if isinstance(dimensions, list)
        else []
    )
    checker.report_repeats(listed, lambda i: ("dimensions", i), lambda value, _: f"dimension '{value}' is listed twice")
    return [d for d in listed if d is not None] if listed and None not in listed else None


def _node_rules(raw: dict[str, Any], nodes: dict[Any, Any], declared: list[str] | None, checker: Checker) -> _Graph:
    """Each node on its own: an ending has no choices, a step two or more, each choice leads to a node and
    scores declared dimensions."""
    in_words = listing(declared or ())  # "caring, competency and integrity"
    names = list(nodes)
    graph = _Graph()
    for name, node in nodes.items():
        where = ("nodes", name)
        graph.edges[name] = []
        if not isinstance(node, dict):
            graph.settled.add(name)
            continue
        raw_choices = node.get("choices")
        choices: list[Any] = raw_choices if isinstance(raw_choices, list) else []
        if node.get("end") is True:
            graph.settled.add(name)
            graph.endings.add(name)
            if "choices" in node:
                checker.error(
                    (*where, "choices"),
                    f"node '{name}' is an ending (`end: true`), so it has no choices; "
                    "remove `end: true` or the choices",
                    "ending-with-choices",
                )
        elif ("end" in node and not isinstance(node["end"], bool)) or (
            "choices" in node and not isinstance(node["choices"], list)
        ):
            graph.settled.add(name)  # `end: maybe` or `choices: text`: the format check says what is wrong
        elif len(choices) < 2:
            graph.settled.add(name)
            found = "none" if not choices else "only one"
            checker.error(
                where if "choices" not in node else (*where, "choices"),
                f"node '{name}' needs at least two choices (found {found}), or `end: true` if the role-play ends here",
                "too-few-choices",
            )
        for index, choice in enumerate(choices):
            path = (*where, "choices", index)
            choice = choice if isinstance(choice, dict) else {}
            target = _written(checker, (*path, "next"), choice.get("next"))
            if target is None or target not in nodes:
                graph.settled.add(name)  # where this choice leads is unknown
                if target is not None and SLUG_PATTERN.match(target):  # a malformed id is reported as such
                    checker.error(
                        (*path, "next"),
                        f"there is no node '{target}' in this role-play{suggest(target, names)}",
                        "missing-node",
                    )
            graph.edges[name].append(target if target is not None and target in nodes else "")
            scores = choice.get("scores")
            if not isinstance(scores, dict) or declared is None:
                continue
            for dimension in scores:
                if dimension not in declared and SLUG_PATTERN.match(dimension):
                    checker.error(
                        (*path, "scores", dimension),
                        f"'{dimension}' is not a dimension of this role-play{suggest(dimension, declared)}; "
                        + (
                            f"its `dimensions` are {in_words}"
                            if "dimensions" in raw
                            else f"with no `dimensions` list it scores {in_words}"
                        ),
                        "unknown-dimension",
                        key=True,
                    )
    return graph


def _path_rules(raw: dict[str, Any], nodes: dict[Any, Any], graph: _Graph, checker: Checker) -> None:
    """The paths from the start: it names a node that is not an ending, every node can be reached, no choice
    loops back, and an ending can be reached from every node."""
    names = list(nodes)
    start = _written(checker, ("start",), raw.get("start"))
    if start is None:
        return
    if start not in nodes:
        if SLUG_PATTERN.match(start):
            checker.error(
                ("start",), f"there is no node '{start}' in this role-play{suggest(start, names)}", "missing-node"
            )
        return
    start_node = nodes[start]
    if isinstance(start_node, dict) and start_node.get("end") is True:
        checker.error(
            ("start",),
            f"the start node '{start}' is an ending: the learner would have nothing to choose",
            "start-is-ending",
        )
    seen = set(reachable(start, graph.edges))  # an ending's choices (reported already) still reach their nodes,
    edges = {name: [] if name in graph.endings else targets for name, targets in graph.edges.items()}  # no further
    for name in names:
        if name not in seen:
            checker.error(
                ("nodes", name),
                f"node '{name}' cannot be reached: no choice on the way from the start node '{start}' leads to it",
                "unreachable",
                key=True,
            )
    for name, index, target in loops(start, edges):
        checker.error(
            ("nodes", name, "choices", index, "next"),
            f"this choice leads back to '{target}', which "
            "comes earlier on the way here; a role-play only moves forward (learners have "
            '"Go back one step" and "Play again" to try other choices)',
            "loop",
        )
    finishing = can_finish(edges, graph.settled)
    for name in names:
        if name not in finishing:
            checker.error(
                ("nodes", name),
                f"no ending can be reached from node '{name}': every path from here "
                "goes round in a loop without reaching a node with `end: true`",
                "no-ending",
                key=True,
            )
