"""Settings from `factcheck.toml` or `[tool.factcheck]` in `pyproject.toml`, as ruff does it.

The nearest folder, from the working folder upward, that holds either file
decides (`factcheck.toml` first); command-line flags override the file, and
the file overrides the defaults. Keys:

    select = ["FC001", "FC004"]       # only these codes (prefixes allowed: "FC00")
    ignore = ["FC007"]                # never these
    fail-on = "warning"               # error · warning · info · never
    min-severity = "warning"          # what reports show: error · warning · info
    rule-packs = ["house-rules/"]     # extra packs; a rule with a default's code replaces it
    lexicon = "lexicon/"              # a folder of lexicon files replacing the default's
    story-per-file = false            # files named together are one story unless true
    baseline = "factcheck-baseline.json"

    [rules.FC001]                     # [tool.factcheck.rules.FC001] in pyproject.toml
    severity = "warning"              # any rule's severity
    round_figure_gap = 0.05           # and its parameters (see `factcheck explain FC001`)

Paths are relative to the file. An unknown key or a bad value is an error
naming the file and line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.severity import FAIL_ON, SEVERITIES

FILES = ("factcheck.toml", "pyproject.toml")
DEFAULTS: dict[str, Any] = {
    "select": [], "ignore": [], "fail-on": "error", "min-severity": "info", "rule-packs": [],
    "lexicon": None, "story-per-file": False, "baseline": None, "rules": {},
}
_CODE = re.compile(r"^[A-Z]{1,4}\d{0,3}$")


class ConfigError(FactcheckError):
    """A configuration file that does not validate."""


@dataclass
class Settings:
    """The effective settings and, for each, where it came from (default, a file:line, a flag)."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    origin: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, "default"))
    path: Path | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def override(self, key: str, value: Any, flag: str) -> None:
        """A command-line flag wins over the file (None: the flag was not given)."""
        if value is None or value == [] or value is False:
            return
        self.values[key] = value
        self.origin[key] = f"command line ({flag})"

    def selects(self, code: str) -> bool:
        """Whether findings of `code` are wanted under select / ignore."""
        chosen = self.values["select"]
        if chosen and not any(code.startswith(c) for c in chosen):
            return False
        return not any(code.startswith(c) for c in self.values["ignore"])


def find_config(start: Path | None = None) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in FILES:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[tool\.factcheck(?:\.[^\]]*)?\]", text, re.MULTILINE) is not None


def load_settings(path: Path | None = None, *, search: bool = True) -> Settings:
    """Defaults, updated from `path` (or the nearest file found when `search`)."""
    settings = Settings()
    path = path or (find_config() if search else None)
    if path is None:
        return settings
    settings.path = path
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"not valid TOML ({str(exc).split(' (at')[0]})", str(path),
                          int(m.group(1)) if m else None) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
        prefix = ("tool", "factcheck")
    where = _Where(path, text, prefix)
    for key, value in data.items():
        if key not in DEFAULTS:
            raise where.error(f"unknown key {key!r} (known: {', '.join(DEFAULTS)})", key)
        settings.values[key] = _check(key, value, where, path.parent)
        settings.origin[key] = f"{path}:{where.line(key) or 1}"
    return settings


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ({getattr(exc, 'strerror', None) or exc})",
                          str(path)) from None


def _check(key: str, value: Any, where: _Where, base: Path) -> Any:
    if key in ("select", "ignore"):
        if not isinstance(value, list) or not all(isinstance(c, str) and _CODE.match(c)
                                                  for c in value):
            raise where.error(f"{key!r} must be a list of rule codes like \"FC001\"", key)
        return [c.upper() for c in value]
    if key == "fail-on":
        return _one_of(key, value, FAIL_ON, where)
    if key == "min-severity":
        return _one_of(key, value, SEVERITIES, where)
    if key == "story-per-file":
        if not isinstance(value, bool):
            raise where.error(f"{key!r} must be true or false", key)
        return value
    if key == "rule-packs":
        if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
            raise where.error(f"{key!r} must be a list of folders or files", key)
        return [str(base / p) for p in value]
    if key in ("lexicon", "baseline"):
        if not isinstance(value, str) or not value:
            raise where.error(f"{key!r} must be a path", key)
        return str(base / value)
    if key == "rules":
        if not isinstance(value, dict):
            raise where.error("'rules' holds one table per rule code", key)
        for code, table in value.items():
            if not isinstance(table, dict):
                raise where.error(f"rules.{code} must be a table", key, code)
        return value
    return value


def _one_of(key: str, value: Any, choices: tuple[str, ...], where: _Where) -> str:
    if value not in choices:
        raise where.error(f"{key!r} must be one of {', '.join(choices)}, not {value!r}", key)
    return value


class _Where:
    """Lines of keys in a TOML file: tomllib gives none, so headers and keys are scanned."""

    _HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    _KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_.-]+?)["']?\s*=""")

    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]):
        self.path, self.prefix = path, prefix
        self.entries: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), 1):
            if m := self._HEADER.match(line):
                table = tuple(part.strip().strip("\"'") for part in m.group(1).split("."))
                self.entries.setdefault(table, number)
            elif m := self._KEY.match(line):
                self.entries.setdefault((*table, *m.group(1).split(".")), number)

    def line(self, *at: str) -> int | None:
        full = (*self.prefix, *at)
        while full:
            if full in self.entries:
                return self.entries[full]
            inside = [n for k, n in self.entries.items() if k[:len(full)] == full]
            if inside:  # a table written only as [rules.FC001] headers
                return min(inside)
            full = full[:-1]
        return None

    def error(self, message: str, *at: str) -> ConfigError:
        return ConfigError(message, str(self.path), self.line(*at))


def apply_rule_settings(pack, settings: Settings):
    """The pack with select/ignore and the [rules.CODE] severities and parameters applied."""
    from factcheck.rules.kinds import KINDS
    from factcheck.rules.loader import RulePack
    from factcheck.rules.params import ParamError, validate

    where = (_Where(settings.path, _read(settings.path),
                    ("tool", "factcheck") if settings.path.name == "pyproject.toml" else ())
             if settings.path else None)

    def fail(message: str, *at: str) -> ConfigError:
        return where.error(message, *at) if where else ConfigError(message)

    by_code = {r.code: r for r in pack.rules}
    changed = dict(by_code)
    for code, table in settings["rules"].items():
        rule = by_code.get(str(code).upper())
        if rule is None:
            raise fail(f"rules.{code}: no such rule (known: {', '.join(by_code)})", "rules", code)
        severity = table.get("severity", rule.severity)
        if severity not in SEVERITIES:
            raise fail(f"rules.{code}.severity must be one of {', '.join(SEVERITIES)}",
                       "rules", code, "severity")
        written = {**rule.written, **{k: v for k, v in table.items() if k != "severity"}}
        try:
            params = validate(written, KINDS[rule.kind].params())
        except ParamError as exc:
            raise fail(f"rules.{code}: {exc}", "rules", code, *([exc.name] if exc.name else [])) from None
        changed[rule.code] = replace(rule, severity=severity, params=params, written=written)
    kept = tuple(r for code, r in changed.items() if settings.selects(code))
    return RulePack(tuple(sorted(kept, key=lambda r: r.code)))


def settings_text(settings: Settings) -> str:
    """`factcheck config`: one `key = value  # origin` line per setting, TOML-readable."""
    lines = [f"# settings file: {settings.path or 'none found'}"]
    for key in DEFAULTS:
        value = settings.values[key]
        lines.append(f"{key} = {_toml(value)}  # {settings.origin[key]}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    import json

    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)
