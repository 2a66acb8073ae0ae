"""The real `course` command, run in a subprocess as a trainer would run it."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from .net import free_port


def run_course(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess, as a trainer would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(
        [sys.executable, "-m", "builder.cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    if check and result.returncode != 0:
        raise AssertionError(f"course {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def start_course_server(project: Path, port: int, **env: str) -> subprocess.Popen[str]:
    """The real `course serve` for `project` on 127.0.0.1:`port`, with `env` added to the environment; what it
    prints (stdout and stderr together) is its stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "builder.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@contextlib.contextmanager
def course_server(project: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`course serve` for `project` on a free port, started for real: (process, base URL).

    On exit the server is stopped and must not have printed a traceback."""
    port = free_port()
    server = start_course_server(project, port)
    try:
        yield server, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output
