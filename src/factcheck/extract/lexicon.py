"""Load the extractor's lexicon files (rules/lexicon/*.yaml), checked against a schema.

A schema is plain data: a dict of allowed keys (``"*"`` stands for any key)
whose values are schemas, a one-item list for "list of", or one of the names
``"str"``, ``"num"``, ``"num?"`` (number or null), ``"bool"``. A file that does
not fit raises RuleError naming the file and line, so a typo in a lexicon is
caught when the extractor is imported, not as a silently missing word.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import RuleError
from factcheck.resources import lexicon_dir

Schema = Any


@cache
def load(name: str, schema_key: str) -> Any:
    """The lexicon file `name` (e.g. "units.yaml"), checked against SCHEMAS[schema_key]."""
    return load_checked(lexicon_dir() / name, SCHEMAS[schema_key])


def load_checked(path: Path, schema: Schema) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(exc.strerror or "cannot read", str(path)) from None
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(f"not valid YAML ({getattr(exc, 'problem', exc)})", str(path),
                        mark.line + 1 if mark else None) from None
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
            key = str(key_node.value)
            sub = schema.get(key, schema.get("*"))
            if sub is None:
                allowed = ", ".join(sorted(k for k in schema if k != "*"))
                raise _fail(f"unknown key {key!r} in {where} (allowed: {allowed})", key_node, path)
            if key in out:
                raise _fail(f"duplicate key {key!r} in {where}", key_node, path)
            out[key] = _convert(value_node, sub, path, key)
        return out
    if isinstance(schema, list):
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(f"{where}: expected a list", node, path)
        return [_convert(item, schema[0], path, where) for item in node.value]
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(f"{where}: expected a single value", node, path)
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
    if schema == "bool":
        if tag != "bool":
            raise _fail(f"{where}: expected true or false", node, path)
        return raw.lower() in ("true", "yes", "on")
    raise AssertionError(f"bad schema {schema!r}")


_QUALIFIER_GROUP = {"qualifier": "str", "low": "num?", "high": "num?", "words": ["str"]}

SCHEMAS: dict[str, Schema] = {
    "numbers": {
        "cardinals": {"*": "num"},
        "tens": {"*": "num"},
        "scales": {"*": "num"},
        "scale_abbreviations": {"*": "num"},
        "money_only_abbreviations": {"*": "num"},
        "ordinals": {"*": "num"},
        "fraction_words": {"*": "num"},
        "multipliers": {"*": "num"},
        "negatives": ["str"],
        "not_figures": ["str"],
        "currencies": {"*": {"name": "str", "symbols": ["str"], "words": ["str"], "codes": ["str"]}},
        "currency_subunits": {"*": ["str"]},
    },
    "units": {
        "units": {"*": {"kind": "str", "surfaces": ["str"], "exact": ["str"], "pint": "bool",
                        "expression": "str"}},
        "percent": {"*": ["str"]},
        "ages": {"*": ["str"]},
        "spelling": {"*": "str"},
        "words": {"*": "str"},
        "rates": {
            "nouns": ["str"],
            "adverbs": {"*": "str"},
            "aliases": {"*": "str"},
            "modifiers": ["str"],
            "not_before": ["str"],
            "ordinals": ["str"],
            "not_nouns": ["str"],
        },
    },
    "figure_context": {
        "months": {"*": "num"},
        "capitalised_only": ["str"],
        "year_cues": ["str"],
        "weak_year_cues": ["str"],
        "label_words": ["str"],
        "weak_label_words": ["str"],
        "plural_nouns": ["str"],
        "street_words": ["str"],
        "metre_words": ["str"],
        "age_words": ["str"],
        "not_label_words": ["str"],
        "noun_stops": ["str"],
        "noun_skips": ["str"],
        "change_words": ["str"],
    },
    "qualifiers": {
        "before": [_QUALIFIER_GROUP],
        "after": [_QUALIFIER_GROUP],
        "vague": {"*": {"low": "num", "high": "num?"}},
        "ranges": {"openers": ["str"], "joiners": ["str"]},
    },
}
