"""GIFT export round trip: files written by `export_gift` are read back with gift-pegjs, the GIFT
parser other tools use, and what it reads must equal the course's YAML for every question type.

gift-pegjs runs in Node from the repository's node_modules (`make browser-deps`, i.e. `npm ci`). In CI
(CI=true) a missing parser fails these tests; locally they are skipped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.exporters.gift import export_gift
from builder.source.diagnostics import Severity
from builder.source.markdown_text import MarkdownText
from builder.source.model import Course
from builder.source.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortText,
    SingleChoice,
    TrueFalse,
    Written,
)
from builder.source.questions.short_text import normalise_answer
from builder.source.questions.written import model_answer_markdown
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import load, project_at

EXPORTERS = REPO / "tests" / "exporters"
PARSE_SCRIPT = EXPORTERS / "parse_gift.mjs"
PARSER = REPO / "node_modules" / "gift-pegjs"

COURSES = {"full": FIXTURES / "full", "gift-special": FIXTURES / "gift-special", "bundled": REPO}
GIFT_TYPES = {
    "single": "MC",
    "multiple": "MC",
    "true_false": "TF",
    "short_text": "Short",
    "matching": "Matching",
    "numeric": "Numerical",
    "written": "Essay",
}


@pytest.fixture(scope="session")
def node() -> str:
    node = shutil.which("node")
    missing = None if node else "node is not installed"
    if node and not PARSER.is_dir():
        missing = f"{PARSER.relative_to(REPO)} is missing"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{missing} and CI=true: the GIFT round trip must run in CI (run `make browser-deps`)", pytrace=False
            )
        pytest.skip(f"{missing}: run `make browser-deps` to check GIFT files with gift-pegjs")
    return node


class Exported:
    """A course exported to GIFT and every file read back by gift-pegjs, by quiz id."""

    def __init__(self, course: Course, warnings, files: dict[str, Path], parsed: dict[str, list[dict]]):
        self.course, self.warnings, self.files, self.parsed = course, warnings, files, parsed


def export_and_parse(root: Path, out: Path, node: str) -> Exported:
    course, problems = load(project_at(root))
    assert course is not None, [str(p) for p in problems]
    warnings = export_gift(course, out)
    files = {path.stem: path for path in sorted(out.glob("*.gift"))}
    result = subprocess.run(
        [node, str(PARSE_SCRIPT), *map(str, files.values())], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"gift-pegjs could not parse an exported file:\n{result.stderr}"
    by_file = json.loads(result.stdout)
    return Exported(course, warnings, files, {qid: by_file[str(path)] for qid, path in files.items()})


@pytest.fixture(scope="module", params=list(COURSES))
def exported(request, node, tmp_path_factory) -> Exported:
    return export_and_parse(COURSES[request.param], tmp_path_factory.mktemp(f"gift-{request.param}"), node)


@pytest.fixture(scope="module")
def special(node, tmp_path_factory) -> Exported:
    return export_and_parse(COURSES["gift-special"], tmp_path_factory.mktemp("gift-special-only"), node)


# -- comparing ------------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str | None) -> str | None:
    """What a reader sees of an HTML text: tags removed, entities decoded, spaces collapsed."""
    if html is None:
        return None
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(unescape("".join(parser.parts)).split())


MARKDOWN = MarkdownText()


def block(markdown: str | None) -> str | None:
    return text_of(MARKDOWN.block(markdown)) if markdown else None


def inline(markdown: str | None) -> str | None:
    return text_of(MARKDOWN.inline(markdown)) if markdown else None


def parsed_text(value: dict | None) -> str | None:
    """gift-pegjs gives {format, text}; every text the exporter writes is HTML."""
    if value is None:
        return None
    assert value["format"] == "html", value
    return text_of(value["text"])


_PEGJS_PLACEHOLDERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
    "&&010": "\n",
}


def pegjs_plain(text: str) -> str:
    """gift-pegjs 1.0.2 leaves its escape placeholders in plain text (a matching pair's right side):
    its PlainText rule never calls escapedCharacterDecode, unlike every other text. Decode them here."""
    return re.sub("|".join(map(re.escape, _PEGJS_PLACEHOLDERS)), lambda m: _PEGJS_PLACEHOLDERS[m.group()], text)


def check_question(quiz_id: str, question, parsed: dict) -> None:
    where = f"{quiz_id}/{question.id}"
    assert parsed["type"] == GIFT_TYPES[question.type], where
    assert parsed["title"] == question.id, where
    assert parsed["stem"]["format"] == "html", where
    assert parsed_text(parsed["stem"]) == block(question.prompt), where
    if isinstance(question, Written):  # an essay: the model answer and checklist are the general feedback
        assert parsed_text(parsed["globalFeedback"]) == block(model_answer_markdown(question)), where
        assert "choices" not in parsed or not parsed["choices"], where
    else:
        assert parsed_text(parsed["globalFeedback"]) == block(question.explanation), where
    assert not parsed["hasEmbeddedAnswers"], where

    if isinstance(question, (SingleChoice, MultipleChoice)):
        choices = parsed["choices"]
        assert [parsed_text(c["text"]) for c in choices] == [inline(o.text) for o in question.options], where
        assert [parsed_text(c["feedback"]) for c in choices] == [inline(o.feedback) for o in question.options], where
    if isinstance(question, SingleChoice):
        assert [c["isCorrect"] for c in choices] == [o.correct for o in question.options], where
        assert all(c["weight"] is None for c in choices), where
    elif isinstance(question, MultipleChoice):
        # every option is `~%weight%`: Moodle then allows several answers; right means a positive weight
        assert not any(c["isCorrect"] for c in choices), where
        assert [c["weight"] > 0 for c in choices] == [o.correct for o in question.options], where
        right = [c["weight"] for c in choices if c["weight"] > 0]
        wrong = [c["weight"] for c in choices if c["weight"] < 0]
        assert abs(sum(right) - 100) < 1e-3 and len(set(right)) == 1, (where, right)
        assert not wrong or (abs(sum(wrong) + 100) < 1e-3 and len(set(wrong)) == 1), (where, wrong)
    elif isinstance(question, TrueFalse):
        assert parsed["isTrue"] is question.answer, where
        assert parsed["trueFeedback"] is None and parsed["falseFeedback"] is None, where
    elif isinstance(question, ShortText):
        answers = [c["text"]["text"].replace("\\*", "*") for c in parsed["choices"]]  # \* is Moodle's literal *
        # every accepted answer as written, and other forms the player accepts too, each once to Moodle
        assert {" ".join(a.split()).casefold() for a in question.accept} <= {a.casefold() for a in answers}, where
        same = {normalise_answer(a, ignore_accents=question.ignore_accents) for a in question.accept}
        assert all(normalise_answer(a, ignore_accents=question.ignore_accents) in same for a in answers), where
        assert len({a.casefold() for a in answers}) == len(answers), where
        assert all(c["isCorrect"] and c["weight"] is None and c["feedback"] is None for c in parsed["choices"]), where
    elif isinstance(question, Matching):
        pairs = [(parsed_text(p["subquestion"]), pegjs_plain(p["subanswer"])) for p in parsed["matchPairs"]]
        extra = [("", inline(value)) for value in question.distractors]  # Moodle's extra wrong answers
        assert pairs == [(inline(p.left), inline(p.right)) for p in question.pairs] + extra, where
    elif isinstance(question, Numeric):
        assert parsed["choices"] == {"type": "range", "number": question.answer, "range": question.tolerance}, where


# -- every course: full fixture, special characters, the bundled course ------------------------------


def test_every_quiz_with_an_exportable_question_has_a_file_with_its_category(exported):
    expected = [q.id for q in exported.course.quizzes.values() if any(not isinstance(x, Ordering) for x in q.questions)]
    assert sorted(exported.files) == sorted(expected)
    for quiz_id, questions in exported.parsed.items():
        assert [q for q in questions if q["type"] == "Category"] == [{"type": "Category", "title": quiz_id}]
        assert questions[0]["type"] == "Category"


def test_parsed_answers_equal_the_yaml_for_every_question(exported):
    for quiz in exported.course.quizzes.values():
        questions = [q for q in quiz.questions if not isinstance(q, Ordering)]
        parsed = [q for q in exported.parsed.get(quiz.id, []) if q["type"] != "Category"]
        assert [p["title"] for p in parsed] == [q.id for q in questions], quiz.id
        for question, result in zip(questions, parsed, strict=True):
            check_question(quiz.id, question, result)


def test_only_ordering_questions_are_left_out_each_with_a_warning(exported):
    skipped = [
        (quiz.id, q.id) for quiz in exported.course.quizzes.values() for q in quiz.questions if isinstance(q, Ordering)
    ]
    warnings = [w for w in exported.warnings if w.code == "gift-ordering-skipped"]
    assert len(warnings) == len(skipped)
    for (quiz_id, question_id), warning in zip(skipped, warnings, strict=True):
        assert warning.severity is Severity.WARNING
        assert f"'{question_id}': ordering questions have no GIFT type; skipped from " in warning.message
        assert warning.message.endswith(f"{quiz_id}.gift")
    exported_count = sum(len(q) - 1 for q in exported.parsed.values())
    total = sum(len(q.questions) for q in exported.course.quizzes.values())
    assert exported_count == total - len(skipped)


def test_the_fixture_and_bundled_courses_use_every_gift_type(exported):
    types = {q["type"] for questions in exported.parsed.values() for q in questions}
    assert types - {"Numerical", "Essay"} == {"Category", "MC", "TF", "Short", "Matching"}
    for kind, gift_type in ((Numeric, "Numerical"), (Written, "Essay")):
        used = any(isinstance(q, kind) for quiz in exported.course.quizzes.values() for q in quiz.questions)
        assert (gift_type in types) is used


# -- special characters ----------------------------------------------------------------------------


def question(exported: Exported, qid: str) -> dict:
    return next(q for q in exported.parsed["symbols-check"] if q.get("title") == qid)


def test_special_characters_survive_in_prompts_options_and_feedback(special):
    q = question(special, "every-char")
    assert q["stem"]["text"] == (
        "<p>Which option keeps a tilde ~, equals =, hash #, braces { }, a colon : and a backslash \\ intact?</p>"
    )
    assert [(c["isCorrect"], c["text"]["text"], c["feedback"] and c["feedback"]["text"]) for c in q["choices"]] == [
        (True, "a ~ b = c", "Right: ~ and = {both} stay, and so do # : \\"),
        (False, "#1 {x} C:\\temp", "Wrong: # { } : \\ are kept too, but this is not the answer."),
        (False, 'See <a href="https://example.org/gift?a=b#escapes">the spec</a>', None),
    ]
    # a blank line and a `//` line inside a code block stay in the general feedback
    assert q["globalFeedback"]["text"] == (
        "<p>Escaping keeps ~ = # { } : and \\ as text.</p>\n<pre><code>a = {b}\n\n// c ~ d \\ e #\n</code></pre>"
    )


def test_special_characters_survive_in_multiple_choice_weights_and_texts(special):
    q = question(special, "weights-three")
    assert [(c["weight"], c["text"]["text"]) for c in q["choices"]] == [
        (33.33333, "right ~ 1"),
        (-50, "wrong = 1"),
        (33.33333, "right : 2"),
        (-50, "wrong \\ 2"),
        (33.33333, "right { 3 }"),
    ]
    assert [c["feedback"] and c["feedback"]["text"] for c in q["choices"]] == [
        "Yes #1",
        "No: {1}",
        None,
        None,
        "Yes \\ 3",
    ]


def test_special_characters_survive_in_true_false_short_answers_and_matching(special):
    tf = question(special, "tf-false")
    assert tf["isTrue"] is False
    assert tf["stem"]["text"] == "<p>True or false: 1 = 2 {never} ~ # : \\</p>"
    assert tf["globalFeedback"]["text"] == "<p>False: 1 is not = 2 # ~ {} : \\</p>"
    short = question(special, "short-specials")
    assert [c["text"]["text"] for c in short["choices"]] == ["a = b", "x{1}:y", "c:\\d ~ #", "5\\*3"]
    match = question(special, "match-specials")
    assert [(p["subquestion"]["text"], pegjs_plain(p["subanswer"])) for p in match["matchPairs"]] == [
        ("a = b", "{c}: d ~ #"),
        ("x -&gt; y", "p -> q \\ r"),
        ("<strong>bold</strong>: {yes} ~ \\", "emphasis = text #"),
    ]


def test_special_course_warnings_name_the_short_matching_and_the_skipped_ordering(special):
    out = special.files["symbols-check"].as_posix()
    assert [(w.code, str(w)) for w in special.warnings] == [
        (
            "gift-matching-few-pairs",
            "quizzes/symbols-check.yml:67:5: warning: questions[5] 'match-two': Moodle needs "
            "at least 3 pairs in a matching question and this one has 2; it is exported, but Moodle may refuse to "
            "import it until you add a pair",
        ),
        (
            "gift-ordering-skipped",
            "quizzes/symbols-check.yml:86:5: warning: questions[8] 'order-steps': ordering "
            f"questions have no GIFT type; skipped from {out}",
        ),
    ]
