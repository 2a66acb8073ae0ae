from pathlib import Path

import pytest

from builder.source.loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, load_document, parse_document


def parse(text: str):
    return parse_document(text, "quizzes/q.yml")


def messages(problems):
    return [str(p) for p in problems]


def test_loader_records_value_and_key_locations():
    doc, problems = parse("id: q\nquestions:\n  - id: one\n    prompt: Hi\n")
    assert problems == []
    assert doc.data == {"id": "q", "questions": [{"id": "one", "prompt": "Hi"}]}
    assert str(doc.location(("questions", 0, "prompt"))) == "quizzes/q.yml:4:13"
    assert str(doc.location(("questions", 0, "prompt"), key=True)) == "quizzes/q.yml:4:5"
    # a path that was never written falls back to its nearest parent
    assert str(doc.location(("questions", 0, "missing"))) == "quizzes/q.yml:3:5"


def test_loader_duplicate_key_is_an_error_at_the_second_key():
    _, problems = parse("id: q\ntitle: One\ntitle: Two\n")
    assert messages(problems) == [
        "quizzes/q.yml:3:1: duplicate key 'title' (already set on line 2); YAML would silently keep only the last one"
    ]


def test_loader_unclosed_list_names_where_it_started():
    doc, problems = parse("id: q\ntitle: [Final\nnext: 1\n")
    assert doc is None
    assert messages(problems) == [
        "quizzes/q.yml:3:5: this is not valid YAML: a list in [square brackets] that starts on line 2 "
        "is not closed with ']'"
    ]


def test_loader_tab_indentation_is_explained():
    _, problems = parse("id: q\nquestions:\n\t- id: one\n")
    assert messages(problems) == [
        "quizzes/q.yml:3:1: this is not valid YAML: a tab character is used for indentation; YAML needs spaces"
    ]


def test_loader_colon_in_plain_text_is_explained():
    _, problems = parse("id: q\ntitle: Note: this breaks\n")
    assert messages(problems) == [
        "quizzes/q.yml:2:12: this is not valid YAML: a ': ' appears where YAML did not expect one; "
        "put quotes around text that contains a colon"
    ]


def test_loader_empty_and_comment_only_files():
    assert messages(parse("")[1]) == ["quizzes/q.yml:1:1: the file is empty"]
    assert messages(parse("  \n\n")[1]) == ["quizzes/q.yml:1:1: the file is empty"]
    assert messages(parse("# just a comment\n")[1]) == [
        "quizzes/q.yml:1:1: the file holds no YAML values (only comments?)"
    ]


def test_loader_non_utf8_file_points_at_the_bad_byte(tmp_path: Path):
    file = tmp_path / "q.yml"
    file.write_bytes(b"id: q\ntitle: caf\xe9\n")
    doc, problems = load_document(file, "quizzes/q.yml")
    assert doc is None
    assert messages(problems) == [
        "quizzes/q.yml:2:11: the file is not UTF-8 text (byte 0xe9 cannot be read); save it with UTF-8 encoding"
    ]


def test_loader_accepts_a_byte_order_mark(tmp_path: Path):
    file = tmp_path / "q.yml"
    file.write_bytes("\ufeffid: q\n".encode())
    doc, problems = load_document(file, "quizzes/q.yml")
    assert problems == [] and doc.data == {"id": "q"}


def test_loader_keeps_the_source_text_of_plain_scalars():
    doc, _ = parse("text: yes\nnumber: 007\ndate: 2024-01-02\nquoted: 'no'\n")
    assert doc.data["text"] is True
    assert doc.as_written(("text",), doc.data["text"]) == "yes"
    assert doc.as_written(("number",), doc.data["number"]) == "007"
    assert doc.as_written(("date",), doc.data["date"]) == "2024-01-02"
    assert doc.as_written(("quoted",), doc.data["quoted"]) == "no"  # text stays as it is


def test_loader_stops_alias_expansion_bombs():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 8):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 10) + "]")
    doc, problems = parse("\n".join(lines) + "\n")
    assert doc is None
    assert len(problems) == 1
    assert problems[0].message == (
        f"the file expands to more than {MAX_NODES:,} values (are aliases (*name) repeating large parts?)"
    )


def test_loader_rejects_an_alias_inside_itself():
    doc, problems = parse("a: &a\n  b: *a\n")
    assert doc is None
    assert messages(problems) == ["quizzes/q.yml:1:4: an alias (*name) refers to the value that contains it"]


def test_loader_rejects_non_text_keys():
    _, problems = parse("? [a, b]\n: value\n")
    assert messages(problems) == [
        "quizzes/q.yml:1:3: a key must be a plain word such as 'title', not a list or mapping"
    ]


