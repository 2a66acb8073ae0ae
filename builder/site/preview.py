"""What a preview rebuild (`course serve`) reuses from the one before: only the pages a change affects are built.

MkDocs keeps a plugin that has `on_startup` across the rebuilds of `mkdocs serve`, and in a dirty build (which
`course serve` asks for) it builds only the files that say they were modified, leaving the rest of its temporary
site folder as the last build wrote it. This module decides which of the course's pages were modified, and mends
what a dirty build alone gets wrong, so that the served site is always what a clean build would give:

- Every page shares some inputs: the navigation (every page's title and place), the course's settings and
  wording, mkdocs.yml and the list of files. When any of them changes, the site folder is emptied and everything
  is built, exactly as a clean build.
- Otherwise a page is built again only when its own inputs changed (`page_inputs`): a lesson page is made from
  the lesson, its quiz and its role-plays; a module page from the module's lessons and their quizzes; the home,
  progress, certificate and final assessment pages from the whole course.
- Files of the last build that this build does not have (a deleted or renamed lesson, image or page) are removed.
- The search index is written again from every page's entries in page order: Material's search plugin indexes
  only the pages it built.

A build that fails forgets everything, so that the next one is a clean build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from ..source.model import Course, Lesson
from .render import CompiledTemplates, PageSpec

SEARCH_PLUGINS = ("search", "material/search")


class ThemeTemplates:
    """The theme's templates across preview rebuilds. MkDocs makes the theme's Jinja2 environment again for every
    build (and Material's search plugin three more), so each would compile the same templates again, and it lists
    every file of the theme's folders to find what to copy (Material has some 14,000, most of them icons). Here the
    compiled templates are kept (Jinja2's bytecode cache, checked against each template's source) and the list of
    files to copy is made once per set of folders: a preview does not watch the theme's folders, so a file added
    there is seen from the next `course serve`, as before."""

    def __init__(self) -> None:
        self.compiled = CompiledTemplates()
        self.listings: dict[tuple[str, ...], list[str]] = {}

    def attach(self, theme: Any) -> None:
        """Make `theme.get_env()` give environments that share what this keeps."""
        make_env = theme.get_env

        def get_env() -> Any:
            env = make_env()
            env.bytecode_cache = self.compiled
            listed = env.list_templates
            folders = tuple(theme.dirs)

            def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                # MkDocs asks once per build, with a filter that depends only on the theme's settings
                if folders not in self.listings:
                    self.listings[folders] = listed(extensions, filter_func)
                return self.listings[folders]

            env.list_templates = list_templates
            return env

        theme.get_env = get_env


class PreviewedPage(File):
    """A page the course generates, which a dirty build writes only when `rebuild` says so (MkDocs calls
    `is_modified` only in dirty builds; a clean build writes every page)."""

    rebuild = True

    def is_modified(self) -> bool:
        return self.rebuild


def shared_inputs(course: Course | None, pages: Iterable[PageSpec], config_text: bytes, extra: Any) -> Any:
    """What every page is made from: the navigation, the course's settings and wording, mkdocs.yml, and `extra`
    (what else the plugin passes to every page, such as its options). Lessons, quizzes and role-plays are left
    out: `page_inputs` names the pages each one reaches."""
    settings = (
        None
        if course is None
        else (
            course.title,
            course.description,
            course.language,
            course.pass_mark,
            course.final_quiz_id,
            course.modules,
            course.certificate,
            course.ui_text,
            len(course.lessons),
        )
    )
    return settings, tuple(pages), config_text, extra


def page_inputs(course: Course | None, pages: Iterable[PageSpec]) -> dict[str, Any]:
    """What each page (by src_uri) is made from besides the shared inputs; compared with `==` (the model is frozen
    dataclasses), so a page whose inputs are equal to the last build's is the same page. When in doubt a page takes
    the whole course: building a page too often costs time, building it too rarely shows a stale page.

    The certificate prints the course's version, a hash of everything learners read, so it takes the whole course.
    The pages that list lessons (home, modules, progress, the final assessment) show no lesson's sections, the part
    trainers edit most, so they take the lessons without them."""
    if course is None:
        return {page.src_uri: None for page in pages}
    lessons = {lesson.id: lesson for lesson in course.lessons}
    listing = None
    inputs: dict[str, Any] = {}
    for page in pages:
        if page.kind == "certificate":
            inputs[page.src_uri] = course
        elif page.kind == "lesson" and page.ref is not None:
            lesson = lessons[page.ref]
            inputs[page.src_uri] = lesson, course.quiz_for(lesson), course.scenarios_for(lesson)
        elif page.kind == "module" and page.module is not None:
            module = course.modules[page.module]
            inputs[page.src_uri] = (
                module,
                tuple((_listed(lessons[i]), course.quiz_for(lessons[i])) for i in module.lesson_ids),
            )
        else:
            if listing is None:
                listing = tuple(_listed(lesson) for lesson in course.lessons), course.quizzes, course.scenarios
            inputs[page.src_uri] = listing
    return inputs


def _listed(lesson: Lesson) -> Lesson:
    """A lesson as a list of lessons shows it: without its sections."""
    return replace(lesson, sections=())


@dataclass
class _Build:
    """What one build found, kept once it has finished."""

    shared: Any
    pages: dict[str, Any]
    outputs: set[str] = field(default_factory=set)
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    clean: bool = True
    """Everything built from an empty folder: the search plugin's own index is then whole."""


@dataclass
class Preview:
    """The state `course serve` keeps between rebuilds; the plugin calls one method per MkDocs event."""

    last: _Build | None = None
    current: _Build | None = None
    _indexed: int = 0

    def plan(
        self, files: Files, pages: Mapping[str, PageSpec], shared: Any, inputs: Mapping[str, Any], site_dir: str
    ) -> int:
        """Mark which of the course's pages (`PreviewedPage`s in `files`) this build writes; empties the site folder
        when the shared inputs changed. Returns how many pages will be built."""
        documents = tuple(file.src_uri for file in files.documentation_pages())
        build = _Build((shared, documents), dict(inputs), order=list(documents))
        last = self.last
        build.clean = last is None or last.shared != build.shared
        if build.clean or last is None:
            clean_directory(site_dir)
            earlier: dict[str, Any] = {}
        else:
            earlier = last.pages
            kept = set(documents)  # the pages this build skips keep their search entries
            build.search = {uri: entries for uri, entries in last.search.items() if uri in kept}
        built = 0
        for uri in pages:
            file = files.get_file_from_path(uri)
            if isinstance(file, PreviewedPage):
                file.rebuild = build.clean or earlier.get(uri, _UNSET) != inputs[uri]
                built += file.rebuild
        self.current = build
        self._indexed = 0
        return built

    def note_outputs(self, files: Files) -> None:
        """Remember every file this build has, to remove what the next build no longer has."""
        if self.current is not None:
            self.current.outputs = {file.abs_dest_path for file in files}

    def note_page(self, src_uri: str, config: Any) -> None:
        """After a page is built: keep the search entries the search plugin made for it."""
        index = _search_index(config)
        if self.current is None or index is None:
            return
        self.current.search[src_uri] = index.entries[self._indexed :]
        self._indexed = len(index.entries)

    def finish(self, config: Any) -> None:
        """After the build: remove the files of the last build that this one does not have, write the whole search
        index (a dirty build's: the search plugin indexed only the pages it built), and keep this build."""
        build = self.current
        if build is None:
            return
        if self.last is not None:
            for stale in sorted(self.last.outputs - build.outputs, reverse=True):
                _remove(Path(stale), Path(config.site_dir))
        plugin = _search_plugin(config)
        if plugin is not None and not build.clean:  # a clean build's index, as the plugin wrote it, is whole
            index = plugin.search_index
            index.entries = [entry for uri in build.order for entry in build.search.get(uri, [])]
            target = Path(config.site_dir) / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(index.generate_search_index(None).encode("utf-8"))
        if plugin is not None:
            plugin.search_index_prev = None  # its own merging of dirty builds is what this replaces
        self.last, self.current = build, None

    def forget(self) -> None:
        """After a failed build: the next one starts clean."""
        self.last = self.current = None


_UNSET = object()


def _search_plugin(config: Any) -> Any:
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            return plugin
    return None


def _search_index(config: Any) -> Any:
    plugin = _search_plugin(config)
    return plugin.search_index if plugin is not None else None


def _remove(path: Path, site: Path) -> None:
    """Remove a file of an earlier build, and the folders it leaves empty (never `site` itself)."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != site and folder.is_relative_to(site) and folder.is_dir() and not any(folder.iterdir()):
        os.rmdir(folder)
        folder = folder.parent
