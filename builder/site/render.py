"""Course model -> page HTML, through Jinja2 templates.

The renderer knows pages and URLs but nothing about MkDocs: the plugin asks it for
the list of pages and for each page's HTML and outline.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..source.markdown_text import MarkdownText
from ..source.model import Course, Module, Quiz, Scenario
from ..source.questions import QuestionBase, question_type
from ..source.scoring import answer_key, encode_key, quiz_version, scenario_version
from ..source.text import listing

SECTION_LABELS = {"text": "", "scenario": "Scenario", "example": "Example", "tip": "Tip", "warning": "Warning"}
HOME_LESSON_LINKS = True
"""With modules, the home page lists each module's lesson titles as links under it. Measured at 1,000
lessons in modules of 20: home 90 KB with them (about 80 bytes a lesson), 33 KB without; the limit
is 150 KB. Set False if lesson titles are long enough to bring the home near the limit."""


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page the course adds to the site."""

    src_uri: str
    title: str
    kind: str  # home | module | lesson | quiz | progress | certificate
    ref: str | None = None  # the lesson or quiz id; for a module, its index in course.modules ("0", "1"...)


@dataclass(slots=True)
class RenderedPage:
    html: str
    outline: list[tuple[int, str, str]] = field(default_factory=list)
    """(level, anchor id, title) of the page's headings, for a table of contents."""
    deferred: dict[str, str] = field(default_factory=dict)
    """Placeholder -> HTML put back only in the finished page (quiz forms), so the site
    generator's search indexing never parses them: they are the bulk of a quiz page."""


_DEFERRED = re.compile(r"<!--course-defer-->(.*?)<!--/course-defer-->", re.DOTALL)


def _defer(html: str) -> tuple[str, dict[str, str]]:
    deferred: dict[str, str] = {}

    def hold(match: re.Match) -> str:
        placeholder = f'<div hidden data-course-deferred="{len(deferred)}"></div>'
        deferred[placeholder] = match.group(1)
        return placeholder

    return _DEFERRED.sub(hold, html), deferred


def restore_deferred(html: str, deferred: dict[str, str]) -> str:
    """The finished page with every deferred part back in place."""
    for placeholder, part in deferred.items():
        html = html.replace(placeholder, part, 1)
    return html


def module_slugs(course: Course) -> list[str]:
    """Each module's URL name under modules/: its title in lowercase letters, digits and hyphens,
    made unique with -2, -3..."""
    slugs: list[str] = []
    for module in course.modules:
        base = re.sub(r"[^a-z0-9]+", "-", module.title.lower()).strip("-") or "module"
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.append(slug)
    return slugs


def course_pages(course: Course) -> list[PageSpec]:
    """Every generated page, in navigation order (a module's overview page before its lessons)."""
    pages = [PageSpec("index.md", "Home", "home")]
    lesson_page = lambda lesson: PageSpec(f"{lesson.id}/index.md", lesson.title, "lesson", lesson.id)  # noqa: E731
    if course.modules:
        lessons = {lesson.id: lesson for lesson in course.lessons}
        for i, (module, slug) in enumerate(zip(course.modules, module_slugs(course))):
            pages.append(PageSpec(f"modules/{slug}/index.md", module.title, "module", str(i)))
            pages += [lesson_page(lessons[lesson_id]) for lesson_id in module.lesson_ids]
    else:
        pages += [lesson_page(lesson) for lesson in course.lessons]
    if course.final_quiz:
        pages.append(PageSpec(f"{course.final_quiz.id}/index.md", course.final_quiz.title, "quiz",
                              course.final_quiz.id))
    pages.append(PageSpec("progress/index.md", "Your progress", "progress"))
    pages.append(PageSpec("certificate/index.md", "Certificate", "certificate"))
    return pages


def course_key(course: Course) -> str:
    """A short name for the course, from its title: the SCORM package's identifier and its storage key."""
    return re.sub(r"[^a-z0-9]+", "-", course.title.lower()).strip("-") or "course"


STORAGE_PREFIX = "course-progress:"


def storage_key(course: Course) -> str:
    """Where the learner's browser keeps this course's progress (localStorage); the pages' scripts and the
    SCORM launch page read it from the page (`data-course`) and the course map, never build it themselves."""
    return STORAGE_PREFIX + course_key(course)


def quiz_group(quizzes) -> str:
    """How pages name the quizzes a progress view follows, for the scripts: "quiz-id:version:pass-mark ..."
    (a lesson's quiz is a group of one; a module's row, its lessons' quizzes)."""
    return " ".join(f"{quiz.id}:{quiz_version(quiz)}:{quiz.pass_mark}" for quiz in quizzes)


