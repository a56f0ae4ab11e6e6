"""corroboration: independent sources give the same figure for the same key.

Worth showing an editor (info): a figure two outlets state is better founded
than one only one outlet states.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from factcheck.models import Finding
from factcheck.rules.kinds.base import Context, Kind, candidates, key_of, split_groups
from factcheck.rules.params import Grouping, number


class Corroboration(Kind):
    name = "corroboration"
    summary = "Independent sources give the same figure for the same key."
    fields = ("sources",)

    def params(self):
        return Grouping(
            key=("measure", "entity", "location", "scope", "unit", "actor"),
            extra={"min_sources": number(2, "how many different sources must agree",
                                         minimum=2, integer=True)},
        ).spec()

    def find(self, table: pd.DataFrame, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        t = t[t["value"].notna().to_numpy()]
        if t.empty:
            return
        cols = ["story", *p["key"]]
        # The same figure: the same value in the same wording ("at least 1" only
        # agrees with "1"; it does not corroborate it).
        same = [*cols, "value", "qualifier"]
        agree = t.groupby(same, sort=False)["src"].transform("nunique") >= p["min_sources"]
        for values, rows in split_groups(t[agree.to_numpy()], same, ("pos", "src")):
            story, key = key_of(cols, values[: len(cols)])
            yield ctx.finding(rule, story, key, rows["pos"], sources=str(len(set(rows["src"]))))
