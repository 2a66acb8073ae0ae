"""The package's layers: every import points downwards and nothing below site/ loads MkDocs.

    source/  <-  quality/, authoring/  <-  site/  <-  exporters/, analytics/  <-  commands.py, cli.py

analytics/ (`course stats`) reads statements beside the exporters: it may use source/ and site/, never the
exporters, and nothing below it uses it.

Each layer is imported on its own in a fresh interpreter (all of its modules), and must not have
loaded a module of a layer above it; the import graph read from the code has no cycle.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES, REPO

BUILDER = REPO / "builder"
ABOVE = {
    "source": [
        "builder.quality",
        "builder.authoring",
        "builder.site",
        "builder.exporters",
        "builder.analytics",
        "builder.commands",
        "builder.cli",
        "mkdocs",
        "material",
    ],
    "quality": [
        "builder.authoring",
        "builder.site",
        "builder.exporters",
        "builder.analytics",
        "builder.commands",
        "builder.cli",
        "mkdocs",
        "material",
    ],
    "authoring": [
        "builder.quality",
        "builder.site",
        "builder.exporters",
        "builder.analytics",
        "builder.commands",
        "builder.cli",
        "mkdocs",
        "material",
    ],
    "site": ["builder.exporters", "builder.analytics", "builder.commands", "builder.cli"],
    "exporters": ["builder.analytics", "builder.commands", "builder.cli"],
    "analytics": ["builder.exporters", "builder.commands", "builder.cli"],
}
"""What each layer (builder/<layer>/) may never load: the layers above it, and MkDocs below site/."""


def loaded_by(layer: str) -> list[str]:
    """Every module loaded by importing every module of builder/<layer>/ in a fresh interpreter."""
    code = (
        "import importlib, json, pkgutil, sys\n"
        f"import builder.{layer} as layer\n"
        f"for module in pkgutil.walk_packages(layer.__path__, 'builder.{layer}.'):\n"
        "    importlib.import_module(module.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return list(json.loads(result.stdout))


@pytest.mark.parametrize("layer", list(ABOVE))
def test_architecture_each_layer_loads_nothing_from_the_layers_above(layer: str):
    modules = loaded_by(layer)
    assert f"builder.{layer}" in modules
    forbidden = [m for m in modules if any(m == f or m.startswith(f + ".") for f in ABOVE[layer])]
    assert forbidden == [], f"builder/{layer}/ loads {forbidden}"


NOT_FOR_VALIDATE = [
    "builder.analytics",
    "builder.quality.course_check",
    "builder.quality.report",
    "builder.site.render",
    "builder.site.navigation",
    "builder.site.shipped",
    "builder.exporters",
    "minify",
    "pyphen",
    "weasyprint",
]
"""What `course validate` never needs: `course stats`, the quality checks and report, the renderer and the
exporters. Each is a good part of its own command's start-up, which validation is timed against bare YAML
parsing without (bench/validate_floor.py)."""


def test_architecture_course_validate_loads_only_what_validation_needs():
    code = (
        "import json, sys\n"
        "from builder.cli import main\n"
        "status = main(['validate'])\n"
        "print(json.dumps([status, sorted(sys.modules)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=FIXTURES / "full", capture_output=True, text=True, check=True
    )
    status, modules = json.loads(result.stdout.splitlines()[-1])
    assert status == 0 and "builder.source.validate" in modules and "builder.site.plugin" in modules
    loaded = [m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_FOR_VALIDATE)]
    assert loaded == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The builder modules `path` imports (at the top or inside functions; not for type checking only)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for top in ast.walk(tree)
        if isinstance(top, ast.If) and "TYPE_CHECKING" in ast.unparse(top.test)
        for node in ast.walk(top)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("builder"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.startswith("builder"):
                found.update(f"{base}.{alias.name}" for alias in node.names)
                found.add(base)
    return found


def test_architecture_the_import_graph_has_no_cycle():
    files = {_module_name(p): p for p in BUILDER.rglob("*.py")}
    graph = {name: {m for m in _imports(path) if m in files and m != name} for name, path in files.items()}
    # a package's own __init__ imports its modules; importing a name from a package is importing the package
    done: set[str] = set()
    active: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in active, " -> ".join([*active[active.index(name) :], name])
        active.append(name)
        for target in sorted(graph[name]):
            if not (target.startswith(name + ".") or name.startswith(target + ".")):  # a package and its parts
                visit(target)
        active.pop()
        done.add(name)

    for module in sorted(graph):
        visit(module)


def test_architecture_at_most_five_modules_sit_directly_in_builder():
    assert sorted(p.name for p in BUILDER.glob("*.py")) == ["__init__.py", "cli.py", "commands.py"]
