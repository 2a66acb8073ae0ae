"""A small declarative schema language for the course format.

Each `Kind` checks one raw YAML value, reports problems in a trainer's words at the value's source
location (through the file's `Checker`), and returns the cleaned value (or `INVALID`). The same
definitions describe the format for editors: every kind gives its JSON Schema (draft-07), and the few
rules across values that draft-07 can also say sit on the kinds themselves (`json_extra`), so the
format is written down once (builder/source/course_format.py).

JSON Schema cannot say everything a kind checks; where the two differ, the schema is the more
lenient one (so an editor never marks a file that `course validate` accepts) except in the few
cases listed in `docs/authoring.md` ("What the editor cannot check").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from .diagnostics import Checker, DataPath
from .text import describe, slugify, suggest


class _Invalid(enum.Enum):
    """What a kind returns for a value it reported as wrong (falsy, so `if cleaned:` reads naturally)."""

    INVALID = "INVALID"

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Literal[_Invalid.INVALID] = _Invalid.INVALID
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

JSON_TEXT_TYPES = ["string", "number", "boolean"]
"""Text may be a plain YAML scalar that YAML reads as a number or a boolean (`12`, `yes`): the
validator keeps what the trainer typed, so the schema accepts those types too."""
_JSON_NOT_BLANK = r"\S"
_JSON_ONE_LINE = r"^\s*\S(?:[^\n]*\S)?\s*$"
_JSON_SLUG = r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$"


def _slug_example(text: str) -> str:
    """', like 'a-valid-id'' for text that is not an id, or nothing when no letter or digit is left."""
    hint = slugify(text, "")
    return f", like '{hint}'" if hint else ""


def _at_least(count: int, what: str) -> str:
    return f"at least {count} {what}s" if count > 1 else f"at least one {what}"


@dataclass(frozen=True)
class Kind:
    """What one value may be. `json_extra` adds rules across values to the editor schema only (validation
    checks them in code, with its own messages: see where each is used)."""

    json_extra: Mapping[str, Any] = field(default_factory=dict, kw_only=True)

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:  # pragma: no cover - abstract
        """The cleaned value, or INVALID after reporting what is wrong."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema (draft-07) of the values this kind accepts."""
        return {**self._json_schema(), **self.json_extra}

    @cached_property
    def holds_markdown(self) -> bool:
        """Whether a value of this kind can hold Markdown text anywhere inside it (see `markdown_fields`)."""
        return False

    def _json_schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Kind):
    """Text; `markdown` says whether it is rendered as inline or block Markdown."""

    markdown: str | None = None  # None | "inline" | "block"
    single_line: bool = False

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if isinstance(value, (dict, list)) or value is None:
            checker.error(path, f"should be text, but is {describe(value)}", "type")
            return INVALID
        if not isinstance(value, str):
            value = str(checker.as_written(path, value))  # keep what the trainer typed
        stripped = value.strip()
        if not stripped:
            checker.error(path, "is empty; write some text or remove the key", "empty")
            return INVALID
        if self.single_line and "\n" in stripped:
            checker.error(path, "should fit on one line", "multiline")
            return INVALID
        return stripped if self.markdown != "block" else value

    @cached_property
    def holds_markdown(self) -> bool:
        return bool(self.markdown)

    def _json_schema(self) -> dict[str, Any]:
        pattern = _JSON_ONE_LINE if self.single_line else _JSON_NOT_BLANK
        return {"type": list(JSON_TEXT_TYPES), "pattern": pattern}


INLINE = Text(markdown="inline")
"""Inline Markdown: emphasis, code and links, never paragraphs or lists (options, feedback, key points)."""
BLOCK = Text(markdown="block")
"""Block Markdown: paragraphs, lists, tables, code (section bodies, prompts, explanations)."""
ONE_LINE = Text(single_line=True)


@dataclass(frozen=True)
class Slug(Kind):
    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        text = ONE_LINE.check(value, path, checker)
        if text is INVALID:
            return INVALID
        if not SLUG_PATTERN.match(text):
            example = _slug_example(text)
            checker.error(
                path, f"'{text}' is not a valid id: use lowercase letters, digits and hyphens{example}", "slug"
            )
            return INVALID
        return text

    def _json_schema(self) -> dict[str, Any]:
        # `id: 12` is a number to YAML but the validator keeps the digits as the id
        return {"type": ["string", "integer"], "pattern": _JSON_SLUG, "minimum": 0}


