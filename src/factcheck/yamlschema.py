"""Load a YAML data file and check it against a small schema, naming file and line.

Lexicons are data, so a typo in one must fail loudly where it is, not show up
later as a silently missing word. A schema is plain data: a dict of allowed
keys (``"*"`` matches any key) whose values are schemas, a one-item list for
"list of", or a type name: ``str``, ``num``, ``num?`` (number or null),
``int``, ``bool``. Errors are RuleError("path:line: message").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError

Schema = Any

# libyaml's parser when PyYAML was built with it: lexicons are read at every start-up.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Aliases let a few hundred bytes of YAML stand for billions of nodes ("billion laughs").
# The composed graph is small; its size with every alias expanded is what is bounded.
MAX_EXPANDED_NODES = 100_000


def check_expansion(node: yaml.Node | None, path: str) -> None:
    """Raise RuleError (file and line) when expansion_problem finds one."""
    problem = expansion_problem(node)
    if problem:
        raise RuleError(problem[0], path, problem[1])


def expansion_problem(node: yaml.Node | None) -> tuple[str, int] | None:
    """(message, 1-based line) when `node`, aliases expanded, is larger than
    MAX_EXPANDED_NODES or refers to itself. Linear in the composed graph."""
    if node is None:
        return None
    sizes: dict[int, int] = {}
    open_ids: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        n, done = stack.pop()
        key = id(n)
        if done:
            open_ids.discard(key)
            children = _children(n)
            total = 1 + sum(sizes[id(c)] for c in children)
            if total > MAX_EXPANDED_NODES:
                return (f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} values "
                        "(an alias bomb?); refused", n.start_mark.line + 1)
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in open_ids:
            return "YAML alias refers to itself; refused", n.start_mark.line + 1
        open_ids.add(key)
        stack.append((n, True))
        stack.extend((c, False) for c in _children(n) if id(c) not in sizes)
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [x for pair in node.value for x in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def load_checked(path: Path, schema: Schema, what: str = "lexicon file") -> Any:
    """The data of the YAML file at `path`, converted and checked against `schema`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read ({getattr(exc, 'strerror', None) or exc})", str(path)) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(f"not valid YAML ({getattr(exc, 'problem', exc)})", str(path),
                        mark.line + 1 if mark else None) from None
    if node is None:
        raise RuleError(f"empty {what}", str(path))
    check_expansion(node, str(path))
    return _convert(node, schema, str(path), "top level")


def _fail(msg: str, node: yaml.Node, path: str) -> RuleError:
    return RuleError(msg, path, node.start_mark.line + 1)


def _convert(node: yaml.Node, schema: Schema, path: str, where: str) -> Any:
    if isinstance(schema, dict):
        return _mapping(node, schema, path, where)
    if isinstance(schema, list):
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []  # an empty list written as nothing
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(f"{where}: expected a list", node, path)
        return [_convert(item, schema[0], path, where) for item in node.value]
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(f"{where}: expected a single value", node, path)
    return _scalar(node, schema, path, where)


def _mapping(node: yaml.Node, schema: dict, path: str, where: str) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(f"{where}: expected a mapping", node, path)
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        sub = schema.get(key, schema.get("*"))
        if sub is None:
            allowed = ", ".join(sorted(k for k in schema if k != "*"))
            raise _fail(f"unknown key {key!r} in {where} (allowed: {allowed})", key_node, path)
        if key in out:
            raise _fail(f"duplicate key {key!r} in {where}", key_node, path)
        out[key] = _convert(value_node, sub, path, key)
    missing = [k for k in schema if k != "*" and k not in out] if where == "top level" else []
    if missing:  # the code reads every section: a missing one must fail here, by name
        raise _fail(f"missing key {missing[0]!r} in {where}", node, path)
    return out


def _scalar(node: yaml.ScalarNode, schema: str, path: str, where: str) -> Any:
    tag, raw = node.tag.rsplit(":", 1)[-1], node.value
    if schema == "str":
        if tag == "null":
            raise _fail(f"{where}: expected text", node, path)
        return raw
    if schema in ("num", "num?"):
        if tag == "null" and schema == "num?":
            return None
        if tag not in ("int", "float"):
            raise _fail(f"{where}: expected a number", node, path)
        return float(yaml.safe_load(raw))
    if schema == "int":
        if tag != "int":
            raise _fail(f"{where}: expected a whole number", node, path)
        return int(raw)
    if schema == "bool":
        if tag != "bool":
            raise _fail(f"{where}: expected true or false", node, path)
        return raw.lower() in ("true", "yes", "on")
    raise AssertionError(f"bad schema {schema!r}")