class _Outline:
    """Collects headings while a template renders and hands out unique anchor ids."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str, str]] = []
        self.used: set[str] = set()

    def anchor(self, title: str, level: int = 2, *, listed: bool = True) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        self.used.add(anchor)
        if listed:
            self.entries.append((level, anchor, title))
        return anchor


class CourseRenderer:
    def __init__(self, course: Course, *, directory_urls: bool = True, allowed_embed_hosts: tuple[str, ...] = ()):
        self.course = course
        self.directory_urls = directory_urls
        self.text = MarkdownText(allowed_embed_hosts)
        self.env = template_environment()
        self.env.filters["md_block"] = self._md_block
        self.env.filters["md_inline"] = self._md_inline
        self.env.globals.update(section_labels=SECTION_LABELS, quiz_group=quiz_group)
        self._templates = {name: self.env.get_template(f"{name}.html")
                           for name in ("home", "module", "lesson", "quiz_page", "progress", "certificate")}
        self._lessons = {lesson.id: lesson for lesson in course.lessons}
        self.modules = [self._module_view(module, slug) for module, slug in zip(course.modules, module_slugs(course))]
        self._positions = {lesson.id: i for i, lesson in enumerate(course.lessons)}
        self._owner = {lesson.quiz_id: lesson for lesson in course.lessons if lesson.quiz_id}
        self.storage_key = storage_key(course)

    # -- URLs -------------------------------------------------------------------------------------
    def url(self, root: str, target: str | None) -> str:
        """A relative URL from a page at `root` depth to a page folder (None: the home page)."""
        if target is None:
            return (root or "./") if self.directory_urls else f"{root}index.html"
        return f"{root}{target}/" if self.directory_urls else f"{root}{target}/index.html"

    @staticmethod
    def root_for(src_uri: str) -> str:
        return "../" * src_uri.count("/")

    # -- pages ------------------------------------------------------------------------------------
    def render(self, page: PageSpec) -> RenderedPage:
        root = self.root_for(page.src_uri)
        self.text.root = root
        outline = _Outline()
        context: dict[str, Any] = dict(course=self.course, root=root, url=lambda t=None: self.url(root, t),
                                       outline=outline, quiz_view=self.quiz_view, storage_key=self.storage_key,
                                       scenario_view=self.scenario_view, scenario_rows=self.scenario_rows,
                                       modules=self.modules, home_lesson_links=HOME_LESSON_LINKS)
        if page.kind == "module":
            index = int(page.ref)
            context.update(module=self.modules[index], number=index + 1,
                           previous=self.modules[index - 1] if index > 0 else None,
                           next=self.modules[index + 1] if index + 1 < len(self.modules) else None)
        elif page.kind == "lesson":
            lesson = self._lessons[page.ref]
            position = self._positions[lesson.id]
            before = self.course.lessons[position - 1] if position > 0 else None
            after = self.course.lessons[position + 1] if position + 1 < len(self.course.lessons) else None
            context.update(lesson=lesson, number=position + 1, quiz=self.course.quiz_for(lesson),
                           scenarios=self.course.scenarios_for(lesson), previous=before, next=after)
        elif page.kind == "quiz":
            context.update(quiz=self.course.quizzes[page.ref], previous=self.course.lessons[-1])
        html = self._templates["quiz_page" if page.kind == "quiz" else page.kind].render(context)
        html, deferred = _defer(html)
        return RenderedPage(html, outline.entries, deferred)

    def _module_view(self, module: Module, slug: str) -> dict[str, Any]:
        """What the home, module, progress and certificate pages show of a module. `group` names its
        quizzes for the progress script in one short attribute: "quiz-id:version:pass-mark ..."."""
        lessons = [self._lessons[lesson_id] for lesson_id in module.lesson_ids]
        quizzes = [self.course.quizzes[lesson.quiz_id] for lesson in lessons if lesson.quiz_id]
        low, high = min((q.pass_mark for q in quizzes), default=0), max((q.pass_mark for q in quizzes), default=0)
        return {
            "title": module.title,
            "target": f"modules/{slug}",
            "lessons": lessons,
            "minutes": sum(lesson.duration_minutes for lesson in lessons),
            "quizzes": quizzes,
            "pass_mark_text": (f"pass mark {low}%" if low == high else f"pass marks {low}–{high}%") if quizzes else "",
            "group": quiz_group(quizzes),
        }

    def quiz_view(self, quiz: Quiz) -> dict[str, Any]:
        """Everything the quiz template shows, with choices in their first-attempt order."""
        key = answer_key(quiz, self._md_inline, self._md_block)
        return {
            "quiz": quiz,
            "version": quiz_version(quiz),
            "key": encode_key(key),
            "questions": [self._question_view(quiz, q, n) for n, q in enumerate(quiz.questions, 1)],
        }

    def scenario_view(self, scenario: Scenario) -> dict[str, Any]:
        """What the role-play template shows: its steps (the start first) and each dimension's range."""
        ranges = scenario.score_ranges()
        start = scenario.nodes[scenario.start]
        return {
            "scenario": scenario,
            "version": scenario_version(scenario),
            "dom_id": f"scenario-{scenario.id}",
            "nodes": [start, *(node for node in scenario.nodes.values() if node is not start)],
            "lows": [low for low, _ in ranges],
            "highs": [high for _, high in ranges],
            "dimensions_text": listing(scenario.dimensions),
        }

    def scenario_rows(self) -> list[dict[str, Any]]:
        """The progress page's role-play rows, in course order."""
        rows = []
        for lesson in self.course.lessons:
            for scenario in self.course.scenarios_for(lesson):
                view = self.scenario_view(scenario)
                rows.append({"lesson": lesson, **{k: view[k] for k in ("scenario", "version", "highs", "lows")}})
        return rows

    def _question_view(self, quiz: Quiz, question: QuestionBase, number: int) -> dict[str, Any]:
        kind = question_type(question)
        return {"q": question, "number": number, "hint": kind.hint, "macro": kind.macro,
                "prompt_inline": self.text.as_single_paragraph(question.prompt), "dom_id": f"{quiz.id}--{question.id}",
                "controls": kind.controls(quiz.id, question, random.Random(f"{quiz.id}/{question.id}"), quiz.shuffle)}

    def _md_block(self, text: str | None) -> Markup:
        return Markup(self.text.block(text))

    def _md_inline(self, text: str | None) -> Markup:
        return Markup(self.text.inline(text))


def template_environment() -> Environment:
    """The one Jinja2 setup every course page uses: autoescaping, and loud failure on a missing name."""
    return Environment(loader=PackageLoader("builder.site", "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_problems(problems: list) -> str:
    """The page shown while previewing a course whose sources have errors."""
    return template_environment().get_template("problems.html").render(problems=problems)
