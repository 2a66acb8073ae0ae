"""Checks of role-plays beyond what validation requires."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..source.model import Scenario
from ..source.scenario_graph import dimensions_on_the_way
from .registry import CheckContext, Finding, check


@check("one-dimension-ending", "a role-play ending reached only through choices that move a single dimension")
def one_dimension_endings(ctx: CheckContext) -> Iterator[Finding]:
    """An ending every path to which moves one dimension only teaches that quality in isolation."""
    for scenario in ctx.course.scenarios.values():
        on_the_way = dimensions_on_the_way(scenario.start, scenario.edges, _moved_by(scenario))
        for ending in scenario.endings:
            moved = on_the_way.get(ending.id, set())
            if len(moved) == 1 and len(scenario.dimensions) > 1:
                (only,) = moved
                others = [d for d in scenario.dimensions if d != only]
                yield Finding(
                    scenario.origin.path,
                    ("nodes", ending.id),
                    f"the ending '{ending.id}' can only be "
                    f"reached through choices that move {only}; let some choices on the way to it weigh "
                    f"{' or '.join(others)} too, so the ending shows a trade-off",
                    key=True,
                )


def _moved_by(scenario: Scenario) -> Callable[[str, int], frozenset[str]]:
    """The dimensions a choice (its node's id and position) moves."""

    def moves(node: str, index: int) -> frozenset[str]:
        scores = scenario.nodes[node].choices[index].scores
        return frozenset(d for d, score in zip(scenario.dimensions, scores, strict=True) if score)

    return moves
