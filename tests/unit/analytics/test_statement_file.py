"""Reading statements from an LRS's export: streamed a piece at a time, and one clear error for anything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.analytics import statement_file
from builder.analytics.statement_file import read_statement_file
from builder.source.errors import StatementsError
from builder.source.model import Course
from tests.support.xapi_statements import attempt_statements

from .conftest import BASE


@pytest.fixture
def statements(course: Course) -> list[dict[str, object]]:
    pattern = {f"learner-{i}": {"single-one": i % 2 == 0, "tf-three": True} for i in range(6)}
    return attempt_statements(course, BASE, "alpha-check", pattern)


@pytest.mark.parametrize("chunk", [7, 64, 4096])
def test_statement_file_reads_an_array_across_chunk_boundaries(tmp_path: Path, statements, chunk, monkeypatch):
    monkeypatch.setattr(statement_file, "CHUNK", chunk)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(statements, indent=2), encoding="utf-8")
    assert list(read_statement_file(path)) == statements


def test_statement_file_reads_an_lrs_page_object_and_skips_its_other_keys(tmp_path: Path, statements, monkeypatch):
    monkeypatch.setattr(statement_file, "CHUNK", 5)
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"more": "/xAPI/statements?pit=1", "statements": statements, "n": 12345}))
    assert list(read_statement_file(path)) == statements


def test_statement_file_reads_an_empty_array(tmp_path: Path):
    (tmp_path / "none.json").write_text(" [ ] \n")
    assert list(read_statement_file(tmp_path / "none.json")) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("this is not JSON", "FILE is not JSON: Expecting value at line 1"),
        ('[{"actor": {}, "verb": {}, "object": {}},\n  {"actor": ', "FILE is not JSON: Expecting value at line 2"),
        ("", 'FILE: it is empty; expected a JSON array of xAPI statements, or an object with a "statements" array'),
        ('{"rows": []}', 'FILE: expected a JSON array of xAPI statements, or an object with a "statements" array'),
        ("42", 'FILE: expected a JSON array of xAPI statements, or an object with a "statements" array'),
        (
            '[{"actor": {}, "verb": {}, "object": {}}, {"verb": {}}]',
            "FILE: statement 2 is not an xAPI statement (an object with an actor, a verb and an object)",
        ),
        ("[] []", "FILE: it has more after its end"),
    ],
)
def test_statement_file_gives_one_clear_error_for_what_is_not_statements(tmp_path: Path, text: str, message: str):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(StatementsError) as raised:
        list(read_statement_file(path))
    assert str(raised.value) == message.replace("FILE", str(path))


def test_statement_file_that_does_not_exist(tmp_path: Path):
    with pytest.raises(StatementsError, match=r"missing\.json: no such file$"):
        list(read_statement_file(tmp_path / "missing.json"))
