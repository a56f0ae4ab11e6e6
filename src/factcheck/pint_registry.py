"""One pint UnitRegistry for the whole run: building one costs a noticeable
fraction of a second, and the extractor and the conversion rule both need it."""

from __future__ import annotations

from functools import cache


@cache
def registry():
    import pint  # imported here: runs that meet no unit never pay for it

    return pint.UnitRegistry()
