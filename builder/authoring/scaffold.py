"""Starting points for trainers: a new course project, a new lesson (with its quiz), a new quiz,
a new role-play.

Every file written here starts with a `# yaml-language-server: $schema=...` line pointing at
the project's `schemas/` folder, so editors with the YAML language server complete keys,
explain them on hover and underline mistakes (see builder/authoring/editor_schema.py). The files
are Jinja2 templates (scaffold_files/); titles go in as YAML double-quoted text, so any title
(backslashes, quotes, colons, `#`, leading dashes, any script) reads back exactly as typed.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..source.errors import ScaffoldError
from ..source.project import COURSE_FILE, Project
from ..source.schema import SLUG_PATTERN
from .editor_schema import DOCUMENTS, SCHEMA_DIR, file_name, modeline, write_schemas

SCAFFOLD = Path(__file__).parent / "scaffold_files"
_NOT_ONE_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
"""Line breaks and control characters: a title is one line of text (course files may not hold controls)."""

VSCODE_SETTINGS = {
    # The builder reads YAML 1.1 (as PyYAML does): `yes` is true there. The editor should agree.
    "yaml.yamlVersion": "1.1",
}
VSCODE_EXTENSIONS = {"recommendations": ["redhat.vscode-yaml"]}


def init_project(directory: Path) -> list[Path]:
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"{directory} already exists and is not empty; choose a new folder")
    source = SCAFFOLD / "project"
    shutil.copytree(source, directory, dirs_exist_ok=True)
    write_schemas(directory / SCHEMA_DIR)
    vscode = directory / ".vscode"
    vscode.mkdir()
    (vscode / "settings.json").write_text(json.dumps(VSCODE_SETTINGS, indent=2) + "\n", encoding="utf-8")
    (vscode / "extensions.json").write_text(json.dumps(VSCODE_EXTENSIONS, indent=2) + "\n", encoding="utf-8")
    return sorted(p for p in directory.rglob("*") if p.is_file())


@dataclass
class NewLesson:
    """What `course new lesson` wrote."""

    lesson: Path
    quiz: Path
    course_file: Path
    schemas: list[Path] = field(default_factory=list)


def new_lesson(project: Project, lesson_id: str, title: str | None) -> NewLesson:
    """Write a lesson and its quiz (`<id>-check`), and add the lesson to course.yml's lessons.

    Everything is checked before anything is written, so a refusal leaves the project as it was.
    """
    _checked(lesson_id)
    title = _checked_title(title, lesson_id)
    quiz_id = f"{lesson_id}-check"
    lesson_path = project.content_path / f"{lesson_id}.yml"
    quiz_path = project.quizzes_path / f"{quiz_id}.yml"
    for path in (lesson_path, quiz_path):
        _refuse_existing(path)
    course_file = project.course_file
    if not course_file.is_file():
        raise ScaffoldError(
            f"there is no {project.display(course_file)} here; run `course new` in a course project "
            "folder (or create one with `course init DIR`)"
        )
    raw = course_file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{project.display(course_file)} is not UTF-8 text; save it as UTF-8 first") from None
    edited = add_lesson_to_course(text, lesson_id, project.display(course_file))
    schemas = _ensure_schemas(project)
    _write(lesson_path, "lesson.yml", lesson_id, title, project, "lesson", quiz=quiz_id)
    _write(quiz_path, "quiz.yml", quiz_id, "Check your understanding", project, "quiz")
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    course_file.write_bytes((bom + edited).encode("utf-8"))
    return NewLesson(lesson_path, quiz_path, course_file, schemas)


def new_quiz(project: Project, quiz_id: str, title: str | None) -> Path:
    path = project.quizzes_path / f"{_checked(quiz_id)}.yml"
    title = _checked_title(title, quiz_id) if title is not None else "Check your understanding"
    _refuse_existing(path)
    _ensure_schemas(project)
    return _write(path, "quiz.yml", quiz_id, title, project, "quiz")


def new_scenario(project: Project, scenario_id: str, title: str | None) -> Path:
    """A small role-play that validates as it is: three steps and three endings to rewrite."""
    path = project.quizzes_path / f"{_checked(scenario_id)}.yml"
    title = _checked_title(title, scenario_id)
    _refuse_existing(path)
    _ensure_schemas(project)
    return _write(path, "scenario.yml", scenario_id, title, project, "quiz")


def _checked(identifier: str) -> str:
    if not SLUG_PATTERN.match(identifier):
        raise ScaffoldError(f"'{identifier}' is not a valid id: use lowercase letters, digits and hyphens")
    return identifier


def _title_from(identifier: str) -> str:
    return identifier.replace("-", " ").capitalize()


def _checked_title(title: str | None, identifier: str) -> str:
    """The title to write: the given one without surrounding spaces, or one made from the id."""
    if title is None:
        return _title_from(identifier)
    found = _NOT_ONE_LINE.search(title)
    if found:
        raise ScaffoldError(
            f"the title should be one line of text, but it holds the character "
            f"U+{ord(found.group()):04X} (a line break or control character)"
        )
    if not title.strip():
        raise ScaffoldError("the title is empty; give it some text or leave out --title")
    return title.strip()


def yaml_text(text: str) -> str:
    """Text as a YAML double-quoted scalar on one line, read back exactly (PyYAML escapes what needs it)."""
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=math.inf).rstrip("\n")


_TEMPLATES = Environment(
    loader=FileSystemLoader(SCAFFOLD), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
)  # YAML, not HTML: values are quoted by yaml_text where needed
_TEMPLATES.filters["yaml_text"] = yaml_text


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise ScaffoldError(f"{path.name} already exists in {path.parent.name}/; choose another id")


def _ensure_schemas(project: Project) -> list[Path]:
    """Write the editor schemas into the project's schemas/ folder if any is missing."""
    folder = project.root / SCHEMA_DIR
    if all((folder / file_name(kind)).is_file() for kind in DOCUMENTS):
        return []
    return write_schemas(folder)


