"""Paths through role-play graphs (builder/scenario_graph.py), on small hand-drawn graphs and long chains."""

from __future__ import annotations

import sys

from builder.source.scenario_graph import (
    can_finish,
    dimensions_on_the_way,
    loops,
    reachable,
    score_range,
    topological_order,
)

# start -> a -> end1
#       -> b -> end1
#            -> end2
DIAMOND = {"start": ["a", "b"], "a": ["end1"], "b": ["end1", "end2"], "end1": [], "end2": []}
SCORES = {("start", 0): 2, ("start", 1): -1, ("a", 0): 3, ("b", 0): 0, ("b", 1): -4}


def chain(n: int) -> dict[str, list[str]]:
    """n0 -> n1 -> ... -> n(n-1), each node with two choices to the next; the last one an ending."""
    return {f"n{i}": ([f"n{i + 1}", f"n{i + 1}"] if i < n - 1 else []) for i in range(n)}


def test_scenario_graph_reachable_in_walk_order_ignoring_missing_targets():
    edges = {"start": ["a", "", "ghost"], "a": ["b", "start"], "b": [], "island": ["b"]}
    assert reachable("start", edges) == ["start", "a", "b"]
    assert reachable("island", edges) == ["island", "b"]
    assert reachable("b", edges) == ["b"]


def test_scenario_graph_reachable_every_node_of_the_diamond_once():
    order = reachable("start", DIAMOND)
    assert order[0] == "start" and sorted(order) == sorted(DIAMOND)


def test_scenario_graph_can_finish_walks_back_from_the_endings():
    edges = {
        "start": ["a", "loop1"],
        "a": ["end"],
        "loop1": ["loop2"],
        "loop2": ["loop1"],
        "end": [],
        "dead": ["missing"],
    }
    assert can_finish(edges, ["end"]) == {"start", "a", "end"}
    assert can_finish(edges, ["end", "dead"]) == {"start", "a", "end", "dead"}
    assert can_finish(edges, ["not-a-node"]) == set()
    assert can_finish(edges, []) == set()


def test_scenario_graph_no_loops_in_a_diamond():
    assert loops("start", DIAMOND) == []


def test_scenario_graph_loops_report_each_choice_leading_back_once():
    edges = {"start": ["a", "b"], "a": ["start", "end"], "b": ["b", "a"], "end": []}
    found = loops("start", edges)
    assert sorted(found) == [("a", 0, "start"), ("b", 0, "b")]


def test_scenario_graph_loops_two_choices_to_the_same_earlier_node_are_two_loops():
    edges = {"start": ["a", "a"], "a": ["start", "start"]}
    assert loops("start", edges) == [("a", 0, "start"), ("a", 1, "start")]


def test_scenario_graph_loops_only_where_the_start_leads():
    edges = {"start": ["end", "end"], "end": [], "x": ["y"], "y": ["x"]}
    assert loops("start", edges) == []
    assert loops("x", edges) == [("y", 0, "x")]


def test_scenario_graph_a_node_met_twice_without_a_cycle_is_no_loop():
    # start reaches c by two ways; c is finished when met again, so it is not "earlier on the way"
    edges = {"start": ["a", "b"], "a": ["c"], "b": ["c"], "c": []}
    assert loops("start", edges) == []


def test_scenario_graph_topological_order_puts_each_node_after_those_leading_to_it():
    order = topological_order("start", DIAMOND)
    assert sorted(order) == sorted(DIAMOND)
    for node, targets in DIAMOND.items():
        for target in targets:
            assert order.index(node) < order.index(target)


def test_scenario_graph_topological_order_of_reachable_nodes_only():
    edges = {**DIAMOND, "island": ["end1"], "b": ["end1", "end2", "gone"]}
    assert "island" not in topological_order("start", edges)
    assert topological_order("end2", edges) == ["end2"]


def test_scenario_graph_score_range_of_the_diamond():
    # paths: start-a-end1 = 2+3 = 5; start-b-end1 = -1+0 = -1; start-b-end2 = -1-4 = -5
    assert score_range("start", DIAMOND, lambda node, i: SCORES[(node, i)]) == (-5, 5)
    assert score_range("b", DIAMOND, lambda node, i: SCORES[(node, i)]) == (-4, 0)
    assert score_range("end1", DIAMOND, lambda node, i: SCORES[(node, i)]) == (0, 0)


def test_scenario_graph_score_range_counts_decisions():
    assert score_range("start", DIAMOND, lambda node, i: 1) == (2, 2)
    uneven = {"start": ["end", "a"], "a": ["end", "end"], "end": []}
    assert score_range("start", uneven, lambda node, i: 1) == (1, 2)


def test_scenario_graph_score_range_ignores_choices_to_missing_nodes():
    edges = {"start": ["end", "gone"], "end": []}
    assert score_range("start", edges, lambda node, i: 10 if i else 1) == (1, 1)


def test_scenario_graph_dimensions_on_the_way_is_the_union_over_every_path():
    moves = {
        ("start", 0): {"caring"},
        ("start", 1): {"integrity"},
        ("a", 0): set(),
        ("b", 0): {"competency"},
        ("b", 1): set(),
    }
    seen = dimensions_on_the_way("start", DIAMOND, lambda node, i: frozenset(moves[(node, i)]))
    assert seen == {
        "start": set(),
        "a": {"caring"},
        "b": {"integrity"},
        "end1": {"caring", "integrity", "competency"},
        "end2": {"integrity"},
    }


def test_scenario_graph_long_chain_needs_no_recursion():
    edges = chain(5_000)
    assert sys.getrecursionlimit() < 5_000 * 2
    assert len(reachable("n0", edges)) == 5_000
    assert loops("n0", edges) == []
    assert len(can_finish(edges, ["n4999"])) == 5_000
    order = topological_order("n0", edges)
    assert order == [f"n{i}" for i in range(5_000)]
    assert score_range("n0", edges, lambda node, i: i) == (0, 4_999)
    assert score_range("n0", edges, lambda node, i: 1) == (4_999, 4_999)
    seen = dimensions_on_the_way("n0", edges, lambda node, i: frozenset({"caring"} if node == "n0" else ()))
    assert seen["n4999"] == {"caring"} and seen["n0"] == set()


def test_scenario_graph_long_chain_closed_into_a_loop():
    edges = chain(5_000)
    edges["n4999"] = ["n0", "n2500"]
    assert loops("n0", edges) == [("n4999", 0, "n0"), ("n4999", 1, "n2500")]
    assert can_finish(edges, []) == set()
