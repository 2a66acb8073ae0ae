"""Ralph, a real Learning Record Store, started by a test on 127.0.0.1 and stopped by it.

Ralph serves the xAPI statements API from a folder (ralph_server.py). It runs from its own environment
(.venv-lrs, `make lrs`; lrs-constraints.txt says why). Two users, as a course would have them: the course's
write-only credentials (scope statements/write, which the pages carry and learners can read) and the trainer's,
which read every statement (scope statements/read), with Ralph told to enforce scopes.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.net import free_port, wait_for
from tests.support.paths import REPO

RALPH = REPO / ".venv-lrs" / "bin" / "ralph"
SERVER = Path(__file__).with_name("ralph_server.py")
"""Ralph's app under uvicorn, its folder backend appending (the script says why)."""
XAPI_VERSION = "1.0.3"
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str
    scope: str

    @property
    def header(self) -> str:
        return "Basic " + base64.b64encode(f"{self.username}:{self.password}".encode()).decode()


WRITER = Credentials("course-writer", "write-only-secret", "statements/write")
READER = Credentials("trainer", "read-secret", "statements/read")


@dataclass(frozen=True)
class Ralph:
    """A running Ralph: its xAPI base URL (ending in /) and the two users' credentials."""

    endpoint: str
    writer: Credentials = WRITER
    reader: Credentials = READER

    def post(self, statements: Sequence[dict[str, Any]], credentials: Credentials = WRITER) -> int:
        """POSTs statements as the course would; the HTTP status."""
        request = urllib.request.Request(
            self.endpoint + "statements",
            data=json.dumps(list(statements)).encode(),
            method="POST",
            headers={
                "Authorization": credentials.header,
                "X-Experience-API-Version": XAPI_VERSION,
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    def statements(self, credentials: Credentials = READER, **query: str) -> list[dict[str, Any]]:
        """Every stored statement matching `query`, following `more` links."""
        found: list[dict[str, Any]] = []
        url: str | None = self.endpoint + "statements?" + "&".join(f"{k}={v}" for k, v in query.items())
        while url:
            request = urllib.request.Request(
                url, headers={"Authorization": credentials.header, "X-Experience-API-Version": XAPI_VERSION}
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                page = json.loads(response.read())
            found += page["statements"]
            more = page.get("more")
            url = urllib.parse.urljoin(self.endpoint, more) if more else None
        return found


def _ralph_env(folder: Path, cors_origins: Sequence[str]) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("RALPH_")},
        "RALPH_APP_DIR": str(folder / "app"),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder / "statements"),
        "RALPH_LRS_RESTRICT_BY_AUTHORITY": "true",
        "RALPH_LRS_RESTRICT_BY_SCOPES": "true",
        "RALPH_RUNSERVER_CORS_ALLOW_ORIGINS": json.dumps(list(cors_origins)),
    }


@contextlib.contextmanager
def running_ralph(folder: Path, cors_origins: Sequence[str] = (), port: int | None = None) -> Iterator[Ralph]:
    """Ralph serving statements from `folder` on `port` (else a free one) of 127.0.0.1, allowing the pages of
    `cors_origins` to send statements; stopped (with its reloader) when the block ends. Started again on the same
    folder, it serves the statements stored before."""
    if not RALPH.is_file():
        assert os.environ.get("CI") != "true", "Ralph is missing under CI=true (run `make test`)"
        pytest.skip("Ralph is missing: run `make lrs`")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "statements").mkdir(exist_ok=True)
    (folder / "run").mkdir(exist_ok=True)
    env = _ralph_env(folder, cors_origins)
    for user in () if (folder / "auth.json").exists() else (WRITER, READER):
        agent = ["-A", user.username, "https://lrs.example.org/users"]
        subprocess.run(
            [str(RALPH), "auth", "-u", user.username, "-p", user.password, "-s", user.scope, *agent, "-w"],
            env=env, cwd=folder, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    port = port or free_port()
    log = (folder / "ralph.log").open("a")
    server = subprocess.Popen(
        # -P: not this folder first on the path (tests/support/html.py would hide the standard library's html)
        [str(RALPH.with_name("python")), "-P", str(SERVER), str(port)],
        env=env, cwd=folder / "run", stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    ralph = Ralph(f"http://127.0.0.1:{port}/xAPI/")
    try:
        wait_for(lambda: server.poll() is not None or _answers(ralph), timeout=STARTUP_SECONDS)
        if server.poll() is not None or not _answers(ralph):
            raise AssertionError(f"Ralph did not start in {STARTUP_SECONDS} s:\n{(folder / 'ralph.log').read_text()}")
        yield ralph
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def _answers(ralph: Ralph) -> bool:
    try:
        ralph.statements(limit="1")
    except OSError:
        return False
    return True
