"""Results remembered per object of the frozen model, for as long as the object is in use.

The model never changes once built, so the same object always gives the same result. A preview rebuild keeps
the model of every file that did not change (memo.py), so what is computed from a lesson or a quiz (its version,
its JSON) is computed again only for what changed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")

MAX_REMEMBERED = 100_000
"""Objects remembered per function; past this, the memory is emptied and refilled (a long preview session
keeps making new objects for the files it edits)."""


def by_identity(function: Callable[[Any], R]) -> Callable[[Any], R]:
    """`function(value)`, remembered by the identity of `value`. The value is held, so that its id cannot be
    given to another object while it is remembered."""
    remembered: dict[int, tuple[Any, R]] = {}

    @functools.wraps(function)
    def once(value: Any) -> R:
        found = remembered.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        if len(remembered) >= MAX_REMEMBERED:
            remembered.clear()
        result = function(value)
        remembered[id(value)] = (value, result)
        return result

    return once
