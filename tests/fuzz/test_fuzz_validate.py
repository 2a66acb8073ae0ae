"""Fuzzing validation with structured mutations of valid courses.

Each example copies a valid course (the `full` fixture, the `minimal` one or the bundled course),
mutates one of its files, and validates the project the way `course validate` does: keys are
deleted, duplicated, renamed or retyped; values replaced with random Unicode (right-to-left and
zero-width marks included), script payloads, very long strings or deep nesting; anchors and
aliases added; lines duplicated, dropped or broken. The result must be the course or diagnostics
that each point inside the file they name, never another exception; a course that validates must
render every page.
"""

from __future__ import annotations

import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.site.render import CourseRenderer, course_pages, restore_deferred
from tests.support.fuzzing import (
    HOSTILE_TEXT,
    TRICKY_CHARS,
    assert_located,
    data_paths,
    examples,
    tricky_text,
    yaml_noise,
)
from tests.support.projects import load, project_at

REPO = Path(__file__).resolve().parents[2]
PROJECTS = {
    "full": REPO / "tests" / "fixtures" / "courses" / "full",
    "minimal": REPO / "tests" / "fixtures" / "courses" / "minimal",
    "bundled": REPO,
}
KNOWN_KEYS = [
    "id",
    "title",
    "summary",
    "description",
    "duration_minutes",
    "objectives",
    "sections",
    "key_points",
    "quiz",
    "questions",
    "type",
    "prompt",
    "options",
    "text",
    "correct",
    "feedback",
    "explanation",
    "answer",
    "accept",
    "items",
    "pairs",
    "left",
    "right",
    "points",
    "pass_mark",
    "shuffle",
    "lessons",
    "modules",
    "final_quiz",
    "objective",
    "kind",
    "body",
    "language",
]


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    """A copy of each course's sources (YAML and mkdocs.yml only), made once per run."""
    copies = {}
    for name, root in PROJECTS.items():
        target = tmp_path_factory.mktemp(name)
        for folder in ("content", "quizzes"):
            shutil.copytree(root / folder, target / folder, ignore=shutil.ignore_patterns("*.png", "*.jpg"))
        copies[name] = target
    return copies


def _parent(data, path):
    for part in path[:-1]:
        data = data[part]
    return data


def _nested(depth: int):
    value = "x"
    for _ in range(depth):
        value = [value]
    return value


deep_nesting = st.integers(1, 80).map(_nested)
replacements = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    tricky_text,
    st.sampled_from(HOSTILE_TEXT),
    st.text(min_size=1, max_size=40),
    st.sampled_from(
        [
            "x" * 60_000,
            "[" * 3_000,
            "<b>" * 2_000,
            "".join("    " * i + "- x\n" for i in range(80)),
            "\u202e" * 10_000,
            "a\u200bb" * 5_000,
        ]
    ),
    st.lists(tricky_text, max_size=3),
    st.dictionaries(st.sampled_from(KNOWN_KEYS), tricky_text, max_size=3),
    deep_nesting,
)


@st.composite
def mutated_data(draw, data):
    """The file's data with a few structural mutations."""
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in data_paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(data, path), path[-1]
        action = draw(st.sampled_from(["delete", "rename", "retype", "retype", "text", "empty", "copy"]))
        if action == "delete":
            del parent[last]
        elif action == "rename" and isinstance(parent, dict):
            new = draw(
                st.one_of(
                    st.sampled_from(KNOWN_KEYS),
                    tricky_text.filter(bool),
                    st.just(str(last)[:-1] or "x"),
                    st.just(str(last).upper()),
                )
            )
            parent[new] = parent.pop(last)
        elif action == "retype":
            parent[last] = draw(replacements)
        elif action == "text" and isinstance(parent[last], str):
            value = parent[last]
            at = draw(st.integers(0, len(value)))
            parent[last] = value[:at] + draw(st.one_of(tricky_text, st.sampled_from(HOSTILE_TEXT))) + value[at:]
        elif action == "empty":
            parent[last] = type(parent[last])() if isinstance(parent[last], (str, list, dict)) else None
        elif action == "copy" and isinstance(parent, list):
            parent.append(parent[last])
    return data