def _write(path: Path, template: str, identifier: str, title: str, project: Project, kind: str, **extra: str) -> Path:
    text = _TEMPLATES.get_template(template).render(
        schema=modeline(path, project.root / SCHEMA_DIR, kind), id=identifier, title=title, **extra
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- adding a lesson id to course.yml, keeping the trainer's comments and layout ------------------


def add_lesson_to_course(text: str, lesson_id: str, shown: str = COURSE_FILE) -> str:
    """course.yml's text with `lesson_id` appended to `lessons` (or to the last module's `lessons`).

    The file is edited as text, not rewritten from data, so comments, quotes and the trainer's
    layout stay as they were: `lessons: [a, b]` becomes `lessons: [a, b, c]`, and a block list
    gets a new `- c` line indented like the item above it.
    """
    manual = f"; add '{lesson_id}' to it by hand"
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise ScaffoldError(f"{shown} is not valid YAML (run `course validate`); the lesson was not created") from None
    lists = _lesson_lists(root)
    if not lists:
        raise ScaffoldError(f"{shown} has no `lessons` list (nor `modules` with lessons){manual}, then run this again")
    listed = [item.value for node in lists for item in node.value if isinstance(item, ScalarNode)]
    if lesson_id in listed:
        raise ScaffoldError(f"lesson '{lesson_id}' is already listed in {shown}; choose another id")
    target = lists[-1]
    newline = "\r\n" if "\r\n" in text else "\n"
    if target.flow_style:
        if target.value:
            at = target.value[-1].end_mark.index
            edited = text[:at] + f", {lesson_id}" + text[at:]
        else:
            at = target.start_mark.index + 1
            edited = text[:at] + lesson_id + text[at:]
    else:
        last = target.value[-1]
        line_start = text.rfind("\n", 0, last.start_mark.index) + 1
        prefix = text[line_start : last.start_mark.index]
        if prefix.strip() != "-" or not isinstance(last, ScalarNode):
            raise ScaffoldError(f"the `lessons` list in {shown} has an unusual layout{manual}")
        line_end = text.find("\n", last.end_mark.index)
        if line_end < 0:
            edited = text + newline + prefix + lesson_id + newline
        else:
            edited = text[: line_end + 1] + prefix + lesson_id + newline + text[line_end + 1 :]
    check = _lesson_lists(yaml.compose(edited, Loader=yaml.SafeLoader))
    if not check or [item.value for item in check[-1].value][-1:] != [lesson_id]:
        raise ScaffoldError(f"could not add the lesson to {shown} safely{manual}")
    return edited


def _lesson_lists(root: Node | None) -> list[SequenceNode]:
    """The sequence nodes that list lesson ids: `lessons`, or each module's `lessons`."""
    if not isinstance(root, MappingNode):
        return []
    found: list[SequenceNode] = []
    for key, value in root.value:
        if key.value == "lessons" and isinstance(value, SequenceNode):
            found.append(value)
        elif key.value == "modules" and isinstance(value, SequenceNode):
            for module in value.value:
                if isinstance(module, MappingNode):
                    found.extend(v for k, v in module.value if k.value == "lessons" and isinstance(v, SequenceNode))
    return found
