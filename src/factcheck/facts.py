"""Facts as a pandas table: one row per fact, keyed columns ready for group-by.

The rule engine never compares every pair of facts in a corpus: each rule
groups this table by a key (story, measure, entity, …) and looks only inside
the groups that can hold a finding. Key columns hold "" for "unknown" so that
group-by treats unknown as a value of its own (an unknown place is not Lviv).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from factcheck.models import Fact

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


def fact_table(facts: Sequence[Fact]) -> pd.DataFrame:
    """One row per fact, `pos` = index into `facts` (the engine's handle on the Fact).

    Columns: the key fields ("" = unknown), src (independent source), doc, start,
    value, lo, hi (float, ±inf when open, NaN when no number), date, when (publication
    time in seconds since the epoch, UTC; NaN if unknown), day_only (the date carries
    no time of day), converts.
    """
    n = len(facts)
    cols: dict[str, object] = {"pos": np.arange(n, dtype=np.int64)}
    for name in KEY_FIELDS:
        cols[name] = pd.array([getattr(f, name) or UNKNOWN for f in facts], dtype=object)
    cols["src"] = pd.array([source_of(f) for f in facts], dtype=object)
    cols["doc"] = pd.array([f.doc for f in facts], dtype=object)
    cols["start"] = np.fromiter((f.start for f in facts), dtype=np.int64, count=n)
    cols["value"] = np.fromiter((np.nan if f.value is None else f.value for f in facts),
                                dtype=float, count=n)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    for i, f in enumerate(facts):
        iv = interval(f)
        if iv is not None:
            lo[i], hi[i] = iv
    cols["lo"], cols["hi"] = lo, hi
    cols["scale"] = np.fromiter((_scale(f) for f in facts), dtype=float, count=n)
    dates = [f.date or None for f in facts]
    cols["date"] = pd.array([d or UNKNOWN for d in dates], dtype=object)
    cols["when"], cols["day_only"] = _parse_dates(dates)
    cols["converts"] = pd.array([f.converts for f in facts], dtype="Int64")
    return pd.DataFrame(cols)


def _scale(fact: Fact) -> float:
    """The factor that takes the fact's unit to its dimension's base unit (1 for counts)."""
    if fact.dimension and fact.dimension.startswith("["):
        from factcheck.pint_registry import physical

        return physical(fact.unit)[1]
    return 1.0


def _parse_dates(dates: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Publication times, parsed once per distinct string (a corpus repeats few dates)."""
    parsed: dict[str, float] = {}
    for d in sorted({d for d in dates if d}):
        try:
            ts = pd.Timestamp(d)
        except (ValueError, TypeError, OverflowError):
            ts = pd.NaT
        if ts is pd.NaT:
            parsed[d] = np.nan
        else:
            if ts.tzinfo is not None:
                ts = ts.tz_convert("UTC").tz_localize(None)
            parsed[d] = ts.value / 1e9
    when = np.array([parsed[d] if d else np.nan for d in dates], dtype=float)
    day_only = np.array([bool(d) and len(d.strip()) <= 10 for d in dates], dtype=bool)
    return when, day_only


def comparable(table: pd.DataFrame, require: Sequence[str], skip_kinds: Sequence[str]) -> pd.DataFrame:
    """The rows a cross-fact rule may compare: a number, the required fields, a countable kind."""
    mask = table["lo"].notna().to_numpy().copy()
    for name in require:
        mask &= (table[name] != UNKNOWN).to_numpy()
    if skip_kinds:
        mask &= ~table["kind"].isin(list(skip_kinds)).to_numpy()
    return table[mask]
