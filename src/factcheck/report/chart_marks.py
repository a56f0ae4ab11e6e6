"""A finding's evidence as chart rows: one per source and figure, on one axis in one unit.

A conversion finding's figures come in two units; the second is converted
into the first (with pint) so that both sit on the same axis. A toll that
changed (an update) is drawn in publication order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.facts import interval
from factcheck.models import Fact
from factcheck.report.charts import Mark
from factcheck.report.evidence import Evidence, telling
from factcheck.report.reading import day, day_of, reads, unit_words


@dataclass(frozen=True)
class ChartData:
    marks: list[Mark]
    unit: str  # the axis label
    timeline: bool
    whole: bool  # counts: ticks on whole numbers


def chart_data(rows: Sequence[Evidence], over_time: bool) -> ChartData | None:
    """The rows to draw, or None when no row has a figure to place."""
    if not rows:
        return None
    first = rows[0].fact
    about = telling(rows)
    order = list(range(len(rows)))
    timeline = over_time and len({day_of(r.fact.date) for r in rows} - {None}) >= 2
    if timeline:  # earliest first; undated rows last, each in its report order
        order.sort(key=lambda i: (day_of(rows[i].fact.date) is None,
                                  day_of(rows[i].fact.date) or 0))
    figures: dict[str, int] = {}
    marks: list[Mark] = []
    seen: set[tuple] = set()
    for i in order:
        r = rows[i]
        placed = _placed(r.fact, first.unit)
        if placed is None:
            continue
        value, low, high, note = placed
        label = r.outlet + (f" · {about[i]}" if about[i] else "")
        key = (label, r.figure, r.fact.date if timeline else None)
        if key in seen:  # one row per source and figure: repeated quotes add nothing here
            continue
        seen.add(key)
        group = figures.setdefault(r.figure, len(figures))
        marks.append(Mark(label, value, low, high, r.figure + note, group,
                          day(r.fact.date) if timeline else ""))
    if not marks:
        return None
    return ChartData(marks, _axis_label(first), timeline, (first.unit or "count") == "count")


def _placed(f: Fact, unit: str) -> tuple[float | None, float, float, str] | None:
    """(value, low, high, note) in `unit`; None when the figure cannot be put on that axis."""
    bounds = interval(f)
    if bounds is None:
        return None
    low, high = bounds
    value = f.value
    if (f.unit or "count") == (unit or "count"):
        return value, low, high, ""
    scale = _factor(f.unit, unit)
    if scale is None:
        return None
    value = None if value is None else value * scale
    note = f" (= {reads(_as(f, unit, round(value, 1)))})" if value is not None else ""
    return value, low * scale, high * scale, note


def _factor(unit: str, to: str) -> float | None:
    """How many `to` one `unit` is; None for units pint cannot relate (or offsets, like °C)."""
    from factcheck.pint_registry import registry

    try:
        ureg = registry()
        q = ureg.Quantity(1.0, unit).to(to)
        zero = ureg.Quantity(0.0, unit).to(to).magnitude
    except Exception:  # pint raises many kinds for unknown or unrelated units
        return None
    return float(q.magnitude) if zero == 0 and math.isfinite(q.magnitude) else None


def _as(f: Fact, unit: str, value: float) -> Fact:
    """The figure as an exact one in another unit, to write it out."""
    return replace(f, unit=unit, per=None, value=value, low=value, high=value, qualifier="exact")


def _axis_label(f: Fact) -> str:
    unit = unit_words(f)
    return "number" if unit == "count" else unit
