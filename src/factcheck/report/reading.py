"""How a figure and a date read to a person: "at least 84", "about 1,000", "10–12 ft", "14 Mar 2026".

The reports write what the wording allows the way a reader would say it, never
as interval notation. Dates are joined with no-break spaces so that a table
cell never breaks one across lines.
"""

from __future__ import annotations

import math
import re
from datetime import date

from factcheck.models import Fact
from factcheck.rules.wording import number, unit_name

NBSP = "\u00a0"

# Units a reader expects as a symbol after the number; others are spelled out.
_SYMBOL = {
    "foot": "ft", "inch": "in", "yard": "yd", "meter": "m", "metre": "m", "kilometer": "km",
    "centimeter": "cm", "millimeter": "mm", "kilogram": "kg", "gram": "g", "hectare": "ha",
    "square_kilometer": "km²", "square_meter": "m²", "square_mile": "sq mi",
    "mile_per_hour": "mph", "kilometer_per_hour": "km/h", "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F", "percent": "%", "percentage_point": "pp",
}
_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def amount(x: float | None) -> str:
    """2300000 → '2.3 million', 1000 → '1,000', 0.2 → '0.2'."""
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return number(x)
    for scale, word in _SCALES:
        if abs(x) >= scale and round(x / scale, 2) * scale == x:
            return f"{number(round(x / scale, 2))} {word}"
    return number(x)


def reads(f: Fact) -> str:
    """The figure as its wording allows, with its unit: 'at least 84', 'nearly 80', '10–12 ft'."""
    q, v, lo, hi = f.qualifier, f.value, f.low, f.high
    if q == "at_least" or (q in ("range", "vague") and lo is not None and hi is None):
        words = "at least", [lo if lo is not None else v]
    elif q == "more_than":
        words = "more than", [lo if lo is not None else v]
    elif q == "at_most" or (q in ("range", "vague") and hi is not None and lo is None):
        words = "up to", [hi if hi is not None else v]
    elif q == "less_than":
        words = ("fewer than" if f.unit == "count" else "less than"), [hi if hi is not None else v]
    elif q == "approx" and v is not None and hi == v and lo is not None and lo < v:
        words = "nearly", [v]
    elif q == "approx":
        words = "about", [v]
    elif q in ("range", "vague") and lo is not None and hi is not None and lo != hi:
        words = "", [lo, hi]
    else:
        words = "", [v]
    head, values = words
    text = _with_unit(f, values)
    return f"{head} {text}" if head else text


def _with_unit(f: Fact, values: list[float | None]) -> str:
    figures = "–".join(amount(x) for x in values)
    unit = f.unit or "count"
    per = f" per {f.per}" if f.per else ""
    if unit == "count":
        return figures + per
    if unit in _CURRENCY:
        return "–".join(_CURRENCY[unit] + amount(x) for x in values) + per
    if unit in ("percent",):
        return figures + "%" + per
    if unit in _SYMBOL:
        return f"{figures} {_SYMBOL[unit]}{per}"
    last = values[-1]
    return f"{figures} {unit_name(unit, last)}{per}"


def unit_words(f: Fact) -> str:
    """The unit an axis is drawn in: 'count', 'km', 'USD', 'percent'."""
    unit = f.unit or "count"
    if unit == "count":
        return "count"
    name = _SYMBOL.get(unit) or unit.replace("_", " ")
    return name + (f" per {f.per}" if f.per else "")


def day(text: str | None) -> str:
    """'2026-03-14' → '14 Mar 2026', joined so that it never breaks; other dates kept as given."""
    if not text:
        return ""
    m = _ISO_DAY.match(str(text))
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return NBSP.join((str(d), _MONTHS[mo - 1], str(y)))
    return re.sub(r"\s", NBSP, str(text).strip()).replace("-", "\u2011")


def day_of(text: str | None) -> date | None:
    """The calendar day of a publication date, when it is an ISO one."""
    m = _ISO_DAY.match(str(text or ""))
    if not m:
        return None
    try:
        return date(*(int(g) for g in m.groups()))
    except ValueError:
        return None
