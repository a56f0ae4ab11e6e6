"""Draft mode: every figure of an editor's draft against the sources, figure by figure.

    judge_draft(draft_facts, source_facts, pack) -> Draft

A draft figure is **contradicted** when a source gives the same quantity, at the
same moment, a value it cannot hold, even if other sources agree with it (the
evidence: the figures against it; an editor wants to know that sources differ);
**supported** when a source states a value its wording allows (the evidence:
those figures); and **unsupported** otherwise (the evidence: the source figures
for the same quantity, if any, that may be of another moment). The draft is never
a source: it corroborates nothing. Its tolls are read at its own date, as FC001
reads sources: "17 injured" against a source a day older saying 12 is not a
contradiction (the toll may have risen), but no source says 17 either. A toll
is contradicted by a source of the draft's own day, or, when a date is missing
(front matter `date:`), by a source at the same stage of the story: one that
agrees with the draft on its other tolls ("14 dead" in both, 30 against 45
injured).

"The same quantity" is answered in draft_match.py with the rules' own grouping
(the conflict rule's for counts with a role, the quantity rule's for figures
that name what they measure), so draft mode improves whenever the rules'
alignment does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from factcheck.draft_match import Match, by_frame, by_role
from factcheck.facts import interval
from factcheck.models import Fact
from factcheck.rules.kinds import KINDS
from factcheck.rules.params import validate
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


def judge_draft(draft: Sequence[Fact], sources: Sequence[Fact], pack: Sequence[Rule],
                doc: str, path: str | None = None) -> Draft:
    """Every figure of the draft with its verdict and evidence, in the draft's order.

    The draft's figures are put in the sources' story so that they are grouped with
    them; figures of a kind never compared (dates, years, ordinals, durations) get
    no verdict.
    """
    params = alignment_rule(pack)
    story = next((f.story for f in sources if f.story), None)
    placed = [replace(f, story=story) for f in draft] if story else list(draft)
    facts = [*placed, *sources]
    is_draft = [True] * len(placed) + [False] * len(sources)
    roles = by_role(facts, is_draft, params)
    frames = by_frame(facts, is_draft, alignment_rule(pack, "quantity"))
    skip = set(params["skip_kinds"])
    figures = []
    for i, fact in enumerate(draft):
        # a count with a role is judged by its role when a source states that role;
        # otherwise by what it measures
        match = roles[i] if i in roles and roles[i].same else frames.get(i)
        if match is None and (fact.kind in skip or interval(fact) is None):
            continue
        figures.append(_verdict(fact, match or roles.get(i, Match()), facts))
    return Draft(doc=doc, path=path, figures=tuple(figures))


def _verdict(fact: Fact, match: Match, facts: Sequence[Fact]) -> DraftFigure:
    if match.against:
        return DraftFigure(fact, "contradicted", tuple(facts[p] for p in match.against))
    if match.agreeing:
        return DraftFigure(fact, "supported", tuple(facts[p] for p in match.agreeing))
    return DraftFigure(fact, "unsupported", tuple(facts[p] for p in match.same))
