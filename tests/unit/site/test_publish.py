import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from builder.site import publish
from builder.site.publish import site_transaction


def test_publish_success_replaces_the_site(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    with site_transaction(site) as staging:
        (staging / "new.html").write_text("new")
    assert sorted(p.name for p in site.iterdir()) == ["new.html"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_publish_failure_keeps_the_previous_site(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    with pytest.raises(RuntimeError), site_transaction(site) as staging:
        (staging / "half.html").write_text("half")
        raise RuntimeError("build failed")
    assert sorted(p.name for p in site.iterdir()) == ["old.html"]
    assert (site / "old.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_publish_creates_a_site_that_did_not_exist(tmp_path: Path):
    site = tmp_path / "out" / "site"
    with site_transaction(site) as staging:
        (staging / "index.html").write_text("hi")
    assert (site / "index.html").read_text() == "hi"
    assert oct(site.stat().st_mode & 0o777) == "0o755"


# -- killed builds and concurrent builds --------------------------------------------------------


def _site(tmp_path: Path, text: str = "old") -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(text)
    return site


def test_publish_next_build_removes_what_killed_builds_left(tmp_path: Path):
    site = _site(tmp_path)
    for name in (".site-build-abcd1234", ".site-build-zz_9x0q1", ".site-old-0123abcd"):
        (tmp_path / name / "deep").mkdir(parents=True)
        (tmp_path / name / "deep" / "page.html").write_text("half")
    with site_transaction(site) as staging:
        (staging / "index.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_publish_cleanup_leaves_other_folders_alone(tmp_path: Path):
    site = _site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    keep = [
        ".site-build-build-abcdefgh",  # the build folder of a site named site-build
        ".site-build-abc",
        ".site-build-ABCDEFGH",
        ".site-build-abcdefghi",
        ".site-preview-build-abcdefgh",
        "site-build-abcdefgh",
    ]
    for name in keep:
        (tmp_path / name).mkdir()
    (tmp_path / ".site-build-filefile").write_text("a file, not a build folder")
    (tmp_path / ".site-build-linklink").symlink_to(elsewhere, target_is_directory=True)
    with site_transaction(site) as staging:
        (staging / "index.html").write_text("new")
    for name in [*keep, ".site-build-filefile", ".site-build-linklink"]:
        assert os.path.lexists(tmp_path / name), name
    assert elsewhere.is_dir()


def test_publish_fallback_swap_when_exchange_is_unavailable(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = _site(tmp_path)
    with site_transaction(site) as staging:
        (staging / "index.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_publish_recovers_the_previous_site_after_a_kill_between_fallback_renames(tmp_path: Path):
    old = tmp_path / ".site-old-abcdefgh"  # a fallback swap was killed after moving site/ away
    old.mkdir()
    (old / "index.html").write_text("old")
    new = tmp_path / ".site-build-ijklmnop"
    new.mkdir()
    (new / "index.html").write_text("new, never swapped in")
    site = tmp_path / "site"
    with pytest.raises(RuntimeError), site_transaction(site):
        assert (site / "index.html").read_text() == "old"  # put back before this build starts
        raise RuntimeError("this build fails too")
    assert (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_publish_second_build_waits_for_the_first(tmp_path: Path):
    site = _site(tmp_path)
    inside, release = threading.Event(), threading.Event()
    order: list[str] = []

    def first():
        with site_transaction(site) as staging:
            order.append("first in")
            inside.set()
            release.wait(10)
            (staging / "index.html").write_text("first")

    def second():
        inside.wait(10)
        with site_transaction(site) as staging:
            order.append("second in, site: " + (site / "index.html").read_text())
            (staging / "index.html").write_text("second")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    inside.wait(10)
    time.sleep(0.2)
    assert order == ["first in"]  # the second build is waiting for the lock
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == ["first in", "second in, site: first"]  # in only once the first build was published
    assert (site / "index.html").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


HOLDER = """
import sys, time
from pathlib import Path
from builder.site.publish import site_transaction
with site_transaction(Path(sys.argv[1])) as staging:
    (staging / "index.html").write_text("half")
    print("ready", flush=True)
    time.sleep(60)
"""


def test_publish_killed_build_releases_its_lock_and_leaves_the_site(tmp_path: Path):
    site = _site(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(site)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert len(publish.leftovers(site.resolve(), "build")) == 1
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    assert (site / "index.html").read_text() == "old"
    with open(tmp_path / ".site.lock") as lock:  # the kernel released the dead build's lock
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(lock, fcntl.LOCK_UN)
    with site_transaction(site) as staging:
        (staging / "index.html").write_text("new")
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]
