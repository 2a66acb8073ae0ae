"""Turn the learners' ES modules into one script: every page of the site loads one file, with no import waterfall.

Each entry module (quiz.js, scenario.js, xapi.js) and everything they import become one script, each module
once: a function scope that returns its exports, its imports reads from those. The result has neither `import`
nor `export`, so the same file loads as a module on the web site (`type="module"`: Material's instant
navigation then never runs it twice) and as a deferred classic script on pages opened from file:// (the offline
zip), where browsers refuse modules. Modules shared by several entries (dom.js's lifecycle hook, store.js's
progress kept in memory while storage refuses writes) are one instance, as with the browser's own module graph.
Only the static `import { a, b as c } from "./x.js"` and `export` declaration forms are supported, which is all
the scripts use (BundleError otherwise; the tests bundle every entry).

Why not a bundler library: esbuild, Rollup and the like run on Node (or ship as a Go binary), which trainers do
not have when they build a course, and the Python packages that wrap esbuild either download its binary at
install time or expose only its transform (minify) API. The scripts' own subset of ES modules makes this
about sixty lines; minifying is tdewolff's minifier (shipped.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..source.errors import BundleError

_IMPORT = re.compile(r"""^import\s*\{([^}]*)\}\s*from\s*["'](\./[\w./-]+)["'];?[ \t]*$""", re.MULTILINE)
_EXPORT_DECLARATION = re.compile(
    r"^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)", re.MULTILINE
)
_EXPORT_LIST = re.compile(r"^export\s*\{([^}]*)\};?[ \t]*$", re.MULTILINE)
_UNSUPPORTED = re.compile(
    r"^\s*(?:import\b(?!\s*\{)|export\s+default\b|export\s*\*)|\bimport\s*\(|\bimport\.meta\b", re.MULTILINE
)


def bundle(entries: Sequence[Path], generated: Mapping[str, str] | None = None) -> str:
    """One script equivalent to the modules at `entries` (run in that order) and everything they import, each
    module once; `generated` holds modules the build writes (by file name, beside the entries) instead of files
    on disk."""
    if not entries:
        raise BundleError("nothing to bundle: no entry module")
    folder = entries[0].resolve().parent
    sources = _Sources(folder, generated or {})
    ordered: list[Path] = []
    for entry in entries:
        _visit(entry.resolve(), ordered, set(), sources)
    names = {path: f"__module_{i}" for i, path in enumerate(ordered)}
    parts = ['(function () {\n"use strict";\n']
    for path in ordered:
        source = sources.read(path)
        if _UNSUPPORTED.search(source):
            raise BundleError(
                f'{path.name}: only `import {{...}} from "./x.js"` and `export` declarations can be bundled'
            )
        exported = [name for _, name in _EXPORT_DECLARATION.findall(source)]
        for listed in _EXPORT_LIST.findall(source):
            exported += [_alias(item)[1] + ": " + _alias(item)[0] for item in listed.split(",") if item.strip()]

        def imported(match: re.Match[str], path: Path = path) -> str:
            target = names[(path.parent / match.group(2)).resolve()]
            bindings = ", ".join(f"{a}: {b}" if a != b else a for a, b in map(_alias, match.group(1).split(",")) if a)
            return f"const {{ {bindings} }} = {target};"

        body = _IMPORT.sub(imported, source)
        body = _EXPORT_LIST.sub("", body)
        body = _EXPORT_DECLARATION.sub(lambda m: f"{m.group(1)} {m.group(2)}", body)
        parts.append(f"const {names[path]} = (function () {{\n{body}\nreturn {{ {', '.join(exported)} }};\n}}());\n")
    parts.append("}());\n")
    return "".join(parts)


def _alias(item: str) -> tuple[str, str]:
    """'a as b' -> ('a', 'b'); 'a' -> ('a', 'a')."""
    words = item.split()
    if not words:
        return "", ""
    return (words[0], words[2]) if len(words) == 3 and words[1] == "as" else (words[0], words[0])


class _Sources:
    """Module sources: the files on disk, and the modules the build generates beside the entry."""

    def __init__(self, folder: Path, generated: Mapping[str, str]):
        self.generated = {folder / name: text for name, text in generated.items()}

    def exists(self, path: Path) -> bool:
        return path in self.generated or path.is_file()

    def read(self, path: Path) -> str:
        return self.generated[path] if path in self.generated else path.read_text(encoding="utf-8")


def _visit(path: Path, ordered: list[Path], active: set[Path], sources: _Sources) -> None:
    if path in ordered:
        return
    if path in active:
        raise BundleError(f"{path.name}: modules import each other in a circle")
    if not sources.exists(path):
        raise BundleError(f"{path.name}: imported module not found")
    active.add(path)
    for match in _IMPORT.finditer(sources.read(path)):
        _visit((path.parent / match.group(2)).resolve(), ordered, active, sources)
    active.discard(path)
    ordered.append(path)