# -- values YAML's patterns match but cannot convert, merge keys, and the limits ----------------


@pytest.mark.parametrize(
    "value, message",
    [
        ("2024-13-45", "YAML reads '2024-13-45' as a date, but it is not a valid one (month must be in 1..12)"),
        (
            "2024-02-30 10:00:00",
            "YAML reads '2024-02-30 10:00:00' as a date, but it is not a valid one (day is out of range for month)",
        ),
        (
            "1" * 5000,
            f"YAML reads '{'1' * 27}...' as a whole number, but it is not a valid one (it has too many digits)",
        ),
        ("!!int twelve", "YAML reads 'twelve' as a whole number, but it is not a valid one"),
        ("!!float x", "YAML reads 'x' as a number, but it is not a valid one"),
        ("!!bool maybe", "YAML reads 'maybe' as true or false, but it is not a valid one"),
        ("!!timestamp soon", "YAML reads 'soon' as a date, but it is not a valid one"),
    ],
)
def test_loader_values_yaml_cannot_convert_are_problems_not_crashes(value, message):
    doc, problems = parse(f"id: q\ntitle: {value}\n")
    assert messages(problems) == [
        f"quizzes/q.yml:2:8: cannot read this value: {message}; put it in quotes if it is text"
    ]
    assert doc.data["title"] == (value.split(" ", 1)[1] if value.startswith("!!") else value)  # kept as written


def test_loader_merge_keys_follow_yaml_precedence():
    doc, problems = parse(
        "base: &base {title: Base, pass_mark: 70}\nother: &other {title: Other, shuffle: no}\n"
        "quiz:\n  <<: [*base, *other]\n  title: Own\n"
    )
    assert problems == []
    assert doc.data["quiz"] == {"title": "Own", "pass_mark": 70, "shuffle": False}
    assert str(doc.location(("quiz", "title"))) == "quizzes/q.yml:5:10"


def test_loader_own_duplicate_keys_stay_errors_with_merge_keys():
    _, problems = parse("base: &base {title: Base}\nquiz:\n  <<: *base\n  id: a\n  id: b\n")
    assert messages(problems) == [
        "quizzes/q.yml:5:3: duplicate key 'id' (already set on line 4); YAML would silently keep only the last one"
    ]


