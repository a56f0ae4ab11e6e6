"""Whether a figure counts one incident, a running total, or a period (scope.yaml).

The first scope whose pattern occurs in the sentence wins, in the order
cumulative, period, event; words in the attribution ("said on Thursday") and
in a comparison ("the heaviest attack this year") do not count. With no
pattern, a sentence that plainly reports an incident is an event; otherwise
the scope is left unknown (None), never guessed.
"""

from __future__ import annotations

from .lexicon import Lexicon


def scope_marks(lex: Lexicon, text: str) -> tuple[list[tuple[str, int]], list[int]]:
    """Where each scope's patterns and the incident cues occur in a sentence (once per sentence)."""
    marks = []
    if lex.scope_regex is not None:
        rank = {scope: k for k, scope in enumerate(lex.scope_order)}
        found = [(m.lastgroup, m.start()) for m in lex.scope_regex.finditer(text)]
        if found and lex.comparison is not None:
            # "in one of the heaviest attacks this year": "this year" dates the comparison.
            spans = [m.span() for m in lex.comparison.finditer(text)]
            found = [x for x in found if not any(a <= x[1] < b for a, b in spans)]
        marks = sorted(found, key=lambda x: rank[x[0]])
    cues = (
        [m.start() for m in lex.incident_cues.finditer(text)]
        if lex.incident_cues is not None
        else []
    )
    return marks, cues


def find_scope(
    lex: Lexicon,
    marks: tuple[list[tuple[str, int]], list[int]],
    masked: tuple[int, int] | None,
    measure: str | None,
    simple_past: bool,
) -> str | None:
    scoped, cues = marks
    for scope, at in scoped:  # in lexicon order: cumulative, period, event
        if not (masked and masked[0] <= at < masked[1]):
            return scope
    if measure in lex.incident_measures:
        if simple_past:
            return "event"
        if any(not (masked and masked[0] <= at < masked[1]) for at in cues):
            return "event"
    return None
