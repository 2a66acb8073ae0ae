"""`course validate` against the libyaml floor: what parsing the same files costs at the least.

The floor is a bare Python (the same interpreter) that reads every `*.yml` and `*.yaml` file under the
course's content/ and quizzes/ and parses it with `yaml.load(..., Loader=yaml.CSafeLoader)`: PyYAML's C
parser with its data built and thrown away, no locations, no checks. `course validate` parses the same
files with the same C parser, then checks them and builds the course; the ratio of the two wall times,
measured in turns in the same run, says what the checks cost on top of parsing whatever the machine's
speed and load.

`python -m bench.validate_floor` prints the figures for a generated 1,000-lesson course (10,000
questions); `make bench` (bench/run.py) can call `measure` for its own courses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .synth import generate

FLOOR = """\
from pathlib import Path
import yaml
for folder in ("content", "quizzes"):
    for pattern in ("*.yml", "*.yaml"):
        for path in sorted(Path(folder).rglob(pattern)):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""
"""The floor's script, run in the course folder."""


def measure(course: Path, runs: int) -> dict[str, float]:
    """Median wall seconds of `course validate` in `course` and of the floor over the same files, run in
    turns `runs` times, and their ratio (validate / floor)."""
    from .run import BIN, median_runs  # bench/run.py may import this module: its helpers are read when used

    medians = median_runs(
        {"validate": ([str(BIN / "course"), "validate"], course), "floor": ([sys.executable, "-c", FLOOR], course)},
        runs,
    )
    validate, floor = medians["validate"][0], medians["floor"][0]
    return {"validate": validate, "floor": floor, "ratio": validate / floor}


def main() -> int:
    from .run import REPO, WORK

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, default=1000, help="lessons in the generated course (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each, in turns (median; default 5)")
    args = parser.parse_args()
    course, _ = generate(WORK / f"n{args.lessons}", args.lessons, (REPO / "mkdocs.yml").read_text())
    figures = measure(course, args.runs)
    print(
        f"N={args.lessons} lessons, median of {args.runs}: course validate {figures['validate']:.2f} s, "
        f"libyaml floor {figures['floor']:.2f} s, ratio {figures['ratio']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
