"""The native scanner: find where figures are written, left to right, and grow each one.

A plain anchor pattern finds where a figure can start; CORE says what starts
there (date, clock time, vague amount, digits, number words: cores.py); each
number is grown by figure.py (currency, scale, unit, qualifiers, kind — looking
only at its edges), joined into ranges (ranges.py) or two-part figures
(compounds.py), and finally related to its neighbours (links.py). No step loops
over the text character by character in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise
from operator import attrgetter

from factcheck import regex_cache
from factcheck.extract import figure_kinds, kinds, qualifiers
from factcheck.extract.compounds import compound, continue_scaled
from factcheck.extract.cores import (
    ARTICLE_BEFORE,
    CODE,
    DIGITS,
    NUMBER_AT,
    VULGAR,
    WORD_FORMS,
    WORDS,
    code_figures,
    digit_figure,
    word_run,
)
from factcheck.extract.figure import (
    Figure,
    caliber_before_gun,
    classify_age,
    classify_context,
    classify_form,
    currency_before,
    finish_noun,
    qualifier_after,
    qualifier_before,
    rank_unit,
    rate_after,
    scale_after,
    sign_before,
    units_after,
)
from factcheck.extract.links import follow_labels, link_conversions, share_units
from factcheck.extract.patterns import trie_pattern
from factcheck.extract.ranges import range_partner
from factcheck.models import Quantity

CORE = regex_cache.compile("|".join(
    f"(?P<{name}>{source})" for name, source in [
        *kinds.DATE_SOURCES.items(),
        ("vague", r"(?<![\w])(?:" + qualifiers.VAGUE_PATTERN + r")(?![\w])"),
        ("code", CODE),
        ("digits", DIGITS),
        ("vulgar", VULGAR),
        ("words", WORDS),
    ]
))

# Where a figure can start: a run of digits, or a number word, month name or vague amount
# word standing alone. CORE, whose alternatives open with lookbehinds, is tried only there.
# Each ANCHOR match opens with one character of a class (a digit, or the non-word character
# just before a word) so that the regex engine skips all other characters in C; a pattern
# opening with a lookbehind is entered at every character, which cost half the scan.
_VAGUE_FIRST = {p.split()[0] for p in qualifiers.VAGUE if p.split()[0].lower() not in ("a", "an")}
_VAGUE_SECOND = {p.split()[1] for p in qualifiers.VAGUE if p.split()[0].lower() in ("a", "an")}
_ANCHOR_WORD = (
    "(?P<word>" + trie_pattern(WORD_FORMS | set(kinds.MONTHS) | _VAGUE_FIRST | _VAGUE_SECOND, flexible=False)
    + r")(?![\w])"
)
_DIGIT_CHARS = r"\d" + VULGAR[1:-1]
ANCHOR = regex_cache.compile(f"[\\W{_DIGIT_CHARS}](?:(?<=[{_DIGIT_CHARS}])[{_DIGIT_CHARS}]*|{_ANCHOR_WORD})")
_FIRST_WORD = regex_cache.compile(_ANCHOR_WORD)  # a word opening the text has no character before it
_WORD_CHAR = re.compile(r"\w")


def _anchors(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each anchor from `pos` on."""
    if pos == 0:
        if (first := _FIRST_WORD.match(text)) is not None:
            yield first.span()
            pos = first.end()
    elif not _WORD_CHAR.match(text, pos - 1):
        pos -= 1  # a word at `pos` needs the character before it in the match
    for m in ANCHOR.finditer(text, pos):
        start = m.start("word")
        yield (m.start() if start < 0 else start), m.end()


_SKIP_AHEAD = 256  # chars; below this, skipping the anchors inside a figure costs nothing
_ANCHOR_CHAR = re.compile(r"[\w" + VULGAR[1:-1] + r"]")


def _core_at(text: str, at: int, end: int) -> re.Match | None:
    """CORE matched at an anchor, or just before it ('.08', 'a few hundred')."""
    if at and text[at - 1] == "." and (m := CORE.match(text, at - 1)) is not None:
        return m
    if text[at:end] in _VAGUE_SECOND and (a := ARTICLE_BEFORE.search(text, max(0, at - 4), at)) \
            and (m := CORE.match(text, a.start())) is not None and m.lastgroup == "vague":
        return m
    return CORE.match(text, at)


