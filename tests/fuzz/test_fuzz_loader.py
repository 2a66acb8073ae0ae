"""Fuzzing the YAML loader: any text, YAML-shaped noise, any bytes and any data YAML can hold end in a
document or in located problems, never in another exception, and within bounded time and memory."""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.source.loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, load_document, parse_document
from tests.support.fuzzing import (
    TRICKY_CHARS,
    assert_located,
    data_paths,
    examples,
    line_count,
    tricky_text,
    yaml_noise,
)

PATH = "quizzes/q.yml"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_KEY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _check(text: str):
    doc, problems = parse_document(text, PATH)
    assert doc is not None or problems, "no document and no problem"
    assert_located(problems, {PATH: text})
    if doc is not None:
        for path in data_paths(doc.data):
            location = doc.location(path)
            assert 1 <= location.line <= line_count(text) + 1
    return doc, problems


@settings(max_examples=examples(300))
@given(st.text())
def test_fuzz_loader_any_text(text):
    _check(text)


@settings(max_examples=examples(400))
@given(yaml_noise)
def test_fuzz_loader_yaml_shaped_noise(text):
    _check(text)


@settings(max_examples=examples(150))
@given(
    st.one_of(
        st.binary(max_size=300),
        yaml_noise.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(
            st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]),
            st.binary(max_size=60),
            yaml_noise.map(str.encode),
        ).map(b"".join),
    )
)
def test_fuzz_loader_any_bytes(raw):
    with TemporaryDirectory() as folder:
        file = Path(folder) / "q.yml"
        file.write_bytes(raw)
        doc, problems = load_document(file, PATH)
    assert doc is not None or problems
    for problem in problems:
        assert problem.location.path == PATH and problem.location.line >= 1 and problem.location.col >= 1


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), tricky_text, st.text(max_size=30)
)
data_trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.one_of(tricky_text, st.text(max_size=10)), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=examples(200))
@given(data_trees, st.sampled_from(["block", "flow"]))
def test_fuzz_loader_reads_back_whatever_yaml_writes(data, style):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=style == "flow", width=60)
    doc, problems = _check(text)
    expected = yaml.safe_load(text)  # PyYAML's own reading (its writer loses a few characters, like NEL)
    if any(pattern.search(part) for pattern, part in _texts(expected)):
        # two keys may become one once their control characters are replaced: a duplicate key then
        assert problems and {p.code for p in problems} <= {"control-character", "duplicate-key"}
    else:
        assert problems == []
        assert doc.data == expected


@settings(max_examples=examples(400))
@given(
    st.one_of(
        st.text(),
        yaml_noise,
        st.lists(st.sampled_from([*TRICKY_CHARS, "x", ": ", "\n  ", "'", '"', "|\n  "])).map("".join),
    )
)
def test_fuzz_loader_only_an_escape_puts_a_control_character_in_a_value(text):
    """The loader looks for control characters in values only when the text has a backslash: YAML refuses
    them written as they are and reads CR and NEL as line breaks, so only an escape can make one."""
    text = text.replace("\\", "")
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return
    nodes, scalars, seen = [root] if root is not None else [], [], set()
    while nodes:
        node = nodes.pop()
        if id(node) in seen:  # an alias, maybe of the value that holds it
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            scalars.append(node.value)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            nodes.extend(value for _, value in node.value)  # keys may hold tabs and line breaks
    assert not [value for value in scalars if _CONTROL.search(value)]
    _, problems = _check(text)
    assert not [p for p in problems if p.code == "control-character" and "this value" in p.message]


def _texts(value):
    """(control characters refused, text) of every value and key."""
    if isinstance(value, str):
        yield _CONTROL, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield _KEY_CONTROL, str(key)
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


# -- the limits: bombs, deep nesting, huge values ------------------------------------------------


