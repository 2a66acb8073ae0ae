from pathlib import Path

from builder.loader import MAX_NODES, load_document, parse_document


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
        "quizzes/q.yml:3:1: duplicate key 'title' (already set on line 2); YAML would silently keep only the last one"]


def test_loader_unclosed_list_names_where_it_started():
    doc, problems = parse("id: q\ntitle: [Final\nnext: 1\n")
    assert doc is None
    assert messages(problems) == [
        "quizzes/q.yml:3:5: this is not valid YAML: a list in [square brackets] that starts on line 2 "
        "is not closed with ']'"]


def test_loader_tab_indentation_is_explained():
    _, problems = parse("id: q\nquestions:\n\t- id: one\n")
    assert messages(problems) == [
        "quizzes/q.yml:3:1: this is not valid YAML: a tab character is used for indentation; YAML needs spaces"]


def test_loader_colon_in_plain_text_is_explained():
    _, problems = parse("id: q\ntitle: Note: this breaks\n")
    assert messages(problems) == [
        "quizzes/q.yml:2:12: this is not valid YAML: a ': ' appears where YAML did not expect one; "
        "put quotes around text that contains a colon"]


def test_loader_empty_and_comment_only_files():
    assert messages(parse("")[1]) == ["quizzes/q.yml:1:1: the file is empty"]
    assert messages(parse("  \n\n")[1]) == ["quizzes/q.yml:1:1: the file is empty"]
    assert messages(parse("# just a comment\n")[1]) == [
        "quizzes/q.yml:1:1: the file holds no YAML values (only comments?)"]


def test_loader_non_utf8_file_points_at_the_bad_byte(tmp_path: Path):
    file = tmp_path / "q.yml"
    file.write_bytes(b"id: q\ntitle: caf\xe9\n")
    doc, problems = load_document(file, "quizzes/q.yml")
    assert doc is None
    assert messages(problems) == [
        "quizzes/q.yml:2:11: the file is not UTF-8 text (byte 0xe9 cannot be read); save it with UTF-8 encoding"]


def test_loader_accepts_a_byte_order_mark(tmp_path: Path):
    file = tmp_path / "q.yml"
    file.write_bytes("\ufeffid: q\n".encode())
    doc, problems = load_document(file, "quizzes/q.yml")
    assert problems == [] and doc.data == {"id": "q"}


def test_loader_keeps_the_source_text_of_plain_scalars():
    doc, _ = parse("text: yes\nnumber: 007\ndate: 2024-01-02\nquoted: 'no'\n")
    assert doc.data["text"] is True
    assert doc.scalar_text[("text",)] == "yes"
    assert doc.scalar_text[("number",)] == "007"
    assert doc.scalar_text[("date",)] == "2024-01-02"
    assert ("quoted",) not in doc.scalar_text


def test_loader_stops_alias_expansion_bombs():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 8):
        lines.append(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 10) + "]")
    doc, problems = parse("\n".join(lines) + "\n")
    assert doc is None
    assert len(problems) == 1
    assert problems[0].message == (f"the file expands to more than {MAX_NODES:,} values "
                                   "(are aliases (*name) repeating large parts?)")


def test_loader_rejects_an_alias_inside_itself():
    doc, problems = parse("a: &a\n  b: *a\n")
    assert doc is None
    assert messages(problems) == ["quizzes/q.yml:1:4: an alias (*name) refers to the value that contains it"]


def test_loader_rejects_non_text_keys():
    _, problems = parse("? [a, b]\n: value\n")
    assert messages(problems) == [
        "quizzes/q.yml:1:3: a key must be a plain word such as 'title', not a list or mapping"]
