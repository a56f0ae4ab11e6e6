"""One pint UnitRegistry for the whole run: building one costs a noticeable
fraction of a second, and the extractor and the conversion rule both need it."""

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
