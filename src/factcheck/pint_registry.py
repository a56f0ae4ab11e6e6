"""pint, asked as rarely as possible: loading it and building its registry costs most of a
second, more than checking a short story.

The extractor wants each unit name's dimension (extract/units.py caches those)
and the conversion rule the line between two units. Both answers depend only
on the unit names and on pint, so they are computed once for every pair of
unit names that share a dimension and kept in the cache (factcheck.cache);
pint is loaded only to build that table, or for a pair outside it.
"""

from __future__ import annotations

from functools import cache


@cache
def registry():
    import pint  # imported here: runs that meet no unit never pay for it

    return pint.UnitRegistry()


@cache
def physical(unit: str) -> tuple[str, float]:
    """(dimensionality, factor to base units) of a canonical unit name.

    Dimensionless, offset (temperature) and unknown units are a dimension of
    their own ("unit:NAME") with factor 1: they compare only with themselves.
    The lexicon's units come from the cached unit tables; pint only for others.
    """
    from factcheck.extract.units import known_physical

    table = known_physical()
    known = table.get(unit)
    if known is not None:
        return known
    top, per, bottom = unit.partition("_per_")  # a rate of two known units: no pint needed
    if per and not table.get(top, ("unit:",))[0].startswith("unit:") \
            and not table.get(bottom, ("unit:",))[0].startswith("unit:"):
        (dim_top, f_top), (dim_bottom, f_bottom) = table[top], table[bottom]
        return _quotient(dim_top, dim_bottom), f_top / f_bottom
    return pint_physical(unit)


def _exponents(dimensionality: str) -> dict[str, float]:
    """'[length] / [time] ** 2' → {'[length]': 1, '[time]': -2}."""
    out: dict[str, float] = {}
    for k, part in enumerate(dimensionality.split(" / ")):
        for factor in part.split(" * "):
            name, _, power = factor.partition(" ** ")
            if name.strip() not in ("", "dimensionless"):
                out[name.strip()] = out.get(name.strip(), 0.0) + \
                    (float(power) if power else 1.0) * (1 if k == 0 else -1)
    return out


def canonical(dimensionality: str) -> str:
    """One spelling per dimensionality, whatever order pint or a quotient wrote it in."""
    return _spell(_exponents(dimensionality))


def _quotient(top: str, bottom: str) -> str:
    exps = _exponents(top)
    for name, power in _exponents(bottom).items():
        exps[name] = exps.get(name, 0.0) - power
    return _spell(exps)


def _spell(exps: dict[str, float]) -> str:
    def term(name: str, power: float) -> str:
        return name if power == 1 else f"{name} ** {power:g}"

    up = [term(n, p) for n, p in sorted(exps.items()) if p > 0]
    down = [term(n, -p) for n, p in sorted(exps.items()) if p < 0]
    return " / ".join([" * ".join(up) or "1", *down]) if down else " * ".join(up) or "dimensionless"


def pint_physical(unit: str) -> tuple[str, float]:
    try:
        q = registry().Quantity(1.0, unit)
        if q.dimensionless or str(q.dimensionality) == "[temperature]":
            return f"unit:{unit}", 1.0
        return canonical(str(q.dimensionality)), float(q.to_base_units().magnitude)
    except Exception:  # pint raises many types for an unknown or odd name
        return f"unit:{unit}", 1.0


def pint_install() -> tuple[str | None, int | None]:
    """Where pint is installed and when, without importing it: part of every cache key."""
    import os
    from importlib.util import find_spec

    spec = find_spec("pint")
    if spec is None or not spec.origin:
        return None, None
    return spec.origin, os.stat(spec.origin).st_mtime_ns


def affine(unit: str, to: str) -> tuple[float, float] | None:
    """(slope, offset) converting `unit` to `to`, or None when pint cannot convert.

    Every unit pint converts between (temperatures included) is affine, so two
    points give the line once per unit pair instead of a pint call per figure.
    """
    from factcheck.extract.units import CURRENCY_CODES, known_conversions

    table = known_conversions()
    if (unit, to) in table:
        return table[unit, to]
    if unit in CURRENCY_CODES or to in CURRENCY_CODES:
        return None  # money converts only where a text states the rate, never by pint
    ratio = _rate_ratio(unit, to, table)
    return ratio if ratio is not None else pint_affine(unit, to)


def _rate_ratio(unit: str, to: str, table: dict) -> tuple[float, float] | None:
    """miles per second to kilometres per second from the lexicon's own conversions."""
    a, per_a, b = unit.partition("_per_")
    c, per_c, d = to.partition("_per_")
    if not (per_a and per_c):
        return None
    tops = (1.0, 0.0) if a == c else table.get((a, c))
    bottoms = (1.0, 0.0) if b == d else table.get((b, d))
    if not tops or not bottoms or tops[1] or bottoms[1]:
        return None  # unknown, or an offset unit: pint decides
    return tops[0] / bottoms[0], 0.0


def pint_affine(unit: str, to: str) -> tuple[float, float] | None:
    import warnings

    import pint

    ureg = registry()
    try:
        with warnings.catch_warnings():  # log(0) of a logarithmic unit: not affine, see below
            warnings.simplefilter("ignore", RuntimeWarning)
            at0, at1, at10 = (float(ureg.Quantity(x, unit).to(to).magnitude)
                              for x in (0.0, 1.0, 10.0))
    except (pint.errors.PintError, AttributeError, ValueError, TypeError, AssertionError):
        return None
    slope = at1 - at0
    if abs(slope * 10 + at0 - at10) > 1e-9 * max(1.0, abs(at10)):
        return None  # not affine (logarithmic units): leave it unchecked
    return slope, at0
