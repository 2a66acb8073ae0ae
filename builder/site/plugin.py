"""The MkDocs adapter: thin hooks around the validator and the renderer.

MkDocs is imported only in builder/site/ (this module, config.py for the options and sitebuild.py to
run a build), so a move to another static-site generator means replacing this folder's adapter, not
the builder. An architecture test keeps every layer below site/ free of MkDocs.

MkDocs loads this module whenever it reads mkdocs.yml, `course validate` included, which renders nothing:
the renderer, the navigation, the shipped assets and the xAPI settings are imported by the hooks of a build.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from ..source import interface_text
from ..source.brand import BrandPalette, brand_from
from ..source.diagnostics import Checker, Diagnostic, format_report
from ..source.errors import ContentError
from ..source.memo import ValidationMemo
from ..source.project import Project
from ..source.validate import Validation, validate_project
from .branding import STYLESHEET_NAME, apply_brand, brand_stylesheet
from .config import CoursePluginConfig, project_from, project_root, theme_language_written
from .palette_switch import name_palette_toggles

if TYPE_CHECKING:
    from .preview import Preview, ThemeTemplates
    from .render import CourseRenderer, DeferredPart, PageSpec, RenderedPage

log = get_plugin_logger("course")

ASSET_URI = "assets/course"
STYLESHEET = f"{ASSET_URI}/course.css"
BRAND_STYLESHEET = f"{ASSET_URI}/{STYLESHEET_NAME}"

_last_good: dict[Path, tuple[list[PageSpec], list[Any]]] = {}
"""While serving: the pages and navigation of each project's last build without errors. When an edit breaks
the course, every one of those pages is rebuilt showing the problems, so the page a trainer is looking at
reloads with the messages instead of disappearing; fixed, the page comes back. (Kept in the module: a plain
`mkdocs serve` may load the plugin afresh.)"""


class CourseBuildError(ContentError, PluginError):
    """The course's sources have problems: the `course` command reports it like any ContentError, and
    MkDocs (a PluginError) prints its message without a traceback."""


class CoursePlugin(BasePlugin[CoursePluginConfig]):  # type: ignore[no-untyped-call]  # as config.py
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.scripts = "module"
        """How pages load the learners' scripts: ES modules, or classic scripts for file:// (the offline zip)."""
        self.validation: Validation | None = None
        """Handed over by `course build` and the exporters, which validate before starting MkDocs; a plain
        `mkdocs build` or a preview rebuild validates in on_config."""
        self.project: Project | None = None
        self.renderer: CourseRenderer | None = None
        self.problems: list[Diagnostic] = []
        self.pages: dict[str, PageSpec] = {}
        self.deferred: dict[str, dict[str, DeferredPart]] = {}
        self.direction = "ltr"
        self.brand_palette: BrandPalette | None = None
        """The colours of the brand mkdocs.yml gives the course (`brand:`), while it builds (a preview showing
        problems keeps the theme's)."""
        self.preview: Preview | None = None
        """While `course serve` (a dirty `mkdocs serve`) runs: what the last rebuild made, so that the next builds
        only the pages a change affects (preview.py). MkDocs keeps this plugin across rebuilds (it has
        on_startup)."""
        self.memo: ValidationMemo | None = None
        """With the preview: each unchanged file's own checks, kept from the last validation."""
        self.theme_templates: ThemeTemplates | None = None
        """With the preview: the theme's compiled templates and list of files, kept from the last build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if self.serving and dirty:
            from .preview import Preview, ThemeTemplates

            self.preview, self.memo, self.theme_templates = Preview(), ValidationMemo(), ThemeTemplates()
        else:
            self.preview, self.memo, self.theme_templates = None, None, None

    @event_priority(100)  # before the search plugin's on_config, which renders the theme's language templates
    def _on_config_theme(self, config: Any) -> Any:
        if self.theme_templates is not None:
            self.theme_templates.attach(config.theme)
        return config

    def _on_config_course(self, config: Any) -> Any:
        from .navigation import course_nav
        from .render import CourseRenderer, PageSpec, course_pages
        from .xapi import settings_from

        root = project_root(config)
        self.project = project_from(root, self.config)
        xapi = settings_from(self.config.xapi, config.site_url)
        if xapi is not None and not xapi.base:
            raise PluginError(
                "the `xapi` option needs the course's address, which every statement's ids start "
                "with: set `activity_base:` under `xapi:` (or `site_url:` in mkdocs.yml)"
            )
        validation = self.validation
        if validation is None or validation.project != self.project:
            validation = validate_project(self.project, self.memo)
        course, self.problems = validation.course, validation.diagnostics
        for problem in self.problems:
            if not problem.is_error:
                log.warning(str(problem))
        if course is None:
            if not self.serving:
                raise CourseBuildError(self.problems)
            # While previewing, show the problems in the browser and keep the server running.
            log.error(
                "the course cannot be built; the preview shows these problems until they are fixed:\n"
                + format_report(self.problems)
            )
            self.renderer = None
            self.brand_palette = None
            pages, nav = _last_good.get(root, ([PageSpec("index.md", "Problems in the course", "problems")], []))
            self.pages = {page.src_uri: page for page in pages}
            nav = nav or [{page.title: page.src_uri} for page in pages]
        else:
            _follow_course_language(config, course.language)
            self.direction = interface_text.direction(course.language)
            brand = brand_from(self.project.brand)
            if brand is not None:
                apply_brand(config.theme, brand)
            self.brand_palette = brand.palette if brand is not None else None
            self.renderer = CourseRenderer(
                course,
                directory_urls=config.use_directory_urls,
                allowed_embed_hosts=self.project.allowed_embed_hosts,
                scripts=self.scripts,
                xapi=xapi,
                brand_logo=brand.logo if brand is not None else None,
                previewing=self.preview is not None,
            )
            pages = course_pages(course)
            self.pages = {page.src_uri: page for page in pages}
            nav = course_nav(course, pages)
            if self.serving:
                _last_good[root] = (pages, nav)
        name_palette_toggles(config.theme, self._catalogue().text)
        if not config.nav:
            config.nav = nav
        _add_theme_pages(config)
        for stylesheet in (STYLESHEET, BRAND_STYLESHEET) if self.brand_palette else (STYLESHEET,):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        return config

    on_config = CombinedEvent(_on_config_theme, _on_config_course)

    def on_files(self, files: Files, *, config: Any) -> Files:
        from .preview import PreviewedPage, page_inputs, shared_inputs
        from .shipped import shipped_assets

        assert self.project is not None
        is_source = self._source_folder_test()
        for file in list(files):
            if (
                file.abs_src_path
                and Path(file.abs_src_path).suffix in (".yml", ".yaml")
                and is_source(Path(file.abs_src_path).parent)
            ):
                files.remove(file)  # course sources (answer keys included) are never published
        for page in self.pages.values():
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                checker = Checker(
                    self.project.display(Path(existing.abs_src_path)) if existing.abs_src_path else existing.src_uri
                )
                checker.error(
                    (),
                    f"this page would replace the course's generated page '{page.src_uri}'; rename or move it",
                    "page-clash",
                )
                raise CourseBuildError(checker.problems)
            files.append(
                PreviewedPage.generated(
                    config, page.src_uri, content=f"# {escape(page.title)}\n", inclusion=InclusionLevel.INCLUDED
                )
            )
        catalogue = self._catalogue()
        entries = self.renderer.entries if self.renderer is not None else ()
        for name, content in shipped_assets(catalogue, entries):
            files.append(File.generated(config, f"{ASSET_URI}/{name}", content=content))
        if self.brand_palette is not None:
            files.append(File.generated(config, BRAND_STYLESHEET, content=brand_stylesheet(self.brand_palette)))
        if self.preview is not None:
            course = self.renderer.course if self.renderer is not None else None
            shared = shared_inputs(
                course,
                self.pages.values(),
                Path(config.config_file_path).read_bytes(),
                (tuple(self.problems), self.scripts, self.direction),
            )
            built = self.preview.plan(
                files,
                self.pages,
                shared,
                page_inputs(course, self.pages.values()),
                config.site_dir,
            )
            log.info(f"building {built} of the course's {len(self.pages)} pages")
        return files

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is None:
            return html
        rendered = self._render(spec)
        # AnchorLink titles are HTML to MkDocs themes; the outline holds trainers' plain text
        page.toc = TableOfContents(
            [AnchorLink(escape(title), anchor, level) for level, anchor, title in rendered.outline]
        )
        if rendered.deferred:
            self.deferred[page.file.src_uri] = rendered.deferred
        return rendered.html

    @event_priority(50)  # before the search plugin's, which indexes the page under page.meta's title
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        _title_while_written(page, self.pages.get(page.file.src_uri))
        if self.renderer is not None and self.renderer.course.modules and nav is not None:
            context["nav"] = _nav_for(nav)
        return context

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        if self.preview is not None:
            self.preview.note_outputs(files)
        catalogue = self._catalogue()
        env.globals["course_text"] = catalogue.text  # for the theme pages in templates/theme (404.html)
        return env

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # pages built from theme templates (404.html) show the same bounded navigation
        if self.renderer is not None and self.renderer.course.modules and context.get("nav") is not None:
            context["nav"] = _nav_for(context["nav"])
        return context

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        from .render import restore_deferred

        if self.preview is not None:
            self.preview.note_page(page.file.src_uri, config)
        deferred = self.deferred.pop(page.file.src_uri, None)
        output = restore_deferred(output, deferred) if deferred else output
        if page.file.src_uri in self.pages:
            _title_while_written(page, None)
        return _with_direction(output, self.direction)

    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        return _with_direction(output, self.direction) if template_name.endswith(".html") else output

    @event_priority(-100)  # after the search plugin has written its index, which this completes
    def on_post_build(self, *, config: Any) -> None:
        if self.preview is not None:
            self.preview.finish(config)

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            self.preview.forget()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        assert self.project is not None
        # A project's own catalogues change the interface's words, so a save there rebuilds too (a locales/
        # folder made while the preview runs is watched from the next `course serve`).
        for folder in (*self.project.source_dirs(), self.project.locales_path):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def _catalogue(self) -> interface_text.Catalogue:
        """The course's interface words (English while a preview shows problems instead of the course)."""
        return self.renderer.catalogue if self.renderer is not None else interface_text.english()

    def _render(self, spec: PageSpec) -> RenderedPage:
        from .render import RenderedPage

        if self.renderer is None:
            return RenderedPage(_problems_page(self.problems, spec))
        return self.renderer.render(spec)

    def _source_folder_test(self) -> Callable[[Path], bool]:
        """A test of whether a folder is in (or is) one of the course's source folders; it resolves each folder
        once, however many files it holds (a course has a thousand files in a few folders)."""
        assert self.project is not None
        sources = [folder.resolve() for folder in self.project.source_dirs()]

        @functools.cache
        def is_source(folder: Path) -> bool:
            resolved = folder.resolve()
            return any(resolved.is_relative_to(source) for source in sources)

        return is_source


