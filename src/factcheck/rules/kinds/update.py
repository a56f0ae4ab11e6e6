"""update: a toll that only grows (killed, injured…) reported again by a later source.

A larger later figure is news, not a contradiction; a smaller later figure for a
toll that cannot shrink is worth a look. One kind, two rules (`direction`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial

from factcheck.facts import FactTable
from factcheck.models import Finding
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    disputed,
    kept,
    key_of,
    own_figure_params,
    own_figures,
    own_floors,
    sentences_of,
    split_groups,
    time_order,
)
from factcheck.rules.kinds.stages import late_params, shared_stages
from factcheck.rules.params import Grouping, choice, number, words
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
                "stage_gap": number(
                    0.0, "two sources that agree on the story's other tolls within this share "
                         "are at the same stage, whatever their dates: their different figures "
                         "are a conflict (FC001's), not an update (0: dates alone decide)"),
                "late_measures": words(
                    [], "tolls anchored only by another toll of the same measure (see FC001)"),
                **own_figure_params(),
                **place_params(),
            },
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        grows = set(p["measures"]) if p["measures"] is not None else ctx.monotonic
        t = candidates(table, p)
        t = t.where(m in grows for m in t["measure"])
        if t.empty:
            return
        t = with_story_frame(t, p["key"], p)  # undated figures name places too
        cols = ["story", *p["key"]]
        stages = (shared_stages(t, cols, frozenset(grows), p["stage_gap"], *late_params(p))
                  if p["stage_gap"] > 0 else None)
        t = t.where(not math.isnan(w) for w in t["when"])
        if t.empty:
            return
        # only groups dated twice whose figures cannot all hold can show a change
        hits = disputed(t, cols, several="when")
        rising = p["direction"] == "increase"
        fields = ("pos", "src", "lo", "hi", "when", "day_only", "qualifier")
        for values, rows in split_groups(hits, cols, fields):
            rows = own_floors(rows, p)
            grows = [True] * len(rows["src"])
            rows = kept(rows, own_figures(rows, grows, sentences_of(rows["pos"], ctx.facts), p))
            same_stage = None if stages is None else partial(
                stages.anchored, values[0], key=tuple(values[1:]),
                measure=values[cols.index("measure")])
            positions = _changes(rows, rising, same_stage)
            if positions:
                story, key = key_of(cols, values)
                yield ctx.finding(rule, story, key, positions, chronological=True)


def _changes(rows: dict[str, list], rising: bool, same_stage=None) -> set[int]:
    """Facts in an (earlier, later) pair whose figures moved the way asked for, unless
    their sources are at the same stage of the story (`same_stage`)."""
    pos, lo, hi, when, day = (rows[k] for k in ("pos", "lo", "hi", "when", "day_only"))
    src = rows["src"]
    out: set[int] = set()
    for i in range(len(pos)):
        for j in range(len(pos)):
            if time_order(when[i], day[i], when[j], day[j]) != -1:
                continue  # i is not known to come before j
            if same_stage is not None and same_stage(src[i], src[j]):
                continue  # one moment reported twice: a conflict, not a change
            if (lo[j] > hi[i]) if rising else (hi[j] < lo[i]):
                out.update((pos[i], pos[j]))
    return out
