"""`course build` against plain `mkdocs build` of the same words: wall time and peak memory (max RSS) at
200 lessons in a flat list and at 1,000 lessons in modules of 20, medians of `runs` runs with the two
builds alternating (bench/run.py's timed()). The issue's targets: time within 1.10x and peak memory within
1.25x of the plain build, at both sizes.

    python -m bench.build_cost [--runs N] [--root DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .run import BIN, REPO, WORK, median_runs
from .synth import generate

CASES = {"flat-200": (200, False), "modules-1000": (1000, True)}
"""Name: (lessons, in modules)."""
TIME_TARGET, MEMORY_TARGET = 1.10, 1.25


def project(root: Path, name: str) -> tuple[Path, Path]:
    """The course and plain projects of one case under `root`, generated unless they are already there for
    the project's current mkdocs.yml (the synthetic sources are fixed by their seed)."""
    lessons, modules = CASES[name]
    folder = root / name
    config = (REPO / "mkdocs.yml").read_text()
    course, plain = folder / "course", folder / "plain"
    stamp = folder / "generated.json"
    wanted = json.dumps({"lessons": lessons, "modules": modules, "config": config})
    if not (stamp.is_file() and stamp.read_text() == wanted):
        course, plain = generate(folder, lessons, config, modules=modules)
        stamp.write_text(wanted)
    return course, plain


def measure(
    root: Path = WORK / "build-cost", runs: int = 3, cases: tuple[str, ...] = tuple(CASES)
) -> dict[str, dict[str, float]]:
    """For each case (all of CASES by default): median seconds and peak bytes of `course build` and plain
    `mkdocs build`, and the ratios (course / plain)."""
    results: dict[str, dict[str, float]] = {}
    for name in cases:
        course, plain = project(root, name)
        builds = median_runs(
            {"course": ([str(BIN / "course"), "build"], course), "plain": ([str(BIN / "mkdocs"), "build"], plain)},
            runs,
        )
        (course_time, course_memory), (plain_time, plain_memory) = builds["course"], builds["plain"]
        results[name] = {
            "course_seconds": course_time,
            "plain_seconds": plain_time,
            "course_bytes": course_memory,
            "plain_bytes": plain_memory,
            "time_ratio": course_time / plain_time,
            "memory_ratio": course_memory / plain_memory,
        }
    return results


def render(results: dict[str, dict[str, float]], runs: int) -> str:
    mib = 2**20
    lines = [
        f"Build cost, medians of {runs} runs (course and plain alternating); targets: time "
        f"<= {TIME_TARGET:.2f}x, peak memory <= {MEMORY_TARGET:.2f}x",
        "",
        "| case | course build | plain mkdocs build | time ratio | course peak | plain peak | memory ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['course_seconds']:.2f} s | {r['plain_seconds']:.2f} s | {r['time_ratio']:.2f}x | "
            f"{r['course_bytes'] / mib:.1f} MiB | {r['plain_bytes'] / mib:.1f} MiB | {r['memory_ratio']:.2f}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per build (median; default 3)")
    parser.add_argument("--root", type=Path, default=WORK / "build-cost", help="where the projects are generated")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--cases", default=",".join(CASES), help=f"which cases (default {','.join(CASES)})")
    args = parser.parse_args(argv)
    results = measure(args.root, args.runs, tuple(args.cases.split(",")))
    print(json.dumps(results, indent=2) if args.json else render(results, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
