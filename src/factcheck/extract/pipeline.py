"""Run a quantity backend and the context stage over documents."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from math import isfinite

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
    """Every figure of every document, as facts numbered in input order (see iter_facts)."""
    return list(iter_facts(docs, backend, context))


def iter_facts(
    docs: Iterable[Document], backend: str = "native", context: bool = True
) -> Iterator[Fact]:
    """Every figure of every document, as facts numbered in input order, one at a time.

    Figures inside page furniture (Document.skip) are dropped before the
    context stage sees them; `Fact.converts` is rewritten from an index in the
    document's quantity list to the partner's run-wide `Fact.id`. A rate's
    denominator is carried over from the quantity, and the unit is spelled out
    in words (`Fact.normalized_unit`) once the context stage has said what a
    count counts, and the figure's line and column in its file are filled in.
    A document's prose figures are described and framed before its first fact
    is given out; the bare facts of its dense stretches are made as they are
    taken, so a writer that takes them one by one never holds them all.
    """
    from factcheck.extract.context import annotate, bare_facts
    from factcheck.extract.frame import assign_frames
    from factcheck.extract.unitnames import unit_in_words

    find = BACKENDS[backend]()
    describe = annotate if context else bare_facts
    base = 0
    for doc in docs:
        quantities = _drop_skipped(doc, [_finite(q) for q in find(doc.text)])
        lines = doc.line_index()
        stretches = _dense(quantities) if context else set()
        prose = _outside(len(quantities), stretches)
        # the context stage returns one fact per quantity, in the same order
        described = describe(doc, [quantities[i] for i in prose])
        for i, fact in zip(prose, described, strict=True):
            _finish(doc, lines, base, i, quantities[i], fact, unit_in_words)
        if context:
            assign_frames(doc, described)
        if not stretches:
            yield from described
        else:
            told = iter(described)
            for i, j in _tiled(len(quantities), stretches):
                if (i, j) not in stretches:
                    yield from (next(told) for _ in range(i, j))
                    continue
                for c in range(i, j, _CHUNK):  # bare, a bounded chunk at a time
                    chunk = quantities[c:min(j, c + _CHUNK)]
                    for k, (q, fact) in enumerate(zip(chunk, bare_facts(doc, chunk), strict=True)):
                        yield _finish(doc, lines, base, c + k, q, fact, unit_in_words)
        base += len(quantities)


_CHUNK = 4096


def _finish(doc: Document, lines: list[int], base: int, i: int, q: Quantity, fact: Fact,
            unit_in_words: Callable[..., str | None]) -> Fact:
    """What the run adds to the context stage's fact: run-wide ids, the rate, the file position."""
    fact.id = base + i
    if fact.converts is not None:
        fact.converts += base
    fact.per, fact.second, fact.zone = q.per, q.second, q.zone
    fact.line, fact.column = _position(doc, lines, fact.start)
    fact.normalized_unit = unit_in_words(fact.unit, fact.per, fact.counted or fact.entity)
    return fact


# A stretch of at least DENSE_RUN figures each at most DENSE_GAP characters after the
# one before ("1,1,1,…", "one two three …", a dumped table) is no prose: its figures
# are kept bare, without the context stage and frames, whose cost per figure is made
# for sentences, not for megabytes of numbers.
DENSE_RUN = 50
DENSE_GAP = 8


def _dense(quantities: list[Quantity]) -> set[tuple[int, int]]:
    """The stretches [i, j) of figures with no words between them."""
    out: set[tuple[int, int]] = set()
    run = 0
    for i in range(1, len(quantities) + 1):
        if i < len(quantities) and quantities[i].start - quantities[i - 1].start <= DENSE_GAP:
            run += 1
            continue
        if run + 1 >= DENSE_RUN:
            out.add((i - run - 1, i))
        run = 0
    return out


def _tiled(n: int, stretches: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """[0, n) cut into the stretches and what lies between them, in order."""
    out, at = [], 0
    for i, j in sorted(stretches):
        if at < i:
            out.append((at, i))
        out.append((i, j))
        at = j
    if at < n:
        out.append((at, n))
    return out


def _outside(n: int, stretches: set[tuple[int, int]]) -> list[int]:
    """The indices in [0, n) outside every stretch."""
    return [k for i, j in _tiled(n, stretches) if (i, j) not in stretches for k in range(i, j)]


def _finite(q: Quantity) -> Quantity:
    """A figure beyond a float ("1e309", "10^400") is kept as text, without a value."""
    v, lo, hi = q.value, q.low, q.high
    if (v is None or isfinite(v)) and (lo is None or isfinite(lo)) and (hi is None or isfinite(hi)):
        return q
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
