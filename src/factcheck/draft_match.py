"""Which source figures are the same quantity as a draft figure, and which of them it
cannot be: the rules' own grouping, so that draft mode improves with the rules.

    by_role(facts, is_draft, conflict_params)    counts with a role (killed, evacuated)
    by_frame(facts, is_draft, quantity_params)   figures that name what they measure

A source figure that is the same quantity is evidence; it *agrees* when the draft's
figure can be its value, and it is *against* the draft when it cannot, speaks of the
same moment (a toll a day earlier is an earlier moment of it, as FC001 reads sources)
and is one of its source's own figures (not a superseded running update, not one of
several counts the source gives).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.extract.frame.lexicon import load_frame_lexicon
from factcheck.facts import FactTable, fact_table
from factcheck.models import Fact
from factcheck.rules.kinds.base import (
    Context,
    candidates,
    kept,
    own_figures,
    own_floors,
    sentences_of,
    split_groups,
)
from factcheck.rules.kinds.conflict import _Moment, _phrases
from factcheck.rules.kinds.quantity import (
    LOOSE,
    Games,
    _linked,
    _same_statement,
    _statement_link,
    candidates_in_base_units,
)
from factcheck.rules.kinds.stages import late_params, shared_stages
from factcheck.rules.lexicon import monotonic_measures
from factcheck.rules.places import gap_ratio, with_story_frame

# FC001's grades of "the same moment" that make a disagreement a contradiction: the
# same stage of the story, or the same day with nothing else known. A pair worded as
# a running count ("unsure") may be two moments of a toll.
SAME_MOMENT = ("same", "day")


@dataclass(frozen=True)
class Match:
    """The source facts (positions in the run) that are the same quantity as one draft
    fact, those its figure can be (`agreeing`) and those it cannot (`against`)."""

    same: tuple[int, ...] = ()
    agreeing: tuple[int, ...] = ()
    against: tuple[int, ...] = ()

    def __or__(self, other: Match) -> Match:
        return Match(*(tuple(dict.fromkeys(a + b)) for a, b in
                       zip((self.same, self.agreeing, self.against),
                           (other.same, other.agreeing, other.against), strict=True)))


def _table(facts: Sequence[Fact], is_draft: Sequence[bool]) -> FactTable:
    return fact_table(facts).assign(draft=[bool(d) for d in is_draft])


def by_role(facts: Sequence[Fact], is_draft: Sequence[bool],
            params: dict[str, Any]) -> dict[int, Match]:
    """For each draft fact (by position in `facts`) that the conflict rule can compare,
    the source facts of its group (story, measure, entity, place, scope, unit, actor)."""
    t = candidates(_table(facts, is_draft), params)
    if t.empty:
        return {}
    t = with_story_frame(t, params["key"], params)
    cols = ["story", *params["key"]]
    monotonic = monotonic_measures()
    changing = monotonic | frozenset(params["changing_measures"])
    stages = shared_stages(t, cols, changing, params["stage_gap"], *late_params(params))
    words = (_phrases(tuple(params["rising_words"])),
             _phrases(tuple(params["running_count_words"])))
    ctx = Context(facts=facts, monotonic=monotonic)
    fields = ("pos", "src", "lo", "hi", "measure", "qualifier", "draft", "when", "day_only")
    out: dict[int, Match] = {p: Match() for p, d in zip(t["pos"], t["draft"], strict=True) if d}
    for values, rows in split_groups(t, cols, fields):
        drafts = [i for i, d in enumerate(rows["draft"]) if d]
        if not drafts:
            continue
        sources = kept(rows, [not d for d in rows["draft"]])
        grows = [m in monotonic for m in sources["measure"]]
        own = own_figures(own_floors(sources, params), grows,
                          sentences_of(sources["pos"], facts), params)
        moment = _Moment(values[0], tuple(values[1:]), values[cols.index("scope")] == "period",
                         stages, words, ctx, changing, monotonic)
        for i in drafts:
            agreeing, against = [], []
            for k, p in enumerate(sources["pos"]):
                if _overlap((rows["lo"][i], rows["hi"][i]), (sources["lo"][k], sources["hi"][k])):
                    agreeing.append(int(p))
                elif own[k] and _same_moment(moment, rows, i, sources, k):
                    against.append(int(p))
            # A figure that holds for each of several places ("Wajima and Suzu each have
            # 24 deaths") is a row per place: it answers to every place's figures.
            at = int(rows["pos"][i])
            out[at] = out[at] | Match(tuple(int(p) for p in sources["pos"]),
                                      tuple(agreeing), tuple(against))
    return out


def _same_moment(moment: _Moment, rows: dict[str, list], i: int,
                 sources: dict[str, list], k: int) -> bool:
    """Whether the draft's figure `i` and the source figure `k` speak of one moment.

    Stricter than FC001 for a count that changes as the story unfolds: a report
    without a date may be of any moment of it, so without both dates only the same
    stage of the story (the draft and the source agree on its other tolls, as the
    conflict rule reads them) makes the source's figure a contradiction."""
    pair = {f: [rows[f][i], sources[f][k]] for f in rows}
    changing = pair["measure"][0] in moment.changing and not moment.settled
    grade = moment.grade(pair, 0, 1)
    if changing and (math.isnan(pair["when"][0]) or math.isnan(pair["when"][1])):
        return grade == "same"
    return grade in SAME_MOMENT


