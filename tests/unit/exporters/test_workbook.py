"""The workbook's HTML (what `course export pdf` gives WeasyPrint): its parts in course order, worksheets that
keep every answer out of the learner's edition, the trainer's answer key, and links and embeds on paper.
The PDF itself is read back in tests/integration/test_export_pdf.py."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest

from builder.exporters.workbook import workbook_html
from builder.source.errors import ExportError
from tests.support.html import Elements
from tests.support.projects import ONE, ONE_CHECK, make_project, project_at, valid_course

TODAY = datetime.date(2026, 12, 3)
SECRETS = ("Because this is the one.", "That is the other one.", "Put in this order.")
ANSWERED = ONE_CHECK.replace(
    "    prompt: Which?\n", "    prompt: Which?\n    explanation: Because this is the one.\n"
).replace("      - text: That\n", "      - text: That\n        feedback: That is the other one.\n")


def html_of(tmp_path, *, answers: bool = False, paper: str = "a4", **files: str) -> str:
    course = valid_course(make_project(tmp_path, quizzes__one_check=ANSWERED, **files))
    return workbook_html(course, answers=answers, paper=paper, today=TODAY)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_workbook_lists_cover_contents_lessons_and_final_in_order(tmp_path):
    html = html_of(tmp_path)
    text = text_of(html)
    position = 0
    for part in (
        "Test course",
        "Contents",
        "Lesson one",
        "Lesson two",
        "Final",
        "Lesson 1 of 2",
        "Lesson one",
        "Check one",
        "Lesson 2 of 2",
        "Lesson two",
        "Final",
    ):
        assert part in text[position:], f"'{part}' is not where it belongs"
        position = text.index(part, position) + len(part)
    assert re.search(r"Course version [0-9a-f]{10} · printed December 3, 2026", text)
    anchors = [a["href"] for a in Elements(html).find("a") if a["href"].startswith("#")]
    assert anchors[:3] == ["#lesson-one", "#lesson-two", "#final"]
    assert all(Elements(html).find(id=anchor[1:]) for anchor in anchors)
    assert '@page { size: A4; @bottom-right { content: "Page " counter(page) " of " counter(pages); } }' in html
    assert "@page { size: letter;" in html_of(tmp_path / "letter", paper="letter")


def test_workbook_without_answers_shows_no_answer_explanation_or_feedback(tmp_path):
    html = html_of(tmp_path)
    for secret in (*SECRETS, "Answer key", "Right answer", "Accepted answer", "Right order"):
        assert secret not in html, secret
    # the worksheet: lettered options with boxes, a line to write on, boxes for positions and matches
    text = text_of(html)
    assert "A. This" in text or "A. That" in text
    assert "Write a word or short phrase." in text and "Answer:" in text
    assert "Write each item's position in the right order beside it, starting at 1." in text
    assert "Matches to choose from:" in text
    assert "data-" not in html, "no page-script hooks (and no encoded answer key) in the workbook"


def test_workbook_with_answers_ends_with_a_key_for_every_question(tmp_path):
    html = html_of(tmp_path, answers=True)
    text = text_of(html)
    key = text[text.index("Answer key For trainers") :]
    assert "Because this is the one." in key and "That is the other one." in key
    letter = re.search(r"([AB])\. Right: This", key)
    assert letter and f"{letter.group(1)}. This" in text[: text.index("Answer key For trainers")]
    assert "Accepted answer: word" in key
    assert re.search(r"Right answer: ([AB]) \1\. Right: True", key)
    assert "Right order: A B C" in key
    assert "Matches: a → 1 b → 2" in key
    assert html.index('id="answer-key"') > html.index('id="final"')


def test_workbook_role_plays_are_numbered_scripts_and_their_notes_go_in_the_key(tmp_path):
    scenario = """\
id: desk
kind: scenario
title: At the desk
dimensions: [caring]
start: ask
nodes:
  ask:
    text: A colleague asks for help.
    choices:
      - {text: Help now, next: good, scores: {caring: 2}, feedback: They are grateful.}
      - {text: Ignore them, next: bad, scores: {caring: -1}}
  good:
    text: It went well.
    end: true
  bad:
    text: It went badly.
    end: true
