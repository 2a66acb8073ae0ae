"""`make bench`: every speed and size target, measured in one run, written to docs/performance.md.

- validation against the libyaml floor (bench/validate_floor.py), at 100 and 1,000 lessons;
- `course build` against plain `mkdocs build` of the same words, at 200 lessons flat and 1,000 in modules
  (bench/build_cost.py), and the mkdocs-quiz plugin on the same questions in the bench's own environment
  (bench/peers.py);
- growth of a build from 100 to 1,000 lessons, the largest page and the site's size;
- the preview: from saving a lesson to `course serve` serving it, bundled course, 100 and 1,000 lessons;
- the bundled course's pages: weight, the answer key's share, the assets they load (bench/page_weight.py), and
  Lighthouse on a phone profile (bench/lighthouse.py; also `make lighthouse` alone);
- `course stats` on 100,000 statements (bench/stats.py).

Each target is a ratio to a baseline measured in the same run, alternating with it; figures are medians.
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
from typing import Any

import yaml

from tests.support.net import fetch, free_port

from .synth import generate

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = REPO / "bench" / "out"
BYTECODE = WORK / "bytecode"
ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONPYCACHEPREFIX": str(BYTECODE),
}
"""Every command timed runs with its modules compiled to bytecode once, as an installed package has them (pip
compiles each module it installs). Without this, an environment that sets PYTHONDONTWRITEBYTECODE had the
builder's modules (installed editable, from the work tree) compiled from source at every run, about 0.05 s of
each command, while MkDocs' came compiled from its installation. The bytecode of every command's modules, the
baselines' included, goes to bench/out/bytecode (PYTHONPYCACHEPREFIX), out of the work tree; a command's first
run writes it, which the medians of three runs or more leave out."""


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
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median; default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out Lighthouse (make lighthouse runs it)")
    args = parser.parse_args()
    # the parts import this module's helpers, so they are imported here
    from .build_cost import measure as measure_builds
    from .lighthouse import measure as measure_lighthouse
    from .page_weight import measure as measure_pages
    from .stats import measure as measure_stats
    from .stats import render_section as stats_section
    from .validate_floor import measure as measure_validation

    config = (REPO / "mkdocs.yml").read_text()
    report = Report(args.runs)
    step = lambda text: print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)  # noqa: E731

    step("validation against the libyaml floor")
    sized = {n: generate(WORK / f"n{n}", n, config) for n in SIZES}
    report.validation = {n: measure_validation(course, args.runs) for n, (course, _) in sized.items()}

    step("builds against plain MkDocs (200 lessons flat, 1,000 in modules)")
    report.builds = measure_builds(WORK / "build-cost", args.runs)

    step("the peer, mkdocs-quiz, on the 200 flat lessons")
    report.peer = measure_peer(WORK / "build-cost" / "flat-200" / "course", args.runs)

    step("growth from 100 to 1,000 lessons in modules")
    small, large = (
        median_runs({"course": ([str(BIN / "course"), "build"], sized[n][0])}, args.runs)["course"] for n in SIZES
    )
    report.growth = (small[0], large[0])
    report.sites = {n: site_sizes(sized[n][0] / "site") for n in SIZES}

    step("preview: saving a lesson until the page serves it")
    report.preview = {
        "bundled": edit_to_rebuilt(copy_bundled(), "professionalism", args.runs + 2),
        "bundled, a title": edit_to_rebuilt(copy_bundled(), "professionalism", args.runs, where="title"),
        **{f"{n:,} lessons": edit_to_rebuilt(sized[n][0], f"lesson-{n // 2:04d}", args.runs + 2) for n in SIZES},
    }

    step("pages of the bundled course")
    site = WORK / "bundled-site"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(
        [str(BIN / "course"), "build", "--site-dir", str(site)], cwd=REPO, env=ENV, check=True, capture_output=True
    )
    report.pages = measure_pages(site)
    if not args.no_lighthouse:
        step("Lighthouse, mobile")
        report.lighthouse = measure_lighthouse(site, args.runs)

    step("course stats on 100,000 statements")
    text = report.render() + "\n" + stats_section(measure_stats(args.runs))
    print(text)
    (REPO / "docs").mkdir(exist_ok=True)
    (REPO / "docs" / "performance.md").write_text(text)
    return 0


SIZES = (100, 1000)
"""Lessons in the synthetic courses in modules of 20 (bench/synth.py): validation, growth and the preview."""


def measure_peer(course: Path, runs: int) -> dict[str, tuple[float, int]]:
    """The mkdocs-quiz plugin on the same lessons and questions, against MkDocs alone, both in the bench's own
    environment (bench/peers.py)."""
    from .peers import peer_mkdocs, write_peer

    mkdocs = str(peer_mkdocs())
    projects = {}
    for name, plugin in (("mkdocs-quiz", True), ("plain", False)):
        target = WORK / "peer" / name
        shutil.rmtree(target, ignore_errors=True)
        projects[name] = ([mkdocs, "build"], write_peer(course, target, plugin=plugin))
    return median_runs(projects, runs)


def copy_bundled() -> Path:
    target = WORK / "bundled"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "quizzes"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return target


def _mib(size: float) -> str:
    return f"{size / 2**20:.1f} MiB"


def _kib(size: float) -> str:
    return f"{size / 1024:.1f} KiB"


class Report:
    """docs/performance.md from what one run measured."""

    def __init__(self, runs: int):
        self.runs = runs
        self.validation: dict[int, dict[str, float]] = {}
        self.builds: dict[str, dict[str, float]] = {}
        self.peer: dict[str, tuple[float, int]] = {}
        self.growth = (0.0, 0.0)
        self.sites: dict[int, tuple[int, int, str]] = {}
        self.preview: dict[str, float] = {}
        self.pages: list[dict[str, Any]] = []
        self.lighthouse: dict[str, dict[str, Any]] | None = None

    def render(self) -> str:
        lines = [
            "# Performance",
            "",
            f"Measured by `make bench` (bench/run.py) in one run on {platform.node() or 'this machine'}: "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
            f"{time.strftime('%Y-%m-%d')}. Every figure is the median of {self.runs} runs or more, and every target "
            "is a ratio to a baseline measured in the same run, alternating with it. Synthetic courses "
            "(bench/synth.py): lessons of about 600 words in 4 sections, each with a 10-question quiz mixing the "
            "seven scored types; plain MkDocs builds the same words as Markdown pages, with the project's "
            "mkdocs.yml minus the `course` plugin.",
            *self._validation(),
            *self._builds(),
            *self._growth(),
            *self._preview(),
            *self._pages(),
        ]
        return "\n".join(lines) + "\n"

    def _validation(self) -> list[str]:
        lines = [
            "",
            "## Validation",
            "",
            "`course validate` against the floor: a Python that only parses the same files with libyaml "
            "(`yaml.load(..., CSafeLoader)`), both timed as whole commands (bench/validate_floor.py). Target: "
            "within 2x at 10,000 questions.",
            "",
            "| lessons (questions) | `course validate` | libyaml floor | ratio |",
            "|---|---|---|---|",
        ]
        for n, r in self.validation.items():
            lines.append(f"| {n:,} ({n * 10:,}) | {r['validate']:.2f} s | {r['floor']:.2f} s | {r['ratio']:.2f}x |")
        return lines

    def _builds(self) -> list[str]:
        names = {"flat-200": "200 lessons, flat", "modules-1000": "1,000 lessons, modules of 20"}
        lines = [
            "",
            "## Builds",
            "",
            "`course build` against plain `mkdocs build` of the same words (bench/build_cost.py): wall time and "
            "peak memory (max RSS). Targets: 1.10x the time and 1.25x the memory.",
            "",
            "| course | `course build` | plain `mkdocs build` | time ratio | peak memory, course | plain "
            "| memory ratio |",
            "|---|---|---|---|---|---|---|",
        ]
        for key, r in self.builds.items():
            lines.append(
                f"| {names.get(key, key)} | {r['course_seconds']:.2f} s | {r['plain_seconds']:.2f} s "
                f"| {r['time_ratio']:.2f}x | {_mib(r['course_bytes'])} | {_mib(r['plain_bytes'])} "
                f"| {r['memory_ratio']:.2f}x |"
            )
        if self.peer:
            (quiz_time, quiz_memory), (plain_time, plain_memory) = self.peer["mkdocs-quiz"], self.peer["plain"]
            flat = self.builds.get("flat-200")
            lines += [
                "",
                "The peer: the mkdocs-quiz plugin (bench-constraints.txt, in its own environment, "
                "`make bench-env`) on the same 200 lessons and questions, against MkDocs alone in that "
                "environment (bench/peers.py; mkdocs-quiz has no ordering, matching or numeric type: those "
                "are choices or blanks with the same words).",
                "",
                "| 200 lessons, flat | build | against plain MkDocs | peak memory | against plain MkDocs |",
                "|---|---|---|---|---|",
                f"| mkdocs-quiz | {quiz_time:.2f} s | {quiz_time / plain_time:.2f}x | {_mib(quiz_memory)} "
                f"| {quiz_memory / plain_memory:.2f}x |",
            ]
            if flat:
                lines.append(
                    f"| this builder | {flat['course_seconds']:.2f} s | {flat['time_ratio']:.2f}x "
                    f"| {_mib(flat['course_bytes'])} | {flat['memory_ratio']:.2f}x |"
                )
        return lines

    def _growth(self) -> list[str]:
        small, large = self.growth
        (n_small, n_large) = SIZES
        lines = [
            "",
            "## Growth",
            "",
            f"`course build` from {n_small:,} to {n_large:,} lessons in modules: {small:.2f} s to {large:.2f} s, "
            f"{large / small:.1f}x the time for 10x the lessons (target: at most 12x).",
            "",
            "| lessons | largest page | whole site |",
            "|---|---|---|",
        ]
        for n, (largest, total, page) in self.sites.items():
            lines.append(f"| {n:,} | {_kib(largest)} ({page}) | {_mib(total)} |")
        lines.append("")
        lines.append("No page may pass 150 KB.")
        return lines

    def _preview(self) -> list[str]:
        p = self.preview
        small, large = (p[f"{n:,} lessons"] for n in SIZES)
        return [
            "",
            "## Preview",
            "",
            "From saving a lesson file to `course serve` serving the changed page (bench/run.py "
            "`edit_to_rebuilt`: a section's text, unless a title; `course serve` looks for saved files every "
            "0.2 s, which these figures include). Targets: at most 2x from 100 to 1,000 lessons, and under "
            "0.5 s for the bundled course.",
            "",
            "| course | edit to served |",
            "|---|---|",
            *(f"| {name} | {seconds:.2f} s |" for name, seconds in p.items()),
            "",
            f"From 100 to 1,000 lessons: {large / small:.2f}x. A title is on every page (the menu), so "
            "saving one builds the whole site again, as a clean build.",
        ]

    def _pages(self) -> list[str]:
        shown = {
            "/": "home",
            "/trust-model/": "lesson with a quiz and a role-play (trust-model)",
            "/final-assessment/": "final assessment",
            "/progress/": "progress",
        }
        rows = {r["page"]: r for r in self.pages}
        lines = [
            "",
            "## Pages",
            "",
            "The bundled course as `course build` writes it (bench/page_weight.py): each page's size, the "
            "share of it that is the answer key (the quiz's obscured key, written answers' model answers, and "
            "with the `xapi` option the questions' definitions), and the course's own scripts and styles it "
            "loads (one script, course.js, for every page).",
            "",
            "| page | HTML | gzipped | answer key | key's share, gzipped | course files (requests) | gzipped |",
            "|---|---|---|---|---|---|---|",
        ]
        for path, name in shown.items():
            r = rows[path]
            lines.append(
                f"| {name} | {r['bytes']:,} B | {r['gzipped']:,} B | {r['key_bytes']:,} B "
                f"| {r['key_share_gzipped']:.0%} | {r['asset_bytes']:,} B ({len(r['assets'])}) "
                f"| {r['asset_gzipped']:,} B |"
            )
        if self.lighthouse is not None:
            lines += [
                "",
                "Lighthouse 13.5.0 (npm, pinned), mobile preset (simulated slow 4G, 4x slower CPU), Debian's "
                "Chromium, the same site served compressed (gzip) with cache headers by a small static server "
                "(bench/lighthouse.py). Target: performance at least 95, layout shift 0.",
                "",
                "| page | performance | FCP | LCP | TBT | CLS | Speed Index |",
                "|---|---|---|---|---|---|---|",
            ]
            for name, r in self.lighthouse.items():
                lines.append(
                    f"| {name} | {r['score']:.0f} | {r['FCP'] / 1000:.1f} s | {r['LCP'] / 1000:.1f} s "
                    f"| {r['TBT']:.0f} ms | {r['CLS']:.3f} | {r['SI'] / 1000:.1f} s |"
                )
        return lines


if __name__ == "__main__":
    sys.exit(main())
