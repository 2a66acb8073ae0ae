"""`course export pdf`: the whole course as one printed workbook.

A cover, a table of contents with page numbers, each lesson (objectives, sections, key points, images),
its role-plays as branching scripts and its quiz as a worksheet, the final quiz, and with `answers` a
trainer's answer key at the end. The HTML comes from Jinja2 templates (templates/workbook.html) and
WeasyPrint renders it to a tagged PDF (PDF/UA-1) with bookmarks from the headings; fonts are embedded.
Without `answers` no right answer, feedback or explanation is anywhere in the file.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..site.render import CourseRenderer, module_slugs
from ..site.views import QuestionView, QuizView, ScenarioView
from ..source import interface_text
from ..source.errors import ExportError
from ..source.markdown_text import MarkdownText
from ..source.model import Course, Lesson, Quiz
from ..source.questions import question_type
from ..source.questions.base import ChoiceControls, Solution
from ..source.scoring import course_version
from ..source.text import count
from .packaging import replacing

PAPERS = {"a4": "A4", "letter": "letter"}
"""`--paper` choices and their CSS page size."""
STYLESHEET = Path(__file__).parent / "workbook.css"
IMAGE_PROTOCOLS = ("file", "data")
"""What the PDF may load: the course's own files and data: URLs; never the network."""

_IFRAME = re.compile(r"<iframe\b(?P<attributes>[^>]*)>.*?</iframe>", re.DOTALL)
_ATTRIBUTE = re.compile(r"\b(?P<name>src|title)=\"(?P<value>[^\"]*)\"")
_LESSON_LINK = re.compile(r"href=\"(?:\.\./)*(?P<id>[a-z0-9][a-z0-9-]*)/(?:index\.html)?(?P<anchor>#[^\"]*)?\"")


