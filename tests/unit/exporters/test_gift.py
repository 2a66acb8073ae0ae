"""The GIFT exporter's text: each question type, escaping, weights, warnings and the files it writes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from builder.exporters.gift import GIFT_SPECIAL, escape, export_gift, quiz_to_gift
from builder.source.diagnostics import Severity, SourceLocation
from builder.source.model import Course, Quiz
from builder.source.questions import (
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    ShortText,
    SingleChoice,
    TrueFalse,
    Written,
)
from builder.source.questions.choice import share
from tests.support.projects import load, project_at


def common(qid: str, prompt: str = "Prompt?", explanation: str | None = None, points: int = 1, line: int = 7):
    return {
        "id": qid,
        "objective": "obj",
        "prompt": prompt,
        "explanation": explanation,
        "points": points,
        "origin": SourceLocation("quizzes/x.yml", line, 5),
    }


def quiz(*questions, qid: str = "x") -> Quiz:
    return Quiz(
        id=qid,
        title="X",
        pass_mark=80,
        shuffle=True,
        questions=tuple(questions),
        origin=SourceLocation(f"quizzes/{qid}.yml"),
    )


def option(text: str, correct: bool = False, feedback: str | None = None) -> Option:
    return Option(text=text, correct=correct, feedback=feedback)


def body(*questions) -> str:
    """The file text after the category line."""
    text, _ = quiz_to_gift(quiz(*questions))
    category, rest = text.split("\n\n", 1)
    assert category == "$CATEGORY: x"
    return rest


# -- each question type ------------------------------------------------------------------------


def test_single_choice_marks_the_right_option_with_equals_and_keeps_feedback():
    q = SingleChoice(
        options=(option("Green", feedback="Not *green*."), option("Blue", True, "Yes."), option("Red")),
        **common("sky", "Which colour is the sky?", "Scattered light.", points=3),
    )
    assert body(q) == (
        "// points: 3\n"
        "::sky::[html]<p>Which colour is the sky?</p>{\n"
        "\t~[html]Green#[html]Not <em>green</em>.\n"
        "\t=[html]Blue#[html]Yes.\n"
        "\t~[html]Red\n"
        "\t####[html]<p>Scattered light.</p>\n"
        "}\n"
    )


def test_multiple_choice_right_options_share_plus_100_and_wrong_ones_minus_100():
    q = MultipleChoice(
        options=(
            option("A", True, "Yes A"),
            option("B"),
            option("C", True),
            option("D", False, "No D"),
            option("E", True),
        ),
        **common("many", "Pick **all** right ones.", "A, C and E.", points=2),
    )
    assert body(q) == (
        "// points: 2\n"
        "::many::[html]<p>Pick <strong>all</strong> right ones.</p>{\n"
        "\t~%33.33333%[html]A#[html]Yes A\n"
        "\t~%-50%[html]B\n"
        "\t~%33.33333%[html]C\n"
        "\t~%-50%[html]D#[html]No D\n"
        "\t~%33.33333%[html]E\n"
        "\t####[html]<p>A, C and E.</p>\n"
        "}\n"
    )


def test_multiple_choice_with_only_right_options_has_no_negative_weight():
    q = MultipleChoice(options=(option("A", True), option("B", True)), **common("all"))
    assert body(q) == "// points: 1\n::all::[html]<p>Prompt?</p>{\n\t~%50%[html]A\n\t~%50%[html]B\n}\n"


@pytest.mark.parametrize(
    "count, percent",
    [
        (1, "100"),
        (2, "50"),
        (3, "33.33333"),
        (4, "25"),
        (5, "20"),
        (6, "16.66667"),
        (7, "14.28571"),
        (8, "12.5"),
        (9, "11.11111"),
        (10, "10"),
        (20, "5"),
    ],
)
def test_shares_are_grades_moodle_accepts_and_sum_to_100_within_rounding(count, percent):
    assert share(count) == (percent, True)
    assert abs(count * float(percent) - 100) < 1e-4


@pytest.mark.parametrize("count, percent", [(11, "9.09091"), (12, "8.33333"), (30, "3.33333")])
def test_shares_moodle_cannot_import_are_flagged(count, percent):
    assert share(count) == (percent, False)


def test_multiple_choice_with_a_share_moodle_refuses_gets_a_warning():
    options = (*tuple(option(f"right {n}", True) for n in range(11)), option("wrong"))
    text, warnings = quiz_to_gift(quiz(MultipleChoice(options=options, **common("eleven"))))
    assert "\t~%9.09091%[html]right 0\n" in text and "\t~%-100%[html]wrong\n" in text
    assert [(w.code, w.severity, w.message) for w in warnings] == [
        (
            "gift-weight-unsupported",
            Severity.WARNING,
            "questions[0] 'eleven': Moodle only accepts grades of 100% divided by 1 to 10 or 20; the 11 right options "
            "get 9.09091% each, so Moodle will refuse to import this question",
        )
    ]


@pytest.mark.parametrize("answer, word", [(True, "TRUE"), (False, "FALSE")])
def test_true_false_with_the_explanation_as_general_feedback(answer, word):
    q = TrueFalse(answer=answer, **common("tf", "The sky is blue.", "It *is*."))
    assert body(q) == (
        f"// points: 1\n::tf::[html]<p>The sky is blue.</p>{{{word}\n\t####[html]<p>It <em>is</em>.</p>\n}}\n"
    )


def test_true_false_without_an_explanation_is_one_line():
    assert body(TrueFalse(answer=False, **common("tf"))) == "// points: 1\n::tf::[html]<p>Prompt?</p>{FALSE}\n"


def test_short_text_lists_every_accepted_answer_as_plain_text():
    q = ShortText(
        accept=("internal customer", " Internal   Customers ", "5*3", "*ok*"),
        **common("short", "Name it.", "An internal customer."),
    )
    assert body(q) == (
        "// points: 1\n"
        "::short::[html]<p>Name it.</p>{\n"
        "\t=internal customer\n"
        "\t=Internal Customers\n"
        "\t=5\\\\*3\n"  # Moodle reads a bare * as a wildcard: \* in Moodle, so \\* in GIFT
        "\t=\\\\*ok\\\\*\n"
        "\t####[html]<p>An internal customer.</p>\n"
        "}\n"
    )


def test_short_text_also_lists_the_forms_the_player_treats_as_the_same():
    q = ShortText(
        accept=("cross-trained", "Cross Trained", "résumé – writing"),
        ignore_accents=True,
        typos=1,
        **common("short", line=12),
    )
    text, warnings = quiz_to_gift(quiz(q))
    assert text.split("\n\n")[1].splitlines()[2:6] == [
        "\t=cross-trained",
        "\t=cross trained",  # "Cross Trained" is the same answer to Moodle, which ignores case
        "\t=résumé – writing",
        "\t=resume – writing",
    ]
    assert "\t=résumé writing" in text and "\t=resume writing" in text
    assert [(w.code, w.location) for w in warnings] == [
        ("gift-short-text-typos", SourceLocation("quizzes/x.yml", 12, 5))
    ]
    assert "`typos: 1` is lost in the export" in warnings[0].message


@pytest.mark.parametrize(
    ("answer", "tolerance", "written"),
    [(110, 10, "#110:10"), (2.5, 0, "#2.5:0"), (-0.0001, 0.00005, "#-0.0001:0.00005")],
)
def test_numeric_writes_the_answer_and_tolerance_with_a_decimal_point(answer, tolerance, written):
    q = Numeric(answer=answer, tolerance=tolerance, decimal=",", **common("n", "How many?", "About *that*."))
    assert body(q) == (
        f"// points: 1\n::n::[html]<p>How many?</p>{{{written}\n\t####[html]<p>About <em>that</em>.</p>\n}}\n"
    )
    assert body(Numeric(answer=3, tolerance=0, decimal=".", **common("m"))) == (
        "// points: 1\n::m::[html]<p>Prompt?</p>{#3:0}\n"
    )


def test_matching_writes_left_as_html_and_right_as_plain_text():
    q = Matching(
        pairs=(
            Pair(left="**Caring**", right="Showing you *value* them"),
            Pair(left="a -> b", right="x -> y & z"),
            Pair(left="Integrity", right="Keeping your word"),
        ),
        **common("match", "Match them.", "Trust."),
    )
    text, warnings = quiz_to_gift(quiz(q))
    assert warnings == []
    assert text.split("\n\n")[1] == (
        "// points: 1\n"
        "::match::[html]<p>Match them.</p>{\n"
        "\t=[html]<strong>Caring</strong> -> Showing you value them\n"
        "\t=[html]a -&gt; b -> x -> y & z\n"
        "\t=[html]Integrity -> Keeping your word\n"
        "\t####[html]<p>Trust.</p>\n"
        "}\n"
    )


def test_matching_extra_values_are_pairs_with_no_item():
    q = Matching(
        pairs=(Pair(left="Caring", right="Kindness"), Pair(left="Integrity", right="Honesty")),
        distractors=("Speed", "a {b} = c"),
        **common("match", "Match them.", ""),
    )
    text, _ = quiz_to_gift(quiz(q))
    assert text.split("\n\n")[1].splitlines()[2:6] == [
        "\t=[html]Caring -> Kindness",
        "\t=[html]Integrity -> Honesty",
        "\t= -> Speed",
        "\t= -> a \\{b\\} \\= c",
    ]


def test_matching_with_two_pairs_is_exported_with_a_warning():
    q = Matching(pairs=(Pair(left="One", right="1"), Pair(left="Two", right="2")), **common("pairs", line=30))
    text, warnings = quiz_to_gift(quiz(SingleChoice(options=(option("a", True), option("b")), **common("s")), q))
    assert "::pairs::[html]<p>Prompt?</p>{\n\t=[html]One -> 1\n\t=[html]Two -> 2\n}\n" in text
    assert len(warnings) == 1
    warning = warnings[0]
    assert (warning.code, warning.severity, warning.location) == (
        "gift-matching-few-pairs",
        Severity.WARNING,
        SourceLocation("quizzes/x.yml", 30, 5),
    )
    assert warning.message == (
        "questions[1] 'pairs': Moodle needs at least 3 pairs in a matching question and "
        "this one has 2; it is exported, but Moodle may refuse to import it until you add "
        "a pair"
    )


def test_ordering_is_skipped_with_a_warning_naming_it():
    steps = Ordering(items=("Listen", "Agree", "Deliver"), **common("order-steps", line=40))
    tf = TrueFalse(answer=True, **common("tf"))
    questions = (tf, TrueFalse(answer=False, **common("tf2")), TrueFalse(answer=True, **common("tf3")), steps)
    text, warnings = quiz_to_gift(quiz(*questions), "quizzes/x.gift")
    assert "order-steps" not in text and "Listen" not in text
    assert text.count("::tf") == 3
    assert len(warnings) == 1
    assert warnings[0].code == "gift-ordering-skipped"
    assert warnings[0].severity is Severity.WARNING
    assert warnings[0].location == SourceLocation("quizzes/x.yml", 40, 5)
    assert warnings[0].message == (
        "questions[3] 'order-steps': ordering questions have no GIFT type; skipped from quizzes/x.gift"
    )
    assert str(warnings[0]) == (
        "quizzes/x.yml:40:5: warning: questions[3] 'order-steps': ordering questions have "
        "no GIFT type; skipped from quizzes/x.gift"
    )


def test_warnings_name_the_quiz_file_by_default():
    _, warnings = quiz_to_gift(quiz(Ordering(items=("a", "b"), **common("o")), qid="steps"))
    assert warnings[0].message.endswith("skipped from steps.gift")


# -- escaping ------------------------------------------------------------------------------------


@pytest.mark.parametrize("char", list(GIFT_SPECIAL))
def test_each_special_character_gets_a_backslash(char):
    assert escape(f"a{char}b") == f"a\\{char}b"


def test_the_special_characters_are_those_of_the_gift_spec():
    assert sorted(GIFT_SPECIAL) == sorted("~=#{}:")


def test_a_backslash_is_doubled_before_anything_else_is_escaped():
    assert escape("C:\\temp \\{") == "C\\:\\\\temp \\\\\\{"
    assert escape("\\") == "\\\\"


def test_newlines_become_the_gift_newline_escape():
    assert escape("one\ntwo\r\nthree") == "one\\ntwo\\nthree"


@pytest.mark.parametrize("char", [*list(GIFT_SPECIAL), "\\"])
def test_each_special_character_is_escaped_in_every_field(char):
    text = f"x {char} y"
    q = MultipleChoice(options=(option(text, True, text), option("plain")), **common("q", text, text))
    short = ShortText(accept=(text,), **common("s", text))
    match = Matching(
        pairs=(Pair(left=text, right=text), Pair(left="b", right="c"), Pair(left="d", right="e")), **common("m", text)
    )
    gift, _ = quiz_to_gift(quiz(q, short, match))
    # q: prompt, option, feedback, explanation; short: prompt, answer; match: prompt, left, right
    assert gift.count(f"x \\{char} y") == 9
    assert f"x {char} y" not in gift


def test_every_text_stays_on_one_line_so_blank_lines_only_separate_questions():
    explanation = "Before.\n\n```\na = {b}\n\n// not a comment\n```\n\nAfter."
    q = TrueFalse(answer=True, **common("code", "Line one\nline two.\n\nSecond paragraph.", explanation))
    text, _ = quiz_to_gift(quiz(q, TrueFalse(answer=False, **common("next"))))
    blocks = text.split("\n\n")
    assert len(blocks) == 3
    assert blocks[1] == (
        "// points: 1\n"
        "::code::[html]<p>Line one\\nline two.</p>\\n<p>Second paragraph.</p>{TRUE\n"
        "\t####[html]<p>Before.</p>\\n<pre><code>a \\= \\{b\\}\\n\\n// not a comment\\n</code></pre>\\n<p>After.</p>\n"
        "}"
    )
    assert not any(line.lstrip().startswith("//") and "points" not in line for line in text.splitlines())


def test_a_text_that_starts_like_a_format_marker_keeps_it_as_text():
    q = SingleChoice(options=(option("[plain] not a format", True), option("b")), **common("fmt"))
    assert "\t=[html][plain] not a format\n" in body(q)


def test_links_keep_their_urls_escaped():
    q = SingleChoice(options=(option("See [spec](https://example.org/a?b=c#d)", True), option("b")), **common("l"))
    assert '\t=[html]See <a href\\="https\\://example.org/a?b\\=c\\#d">spec</a>\n' in body(q)


# -- files ---------------------------------------------------------------------------------------


def course_of(*quizzes: Quiz) -> Course:
    return Course(
        title="C",
        description="D",
        language="en",
        pass_mark=80,
        lessons=(),
        quizzes={q.id: q for q in quizzes},
        final_quiz_id=None,
    )


def test_export_writes_one_file_per_quiz_into_a_new_folder(tmp_path):
    first = quiz(TrueFalse(answer=True, **common("t")), qid="first")
    second = quiz(Ordering(items=("a", "b"), **common("o")), ShortText(accept=("x",), **common("s")), qid="second")
    out = tmp_path / "nested" / "gift"
    warnings = export_gift(course_of(first, second), out)
    assert sorted(p.name for p in out.iterdir()) == ["first.gift", "second.gift"]
    assert (out / "first.gift").read_text(encoding="utf-8") == quiz_to_gift(first)[0]
    assert (out / "second.gift").read_text(encoding="utf-8").startswith("$CATEGORY: second\n\n// points: 1\n::s::")
    assert [w.message for w in warnings] == [
        f"questions[0] 'o': ordering questions have no GIFT type; skipped from {(out / 'second.gift').as_posix()}"
    ]


def test_export_replaces_old_files_and_skips_a_quiz_with_nothing_gift_can_hold(tmp_path):
    (tmp_path / "first.gift").write_text("old", encoding="utf-8")
    first = quiz(TrueFalse(answer=True, **common("t")), qid="first")
    only_order = quiz(Ordering(items=("a", "b"), **common("o")), qid="steps")
    warnings = export_gift(course_of(first, only_order), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.gift"]
    assert (tmp_path / "first.gift").read_text(encoding="utf-8").startswith("$CATEGORY: first")
    assert [w.code for w in warnings] == ["gift-ordering-skipped", "gift-quiz-empty"]
    assert warnings[1].location == only_order.origin
    assert warnings[1].message == (
        f"quiz 'steps' has only ordering questions, which GIFT cannot hold; "
        f"{(tmp_path / 'steps.gift').as_posix()} was not written"
    )


def test_the_exporter_does_not_import_mkdocs():
    code = "import sys, builder.exporters.gift; print([m for m in sys.modules if m.split('.')[0] == 'mkdocs'])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_gift_skips_role_plays_with_a_warning(tmp_path):
    from builder.exporters.gift import export_gift
    from tests.support.paths import FIXTURES

    course, _ = load(project_at(FIXTURES / "full"))
    warnings = export_gift(course, tmp_path / "gift")
    skipped = [w for w in warnings if w.code == "gift-role-play-skipped"]
    assert [str(w.location) for w in skipped] == ["quizzes/desk-visit.yml:2:1"]
    assert "role-play 'desk-visit' is not exported" in skipped[0].message
    assert sorted(p.name for p in (tmp_path / "gift").iterdir()) == [
        "alpha-check.gift",
        "beta-check.gift",
        "final-check.gift",
    ]


def test_written_is_an_essay_with_the_model_answer_and_checklist_as_general_feedback():
    written = Written(
        **{**common("reply", "Write a *reply*."), "points": 0},
        model_answer="Thanks: I'll send it {today}.",
        checklist=("I said **when**", "I said thanks"),
    )
    assert body(written) == (
        "// not scored: written practice\n"
        "::reply::[html]<p>Write a <em>reply</em>.</p>{\n"
        "\t####[html]<p>Thanks\\: I'll send it \\{today\\}.</p>\\n<ul>\\n<li>I said <strong>when</strong></li>\\n"
        "<li>I said thanks</li>\\n</ul>\n"
        "}\n"
    )
    _, warnings = quiz_to_gift(quiz(written))
    assert warnings == []
