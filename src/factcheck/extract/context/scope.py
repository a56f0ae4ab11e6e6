"""Whether a figure counts one incident, a running total, or a period (scope.yaml).

The first scope whose pattern occurs in the sentence wins, in the order
cumulative, period, event; words in the attribution ("said on Thursday") do
not count, nor do words in a comparison after the figure ("launched 400 drones
overnight, the heaviest attack this year"). With no pattern, a sentence that
plainly reports an incident is an event; otherwise the scope is left unknown
(None), never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .lexicon import Lexicon


class ScopeMarks(NamedTuple):
    """Where each scope's patterns, the incident cues and the comparisons occur in a
    sentence (sentence offsets), computed once per sentence."""

    marks: list[tuple[str, int]]  # (scope, offset), in lexicon order
    cues: list[int]
    comparisons: list[tuple[int, int]]  # clause spans opened by "the heaviest", "a record"


def scope_marks(lex: Lexicon, text: str) -> ScopeMarks:
    """`text` is the lower-cased sentence."""
    marks: list[tuple[str, int]] = []
    comparisons: list[tuple[int, int]] = []
    if lex.scope_regex is not None:
        rank = {scope: k for k, scope in enumerate(lex.scope_order)}
        marks = sorted(
            ((m.lastgroup, m.start()) for m in lex.scope_regex.finditer(text)),
            key=lambda x: rank[x[0]],
        )
        if marks and lex.comparison is not None:
            comparisons = [m.span() for m in lex.comparison.finditer(text)]
    cues = (
        [m.start() for m in lex.incident_cues.finditer(text)]
        if lex.incident_cues is not None
        else []
    )
    return ScopeMarks(marks, cues, comparisons)


def own_marks(marks: ScopeMarks, masked: tuple[int, int] | None, at: int) -> list[tuple[str, int]]:
    """The scope marks that date the figure at sentence offset `at`: not in the
    attribution, not in a comparison that follows the figure."""
    out = []
    for scope, pos in marks.marks:
        if masked and masked[0] <= pos < masked[1]:
            continue
        if any(at < a <= pos < b for a, b in marks.comparisons):
            continue  # "467 drones overnight, in one of the heaviest attacks this year"
        out.append((scope, pos))
    return out


def find_scope(
    lex: Lexicon,
    marks: ScopeMarks,
    masked: tuple[int, int] | None,
    at: int,
    measure: str | None,
    simple_past: bool,
    carried: Callable[[], str | None] | None = None,
) -> str | None:
    """`carried` gives (lazily: it looks at another sentence) the period or running
    total the previous sentence of the paragraph dated itself to; it holds when this
    sentence names no time and no incident."""
    own = own_marks(marks, masked, at)
    if own:
        return own[0][0]
    cues = [c for c in marks.cues if not (masked and masked[0] <= c < masked[1])]
    if carried is not None and not cues:
        before = carried()
        if before:
            return before  # "… in July 2012. Twelve people were killed and 70 wounded."
    if measure in lex.incident_measures:
        if simple_past:
            return "event"
        if cues:
            return "event"
    return None
