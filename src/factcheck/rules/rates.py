"""Exchange rates a story's own texts state: "€2 million ($2.6 million)", "2m euros
(£1.7m; $2.6m)". Sums in two currencies are compared only through such rates, never
through a rate from outside the story (it would be another day's).

A stated pair gives a rate as an interval: both sides are rounded figures, so
"€2 million ($2.6 million)" says a euro is 1.24–1.36 dollars. Rates chain (euros to
pounds and euros to dollars give pounds to dollars), their intervals multiplying.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.facts import interval
from factcheck.models import Fact

MONEY = "money:"
Interval = tuple[float, float]


@dataclass(frozen=True)
class Rates:
    """A story's main currency and, for each currency linked to it, the factor (an
    interval) that takes a sum into the main currency."""

    main: str
    factors: dict[str, Interval]


def currency(fact: Fact) -> str | None:
    d = fact.dimension or ""
    return d[len(MONEY):] if d.startswith(MONEY) else None


def stated_rates(facts: Sequence[Fact]) -> dict[str, Rates]:
    """story → the rates its texts state.

    The main currency is the one the story's sums are most often given in; a currency
    no stated pair links to it is absent (its sums stay apart)."""
    by_id = {f.id: f for f in facts}
    pairs: dict[str, dict[tuple[str, str], Interval]] = defaultdict(dict)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in facts:
        a = currency(f)
        if a is None:
            continue
        counts[f.story or ""][a] += 1
        partner = by_id.get(f.converts) if f.converts is not None else None
        b = currency(partner) if partner is not None else None
        if b is None or b == a or partner.doc != f.doc:
            continue
        rate = _rate(f, partner)
        if rate is not None:
            seen = pairs[f.story or ""]
            seen[(a, b)] = _meet(seen.get((a, b)), rate)
            seen[(b, a)] = _meet(seen.get((b, a)), (1 / rate[1], 1 / rate[0]))
    return {story: _factors(edges, counts[story]) for story, edges in pairs.items()}


def _rate(a: Fact, b: Fact) -> Interval | None:
    """How many of b's currency one unit of a's buys, as an interval. The figure
    written first is the one converted: the conversion is rounded from it ("€2 million
    ($2.6 million)": a euro is 2.55/2 to 2.65/2 dollars)."""
    first, then = (a, b) if a.start <= b.start else (b, a)
    shown = interval(then)
    if first.value is None or first.value <= 0 or shown is None or shown[0] <= 0:
        return None
    if not all(map(_finite, (first.value, *shown))):
        return None
    rate = shown[0] / first.value, shown[1] / first.value
    return rate if first is a else (1 / rate[1], 1 / rate[0])


def _finite(x: float) -> bool:
    return x == x and abs(x) != float("inf")


def _meet(old: Interval | None, new: Interval) -> Interval:
    """Two statements of one rate: their overlap, or both when they do not overlap."""
    if old is None:
        return new
    lo, hi = max(old[0], new[0]), min(old[1], new[1])
    return (lo, hi) if lo <= hi else (min(old[0], new[0]), max(old[1], new[1]))


def _factors(edges: dict[tuple[str, str], Interval], counts: dict[str, int]) -> Rates:
    linked = {c for pair in edges for c in pair}
    main = max(sorted(linked), key=lambda c: counts.get(c, 0))
    factors = {main: (1.0, 1.0)}
    todo = [main]
    while todo:  # breadth first: the shortest chain of stated rates
        b = todo.pop(0)
        for (x, y), rate in sorted(edges.items()):
            if y == b and x not in factors:
                factors[x] = (rate[0] * factors[b][0], rate[1] * factors[b][1])
                todo.append(x)
    return Rates(main, factors)
