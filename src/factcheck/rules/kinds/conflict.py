"""conflict: sources give figures for the same key whose intervals do not overlap."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from factcheck.models import Finding
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    key_of,
    one_count_per_source,
    split_groups,
    time_order,
)
from factcheck.rules.params import Grouping, flag


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
                "skip_sources_giving_several_counts": flag(
                    True, "an outlet that gives incompatible figures for one key speaks of "
                          "several counts; its figures are not set against other outlets'"),
            },
        ).spec()

    def find(self, table: pd.DataFrame, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        if t.empty:
            return
        cols = ["story", *p["key"]]
        g = t.groupby(cols, sort=False)
        # Vectorised pre-filter: a group can hold a conflict only if its largest lower
        # bound exceeds its smallest upper bound and two sources speak in it.
        split = g["lo"].transform("max") > g["hi"].transform("min")
        several = g["src"].transform("nunique") >= 2
        hits = t[(split & several).to_numpy()]
        defer = p["defer_monotonic_updates"]
        for values, rows in split_groups(hits, cols, FIELDS):
            if p["skip_sources_giving_several_counts"]:
                keep = one_count_per_source(rows["src"], rows["lo"], rows["hi"])
                rows = {k: [x for x, ok in zip(v, keep, strict=True) if ok]
                        for k, v in rows.items()}
            positions = _disagreeing(rows, ctx.monotonic if defer else frozenset())
            if positions:
                story, key = key_of(cols, values)
                yield ctx.finding(rule, story, key, positions)


FIELDS = ("pos", "src", "lo", "hi", "when", "day_only", "measure")


def _disagreeing(rows: dict[str, list], monotonic: frozenset[str]) -> set[int]:
    """Facts that take part in at least one cross-source pair that cannot both hold."""
    pos, src, lo, hi = rows["pos"], rows["src"], rows["lo"], rows["hi"]
    when, day = rows["when"], rows["day_only"]
    grows = [m in monotonic for m in rows["measure"]]
    out: set[int] = set()
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            if src[i] == src[j] or (lo[i] <= hi[j] and lo[j] <= hi[i]):
                continue
            if grows[i] and grows[j] and time_order(when[i], day[i], when[j], day[j]) != 0:
                continue  # a later, different toll: the update rules speak to it
            out.update((pos[i], pos[j]))
    return out
