"""`make lighthouse`: Lighthouse (npm, pinned in package.json) on Debian's Chromium, mobile preset, on four pages of
the bundled course: the home page, a lesson with a quiz and a role-play, the final assessment and the progress page.

The site is served the way a host would serve it: compressed (gzip) and with cache headers (assets a year, pages
revalidated), by a small static server on 127.0.0.1 (`CompressingHandler`), since Python's http.server does
neither and Lighthouse would measure the hosting. Prints each page's performance score and metrics; with
`--json FILE`, writes them there too.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "lesson with a quiz and a role-play": "trust-model/",
    "final assessment": "final-assessment/",
    "progress": "progress/",
}
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files gzipped when the browser accepts it, with Cache-Control as a static host would send."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if (
            not path.is_file()
            or path.suffix not in COMPRESSED
            or not accepts
            or not self.path.split("?")[0].endswith(("/", *COMPRESSED))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", _cache_control(self.path))
        self.end_headers()
        return _Body(body)

    def end_headers(self) -> None:
        if not any(header.startswith(b"Cache-Control") for header in getattr(self, "_headers_buffer", [])):
            self.send_header("Cache-Control", _cache_control(self.path))
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


def _cache_control(path: str) -> str:
    # assets change name (Material's hashed files) or are re-fetched on a new build at worst a year later; pages
    # are always revalidated, so a rebuilt course shows at once
    return "public, max-age=31536000" if "/assets/" in path else "no-cache"


class _Body:
    """What send_head returns for copyfile: the compressed bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(CompressingHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run, mobile preset (its default): the performance score and the metrics."""
    subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", f"--output-path={out}", "--quiet",
         "--chrome-flags=--headless=new --no-sandbox"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
    )  # fmt: skip
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        **{short: audits[name]["numericValue"] for name, short in METRICS.items()},
    }


def measure(site: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Each page's median over `runs` Lighthouse runs."""
    server, base = serve(site)
    results: dict[str, dict[str, Any]] = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, path in PAGES.items():
                found = [audit(base + path, Path(folder) / f"{n}.json") for n in range(runs)]
                results[name] = {key: statistics.median(r[key] for r in found) for key in found[0]}
    finally:
        server.shutdown()
        server.server_close()
    return results


def table(results: dict[str, dict[str, Any]]) -> str:
    rows = ["| page | performance | FCP | LCP | TBT | CLS | Speed Index |", "|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        rows.append(
            f"| {name} | {r['score']:.0f} | {r['FCP'] / 1000:.1f} s | {r['LCP'] / 1000:.1f} s | {r['TBT']:.0f} ms "
            f"| {r['CLS']:.3f} | {r['SI'] / 1000:.1f} s |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is reported)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file() or not shutil.which(CHROMIUM):
        raise SystemExit("Lighthouse or Chromium is missing: run `make browser-deps`")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        course = str(REPO / ".venv" / "bin" / "course")
        subprocess.run([course, "build", "--site-dir", str(site)], cwd=REPO, check=True, capture_output=True)
        results = measure(site, args.runs)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