def scan(text: str) -> list[Quantity]:
    """Every figure in `text`, in order of position."""
    figures: list[Figure] = []
    pos, at = 0, 0
    while at is not None:
        resume, at = at, None
        for start, anchor_end in _anchors(text, resume):
            if start < pos or (m := _core_at(text, start, anchor_end)) is None or m.start() < pos:
                continue
            found, end = _HANDLERS[m.lastgroup](text, m)
            pos = max(end, m.end())
            figures.extend(found)
            del found  # only `figures` holds them: _quantities lets each go once converted
            if end - anchor_end > _SKIP_AHEAD:
                # a long figure (a code, a run of number words): look for anchors after it
                # only, from the start of the word or digit run it ends in, as before
                at = end
                while at > anchor_end and _ANCHOR_CHAR.match(text, at - 1):
                    at -= 1
                break
    figures.extend(_zeros(text, figures))
    if not _in_order(figures):  # they mostly are: no key for each of a megabyte's figures
        figures.sort(key=_SPAN)
    follow_labels(text, figures)
    share_units(text, figures)
    return _quantities(text, figures)


def _quantities(text: str, figures: list[Figure]) -> list[Quantity]:
    """The figures as quantities, linked; each figure is let go as soon as it is converted,
    so a megabyte of figures is never held twice over (figures and quantities)."""
    quantities: list[Quantity] = []
    figures.reverse()
    while figures:
        quantities.append(figures.pop().quantity(text))
    link_conversions(text, quantities)
    return quantities


_SPAN = attrgetter("start", "end")  # the sort key, read in C


def _in_order(figures: list[Figure]) -> bool:
    return all(a.start < b.start or a.start == b.start and a.end <= b.end
               for a, b in pairwise(figures))


def _zeros(text: str, figures: list[Figure]) -> list[Figure]:
    """'no one was killed', 'none of the passengers were hurt': stated zero counts.

    Their words are no anchors of the scanner, so one pass of their own finds them; one
    that overlaps a figure already found is left to that figure.
    """
    found = figure_kinds.zero_counts(text)
    if not found:
        return []
    spans = sorted((f.start, f.end) for f in figures)
    out = []
    for start, end, noun in found:
        i = bisect_right(spans, (start, float("inf")))
        if (i and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end):
            continue
        out.append(Figure(start, end, 0.0, noun=noun))
    return out


def _reach(figs: list[Figure]) -> int:
    """Where the scanner goes on after these figures: their end, or the rate words they read."""
    return max(max(f.end, f.read_to) for f in figs)


# --- handlers: one per named group of CORE ---------------------------------------------------
def _date(text: str, m: re.Match) -> tuple[list[Figure], int]:
    return [Figure(m.start(), m.end(), kinds.date_value(m.group()), kind="date")], m.end()


def _code(text: str, m: re.Match) -> tuple[list[Figure], int]:
    figs = code_figures(text, m)
    if figs is None:
        return _number(text, NUMBER_AT.match(text, m.start()))
    if len(figs) == 1:
        return figs, _reach(figs)
    # A tight list: the first number reads what stands before it, the last what follows;
    # those between have only commas around them and are what the first is (a label,
    # a year) or counts.
    first, last = _grow(text, figs[0], last=False), _grow(text, figs[-1])
    kind = first[0].kind if len(first) == 1 and first[0].kind in ("year", "ordinal") else "count"
    for fig in figs[1:-1]:
        fig.kind = kind
    if kind != "count" and len(last) == 1 and last[0].kind == "count" and last[0].unit == "count":
        last[0].kind, last[0].noun = kind, None  # "2019,2020,2021 reports": years all
    return first + figs[1:-1] + last, _reach(last)


_ZONE_IN = re.compile(r"[A-Z]+$")
_COLON = re.compile(r"\d:")


def _clock(text: str, m: re.Match) -> tuple[list[Figure], int]:
    """A time of day, with its zone ('0737 GMT', '7: 37 AM local time'), or a game clock."""
    surface = m.group()
    marked = any(ch.isalpha() for ch in surface)  # am/pm or a zone inside the match
    if not marked and _COLON.search(surface) and figure_kinds.is_game_clock(text, m.end()):
        # "10:03 to play": a moment of the game named by the minutes left, not a time of day
        minutes, seconds = kinds.clock_parts(surface)
        return [Figure(m.start(), m.end(), minutes + seconds / 60, kind="ordinal", unit="game_clock")], m.end()
    zone = figure_kinds.zone_after(text, m.end())
    value = kinds.clock_value(surface)
    if value is None and zone is not None and ":" in surface:
        value = kinds.clock_value(f"{surface} {zone[0]}")  # "7: 37 GMT"
    if value is None:  # "2.13" or "7: 37" without am/pm or a zone: ordinary numbers
        return _number(text, NUMBER_AT.match(text, m.start()))
    fig = Figure(m.start(), m.end(), value, kind="time")
    if (z := _ZONE_IN.search(surface)) is not None and z.group() not in ("AM", "PM", "M"):
        fig.zone = figure_kinds.ZONES.get(z.group(), z.group())
    elif zone is not None:
        fig.zone, fig.end = zone
    qualifier_before(text, fig)
    return [fig], fig.end


