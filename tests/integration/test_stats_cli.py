"""`course stats` run for real on the `full` fixture course: from an exported file, and from a tiny LRS on
127.0.0.1 (http.server in a thread) that pages its statements with `more` and checks the Basic credentials."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from tests.support.cli import run_course
from tests.support.paths import FIXTURES
from tests.support.projects import project_at, valid_course
from tests.support.xapi_statements import attempt_statements, role_play_statements

BASE = "https://courses.example.org/fixture"
USER, PASSWORD = "trainer", "s3cret"


def generated() -> list[dict[str, Any]]:
    course = valid_course(project_at(FIXTURES / "full"))
    pattern = {f"learner-{i}": {"single-one": i < 6, "multiple-two": i >= 2, "tf-three": True} for i in range(8)}
    return [
        *attempt_statements(course, BASE, "alpha-check", pattern),
        *role_play_statements(course, BASE, "desk-visit", "learner-1", [0, 1]),
    ]


@pytest.fixture
def project(course_copy) -> Path:
    return course_copy("full")


def test_stats_cli_reads_an_exported_file_as_json(project: Path):
    (project / "export.json").write_text(json.dumps(generated()))
    result = run_course("stats", "--statements", "export.json", "--base", BASE, "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    alpha = data["quizzes"][0]
    assert (alpha["id"], alpha["attempts"]) == ("alpha-check", 8)
    assert [(q["id"], q["attempts"], q["facility"]) for q in alpha["questions"]] == [
        ("single-one", 8, 0.75),
        ("multiple-two", 8, 0.75),
        ("tf-three", 8, 1.0),
    ]
    assert data["role_plays"][0]["endings"] == {"good-end": 0, "mixed-end": 1, "bad-end": 0}


def test_stats_cli_text_report_written_to_a_file(project: Path):
    (project / "export.json").write_text(json.dumps({"statements": generated(), "more": ""}))
    result = run_course("stats", "--statements", "export.json", "--base", BASE + "/", "--out", "stats.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote stats.txt: the item analysis of 34 statements\n"
    text = (project / "stats.txt").read_text()
    assert "alpha-check (Alpha check): 8 attempts" in text
    assert "quizzes/alpha-check.yml:33:5: alpha-check/tf-three: too easy: 100% of 8 attempts" in text


def test_stats_cli_needs_a_course_iri(project: Path):
    (project / "export.json").write_text("[]")
    result = run_course("stats", "--statements", "export.json", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: no course IRI to match statements with; set `xapi: activity_base:` (or `site_url`) in mkdocs.yml, "
        "or pass `--base IRI`\n"
    )


def test_stats_cli_reads_the_course_iri_from_site_url(project: Path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + f"site_url: {BASE}/\n")
    (project / "export.json").write_text(json.dumps(generated()))
    result = run_course("stats", "--statements", "export.json", "--format", "json", cwd=project)
    assert json.loads(result.stdout)["quizzes"][0]["attempts"] == 8, result.stderr


def test_stats_cli_a_file_that_is_not_statements_is_one_error(project: Path):
    (project / "export.json").write_text('{"rows": [1, 2]}')
    result = run_course("stats", "--statements", "export.json", "--base", BASE, cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        'error: export.json: expected a JSON array of xAPI statements, or an object with a "statements" array\n'
    )


class FakeLrs(BaseHTTPRequestHandler):
    """Statements in pages of 10, each with a `more` link relative to the server; Basic auth required."""

    statements: ClassVar[list[dict[str, Any]]] = []
    queries: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.end_headers()
            return
        url = urlparse(self.path)
        query = parse_qs(url.query)
        self.queries.append({**query, "version": [self.headers.get("X-Experience-API-Version", "")]})
        if url.path.startswith("/xAPI/broken/"):
            body = b"<html>not statements</html>"
        else:
            start = int(query.get("from", ["0"])[0])
            rest = self.statements[start + 10 :]
            more = f"/xAPI/statements?from={start + 10}" if rest else ""
            body = json.dumps({"statements": self.statements[start : start + 10], "more": more}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@pytest.fixture
def lrs() -> Iterator[str]:
    FakeLrs.statements = generated()
    FakeLrs.queries = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLrs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xAPI/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_stats_cli_reads_every_page_from_an_lrs(project: Path, lrs: str):
    args = ["stats", "--lrs", lrs, "--lrs-user", USER, "--lrs-password", PASSWORD, "--base", BASE, "--format", "json"]
    result = run_course(*args, cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["statements"]["read"] == 34  # four pages: 10, 10, 10, 4
    assert data["quizzes"][0]["attempts"] == 8
    first = FakeLrs.queries[0]
    assert first == {"activity": [BASE], "related_activities": ["true"], "limit": ["500"], "version": ["1.0.3"]}
    assert [q.get("from") for q in FakeLrs.queries] == [None, ["10"], ["20"], ["30"]]


def test_stats_cli_lrs_refusing_the_credentials(project: Path, lrs: str):
    result = run_course(
        "stats", "--lrs", lrs, "--lrs-user", USER, "--lrs-password", "wrong", "--base", BASE, cwd=project
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: the LRS at {lrs} refused the credentials (HTTP 401); check --lrs-user and --lrs-password: they need "
        "permission to read statements\n"
    )


def test_stats_cli_lrs_answering_with_something_else(project: Path, lrs: str):
    FakeLrs.statements = []
    broken = lrs + "broken"
    result = run_course(
        "stats", "--lrs", broken, "--lrs-user", USER, "--lrs-password", PASSWORD, "--base", BASE, cwd=project
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: the LRS at {broken} did not return xAPI statements for ")
    assert result.stderr.endswith(": the answer is not JSON\n") and "Traceback" not in result.stderr


def test_stats_cli_lrs_that_cannot_be_reached(project: Path):
    from tests.support.net import free_port

    url = f"http://127.0.0.1:{free_port()}/xAPI/"
    result = run_course("stats", "--lrs", url, "--base", BASE, cwd=project)
    assert result.returncode == 1
    assert result.stderr == f"error: cannot reach the LRS at {url}: [Errno 111] Connection refused\n"


def test_stats_cli_takes_the_lrs_password_from_the_environment(project: Path, lrs: str, monkeypatch):
    monkeypatch.setenv("COURSE_LRS_PASSWORD", PASSWORD)  # run_course passes the environment on
    result = run_course("stats", "--lrs", lrs, "--lrs-user", USER, "--base", BASE, "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quizzes"][0]["attempts"] == 8
