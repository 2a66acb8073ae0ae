"""The `course stats` benchmark: 100,000 statements (every quiz of the bundled course answered by enough learners,
a fifth of them trying each quiz twice, and role-plays played) read from one exported file.

Time and peak memory (max RSS) of `course stats --statements` are set against a baseline measured in the same run:
`json.load` of the same file in a bare Python (what reading the whole export at once costs). The same command on
10,000 statements and on none shows that memory does not grow with the statements (they are streamed).

`python -m bench.stats` measures this alone and replaces its section of docs/performance.md; `make bench`
measures it with everything else."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from tests.support.projects import project_at, valid_course
from tests.support.xapi_statements import attempt_statements, role_play_statements

from .run import BIN, REPO, WORK, median_runs

BASE = "https://courses.example.org/internal-customer-service"
SIZES = (10_000, 100_000)
HEADING = "## `course stats`"


def write_statements(path: Path, total: int, seed: int = 7) -> None:
    """`total` statements of learners of varied ability, written one at a time (never all in memory)."""
    course = valid_course(project_at(REPO))
    rng = random.Random(seed)
    written = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")  # an interrupted run leaves no half file to measure next time
    with partial.open("w", encoding="utf-8") as out:
        out.write("[\n")
        learner = 0
        while written < total:
            ability = rng.random()
            name = f"learner-{learner:06d}"
            batch: list[dict[str, Any]] = []
            for quiz in course.quizzes.values():
                attempts = 2 if rng.random() < 0.2 else 1
                for attempt in range(1, attempts + 1):
                    plan = {q.id: rng.random() < 0.25 + 0.7 * ability for q in quiz.questions}
                    batch += attempt_statements(course, BASE, quiz.id, {name: plan}, attempt=attempt)
            for role_play in course.scenarios.values():
                batch += role_play_statements(course, BASE, role_play.id, name, _random_path(role_play, rng))
            for statement in batch[: total - written]:
                out.write(("" if written == 0 else ",\n") + json.dumps(statement))
                written += 1
            learner += 1
        out.write("\n]\n")
    partial.replace(path)


def _random_path(role_play: Any, rng: random.Random) -> list[int]:
    node, path = role_play.nodes[role_play.start], []
    while not node.is_ending:
        position = rng.randrange(len(node.choices))
        path.append(position)
        node = role_play.nodes[node.choices[position].next]
    return path


def measure(runs: int) -> dict[str, Any]:
    files = {n: WORK / "stats" / f"statements-{n}.json" for n in SIZES}
    for n, path in files.items():
        if not path.is_file():
            write_statements(path, n)
    empty = WORK / "stats" / "statements-0.json"
    empty.write_text("[]\n")
    course = [str(BIN / "course"), "stats", "--base", BASE, "--format", "json", "--statements"]
    baseline = [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"]
    biggest = files[max(SIZES)]
    results = median_runs(
        {
            "json.load": ([*baseline, str(biggest)], REPO),
            **{f"stats {n}": ([*course, str(path)], REPO) for n, path in files.items()},
            "stats 0": ([*course, str(empty)], REPO),
        },
        runs,
    )
    return {"results": results, "bytes": biggest.stat().st_size, "runs": runs}


def render_section(measured: dict[str, Any]) -> str:
    mib = lambda b: f"{b / 2**20:.1f} MiB"  # noqa: E731
    results = measured["results"]
    big, small = max(SIZES), min(SIZES)
    stats_time, stats_memory = results[f"stats {big}"]
    load_time, load_memory = results["json.load"]
    lines = [
        HEADING,
        "",
        f"`course stats --statements FILE --format json` on the bundled course, against `json.load` of the same "
        f"file in a bare Python (the cost of reading the whole export at once), median of {measured['runs']} "
        f"runs (bench/stats.py). The file: {big:,} statements, {mib(measured['bytes'])}.",
        "",
        "| measure | time | peak memory |",
        "|---|---|---|",
        f"| `json.load` of {big:,} statements (baseline) | {load_time:.2f} s | {mib(load_memory)} |",
        *(
            f"| `course stats`, {n:,} statements | {results[f'stats {n}'][0]:.2f} s | {mib(results[f'stats {n}'][1])} |"
            for n in (0, *SIZES)
        ),
        f"| ratio `course stats` / `json.load` at {big:,} | {stats_time / load_time:.2f}x | "
        f"{stats_memory / load_memory:.2f}x |",
        "",
        f"Memory from {small:,} to {big:,} statements: {mib(results[f'stats {small}'][1])} to {mib(stats_memory)} "
        f"({stats_memory / results[f'stats {small}'][1]:.2f}x for 10x the statements); with none, "
        f"{mib(results['stats 0'][1])} (Python, the builder and the course loaded). Statements are read one at a "
        "time; each attempt keeps only its questions' results and points.",
    ]
    return "\n".join(lines) + "\n"


def replace_section(document: str, section: str) -> str:
    """The document with its `course stats` section replaced (or added at the end)."""
    start = document.find(HEADING)
    if start < 0:
        return document.rstrip("\n") + "\n\n" + section
    end = document.find("\n## ", start + len(HEADING))
    return document[:start] + section + (document[end + 1 :] if end >= 0 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median; default 3)")
    args = parser.parse_args()
    section = render_section(measure(args.runs))
    print(section)
    performance = REPO / "docs" / "performance.md"
    performance.write_text(replace_section(performance.read_text() if performance.is_file() else "", section))
    return 0


if __name__ == "__main__":
    sys.exit(main())