def _vague(text: str, m: re.Match) -> tuple[list[Figure], int]:
    tol = qualifiers.VAGUE.get(" ".join(m.group().split()))
    if tol is None:
        return [], m.end()
    fig = Figure(m.start(), m.end(), tol.low, qualifier="vague", low=tol.low, high=tol.high)
    finish_noun(text, fig)
    return [fig], m.end()


def _number(text: str, m: re.Match) -> tuple[list[Figure], int]:
    if m.lastgroup == "words":
        return _words(text, m)
    fig = digit_figure(text, m)
    if fig is None:
        return [], m.end()
    if isinstance(fig, list):
        return fig, _reach(fig)
    figs = _grow(text, fig)
    return figs, _reach(figs)


_HANDLERS = {
    "iso_date": _date, "num_date": _date, "dmy_date": _date, "mdy_date": _date,
    "clock": _clock, "vague": _vague, "code": _code, "digits": _number, "vulgar": _number,
    "words": _number,
}


def _words(text: str, m: re.Match) -> tuple[list[Figure], int]:
    """Every number in the run of number words at `m`, grown into figures."""
    figs, pos = word_run(text, m)
    out: list[Figure] = []
    last = len(figs) - 1
    for i, fig in enumerate(figs):
        if 0 < i < last and fig.kind == "count":
            out.append(fig)  # between two numbers of one run: no sign, unit, qualifier or noun
            continue
        out.extend(_grow(text, fig, last=i == last))
    return out, max(pos, _reach(out)) if out else pos


def _named(text: str, start: int) -> bool:
    """A capitalised number word, or one after a label word: it may name rather than count."""
    return text[start:start + 1].isupper() or kinds.strong_label_before(text, start)


# --- growing a number into a figure -----------------------------------------------------------------
def _grow(text: str, fig: Figure, last: bool = True) -> list[Figure]:
    """Currency, scale, unit, kind, range partner, qualifiers and noun of one number."""
    if fig.kind == "count" and (at := figure_kinds.magnitude_before(text, fig.start, fig.end, fig.value)) is not None:
        fig.kind, fig.unit, fig.start = "magnitude", "magnitude", at  # "magnitude 5.4", "M6.1"
        qualifier_after(text, fig)
        return [fig]
    if fig.kind in ("count", "fraction"):
        sign_before(text, fig)
        currency_before(text, fig)
        if fig.kind == "money" and text[fig.start:fig.start + 1] != "-":
            sign_before(text, fig)  # "$-99.99" keeps its sign inside the currency
        scale_after(text, fig, money=fig.kind == "money")
        if fig.scaled and not fig.words:
            continue_scaled(text, fig)
        if last:
            units_after(text, fig)
            compound(text, fig)
            caliber_before_gun(text, fig)
        classify_form(text, fig)
        classify_age(text, fig)
    if fig.kind not in ("year", "ordinal", "date") and qualifiers.RANGE_JOINER.match(text, fig.end):
        partner = range_partner(text, fig, qualifiers.range_opener(text, fig.start))
        if partner is not None:
            rate_after(text, partner)
            finish_noun(text, partner)
            return [partner]
    if fig.kind == "count" and fig.qualifier == "exact":
        classify_context(text, fig)
        if fig.words and fig.value >= 1 and _named(text, fig.start) and kinds.label_before(text, fig.start, None):
            fig.kind = "ordinal"  # "BBC One", "Formula One", "the bottom three"
    if fig.kind in ("count", "ordinal") and fig.qualifier == "exact":
        rank_unit(text, fig)
    if fig.kind not in ("year", "ordinal", "date"):
        rate_after(text, fig)
        qualifier_before(text, fig)
        qualifier_after(text, fig)
    finish_noun(text, fig)
    return [fig]
