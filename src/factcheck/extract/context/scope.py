"""Whether a figure counts one incident, a running total, or a period (scope.yaml).

The first scope whose pattern occurs in the sentence wins, in the order
cumulative, period, event; words in the attribution ("said on Thursday") do
not count. With no pattern, a sentence that plainly reports an incident is an
event; otherwise the scope is left unknown (None), never guessed.
"""

from __future__ import annotations

from .lexicon import Lexicon


def find_scope(
    lex: Lexicon,
    text: str,
    masked: tuple[int, int] | None,
    measure: str | None,
    simple_past: bool,
) -> str | None:
    for scope, pattern in lex.scope_patterns:
        for m in pattern.finditer(text):
            if masked and masked[0] <= m.start() < masked[1]:
                continue
            return scope
    if measure in lex.incident_measures:
        if simple_past:
            return "event"
        if lex.incident_cues is not None:
            for m in lex.incident_cues.finditer(text):
                if not (masked and masked[0] <= m.start() < masked[1]):
                    return "event"
    return None
