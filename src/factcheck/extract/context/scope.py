"""Whether a figure counts one incident, a running total, or a period (scope.yaml).

The first scope whose pattern occurs in the sentence wins, in the order
cumulative, period, event; words in the attribution ("said on Thursday") do
not count, nor do words in a comparison after the figure ("launched 400 drones
overnight, the heaviest attack this year"). With no pattern, a sentence that
plainly reports an incident is an event; otherwise the scope is left unknown
(None), never guessed. Background figures — a calendar date well before the
report, a heading over a dated paragraph ("Virginia Tech: 32 killed") — are
`period`, so they never meet the story's own toll.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from factcheck import regex_cache
from factcheck.regex_lead import with_lead

from .lexicon import Lexicon

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "nov. 13", "april 14, 2014", "13 november 2015" (the sentence is lower-cased).
_DATE = regex_cache.compile(with_lead(
    r"\b(?:"
    + _MONTH.format(g="m1")
    + r"\.? (?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,? (?P<y1>(?:19|20)\d\d)\b)?"
    + r"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?"
    + _MONTH.format(g="m2")
    + r"\b(?:,? (?P<y2>(?:19|20)\d\d)\b)?)"
))


_DIGIT = re.compile(r"\d")


class ScopeMarks(NamedTuple):
    """Where each scope's patterns, the incident cues, the comparisons and the calendar
    dates occur in a sentence (sentence offsets), computed once per sentence."""

    marks: list[tuple[str, int]]  # (scope, offset), in lexicon order
    cues: list[int]
    comparisons: list[tuple[int, int]]  # clause spans opened by "the heaviest", "a record"
    dates: list[tuple[int, int | None, int, int]]  # (offset, year or None, month, day)


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
    dates = []
    if lex.background_days is not None and _DIGIT.search(text):
        for m in _DATE.finditer(text):
            month = _MONTHS[(m.group("m1") or m.group("m2"))[:3]]
            day = int(m.group("d1") or m.group("d2"))
            year = m.group("y1") or m.group("y2")
            if 1 <= day <= 31:
                dates.append((m.start(), int(year) if year else None, month, day))
    return ScopeMarks(marks, cues, comparisons, dates)


def earlier_date(
    lex: Lexicon, marks: ScopeMarks, masked: Sequence[tuple[int, int]], report: str | None
) -> bool:
    """Whether the sentence names a calendar date well before the report's date
    (`report`, YYYY-MM-DD): the figure is about an earlier incident."""
    if not marks.dates or not report or lex.background_days is None:
        return False
    try:
        ry, rm, rd = (int(x) for x in report[:10].split("-"))
        when = date(ry, rm, rd)
    except ValueError:
        return False
    for pos, year, month, day in marks.dates:
        if any(a <= pos < b for a, b in masked):
            continue
        try:
            named = date(year or ry, month, day)
            if year is None and named > when + timedelta(days=1):
                named = date(ry - 1, month, day)
        except ValueError:
            continue
        if (when - named).days > lex.background_days:
            return True
    return False


def own_marks(
    marks: ScopeMarks, masked: Sequence[tuple[int, int]], at: int
) -> list[tuple[str, int]]:
    """The scope marks that date the figure at sentence offset `at`: not in the
    attribution (or another `masked` span), not in a comparison that follows the figure."""
    out = []
    for scope, pos in marks.marks:
        if any(a <= pos < b for a, b in masked):
            continue
        if any(at < a <= pos < b for a, b in marks.comparisons):
            continue  # "467 drones overnight, in one of the heaviest attacks this year"
        out.append((scope, pos))
    return out


def find_scope(
    lex: Lexicon,
    marks: ScopeMarks,
    masked: Sequence[tuple[int, int]],
    at: int,
    measure: str | None,
    simple_past: bool,
    carried: Callable[[], str | None] | None = None,
    report_date: str | None = None,
) -> str | None:
    """`carried` gives (lazily: it looks at another sentence) the period or running
    total the previous sentence of the paragraph dated itself to; it holds when this
    sentence names no time and no incident."""
    own = own_marks(marks, masked, at)
    if own and own[0][0] != "event":
        return own[0][0]
    if earlier_date(lex, marks, masked, report_date):
        return "period"  # "the Nov. 13 attacks that killed 130 people"
    if own:
        return own[0][0]
    cues = [c for c in marks.cues if not any(a <= c < b for a, b in masked)]
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
