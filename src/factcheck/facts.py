"""Facts as a table: one row per fact, keyed columns ready for grouping.

The rule engine never compares every pair of facts in a corpus: each rule
groups this table by a key (story, measure, entity, …) and looks only inside
the groups that can hold a finding. Key columns hold "" for "unknown" so that
grouping treats unknown as a value of its own (an unknown place is not Lviv).

`FactTable` is plain Python: one list per column, all of one length. A rule
filters it (`where`, `take`), replaces columns (`assign`) and groups it by a
tuple of columns (`groups`, in first-seen or in sorted key order, the rows of a
group in table order). It is never changed in place: every operation returns a
new table, which may share the old one's column lists.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from factcheck.models import Fact
from factcheck.published import epoch_seconds

# Fact fields that can be part of a grouping key, and their unknown marker.
KEY_FIELDS = ("story", "measure", "entity", "location", "scope", "unit", "actor", "kind",
              "attribution", "qualifier", "dimension", "thing", "owner", "phase", "era")
UNKNOWN = ""

# "2.5 million", "$200m", "1.2bn": a scale word makes an exact-looking figure a rounded one.
# The whole number is read, group commas included: "1,200 million" is 1,200 of a million.
_SCALED = re.compile(
    r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
    r"(?:\s*-?\s*(?:million|billion|trillion|thousand)|(?P<abbr>mn|bn|tn|[mbk]))\b",
    re.IGNORECASE,
)


def interval(fact: Fact) -> tuple[float, float] | None:
    """The closed interval [lo, hi] the fact's wording allows; None when it has no number.

    A missing bound is open (±inf), except on an exact figure, where it is the value.
    """
    value, low, high = fact.value, fact.low, fact.high
    if value is None and low is None and high is None:
        return None
    exact = fact.qualifier == "exact"
    lo = low if low is not None else (value if exact and value is not None else -math.inf)
    hi = high if high is not None else (value if exact and value is not None else math.inf)
    if exact and value is not None and lo == hi == value:
        lo, hi = _rounding(fact.text, value, fact.kind)
    elif fact.qualifier == "approx" and value is not None and lo < value < hi:
        lo, hi = _to_last_digit(value, lo, hi)
    return float(lo), float(hi)


APPROX_DIGITS = 3  # "some 670" allows three units of its last written digit: 640–700


def _to_last_digit(value: float, lo: float, hi: float) -> tuple[float, float]:
    """An approximate figure is approximate to its last written digit: "some 670" is
    known to the tens (640–700), "about 600" to the hundreds (its 10% band: 540–660)."""
    if value <= 0 or not math.isfinite(value):
        return lo, hi
    digits = f"{value:.6g}".split("e")[0].replace(".", "").strip("0")
    if not digits:
        return lo, hi
    unit = 10 ** (math.floor(math.log10(value)) - len(digits) + 1)
    return max(lo, value - APPROX_DIGITS * unit), min(hi, value + APPROX_DIGITS * unit)


def _rounding(text: str, value: float, kind: str = "count") -> tuple[float, float]:
    """An exact figure with a scale word is rounded to its last written digit.

    "2.5 million" covers [2.45m, 2.55m]; "574" stays 574.
    """
    m = _SCALED.search(text or "")
    if not m or (m.group("abbr") and kind not in ("count", "money")):
        return value, value  # "5m" of a wall is five metres, not a rounded five million
    whole, decimals = m.group(1).replace(",", ""), m.group(2) or ""
    written = float(f"{whole}.{decimals}") if decimals else float(whole)
    if written == 0:
        return value, value
    half = 0.5 * 10 ** -len(decimals) * (value / written)
    return value - half, value + half


def source_of(fact: Fact) -> str:
    """Who publishes the figure: its outlet, or its document when the outlet is unknown.

    Sites of one outlet count as one voice: usa.example.com.cn is example.com.cn.
    """
    return outlet(fact.source) if fact.source else f"doc:{fact.doc}"


_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
# Second-level labels under which a country's outlets register (bbc.co.uk, chinadaily.com.cn).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne"})


@lru_cache(maxsize=4096)  # asked once per fact, of the few sources a corpus has
def outlet(source: str) -> str:
    """An outlet's identity: a domain is cut to the part its owner registered."""
    name = source.strip().lower()
    if not _DOMAIN.match(name):
        return source
    labels = name.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


