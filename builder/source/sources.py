"""The course files as validation loaded them: each file's YAML, the format it was checked against, its
cleaned data and its problems. `course check` and `course report` read them instead of the YAML again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Checker, DataPath, SourceLocation
from .loader import Document
from .project import Project
from .schema import INVALID, Record


@dataclass(slots=True)
class SourceFile:
    """One course file as loaded and checked: its YAML (None if unreadable), the format it was checked
    against, its cleaned data (INVALID when it has errors) and the checker holding its problems."""

    file: Path
    checker: Checker
    doc: Document | None = None
    record: Record | None = None
    data: Any = INVALID
    origins: dict[DataPath, SourceLocation] = field(default_factory=dict)
    """Where the values the course model records as origins were written, found while the file was checked
    (validate.model_paths), before its places were set aside: the model is built without reading them again."""

    @property
    def stem(self) -> str:
        return self.file.stem

    def origin(self, *path: Any) -> SourceLocation:
        """Where the value at `path` was written (as Document.location)."""
        found = self.origins.get(path)
        if found is not None:
            return found
        return self.doc.location(path) if self.doc is not None else SourceLocation(self.checker.file)

    def raw(self, *path: Any) -> Any:
        """A value as written, even when other parts of the file are invalid (None where there is none)."""
        value = self.doc.data if self.doc is not None else None
        for part in path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    def raw_list(self, *path: Any) -> list[Any]:
        value = self.raw(*path)
        return value if isinstance(value, list) else []

    def raw_text(self, *path: Any) -> str | None:
        """A scalar as the trainer typed it (`quiz: 12`, `final_quiz: no`: the text the cleaned data keeps too)."""
        value = self.checker.as_written(path, self.raw(*path))
        return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass(slots=True)
class Sources:
    """Every file validation read, by its path as trainers see it."""

    project: Project
    course_file: SourceFile
    lessons: dict[str, SourceFile] = field(default_factory=dict)
    quizzes: dict[str, SourceFile] = field(default_factory=dict)
    scenarios: dict[str, SourceFile] = field(default_factory=dict)
    _by_display: dict[str, SourceFile] = field(default_factory=dict)

    def files(self) -> Iterator[SourceFile]:
        yield self.course_file
        yield from (*self.lessons.values(), *self.quizzes.values(), *self.scenarios.values())

    def document(self, display: str) -> Document | None:
        if not self._by_display:
            self._by_display.update((f.checker.file, f) for f in self.files())
        found = self._by_display.get(display)
        return found.doc if found is not None else None

    def checker(self, display: str) -> Checker:
        """A new checker for findings about a file (the validation's own problems stay where they are)."""
        return Checker(display, self.document(display))

    def listed_lessons(self) -> list[tuple[str, DataPath]]:
        """Lesson ids as course.yml lists them (flat or in modules), each with the path it is written at."""
        course = self.course_file
        found: list[tuple[str, DataPath]] = []
        lists = [("lessons",)] + [
            ("modules", i, "lessons") for i, m in enumerate(course.raw_list("modules")) if isinstance(m, dict)
        ]
        for path in lists:
            for index in range(len(course.raw_list(*path))):
                lesson_id = course.raw_text(*path, index)
                if lesson_id is not None:
                    found.append((lesson_id, (*path, index)))
        return found
