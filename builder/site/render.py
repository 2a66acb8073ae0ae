"""Course model -> page HTML, through Jinja2 templates and the typed views of views.py.

The renderer knows pages and URLs but nothing about MkDocs: the plugin asks it for the list of
pages and for each page's HTML and outline. It also writes the pages' script tags, as ES modules
for the web site or as one classic script per entry for pages opened from file:// (`scripts`).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..source import interface_text
from ..source.course_format import SECTION_KINDS
from ..source.interface_text import Catalogue, Slot
from ..source.markdown_text import MarkdownText
from ..source.model import Course, Lesson, Module, Quiz, Scenario
from ..source.questions import QuestionBase, question_type
from ..source.scoring import answer_key, course_version, encode_key, obscure, quiz_version, scenario_version
from ..source.text import UniqueSlugs, count, slugify
from .shipped import BUNDLE
from .views import (
    CertificateView,
    Link,
    ModuleView,
    Pager,
    QuestionView,
    QuizView,
    Requirement,
    ScenarioRow,
    ScenarioView,
)
from .xapi import XapiSettings, page_settings, quiz_activities

SECTION_KINDS_LABELLED = ("scenario", "example", "tip", "warning")
"""Section kinds shown with a label before their title (catalogue key section_<kind>)."""
HOME_LESSON_LINKS = True
"""With modules, the home page lists each module's lesson titles as links under it. Measured at 1,000
lessons in modules of 20: home 90 KB with them (about 80 bytes a lesson), 33 KB without; the limit
is 150 KB. Set False if lesson titles are long enough to bring the home near the limit."""
SCRIPT_KINDS = ("module", "classic")
CERTIFICATE_DENSITIES = {
    "landscape": ((6, "normal"), (12, "compact"), (24, "columns-2"), (36, "columns-3")),
    "portrait": ((10, "normal"), (18, "compact"), (30, "columns-2"), (60, "columns-3")),
}
"""The most rows (quizzes, or modules) each density of the certificate sheet holds on one sheet of A4 or Letter,
by orientation; more rows than the last take four columns (certificate.css sets each density; the print tests
check one sheet at the limits, with long names and titles)."""
STORAGE_PREFIX = "course-progress:"


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page the course adds to the site."""

    src_uri: str
    title: str
    kind: str
    """home | module | lesson | quiz | progress | certificate."""
    ref: str | None = None
    """The lesson's or quiz's id (lesson and quiz pages)."""
    module: int | None = None
    """The module's position in course.modules (module pages)."""


DeferredPart = Callable[[], str]
"""Draws a part of a page that is put in only as the finished page is written (a quiz's form)."""


@dataclass(slots=True)
class RenderedPage:
    html: str
    outline: list[tuple[int, str, str]] = field(default_factory=list)
    """(level, anchor id, title) of the page's headings, for a table of contents."""
    deferred: dict[str, DeferredPart] = field(default_factory=dict)
    """Placeholder -> what draws the HTML put back only in the finished page (quiz forms), so the site
    generator's search indexing never parses them (they are the bulk of a quiz page), and a build holds
    no page's form from the time the page is read until it is written (restore_deferred draws it)."""


def restore_deferred(html: str, deferred: dict[str, DeferredPart]) -> str:
    """The finished page with every deferred part drawn and back in place."""
    for placeholder, part in deferred.items():
        html = html.replace(placeholder, part(), 1)
    return html


def module_slugs(course: Course) -> list[str]:
    """Each module's URL name under modules/: its title in lowercase letters, digits and hyphens,
    made unique with -2, -3..."""
    unique = UniqueSlugs()
    return [unique(module.title, "module") for module in course.modules]