class FactTable:
    """Columns of one length by name; row i of every column is one fact (or one
    fact's reading, after a rule splits or rewrites rows)."""

    __slots__ = ("_columns", "_rows")

    def __init__(self, columns: dict[str, list[Any]], rows: int | None = None):
        self._columns = columns
        self._rows = len(next(iter(columns.values()), ())) if rows is None else rows

    def __len__(self) -> int:
        return self._rows

    @property
    def empty(self) -> bool:
        return self._rows == 0

    def __getitem__(self, name: str) -> list[Any]:
        return self._columns[name]

    def __contains__(self, name: str) -> bool:
        return name in self._columns

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self._columns)

    def take(self, rows: Sequence[int]) -> FactTable:
        """The given rows, in the given order."""
        return FactTable({k: [v[i] for i in rows] for k, v in self._columns.items()}, len(rows))

    def where(self, mask: Iterable[bool]) -> FactTable:
        """The rows whose mask entry is true, in table order."""
        rows = [i for i, ok in enumerate(mask) if ok]
        return self if len(rows) == self._rows else self.take(rows)

    def assign(self, **columns: list[Any]) -> FactTable:
        """The table with these columns added or replaced (each as long as the table)."""
        return FactTable({**self._columns, **columns}, self._rows)

    def concat(self, other: FactTable) -> FactTable:
        """This table's rows, then `other`'s (the same columns)."""
        return FactTable({k: v + other[k] for k, v in self._columns.items()},
                         self._rows + len(other))

    def keys(self, cols: Sequence[str]) -> list[tuple]:
        """Each row's values in `cols`, as a tuple."""
        if not cols:
            return [()] * self._rows
        return list(zip(*(self._columns[c] for c in cols), strict=True))

    def groups(self, cols: Sequence[str], sort: bool = False) -> dict[tuple, list[int]]:
        """Row indices by their values in `cols`: groups in first-seen order, or in
        sorted key order when asked; a group's rows in table order either way."""
        out: dict[tuple, list[int]] = {}
        for i, key in enumerate(self.keys(cols)):
            at = out.get(key)
            if at is None:
                out[key] = [i]
            else:
                at.append(i)
        return {k: out[k] for k in sorted(out)} if sort else out


def fact_table(facts: Sequence[Fact]) -> FactTable:
    """One row per fact, `pos` = index into `facts` (the engine's handle on the Fact).

    Columns: the key fields ("" = unknown), src (independent source), day (see
    event_days), doc, start,
    value, lo, hi (float, ±inf when open, NaN when no number), scale, date, when
    (publication time in seconds since the epoch, UTC; NaN if unknown), day_only (the
    date carries no time of day), converts (the partner fact's id, None when none).
    Every missing number is a NaN of its own, as rows of a numeric array were: inside
    tuples and sets, NaN equals only itself (the same object).
    """
    cols: dict[str, list[Any]] = {"pos": list(range(len(facts)))}
    for name in KEY_FIELDS:
        cols[name] = [getattr(f, name) or UNKNOWN for f in facts]
    cols["src"] = [source_of(f) for f in facts]
    cols["day"] = event_days(facts)  # not the fact's day as written: see event_days
    cols["doc"] = [f.doc for f in facts]
    cols["start"] = [int(f.start) for f in facts]
    cols["value"] = [float("nan") if f.value is None else float(f.value) for f in facts]
    bounds = [interval(f) for f in facts]
    cols["lo"] = [float("nan") if iv is None else iv[0] for iv in bounds]
    cols["hi"] = [float("nan") if iv is None else iv[1] for iv in bounds]
    cols["scale"] = [float(_scale(f)) for f in facts]
    dates = [f.date or None for f in facts]
    cols["date"] = [d or UNKNOWN for d in dates]
    cols["when"], cols["day_only"] = _parse_dates(dates)
    cols["converts"] = [f.converts for f in facts]
    return FactTable(cols, len(facts))


def event_days(facts: Sequence[Fact]) -> list[str]:
    """Each figure's event day as the rules group it: "" for its story's own day.

    A story's day is the weekday its sources name most (each source once a day). A
    figure naming that day, or none, is of the story's event; one naming another day
    is of another event ("a 6.3 quake Wednesday", days after Saturday's). When no
    day leads, every named day stands apart.
    """
    named: dict[str, dict[str, set[str]]] = {}
    for f in facts:
        if f.day:
            named.setdefault(f.story or UNKNOWN, {}).setdefault(f.day, set()).add(source_of(f))
    story_day: dict[str, str] = {}
    for story, days in named.items():
        ranked = sorted(((len(sources), day) for day, sources in days.items()), reverse=True)
        if len(ranked) == 1 or ranked[0][0] > ranked[1][0]:
            story_day[story] = ranked[0][1]
    return [f.day if f.day and f.day != story_day.get(f.story or UNKNOWN) else UNKNOWN
            for f in facts]


def _scale(fact: Fact) -> float:
    """The factor that takes the fact's unit to its dimension's base unit (1 for counts)."""
    if fact.dimension and fact.dimension.startswith("["):
        from factcheck.pint_registry import physical

        return physical(fact.unit)[1]
    return 1.0


def _parse_dates(dates: list[str | None]) -> tuple[list[float], list[bool]]:
    """Publication times, parsed once per distinct string (a corpus repeats few dates)."""
    parsed = {d: epoch_seconds(d) for d in set(dates) if d}
    when = [float("nan") if not d or math.isnan(parsed[d]) else parsed[d] for d in dates]
    day_only = [bool(d) and len(d.strip()) <= 10 for d in dates]
    return when, day_only


def comparable(table: FactTable, require: Sequence[str], skip_kinds: Sequence[str]) -> FactTable:
    """The rows a cross-fact rule may compare: a number, the required fields, a countable kind."""
    skip = frozenset(skip_kinds)
    needed = [table[name] for name in require]
    return table.where(
        not math.isnan(lo) and kind not in skip and all(c[i] != UNKNOWN for c in needed)
        for i, (lo, kind) in enumerate(zip(table["lo"], table["kind"], strict=True)))