def _timed(text: str):
    """Parse, measuring CPU seconds (not wall time: other work on the machine must not fail the test)
    and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    started = time.process_time()
    try:
        doc, problems = parse_document(text, PATH)
    finally:
        seconds = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return doc, problems, seconds, peak


def _laughs(levels: int, width: int) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(12), deadline=None)
@given(st.integers(6, 12), st.integers(5, 12))
def test_fuzz_loader_billion_laughs_stop_quickly_in_bounded_memory(levels, width):
    text = _laughs(levels, width)
    doc, problems, seconds, peak = _timed(text)
    if doc is not None:  # small enough to expand: then it holds no more values than the limit
        assert problems == [] and sum(1 for _ in data_paths(doc.data)) <= MAX_NODES
    else:
        assert [p.message for p in problems] == [
            f"the file expands to more than {MAX_NODES:,} values (are aliases (*name) repeating large parts?)"
        ]
    assert width**levels < MAX_NODES or doc is None
    assert seconds < 3, seconds
    assert peak < 150 * 2**20, f"{peak / 2**20:.0f} MiB"


def test_fuzz_loader_classic_billion_laughs():
    doc, problems, seconds, peak = _timed(_laughs(9, 10))  # a billion "lol"s if expanded
    assert doc is None and problems[0].code == "too-large"
    assert seconds < 3 and peak < 150 * 2**20


def test_fuzz_loader_merge_key_bomb_stays_small():
    node = "&x0 {a: 1, bb: 2, cc: 3, dd: 4, ee: 5, ff: 6, gg: 7, hh: 8, ii: 9, jj: 10}"
    for k in range(1, 9):
        node = f"&x{k} {{<<: [{node}" + f", *x{k - 1}" * 9 + "]}"
    doc, problems, seconds, peak = _timed(f"quiz: {node}\n")
    assert problems == [] and len(doc.data["quiz"]) == 10
    assert seconds < 3 and peak < 150 * 2**20


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 200_000 + "]" * 200_000,
        "a: " + "{a: " * 5_000 + "}" * 5_000,
        "".join("  " * i + "k:\n" for i in range(900)) + "  " * 900 + "v\n",
        "".join("- " * i + "\n" for i in range(1, 200)),
    ],
    ids=["flow lists", "flow mappings", "block mappings", "block lists"],
)
def test_fuzz_loader_deep_nesting_stops_with_the_limit(text):
    doc, problems, seconds, _ = _timed(text)
    assert doc is None
    assert [p.message for p in problems] == [f"values are nested more than {MAX_DEPTH} levels deep"]
    assert seconds < 3


@settings(max_examples=examples(6), deadline=None)
@given(st.sampled_from(["x", "\u202e", "\u200b", "é", "😀", "[", "&"]), st.sampled_from(["plain", "quoted", "block"]))
def test_fuzz_loader_huge_values_load_in_bounded_time(char, style):
    body = char * (MAX_FILE_BYTES // 4 - 20)
    text = {"plain": f"title: a{body}\n", "quoted": f'title: "{body}"\n', "block": f"body: |\n  {body}\n"}[style]
    doc, problems, seconds, _ = _timed(text)
    assert seconds < 5, seconds
    assert doc is not None or problems


def test_fuzz_loader_oversized_text_is_refused_at_once():
    doc, problems, seconds, _ = _timed("a: " + "x" * MAX_FILE_BYTES)
    assert doc is None and problems[0].code == "too-large" and seconds < 0.5


def test_fuzz_loader_tricky_characters_survive_a_round_trip():
    tricky = "".join(c for c in TRICKY_CHARS if not _CONTROL.search(c) and c not in "\r\n\x85\u2028\u2029")
    text = yaml.safe_dump({"title": tricky}, allow_unicode=True)
    doc, problems = _check(text)
    assert problems == [] and doc.data["title"] == tricky
    for control in ("\x00", "\x1b", "\x7f", "\x9b", "\r"):
        doc, problems = _check(yaml.safe_dump({"title": f"a{control}b"}))
        assert [p.code for p in problems] == ["control-character"] and doc.data["title"] == "a\ufffdb"
