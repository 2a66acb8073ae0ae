"""Options of the `course` MkDocs plugin (in mkdocs.yml under `plugins: - course:`)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..quality.checks import CHECK_CODES, DEFAULT_MAX_READING_GRADE, LEVELS, CheckSettings
from ..quality.readability import WORDS_PER_MINUTE
from ..source.schema import suggest


class CheckLevels(c.BaseConfigOption[dict]):
    """`check-code: warn | info | ignore` pairs; unknown codes and levels are errors that list the choices."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError("should be a group of `check-code: level` lines, like `reading-level: info`")
        levels: dict[str, str] = {}
        for code, level in value.items():
            if code not in CHECK_CODES:
                raise ValidationError(f"unknown check '{code}'{suggest(str(code), list(CHECK_CODES))}; the checks "
                                      f"are: {', '.join(CHECK_CODES)}")
            if level not in LEVELS:
                shown = str(level).lower() if isinstance(level, bool) else level
                raise ValidationError(f"'{shown}' is not a level for '{code}'; use one of: {', '.join(LEVELS)}"
                                      f"{suggest(str(shown), list(LEVELS))}")
            levels[code] = level
        return levels


class CoursePluginConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder, relative to mkdocs.yml, holding course.yml and one YAML file per lesson."""

    quizzes_dir = c.Type(str, default="quizzes")
    """Folder, relative to mkdocs.yml, holding one YAML file per quiz."""

    checks = CheckLevels()
    """How `course check` reports each quality check: warn (the default), info or ignore."""

    max_reading_grade = c.Type((int, float), default=DEFAULT_MAX_READING_GRADE)
    """The Flesch-Kincaid grade above which `course check` reports a section (`reading-level`)."""

    words_per_minute = c.Type(int, default=WORDS_PER_MINUTE)
    """Reading speed for the lesson time estimates of `course check` and `course report`."""

    allow_embeds_from = c.ListOfItems(c.Type(str), default=[])
    """Hosts whose https video embeds (`<iframe>`) course text may hold, e.g. www.youtube-nocookie.com;
    none by default, so every iframe is removed."""

    def check_settings(self) -> CheckSettings:
        return CheckSettings(levels=dict(self.checks), max_reading_grade=float(self.max_reading_grade),
                             words_per_minute=self.words_per_minute)


class ConfigError(Exception):
    """mkdocs.yml could not be read; MkDocs has logged why."""


def load_plugin_config(config_file: Path) -> CoursePluginConfig | None:
    """The `course` plugin's options from a project's mkdocs.yml (None if the plugin is not listed)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config: Any = load_config(config_file=str(config_file))
    except (MkDocsException, SystemExit) as exc:  # Abort is both: MkDocs logged the reasons first
        raise ConfigError(str(exc) or "mkdocs.yml could not be read") from None
    plugin = config.plugins.get("course")
    return plugin.config if plugin is not None else None

