"""Quality checks (builder/quality/) and the readability measures they use (builder/quality/readability.py)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from builder.quality.course_check import CHECK_CODES, find_all, run_checks
from builder.quality.readability import plain_text, readability, reading_minutes, sentences, syllables, word_count
from builder.source.questions import QUESTION_TYPES
from builder.source.validate import validate_project
from tests.support.paths import FIXTURES, REPO
from tests.support.projects import load, project_at


def findings_of(root: Path, **options: object) -> list[str]:
    """What every check finds in a valid course (with mkdocs.yml's plugin options, or `options`)."""
    validation = validate_project(project_at(root, **options))
    assert validation.course is not None, [str(p) for p in validation.diagnostics]
    return [f"{d.location}: {d.text} [{d.code}]" for d in find_all(validation)]


def misplaced_objectives(root: Path) -> list[str]:
    """The objective-in-other-lesson findings, which also come while the course has errors."""
    return [
        f"{d.location}: {d.text} [{d.code}]"
        for d in find_all(validate_project(project_at(root)))
        if d.code == "objective-in-other-lesson"
    ]


EXPECTED_CHECKS_ALL = [
    "content/course.yml:4:65: description: link 'nowhere/' goes nowhere: it is not a page of the course nor a file "
    "in content/ [broken-link]",
    "content/extra.yml:1:1: lesson 'extra' has no quiz, so learners cannot check what they learned; add "
    "`quiz: extra-check` and create the quiz with `course new quiz extra-check` [lesson-without-quiz]",
    "content/intro.yml:4:19: duration_minutes: the lesson says 30 minutes but takes about 5 (86 words at 200 a "
    "minute, 9 questions at 30 seconds); change `duration_minutes` or the lesson [duration-mismatch]",
    "content/intro.yml:10:9: objectives[2].id: objective 'follow-up' is not assessed: no question in quiz "
    "'intro-check' or the final quiz has `objective: follow-up` [unassessed-objective]",
    "content/intro.yml:24:21: sections[1].body: image 'images/map.png' not found: there is no file "
    "content/images/map.png (images go in the content folder and are linked relative to it) [missing-image]",
    "content/intro.yml:26:11: sections[2].body: 'Listening in theory' reads at grade 40.0 (Flesch-Kincaid), above "
    "the 10 this course aims for; use shorter sentences (now 22 words on average) and plainer words "
    "[reading-level]",
    "quizzes/final-check.yml:4:7: draw: the draw takes 2 of 2 questions, so each attempt repeats most of the last "
    "one's; add questions (at least 3) or draw fewer [small-pool]",
    "quizzes/intro-check.yml:13:9: questions[0].options[1]: the wrong option 'Start with your request' has no "
    "feedback; add `feedback:` to say why it is wrong [missing-feedback]",
    "quizzes/intro-check.yml:14:5: questions[1]: question 'no-explanation' has no explanation; add `explanation:` "
    "so learners see why the answer is right [missing-explanation]",
    "quizzes/intro-check.yml:33:15: questions[2].options[1].text: 'All of the above' lets learners answer by "
    "elimination instead of knowledge; write a specific option instead (type: multiple lets several options be "
    "right) [all-of-the-above]",
    "quizzes/intro-check.yml:48:15: questions[3].options[2].text: 'interrupt them, to save time!' is the same as "
    "option 2 ('Interrupt them to save time'); make each option clearly different [similar-options]",
    "quizzes/intro-check.yml:58:15: questions[4].options[1].text: the correct option is 84 characters long, the "
    "wrong ones 10 on average; learners pick the longest option as a guess, so make the options a similar length "
    "[long-correct-option]",
    "quizzes/intro-check.yml:68:25: questions[5].accept[1]: 'Thank  you' is the same answer as 'thank you' as "
    "learners' answers are compared (case, spaces, hyphens and punctuation at either end make no difference); keep "
    "one of them [colliding-answers]",
    "quizzes/intro-check.yml:86:13: questions[8].answer: all 3 true/false questions of this quiz (tf-one, tf-two, "
    "tf-three) have `answer: true`, so learners can guess the pattern; make some statements false "
    "[same-true-false]",
    "quizzes/one-sided.yml:24:3: nodes.kind-ending: the ending 'kind-ending' can only be reached through choices "
    "that move caring; let some choices on the way to it weigh competency or integrity too, so the ending shows a "
    "trade-off [one-dimension-ending]",
]


def test_checks_fire_on_the_checks_fixture_with_exact_locations():
    assert findings_of(FIXTURES / "checks-all") == EXPECTED_CHECKS_ALL


def test_checks_fixtures_cover_every_check_code():
    codes = {line.rsplit("[", 1)[1].rstrip("]") for line in EXPECTED_CHECKS_ALL}
    codes |= {line.rsplit("[", 1)[1].rstrip("]") for line in misplaced_objectives(FIXTURES / "checks-other-lesson")}
    codes |= {line.rsplit("[", 1)[1].rstrip("]") for line in findings_of(FIXTURES / "item-writing-flawed")}
    assert codes == set(CHECK_CODES)


def test_checks_bundled_course_is_silent():
    assert findings_of(REPO) == []
    assert misplaced_objectives(REPO) == []


def test_checks_init_project_is_silent():
    assert findings_of(REPO / "builder" / "authoring" / "scaffold_files" / "project") == []


def test_checks_objective_in_other_lesson_says_where_it_is():
    project = project_at(FIXTURES / "checks-other-lesson")
    course, problems = load(project)
    assert course is None  # `course validate` refuses it; the check explains why
    assert misplaced_objectives(FIXTURES / "checks-other-lesson") == [
        "quizzes/alpha-check.yml:12:16: questions[1].objective: 'beta-skill' is an objective of lesson 'beta', "
        "not of lesson 'alpha'; move the question to the quiz of lesson 'beta' or assess an objective of lesson "
        "'alpha' [objective-in-other-lesson]",
        "quizzes/final-check.yml:6:16: questions[0].objective: 'beta-skill' is an objective of lesson 'beta', not "
        "of lesson 'alpha'; write `objective: beta/beta-skill` [objective-in-other-lesson]",
    ]
    assert [str(p.location) for p in problems if p.is_error] == [
        "quizzes/alpha-check.yml:12:16",
        "quizzes/final-check.yml:6:16",
    ]


def test_checks_levels_make_notes_or_hide_findings():
    project = project_at(FIXTURES / "checks-all", checks={"reading-level": "info", "broken-link": "ignore"})
    result = run_checks(validate_project(project))
    assert [d.code for d in result.notes] == ["reading-level"]
    assert "broken-link" not in {d.code for d in result.warnings}
    assert len(result.warnings) == len(EXPECTED_CHECKS_ALL) - 2


def test_checks_max_reading_grade_is_a_setting():
    lines = findings_of(FIXTURES / "checks-all", max_reading_grade=50)
    assert not [line for line in lines if line.endswith("[reading-level]")]


# -- small courses written for one check -----------------------------------------------------------


def write_course(
    root: Path,
    *,
    lesson: str = "",
    questions: str,
    duration: int = 1,
    language: str = "en",
    pass_mark: int = 50,
    files: dict[str, str] | None = None,
) -> Path:
    """A one-lesson course; `lesson` adds keys to the lesson, `questions` is the quiz's question list."""
    (root / "content").mkdir(parents=True)
    (root / "quizzes").mkdir()
    (root / "content/course.yml").write_text(f"title: T\ndescription: D.\nlanguage: {language}\nlessons: [one]\n")
    body = lesson or "sections:\n  - title: S\n    body: Short text.\n"
    (root / "content/one.yml").write_text(
        f"id: one\ntitle: One\nsummary: S.\nduration_minutes: {duration}\nobjectives:\n  - id: o\n    text: O.\n"
        f"{body}quiz: one-check\n"
    )
    (root / "quizzes/one-check.yml").write_text(
        "id: one-check\ntitle: Q\nquestions:\n"
        + textwrap.indent(textwrap.dedent(questions), "  ")
        + f"pass_mark: {pass_mark}\n"
    )
    for name, text in (files or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


TF = """\
- id: tf
  type: true_false
  objective: o
  prompt: P.
  explanation: E.
  answer: {answer}
"""


def test_checks_same_true_false_needs_three_questions(tmp_path: Path):
    two = TF.format(answer="true") + TF.format(answer="true").replace("id: tf", "id: tf2")
    assert findings_of(write_course(tmp_path / "two", questions=two)) == []
    mixed = two + TF.format(answer="false").replace("id: tf", "id: tf3")
    assert findings_of(write_course(tmp_path / "mixed", questions=mixed)) == []


def single(*options: str, correct: int = 0) -> str:
    lines = ["- id: s", "  type: single", "  objective: o", "  prompt: P.", "  explanation: E.", "  options:"]
    for index, text in enumerate(options):
        lines += [f'    - text: "{text}"', "      feedback: F."]
        lines += ["      correct: true"] if index == correct else []
    return "\n".join(lines) + "\n"


def codes(root: Path) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in findings_of(root)]


def test_checks_options_that_differ_by_a_number_are_not_similar(tmp_path: Path):
    questions = single("About 12 minutes a day", "About 15 minutes a day")
    assert codes(write_course(tmp_path / "n", questions=questions)) == []


def test_checks_near_duplicate_options_are_similar(tmp_path: Path):
    root = write_course(tmp_path / "n", questions=single("Tell your manager first", "Tell you're manager first"))
    assert codes(root) == ["similar-options"]
    assert "is nearly the same as option 1" in findings_of(root)[0]


def test_checks_all_of_the_above_variants(tmp_path: Path):
    for index, text in enumerate(("None of the above", "both of these", "All the above")):
        assert codes(write_course(tmp_path / str(index), questions=single("Right", text))) == ["all-of-the-above"]
    assert codes(write_course(tmp_path / "x", questions=single("Read all the options", "Skip over them all"))) == []


def test_checks_long_correct_option_needs_a_clear_margin(tmp_path: Path):
    assert codes(write_course(tmp_path / "a", questions=single("Yes, today", "No", "Later"))) == []
    long = single("Ask what they need and agree a time to deliver it", "Say no", "Ignore it")
    assert codes(write_course(tmp_path / "b", questions=long)) == ["long-correct-option"]
    assert (
        codes(
            write_course(
                tmp_path / "c",
                questions=single("Say no", "Ask what they need and agree a time to deliver it", correct=0),
            )
        )
        == []
    )


def test_checks_duration_within_margin_is_silent(tmp_path: Path):
    # 1 question (0.5 min) and a few words: stated 2 minutes is within the 2-minute margin
    assert codes(write_course(tmp_path / "a", questions=TF.format(answer="true"), duration=2)) == []
    assert codes(write_course(tmp_path / "b", questions=TF.format(answer="true"), duration=5)) == ["duration-mismatch"]


HARD = (
    "Organisational communication necessitates considerable interpersonal sensitivity, particularly whenever "
    "departmental responsibilities overlap unpredictably and institutional expectations remain insufficiently "
    "articulated, because misunderstandings consequently proliferate throughout the institution, undermining "
    "collaborative productivity and professional credibility everywhere. Attentiveness, demonstrated "
    "consistently, substantially ameliorates organisational difficulties everywhere."
)


def test_checks_reading_level_only_for_languages_with_a_formula(tmp_path: Path):
    lesson = f"sections:\n  - title: Hard\n    body: {HARD}\n"
    assert codes(write_course(tmp_path / "en", lesson=lesson, questions=TF.format(answer="true"))) == ["reading-level"]
    assert codes(write_course(tmp_path / "ja", lesson=lesson, questions=TF.format(answer="true"), language="ja")) == []


def test_checks_links_to_pages_files_and_the_web_are_fine(tmp_path: Path):
    body = (
        "[home](./) [lesson](one/) [lesson page](one/index.html) [progress](progress/#top) "
        "[certificate](certificate/) [notes](notes/) [file](files/guide.pdf) [web](https://example.org/x) "
        "[mail](mailto:a@example.org) [anchor](#here) [root](/x) ![logo](images/logo.png) "
        "`[not a link](nowhere/)`"
    )
    lesson = f'sections:\n  - title: Links\n    body: "{body}"\n'
    root = write_course(
        tmp_path / "ok",
        lesson=lesson,
        questions=TF.format(answer="true"),
        files={"content/notes.md": "# Notes\n", "content/files/guide.pdf": "%PDF", "content/images/logo.png": "png"},
    )
    assert findings_of(root) == []


def test_checks_links_to_sources_or_outside_the_site_are_broken(tmp_path: Path):
    body = "[source](course.yml) [up](../other/) [typo](oen/) ![up](../logo.png)"
    lesson = f'sections:\n  - title: Links\n    body: "{body}"\n'
    root = write_course(tmp_path / "bad", lesson=lesson, questions=TF.format(answer="true"))
    assert [line.split(": ", 1)[1] for line in findings_of(root)] == [
        "sections[0].body: link 'course.yml' goes nowhere: it is not a page of the course nor a file in content/ "
        "[broken-link]",
        "sections[0].body: link '../other/' points outside the site; links are relative to the site's home page, "
        "like 'lesson-id/' [broken-link]",
        "sections[0].body: link 'oen/' goes nowhere: it is not a page of the course nor a file in content/ "
        "(did you mean 'one'?) [broken-link]",
        "sections[0].body: image '../logo.png' is outside the site; put it in the content folder [missing-image]",
    ]


def test_checks_links_in_quiz_feedback_are_checked(tmp_path: Path):
    questions = (
        single("Right", "Wrong")
        .replace("feedback: F.", "feedback: See [the lesson](one/).", 1)
        .replace("feedback: F.", "feedback: See [this](gone/).")
    )
    root = write_course(tmp_path / "q", questions=questions)
    assert findings_of(root) == [
        "quizzes/one-check.yml:14:30: questions[0].options[1].feedback: link 'gone/' goes nowhere: it is not a "
        "page of the course nor a file in content/ (did you mean 'one'?) [broken-link]"
    ]


# -- readability -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, count",
    [
        ("cat", 1),
        ("table", 2),
        ("hopes", 1),
        ("jumped", 1),
        ("wanted", 2),
        ("colleague", 3),
        ("readability", 5),
        ("2024", 1),
        ("why", 1),
    ],
)
def test_readability_syllables(word: str, count: int):
    assert syllables(word) == count


