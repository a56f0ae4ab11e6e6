"""Constants and small token tests the context stage's driver and its mixins share."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .words import Token

NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)
NEWLINE = re.compile("\n")
BARE_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you"])
NOT_COUNTS = frozenset({"date", "time", "year", "ordinal"})  # no entity or measure
COUNTED = frozenset({"count"})
LOOK_BACK = 3  # sentences a back-reference may reach
COMPARATIVES = frozenset(["more", "fewer", "less"])
STILL = frozenset(["remain", "remains", "remained", "still"])
COPULAS = frozenset(["is", "are", "was", "were"])
SENTENCE_STOPS = frozenset(".!?…'\"’”)")
HEADING_TOKENS = 16
CONJ_OR_QUALIFIER = frozenset(
    "and or , plus as well at least more than over nearly almost about around some roughly "
    "approximately up to another a further".split()
)


def first_token_at(tokens: list[Token], offset: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def snapshot(tokens: list[Token], j: int) -> bool:
    """ "Two people remain trapped", "three are still missing": a count at the time of
    writing, which shrinks as the story goes on, not the incident's own count."""
    return any(t.low in STILL for t in tokens[j : j + 3])


def difference(tokens: list[Token], after: int) -> bool:
    """The figure is followed by "more … than" / "fewer … than" in its clause: it counts
    the difference between two counts, not either of them."""
    if after >= len(tokens) or tokens[after].low not in COMPARATIVES:
        return False
    for t in tokens[after + 1 : after + 12]:
        if t.low == "than":
            return True
        if t.text in ",;:.!?()":
            return False
    return False


def compatible(a: str | None, b: str | None) -> bool:
    """Two entity classes that one predicate can cover (an unknown class fits any)."""
    return a is None or b is None or a == b


def opens_part(lex: Lexicon, tokens: list[Token], fig_first: int) -> bool:
    """The figure follows "including" / "among them": a share of the figure before it."""
    if fig_first < 1:
        return False
    if tokens[fig_first - 1].low in lex.part_openers:
        return True
    return fig_first >= 2 and (
        f"{tokens[fig_first - 2].low} {tokens[fig_first - 1].low}" in lex.part_openers
    )


def joined(tokens: list[Token], a: int, b: int) -> bool:
    """Only a conjunction (and qualifiers) lies between two figures' phrases."""
    between = tokens[a:b]
    return (
        bool(between)
        and all(t.low in CONJ_OR_QUALIFIER for t in between)
        and any(t.low in ("and", "or", ",", "plus") for t in between)
    )
