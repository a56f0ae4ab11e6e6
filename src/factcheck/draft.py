"""Draft mode: every figure of an editor's draft against the sources, figure by figure.

    judge_draft(draft_facts, source_facts, pack) -> Draft

A draft figure is **supported** when a source states a value its wording
allows (the evidence: those source figures), **contradicted** when sources
give the same quantity only values it cannot hold (the evidence: those), and
**unsupported** when no source states the quantity at all. The draft is never
a source: it corroborates nothing, and its figures are judged whatever the
dates ("17 injured" in a draft written a day after sources saying 12 is not
"the toll rose" — no source says 17).

"The same quantity" is one question, answered by `same_quantity` with the
conflict rule's own grouping (its comparable rows, key columns, story places
and each outlet's own figures), so draft mode improves whenever the rule
engine's alignment does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from factcheck.facts import fact_table
from factcheck.models import Fact
from factcheck.rules.kinds import KINDS
from factcheck.rules.kinds.base import (
    candidates,
    kept,
    own_figures,
    own_floors,
    sentences_of,
    split_groups,
)
from factcheck.rules.lexicon import monotonic_measures
from factcheck.rules.params import validate
from factcheck.rules.places import gap_ratio, with_story_frame
from factcheck.rules.rule import Rule

VERDICTS = ("contradicted", "unsupported", "supported")
# How a verdict weighs for --fail-on, --min-severity and the machine formats, and the
# code it is known by (to select, ignore or silence it like a rule's findings).
SEVERITY = {"contradicted": "error", "unsupported": "warning", "supported": "info"}
CODES = {"contradicted": "FD001", "unsupported": "FD002", "supported": "FD003"}
NAMES = {"contradicted": "draft-contradicted", "unsupported": "draft-unsupported",
         "supported": "draft-supported"}
DESCRIPTIONS = {
    "contradicted": "A figure of the draft that the sources give differently for the same "
                    "quantity.",
    "unsupported": "A figure of the draft that no source states.",
    "supported": "A figure of the draft that a source states.",
}


@dataclass(frozen=True)
class DraftFigure:
    fact: Fact
    verdict: str  # supported · contradicted · unsupported
    evidence: tuple[Fact, ...] = ()

    @property
    def code(self) -> str:
        return CODES[self.verdict]

    @property
    def severity(self) -> str:
        return SEVERITY[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact.to_dict(), "verdict": self.verdict,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class Draft:
    doc: str
    path: str | None
    figures: tuple[DraftFigure, ...]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for f in self.figures:
            out[f.verdict] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "figures": [f.to_dict() for f in self.figures],
                "summary": self.counts()}


def alignment_rule(pack: Sequence[Rule], kind: str = "conflict") -> dict[str, Any]:
    """The parameters of the pack's rule of `kind` (its defaults when the pack has none):
    the conflict rule aligns counts with a role, the quantity rule every other figure."""
    for rule in pack:
        if rule.kind == kind:
            return rule.params
    return validate({}, KINDS[kind].params())


@dataclass(frozen=True)
class Match:
    """The source facts that are the same quantity as one draft fact (`same`), and those
    of them the conflict rule would set against another outlet's (`compared`)."""

    same: tuple[int, ...] = ()
    compared: tuple[int, ...] = ()
    agreeing: tuple[int, ...] = ()  # of `same`, those whose figure the draft's can be


def same_quantity(facts: Sequence[Fact], is_draft: Sequence[bool],
                  params: dict[str, Any]) -> dict[int, Match]:
    """For each draft fact (by position in `facts`) that can be compared, the source
    facts that are the same quantity, as the conflict rule groups them.

    `compared` leaves out what the rule leaves out of a source's own figures (a plain
    figure it also states as a floor, superseded running updates of a toll, figures
    of a source speaking of several counts), so a source is set against the draft by
    what it means, as the rule sets it against other sources.
    """
    table = fact_table(facts)
    table["draft"] = np.asarray(is_draft, dtype=bool)
    t = candidates(table, params)
    if t.empty:
        return {}
    t = with_story_frame(t, params["key"], params)
    cols = ["story", *params["key"]]
    fields = ("pos", "src", "lo", "hi", "measure", "qualifier", "draft")
    monotonic = monotonic_measures()
    out: dict[int, Match] = {int(p): Match() for p in t["pos"][t["draft"]]}
    for _, rows in split_groups(t, cols, fields):
        drafts = [i for i, d in enumerate(rows["draft"]) if d]
        if not drafts:
            continue
        sources = kept(rows, [not d for d in rows["draft"]])
        same = tuple(int(x) for x in sources["pos"])
        bounds = dict(zip(sources["pos"], zip(sources["lo"], sources["hi"], strict=True),
                          strict=True))
        sources = own_floors(sources, params)
        grows = [m in monotonic for m in sources["measure"]]
        said = sentences_of(sources["pos"], facts)
        sources = kept(sources, own_figures(sources, grows, said, params))
        compared = tuple(int(x) for x in sources["pos"])
        for i in drafts:
            own = (rows["lo"][i], rows["hi"][i])
            agreeing = tuple(p for p in same if _overlap(own, bounds[p]))
            out[int(rows["pos"][i])] = Match(same, compared, agreeing)
    return out