def _out_of_range(value: float, low: float | None, high: float | None) -> str | None:
    """ "should be ..." when `value` is outside low..high, else None."""
    if (low is None or value >= low) and (high is None or value <= high):
        return None
    if high is None:
        return "should be a positive whole number" if low == 1 else f"should be at least {low}"
    if low is None:
        return f"should be at most {high}"
    return f"should be between {low} and {high}"


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                checker.error(path, f"should be a whole number, but is {describe(value)}", "type")
                return INVALID
        wanted = _out_of_range(value, self.minimum, self.maximum)
        if wanted:
            checker.error(path, f"{wanted}; found {value}", "range")
            return INVALID
        return value

    def _json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


@dataclass(frozen=True)
class Number(Kind):
    """A number, whole or with decimals (`30`, `2.5`, `-4`); never text that looks like one."""

    minimum: float | None = None

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            hint = " (write it without quotes)" if isinstance(value, str) and _looks_numeric(value) else ""
            checker.error(path, f"should be a number, but is {describe(value)}{hint}", "type")
            return INVALID
        if value != value or value in (float("inf"), float("-inf")):  # YAML's .nan and .inf
            checker.error(path, f"should be a number you can write down, but is {value}", "type")
            return INVALID
        if self.minimum is not None and value < self.minimum:
            checker.error(path, f"should be {self.minimum:g} or more; found {value:g}", "range")
            return INVALID
        return value

    def _json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return schema


def _looks_numeric(text: str) -> bool:
    return re.fullmatch(r"\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)\s*", text) is not None


@dataclass(frozen=True)
class Boolean(Kind):
    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, bool):
            checker.error(path, f"should be true or false, but is {describe(value)}", "type")
            return INVALID
        return value

    def _json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Kind):
    values: tuple[str, ...] = ()

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        text = ONE_LINE.check(value, path, checker)
        if text is INVALID:
            return INVALID
        if text not in self.values:
            checker.error(
                path,
                f"'{text}' is not allowed here; use one of: {', '.join(self.values)}{suggest(text, list(self.values))}",
                "choice",
            )
            return INVALID
        return text

    def _json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


def _too_few(found: int, min_items: int, what: str, path: DataPath, checker: Checker) -> bool:
    """Reports a list or group with fewer than `min_items` entries; whether it had too few."""
    if found >= min_items:
        return False
    checker.error(path, f"needs {_at_least(min_items, what)}; found {found}", "too-few")
    return True


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0
    what: str = "item"
    max_items: int | None = None

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, list):
            if self.min_items and isinstance(value, (str, int)) and not isinstance(value, bool):
                checker.error(
                    path, f"should be a list (write `- ` before each {self.what}), but is {describe(value)}", "type"
                )
            else:
                checker.error(path, f"should be a list, but is {describe(value)}", "type")
            return INVALID
        too_few = _too_few(len(value), self.min_items, self.what, path, checker)
        too_many = self.max_items is not None and len(value) > self.max_items
        if too_many:
            checker.error(
                path,
                f"has {len(value)} {self.what}s, more than the {self.max_items} allowed; keep the most useful ones",
                "too-many",
            )
        items = [self.item.check(v, (*path, i), checker) for i, v in enumerate(value)]
        if too_few or too_many or any(v is INVALID for v in items):
            return INVALID
        return items

    @cached_property
    def holds_markdown(self) -> bool:
        return self.item.holds_markdown

    def _json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        return schema


@dataclass(frozen=True)
class CountOrCounts(Kind):
    """A whole number, or a group of whole numbers each under a name the trainer chose (any text on one line,
    such as `lesson/objective`): `draw: 5` or `draw: {caring: 2, integrity: 1}`."""

    count: Integer
    what: str = "entry"

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            if isinstance(value, (list, str)):
                checker.error(
                    path,
                    f"should be a whole number, or a group of whole numbers by {self.what} "
                    f"(like `{self.what}-id: 2`), but is {describe(value)}",
                    "type",
                )
                return INVALID
            return self.count.check(value, path, checker)
        if _too_few(len(value), 1, self.what, path, checker):
            return INVALID
        result: dict[str, Any] = {}
        for name, item in value.items():
            result[str(name)] = self.count.check(item, (*path, name), checker)
        return INVALID if any(item is INVALID for item in result.values()) else result

    def _json_schema(self) -> dict[str, Any]:
        number = self.count.json_schema()
        return {"oneOf": [number, {"type": "object", "additionalProperties": number, "minProperties": 1}]}


