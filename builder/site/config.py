"""The project's configuration, read once: mkdocs.yml through MkDocs' own config machinery, and the
`course` plugin's options (under `plugins: - course:`) with their defaults, written here once.

`load_configuration` is what every `course` command starts from (as MkDocs' own commands start from
`load_config`); the plugin builds the same `Project` from the configuration MkDocs hands it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError
from mkdocs.config.defaults import MkDocsConfig

from ..quality.readability import WORDS_PER_MINUTE
from ..quality.registry import DEFAULT_MAX_READING_GRADE, LEVELS
from ..source.errors import ConfigError
from ..source.project import CONFIG_FILE, Project
from ..source.text import suggest

PLUGIN = "course"


class CheckLevels(BaseConfigOption[dict[str, str]]):
    """`check-code: warn | info | ignore` pairs; unknown codes and levels are errors that list the choices."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError("should be a group of `check-code: level` lines, like `reading-level: info`")
        if not value:
            return {}
        # The checks declare their codes as they are imported, which is most of `course check`'s loading:
        # only a project that sets levels needs them while its mkdocs.yml is read (as `course validate` does).
        from ..quality.course_check import CHECK_CODES

        levels: dict[str, str] = {}
        for code, level in value.items():
            if code not in CHECK_CODES:
                raise ValidationError(
                    f"unknown check '{code}'{suggest(str(code), list(CHECK_CODES))}; the checks "
                    f"are: {', '.join(CHECK_CODES)}"
                )
            if level not in LEVELS:
                shown = str(level).lower() if isinstance(level, bool) else level
                raise ValidationError(
                    f"'{shown}' is not a level for '{code}'; use one of: {', '.join(LEVELS)}"
                    f"{suggest(str(shown), list(LEVELS))}"
                )
            levels[code] = level
        return levels


class XapiOption(BaseConfigOption[dict[str, str]]):
    """`xapi: {endpoint, username and password or token, activity_base}` (docs/xapi.md); off when absent."""

    KEYS = ("endpoint", "username", "password", "token", "activity_base")

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None or value == {}:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(
                "should be a group of lines: endpoint, username and password (or token), and activity_base"
            )
        for key in value:
            if key not in self.KEYS:
                raise ValidationError(
                    f"unknown key '{key}'{suggest(str(key), list(self.KEYS))}; the keys are: {', '.join(self.KEYS)}"
                )
        found = {key: str(text).strip() for key, text in value.items() if text is not None and str(text).strip()}
        for key in ("endpoint", "activity_base"):
            if key in found and not re.match(r"^https?://[^/\s]+", found[key]):
                raise ValidationError(f"{key} should be an http:// or https:// address, not '{found[key]}'")
        if "endpoint" not in found:
            raise ValidationError(
                "needs `endpoint`: the address of the LRS's xAPI, such as https://lrs.example.org/xAPI/"
            )
        if "token" in found and ("username" in found or "password" in found):
            raise ValidationError("give either `token` or `username` and `password`, not both")
        if "token" not in found and not ("username" in found and "password" in found):
            raise ValidationError("needs the course's write-only credentials: `username` and `password`, or `token`")
        return found