def course_pages(course: Course) -> list[PageSpec]:
    """Every generated page, in navigation order (a module's overview page before its lessons)."""
    t = interface_text.shipped(course.language).with_overrides(course.ui_text).text
    pages = [PageSpec("index.md", t("home"), "home")]

    def lesson_page(lesson: Lesson) -> PageSpec:
        return PageSpec(f"{lesson.id}/index.md", lesson.title, "lesson", lesson.id)

    if course.modules:
        lessons = {lesson.id: lesson for lesson in course.lessons}
        for i, (module, slug) in enumerate(zip(course.modules, module_slugs(course), strict=True)):
            pages.append(PageSpec(f"modules/{slug}/index.md", module.title, "module", module=i))
            pages += [lesson_page(lessons[lesson_id]) for lesson_id in module.lesson_ids]
    else:
        pages += [lesson_page(lesson) for lesson in course.lessons]
    if course.final_quiz:
        pages.append(
            PageSpec(f"{course.final_quiz.id}/index.md", course.final_quiz.title, "quiz", course.final_quiz.id)
        )
    pages.append(PageSpec("progress/index.md", t("your_progress"), "progress"))
    pages.append(PageSpec("certificate/index.md", t("certificate_title"), "certificate"))
    return pages


def course_key(course: Course) -> str:
    """A short name for the course, from its title: the SCORM package's identifier and its storage key."""
    return slugify(course.title, "course")


def storage_key(course: Course) -> str:
    """Where the learner's browser keeps this course's progress (localStorage); the pages' scripts and the
    SCORM launch page read it from the page (`data-course`) and the course map, never build it themselves."""
    return STORAGE_PREFIX + course_key(course)


def quiz_group(quizzes: list[Quiz]) -> str:
    """How pages name the quizzes a progress view follows, for the scripts: "quiz-id:version:pass-mark ..."
    (a lesson's quiz is a group of one; a module's row, its lessons' quizzes)."""
    return " ".join(f"{quiz.id}:{quiz_version(quiz)}:{quiz.pass_mark}" for quiz in quizzes)


