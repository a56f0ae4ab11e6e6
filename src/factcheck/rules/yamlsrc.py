"""YAML with line numbers, so a bad rule file is reported as file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError
from factcheck.yamlschema import check_expansion

Lines = dict[tuple, int]  # path into the document (keys / list indices) → 1-based line


def load_yaml(path: Path) -> tuple[Any, Lines]:
    """The document's data and the line of every mapping key and list item in it.

    PyYAML's pure-Python composer (needed for the lines) is slow, so what it
    gives is cached by the file's content (factcheck.cache); a file that does
    not load raises before anything is cached.
    """
    from factcheck.cache import cached, digest

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read ({getattr(exc, 'strerror', None) or exc})", str(path)) from None
    return cached("yaml", digest([__file__], str(path), text), lambda: _parse(text, path))


def _parse(text: str, path: Path) -> tuple[Any, Lines]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        check_expansion(node, str(path))  # before constructing: an alias bomb never grows
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RuleError(f"not valid YAML: {exc.problem or exc.context}", str(path),
                        mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML: {exc}", str(path)) from None
    finally:
        loader.dispose()
    lines: Lines = {}
    if node is not None:
        _walk(node, (), lines, path)
    return data, lines


def _walk(node: yaml.Node, at: tuple, lines: Lines, path: Path) -> None:
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                # PyYAML keeps the last of two equal keys silently; a rule file must not.
                raise RuleError(f"duplicate key {key!r}", str(path), key_node.start_mark.line + 1)
            seen.add(key)
            _walk(value_node, (*at, key), lines, path)
            lines[(*at, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*at, i), lines, path)


def line_of(lines: Lines, at: tuple) -> int | None:
    """The line of `at`, or of its nearest ancestor that has one."""
    while at:
        if at in lines:
            return lines[at]
        at = at[:-1]
    return lines.get(())
