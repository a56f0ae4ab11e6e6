"""What each figure is about: entity, measure, location, scope, attribution, source.

Placeholder until the context stage lands: `annotate` fills only what the
document itself knows (source, date, story) — owned by the context work.
"""

from __future__ import annotations

from factcheck.models import Document, Fact, Quantity


def bare_facts(doc: Document, quantities: list[Quantity]) -> list[Fact]:
    """Facts with the document's own fields and no sentence context."""
    return [
        Fact(
            doc=doc.id, source=doc.source_at(q.start), start=q.start, end=q.end, text=q.text,
            value=q.value, low=q.low, high=q.high, qualifier=q.qualifier, unit=q.unit,
            kind=q.kind, entity=q.noun, date=doc.date_at(q.start), story=doc.story, converts=q.converts,
        )
        for q in quantities
        if not doc.is_skipped(q.start)
    ]


def annotate(doc: Document, quantities: list[Quantity]) -> list[Fact]:
    return bare_facts(doc, quantities)
