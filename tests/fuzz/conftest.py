"""Hypothesis profiles for the fuzz tests.

- `ci` (the default, used by `make test`): a bounded number of examples per test, derandomized so
  every run tries the same examples and the suite stays fast and stable.
- `long` (`make fuzz`): 20 times as many examples, random each run, failures saved in
  .hypothesis/ so they are replayed first next time.

Select one with HYPOTHESIS_PROFILE=long. Each test asks for `examples(n)`: n in `ci`, 20n in `long`.
Deadlines are generous (wall time, on shared CI machines); the tests of the limits assert tighter
bounds in CPU time.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=10),
    suppress_health_check=_SLOW_DATA,
    print_blob=True,
)
settings.register_profile("long", deadline=timedelta(seconds=10), suppress_health_check=_SLOW_DATA, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
