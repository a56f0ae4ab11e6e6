"""conflict: sources give figures for the same key whose intervals do not overlap."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from factcheck.models import Finding
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    kept,
    key_of,
    own_figure_params,
    own_figures,
    own_floors,
    sentences_of,
    split_groups,
    time_order,
)
from factcheck.rules.params import Grouping, choice, flag, number
from factcheck.rules.places import place_params, with_story_places
from factcheck.severity import SEVERITIES


class Conflict(Kind):
    name = "conflict"
    summary = "Different sources give figures for the same key that cannot both hold."

    def params(self):
        return Grouping(
            key=("measure", "entity", "location", "scope", "unit", "actor"),
            extra={
                "defer_monotonic_updates": flag(
                    True, "a toll that only grows, from sources of different dates, is an "
                          "update (see the update kind), not a conflict"),
                **own_figure_params(),
                **place_params(),
                "round_figure_gap": number(
                    0.0, "a disagreement this close (the gap as a share of the larger figure) "
                         "where one side is a plain round figure may be rounding: it is "
                         "reported at `round_figure_severity` (0: never)"),
                "round_figure_multiple": number(
                    10, "what makes a plain figure round: a multiple of this", minimum=1,
                    integer=True),
                "round_figure_severity": choice(
                    SEVERITIES, "warning", "the severity of a disagreement that may be rounding"),
            },
        ).spec()

    def find(self, table: pd.DataFrame, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        if t.empty:
            return
        t = with_story_places(t, p["key"], p)
        cols = ["story", *p["key"]]
        g = t.groupby(cols, sort=False)
        # Vectorised pre-filter: a group can hold a conflict only if its largest lower
        # bound exceeds its smallest upper bound and two sources speak in it.
        split = g["lo"].transform("max") > g["hi"].transform("min")
        several = g["src"].transform("nunique") >= 2
        hits = t[(split & several).to_numpy()]
        monotonic = ctx.monotonic if p["defer_monotonic_updates"] else frozenset()
        for values, rows in split_groups(hits, cols, FIELDS):
            rows = own_floors(rows, p)
            grows = [m in ctx.monotonic for m in rows["measure"]]
            said = sentences_of(rows["pos"], ctx.facts)
            rows = kept(rows, own_figures(rows, grows, said, p))
            positions, all_round = _disagreeing(rows, monotonic, p)
            if positions:
                story, key = key_of(cols, values)
                severity = p["round_figure_severity"] if all_round else None
                yield ctx.finding(rule, story, key, positions, severity=severity)


FIELDS = ("pos", "src", "lo", "hi", "when", "day_only", "measure", "value", "qualifier")


def _disagreeing(rows: dict[str, list], monotonic: frozenset[str],
                 p: dict) -> tuple[set[int], bool]:
    """Facts in at least one cross-source pair that cannot both hold, and whether
    every such pair may be a round figure against a precise one."""
    pos, src, lo, hi = rows["pos"], rows["src"], rows["lo"], rows["hi"]
    when, day = rows["when"], rows["day_only"]
    grows = [m in monotonic for m in rows["measure"]]
    out: set[int] = set()
    all_round = True
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            if src[i] == src[j] or (lo[i] <= hi[j] and lo[j] <= hi[i]):
                continue
            if grows[i] and grows[j] and time_order(when[i], day[i], when[j], day[j]) != 0:
                continue  # a later, different toll: the update rules speak to it
            out.update((pos[i], pos[j]))
            all_round = all_round and _may_be_rounding(rows, i, j, p)
    return out, all_round and bool(out)


def _may_be_rounding(rows: dict[str, list], i: int, j: int, p: dict) -> bool:
    """One side a plain round figure ("30"), and the gap within `round_figure_gap`."""
    share = p["round_figure_gap"]
    if share <= 0:
        return False
    lo, hi = rows["lo"], rows["hi"]
    top, floor = max(lo[i], lo[j]), min(hi[i], hi[j])
    if top <= 0 or (top - floor) / top > share:
        return False
    return _round(rows, i, p["round_figure_multiple"]) or _round(rows, j, p["round_figure_multiple"])


def _round(rows: dict[str, list], i: int, multiple: int) -> bool:
    """A plain figure (exact, not already widened by a scale word) that is a multiple."""
    value = rows["value"][i]
    return (rows["qualifier"][i] == "exact" and rows["lo"][i] == rows["hi"][i] == value
            and value != 0 and float(value).is_integer() and int(value) % multiple == 0)