def by_frame(facts: Sequence[Fact], is_draft: Sequence[bool],
             params: dict[str, Any]) -> dict[int, Match]:
    """For each draft fact that names what it measures (an age, a magnitude, a price, a
    distance), the source facts that are the same quantity as the quantity rule (FC008)
    groups them: one frame, in base units, within the rule's band of the draft's figure
    (a game's points are not a career's)."""
    t = candidates_in_base_units(_table(facts, is_draft), params, Context(facts=facts))
    if t.empty:
        return {}
    cols = ["story", *params["key"]]
    fields = ("pos", "src", "lo", "hi", "value", "qualifier", "draft", "named", "when")
    attributes = load_frame_lexicon().attributes  # "population": a named quantity
    ctx = Context(facts=facts)
    games = Games.of(facts, params)
    out: dict[int, Match] = {}
    for values, rows in split_groups(t, cols, fields):
        drafts = [i for i, d in enumerate(rows["draft"]) if d]
        if not drafts:
            continue
        dimension, thing = values[cols.index("dimension")], values[cols.index("thing")]
        physical = str(dimension).startswith("[")  # a length, a mass
        ratio = params["measure_band_ratio"] if physical else params["band_ratio"]
        # counts and places in a sequence naming no owner ("two fights", "the third
        # quarter") are one quantity only when their sentences say the same thing
        loose = (dimension in LOOSE and params["loose_overlap"] > 0 and thing not in attributes)
        same = _same_statement(ctx, params["loose_overlap"], thing) if loose else None
        ordinal = dimension == "ordinal"
        # a count or a record can be revised between days ("fewer than 400,000" in
        # September, "almost 700,000" in October): another day's is another moment
        revisable = dimension in ("count", "record")
        sources = kept(rows, [not d for d in rows["draft"]])
        for i in drafts:
            lo, hi = rows["lo"][i], rows["hi"][i]
            said = None if same is None else _statement_of(rows, i, sources, same, ordinal)
            # the band of the draft's figure: a source's figures far from it (a game's
            # points beside a career's) do not make its near ones several counts
            near = kept(sources, [gap_ratio(lo, hi, a, b) <= ratio and (said is None or p in said)
                                  for a, b, p in zip(sources["lo"], sources["hi"], sources["pos"],
                                                     strict=True)])
            if not near["pos"]:
                continue
            own = own_figures(own_floors(near, params), [False] * len(near["pos"]),
                              sentences_of(near["pos"], facts), params)
            agreeing, against = [], []
            for k, p in enumerate(near["pos"]):
                if _overlap((lo, hi), (near["lo"][k], near["hi"][k])):
                    agreeing.append(int(p))
                elif own[k] and not (revisable and _other_day(rows["when"][i], near["when"][k])) \
                        and not (dimension == "count" and rows["named"][i] and near["named"][k]
                                 and games.apart(values[0], rows["src"][i], near["src"][k],
                                                 facts[rows["pos"][i]], facts[p])):
                    against.append(int(p))  # (a player's points in another game are not)
            out[int(rows["pos"][i])] = Match(tuple(int(p) for p in near["pos"]),
                                             tuple(agreeing), tuple(against))
    return out


def _statement_of(rows: dict[str, list], i: int, sources: dict[str, list], same,
                  ordinal: bool) -> set[int]:
    """The source figures in the draft figure `i`'s statement, linked as the quantity
    rule links them, pairwise and through others: the draft's "lap 20" says what a
    source's "halted after 20 of 71 laps" says, and so what "21 of 71 laps completed"
    says."""
    both = {k: [rows[k][i], *sources[k]] for k in ("pos", "named")}
    for group in _linked(len(both["pos"]), _statement_link(both, same, ordinal)):
        if 0 in group:
            return {both["pos"][k] for k in group if k}
    return set()


def _other_day(a: float, b: float) -> bool:
    """Both dated (seconds since the epoch, UTC), on different days."""
    return not (math.isnan(a) or math.isnan(b)) and a // 86400 != b // 86400


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