def test_readability_plain_text_drops_markup_and_link_targets():
    text = "See **the [guide](https://example.org/a-long-path)** and ![a map](images/map.png).\n\n<b>Done</b>"
    assert plain_text(text).split() == ["See", "**the", "guide**", "and", "a", "map.", "Done"]
    assert word_count(text) == 7  # the image's description is read out too


def test_readability_sentences_count_list_items_and_headings():
    assert sentences("One. Two! Three?") == 3
    assert sentences("## A heading\n\n- first item\n- second item.\n\nA closing line") == 4
    assert sentences("It was 4:40 p.m. when she left.") == 2  # "p.m." ends a sentence: the formula is rough


def test_readability_grade_follows_flesch_kincaid():
    score = readability("The cat sat on the mat. It was warm.")
    assert (score.words, score.sentences, score.syllables) == (9, 2, 9)
    assert score.grade == pytest.approx(0.39 * 9 / 2 + 11.8 * 1 - 15.59)
    assert readability("").grade == 0


def test_readability_reading_minutes():
    assert reading_minutes(400) == 2
    assert reading_minutes(400, 3) == 3.5
    assert reading_minutes(300, words_per_minute=150) == 2


def test_checks_copy_of_bundled_course_with_a_broken_image_is_reported(tmp_path: Path):
    root = tmp_path / "course"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "quizzes", root / "quizzes")
    lesson = root / "content/professionalism.yml"
    lesson.write_text(lesson.read_text().replace("      1. Job skills\n", "      1. Job skills ![x](nope.png)\n"))
    assert [line.split(": ")[0] for line in findings_of(root)] == ["content/professionalism.yml:30:26"]


