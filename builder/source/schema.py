"""A small declarative schema language for the course format.

Each `Kind` checks one raw YAML value, reports problems in a trainer's words at the
value's source location, and returns the cleaned value (or `INVALID`). The same
definitions describe the format for documentation and, through `json_schema()`, for
editors (JSON Schema draft-07, see builder/jsonschema.py), so the format is written down once.

JSON Schema cannot say everything a kind checks; where the two differ, the schema is the more
lenient one (so an editor never marks a file that `course validate` accepts) except in the few
cases listed in `docs/authoring.md` ("What the editor cannot check").
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from .diagnostics import Diagnostic
from .loader import Document, Path_

INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID", "__bool__": lambda self: False})()
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

JSON_TEXT_TYPES = ["string", "number", "boolean"]
"""Text may be a plain YAML scalar that YAML reads as a number or a boolean (`12`, `yes`): the
validator keeps what the trainer typed, so the schema accepts those types too."""
_JSON_NOT_BLANK = r"\S"
_JSON_ONE_LINE = r"^\s*\S(?:[^\n]*\S)?\s*$"
_JSON_SLUG = r"^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$"


class Checker:
    """Collects problems for one document; kinds report through it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Diagnostic] = []

    def error(self, path: Path_, message: str, code: str = "invalid", *, key: bool = False) -> None:
        where = format_path(path)
        text = f"{where}: {message}" if where else message
        self.problems.append(Diagnostic(self.doc.location(path, key=key), text, code))


    def report_repeats(self, values: list[str | None], where, message) -> None:
        """Report each repeated value at its later use: where(index) is its path, message(value, first index)."""
        first: dict[str, int] = {}
        for index, value in enumerate(values):
            if value is None:
                continue
            if value in first:
                self.error(where(index), message(value, first[value]), "duplicate")
            else:
                first[value] = index


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(value: Any) -> str:
    """How a wrongly typed value is named to a trainer."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "..."
        return f"text '{short}'"
    return f"'{value}'"


def listing(words) -> str:
    """Words as a trainer would list them: 'a', 'a and b', 'a, b and c'."""
    words = list(words)
    return " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]


def suggest(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _slug_example(text: str) -> str:
    """', like 'a-valid-id'' for text that is not an id, or nothing when no letter or digit is left."""
    hint = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f", like '{hint}'" if hint else ""


def _at_least(count: int, what: str) -> str:
    return f"at least {count} {what}s" if count > 1 else f"at least one {what}"


class Kind:
    description_of_type = "a value"

    def check(self, value: Any, path: Path_, checker: Checker) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        """The JSON Schema (draft-07) of the values this kind accepts."""
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Kind):
    """Text; `markdown` says whether it is rendered as inline or block Markdown."""

    markdown: str | None = None  # None | "inline" | "block"
    single_line: bool = False

    description_of_type = "text"

    def check(self, value, path, checker):
        if isinstance(value, (dict, list)) or value is None:
            checker.error(path, f"should be text, but is {describe(value)}", "type")
            return INVALID
        if not isinstance(value, str):
            # a plain scalar YAML read as a number, date or boolean: keep what the trainer typed
            value = checker.doc.scalar_text.get(path, str(value))
        if not value.strip():
            checker.error(path, "is empty; write some text or remove the key", "empty")
            return INVALID
        if self.single_line and "\n" in value.strip():
            checker.error(path, "should fit on one line", "multiline")
            return INVALID
        return value.strip() if self.markdown != "block" else value

    def json_schema(self):
        pattern = _JSON_ONE_LINE if self.single_line else _JSON_NOT_BLANK
        return {"type": list(JSON_TEXT_TYPES), "pattern": pattern}


@dataclass(frozen=True)
class Slug(Kind):
    description_of_type = "an id (lowercase letters, digits and hyphens)"

    def check(self, value, path, checker):
        text = Text(single_line=True).check(value, path, checker)
        if text is INVALID:
            return INVALID
        if not SLUG_PATTERN.match(text):
            example = _slug_example(text)
            checker.error(path, f"'{text}' is not a valid id: use lowercase letters, digits and hyphens{example}",
                          "slug")
            return INVALID
        return text

    def json_schema(self):
        # `id: 12` is a number to YAML but the validator keeps the digits as the id
        return {"type": ["string", "integer"], "pattern": _JSON_SLUG, "minimum": 0}


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None

    description_of_type = "a whole number"

    def check(self, value, path, checker):
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                checker.error(path, f"should be a whole number, but is {describe(value)}", "type")
                return INVALID
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                wanted = "a positive whole number" if low == 1 else f"at least {low}"
            else:
                wanted = f"between {low} and {high}"
            checker.error(path, f"should be {wanted}; found {value}", "range")
            return INVALID
        return value

    def json_schema(self):
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


@dataclass(frozen=True)
class Boolean(Kind):
    description_of_type = "true or false"

    def check(self, value, path, checker):
        if not isinstance(value, bool):
            checker.error(path, f"should be true or false, but is {describe(value)}", "type")
            return INVALID
        return value

    def json_schema(self):
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Kind):
    values: tuple[str, ...] = ()

    @property
    def description_of_type(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.values)

    def check(self, value, path, checker):
        text = Text(single_line=True).check(value, path, checker)
        if text is INVALID:
            return INVALID
        if text not in self.values:
            checker.error(path, f"'{text}' is not allowed here; use one of: {', '.join(self.values)}"
                                f"{suggest(text, list(self.values))}", "choice")
            return INVALID
        return text

    def json_schema(self):
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0
    what: str = "item"

    description_of_type = "a list"

    def check(self, value, path, checker):
        if not isinstance(value, list):
            if self.min_items and isinstance(value, (str, int)) and not isinstance(value, bool):
                checker.error(path, f"should be a list (write `- ` before each {self.what}), "
                                    f"but is {describe(value)}", "type")
            else:
                checker.error(path, f"should be a list, but is {describe(value)}", "type")
            return INVALID
        if len(value) < self.min_items:
            need = _at_least(self.min_items, self.what)
            checker.error(path, f"needs {need}; found {len(value)}", "too-few")
        items = [self.item.check(v, path + (i,), checker) for i, v in enumerate(value)]
        if any(v is INVALID for v in items) or len(value) < self.min_items:
            return INVALID
        return items

    def json_schema(self):
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


@dataclass(frozen=True)
class MapOf(Kind):
    """A group of keys the trainer names (ids such as role-play node ids), each holding an `item`."""

    item: Kind
    min_items: int = 0
    what: str = "entry"

    description_of_type = "a group of named entries"

    def check(self, value, path, checker):
        if not isinstance(value, dict):
            checker.error(path, f"should be a group of named {self.what}s (like `first-{self.what}: ...`), "
                                f"but is {describe(value)}", "type")
            return INVALID
        if len(value) < self.min_items:
            need = _at_least(self.min_items, self.what)
            checker.error(path, f"needs {need}; found {len(value)}", "too-few")
        ok = len(value) >= self.min_items
        result: dict[str, Any] = {}
        for name, item in value.items():
            if not isinstance(name, str) or not SLUG_PATTERN.match(name):
                example = _slug_example(str(name))
                checker.error(path + (name,), f"'{name}' is not a valid {self.what} id: use lowercase letters, "
                                              f"digits and hyphens{example}", "slug", key=True)
                ok = False
            result[name] = self.item.check(item, path + (name,), checker)
            ok = ok and result[name] is not INVALID
        return result if ok else INVALID

    def json_schema(self):
        schema: dict[str, Any] = {"type": "object", "propertyNames": {"pattern": SLUG_PATTERN.pattern},
                                  "additionalProperties": self.item.json_schema()}
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


@dataclass(frozen=True)
class Record(Kind):
    """A group of keys; unknown keys are errors with a spelling suggestion."""

    fields: tuple[Field, ...] = ()
    what: str = "this"
    hints: Mapping[str, str] = field(default_factory=dict)
    """Extra words for unknown keys that belong elsewhere (e.g. a field of another question type)."""
    exactly_one_of: tuple[tuple[str, ...], ...] = ()
    """Groups of alternative keys: exactly one key of each group must be given."""

    description_of_type = "a group of keys"

    def check(self, value, path, checker):
        if not isinstance(value, dict):
            checker.error(path, f"should be a group of keys (like `title: ...`), but is {describe(value)}", "type")
            return INVALID
        return self.check_keys(value, path, checker, self.fields, self.hints)

    def check_keys(self, value: dict, path: Path_, checker: Checker, fields: tuple[Field, ...],
                   hints: Mapping[str, str]) -> Any:
        known = {f.name: f for f in fields}
        ok = True
        for key in value:
            if key not in known:
                extra = hints.get(key) or suggest(key, list(known))
                checker.error(path + (key,), f"unknown key '{key}'{extra}", "unknown-key", key=True)
                ok = False
        result: dict[str, Any] = {}
        for f in fields:
            if f.name in value:
                cleaned = f.kind.check(value[f.name], path + (f.name,), checker)
                if cleaned is INVALID:
                    ok = False
                result[f.name] = cleaned
            elif f.required:
                about = f.description[0].lower() + f.description[1:].rstrip(".")
                checker.error(path, f"missing required key '{f.name}': {about}", "missing")
                ok = False
            else:
                result[f.name] = f.default
        for group in self.exactly_one_of:
            given = [name for name in group if name in value]
            if not given:
                others = " or ".join(f"'{name}'" for name in group[1:])
                checker.error(path, f"missing required key '{group[0]}' (or {others})", "missing")
                ok = False
            elif len(given) > 1:
                checker.error(path + (given[1],), f"use either '{given[0]}' or '{given[1]}', not both",
                              "conflict", key=True)
                ok = False
        return result if ok else INVALID

    def json_schema(self):
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

    discriminator: Field = None  # type: ignore[assignment]
    common: tuple[Field, ...] = ()
    variants: Mapping[str, tuple[Field, ...]] = field(default_factory=dict)

    description_of_type = "a group of keys"

    def fields_for(self, variant: str) -> tuple[Field, ...]:
        return (self.discriminator, *self.common, *self.variants[variant])

    def check(self, value, path, checker):
        if not isinstance(value, dict):
            checker.error(path, f"should be a group of keys (like `id: ...`), but is {describe(value)}", "type")
            return INVALID
        key = self.discriminator.name
        if key not in value:
            checker.error(path, f"missing required key '{key}' (one of: {', '.join(self.variants)})", "missing")
            return INVALID
        variant = Choice(tuple(self.variants)).check(value[key], path + (key,), checker)
        if variant is INVALID:
            return INVALID
        own = {f.name for f in self.variants[variant]}
        users: dict[str, list[str]] = {}
        for other, other_fields in self.variants.items():
            for f in other_fields:
                if f.name not in own:
                    users.setdefault(f.name, []).append(other)
        hints = {name: f" (a {variant} question has no '{name}'; {' and '.join(kinds)} questions use it)"
                 for name, kinds in users.items()}
        return Record().check_keys(value, path, checker, self.fields_for(variant), hints)

    def json_schema(self):
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
            then["properties"] = {**{f.name: True for f in (self.discriminator, *self.common)},
                                  **then["properties"]}
            branches.append({"if": {"properties": {key: {"const": variant}}, "required": [key]}, "then": then})
        base["allOf"] = branches
        return base