@st.composite
def mutated_text(draw, text):
    """YAML text with line-level damage: duplicated keys, lost or broken lines, tabs, anchors, noise."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["duplicate", "drop", "tab", "noise", "anchor", "cut", "char"]))
        if action == "duplicate":
            lines.insert(at, lines[at])  # the same key twice in a mapping, or one more list item
        elif action == "drop":
            del lines[at]
        elif action == "tab":
            lines[at] = "\t" + lines[at].lstrip(" ")
        elif action == "noise":
            lines.insert(at, draw(yaml_noise))
        elif action == "anchor" and ": " in lines[at]:
            key, value = lines[at].split(": ", 1)
            lines[at] = f"{key}: &fuzz {value}"
            later = draw(st.integers(at, len(lines)))
            lines.insert(later, f"{' ' * (len(key) - len(key.lstrip()))}{key.strip()}x: *fuzz")
        elif action == "cut":
            lines = lines[:at]
        elif action == "char":
            line = lines[at]
            spot = draw(st.integers(0, len(line)))
            lines[at] = (
                line[:spot]
                + draw(
                    st.sampled_from(
                        [*TRICKY_CHARS, ":", "- ", "'", '"', "[", "{", "&", "*", "#", "|", ">", "%", "@", "`"]
                    )
                )
                + line[spot:]
            )
    return "\n".join(lines)


class _Live(HTMLParser):
    """Event-handler attributes and script elements other than the course's own module scripts."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if any(name.startswith("on") for name in attributes):
            self.found.append(f"<{tag} on…>")
        if tag in ("svg", "iframe", "object", "embed", "base") or (
            tag == "script" and not (attributes.get("src") or "").endswith("assets/course/course.js")
        ):
            self.found.append(f"<{tag}>")


def _validate_and_render(root: Path) -> None:
    project = project_at(root)
    files = {
        project.display(f): f.read_text(encoding="utf-8", errors="replace")
        for f in [project.course_file, *project.lesson_files(), *project.quiz_files()]
        if f.is_file()
    }
    course, problems = load(project)
    assert_located(problems, files)
    assert (course is None) == any(p.is_error for p in problems)
    if course is not None:
        renderer = CourseRenderer(course)
        for spec in course_pages(course):
            rendered = renderer.render(spec)
            html = restore_deferred(rendered.html, rendered.deferred)
            assert _Live(html).found == [], spec.src_uri


def _mutate_one_file(sources, data_draw, mutate_text: bool) -> None:
    name = data_draw(st.sampled_from(sorted(PROJECTS)))
    base = sources[name]
    files = sorted([*(base / "content").glob("*.yml"), *(base / "quizzes").glob("*.yml")])
    target = data_draw(st.sampled_from(files))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / name
        shutil.copytree(base, root)
        file = root / target.relative_to(base)
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        data = data_draw(mutated_data(data))
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        if mutate_text:
            text = data_draw(mutated_text(text))
        file.write_text(text, encoding="utf-8")
        _validate_and_render(root)


@settings(max_examples=examples(250))
@given(st.data())
def test_fuzz_validate_structured_mutations(sources, data):
    _mutate_one_file(sources, data.draw, mutate_text=False)


@settings(max_examples=examples(250))
@given(st.data())
def test_fuzz_validate_mutations_and_broken_yaml(sources, data):
    _mutate_one_file(sources, data.draw, mutate_text=True)


@settings(max_examples=examples(60))
@given(st.data())
def test_fuzz_validate_a_whole_file_of_noise(sources, data):
    name = data.draw(st.sampled_from(sorted(PROJECTS)))
    base = sources[name]
    files = sorted([*(base / "content").glob("*.yml"), *(base / "quizzes").glob("*.yml")])
    target = data.draw(st.sampled_from(files))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / name
        shutil.copytree(base, root)
        (root / target.relative_to(base)).write_text(data.draw(st.one_of(yaml_noise, st.text())), encoding="utf-8")
        _validate_and_render(root)
