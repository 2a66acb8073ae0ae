"""Printing a lesson from the browser (Chromium's page.pdf, with the page's own @page rules as the print dialog
uses them): a portrait handout on A4 and Letter with nothing interactive on it, quizzes as worksheets that
never split a question across pages, role-plays as branching scripts, and links with their address.

The course printed is the bundled one (its longest lesson has a 19-step role-play and ten questions), with one
external link added to a key point."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import Site, open_page
from tests.support.cli import run_course
from tests.support.paths import REPO
from tests.support.pdf import A4, LETTER, Printout, read_pdf, same_size, squeezed

LESSON = "trust-model/"
LINK = "https://example.org/trust-guide"
PAPERS = {"A4": A4, "Letter": LETTER}
INTERACTIVE = (
    "Check answers",
    "Try again",
    "Previous lesson",
    "Next lesson",
    "Skip to content",
    "Turn on JavaScript",
    "see what happens",
    "Continue",
    "Search",
)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Iterator[Site]:
    """The bundled course with an external link in lesson 4's key points, built by the real CLI and served."""
    project = tmp_path_factory.mktemp("print") / "project"
    for name in ("content", "quizzes"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    lesson = project / "content" / "trust-model.yml"
    text = lesson.read_text()
    assert "key_points:\n" in text
    lesson.write_text(text.replace("key_points:\n", f"key_points:\n  - Read more in [the trust guide]({LINK}).\n", 1))
    run_course("build", "--site-dir", str(project / "site"), cwd=project, check=True)
    site = Site(project / "site")
    yield site
    site.close()


def printed(page, tmp_path: Path, paper: str = "A4") -> Printout:
    path = tmp_path / f"printed-{paper}.pdf"
    page.pdf(path=str(path), format=paper, prefer_css_page_size=True)
    return read_pdf(path)


@pytest.mark.parametrize("paper", PAPERS)
def test_lesson_prints_as_a_portrait_handout_without_controls(page, bundled, tmp_path, paper):
    open_page(page, bundled, LESSON)
    printout = printed(page, tmp_path, paper)
    assert printout.pages > 1
    for size in printout.sizes:
        assert same_size(size, PAPERS[paper]), f"page size {size} is not {paper}"
        assert size[0] < size[1], f"a lesson page printed landscape: {size}"
    for words in INTERACTIVE:
        assert not printout.page_of(words), f"'{words}' printed on page {printout.page_of(words)}"
    assert printout.page_of("Building trust with colleagues") == [1]


def test_lesson_prints_at_a_readable_line_length(page, bundled, tmp_path):
    open_page(page, bundled, LESSON)
    printout = printed(page, tmp_path)
    # the longest lines are running text: at most about 100 characters (they were 166 in landscape)
    lengths = sorted(len(line.strip()) for line in printout.text.splitlines() if line.strip())
    assert lengths[-1] <= 105, f"lines of up to {lengths[-1]} characters"
    assert lengths[int(len(lengths) * 0.9)] >= 60, "the text column is far narrower than a page"


def test_external_links_print_their_address(page, bundled, tmp_path):
    open_page(page, bundled, LESSON)
    printout = printed(page, tmp_path)
    assert printout.page_of(f"the trust guide ({LINK})")


def test_fresh_quiz_prints_as_a_worksheet_with_paper_hints(page, bundled, tmp_path):
    open_page(page, bundled, LESSON)
    printout = printed(page, tmp_path)
    count = page.locator("[data-question]").count()
    for number in range(1, count + 1):
        assert len(printout.page_of(f"Question {number} of {count}")) == 1
    assert printout.page_of("Choose one answer.")
    assert not printout.page_of("Not answered"), "a fresh quiz has no marks to print"
    # a matching question prints its matches to choose from, lettered, and asks for letters on paper
    final = page.context.new_page()
    open_page(final, bundled, "final-assessment/")
    worksheet = printed(final, tmp_path)
    assert worksheet.page_of("Matches to choose from:")
    assert worksheet.page_of("Write the letter of its match beside each item.")
    assert not worksheet.page_of("Choose the match for each item.")
    final.close()


def test_checked_quiz_prints_answers_marks_and_feedback_and_never_splits_a_question(page, bundled, tmp_path):
    open_page(page, bundled, LESSON)
    quiz = page.locator("[data-quiz]")
    for question in quiz.locator("[data-question]").all():  # the first choice of each choice question
        choices = question.locator("input[type=radio], input[type=checkbox]")
        if choices.count():
            choices.first.check()
    quiz.locator("[data-quiz-submit]").click()
    quiz.locator("[data-quiz-result][data-score]").wait_for()
    printout = printed(page, tmp_path)
    assert printout.page_of("You scored")
    questions = quiz.locator("[data-question]").all()
    for question in questions:
        number = question.locator(".course-question__number").inner_text()
        marks = question.locator(".course-mark").all_inner_texts()
        feedback = question.locator("[data-question-feedback]").inner_text()
        assert marks and feedback, f"{number} shows no mark or feedback after checking"
        pages = printout.page_of(number)
        assert len(pages) == 1, f"'{number}' printed on pages {pages}"
        # the question's last words (its feedback) print on the page its number is on
        ending = " ".join(feedback.split()[-8:])
        assert printout.page_of(ending) == pages, f"{number} splits across pages {pages} and {printout.page_of(ending)}"
        assert printout.page_of(marks[0]), f"the mark '{marks[0]}' did not print"


def test_role_play_prints_as_a_branching_script(page, bundled, tmp_path):
    open_page(page, bundled, LESSON)
    root = page.locator("[data-scenario]")
    labels = root.locator(".course-scenario__label").all_text_contents()
    choices = root.locator("[data-next]").count()
    assert len(labels) > 10 and choices > 10
    printout = printed(page, tmp_path)
    text = squeezed(printout.text)
    for label in labels:
        assert squeezed(label) in text, f"the step '{label}' did not print"
    assert labels[0] == "Start (step 1)"
    endings = [label for label in labels if label.startswith("Ending")]
    assert endings and all(re.fullmatch(r"Ending \(step \d+\)", label) for label in endings)
    assert len(re.findall(r"→ go to step \d+", printout.text.replace("\n", " "))) == choices
    assert printout.page_of("To play it on paper: start at step 1")
    # every "go to step N" names a step that printed
    numbers = {int(n) for n in re.findall(r"step (\d+)", " ".join(labels), re.IGNORECASE)}
    assert numbers == set(range(1, len(labels) + 1))
    assert {int(n) for n in re.findall(r"go to step (\d+)", printout.text)} <= numbers


def test_lesson_prints_as_a_handout_in_mkdocs_builtin_theme_too(page, sites, tmp_path):
    site = sites("mkdocs")
    open_page(page, site, "beta/")
    printout = printed(page, tmp_path)
    assert all(size[0] < size[1] for size in printout.sizes)
    for words in ("Documentation built with", "Check answers", "Previous", "Search"):
        assert not printout.page_of(words), f"'{words}' printed"
    assert printout.page_of("Start (step 1)") and printout.page_of("Matches to choose from:")
    # the text runs the page's width, not the theme's three-quarter column beside a hidden sidebar
    lengths = sorted(len(line) for line in printout.text.splitlines() if line.strip())
    assert lengths[-1] >= 75, f"the longest printed line has {lengths[-1]} characters: the column is too narrow"
