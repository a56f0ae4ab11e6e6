"""update: a toll that only grows (killed, injured…) reported again by a later source.

A larger later figure is news, not a contradiction; a smaller later figure for a
toll that cannot shrink is worth a look. One kind, two rules (`direction`).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
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
from factcheck.rules.params import Grouping, choice, words
from factcheck.rules.places import place_params, with_story_frame


class Update(Kind):
    name = "update"
    summary = "A later-dated source gives a different figure for a toll that only grows."

    def params(self):
        return Grouping(
            key=("measure", "entity", "location", "scope", "unit", "actor"),
            extra={
                "direction": choice(("increase", "decrease"), help="which change is reported"),
                "measures": words(None, "measures that only grow; default: those marked "
                                        "`monotonic: true` in src/factcheck/data/rules/lexicon/measures.yaml"),
                **own_figure_params(),
                **place_params(),
            },
        ).spec()

    def find(self, table: pd.DataFrame, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        grows = set(p["measures"]) if p["measures"] is not None else ctx.monotonic
        t = candidates(table, p)
        t = t[t["measure"].isin(sorted(grows)).to_numpy()]
        if t.empty:
            return
        t = with_story_frame(t, p["key"], p)  # undated figures name places too
        t = t[~np.isnan(t["when"].to_numpy())]
        if t.empty:
            return
        cols = ["story", *p["key"]]
        g = t.groupby(cols, sort=False)
        dated = g["when"].transform("nunique") >= 2
        split = g["lo"].transform("max") > g["hi"].transform("min")
        hits = t[(dated & split).to_numpy()]
        rising = p["direction"] == "increase"
        fields = ("pos", "src", "lo", "hi", "when", "day_only", "qualifier")
        for values, rows in split_groups(hits, cols, fields):
            rows = own_floors(rows, p)
            grows = [True] * len(rows["src"])
            rows = kept(rows, own_figures(rows, grows, sentences_of(rows["pos"], ctx.facts), p))
            positions = _changes(rows, rising)
            if positions:
                story, key = key_of(cols, values)
                yield ctx.finding(rule, story, key, positions, chronological=True)


def _changes(rows: dict[str, list], rising: bool) -> set[int]:
    """Facts in an (earlier, later) pair whose figures moved the way asked for."""
    pos, lo, hi, when, day = (rows[k] for k in ("pos", "lo", "hi", "when", "day_only"))
    out: set[int] = set()
    for i in range(len(pos)):
        for j in range(len(pos)):
            if time_order(when[i], day[i], when[j], day[j]) != -1:
                continue  # i is not known to come before j
            if (lo[j] > hi[i]) if rising else (hi[j] < lo[i]):
                out.update((pos[i], pos[j]))
    return out
