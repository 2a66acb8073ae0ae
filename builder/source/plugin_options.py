"""Where the course plugin's options are written in mkdocs.yml, so that a problem with one (a brand colour
that fails contrast) is shown at its line, as problems in the course's own files are.

MkDocs reads mkdocs.yml and hands the plugin its options without their places; this reads the text again
and composes it (YAML's node tree, without building values, so tags only MkDocs knows, such as `!ENV`, are
harmless) to find them.
"""

from __future__ import annotations

from typing import Any

import yaml

from .diagnostics import Checker, DataPath, SourceLocation

Places = dict[DataPath, tuple[SourceLocation, SourceLocation]]
"""Each option's path (inside the plugin's options, like ("brand", "color")): where its value and its key are."""


def plugin_option_places(text: str, display: str, plugin: str) -> Places:
    """The places of `plugin`'s options in mkdocs.yml's `text` (`plugins:` as a list or as a mapping); the
    plugin's own entry is at path (). Empty when the text is not YAML (MkDocs has said so already)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    plugins = _value(root, "plugins")
    entry: tuple[yaml.Node, yaml.Node] | None = None
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode) and item.value == plugin:
                entry = (item, item)
            elif isinstance(item, yaml.MappingNode):
                entry = next(((key, value) for key, value in item.value if key.value == plugin), entry)
    elif isinstance(plugins, yaml.MappingNode):
        entry = next(((key, value) for key, value in plugins.value if key.value == plugin), None)
    if entry is None:
        return {}
    places: Places = {}
    _collect(entry[1], entry[0], (), display, places)
    return places


def _value(node: Any, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        found = (value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key)
        return next(found, None)
    return None


def _place(node: yaml.Node, display: str) -> SourceLocation:
    return SourceLocation(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _collect(node: yaml.Node, key: yaml.Node, path: DataPath, display: str, places: Places) -> None:
    places[path] = (_place(node, display), _place(key, display))
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode):
                _collect(value, name, (*path, name.value), display, places)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect(item, item, (*path, index), display, places)


class OptionChecker(Checker):
    """A Checker for `plugin`'s options: each problem at its option's place in mkdocs.yml (`text`, shown as
    `file`), or its nearest written parent's, its path shown from the options (`brand.color: ...`). The text is
    composed only once a problem needs a place: options without problems cost a validation nothing."""

    def __init__(self, file: str, text: str, plugin: str):
        super().__init__(file)
        self.text = text
        self.plugin = plugin
        self._places: Places | None = None

    def location(self, path: DataPath, *, key: bool = False) -> SourceLocation:
        if self._places is None:
            self._places = plugin_option_places(self.text, self.file, self.plugin)
        for length in range(len(path), -1, -1):
            found = self._places.get(path[:length])
            if found is not None:
                return found[1] if key and length == len(path) else found[0]
        return SourceLocation(self.file)