class BrandOption(BaseConfigOption[Any]):
    """`brand: {color, accent, logo, favicon}`, passed on as written: validation checks it (source/brand.py), so
    that each problem is shown at its line in mkdocs.yml, which MkDocs' own option errors are not."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> object:
        return value


class CoursePluginConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs: untyped __init_subclass__
    content_dir = c.Type(str, default="content")
    """Folder, relative to mkdocs.yml, holding course.yml and one YAML file per lesson."""

    quizzes_dir = c.Type(str, default="quizzes")
    """Folder, relative to mkdocs.yml, holding one YAML file per quiz or role-play."""

    checks = CheckLevels()
    """How `course check` reports each quality check: warn (the default), info or ignore."""

    max_reading_grade = c.Type((int, float), default=DEFAULT_MAX_READING_GRADE)
    """The reading grade (years of schooling) above which `course check` reports a section (`reading-level`)."""

    words_per_minute = c.Type(int, default=WORDS_PER_MINUTE)
    """Reading speed for the lesson time estimates of `course check` and `course report`."""

    allow_embeds_from = c.ListOfItems(c.Type(str), default=[])
    """Hosts whose https video embeds (`<iframe>`) course text may hold, e.g. www.youtube-nocookie.com;
    none by default, so every iframe is removed."""

    xapi = XapiOption()
    """Send xAPI statements to a Learning Record Store (docs/xapi.md); off by default."""

    brand = BrandOption()
    """The organisation's colour, accent, logo and favicon (docs/authoring.md, "Your organisation's brand")."""

    report_failed = c.Type(bool, default=False)
    """Whether a SCORM package reports `failed` once the final assessment's attempts are used up without a pass;
    by default it keeps reporting `incomplete`, since some LMSs lock a learner out of a failed activity."""


def project_from(root: Path, options: CoursePluginConfig) -> Project:
    """The project at `root` as the plugin's (validated) options describe it."""
    return Project(
        root=root,
        content_dir=options.content_dir,
        quizzes_dir=options.quizzes_dir,
        allowed_embed_hosts=tuple(options.allow_embeds_from),
        check_levels=tuple(sorted(dict(options.checks).items())),
        max_reading_grade=float(options.max_reading_grade),
        words_per_minute=options.words_per_minute,
        brand=options.brand,
    )


def project_root(config: MkDocsConfig) -> Path:
    """The folder mkdocs.yml is in: every path of the project is relative to it."""
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()


@dataclass(frozen=True)
class Configuration:
    """A project's configuration as loaded once for a command: MkDocs' own, and the project it describes."""

    mkdocs: MkDocsConfig
    project: Project

    @property
    def plugin(self) -> Any:
        """The course plugin MkDocs made for this configuration (builder.site.plugin.CoursePlugin)."""
        return self.mkdocs.plugins[PLUGIN]


def load_configuration(config_file: Path, command: str) -> Configuration:
    """mkdocs.yml loaded through MkDocs (its problems logged by MkDocs), and the project it configures.

    Raises ConfigError when there is no mkdocs.yml, when it has problems, or when it does not use the
    course plugin; `command` names what was run, for the message."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise ConfigError(
            f"no {CONFIG_FILE} here; run `course {command}` from the course project folder (or create "
            "one with `course init DIR`)"
        )
    try:
        config = load_config(config_file=str(config_file))
    except (MkDocsException, SystemExit):  # Abort is both: MkDocs logged the reasons first
        raise ConfigError(f"{CONFIG_FILE} has problems (listed above); fix them first") from None
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise ConfigError(f"{CONFIG_FILE} does not use the course plugin; add `- {PLUGIN}` under `plugins:`")
    return Configuration(config, project_from(project_root(config), plugin.config))


def project_from_options(root: Path, options: dict[str, Any] | None = None) -> Project:
    """The project at `root` with plugin options given as mkdocs.yml would give them, checked the same way
    (for projects made in code, such as tests and benchmarks)."""
    config = CoursePluginConfig()
    config.load_dict(dict(options or {}))
    errors, _ = config.validate()
    if errors:
        raise ConfigError("; ".join(f"{name}: {error}" for name, error in errors))
    return project_from(root, config)


def theme_language_written(config_file: str | None) -> str | None:
    """The `theme: language:` mkdocs.yml sets itself (None when it leaves the theme's default)."""
    from mkdocs.utils.yaml import yaml_load

    if not config_file or not Path(config_file).is_file():
        return None
    with open(config_file, encoding="utf-8") as handle:
        raw = yaml_load(handle) or {}
    theme = raw.get("theme") if isinstance(raw, dict) else None
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language) if language else None
