"""Item-writing checks (builder/quality/item_writing.py) and the wording they read (wording.py, cue_words.py).

Every check fires on its flawed item in tests/fixtures/courses/item-writing-flawed, at the exact place, and
stays silent on the sound twin of that item in item-writing-sound (same ids, question by question)."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.quality.course_check import CHECK_CODES, run_checks
from builder.quality.cue_words import ENGLISH, cue_words_for
from builder.quality.item_writing import REPEAT_MIN_WORDS, REPEAT_SHARE, near_identical
from builder.quality.wording import find, phrase_pattern, wording
from builder.source.validate import validate_project
from tests.support.paths import FIXTURES
from tests.support.projects import project_at
from tests.unit.quality.test_checks import codes, findings_of, single, write_course

FLAWED = FIXTURES / "item-writing-flawed"
SOUND = FIXTURES / "item-writing-sound"
ITEM_WRITING_CODES = {
    "true-false-cue",
    "absolute-option",
    "same-correct-count",
    "grammar-cue",
    "negative-stem",
    "repeated-question",
    "narrow-short-text",
    "last-pair-free",
    "no-room-to-miss",
}

EXPECTED_FLAWED = [
    "quizzes/final-check.yml:8:13: questions[0].prompt: this question is nearly the same as 'lesson-item' in "
    "quizzes/requests-check.yml (95% of their words are shared); learners who remember that one answer this from "
    "memory, not understanding; ask about a new case instead [repeated-question]",
    "quizzes/final-check.yml:26:7: questions[1].pairs: each value matches one item, so a learner who knows 2 pairs "
    "gets the last one free; add `distractors:` with a value or two that match no item [last-pair-free]",
    "quizzes/requests-check.yml:3:12: pass_mark: with 10 questions and a pass mark of 100, one wrong answer fails "
    "the quiz (the best score left is 90); set `pass_mark` to 90 or lower, or add questions, so one slip does not "
    "fail a learner who knows the rest [no-room-to-miss]",
    "quizzes/requests-check.yml:5:3: questions: all 3 multiple-response questions of this quiz (needs-one, "
    "needs-two, needs-three) have 2 correct options, so learners can learn to pick 2; vary how many options are "
    "correct from question to question [same-correct-count]",
    "quizzes/requests-check.yml:8:43: questions[0].prompt: 'always' makes the statement absolute, and test-wise "
    "learners mark absolute statements false without knowing the answer; say exactly when it holds, without "
    "'always', or ask a single-choice question about a case instead [true-false-cue]",
    "quizzes/requests-check.yml:16:32: questions[1].prompt: 'usually' makes the statement hedged, and test-wise "
    "learners mark hedged statements true without knowing the answer; say exactly when it holds, without "
    "'usually', or ask a single-choice question about a case instead [true-false-cue]",
    "quizzes/requests-check.yml:30:22: questions[2].options[1].text: the wrong option 'I will always drop "
    "everything for you.' says 'always' and no correct option has such an absolute, so learners can rule it out "
    "without knowing the answer; reword it without 'always' [absolute-option]",
    "quizzes/requests-check.yml:38:68: questions[3].prompt: the question ends with 'an', so learners can rule out "
    "the options that do not fit after 'an'; end the question before the article and start each option with its "
    "own [grammar-cue]",
    "quizzes/requests-check.yml:52:31: questions[4].prompt: the question asks with 'not', which learners miss when "
    "they read fast; ask it the positive way, or put the word in bold (**not**) [negative-stem]",
    "quizzes/requests-check.yml:121:13: questions[8].accept: the only accepted answer, 'positive reinforcement', "
    "has 2 words, and learners put an answer of several words in many ways; add the other ways of saying it to "
    "`accept`, or make it a single-choice question [narrow-short-text]",
]


def test_item_writing_checks_fire_on_the_flawed_fixture_at_the_offending_words():
    assert findings_of(FLAWED) == EXPECTED_FLAWED
    assert {line.rsplit("[", 1)[1].rstrip("]") for line in EXPECTED_FLAWED} == ITEM_WRITING_CODES
    assert set(CHECK_CODES) >= ITEM_WRITING_CODES


def test_item_writing_checks_are_silent_on_the_sound_twins():
    assert findings_of(SOUND) == []


def test_item_writing_fixtures_are_twins_question_by_question():
    """Each flawed item has its sound twin under the same id (the final quiz's repeated item is the twin of a
    new case), so the silence above covers every flaw."""
    for quiz in ("requests-check",):
        flawed = validate_project(project_at(FLAWED)).course
        sound = validate_project(project_at(SOUND)).course
        assert flawed is not None and sound is not None
        flawed_ids = [q.id for q in flawed.quizzes[quiz].questions]
        sound_ids = [q.id for q in sound.quizzes[quiz].questions]
        assert set(flawed_ids) - {"lesson-item"} <= set(sound_ids)


@pytest.mark.parametrize("code", sorted(ITEM_WRITING_CODES))
def test_item_writing_each_code_can_be_silenced_in_mkdocs_yml(code: str):
    result = run_checks(validate_project(project_at(FLAWED, checks={code: "ignore"})))
    assert code not in {d.code for d in result.warnings}
    assert len(result.warnings) == len(EXPECTED_FLAWED) - sum(line.endswith(f"[{code}]") for line in EXPECTED_FLAWED)


# -- each check's narrowing, on one-question courses -----------------------------------------------


def true_false(prompt: str, answer: str = "true") -> str:
    return (
        "- id: tf\n  type: true_false\n  objective: o\n  prompt: |\n"
        + "".join(f"    {line}\n" if line else "\n" for line in prompt.splitlines())
        + f"  explanation: E.\n  answer: {answer}\n"
    )


@pytest.mark.parametrize(
    "prompt, expected",
    [
        ("Nobody reads the whole email.", ["true-false-cue"]),
        ("No one reads the whole email.", ["true-false-cue"]),
        ("No\none reads the whole email.", ["true-false-cue"]),
        ("Colleagues might read it later.", ["true-false-cue"]),
        ("EVERY colleague reads it.", ["true-false-cue"]),
        ("Kim always answers by the third ring.\n\nA quick answer shows you are listening.", []),
        ('Saying "I can do it by Friday" commits to a day.', []),
        ("Saying ‘I can do it by Friday’ commits to a day.", []),
        ("Typing `all` in the search box finds every file.", ["true-false-cue"]),
        ("Typing `all` in the search box finds the file.", []),
        ("A cannery is a workplace.", []),
        ("Colleagues can't be customers.", []),
    ],
)
def test_item_writing_true_false_cue_reads_the_statement_as_words(tmp_path: Path, prompt: str, expected: list[str]):
    assert codes(write_course(tmp_path / "c", questions=true_false(prompt))) == expected


def test_item_writing_true_false_cue_points_at_the_word_not_an_earlier_part_of_a_word(tmp_path: Path):
    root = write_course(tmp_path / "c", questions=true_false("Allocating work is all about fairness."))
    (line,) = findings_of(root)  # "Allocating" starts at column 7
    assert line.startswith("quizzes/one-check.yml:8:26: questions[0].prompt: 'all' makes")


def test_item_writing_word_checks_skip_courses_in_languages_without_word_lists(tmp_path: Path):
    root = write_course(tmp_path / "ja", questions=true_false("Nobody reads the whole email."), language="ja")
    assert codes(root) == []
    assert cue_words_for("ja") is None
    assert cue_words_for("en-GB") is cue_words_for("en_US") is cue_words_for("EN") is ENGLISH


def test_item_writing_absolute_option_is_silent_when_a_correct_option_has_one_too(tmp_path: Path):
    flawed = single("Reply within a day", "Always say yes at once", "Ask a manager first")
    assert codes(write_course(tmp_path / "a", questions=flawed)) == ["absolute-option"]
    both = single("Reply every time, within a day", "Always say yes at once", "Ask a manager first")
    assert codes(write_course(tmp_path / "b", questions=both)) == []
    other = single("Reply within a day", "None of the above", "Ask a manager first")
    assert codes(write_course(tmp_path / "c", questions=other)) == ["all-of-the-above"]


@pytest.mark.parametrize(
    "prompt, expected",
    [
        ("Covering a colleague's desk is an", ["grammar-cue"]),
        ("Covering a colleague's desk is a ...", ["grammar-cue"]),
        ("Covering a colleague's desk is an …", ["grammar-cue"]),
        ("Covering a colleague's desk is a ___.", ["grammar-cue"]),
        ("Covering a colleague's desk is a(n)", []),
        ("Covering a colleague's desk is which of these?", []),
        ("Which is a good reason to cover a desk?", []),
        ("Name the element; cross-training is a `1`", []),
    ],
)
def test_item_writing_grammar_cue_only_at_the_very_end(tmp_path: Path, prompt: str, expected: list[str]):
    questions = single("Element of service", "Waste of time", "Task for managers").replace(
        "prompt: P.", f"prompt: {prompt}"
    )
    assert codes(write_course(tmp_path / "c", questions=questions)) == expected


@pytest.mark.parametrize(
    "prompt, expected",
    [
        ("Which of these is not a step?", ["negative-stem"]),
        ("Which of these is NOT a step?", ["negative-stem"]),
        ("All of these are steps except which one?", ["negative-stem"]),
        ("Which is the least useful reply?", ["negative-stem"]),
        ("Choose the reply that does not help", ["negative-stem"]),
        ("Which of these is **not** a step?", []),
        ("Which of these is <strong>not</strong> a step?", []),
        ("Jo has not replied for two days. What should you do?", []),
        ("Which reply gives at least a day's notice?", []),
        ("Which reply is not only polite but useful?", []),
        ('Why does "How can I help?" work better than "Not now"?', []),
    ],
)
def test_item_writing_negative_stem_only_in_the_asking_sentence(tmp_path: Path, prompt: str, expected: list[str]):
    questions = single("Right", "Wrong", "Also wrong").replace("prompt: P.", f"prompt: '{prompt}'")
    assert codes(write_course(tmp_path / "c", questions=questions.replace("'s notice", "''s notice"))) == expected


def test_item_writing_narrow_short_text_needs_one_answer_of_several_words(tmp_path: Path):
    def short(*accept: str) -> str:
        return (
            "- id: st\n  type: short_text\n  objective: o\n  prompt: Name it.\n  explanation: E.\n"
            f"  accept: [{', '.join(accept)}]\n"
        )

    assert codes(write_course(tmp_path / "a", questions=short("positive reinforcement"))) == ["narrow-short-text"]
    assert codes(write_course(tmp_path / "b", questions=short("cross-training"))) == ["narrow-short-text"]
    assert codes(write_course(tmp_path / "c", questions=short("trust"))) == []
    assert codes(write_course(tmp_path / "d", questions=short("positive reinforcement", "reinforcement"))) == []


def test_item_writing_no_room_to_miss_names_the_course_pass_mark(tmp_path: Path):
    two = true_false("A reply names a day.") + true_false("A reply names a time.", "false").replace("id: tf", "id: tf2")
    root = write_course(tmp_path / "a", questions=two, pass_mark=80)
    (tmp_path / "a/quizzes/one-check.yml").write_text(
        (tmp_path / "a/quizzes/one-check.yml").read_text().replace("pass_mark: 80\n", "")
    )
    (tmp_path / "a/content/course.yml").write_text((tmp_path / "a/content/course.yml").read_text() + "pass_mark: 75\n")
    assert findings_of(root) == [
        "quizzes/one-check.yml:4:3: questions: with 2 questions and a pass mark of 75 (the course's), one wrong answer "
        "fails the quiz (the best score left is 50); set `pass_mark` to 50 or lower, or add questions, so one slip "
        "does not fail a learner who knows the rest [no-room-to-miss]"
    ]
    assert codes(write_course(tmp_path / "b", questions=two, pass_mark=50)) == []
    assert codes(write_course(tmp_path / "c", questions=true_false("A reply names a day."), pass_mark=100)) == []


def test_item_writing_no_room_to_miss_counts_points(tmp_path: Path):
    """Missing the cheapest question is what matters: a 1-point slip beside a 3-point question leaves 75."""
    weighted = true_false("A reply names a day.") + true_false("A reply names a time.", "false").replace(
        "id: tf", "id: tf2"
    ).replace("  explanation: E.\n", "  explanation: E.\n  points: 3\n")
    assert codes(write_course(tmp_path / "a", questions=weighted, pass_mark=75)) == []
    assert codes(write_course(tmp_path / "b", questions=weighted, pass_mark=76)) == ["no-room-to-miss"]


# -- near-identical questions ----------------------------------------------------------------------


def brute_force(word_sets: list[frozenset[str]]) -> list[tuple[int, int, Fraction]]:
    found = []
    for later, words in enumerate(word_sets):
        for earlier in range(later):
            other = word_sets[earlier]
            if min(len(words), len(other)) < REPEAT_MIN_WORDS:
                continue
            share = Fraction(len(words & other), len(words | other))
            if share >= REPEAT_SHARE:
                found.append((later, earlier, share))
                break
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from("abcdefghijkl"), min_size=0, max_size=12), max_size=25))
def test_item_writing_near_identical_finds_what_comparing_every_pair_finds(word_sets: list[frozenset[str]]):
    assert list(near_identical(word_sets)) == brute_force(word_sets)


def test_item_writing_near_identical_threshold_is_exact():
    base = frozenset("abcdefgh")
    assert list(near_identical([base, base - {"h"} | {"i"}])) == []  # 7 of 9 words shared: 0.78
    assert list(near_identical([base, base | {"i", "j"}])) == [(1, 0, Fraction(4, 5))]  # 8 of 10: exactly 0.8
    assert list(near_identical([frozenset("abcde"), frozenset("abcde")])) == []  # under six words


def test_item_writing_near_identical_scales_without_comparing_every_pair():
    """10,000 prompts of 12 words from a 3,000-word vocabulary: prefix filtering finishes quickly where all
    50 million pairs would not; checked against brute force on a sample."""
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(3000)]
    word_sets = [frozenset(rng.sample(vocabulary, 12)) for _ in range(10_000)]
    word_sets[9_999] = word_sets[17] - set(sorted(word_sets[17])[:2]) | {"fresh", "new"}  # 10 of 14: 0.71
    assert list(near_identical(word_sets)) == []
    word_sets[9_999] = word_sets[17] | {"fresh"}
    assert list(near_identical(word_sets)) == [(9_999, 17, Fraction(12, 13))]
    sample = word_sets[:300]
    assert list(near_identical(sample)) == brute_force(sample)


@pytest.mark.parametrize(
    "kind, body",
    [
        ("ordering", "items: [Acknowledge the request, Clarify what is needed, Commit to a time]"),
        (
            "matching",
            "pairs: [{left: Caring, right: Empathy}, {left: Integrity, right: Keeping promises}]\n"
            "  distractors: [Seniority]",
        ),
    ],
)
def test_item_writing_repeated_question_compares_the_items_of_ordering_and_matching(
    tmp_path: Path, kind: str, body: str
):
    def question(qid: str, items: str) -> str:
        return (
            f"- id: {qid}\n  type: {kind}\n  objective: o\n  prompt: Match each term to its meaning in the list.\n"
            f"  explanation: E.\n  {items}\n"
        )

    other = body.replace("Acknowledge", "Greet").replace("Clarify", "Listen to").replace("Commit", "Agree")
    other = other.replace("Empathy", "Kindness").replace("Keeping promises", "Honesty")
    assert codes(write_course(tmp_path / "same", questions=question("a", body) + question("b", body))) == [
        "repeated-question"
    ]
    assert codes(write_course(tmp_path / "other", questions=question("a", body) + question("b", other))) == []


# -- the wording of a prompt -----------------------------------------------------------------------


def test_wording_marks_bold_quoted_paragraphs_and_the_asking_sentence():
    text = 'Jo said "not now". She has **not** replied.\n\nWhich reply is `never` best? Pick one.'
    found = wording(text)
    by_text = {w.text: w for w in found.words}
    assert by_text["now"].quoted and not by_text["She"].quoted
    assert by_text["not"].bold  # the later, bold "not" (dict keeps the last)
    assert "never" not in by_text  # code is not read
    assert [w.text for w in found.last_paragraph()] == ["Which", "reply", "is", "best", "Pick", "one"]
    assert [w.text for w in found.question_sentence()] == ["Which", "reply", "is", "best"]
    assert [w.text for w in wording("Choose one. Then say why not").question_sentence()] == [
        "Then",
        "say",
        "why",
        "not",
    ]


def test_wording_finds_phrases_but_not_inside_exceptions():
    text = "At least one of them must not leave, not only Sam."
    found = find(wording(text).words, ENGLISH.negatives, unless=ENGLISH.not_negative)
    assert [(m.phrase, m.word.start) for m in found] == [("not", text.index(" not ") + 1)]
    absolutes = find(wording("No one, nobody, no-one").words, ENGLISH.absolutes)
    assert [m.phrase for m in absolutes] == ["no one", "nobody", "no one"]


def test_wording_phrase_pattern_matches_whole_words_over_line_breaks():
    pattern = phrase_pattern("no one")
    text = "No one\nno\n   one nobody no ones no-one"
    assert [m.group(0) for m in pattern.finditer(text)] == ["No one", "no\n   one", "no-one"]
    assert [m.start() for m in phrase_pattern("don't").finditer("don’t don't")] == [0, 6]


def test_item_writing_pairs_share_words_both_ways():
    """The share is symmetric: the later question is reported whichever order the word sets come in."""
    a = frozenset("abcdefghij")
    b = a - {"j"} | {"k"}
    ((_, _, one_way),) = near_identical([a, b])
    ((_, _, other_way),) = near_identical([b, a])
    assert one_way == other_way == Fraction(9, 11)
