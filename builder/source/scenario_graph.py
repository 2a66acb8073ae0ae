"""Paths through a branching role-play: which steps can be reached, which can finish, and the
highest and lowest score each dimension can reach.

Plain functions on `edges` (node id -> the node ids its choices lead to, in order), so the
validator can use them on files as written and the model on validated role-plays. Every walk
is iterative: a long chain of steps cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

Edges = Mapping[str, Sequence[str]]


def reachable(start: str, edges: Edges) -> list[str]:
    """Nodes that can be reached from `start` (itself included), in the order a walk meets them."""
    seen, order, todo = {start}, [start], [start]
    while todo:
        for target in edges.get(todo.pop(), ()):
            if target in edges and target not in seen:
                seen.add(target)
                order.append(target)
                todo.append(target)
    return order


def can_finish(edges: Edges, endings: Iterable[str]) -> set[str]:
    """Nodes from which some ending can be reached (the endings included)."""
    into: dict[str, list[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            into.setdefault(target, []).append(source)
    done = {node for node in endings if node in edges}
    todo = list(done)
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in done:
                done.add(source)
                todo.append(source)
    return done


def loops(start: str, edges: Edges) -> list[tuple[str, int, str]]:
    """Choices that lead back to a node already on the way to them: (node, choice index, target).

    Each is reported once; without them the reachable graph has no cycle.
    """
    found: list[tuple[str, int, str]] = []
    state: dict[str, int] = {start: 1}  # 1: on the current path, 2: finished
    stack = [(start, iter(enumerate(edges.get(start, ()))))]
    while stack:
        node, choices = stack[-1]
        for index, target in choices:
            if target not in edges:
                continue
            if state.get(target) == 1:
                found.append((node, index, target))
            elif target not in state:
                state[target] = 1
                stack.append((target, iter(enumerate(edges.get(target, ())))))
                break
        else:
            state[node] = 2
            stack.pop()
    return found


def topological_order(start: str, edges: Edges) -> list[str]:
    """Reachable nodes, each after every node that leads to it. The graph must have no loop."""
    order: list[str] = []
    done: set[str] = set()
    stack = [(start, iter(edges.get(start, ())))]
    done.add(start)
    while stack:
        node, targets = stack[-1]
        for target in targets:
            if target in edges and target not in done:
                done.add(target)
                stack.append((target, iter(edges.get(target, ()))))
                break
        else:
            order.append(node)
            stack.pop()
    order.reverse()
    return order


def score_range(start: str, edges: Edges, score: Callable[[str, int], int]) -> tuple[int, int]:
    """The lowest and highest total of `score(node, choice index)` over every path from `start`
    to an ending (a node without choices). The graph must have no loop."""
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    for node in reversed(topological_order(start, edges)):
        options = [
            (score(node, i) + low[t], score(node, i) + high[t]) for i, t in enumerate(edges.get(node, ())) if t in low
        ]
        if not edges.get(node):
            low[node] = high[node] = 0
        elif options:
            low[node] = min(lo for lo, _ in options)
            high[node] = max(hi for _, hi in options)
    return low.get(start, 0), high.get(start, 0)


def dimensions_on_the_way(start: str, edges: Edges, moves: Callable[[str, int], frozenset[str]]) -> dict[str, set[str]]:
    """For each node, every dimension that some choice on some path from `start` to it moves.
    The graph must have no loop."""
    seen: dict[str, set[str]] = {start: set()}
    for node in topological_order(start, edges):
        for index, target in enumerate(edges.get(node, ())):
            if target in edges:
                seen.setdefault(target, set()).update(seen[node] | moves(node, index))
    return seen