@dataclass(frozen=True, slots=True)
class KeyChoice:
    """A choice as the answer key lists it: its letter on the worksheet, whether it is right, its feedback."""

    letter: str
    text: str
    right: bool
    feedback: str | None


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One question in the answer key."""

    view: QuestionView
    solution: Solution
    choices: list[KeyChoice]
    """Choice questions: every choice in worksheet order (else empty)."""


@dataclass(frozen=True, slots=True)
class QuizPart:
    quiz: Quiz
    view: QuizView
    key: list[KeyEntry]
    where: str
    """"Lesson 3" or "Final assessment": where the quiz is in the workbook, for the answer key."""


@dataclass(frozen=True, slots=True)
class LessonPart:
    lesson: Lesson
    number: int
    anchor: str
    quiz: QuizPart | None
    scenarios: list[ScenarioView]


@dataclass(frozen=True, slots=True)
class ModulePart:
    title: str | None
    """None when the course lists its lessons without modules (one part holds them all)."""
    anchor: str
    lessons: list[LessonPart]


@dataclass(frozen=True, slots=True)
class Workbook:
    """What `course export pdf` wrote."""

    pages: int
    bytes: int
    left_out: list[str] = field(default_factory=list)
    """Images the PDF could not include (from the web, or missing), for a note."""


def export_pdf(
    course: Course,
    content: Path,
    out: Path,
    *,
    answers: bool,
    paper: str,
    allowed_embed_hosts: tuple[str, ...] = (),
    today: datetime.date | None = None,
) -> Workbook:
    """Write the workbook of a validated course to `out` (replaced only once the PDF is complete)."""
    html = workbook_html(
        course,
        answers=answers,
        paper=paper,
        allowed_embed_hosts=allowed_embed_hosts,
        today=today or datetime.date.today(),
    )
    CSS, HTML, URLFetcher = _weasyprint()
    fetcher = _course_files(content, URLFetcher)
    with _quiet_weasyprint(), replacing(out) as target:
        document = HTML(string=html, base_url=content.resolve().as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=[CSS(filename=str(STYLESHEET))]
        )
        document.write_pdf(target, pdf_variant="pdf/ua-1")
    return Workbook(pages=len(document.pages), bytes=out.stat().st_size, left_out=fetcher.refused)


def workbook_html(
    course: Course, *, answers: bool, paper: str, allowed_embed_hosts: tuple[str, ...] = (), today: datetime.date
) -> str:
    """The workbook as one HTML document (what WeasyPrint renders; also useful to look at in a browser)."""
    if paper not in PAPERS:
        raise ExportError(f"unknown paper '{paper}': use {' or '.join(PAPERS)}")
    renderer = CourseRenderer(course, allowed_embed_hosts=allowed_embed_hosts)
    text = _PaperText(renderer.text, {lesson.id for lesson in course.lessons})
    env = Environment(
        loader=PackageLoader("builder.exporters", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    catalogue = renderer.catalogue
    env.filters.update(md_block=text.block, md_inline=text.inline, count=count)
    modules = _modules(course, renderer)
    quizzes = [part.quiz for module in modules for part in module.lessons if part.quiz is not None]
    final = (
        _quiz_part(course.final_quiz, renderer, renderer.catalogue.text("final_quiz")) if course.final_quiz else None
    )
    if final:
        quizzes.append(final)
    scenarios = [view for module in modules for part in module.lessons for view in part.scenarios]
    return env.get_template("workbook.html").render(
        course=course,
        modules=modules,
        final=final,
        quizzes=quizzes,
        scenarios=scenarios,
        answers=answers,
        top=2 if course.modules else 1,
        page_size=PAPERS[paper],
        choice_label=catalogue.choice_label,
        listing=catalogue.listing,
        t=catalogue.text,
        direction=interface_text.direction(course.language),
        page_counter=Markup(css_content(catalogue.message("page_of").forms[0], {"page": "page", "pages": "pages"})),
        date=catalogue.date(today),
        version=course_version(course),
        lesson_count=len(course.lessons),
        question_count=sum(len(part.quiz.questions) for part in quizzes),
    )


def css_content(message: str, counters: dict[str, str]) -> str:
    """A message as a CSS `content` value: its words as CSS strings, each `{name}` in `counters` as that counter
    ("Page {page} of {pages}" -> '"Page " counter(page) " of " counter(pages)')."""
    parts = []
    for piece in re.split(r"(\{[a-z_]+\})", message):
        name = piece[1:-1] if piece.startswith("{") else None
        if name in counters:
            parts.append(f"counter({counters[name]})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ") + '"')
    return " ".join(parts)


def _modules(course: Course, renderer: CourseRenderer) -> list[ModulePart]:
    lessons = {lesson.id: lesson for lesson in course.lessons}
    number = {lesson.id: n for n, lesson in enumerate(course.lessons, 1)}

    def part(lesson: Lesson) -> LessonPart:
        quiz = course.quiz_for(lesson)
        return LessonPart(
            lesson=lesson,
            number=number[lesson.id],
            anchor=f"lesson-{lesson.id}",
            quiz=_quiz_part(quiz, renderer, renderer.catalogue.text("lesson_position", position=number[lesson.id]))
            if quiz
            else None,
            scenarios=[renderer.scenario_view(s) for s in course.scenarios_for(lesson)],
        )

    if not course.modules:
        return [ModulePart(None, "lessons", [part(lesson) for lesson in course.lessons])]
    return [
        ModulePart(module.title, f"module-{slug}", [part(lessons[i]) for i in module.lesson_ids])
        for module, slug in zip(course.modules, module_slugs(course), strict=True)
    ]


def _quiz_part(quiz: Quiz, renderer: CourseRenderer, where: str) -> QuizPart:
    view = renderer.quiz_view(quiz, "")
    label = renderer.catalogue.choice_label
    return QuizPart(quiz=quiz, view=view, key=[_key_entry(quiz, item, label) for item in view.questions], where=where)


def _key_entry(quiz: Quiz, item: QuestionView, label: Callable[[int], str]) -> KeyEntry:
    question = item.question
    kind = question_type(question)
    choices: list[KeyChoice] = []
    if isinstance(item.controls, ChoiceControls):
        right = set(kind.key(quiz.id, question)["correct"])
        feedback = kind.option_feedback(quiz.id, question)
        choices = [
            KeyChoice(label(i), choice.text, choice.value in right, feedback.get(choice.value))
            for i, choice in enumerate(item.controls.choices)
        ]
    return KeyEntry(view=item, solution=kind.solution(question), choices=choices)


class _PaperText:
    """Trainers' Markdown as the workbook prints it: links to lessons go to the lesson in the PDF, other links
    within the site lose their target (there is no site on paper), and an embedded video becomes its address."""

    def __init__(self, text: MarkdownText, lesson_ids: set[str]):
        self.text = text
        self.lesson_ids = lesson_ids

    def block(self, markdown: str | None) -> Markup:
        return Markup(self._on_paper(self.text.block(markdown)))

    def inline(self, markdown: str | None) -> Markup:
        return Markup(self._on_paper(self.text.inline(markdown)))

    def _on_paper(self, html: str) -> str:
        html = _IFRAME.sub(self._embed, html)
        return _LESSON_LINK.sub(self._lesson_link, html)

    @staticmethod
    def _embed(match: re.Match[str]) -> str:
        # the attributes are the sanitiser's output, already escaped: Markup keeps them as they are
        attributes = {m.group("name"): Markup(m.group("value")) for m in _ATTRIBUTE.finditer(match.group("attributes"))}
        src = attributes.get("src", Markup(""))
        return Markup('<span class="wb-embed">{}: <a href="{}">{}</a></span>').format(
            attributes.get("title") or "Online video", src, src
        )

    def _lesson_link(self, match: re.Match[str]) -> str:
        lesson = match.group("id")
        return f'href="#lesson-{lesson}"' if lesson in self.lesson_ids else match.group(0)


def _weasyprint() -> tuple[Any, Any, Any]:
    """WeasyPrint's CSS, HTML and URLFetcher; a trainer's error when the libraries it draws text with are missing."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # WeasyPrint loads Pango when imported
        raise ExportError(
            "PDF export needs the Pango text library, which is not installed: on Debian or Ubuntu run "
            f"`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core` ({exc})"
        ) from None
    return CSS, HTML, URLFetcher


def _course_files(content: Path, fetcher_class: type) -> Any:
    """WeasyPrint's URL fetcher limited to files under the content folder and data: URLs. What it refuses is
    kept in `refused` for a note; the PDF shows the image's alt text instead."""
    folder = content.resolve()

    class CourseFiles(fetcher_class):  # type: ignore[misc]
        refused: list[str]

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not (path.is_relative_to(folder) and path.is_file()):
                    return self._refuse(url)
            elif not url.startswith("data:"):
                return self._refuse(url)
            return super().fetch(url, headers)

        def _refuse(self, url: str) -> Any:
            self.refused.append(url)
            raise ValueError(f"not included in the workbook: {url}")

    files = CourseFiles(allowed_protocols=IMAGE_PROTOCOLS, timeout=5)
    files.refused = []
    return files


@contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    """WeasyPrint logs every image it could not load and every CSS rule it skips: the command reports what
    matters to a trainer itself."""
    loggers = [logging.getLogger(name) for name in ("weasyprint", "weasyprint.progress", "fontTools")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
