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
    """
    try:
        q = registry().Quantity(1.0, unit)
        if q.dimensionless or str(q.dimensionality) == "[temperature]":
            return f"unit:{unit}", 1.0
        return str(q.dimensionality), float(q.to_base_units().magnitude)
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
    from factcheck.extract.units import known_conversions

    table = known_conversions()
    if (unit, to) in table:
        return table[unit, to]
    return pint_affine(unit, to)


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