def _title_while_written(page: Any, spec: PageSpec | None) -> None:
    """A course page's escaped title in page.meta while the page itself is written (spec), then none (None).

    Material prints page.meta.title as HTML in <title> (page.title goes through striptags, which would
    unescape it). Held only while the page is written: a navigation item whose page has any meta makes Material
    look up its icon, subtitle, status and encryption, for every item on every page (0.3 s of a 200-lesson
    build without modules, where every page lists every lesson)."""
    if spec is not None:
        page.meta["title"] = escape(spec.title)
    else:
        page.meta.pop("title", None)


THEME_PAGES = Path(__file__).resolve().parent / "templates" / "theme"
"""Pages of the theme's own that the course words in its language (404.html)."""


def _add_theme_pages(config: Any) -> None:
    """Put THEME_PAGES just before the theme's own templates: after a project's `custom_dir`, which still wins."""
    dirs = config.theme.dirs
    if str(THEME_PAGES) in dirs:
        return  # a preview rebuild reuses the theme
    custom = config.theme.custom_dir
    dirs.insert(1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0, str(THEME_PAGES))


def _follow_course_language(config: Any, language: str) -> None:
    """The theme speaks the course's language (its own labels, search, `<html lang>`) unless mkdocs.yml sets
    `theme: language:` itself; a theme without that language keeps its own default.

    Material's footer line "Made with Material for MkDocs" is English in every language (its template writes
    it, not its translations), so a course in another language leaves it out unless mkdocs.yml sets
    `extra: generator:` itself."""
    if not language.lower().startswith("en") and "generator" not in config.extra:
        config.extra["generator"] = False
    if theme_language_written(config.config_file_path) is not None:
        return
    wanted = language.replace("_", "-")
    for candidate in (wanted, wanted.split("-")[0]):
        if any(
            (Path(folder) / "partials" / "languages" / f"{candidate}.html").is_file() for folder in config.theme.dirs
        ):
            config.theme["language"] = candidate
            return


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def _with_direction(html: str, direction: str) -> str:
    """`dir="rtl"` on the page's <html> for a right-to-left course language (Material sets it on <body> only)."""
    if direction != "rtl":
        return html
    return _HTML_TAG.sub(
        lambda m: m.group(0) if "dir=" in m.group(1) else f'<html{m.group(1)} dir="rtl">', html, count=1
    )


def _nav_for(nav: Navigation) -> Navigation:
    """The navigation one page shows in a course with modules: its own module's lessons, and every
    other module as a single link to its first page. Page size then stays bounded however many
    modules a course has, instead of every page linking to every lesson."""
    pruned = copy.copy(nav)
    pruned.items = [item if not isinstance(item, Section) or item.active else _first_link(item) for item in nav.items]
    return pruned


def _first_link(section: Section) -> Section | Link:
    first = next((child for child in section.children if getattr(child, "url", None)), None)
    if first is None:
        return section
    link = Link(section.title, getattr(first, "url"))  # noqa: B009 - StructureItem declares no url; pages have one
    link.parent = section.parent
    return link


def _problems_page(problems: list[Diagnostic], spec: PageSpec) -> str:
    """The banner shown instead of a page while the course has errors (serve only)."""
    from .render import template_environment

    waiting = spec.title if spec.kind != "problems" else None
    return (
        template_environment()
        .get_template("problems.html")
        .render(problems=[p for p in problems if p.is_error], page_title=waiting)
    )
