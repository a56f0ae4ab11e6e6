"""Run a quantity backend and the context stage over documents."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from factcheck.extract.numbers import finite
from factcheck.models import Document, Fact, Quantity

Backend = Callable[[str], list[Quantity]]


def _native() -> Backend:
    from factcheck.extract.quantities import find_quantities

    return find_quantities


def _quantulum3() -> Backend:
    from factcheck.extract.quantulum import find_quantities

    return find_quantities


BACKENDS: dict[str, Callable[[], Backend]] = {"native": _native, "quantulum3": _quantulum3}


def extract_facts(
    docs: Iterable[Document], backend: str = "native", context: bool = True
) -> list[Fact]:
    """Every figure of every document, as facts numbered in input order.

    Figures inside page furniture (Document.skip) are dropped before the
    context stage sees them; `Fact.converts` is rewritten from an index in the
    document's quantity list to the partner's run-wide `Fact.id`. A rate's
    denominator is carried over from the quantity, and the unit is spelled out
    in words (`Fact.normalized_unit`) once the context stage has said what a
    count counts, and the figure's line and column in its file are filled in.
    """
    from factcheck.extract.context import annotate, bare_facts
    from factcheck.extract.frame import assign_frames
    from factcheck.extract.unitnames import unit_in_words

    find = BACKENDS[backend]()
    describe = annotate if context else bare_facts
    facts: list[Fact] = []
    for doc in docs:
        quantities = _drop_skipped(doc, [_finite(q) for q in find(doc.text)])
        base = len(facts)
        lines = doc.line_index()
        dense = _dense(quantities) if context else set()
        # the context stage returns one fact per quantity, in the same order
        described = _described(doc, quantities, dense, describe, bare_facts)
        for i, (q, fact) in enumerate(zip(quantities, described, strict=True)):
            fact.id = base + i
            if fact.converts is not None:
                fact.converts += base
            fact.per, fact.second, fact.zone = q.per, q.second, q.zone
            fact.line, fact.column = _position(doc, lines, fact.start)
            fact.normalized_unit = unit_in_words(fact.unit, fact.per, fact.counted or fact.entity)
            facts.append(fact)
        if context:
            assign_frames(doc, [f for i, f in enumerate(facts[base:]) if i not in dense])
    return facts


# A stretch of at least DENSE_RUN figures each at most DENSE_GAP characters after the
# one before ("1,1,1,…", "one two three …", a dumped table) is no prose: its figures
# are kept bare, without the context stage and frames, whose cost per figure is made
# for sentences, not for megabytes of numbers.
DENSE_RUN = 50
DENSE_GAP = 8


def _dense(quantities: list[Quantity]) -> set[int]:
    """Indices of the figures in stretches of numbers with no words between them."""
    out: set[int] = set()
    run = 0
    for i in range(1, len(quantities) + 1):
        if i < len(quantities) and quantities[i].start - quantities[i - 1].start <= DENSE_GAP:
            run += 1
            continue
        if run + 1 >= DENSE_RUN:
            out.update(range(i - run - 1, i))
        run = 0
    return out


Describe = Callable[[Document, list[Quantity]], list[Fact]]


def _described(doc: Document, quantities: list[Quantity], dense: set[int], describe: Describe,
               bare_facts: Describe) -> list[Fact]:
    """One fact per quantity, in order: dense stretches bare, the rest with context."""
    if not dense:
        return describe(doc, quantities)
    prose = iter(describe(doc, [q for i, q in enumerate(quantities) if i not in dense]))
    bare = iter(bare_facts(doc, [q for i, q in enumerate(quantities) if i in dense]))
    return [next(bare) if i in dense else next(prose) for i in range(len(quantities))]


def _finite(q: Quantity) -> Quantity:
    """A figure beyond a float ("1e309", "10^400") is kept as text, without a value."""
    if finite(q.value) is None and q.value is not None or \
            finite(q.low) is None and q.low is not None or \
            finite(q.high) is None and q.high is not None:
        q.value = q.low = q.high = None
    return q


def _position(doc: Document, lines: list[int], offset: int) -> tuple[int | None, int | None]:
    """1-based line and column (in characters) of `offset` in the document's file."""
    if doc.first_line is None:
        return None, None
    i = bisect_right(lines, offset) - 1
    return doc.first_line + i, offset - lines[i] + 1


def _drop_skipped(doc: Document, quantities: list[Quantity]) -> list[Quantity]:
    if not doc.skip:
        return quantities
    kept = [i for i, q in enumerate(quantities) if not doc.is_skipped(q.start)]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for old in kept:
        q = quantities[old]
        if q.converts is not None:
            q.converts = new_index.get(q.converts)
        out.append(q)
    return out