# -- the authoring guide ---------------------------------------------------------------------------

GUIDE = REPO / "docs" / "authoring.md"


def guide_examples() -> dict[str, str]:
    """The guide's YAML examples that start with a schema line, by kind (course, lesson, quiz, scenario)."""
    blocks = GUIDE.read_text().split("```yaml\n")[1:]
    found = {}
    for block in (b.split("```", 1)[0] for b in blocks):
        if block.startswith("# yaml-language-server: $schema=../schemas/"):
            kind = "scenario" if "\nkind: scenario\n" in block else block.split("schemas/", 1)[1].split(".", 1)[0]
            found[kind] = block
    return found


def test_checks_guide_documents_every_check_code():
    text = GUIDE.read_text()
    for code in CHECK_CODES:
        assert f"| `{code}` |" in text, code


def test_checks_guide_examples_build_a_course_with_no_weak_spots(tmp_path: Path):
    examples = guide_examples()
    assert set(examples) == {"course", "lesson", "quiz", "scenario"}
    course = examples["course"].replace("  - getting-started\n", "").replace("final_quiz: final-check", "")
    root = write_course(
        tmp_path / "guide",
        questions="",
        files={
            "content/course.yml": course,
            "content/call-for-help.yml": examples["lesson"] + "scenarios: [the-late-handover]\n",
            "quizzes/call-for-help-check.yml": examples["quiz"],
            "quizzes/the-late-handover.yml": examples["scenario"],
        },
    )
    (root / "content/one.yml").unlink()
    (root / "quizzes/one-check.yml").unlink()
    course_model, problems = load(project_at(root))
    assert problems == [] and course_model is not None
    assert course_model.scenarios["the-late-handover"].score_ranges() == ((1, 2), (0, 2), (-5, 2))
    assert {q.type for q in course_model.quizzes["call-for-help-check"].questions} == set(QUESTION_TYPES)
    assert findings_of(root) == []