@dataclass(frozen=True)
class MapOf(Kind):
    """A group of keys the trainer names (ids such as role-play node ids), each holding an `item`."""

    item: Kind
    min_items: int = 0
    what: str = "entry"

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            checker.error(
                path,
                f"should be a group of named {self.what}s (like `first-{self.what}: ...`), but is {describe(value)}",
                "type",
            )
            return INVALID
        ok = not _too_few(len(value), self.min_items, self.what, path, checker)
        result: dict[str, Any] = {}
        for name, item in value.items():
            if not isinstance(name, str) or not SLUG_PATTERN.match(name):
                example = _slug_example(str(name))
                checker.error(
                    (*path, name),
                    f"'{name}' is not a valid {self.what} id: use lowercase letters, digits and hyphens{example}",
                    "slug",
                    key=True,
                )
                ok = False
            result[name] = self.item.check(item, (*path, name), checker)
            ok = ok and result[name] is not INVALID
        return result if ok else INVALID

    @cached_property
    def holds_markdown(self) -> bool:
        return self.item.holds_markdown

    def _json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN.pattern},
            "additionalProperties": self.item.json_schema(),
        }
        if self.min_items:
            schema["minProperties"] = self.min_items
        return schema


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    default: Any = None

    def json_schema(self) -> dict[str, Any]:
        """The kind's schema with this field's description (shown on hover) and default."""
        schema = {"description": self.description, **self.kind.json_schema()}
        if self.default is not None:
            schema["default"] = list(self.default) if isinstance(self.default, tuple) else self.default
        return schema


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": {f.name: f.json_schema() for f in fields}}
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def check_keys(
    value: dict[str, Any],
    path: DataPath,
    checker: Checker,
    fields: Mapping[str, Field],
    hints: Mapping[str, str] = {},
    exactly_one_of: tuple[tuple[str, ...], ...] = (),
) -> Any:
    """A group of keys: unknown keys (with a hint or a spelling suggestion), each known key checked, required
    keys present, defaults for the others, and exactly one key of each `exactly_one_of` group. `fields` are
    the known keys' fields by name, in the order they are checked."""
    ok = True
    for key in value:
        if key not in fields:
            extra = hints.get(key) or suggest(key, list(fields))
            checker.error((*path, key), f"unknown key '{key}'{extra}", "unknown-key", key=True)
            ok = False
    result: dict[str, Any] = {}
    for f in fields.values():
        if f.name in value:
            cleaned = f.kind.check(value[f.name], (*path, f.name), checker)
            if cleaned is INVALID:
                ok = False
            result[f.name] = cleaned
        elif f.required:
            about = f.description[0].lower() + f.description[1:].rstrip(".")
            checker.error(path, f"missing required key '{f.name}': {about}", "missing")
            ok = False
        else:
            result[f.name] = f.default
    for group in exactly_one_of:
        given = [name for name in group if name in value]
        if not given:
            others = " or ".join(f"'{name}'" for name in group[1:])
            checker.error(path, f"missing required key '{group[0]}' (or {others})", "missing")
            ok = False
        elif len(given) > 1:
            checker.error((*path, given[1]), f"use either '{given[0]}' or '{given[1]}', not both", "conflict", key=True)
            ok = False
    return result if ok else INVALID


@dataclass(frozen=True)
class Record(Kind):
    """A group of keys; unknown keys are errors with a spelling suggestion."""

    fields: tuple[Field, ...] = ()
    what: str = "this"
    hints: Mapping[str, str] = field(default_factory=dict)
    """Extra words for unknown keys that belong elsewhere (e.g. a field of another question type)."""
    exactly_one_of: tuple[tuple[str, ...], ...] = ()
    """Groups of alternative keys: exactly one key of each group must be given."""

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            checker.error(path, f"should be a group of keys (like `title: ...`), but is {describe(value)}", "type")
            return INVALID
        return check_keys(value, path, checker, self._by_name, self.hints, self.exactly_one_of)

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    @cached_property
    def markdown_keys(self) -> tuple[Field, ...]:
        """The fields that can hold Markdown."""
        return tuple(f for f in self.fields if f.kind.holds_markdown)

    @cached_property
    def holds_markdown(self) -> bool:
        return bool(self.markdown_keys)

    def _json_schema(self) -> dict[str, Any]:
        schema = _object_schema(self.fields)
        groups = [{"oneOf": [{"required": [name]} for name in group]} for group in self.exactly_one_of]
        if len(groups) == 1:
            schema.update(groups[0])
        elif groups:
            schema["allOf"] = groups
        return schema