class _Outline:
    """Collects headings while a template renders and hands out unique anchor ids."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str, str]] = []
        self.unique = UniqueSlugs()

    def anchor(self, title: str, level: int = 2, *, listed: bool = True) -> str:
        anchor = self.unique(title, "section")
        if listed:
            self.entries.append((level, anchor, title))
        return anchor


class CourseRenderer:
    def __init__(
        self,
        course: Course,
        *,
        directory_urls: bool = True,
        allowed_embed_hosts: tuple[str, ...] = (),
        scripts: str = "module",
        xapi: XapiSettings | None = None,
        brand_logo: str | None = None,
        previewing: bool = False,
    ):
        """`previewing`: made for a rebuild of `course serve`, whose next rebuild keeps most of the model; what is
        worked out from each part of it (the course version's JSON) is remembered for that rebuild."""
        if scripts not in SCRIPT_KINDS:
            raise ValueError(f"scripts must be one of {SCRIPT_KINDS}")
        self.course = course
        self.directory_urls = directory_urls
        self.scripts = scripts
        self.xapi = xapi
        self.brand_logo = brand_logo
        """The brand's logo (mkdocs.yml), on the certificate when course.yml's `certificate:` names none."""
        self.previewing = previewing
        self.text = MarkdownText(allowed_embed_hosts)
        self.catalogue = interface_text.shipped(course.language).with_overrides(course.ui_text)
        self.env = template_environment()
        self.t = t = remembered_text(self.catalogue.text)
        self.env.globals["t"] = t
        self.env.filters.update(md_block=self._md_block, md_inline=self._md_inline)  # for the page's `root`
        self.env.globals.update(
            quiz_group=quiz_group,
            section_labels={
                kind: t(f"section_{kind}") if kind in SECTION_KINDS_LABELLED else "" for kind in SECTION_KINDS
            },
        )
        self._templates = {
            name: self.env.get_template(f"{name}.html")
            for name in ("home", "module", "lesson", "quiz_page", "progress", "certificate")
        }
        self._form = self.env.get_template("_quiz_form.html")
        self._lessons = {lesson.id: lesson for lesson in course.lessons}
        self._positions = {lesson.id: i for i, lesson in enumerate(course.lessons)}
        self.modules = [
            self._module_view(module, slug) for module, slug in zip(course.modules, module_slugs(course), strict=True)
        ]
        self.storage_key = storage_key(course)
        self.entries = script_entries(course, xapi)
        """The entry scripts in the bundle the pages load (shipped.py ships it)."""

    # -- URLs -------------------------------------------------------------------------------------
    def url(self, root: str, target: str | None) -> str:
        """A relative URL from a page at `root` depth to a page folder (None: the home page)."""
        if target is None:
            return (root or "./") if self.directory_urls else f"{root}index.html"
        return f"{root}{target}/" if self.directory_urls else f"{root}{target}/index.html"

    @staticmethod
    def root_for(src_uri: str) -> str:
        return "../" * src_uri.count("/")

    def script(self, root: str) -> Markup:
        """The tag that loads the learners' script bundle (shipped.BUNDLE: every entry script the course needs) on
        a page at `root` depth, as a module for the web site or as a deferred classic script for file://; with the
        `xapi` option, with the LRS's settings (docs/xapi.md)."""
        if self.scripts == "classic":
            tag = Markup('<script defer src="{}assets/course/{}"></script>').format(root, BUNDLE)
        else:
            tag = Markup('<script type="module" src="{}assets/course/{}"></script>').format(root, BUNDLE)
        if self.xapi is None:
            return tag
        settings = page_settings(self.xapi, self.course, self.storage_key).replace("</", "<\\/")
        return tag + Markup('<script type="application/json" id="course-xapi">{}</script>').format(Markup(settings))

    def _page_scripts(self, root: str) -> Callable[[str], Markup]:
        """A page's `script(entry)`: the page's template names each entry script it needs; the first loads the
        bundle, which holds them all, and the others add nothing."""
        asked: list[str] = []

        def script(entry: str) -> Markup:
            if entry not in self.entries:
                raise ValueError(f"the {entry} script is not in this course's bundle {self.entries}")
            asked.append(entry)
            return self.script(root) if len(asked) == 1 else Markup()

        return script

    # -- pages ------------------------------------------------------------------------------------
    def render(self, page: PageSpec) -> RenderedPage:
        root = self.root_for(page.src_uri)
        outline = _Outline()
        context: dict[str, Any] = {
            "course": self.course,
            "root": root,
            "url": lambda t=None: self.url(root, t),
            "script": self._page_scripts(root),
            "outline": outline,
            "storage_key": self.storage_key,
            "modules": self.modules,
            "xapi": self.xapi is not None,
            "home_lesson_links": HOME_LESSON_LINKS,
        }
        deferred: dict[str, DeferredPart] = {}

        def defer(view: QuizView) -> Markup:
            """A placeholder for the quiz's form, which restore_deferred draws as the page is written."""
            placeholder = f'<div hidden data-course-deferred="{len(deferred)}"></div>'
            deferred[placeholder] = functools.partial(self._quiz_form, view.quiz, root)
            return Markup(placeholder)

        context["defer"] = defer
        context.update(self._page_context(page, root, deferred))
        html = self._templates["quiz_page" if page.kind == "quiz" else page.kind].render(context)
        return RenderedPage(html, outline.entries, deferred)

    def _quiz_form(self, quiz: Quiz, root: str) -> str:
        return self._form.render(quiz=quiz, questions=self._question_views(quiz, root), root=root)

    def _page_context(self, page: PageSpec, root: str, deferred: dict[str, DeferredPart]) -> dict[str, Any]:
        """What one kind of page (at `root` depth) shows besides the course (`deferred`: what is put in as the
        page is written)."""
        t = self.t
        if page.kind == "module":
            assert page.module is not None
            return self._module_page(page.module)
        if page.kind == "lesson":
            assert page.ref is not None
            return self._lesson_page(self._lessons[page.ref], root, deferred)
        if page.kind == "quiz":
            quiz = self.course.quizzes[str(page.ref)]
            last = self.course.lessons[-1]
            return {
                "quiz": quiz,
                "quiz_view": self._page_quiz_view(quiz, root, deferred),
                "pager": Pager(
                    t("lessons_heading"),
                    Link(last.id, last.title, t("previous_lesson")),
                    Link("progress", t("your_progress"), t("next")),
                ),
            }
        if page.kind == "progress":
            return {
                "scenario_rows": [
                    ScenarioRow(lesson, self.scenario_view(scenario))
                    for lesson in self.course.lessons
                    for scenario in self.course.scenarios_for(lesson)
                ]
            }
        if page.kind == "certificate":
            requirements = self._requirements()
            return {"requirements": requirements, "certificate": self._certificate_view(len(requirements), root)}
        return {}

    def _lesson_page(self, lesson: Lesson, root: str, deferred: dict[str, DeferredPart]) -> dict[str, Any]:
        t = self.t
        position = self._positions[lesson.id]
        lessons = self.course.lessons
        before = lessons[position - 1] if position > 0 else None
        after = lessons[position + 1] if position + 1 < len(lessons) else None
        quiz = self.course.quiz_for(lesson)
        return {
            "lesson": lesson,
            "number": position + 1,
            "quiz_view": self._page_quiz_view(quiz, root, deferred) if quiz else None,
            "scenario_views": [self.scenario_view(scenario) for scenario in self.course.scenarios_for(lesson)],
            "pager": Pager(
                t("lessons_heading"),
                Link(before.id, before.title, t("previous_lesson")) if before else self._overview(),
                Link(after.id, after.title, t("next_lesson")) if after else self._after_last(),
            ),
        }

    def _module_page(self, index: int) -> dict[str, Any]:
        t = self.t
        modules = self.modules
        before = modules[index - 1] if index > 0 else None
        after = modules[index + 1] if index + 1 < len(modules) else None
        return {
            "module": modules[index],
            "number": index + 1,
            "pager": Pager(
                t("modules_heading"),
                Link(before.target, before.title, t("previous_module")) if before else self._overview(),
                Link(after.target, after.title, t("next_module")) if after else self._after_last(),
            ),
        }

    def _after_last(self) -> Link:
        """Where the last lesson or module leads: the final quiz, else the progress page."""
        final = self.course.final_quiz
        t = self.t
        return Link(final.id, final.title, t("next")) if final else Link("progress", t("your_progress"), t("next"))

    def _overview(self) -> Link:
        """Where the first lesson or module leads back to: the home page."""
        return Link(None, self.t("course_overview"), self.t("back"))

    def _requirements(self) -> list[Requirement]:
        """The quizzes the certificate lists one by one: every lesson's quiz (without modules: with modules,
        each module is one requirement) and the final quiz."""
        required = (
            []
            if self.course.modules
            else [
                Requirement(quiz, lesson.title, lesson.id)
                for lesson in self.course.lessons
                if (quiz := self.course.quiz_for(lesson)) is not None
            ]
        )
        if self.course.final_quiz:
            required.append(Requirement(self.course.final_quiz, self.t("final_quiz"), self.course.final_quiz.id))
        return required

    def _certificate_view(self, requirements: int, root: str) -> CertificateView:
        settings = self.course.certificate
        rows = requirements + sum(1 for module in self.modules if module.quizzes)
        return CertificateView(
            orientation=settings.orientation,
            density=certificate_density(rows, settings.orientation),
            rows=rows,
            statement=certificate_statement(self.catalogue),
            version=course_version(self.course, remember=self.previewing),
            issuer=settings.issuer,
            signatory=settings.signatory,
            logo=root + quote(logo) if (logo := settings.logo or self.brand_logo) else None,
            signature=root + quote(settings.signature) if settings.signature else None,
        )

    def _module_view(self, module: Module, slug: str) -> ModuleView:
        lessons = [self._lessons[lesson_id] for lesson_id in module.lesson_ids]
        quizzes = [self.course.quizzes[lesson.quiz_id] for lesson in lessons if lesson.quiz_id]
        low, high = min((q.pass_mark for q in quizzes), default=0), max((q.pass_mark for q in quizzes), default=0)
        return ModuleView(
            title=module.title,
            target=f"modules/{slug}",
            lessons=lessons,
            minutes=sum(lesson.duration_minutes for lesson in lessons),
            quizzes=quizzes,
            pass_mark_text=(self.t("pass_mark", mark=low) if low == high else self.t("pass_marks", low=low, high=high))
            if quizzes
            else "",
            group=quiz_group(quizzes),
        )

    def quiz_view(self, quiz: Quiz, root: str, *, questions: bool = True, key: str | None = None) -> QuizView:
        """Everything the quiz template shows on a page at `root` depth, choices in their first-attempt order;
        without `questions`, no question views (a page's quiz form is drawn later, from _question_views); with
        `key`, that text in place of the answer key."""
        # the activities hold the right answers (each question's correct-response pattern): obscured like the key
        activities = obscure(quiz_activities(self.xapi, self.course, quiz, self.text.plain)) if self.xapi else ""
        return QuizView(
            quiz=quiz,
            version=quiz_version(quiz),
            key=self._encoded_key(quiz, root) if key is None else key,
            questions=self._question_views(quiz, root) if questions else [],
            xapi=activities,
        )

    def _encoded_key(self, quiz: Quiz, root: str) -> str:
        key = answer_key(
            quiz, lambda text: self.text.inline(text, root=root), lambda text: self.text.block(text, root=root)
        )
        return encode_key(key)

    def _page_quiz_view(self, quiz: Quiz, root: str, deferred: dict[str, DeferredPart]) -> QuizView:
        """The quiz view of a page: its form (`defer` in the template) and its answer key are put in only as the
        page is written (restore_deferred). The key is an attribute of escaped JSON (4.5 KB on a 10-question
        quiz, 270 `&#34;`) that the site generator's search indexing would otherwise parse on every quiz, and
        that a build would hold for every page until it is written. Its placeholder holds NUL characters,
        which course text never does (the loader replaces them) and escaping leaves as they are."""
        placeholder = f"\x00quiz-key:{quiz.id}\x00"
        deferred[placeholder] = functools.partial(self._escaped_key, quiz, root)
        return self.quiz_view(quiz, root, questions=False, key=placeholder)

    def _escaped_key(self, quiz: Quiz, root: str) -> str:
        """The answer key as the template writes an attribute's value (autoescaped)."""
        return str(escape(self._encoded_key(quiz, root)))

    def _question_views(self, quiz: Quiz, root: str) -> list[QuestionView]:
        return [self._question_view(quiz, q, n, root) for n, q in enumerate(quiz.questions, 1)]

    def scenario_view(self, scenario: Scenario) -> ScenarioView:
        """What the role-play template shows: its steps (the start first) and each dimension's range."""
        ranges = scenario.score_ranges()
        start = scenario.nodes[scenario.start]
        nodes = [start, *(node for node in scenario.nodes.values() if node is not start)]
        return ScenarioView(
            scenario=scenario,
            version=scenario_version(scenario),
            dom_id=f"scenario-{scenario.id}",
            nodes=nodes,
            numbers={node.id: n for n, node in enumerate(nodes, 1)},
            lows=[low for low, _ in ranges],
            highs=[high for _, high in ranges],
            dimensions_text=self.catalogue.listing(scenario.dimensions),
        )

    def _question_view(self, quiz: Quiz, question: QuestionBase, number: int, root: str) -> QuestionView:
        kind = question_type(question)
        rng = random.Random(f"{quiz.id}/{question.id}")  # the same first-attempt order on every build
        t = self.t
        return QuestionView(
            question=question,
            number=number,
            hint=t(f"hint_{kind.name}"),
            paper_hint=t(f"paper_hint_{kind.name}") if kind.paper_hint else None,
            macro=kind.macro,
            prompt_inline=self.text.as_single_paragraph(question.prompt, root=root),
            dom_id=f"{quiz.id}--{question.id}",
            controls=kind.controls(quiz.id, question, rng, quiz.shuffle),
        )

    @pass_context
    def _md_block(self, context: Context, text: str | None) -> Markup:
        return Markup(self.text.block(text, root=context["root"]))

    @pass_context
    def _md_inline(self, context: Context, text: str | None) -> Markup:
        return Markup(self.text.inline(text, root=context["root"]))


def remembered_text(text: Callable[..., str]) -> Callable[..., str]:
    """A catalogue's `text`, each message with the same values worked out once: pages repeat them ("Question 3
    of 10" on every quiz, the pass mark on every module), and each number in one is written by Babel (about
    0.1 s of a 200-lesson build). Values are told apart by type too (Markup and str, True and 1); a value that
    cannot be a dictionary key is worked out every time."""

    @functools.cache
    def remembered(key: str, count: tuple[type, int | None], values: tuple[tuple[str, type, Any], ...]) -> str:
        return text(key, count[1], **{name: value for name, _, value in values})

    def t(key: str, n: int | None = None, **values: Any) -> str:
        try:
            return remembered(key, (type(n), n), tuple((name, type(value), value) for name, value in values.items()))
        except TypeError:  # a value that cannot be a dictionary key
            return text(key, n, **values)

    return t


def script_entries(course: Course, xapi: XapiSettings | None) -> tuple[str, ...]:
    """The entry scripts the course's pages need, bundled into the one file they load: the quiz script always
    (every page with a script runs it), the role-play script when the course has role-plays, and xapi.js with
    the `xapi` option."""
    return ("quiz", *(("scenario",) if course.scenarios else ()), *(("xapi",) if xapi is not None else ()))


def certificate_density(rows: int, orientation: str) -> str:
    """How densely the certificate sets `rows` rows to stay on one sheet in `orientation`."""
    return next((density for most, density in CERTIFICATE_DENSITIES[orientation] if rows <= most), "columns-4")


def certificate_statement(catalogue: Catalogue) -> tuple[Slot | tuple[str | Slot, ...], ...]:
    """The certificate's sentence as the sheet sets it: the learner's name and the course's title each on a
    line of their own, in large type, and the words before, between and after them as lines, with the date's
    slot where the language puts it. The sentence stays one message, so each language orders it freely."""
    lines: list[Slot | tuple[str | Slot, ...]] = []
    words: list[str | Slot] = []

    def end_line() -> None:
        if words and isinstance(words[0], str):
            words[0] = words[0].lstrip()
        if words and isinstance(words[-1], str):
            words[-1] = words[-1].rstrip()
        if any(not isinstance(word, str) or word for word in words):
            lines.append(tuple(word for word in words if word))
        words.clear()

    for piece in catalogue.pieces("certificate_statement", "name", "course", "date"):
        if isinstance(piece, Slot) and piece.name in ("name", "course"):
            end_line()
            lines.append(piece)
        else:
            words.append(piece)
    end_line()
    return tuple(lines)


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, by template and source checksum (Jinja2's own check): a renderer made
    for each build of a preview, or for each test, does not compile the same templates again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def template_environment() -> Environment:
    """The one Jinja2 setup every course page uses: autoescaping, and loud failure on a missing name."""
    env = Environment(
        loader=PackageLoader("builder.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
        # each template file is read once per environment (one a build): Jinja would otherwise look at its
        # modification time each time a page includes or imports it (2,000 looks at 200 lessons)
        auto_reload=False,
    )
    env.filters["count"] = count
    env.tests["slot"] = lambda value, name: isinstance(value, Slot) and value.name == name
    return env
