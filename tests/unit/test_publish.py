from pathlib import Path

import pytest

from builder.publish import site_transaction


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
    with pytest.raises(RuntimeError):
        with site_transaction(site) as staging:
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