@dataclass(frozen=True)
class Variants(Kind):
    """A group of keys whose allowed keys depend on a discriminator such as `type`."""

    discriminator: Field
    common: tuple[Field, ...] = ()
    variants: Mapping[str, tuple[Field, ...]] = field(default_factory=dict)
    what: str = "entry"
    """How one is called in messages: "a true_false question has no 'accept'"."""

    def fields_for(self, variant: str) -> tuple[Field, ...]:
        return (self.discriminator, *self.common, *self.variants[variant])

    @cached_property
    def markdown_keys(self) -> dict[str, tuple[Field, ...]]:
        """The fields that can hold Markdown, by variant."""
        return {
            variant: tuple(f for f in self.fields_for(variant) if f.kind.holds_markdown) for variant in self.variants
        }

    @cached_property
    def holds_markdown(self) -> bool:
        return any(self.markdown_keys.values())

    def variant_of(self, value: Any) -> str | None:
        """The variant a raw value names, if it names a known one."""
        variant = value.get(self.discriminator.name) if isinstance(value, dict) else None
        return variant if isinstance(variant, str) and variant in self.variants else None

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            checker.error(path, f"should be a group of keys (like `id: ...`), but is {describe(value)}", "type")
            return INVALID
        key = self.discriminator.name
        if key not in value:
            checker.error(path, f"missing required key '{key}' (one of: {', '.join(self.variants)})", "missing")
            return INVALID
        variant = self._variant_choice.check(value[key], (*path, key), checker)
        if variant is INVALID:
            return INVALID
        return check_keys(value, path, checker, self._by_name[variant], self._hints[variant])

    # What `check` needs of the variants, worked out once rather than for each of a course's thousands of values

    @cached_property
    def _by_name(self) -> dict[str, dict[str, Field]]:
        return {variant: {f.name: f for f in self.fields_for(variant)} for variant in self.variants}

    @cached_property
    def _variant_choice(self) -> Choice:
        return Choice(values=tuple(self.variants))

    @cached_property
    def _hints(self) -> dict[str, dict[str, str]]:
        """For each variant, the words for each key only other variants have: "(a true_false question has
        no 'accept'; short_text questions use it)"."""
        hints: dict[str, dict[str, str]] = {}
        for variant, fields in self.variants.items():
            own = {f.name for f in fields}
            users: dict[str, list[str]] = {}
            for other, other_fields in self.variants.items():
                for f in other_fields:
                    if f.name not in own:
                        users.setdefault(f.name, []).append(other)
            hints[variant] = {
                name: f" (a {variant} {self.what} has no '{name}'; {' and '.join(kinds)} {self.what}s use it)"
                for name, kinds in users.items()
            }
        return hints

    def _json_schema(self) -> dict[str, Any]:
        """The discriminator and common keys, then one `if type is X then ...` per variant.

        Editors (the YAML language server) follow the matching `then`, so once `type:` is set they
        offer and explain only that variant's keys; each `then` lists every key its variant allows.
        """
        key = self.discriminator.name
        base = _object_schema((self.discriminator, *self.common))
        del base["additionalProperties"]  # each variant's `then` closes the key list
        branches = []
        for variant, own in self.variants.items():
            then = _object_schema(own)
            then["properties"] = {**{f.name: True for f in (self.discriminator, *self.common)}, **then["properties"]}
            branches.append({"if": {"properties": {key: {"const": variant}}, "required": [key]}, "then": then})
        base["allOf"] = branches
        return base


@dataclass(frozen=True)
class Deferred(Kind):
    """A kind made the first time a value is checked against it or its schema is written, for one that costs
    to make: the interface messages of `ui_text` come from reading the English catalogue, which a course
    without `ui_text` never needs. Whether it can hold Markdown is said up front, so looking for Markdown
    fields does not make it."""

    make: Callable[[], Kind]
    markdown_inside: bool = False

    @cached_property
    def kind(self) -> Kind:
        return self.make()

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        return self.kind.check(value, path, checker)

    @cached_property
    def holds_markdown(self) -> bool:
        return self.markdown_inside

    def _json_schema(self) -> dict[str, Any]:
        return self.kind.json_schema()