def same_quantity_by_frame(facts: Sequence[Fact], is_draft: Sequence[bool],
                           params: dict[str, Any]) -> dict[int, Match]:
    """For each draft fact that names what it measures (an age, a magnitude, a price, a
    distance), the source facts that are the same quantity as the quantity rule (FC008)
    groups them: one frame, in base units, within the rule's band of the draft's figure
    (a game's points are not a career's)."""
    from factcheck.rules.kinds.base import Context
    from factcheck.rules.kinds.quantity import candidates_in_base_units

    table = fact_table(facts)
    table["draft"] = np.asarray(is_draft, dtype=bool)
    t = candidates_in_base_units(table, params, Context(facts=facts))
    if t.empty:
        return {}
    cols = ["story", *params["key"]]
    out: dict[int, Match] = {}
    for values, rows in split_groups(t, cols, ("pos", "src", "lo", "hi", "value", "qualifier",
                                               "draft")):
        drafts = [i for i, d in enumerate(rows["draft"]) if d]
        if not drafts:
            continue
        physical = str(values[cols.index("dimension")]).startswith("[")  # a length, a mass
        ratio = params["measure_band_ratio"] if physical else params["band_ratio"]
        sources = kept(rows, [not d for d in rows["draft"]])
        said = sentences_of(sources["pos"], facts)
        own = own_figures(own_floors(sources, params), [False] * len(sources["pos"]), said,
                          params)
        for i in drafts:
            lo, hi = rows["lo"][i], rows["hi"][i]
            near = [k for k in range(len(sources["pos"]))
                    if gap_ratio(lo, hi, sources["lo"][k], sources["hi"][k]) <= ratio]
            if not near:
                continue
            same = tuple(int(sources["pos"][k]) for k in near)
            compared = tuple(int(sources["pos"][k]) for k in near if own[k])
            agreeing = tuple(int(sources["pos"][k]) for k in near
                             if _overlap((lo, hi), (sources["lo"][k], sources["hi"][k])))
            out[int(rows["pos"][i])] = Match(same, compared, agreeing)
    return out


def judge_draft(draft: Sequence[Fact], sources: Sequence[Fact], pack: Sequence[Rule],
                doc: str, path: str | None = None) -> Draft:
    """Every figure of the draft with its verdict and evidence, in the draft's order.

    The draft's figures are put in the sources' story so that they are grouped with
    them; figures of a kind never compared (dates, years, ordinals, durations) get
    no verdict.
    """
    from factcheck.facts import interval

    params = alignment_rule(pack)
    story = next((f.story for f in sources if f.story), None)
    placed = [replace(f, story=story) for f in draft] if story else list(draft)
    facts = [*placed, *sources]
    is_draft = [True] * len(placed) + [False] * len(sources)
    matches = same_quantity(facts, is_draft, params)
    by_frame = same_quantity_by_frame(facts, is_draft, alignment_rule(pack, "quantity"))
    skip = set(params["skip_kinds"])
    figures = []
    for i, fact in enumerate(draft):
        match = matches.get(i) if i in matches and matches[i].same else by_frame.get(i)
        if match is None and (fact.kind in skip or interval(fact) is None):
            continue
        match = match or matches.get(i, Match())
        agree = [facts[p] for p in match.agreeing]
        if agree:
            figures.append(DraftFigure(fact, "supported", tuple(agree)))
        elif match.compared:
            figures.append(DraftFigure(fact, "contradicted",
                                       tuple(facts[p] for p in match.compared)))
        else:
            figures.append(DraftFigure(fact, "unsupported",
                                       tuple(facts[p] for p in match.same)))
    return Draft(doc=doc, path=path, figures=tuple(figures))


def _overlap(a: tuple[float, float], b: tuple[float, float] | None) -> bool:
    return b is not None and a[0] <= b[1] and b[0] <= a[1]
