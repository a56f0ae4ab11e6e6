"""Typed rule parameters: each rule kind declares its own, the loader validates them."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

_REQUIRED = object()

# Fact fields a rule may group on (what makes two figures "the same claim").
GROUPABLE = ("measure", "entity", "location", "scope", "unit", "actor", "kind", "attribution",
             "dimension", "thing", "owner", "phase", "era", "day")
FIGURE_KINDS = ("count", "measure", "money", "percent", "fraction", "ordinal", "date", "time",
                "year", "duration", "magnitude", "score", "record")


class ParamError(ValueError):
    """A parameter value that does not validate; the loader adds file, line and rule."""

    def __init__(self, message: str, name: str | None = None):
        super().__init__(message)
        self.name = name  # the parameter at fault, to point at its line


@dataclass(frozen=True)
class Param:
    """One parameter: a checker that returns the clean value or raises ParamError."""

    check: Callable[[Any], Any]
    default: Any = _REQUIRED
    help: str = ""
    type_name: str = ""

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


def _fail(msg: str) -> None:
    raise ParamError(msg)


def names(choices: Sequence[str], default: Any = _REQUIRED, help: str = "",
          allow_empty: bool = True) -> Param:
    """A list of names, each one of `choices`, kept in the order written."""

    def check(v: Any) -> tuple[str, ...]:
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            _fail("must be a list of names")
        bad = [x for x in v if x not in choices]
        if bad:
            _fail(f"unknown name(s) {', '.join(map(repr, bad))} (known: {', '.join(choices)})")
        if len(set(v)) != len(v):
            _fail("names repeat")
        if not v and not allow_empty:
            _fail("must not be empty")
        return tuple(v)

    return Param(check, tuple(default) if isinstance(default, list) else default, help,
                 f"list of: {', '.join(choices)}")


def words(default: Any = _REQUIRED, help: str = "") -> Param:
    """A list of free words (measure names, place names)."""

    def check(v: Any) -> tuple[str, ...]:
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            _fail("must be a list of non-empty strings")
        return tuple(v)

    return Param(check, tuple(default) if isinstance(default, list) else default, help, "list of words")


def word(default: Any = _REQUIRED, help: str = "") -> Param:
    """One non-empty string (a measure name)."""

    def check(v: Any) -> str:
        if not isinstance(v, str) or not v.strip():
            _fail("must be a non-empty string")
        return v

    return Param(check, default, help, "word")


def number(default: Any = _REQUIRED, help: str = "", minimum: float = 0.0,
           integer: bool = False) -> Param:
    def check(v: Any) -> float | int:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (integer and not isinstance(v, int)):
            _fail("must be an integer" if integer else "must be a number")
        if isinstance(v, float) and not math.isfinite(v):
            _fail("must be a finite number")  # .nan / .inf compare false with everything
        if v < minimum:
            _fail(f"must be at least {minimum:g}")
        return v

    return Param(check, default, help, "integer" if integer else "number")


def flag(default: Any = _REQUIRED, help: str = "") -> Param:
    def check(v: Any) -> bool:
        if not isinstance(v, bool):
            _fail("must be true or false")
        return v

    return Param(check, default, help, "true/false")


def choice(choices: Sequence[str], default: Any = _REQUIRED, help: str = "") -> Param:
    def check(v: Any) -> str:
        if v not in choices:
            _fail(f"must be one of {', '.join(choices)}")
        return v

    return Param(check, default, help, " | ".join(choices))


def records(spec: dict[str, Param], default: Any = _REQUIRED, help: str = "") -> Param:
    """A list of small mappings, e.g. [{part: downed, whole: launched}]."""

    def check(v: Any) -> tuple[dict[str, Any], ...]:
        if not isinstance(v, list) or not v:
            _fail("must be a non-empty list of mappings")
        out = []
        for i, item in enumerate(v):
            if not isinstance(item, dict):
                _fail(f"item {i + 1} must be a mapping")
            out.append(validate(item, spec, f"item {i + 1}: "))
        return tuple(out)

    return Param(check, default, help, f"list of {{{', '.join(spec)}}}")


def validate(values: dict[str, Any], spec: dict[str, Param], where: str = "") -> dict[str, Any]:
    """`values` checked against `spec`, defaults filled in; raises ParamError on the first fault."""
    unknown = sorted(str(k) for k in values if k not in spec)
    if unknown:
        raise ParamError(f"{where}unknown parameter {unknown[0]!r} "
                         f"(known: {', '.join(spec) or 'none'})", unknown[0])
    out: dict[str, Any] = {}
    for name, param in spec.items():
        if name in values:
            try:
                out[name] = param.check(values[name])
            except ParamError as exc:
                raise ParamError(f"{where}parameter {name!r} {exc}", name) from None
        elif param.required:
            _fail(f"{where}missing parameter {name!r}")
        else:
            out[name] = param.default
    return out


@dataclass(frozen=True)
class Grouping:
    """The parameters every cross-fact rule kind shares, with per-kind defaults."""

    key: tuple[str, ...]
    require: tuple[str, ...] = ("measure", "entity")
    skip_kinds: tuple[str, ...] = ("date", "time", "year", "ordinal", "duration")
    extra: dict[str, Param] = field(default_factory=dict)

    def spec(self) -> dict[str, Param]:
        return {
            "key": names(GROUPABLE, list(self.key), "fact fields that must be equal to compare",
                         allow_empty=True),
            "require": names(GROUPABLE, list(self.require),
                             "fact fields that must be known for a fact to be compared"),
            "skip_kinds": names(FIGURE_KINDS, list(self.skip_kinds),
                                "figure kinds never compared"),
            **self.extra,
        }

