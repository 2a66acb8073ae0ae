"""Where a course project keeps its sources."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

COURSE_FILE = "course.yml"


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    content_dir: str = "content"
    quizzes_dir: str = "quizzes"

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def quizzes_path(self) -> Path:
        return self.root / self.quizzes_dir

    @property
    def course_file(self) -> Path:
        return self.content_path / COURSE_FILE

    def display(self, path: Path) -> str:
        """A path as trainers see it in messages: relative to the project, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def lesson_files(self) -> list[Path]:
        return [p for p in _yaml_files(self.content_path) if p.name != COURSE_FILE]

    def quiz_files(self) -> list[Path]:
        return _yaml_files(self.quizzes_path)

    def source_dirs(self) -> list[Path]:
        return [self.content_path, self.quizzes_path]


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def embed_hosts(config_file: Path | None) -> tuple[str, ...]:
    """`allow_embeds_from` from mkdocs.yml, read without starting MkDocs (validation needs only this).

    Tags MkDocs understands (`!ENV`, `!!python/name`) are read as nothing here."""
    import yaml

    class _Lenient(yaml.SafeLoader):
        pass

    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    if config_file is None or not config_file.is_file():
        return ()
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient)  # noqa: S506 - SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError):
        return ()  # MkDocs itself reports a broken mkdocs.yml
    plugins = data.get("plugins") if isinstance(data, dict) else None
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("course"), dict):
            hosts = plugin["course"].get("allow_embeds_from")
            return tuple(h for h in hosts if isinstance(h, str)) if isinstance(hosts, list) else ()
    return ()
