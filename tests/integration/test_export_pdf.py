"""`course export pdf`: the workbook read back as a reader and a PDF checker would, through the real CLI.

The bundled course is printed once (learner's edition, A4) and the `full` fixture twice (learner's edition on
A4, trainer's edition with the answer key on Letter); each test reads those files with pypdf and poppler."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.cli import run_course
from tests.support.paths import FIXTURES, REPO
from tests.support.pdf import A4, LETTER, Printout, fonts, read_pdf, same_size, squeezed

BUNDLED_LESSONS = [
    "What is internal customer service?",
    "Professionalism with colleagues",
    "Soft skills for working with colleagues",
    "Building trust with colleagues",
    "Putting it into practice",
]


def export(project: Path, out: Path, *options: str) -> tuple[Printout, str]:
    result = run_course("export", "pdf", "--out", str(out), *options, cwd=project, check=True)
    return read_pdf(out), result.stdout + result.stderr


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> tuple[Printout, str]:
    project = tmp_path_factory.mktemp("bundled") / "project"
    for name in ("content", "quizzes"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return export(project, project / "workbook.pdf")


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("full") / "project"
    shutil.copytree(FIXTURES / "full", project)
    return project


@pytest.fixture(scope="module")
def learner(full) -> Printout:
    return export(full, full / "learner.pdf")[0]


@pytest.fixture(scope="module")
def trainer(full) -> Printout:
    return export(full, full / "trainer.pdf", "--answers", "--paper", "letter")[0]


def unmarked(markdown: str) -> str:
    """Inline Markdown as it prints: without its emphasis and code marks."""
    return re.sub(r"[*_`]", "", markdown)


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page from 1) of every bookmark, in order."""
    reader = PdfReader(path)
    entries: list[tuple[int, str, int]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def test_bundled_workbook_has_a_cover_contents_and_every_lesson_in_order(bundled):
    printout, output = bundled
    assert re.fullmatch(
        r"wrote workbook\.pdf: a workbook of \d+ pages \(\d+ KB, A4, without answers\) in [\d.]+ s\n", output
    )
    assert f"a workbook of {printout.pages} pages" in output
    assert printout.pages >= 20
    assert all(same_size(size, A4) and size[0] < size[1] for size in printout.sizes)
    cover = printout.texts[0]
    assert "Internal Customer Service" in cover and "5 lessons" in cover and "About 60 minutes" in cover
    contents = printout.page_of("Contents")[0]
    assert contents == 2
    # each lesson starts on its own page, in the course's order, and the contents give that page
    starts = [printout.page_of(f"Lesson {n} of 5")[0] for n in range(1, 6)]
    assert starts == sorted(starts) and len(set(starts)) == 5
    for title, start in zip(BUNDLED_LESSONS, starts, strict=True):
        assert squeezed(title) in squeezed(printout.texts[start - 1])
        assert re.search(rf"{re.escape(title)}\s*\.*\s*{start}\b", printout.texts[contents - 1]), title
    assert printout.page_of("Page 3 of " + str(printout.pages)) == [3]


def test_bundled_workbook_bookmarks_every_lesson_and_section(bundled):
    printout, _ = bundled
    marks = outline(printout.path)
    lessons = [(title, page) for depth, title, page in marks if depth == 0 and title in BUNDLED_LESSONS]
    assert [title for title, _ in lessons] == BUNDLED_LESSONS
    assert [page for _, page in lessons] == [printout.page_of(f"Lesson {n} of 5")[0] for n in range(1, 6)]
    sections = [title for depth, title, _ in marks if depth == 1]
    for expected in (
        "In this lesson",
        "Key points",
        "Trust at the centre",
        "Role-play: A request in a busy week",
        "Check your understanding: building trust",
    ):
        assert expected in sections
    assert "Final assessment" in [title for depth, title, _ in marks if depth == 0]
    assert "Answer key" not in [title for _, title, _ in marks]


def test_bundled_workbook_prints_role_plays_as_scripts_and_the_lesson_image(bundled):
    printout, output = bundled
    text = printout.text
    assert "note:" not in output  # the trust map is a file in content/, so it is in the workbook
    assert squeezed("Trust map") in squeezed(text)
    assert "Start (step 1)" in text and re.search(r"Ending \(step \d+\)", text)
    assert len(re.findall(r"→ go to step \d+", text)) > 30


def test_workbook_is_tagged_with_embedded_fonts_and_metadata(bundled):
    printout, _ = bundled
    reader = PdfReader(printout.path)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert reader.metadata.title == "Internal Customer Service"
    table = fonts(printout.path)
    assert table and all(font["emb"] == "yes" for font in table), table
    assert any("Noto-Sans" in font["name"] for font in table)


def test_learner_edition_has_no_answer_anywhere(full, learner):
    text = squeezed(learner.text)
    assert squeezed("Question 1 of 3") in text
    for secret in (
        "The sky looks blue because of scattered sunlight.",
        "Grass is green, not the sky.",
        "Apples and pears are fruits.",
        "Answer key",
        "Right answer",
        "Accepted answer",
    ):
        assert squeezed(secret) not in text, secret
    assert squeezed("Your trainer has the answers.") in text


def test_trainer_edition_ends_with_the_answer_key(learner, trainer):
    assert all(same_size(size, LETTER) for size in trainer.sizes)
    assert trainer.pages > learner.pages
    key = trainer.page_of("Answer key")[-1]
    after = squeezed("\n".join(trainer.texts[key - 1 :]))
    for answer in (
        "The sky looks blue because of scattered sunlight.",
        "Grass is green, not the sky.",
        "Apples and pears are fruits.",
    ):
        assert squeezed(answer) in after, answer
    # the right choice by its letter on the worksheet
    letter = re.search(r"([A-C])\.\s*Right:\s*Blue", "\n".join(trainer.texts[key - 1 :]))
    assert letter, "the key does not mark Blue right"
    assert squeezed(f"{letter.group(1)}. Blue") in squeezed("\n".join(trainer.texts[: key - 1]))
    assert squeezed("Trainer's edition, with answer key") in squeezed(trainer.texts[0])
    assert "Answer key" in [title for _, title, _ in outline(trainer.path)]


def test_trainer_edition_states_every_kind_of_answer(trainer):
    key = squeezed("\n".join(trainer.texts[trainer.page_of("Answer key")[-1] - 1 :]))
    assert squeezed("Accepted answers:") in key or squeezed("Accepted answer:") in key
    assert squeezed("Right order:") in key
    assert squeezed("Matches:") in key
    assert squeezed("Role-play notes") in key


def test_export_pdf_validates_first_and_keeps_the_previous_pdf(course_copy, tmp_path):
    project = course_copy("broken-many")
    out = tmp_path / "workbook.pdf"
    out.write_bytes(b"%PDF an older workbook")
    result = run_course("export", "pdf", "--out", str(out), cwd=project)
    assert result.returncode == 1
    assert result.stderr == (project / "expected.txt").read_text()
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == b"%PDF an older workbook"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".workbook.pdf")]


