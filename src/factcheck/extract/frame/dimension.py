"""A figure's dimension: what kind of quantity its number is, and its factor to base units.

Two figures are comparable only within one dimension: lengths with lengths
(kilometres and miles convert), a currency with itself, ages with ages, clock
times with clock times. Counts are one dimension; what they count is the
frame's thing.
"""

from __future__ import annotations

import re

from factcheck.models import Fact
from factcheck.pint_registry import physical

# A win-loss(-draw) record or a score, written with hyphens: "52-3", "10-5-2".
PAIR = re.compile(r"^\d{1,4}\s*[-–]\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?$")
# Units that are labels of their own, not pint units.
OWN_UNITS = {"year_of_age": "age", "magnitude": "magnitude", "richter": "magnitude",
             "caliber": "caliber", "calibre": "caliber"}
# Ages in other units, in years: a two-month-old and an eight-week-old are one question.
AGE_YEARS = {"month_of_age": 1 / 12, "week_of_age": 7 / 365.25, "day_of_age": 1 / 365.25}
DIRECT = {"money": None, "percent": "percent", "time": "time_of_day", "date": "date",
          "year": "year", "magnitude": "magnitude",
          "score": "pair", "record": "pair"}  # the frame tells a record from a score


def dimension_of(fact: Fact) -> tuple[str | None, float]:
    """(dimension, factor to its base unit); (None, 1) for what is never compared."""
    unit, kind = fact.unit or "count", fact.kind
    if unit in OWN_UNITS:
        return OWN_UNITS[unit], 1.0
    if unit in AGE_YEARS:
        return "age", AGE_YEARS[unit]
    if kind == "money":
        return f"money:{unit}", 1.0
    if kind in DIRECT:
        return DIRECT[kind], 1.0
    if PAIR.match(fact.text or ""):
        return "pair", 1.0  # a score or a record: the frame decides which
    if kind == "ordinal":
        return "ordinal", 1.0
    if kind == "fraction":
        return None, 1.0
    if kind in ("measure", "duration") and unit != "count":
        return physical(unit)
    return "count", 1.0