@dataclass(frozen=True)
class ByKey(Kind):
    """Formats one file may have, chosen by a key's value (`kind: scenario` makes a quiz file a role-play).

    Without the key a file is read in the `default` format. A file whose value is misspelt (`kind:
    scenaro`) and that holds another format's telltale keys (and none of the default's) is read in that
    format, so the misspelling is its one problem; a default-format file holding another format's
    telltale keys is told which value of the key it needs."""

    key: str
    default: str
    formats: Mapping[str, Record] = field(default_factory=dict)
    telltales: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Keys only files of one format have, by format: {"quiz": ("questions",), "scenario": ("nodes", ...)}."""

    def format_of(self, value: Any) -> Record:
        """The format to check a raw file against."""
        raw = value if isinstance(value, dict) else {}
        chosen = raw.get(self.key)
        chosen = chosen.strip() if isinstance(chosen, str) else None
        if chosen is not None and chosen in self.formats and chosen != self.default:
            return self.formats[chosen]
        base = self.formats[self.default]
        if any(k in raw for k in self.telltales.get(self.default, ())):
            return base
        for name, record in self.formats.items():
            if name == self.default or not any(k in raw for k in self.telltales.get(name, ())):
                continue
            if chosen is not None and chosen not in self.formats:
                return record  # a misspelt value on a file that is clearly of this format
            hint = f" (a {record.what} needs `{self.key}: {name}`)"
            own = {f.name for f in base.fields}
            return replace(base, hints={f.name: hint for f in record.fields if f.name not in own})
        return base

    def check(self, value: Any, path: DataPath, checker: Checker) -> Any:
        return self.format_of(value).check(value, path, checker)

    @cached_property
    def holds_markdown(self) -> bool:
        return any(record.holds_markdown for record in self.formats.values())

    def _json_schema(self) -> dict[str, Any]:
        schema = self.formats[self.default].json_schema()
        for name, record in reversed(list(self.formats.items())):
            if name != self.default:
                schema = {
                    "if": {"type": "object", "properties": {self.key: {"const": name}}, "required": [self.key]},
                    "then": record.json_schema(),
                    "else": schema,
                }
        return schema


def markdown_fields(kind: Kind, value: Any, path: DataPath = ()) -> list[tuple[DataPath, str, str]]:
    """(path, "inline" | "block", text) of every Markdown text in a raw value, following its kind.

    The one walk over "every Markdown field": validation bounds and sanitises them, `course check` follows
    their links, so a new Markdown field in the format is covered by both."""
    found: list[tuple[DataPath, str, str]] = []
    _add_markdown_fields(kind, value, path, found)
    return found


def _add_markdown_fields(kind: Kind, value: Any, path: DataPath, found: list[tuple[DataPath, str, str]]) -> None:
    # Only kinds that can hold Markdown are entered: a course has far more ids, numbers and one-line texts
    # than Markdown fields, and this walk runs on every file of every validation.
    if isinstance(kind, Text):
        if kind.markdown and isinstance(value, str):
            found.append((path, kind.markdown, value))
    elif not kind.holds_markdown:
        return
    elif isinstance(kind, ListOf) and isinstance(value, list):
        for index, item in enumerate(value):
            _add_markdown_fields(kind.item, item, (*path, index), found)
    elif isinstance(kind, MapOf) and isinstance(value, dict):
        for name, item in value.items():
            _add_markdown_fields(kind.item, item, (*path, name), found)
    elif isinstance(kind, ByKey):
        _add_markdown_fields(kind.format_of(value), value, path, found)
    elif isinstance(kind, Deferred):
        _add_markdown_fields(kind.kind, value, path, found)
    elif isinstance(kind, (Record, Variants)) and isinstance(value, dict):
        if isinstance(kind, Variants):
            variant = kind.variant_of(value)
            fields = kind.markdown_keys[variant] if variant else ()
        else:
            fields = kind.markdown_keys
        for f in fields:
            if f.name in value:
                _add_markdown_fields(f.kind, value[f.name], (*path, f.name), found)
