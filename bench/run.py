"""`make bench`: the builder's cost on top of plain MkDocs, at N = 100 and N = 1,000 lessons, and `course stats`
on 100,000 statements (bench/stats.py).

Each measurement alternates `course build` and a plain `mkdocs build` of the same words (the
project's own mkdocs.yml with only the `course` plugin removed) and reports the median of
RUNS runs. Results are printed as a table and written to docs/performance.md.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from tests.support.assets import gzipped, loaded_by
from tests.support.net import fetch, free_port

from .synth import generate

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = REPO / "bench" / "out"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time in seconds and peak memory (max RSS, bytes) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss * 1024


def median_runs(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, tuple[float, int]]:
    """Alternate the commands `runs` times; median time and median peak memory of each."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            samples[name].append(timed(command, cwd))
    return {
        name: (statistics.median(t for t, _ in values), int(statistics.median(m for _, m in values)))
        for name, values in samples.items()
    }


def site_sizes(site: Path) -> tuple[int, int, str]:
    pages = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    largest, page = max(pages)
    return largest, sum(p.stat().st_size for p in site.rglob("*") if p.is_file()), page.relative_to(site).as_posix()


def quiz_assets(site: Path) -> tuple[int, int]:
    """Bytes of the course's scripts and styles a quiz page of a built site loads (as shipped, minified):
    raw and gzipped (level 9). The role-play files (scenario.js, scenario.css) load only on pages with a
    role-play."""
    assets = site / "assets" / "course"
    files = [assets / name for name in loaded_by(assets, "quiz.js") | {"course.css"}]
    raw = sum(p.stat().st_size for p in files)
    return raw, sum(gzipped(p) for p in files)


def edit_to_rebuilt(project: Path, lesson: str, runs: int, *, where: str = "body") -> float:
    """Seconds from saving a lesson file to `course serve` serving the changed page (median of `runs` edits).

    `where="body"` edits a section's text (the usual edit: the lesson page and the certificate are built again);
    `where="title"` edits the lesson's title, which every page's navigation shows (the whole site is built again)."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "course"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{lesson}/"
    source = project / "content" / f"{lesson}.yml"
    original = source.read_text()
    lesson_data = yaml.safe_load(original)
    samples = []
    try:
        deadline = time.monotonic() + 600
        while "<article" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"course serve did not start in {project}")
            time.sleep(0.1)
        time.sleep(2.0)  # let the first build's watcher settle
        for n in range(runs):
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            edited = copy.deepcopy(lesson_data)
            if where == "title":
                edited["title"] = f"{marker} {edited['title']}"
            else:
                edited["sections"][0]["body"] = f"{marker} {edited['sections'][0]['body']}"
            text = yaml.safe_dump(edited, sort_keys=False, allow_unicode=True)
            start = time.perf_counter()
            source.write_text(text)
            while marker not in fetch(url):
                time.sleep(0.02)
                if time.perf_counter() - start > 300:
                    raise SystemExit("course serve did not rebuild within 300 s")
            samples.append(time.perf_counter() - start)
            time.sleep(1.5)  # let the watcher settle before the next edit
    finally:
        source.write_text(original)
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="lesson counts (default 100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median; default 3)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    config = (REPO / "mkdocs.yml").read_text()
    rows: dict[int, dict[str, object]] = {}
    for n in sizes:
        course, plain = generate(WORK / f"n{n}", n, config)
        validate = median_runs({"validate": ([str(BIN / "course"), "validate"], course)}, args.runs)["validate"]
        builds = median_runs(
            {"course": ([str(BIN / "course"), "build"], course), "plain": ([str(BIN / "mkdocs"), "build"], plain)},
            args.runs,
        )
        largest, total, largest_page = site_sizes(course / "site")
        plain_largest, plain_total, _ = site_sizes(plain / "site")
        rows[n] = {
            "validate": validate[0],
            "course": builds["course"],
            "plain": builds["plain"],
            "largest": largest,
            "largest_page": largest_page,
            "total": total,
            "plain_largest": plain_largest,
            "plain_total": plain_total,
        }
        print(f"N={n}: measured", file=sys.stderr)
    serve_bundled = edit_to_rebuilt(copy_bundled(), "professionalism", args.runs)
    serve_n100 = edit_to_rebuilt(WORK / "n100" / "course", "lesson-0001", args.runs) if 100 in sizes else None
    raw, zipped = quiz_assets(WORK / f"n{sizes[0]}" / "course" / "site")
    report = render(rows, serve_bundled, serve_n100, raw, zipped, args.runs)
    from .stats import measure as measure_stats  # bench/stats.py reuses this module's helpers
    from .stats import render_section

    report += "\n" + render_section(measure_stats(args.runs))
    print(report)
    (REPO / "docs").mkdir(exist_ok=True)
    (REPO / "docs" / "performance.md").write_text(report)
    return 0


def copy_bundled() -> Path:
    target = WORK / "bundled"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "quizzes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


def render(rows, serve_bundled, serve_n100, raw, zipped, runs) -> str:
    mib = lambda b: f"{b / 2**20:.1f} MiB"  # noqa: E731
    kib = lambda b: f"{b / 1024:.1f} KiB"  # noqa: E731
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` (bench/run.py) on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
        f"{time.strftime('%Y-%m-%d')}. Medians of {runs} runs, `course build` and plain `mkdocs build` "
        "alternating. Synthetic courses: N lessons of about 600 words in 4 sections, each with a "
        "10-question quiz mixing all seven types, in modules of 20; the plain build has the same words as "
        "Markdown pages with the project's mkdocs.yml minus the `course` plugin.",
        "",
        "| measure | " + " | ".join(f"N = {n:,}" for n in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    table = [
        ("`course validate`", lambda r: f"{r['validate']:.2f} s"),
        ("`course build`", lambda r: f"{r['course'][0]:.2f} s"),
        ("plain `mkdocs build`", lambda r: f"{r['plain'][0]:.2f} s"),
        ("build time ratio (course / plain)", lambda r: f"{r['course'][0] / r['plain'][0]:.2f}x"),
        ("peak memory, course", lambda r: mib(r["course"][1])),
        ("peak memory, plain", lambda r: mib(r["plain"][1])),
        ("peak memory ratio", lambda r: f"{r['course'][1] / r['plain'][1]:.2f}x"),
        ("largest page (course)", lambda r: f"{kib(r['largest'])} ({r['largest_page']})"),
        ("largest page (plain)", lambda r: kib(r["plain_largest"])),
        ("whole site (course)", lambda r: mib(r["total"])),
        ("whole site (plain)", lambda r: mib(r["plain_total"])),
    ]
    for label, cell in table:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in rows.values()) + " |")
    sizes = list(rows)
    if len(sizes) >= 2:
        a, b = rows[sizes[0]], rows[sizes[-1]]
        lines += [
            "",
            f"Growth from N = {sizes[0]:,} to N = {sizes[-1]:,}: `course build` "
            f"{b['course'][0] / a['course'][0]:.1f}x the time, plain MkDocs "
            f"{b['plain'][0] / a['plain'][0]:.1f}x.",
        ]
    lines += [
        "",
        f"Quiz script and styles as shipped (minified; what a quiz page loads, without the role-play's "
        f"scenario.js/.css): {raw:,} bytes raw, "
        f"{zipped:,} bytes gzipped (level 9, file by file); cacheable files, not inlined.",
        "",
        f"Edit-to-rebuilt in `course serve` (save a lesson file until the page serves the change): "
        f"bundled course {serve_bundled:.2f} s"
        + (f", N = 100 course {serve_n100:.2f} s." if serve_n100 is not None else "."),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
