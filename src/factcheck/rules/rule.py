"""A rule file, validated: code, name, kind, severity, message, parameters, examples."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from factcheck.errors import RuleError
from factcheck.models import Fact
from factcheck.rules.kinds import COMMON_FIELDS, KINDS
from factcheck.rules.params import ParamError, validate
from factcheck.rules.yamlsrc import Lines, line_of, load_yaml
from factcheck.severity import SEVERITIES

CODE = re.compile(r"^FC\d{3}$")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("code", "name", "kind", "severity", "message", "description", "examples")
OPTIONAL = ("parameters",)
EXAMPLE_SETS = ("flagged", "not_flagged")  # must give the finding / must not
EXAMPLE_FIELDS = tuple(f.name for f in fields(Fact) if f.name != "id")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    params: dict[str, Any]  # validated, defaults filled in
    examples: dict[str, tuple[dict[str, Any], ...]]  # flagged / not_flagged → fact mappings
    written: dict[str, Any]  # the parameters as the file writes them
    path: str
    line: int


def load_rule(path: Path) -> Rule:
    data, lines = load_yaml(path)
    return parse_rule(data, lines, str(path))


def parse_rule(data: Any, lines: Lines, path: str) -> Rule:
    def fail(msg: str, *at: Any) -> None:
        who = data.get("code") if isinstance(data, dict) else None
        who = who if isinstance(who, str) and who else Path(path).stem
        raise RuleError(f"rule {who}: {msg}", path, line_of(lines, at))

    if not isinstance(data, dict):
        raise RuleError("a rule file holds one mapping (code: …, name: …)", path, lines.get(()))
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            fail(f"unknown key {key!r} (known: {', '.join(REQUIRED + OPTIONAL)})", key)
    for key in REQUIRED:
        if key not in data:
            fail(f"missing key {key!r}")
    for key in ("code", "name", "kind", "severity", "message", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            fail(f"{key!r} must be a non-empty string", key)
    code, name, kind, severity = data["code"], data["name"], data["kind"], data["severity"]
    if not CODE.match(code):
        fail(f"bad code {code!r}: codes look like FC001", "code")
    if not NAME.match(name):
        fail(f"bad name {name!r}: names are kebab-case, like conflicting-values", "name")
    if kind not in KINDS:
        fail(f"unknown kind {kind!r} (known: {', '.join(KINDS)})", "kind")
    if severity not in SEVERITIES:
        fail(f"bad severity {severity!r} (known: {', '.join(SEVERITIES)})", "severity")
    _check_template(data["message"], KINDS[kind].fields, lambda m: fail(m, "message"))

    written = data.get("parameters") or {}
    if not isinstance(written, dict):
        fail("'parameters' must be a mapping", "parameters")
    try:
        params = validate(written, KINDS[kind].params())
    except ParamError as exc:
        fail(str(exc), "parameters", *([exc.name] if exc.name else []))
    examples = _examples(data["examples"], fail)
    return Rule(code=code, name=name, kind=kind, severity=severity, message=data["message"].strip(),
                description=data["description"].strip(), params=params, examples=examples,
                written=dict(written), path=path, line=line_of(lines, ("code",)) or 1)


def _check_template(message: str, extra: tuple[str, ...], fail) -> None:
    known = COMMON_FIELDS + extra
    try:
        parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(message)
                 if f is not None]
    except ValueError as exc:
        fail(f"bad message template ({exc})")
    for f, spec, conv in parts:  # what str.format would only refuse at the first finding
        if conv not in (None, "r", "s", "a"):
            fail(f"bad message template (unknown conversion !{conv} in {{{f}}})")
        if spec and not any(_formats(v, spec) for v in ("text", 1.5)):
            fail(f"bad message template (format spec {spec!r} in {{{f}}} fits no value)")
    used = [f for f, _, _ in parts]
    for f in used:
        if f not in known:
            fail(f"message uses unknown placeholder {{{f}}} (known: {', '.join(known)})")


def _formats(value: object, spec: str) -> bool:
    try:
        format(value, spec)
        return True
    except (ValueError, TypeError):
        return False


def _examples(data: Any, fail) -> dict[str, tuple[dict[str, Any], ...]]:
    if not isinstance(data, dict):
        fail("'examples' must map flagged / not_flagged to lists of facts", "examples")
    for key in data:
        if key not in EXAMPLE_SETS:
            fail(f"unknown example set {key!r} (known: {', '.join(EXAMPLE_SETS)})",
                 "examples", key)
    out = {}
    for key in EXAMPLE_SETS:
        facts = data.get(key)
        if not isinstance(facts, list) or not facts:
            fail(f"examples need a non-empty list {key!r} of facts", "examples", key)
        for i, fact in enumerate(facts):
            if not isinstance(fact, dict):
                fail("an example fact is a mapping of fact fields", "examples", key, i)
            for field_name in fact:
                if field_name not in EXAMPLE_FIELDS:
                    fail(f"unknown fact field {field_name!r} (known: {', '.join(EXAMPLE_FIELDS)})",
                         "examples", key, i, field_name)
            if "value" not in fact and "low" not in fact and "high" not in fact:
                fail("an example fact needs a value (or low/high)", "examples", key, i)
        out[key] = tuple(facts)
    return out