def test_loader_deep_nesting_stops_with_the_limit_message():
    for text in (
        "a: " + "[" * 100_000 + "]" * 100_000,
        "".join("  " * i + "k:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "v\n",
    ):
        doc, problems = parse(text)
        assert doc is None
        assert [p.message for p in problems] == [f"values are nested more than {MAX_DEPTH} levels deep"]
        assert problems[0].code == "too-large"


def test_loader_refuses_oversized_text_and_files(tmp_path: Path):
    doc, problems = parse("a: " + "x" * MAX_FILE_BYTES)
    assert doc is None and messages(problems) == [
        f"quizzes/q.yml:1:1: the file is {MAX_FILE_BYTES + 3:,} characters; files over {MAX_FILE_BYTES:,} bytes "
        "are refused (split it into smaller lessons or quizzes)"
    ]
    file = tmp_path / "q.yml"
    file.write_bytes(b"a: " + "\u00e9".encode() * (MAX_FILE_BYTES // 2))
    doc, problems = load_document(file, "quizzes/q.yml")
    assert doc is None and problems[0].code == "too-large"


def test_loader_refuses_control_characters_that_could_rewrite_a_terminal():
    doc, problems = parse('id: q\ntitle: "Clear \\e[2J screen"\n"bad\\rkey": 1\n')
    assert messages(problems) == [
        "quizzes/q.yml:2:8: this value holds the control character U+001B, which course text may not contain "
        "(an escape such as \\x1b or \\e in double quotes?)",
        "quizzes/q.yml:3:1: this key holds the control character U+000D, which keys may not contain "
        "(an escape such as \\x1b or \\e in double quotes?)",
    ]
    assert doc.data == {"id": "q", "title": "Clear \ufffd[2J screen", "bad\ufffdkey": 1}
    doc, problems = parse('text: "tabs\\tand\\nlines are fine"\n')
    assert problems == [] and doc.data["text"] == "tabs\tand\nlines are fine"


def test_loader_locates_values_and_keys_through_aliases_merges_and_lists():
    doc, problems = parse(
        "base: &base {title: Base, pass_mark: 70}\n"
        "quiz:\n"
        "  <<: *base\n"
        "  title: Own\n"
        "items:\n"
        "  - &item\n"
        "    text: One\n"
        "  - *item\n"
        "  - plain\n"
    )
    assert problems == []
    located = {
        path: (str(doc.location(path)), str(doc.location(path, key=True)))
        for path in [
            (),
            ("quiz", "title"),  # the quiz's own title overrides the merged one
            ("quiz", "pass_mark"),  # merged: where the anchored mapping wrote it
            ("items", 0, "text"),
            ("items", 1, "text"),  # through the alias: where the anchor's value was written
            ("items", 2),  # a list item has no key: its own place either way
            ("items", 2, "text"),  # under a text: the text's place, not found as a key
            ("items", 5),
            ("quiz", 0),
            ("items", "text"),
        ]
    }
    assert located == {
        (): ("quizzes/q.yml:1:1", "quizzes/q.yml:1:1"),
        ("quiz", "title"): ("quizzes/q.yml:4:10", "quizzes/q.yml:4:3"),
        ("quiz", "pass_mark"): ("quizzes/q.yml:1:38", "quizzes/q.yml:1:27"),
        ("items", 0, "text"): ("quizzes/q.yml:7:11", "quizzes/q.yml:7:5"),
        ("items", 1, "text"): ("quizzes/q.yml:7:11", "quizzes/q.yml:7:5"),
        ("items", 2): ("quizzes/q.yml:9:5", "quizzes/q.yml:9:5"),
        ("items", 2, "text"): ("quizzes/q.yml:9:5", "quizzes/q.yml:9:5"),
        ("items", 5): ("quizzes/q.yml:6:3", "quizzes/q.yml:6:3"),
        ("quiz", 0): ("quizzes/q.yml:3:3", "quizzes/q.yml:3:3"),
        ("items", "text"): ("quizzes/q.yml:6:3", "quizzes/q.yml:6:3"),
    }


def test_loader_locates_a_key_by_what_was_written():
    # a key with a control character is kept under its cleaned name, which was never written: its
    # problems sit at the group that holds it
    doc, _ = parse('quiz:\n  id: q\n  "a\\rb": 1\n')
    assert "a\ufffdb" in doc.data["quiz"]
    assert str(doc.location(("quiz", "a\ufffdb"), key=True)) == "quizzes/q.yml:2:3"
    assert str(doc.location(("quiz", "id"), key=True)) == "quizzes/q.yml:2:3"


def test_loader_keeps_what_was_typed_through_aliases_and_in_lists():
    doc, _ = parse("first: &n 007\nagain: *n\nlist: [yes, 'no', 1.50]\n")
    assert doc.as_written(("again",), doc.data["again"]) == "007"
    assert [doc.as_written(("list", i), value) for i, value in enumerate(doc.data["list"])] == ["yes", "no", "1.50"]
    assert doc.as_written(("list", 7), 3) == "3"  # never written there: the value itself


def test_loader_keeps_no_yaml_node_once_loaded():
    """Where values were written is kept as plain numbers and text: YAML's nodes (three objects a value, each
    walked by Python's cycle collector for as long as validation keeps the file) are let go."""
    doc, _ = parse("id: q\nquestions:\n  - id: one\n    points: 2\n    options: [a, b]\n")
    seen, kinds = [doc.places], set()
    while seen:
        value = seen.pop()
        kinds.add(type(value))
        if isinstance(value, dict):
            seen.extend(value.values())
        elif isinstance(value, (list, tuple)):
            seen.extend(value)
    assert kinds <= {tuple, dict, list, int, str, type(None)}


def test_loader_reports_a_problem_of_an_aliased_value_once():
    _, problems = parse("base: &base {title: A, title: B}\nquiz: *base\nagain: *base\n")
    assert messages(problems) == [
        "quizzes/q.yml:1:24: duplicate key 'title' (already set on line 1); YAML would silently keep only the last one"
    ]


def test_loader_places_set_aside_are_read_again_from_the_text():
    doc, _ = parse("id: q\nquestions:\n  - id: one\n    points: 12\n    prompt: Hi\n")
    before = [str(doc.location(("questions", 0, "prompt"))), str(doc.location(("questions", 0, "prompt"), key=True))]
    doc.set_places_aside()
    assert doc.places is None
    assert [
        str(doc.location(("questions", 0, "prompt"))),
        str(doc.location(("questions", 0, "prompt"), key=True)),
    ] == before
    assert doc.places is not None  # read once, then kept
    doc.set_places_aside()
    assert doc.as_written(("questions", 0, "points"), 12) == "12"


def test_loader_keys_are_one_string_each():
    doc, _ = parse("- id: one\n  title: One\n- id: two\n  title: Two\n")
    first, second = (list(item) for item in doc.data)
    assert all(a is b for a, b in zip(first, second, strict=True))
