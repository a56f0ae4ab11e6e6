"""Stages: whether two sources report one moment of a story's changing counts.

A toll is a snapshot. Two sources are at the same stage of the story when they
agree on more of its tolls than they disagree on: the same death toll beside
different injured counts is one moment and a disagreement; the same injured count
beside different death tolls may be two (the dead are counted on after the
injured, `late` measures). Only each source's largest figure of a measure, its
toll, is evidence: a detail both repeat ("one man died in a village") or a
detail they dispute (the very conflict) is not.

    stages = shared_stages(table, cols, changing, gap, late, measure_at)
    stages.anchored(story, source_a, source_b, key, measure) -> bool

The conflict kind reads a disagreement at the same stage as an error whatever the
dates; the update kind leaves such a pair to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.facts import FactTable
from factcheck.rules.kinds.base import nanmax, split_groups


@dataclass(frozen=True)
class Stages:
    # (story, source, source) → (keys of tolls they agree on, keys they cannot agree on)
    by_pair: dict[tuple, tuple[set[tuple], set[tuple]]] = field(default_factory=dict)
    late: frozenset[str] = frozenset()
    measure_at: int | None = None  # where the measure sits in a key

    def anchored(self, story: Any, a: str, b: str, key: tuple, measure: str) -> bool:
        """Whether sources `a` and `b` agree on more of the story's other tolls (other
        than `key`) than they disagree on."""
        pair = (a, b) if a < b else (b, a)
        agree, apart = self.by_pair.get((story, *pair), (set(), set()))
        if measure in self.late and self.measure_at is not None:
            agree = {k for k in agree if k[self.measure_at] == measure}
            apart = {k for k in apart if k[self.measure_at] == measure}
        # a key they both agree and disagree on (several counts under it) tells nothing
        return len(agree - apart - {key}) > len(apart - agree - {key})


def late_params(p: dict[str, Any]) -> tuple[frozenset[str], int | None]:
    """A rule's late measures, and where the measure sits in its key."""
    key = list(p["key"])
    return frozenset(p.get("late_measures", ())), (key.index("measure") if "measure" in key
                                                  else None)


def shared_stages(t: FactTable, cols: list[str], changing: frozenset[str], gap: float,
                  late: frozenset[str] = frozenset(), measure_at: int | None = None) -> Stages:
    """For each (story, source, source) pair, the keys of tolls on which the two agree
    (figures within `gap` of each other) and those on which they cannot (intervals
    apart), vague figures and shares aside. `cols` is the story and the rule's key."""
    # Shares ("including 6 children") are small and reported from different breakdowns,
    # and a past period's settled toll says nothing of today's moment: only the event's
    # whole counts anchor.
    anchors = t.where(m in changing and q != "vague" and ph not in ("part", "share")
                      and sc != "period"
                      for m, q, ph, sc in zip(t["measure"], t["qualifier"], t["phase"], t["scope"],
                                              strict=True))
    value = anchors["value"]
    headline = {k: nanmax(value[i] for i in at)
                for k, at in anchors.groups(["story", "src", "measure"]).items()}
    out: dict[tuple, tuple[set[tuple], set[tuple]]] = {}
    for values, group in split_groups(anchors, cols, ("src", "value", "lo", "hi", "measure")):
        figures = sorted(set(zip(group["src"], group["value"], group["lo"], group["hi"],
                                 group["measure"], strict=True)))
        for a, (src_a, x, lo_a, hi_a, measure_a) in enumerate(figures):
            for src_b, y, lo_b, hi_b, measure_b in figures[a + 1:]:
                if src_a == src_b:
                    continue
                pair = (src_a, src_b) if src_a < src_b else (src_b, src_a)
                agree, apart = out.setdefault((values[0], *pair), (set(), set()))
                if not (headline[values[0], src_a, measure_a] == x
                        and headline[values[0], src_b, measure_b] == y):
                    continue
                if abs(x - y) <= gap * max(abs(x), abs(y)):
                    agree.add(tuple(values[1:]))
                elif lo_a > hi_b or lo_b > hi_a:
                    apart.add(tuple(values[1:]))
    return Stages(out, late, measure_at)
