"""bound: a part larger than its whole (downed > launched, hospitalised > injured).

Which measure bounds which is data: the rule's `pairs`. Parts and wholes are
compared within the same story and key, across sources too.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.facts import FactTable
from factcheck.models import Finding
from factcheck.rules import wording
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    in_groups,
    key_of,
    nanmax,
    nanmin,
    split_groups,
)
from factcheck.rules.params import Grouping, choice, records, word


class Bound(Kind):
    name = "bound"
    summary = "A part (downed, hospitalised) exceeds its whole (launched, injured)."
    fields = ("part", "whole", "part_values", "whole_values")

    def params(self):
        return Grouping(
            key=("entity", "location", "scope", "unit"),
            extra={"pairs": records({"part": word(help="the part's measure"),
                                     "whole": word(help="the whole's measure")},
                                    help="measure pairs: the part can never exceed the whole"),
                   "whole_figure": choice(
                       ("largest", "each"), "largest",
                       "which whole a part is held against: the largest any source gives (a "
                       "smaller one may be an earlier count; their disagreement is the "
                       "conflict rule's), or each")},
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        cols = ["story", *(k for k in p["key"] if k != "measure")]
        for pair in p["pairs"]:
            parts = t.where(m == pair["part"] for m in t["measure"])
            wholes = t.where(m == pair["whole"] for m in t["measure"])
            if parts.empty or wholes.empty:
                continue
            largest = p["whole_figure"] == "largest"
            lo, hi = parts["lo"], wholes["hi"]
            top = {k: nanmax(lo[i] for i in at) for k, at in parts.groups(cols).items()}
            cap = {k: (nanmax if largest else nanmin)(hi[i] for i in at)
                   for k, at in wholes.groups(cols).items()}
            keys = [k for k, part_lo in top.items() if k in cap and part_lo > cap[k]]
            if not keys:
                continue
            hit_parts, hit_wholes = in_groups(parts, cols, keys), in_groups(wholes, cols, keys)
            wholes_by_key = dict(split_groups(hit_wholes, cols, ("pos", "hi")))
            for values, prows in split_groups(hit_parts, cols, ("pos", "lo")):
                wrows = wholes_by_key[values]
                over = _exceeding(prows, wrows, largest)
                if not over:
                    continue
                story, key = key_of(cols, values)
                part_facts = [ctx.facts[i] for i in sorted(over & set(prows["pos"]))]
                whole_facts = [ctx.facts[i] for i in sorted(over & set(wrows["pos"]))]
                yield ctx.finding(
                    rule, story, {"part": pair["part"], "whole": pair["whole"], **key}, over,
                    part=pair["part"], whole=pair["whole"],
                    part_values=wording.by_value(part_facts),
                    whole_values=wording.by_value(whole_facts))


def _exceeding(parts: dict[str, list], wholes: dict[str, list], largest: bool) -> set[int]:
    """Parts above a whole, and the wholes they exceed (only the largest when asked)."""
    out: set[int] = set()
    if largest:
        top = max(wholes["hi"])
        wholes = {k: [x for x, hi in zip(v, wholes["hi"], strict=True) if hi == top]
                  for k, v in wholes.items()}
    for p_pos, p_lo in zip(parts["pos"], parts["lo"], strict=True):
        for w_pos, w_hi in zip(wholes["pos"], wholes["hi"], strict=True):
            if p_lo > w_hi:
                out.update((p_pos, w_pos))
    return out