def test_non_latin_text_prints_with_fonts_that_have_it(course_copy, tmp_path):
    project = course_copy("minimal")
    lesson = project / "content" / "only.yml"
    words = {"Greek": "Καλημέρα συνάδελφε", "Cyrillic": "Доброе утро, коллега", "Arabic": "صباح الخير"}
    body = " ".join(f"{script} {text}." for script, text in words.items())
    lesson.write_text(lesson.read_text().replace("body: One paragraph.", f"body: {body}"))
    printout, _ = export(project, tmp_path / "scripts.pdf")
    text = printout.text
    assert "Καλημέρα" in text and "Доброе" in text
    assert any(letter in text for letter in "صباحالخير")
    names = [font["name"] for font in fonts(printout.path)]
    assert any("Naskh-Arabic" in name or "Arabic" in name for name in names), names
    assert all(font["emb"] == "yes" for font in fonts(printout.path))


def test_web_images_are_left_out_with_a_note(course_copy, tmp_path):
    project = course_copy("minimal")
    lesson = project / "content" / "only.yml"
    lesson.write_text(
        lesson.read_text().replace(
            "body: One paragraph.", "body: 'One paragraph. ![A chart from the web](https://example.org/chart.png)'"
        )
    )
    printout, output = export(project, tmp_path / "web.pdf")
    assert "note: https://example.org/chart.png is not in the workbook: only images in content/ are printed" in output
    assert "A chart from the web" in printout.text  # the image's alt text stands in for it


def test_bundled_workbook_never_splits_a_question_across_pages(bundled):
    from builder.site.render import CourseRenderer
    from builder.source.questions.base import ChoiceControls, MatchingControls, OrderingControls, WrittenControls
    from tests.support.projects import project_at, valid_course

    printout, _ = bundled
    course = valid_course(project_at(REPO))
    renderer = CourseRenderer(course)
    checked = 0
    for quiz in course.quizzes.values():
        total = len(quiz.questions)
        for item in renderer.quiz_view(quiz, "").questions:
            controls = item.controls
            last = (
                controls.choices[-1].text
                if isinstance(controls, ChoiceControls)
                else controls.rights[-1].text
                if isinstance(controls, MatchingControls)
                else controls.items[-1].text
                if isinstance(controls, OrderingControls)
                else "Write your answer in the space below."  # then ruled lines, which have no text
                if isinstance(controls, WrittenControls)
                else "Answer:"
            )
            last = unmarked(last)
            prompt = squeezed(unmarked(item.question.prompt)[:40])
            number = f"Question {item.number} of {total}"
            starts = [page for page in printout.page_of(number) if prompt in squeezed(printout.texts[page - 1])]
            assert len(starts) == 1, f"{quiz.id} question {item.number} printed on pages {starts}"
            assert starts[0] in printout.page_of(last), (
                f"{quiz.id} question {item.number} splits after page {starts[0]}"
            )
            checked += 1
    assert checked == 71
