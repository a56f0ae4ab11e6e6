"""Load a lexicon YAML file and check it against a small schema, naming file and line.

A schema is plain data: a dict of allowed keys (``"*"`` matches any key) whose
values are schemas, a one-item list for "list of", or one of the type names
``str``, ``bool``, ``int``. Errors are RuleError("path:line: message").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError

Schema = Any


def load_checked(path: Path, schema: Schema) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(exc.strerror or "cannot read", str(path)) from None
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise RuleError(
            f"not valid YAML ({getattr(exc, 'problem', exc)})", str(path), line
        ) from None
    if node is None:
        raise RuleError("empty lexicon file", str(path))
    return _convert(node, schema, str(path), "top level")


def _fail(msg: str, node: yaml.Node, path: str) -> RuleError:
    return RuleError(msg, path, node.start_mark.line + 1)


def _convert(node: yaml.Node, schema: Schema, path: str, where: str) -> Any:
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            raise _fail(f"{where}: expected a mapping", node, path)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in schema:
                sub = schema[key]
            elif "*" in schema:
                sub = schema["*"]
            else:
                allowed = ", ".join(sorted(k for k in schema if k != "*"))
                raise _fail(f"unknown key {key!r} in {where} (allowed: {allowed})", key_node, path)
            if key in out:
                raise _fail(f"duplicate key {key!r} in {where}", key_node, path)
            out[key] = _convert(value_node, sub, path, key)
        return out
    if isinstance(schema, list):
        if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(f"{where}: expected a list", node, path)
        return [_convert(item, schema[0], path, where) for item in node.value]
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(f"{where}: expected a {schema}", node, path)
    tag, raw = node.tag.rsplit(":", 1)[-1], node.value
    if schema == "str":
        if tag == "null":
            raise _fail(f"{where}: expected text", node, path)
        return raw
    if schema == "bool":
        if tag != "bool":
            raise _fail(f"{where}: expected true or false", node, path)
        return raw.lower() in ("true", "yes", "on")
    if schema == "int":
        if tag != "int":
            raise _fail(f"{where}: expected a whole number", node, path)
        return int(raw)
    raise AssertionError(f"bad schema {schema!r}")
