"""Ranges: "between 15 and 20", "15-20", "$1m to $1.25m", "8- to 16-meter", "2013-14".

What looks like a range but is not one stays two figures: a change ("rose from
4.8 to 4.2 percent", "increased by $4bn to $9bn") or a score ("won 3-1", kept
as one figure of kind score, or record for a win-loss record: figure_kinds.py).
"""

from __future__ import annotations

import re

from factcheck.extract import figure_kinds, kinds, qualifiers, units
from factcheck.extract.cores import NUMBER_AT, digit_figure, word_run
from factcheck.extract.figure import Figure, currency_before, scale_after, sign_before, units_after

_CHANGE = frozenset(kinds.LEX["change_words"])
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]+(?:([A-Za-z]+)[ \u00a0]+)?$")
DASHES = ("-", "–", "—", "‐", "‑")


def range_partner(text: str, fig: Figure, opener: tuple[str, int] | None) -> Figure | None:
    """Join 'between 15 and 20', '15-20', '$1m to $1.25m', '8- to 16-meter' into one range."""
    j = qualifiers.RANGE_JOINER.match(text, fig.end)
    if j is None or fig.value is None:
        return None
    joiner = j.group("j") or j.group("s")
    if joiner == "and" and (opener is None or not opener[0].endswith("between")):
        return None
    if joiner == "or" and opener is not None:
        return None  # "between 3 or 4" is no one's wording
    at = j.end()
    if fig.kind == "money" and (sign := units.CURRENCY_SIGN_AT.match(text, at)) is not None:
        at = sign.end()  # "$62 and $68", "$1 million to $1.25 million"
    m = NUMBER_AT.match(text, at)
    if m is None:
        return None
    if m.lastgroup == "words" and joiner in DASHES:
        return None  # "three-and-a-half" is one number; "one - fourth" a fraction
    grown = _second_half(text, m, fig, joiner)
    if grown is None or grown.value is None or grown.kind in ("year", "ordinal", "date"):
        return None
    if fig.digits.isdigit() and len(fig.digits) == 4 and (cue := kinds.year_cue_before(text, fig.start)) \
            and kinds.looks_like_year(fig.value, fig.digits, cue, None) \
            and not (grown.digits.isdigit() and len(grown.digits) in (2, 4)):
        return None  # "rose 60% in 2018 to 3.9 million headsets"
    lo, hi = fig.value, grown.value
    if joiner == "or" and not 0 < lo < hi <= 2 * lo + 1:
        return None  # a guess joins neighbours ("two or three"); "5 or 50", "1 or 0" are choices
    if joiner in DASHES and len(fig.digits) == 4 and len(grown.digits) == 2 and fig.digits.isdigit() \
            and 1000 <= lo <= 2199 and fig.unit == grown.unit == "count":
        hi = lo // 100 * 100 + hi + (100 if hi < lo % 100 else 0)  # "2013-14" is 2013 to 2014
        return Figure(fig.start, grown.end, lo, kind="year", qualifier="range", low=lo, high=hi)
    if fig.unit.endswith("_of_age") and grown.unit == "count":
        grown.unit, grown.kind = fig.unit, fig.kind  # "aged 18 to 34"
    if grown.scaled and not fig.scaled and lo < grown.value / grown.scale:
        lo = fig.value * grown.scale  # "1.5 to 2 million", "four to five thousand"
    if fig.unit != "count" and grown.unit != fig.unit:
        return None  # "0.7 percent to 6,327.80", "from 44 ml to 50 mg": two figures
    if kinds.is_address(text, grown.end):
        return Figure(fig.start, grown.end, lo, kind="ordinal", digits=fig.digits)  # "16-18 Avenue"
    if joiner in DASHES and opener is None and (score := _score(text, fig, grown, j, lo < hi)) is not None:
        return score
    if joiner in DASHES and opener is None and lo >= hi:
        return None  # "300-100": no range, and no score either
    if opener is None and joiner == "to" and _is_change(text, fig.start, fig.unit == "count"):
        return None  # "increased by $43.6 billion to $419.2 billion", "rose 5% to 7%"
    if lo > hi and joiner not in DASHES:
        return None  # "fell from 4.8 percent to 4.7 percent": a change, two figures
    start = opener[1] if opener else fig.start
    lo, hi = min(lo, hi), max(lo, hi)
    out = Figure(start, grown.end, lo, kind=grown.kind if fig.kind == "count" else fig.kind,
                 unit=grown.unit, qualifier="range", low=lo, high=hi, digits=fig.digits)
    if out.kind == "count" and _years(text, fig, grown, start):
        out.kind = "year"  # "between 1600 and 1900", "1995-2005"
    return out


def _years(text: str, fig: Figure, second: Figure, start: int) -> bool:
    """Whether both ends of a bare range are years ('from 1995 to 2005' but '1000 to 2000 hires')."""
    if not (fig.digits.isdigit() and second.digits.isdigit() and len(second.digits) == 4
            and not fig.scaled and not second.scaled):
        return False
    cue = kinds.year_cue_before(text, fig.start)
    noun = kinds.noun_after(text, second.end)
    return kinds.looks_like_year(fig.value, fig.digits, cue, noun) and \
        kinds.looks_like_year(second.value, second.digits, cue, noun)


def _score(text: str, fig: Figure, second: Figure, joiner: re.Match, ascending: bool) -> Figure | None:
    """'45-35', 'a 20-13 win', 'lost 13-20': a score; 'record to 52-3', 'Lions (10-5)': a record.

    value is the first number, `second` the other; unit and kind are both 'score' or 'record'.
    """
    if not (fig.digits.isdigit() and second.digits.isdigit() and second.unit == "count"
            and joiner.group("s") in DASHES and fig.value <= 300 and second.value <= 300):
        return None
    counted = ascending and kinds.noun_after(text, second.end, through_of=False) is not None
    kind = figure_kinds.score_kind(text, fig.start, second.end, ascending, counted)
    if kind is None:
        return None
    return Figure(fig.start, second.end, fig.value, kind=kind, unit=kind, digits=fig.digits,
                  second=second.value)


def _second_half(text: str, m: re.Match, fig: Figure, joiner: str) -> Figure | None:
    """The figure after a range joiner, with its currency, scale and unit."""
    if m.lastgroup == "words":
        figs, _ = word_run(text, m)
        if not figs or figs[0].start != m.start() or figs[0].kind != "count":
            return None
        if len(figs) == 1:
            units_after(text, figs[0])
        return figs[0]
    second = digit_figure(text, m)
    if not isinstance(second, Figure):
        return None
    if joiner not in DASHES:
        sign_before(text, second)
    currency_before(text, second)
    if fig.kind == "money" and second.kind != "money":
        second.kind, second.unit = "money", fig.unit  # "$15-20"
    scale_after(text, second, money=second.kind == "money")
    units_after(text, second)
    return second


def _is_change(text: str, start: int, bare: bool) -> bool:
    """Whether 'X to Y' reports a change: 'rose from 10 to 12', 'increased by $4bn to $9bn'.

    After "by", a bare first figure still makes a range ("dropped by 1 to 1.5 degrees").
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    near, far = (m.group(2), m.group(1)) if m.group(2) else (m.group(1), None)
    if near.lower() == "from":
        return far is not None and far.lower() in _CHANGE
    if near.lower() == "by":
        return not bare
    return near.lower() in _CHANGE