"""
    files = {"content/one.yml": ONE + "scenarios: [desk]\n", "quizzes/desk.yml": scenario}
    course = valid_course(
        make_project(
            tmp_path,
            quizzes__one_check=ANSWERED,
            **{key.replace("/", "__").removesuffix(".yml").replace("-", "_"): text for key, text in files.items()},
        )
    )
    learner = text_of(workbook_html(course, answers=False, paper="a4", today=TODAY))
    assert "Start (step 1) A colleague asks for help. Help now → go to step 2 Ignore them → go to step 3" in learner
    assert "Ending (step 2) It went well." in learner and "Ending (step 3) It went badly." in learner
    assert "They are grateful." not in learner
    trainer = text_of(workbook_html(course, answers=True, paper="a4", today=TODAY))
    notes = trainer[trainer.index("Role-play notes") :]
    assert "Help now (caring +2; → go to step 2) They are grateful." in notes
    assert "Ignore them (caring -1; → go to step 3)" in notes


def test_workbook_links_to_lessons_stay_in_the_pdf_and_embeds_become_addresses(tmp_path):
    lesson = ONE.replace(
        "    body: Hello.\n",
        (
            "    body: |\n"
            "      See [lesson two](../two/) and [the web](https://example.org/x).\n\n"
            '      <iframe src="https://www.youtube-nocookie.com/embed/abc" title="A short film"></iframe>\n'
        ),
    )
    make_project(tmp_path, content__one=lesson, quizzes__one_check=ANSWERED)
    project = project_at(tmp_path, allow_embeds_from=["www.youtube-nocookie.com"])
    from builder.source.validate import validate_project

    course = validate_project(project).course
    assert course is not None
    html = workbook_html(
        course, answers=False, paper="a4", today=TODAY, allowed_embed_hosts=project.allowed_embed_hosts
    )
    assert '<a href="#lesson-two">lesson two</a>' in html
    assert '<a href="https://example.org/x">the web</a>' in html
    assert "<iframe" not in html
    assert 'A short film: <a href="https://www.youtube-nocookie.com/embed/abc">' in html


def test_workbook_refuses_an_unknown_paper(tmp_path):
    course = valid_course(make_project(tmp_path))
    with pytest.raises(ExportError, match="unknown paper 'a5': use a4 or letter"):
        workbook_html(course, answers=False, paper="a5", today=TODAY)


def test_workbook_with_modules_puts_lessons_under_their_module(tmp_path):
    course_file = """\
title: Test course
description: For tests.
pass_mark: 70
modules:
  - title: First steps
    lessons: [one]
  - title: Next steps
    lessons: [two]
final_quiz: final
"""
    html = html_of(tmp_path, content__course=course_file)
    assert re.search(r'<h1 id="module-first-steps-title">First steps</h1>', html)
    assert re.search(r'<h2 id="lesson-one-title">Lesson one</h2>', html)
    assert "2 lessons in 2 modules" in text_of(html)
    assert html.index("First steps") < html.index("Lesson one") < html.index("Next steps") < html.index("Lesson two")


def test_workbook_date_is_written_in_the_course_language(tmp_path):
    course_file = "title: Test course\ndescription: For tests.\nlanguage: fr\npass_mark: 70\nlessons: [one, two]\n"
    html = html_of(tmp_path, content__course=course_file, quizzes__final=None)
    assert "3 décembre 2026" in text_of(html)
    assert '<html lang="fr" dir="ltr">' in html


def test_workbook_cover_shows_the_certificate_issuer_and_logo_when_the_course_has_them(tmp_path):
    assert "wb-cover__logo" not in html_of(tmp_path / "plain") and "Issued by" not in html_of(tmp_path / "plain")
    logo = tmp_path / "branded" / "content" / "images" / "logo.svg"
    logo.parent.mkdir(parents=True)
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    course_file = (
        "title: Test course\ndescription: For tests.\npass_mark: 70\nlessons: [one, two]\nfinal_quiz: final\n"
        "certificate:\n  issuer: Harbour Training\n  logo: images/logo.svg\n"
    )
    html = html_of(tmp_path / "branded", content__course=course_file)
    assert '<img class="wb-cover__logo" src="images/logo.svg" alt="Harbour Training">' in html
    assert "Issued by Harbour Training" in text_of(html)


WRITTEN_QUESTION = """\
  - id: q3
    type: written
    objective: say
    prompt: Write your reply to Sam.
    model_answer: Thanks, Sam. I can send it **by 3pm**.
    checklist: [I said when, I thanked Sam]
"""


def test_workbook_written_question_has_a_writing_space_and_its_model_answer_only_in_the_key(tmp_path):
    course = valid_course(make_project(tmp_path, quizzes__one_check=ANSWERED + WRITTEN_QUESTION))
    learners = workbook_html(course, answers=False, paper="a4", today=TODAY)
    written = learners[learners.index('class="wb-question wb-question--written"') :]
    written = written[: written.index('<div class="wb-question ') if '<div class="wb-question ' in written else None]
    assert "Write your answer in the space below." in text_of(written)
    assert len(Elements(written).find("span", **{"class": "wb-writing__line"})) == 10
    assert "by 3pm" not in text_of(learners) and "I thanked Sam" not in text_of(learners)
    trainers = text_of(workbook_html(course, answers=True, paper="a4", today=TODAY))
    key = trainers[trainers.index("Answer key For trainers") :]
    assert "3. Write your reply to Sam. Model answer: Thanks, Sam. I can send it by 3pm" in key
    assert "Check your answer: I said when I thanked Sam" in key
