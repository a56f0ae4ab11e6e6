"""The native scanner: one compiled pattern finds where figures are written, left to right.

Each hit is grown into a figure by `figure.py` (looking only at its edges),
ranges ("between 15 and 20", "15-20") are joined, and conversions written in
one phrase ("679-kilometer (422 miles)") are linked. No step loops over the
text character by character in Python.
"""

from __future__ import annotations

import re

from factcheck.extract import kinds, qualifiers, units
from factcheck.extract.figure import (
    Figure, classify_bare, currency_before, finish_noun, qualifier_after, qualifier_before,
    scale_after, sign_before, units_after,
)
from factcheck.extract.numbers import (
    LEX as NUMBERS, NUMBER_WORDS, VULGAR_FRACTIONS, Token, category, parse_digits, parse_words,
)
from factcheck.extract.patterns import case_variants, trie_pattern
from factcheck.models import Quantity

_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
_DIGITS = (
    r"(?<![\d])(?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?!\d)(?![.,]\d\d\d)|\d+)(?:\.\d+)?"
    r"|(?<![\d.])\.\d+"
)
_WORD_FORMS = {v for w in NUMBER_WORDS for v in case_variants(w)}
_WORDS = r"(?<![\w])(?:" + trie_pattern(_WORD_FORMS, flexible=False) + r")(?![\w])"

CORE = re.compile("|".join(
    f"(?P<{name}>{source})" for name, source in [
        *kinds.DATE_SOURCES.items(),
        ("vague", r"(?<![\w])(?:" + qualifiers.VAGUE_PATTERN + r")(?![\w])"),
        ("digits", _DIGITS),
        ("vulgar", _VULGAR),
        ("words", _WORDS),
    ]
))
# A number that starts exactly at a position (the second half of a range).
NUMBER_AT = re.compile(f"(?P<digits>{_DIGITS})|(?P<vulgar>{_VULGAR})|(?P<words>{_WORDS})")

WORD_NEXT = re.compile(
    r"(?P<sep>(?:[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+)"
    r"(?:(?:and|&|an|a|point)(?:[ \t\u00a0]*[-‐‑][ \t\u00a0]*|[ \t\u00a0]+))*)"
    r"(?P<w>" + trie_pattern(_WORD_FORMS, flexible=False) + r")(?![\w])"
)
_FRACTION_END = re.compile(r"[ \u00a0]*(?:of(?![\w])|[.,;:!?)]|$)")
ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:a|an|A|An)[ \u00a0]+$")
_NOT_FIGURE = re.compile(
    r"(?<![\w])(?:" + trie_pattern({v for p in NUMBERS["not_figures"] for v in case_variants(p)})
    + r")(?![\w])"
)
_NOT_FIGURE_WORDS = {w for p in NUMBERS["not_figures"] for w in re.split(r"[\s-]+", p.lower())}

# Extensions of a digit number: exponent, power, fraction, mixed fraction.
SCIENTIFIC = re.compile(r"[eE]([-+]?\d{1,3})(?![\w])")
POWER = re.compile(r"\^([-+−]*)(\d{1,3})(?![\d])")
TIMES_TEN = re.compile(r"[ \u00a0]?[x×][ \u00a0]?(\d{1,3})\^?([-+−]?\d{1,3})(?![\d])")
SLASH = re.compile(r"[ \u00a0]?/[ \u00a0]?(\d{1,6})(?![\d/])")
MIXED = re.compile(r"[ \u00a0]+(\d{1,2})/(\d{1,3})(?![\d/])|[ \u00a0]?(" + _VULGAR + ")")
DOTTED = re.compile(r"(?:\.\d+){2,}")

_CONVERSION_GAP = re.compile(r"[ \u00a0]*(?:\(|\[|/|,?[ \u00a0]*or)[ \u00a0]*$")
_CHANGE = frozenset(kinds.LEX["change_words"])
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]+(?:([A-Za-z]+)[ \u00a0]+)?$")


def scan(text: str) -> list[Quantity]:
    """Every figure in `text`, in order of position."""
    figures: list[Figure] = []
    pos = 0
    search = CORE.search
    while (m := search(text, pos)) is not None:
        found, pos = _HANDLERS[m.lastgroup](text, m)
        pos = max(pos, m.end())
        figures.extend(found)
    figures.sort(key=lambda f: (f.start, f.end))
    quantities = [f.quantity(text) for f in figures]
    _link_conversions(text, quantities)
    return quantities


# --- handlers: one per named group of CORE ---------------------------------------------------
def _date(text: str, m: re.Match) -> tuple[list[Figure], int]:
    return [Figure(m.start(), m.end(), kinds.date_value(m.group()), kind="date")], m.end()


def _clock(text: str, m: re.Match) -> tuple[list[Figure], int]:
    value = kinds.clock_value(m.group())
    if value is None:  # "2.13" without am/pm: an ordinary number
        return _number(text, NUMBER_AT.match(text, m.start()))
    fig = Figure(m.start(), m.end(), value, kind="time")
    qualifier_before(text, fig)
    return [fig], m.end()


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
    fig = _digit_figure(text, m)
    if fig is None:
        return [], m.end()
    if isinstance(fig, list):
        return fig, fig[-1].end
    figs = _grow(text, fig)
    return figs, figs[-1].end


_HANDLERS = {
    "iso_date": _date, "num_date": _date, "dmy_date": _date, "mdy_date": _date,
    "clock": _clock, "vague": _vague, "digits": _number, "vulgar": _number, "words": _number,
}


# --- numbers in digits --------------------------------------------------------------------------
def _digit_figure(text: str, m: re.Match) -> Figure | list[Figure] | None:
    s, e = m.span()
    raw = m.group()
    if m.lastgroup == "vulgar":
        return Figure(s, e, VULGAR_FRACTIONS[raw], kind="fraction", digits=raw)
    if (d := DOTTED.match(text, e)) is not None or ("." in raw and raw.count(".") == 1
                                                     and DOTTED.match(text, s + raw.index("."))):
        # "192.168.1.2", "iOS 13.1.2": an address or version, each part a label.
        end = d.end() if d else e
        parts, figs, at = text[s:end].split("."), [], s
        for part in parts:
            if part.isdigit():
                figs.append(Figure(at, at + len(part), float(part), kind="ordinal", digits=part))
            at += len(part) + 1
        return figs or None
    fig = Figure(s, e, parse_digits(raw), digits=raw)
    if (x := SCIENTIFIC.match(text, e)) is not None:
        fig.value *= 10.0 ** int(x.group(1))
        fig.end = x.end()
    elif (x := POWER.match(text, e)) is not None:
        sign = -1 if (x.group(1).count("-") + x.group(1).count("−")) % 2 else 1
        fig.value = fig.value ** (sign * int(x.group(2))) if fig.value else fig.value
        fig.end = x.end()
    elif (x := TIMES_TEN.match(text, e)) is not None:
        base, exp = float(x.group(1)), int(x.group(2).replace("−", "-"))
        if base > 0 and abs(exp) < 300:
            fig.value *= base ** exp
            fig.end = x.end()
    elif (x := SLASH.match(text, e)) is not None and "," not in raw and "." not in raw:
        den = float(x.group(1))
        if den == 0 or text[s - 1:s] == "/":
            return None
        fig.value /= den
        fig.kind, fig.end = "fraction", x.end()
    elif (x := MIXED.match(text, e)) is not None and raw.isdigit():
        if x.group(3):
            fig.value += VULGAR_FRACTIONS[x.group(3)]
        elif 0 < float(x.group(1)) < float(x.group(2)):
            fig.value += float(x.group(1)) / float(x.group(2))
        else:
            return fig
        fig.end = x.end()
    return fig


# --- numbers in words -----------------------------------------------------------------------------
def _words(text: str, m: re.Match) -> tuple[list[Figure], int]:
    tokens = [Token(m.group().lower(), m.start(), m.end())]
    pos = m.end()
    while (x := WORD_NEXT.match(text, pos)) is not None:
        tokens.append(Token(x.group("w").lower(), x.start("w"), x.end("w"), x.group("sep")))
        pos = x.end()
    first_cat = category(tokens[0].word)
    article = None
    if first_cat in ("hundred", "scale", "mult", "frac", "ord", "ords"):
        article = ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())
    figs: list[Figure] = []
    for n in parse_words(tokens, article is not None):
        start, end = tokens[n.first].start, tokens[n.last].end
        if _is_idiom(text, tokens, n.first, n.last):
            continue
        if n.first > 0 and n.first == n.last and tokens[n.first].word == "half" \
                and category(tokens[n.first - 1].word) == "ord":
            continue  # "the second half"
        kind = {"cardinal": "count", "ordinal": "ordinal", "fraction": "fraction"}[n.kind]
        if article is not None and n.first == 0:
            if kind == "fraction" and category(tokens[0].word) == "ord" and n.last == 0 \
                    and not _FRACTION_END.match(text, end):
                # "a third round" is an ordinal; "a third of", "a fifth." are fractions.
                figs.append(Figure(start, end, round(1 / n.value), kind="ordinal", words=True))
                continue
            start = article.start()
        figs.append(Figure(start, end, n.value, kind=kind, words=True))
    out: list[Figure] = []
    for i, fig in enumerate(figs):
        out.extend(_grow(text, fig, last=i == len(figs) - 1))
    return out, max([pos] + [f.end for f in out])


def _is_idiom(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """'no one', 'one another', 'a second': number words that are not figures."""
    if not any(t.word in _NOT_FIGURE_WORDS for t in tokens[first:last + 1]):
        return False
    start, end = tokens[first].start, tokens[last].end
    for m in _NOT_FIGURE.finditer(text, max(0, start - 12), min(len(text), end + 16)):
        if m.start() <= start and m.end() >= end:
            return True
    return False


# --- growing a number into a figure -----------------------------------------------------------------
def _grow(text: str, fig: Figure, last: bool = True) -> list[Figure]:
    """Currency, scale, unit, qualifiers, kind, range partner and noun of one number."""
    if fig.kind in ("count", "fraction"):
        sign_before(text, fig)
        currency_before(text, fig)
        if fig.kind == "money" and text[fig.start:fig.start + 1] != "-":
            sign_before(text, fig)  # "$-99.99" keeps its sign inside the currency
        scale_after(text, fig, money=fig.kind == "money")
        if last:
            units_after(text, fig)
        classify_bare(text, fig)
    if fig.kind not in ("year", "ordinal", "date"):
        opener = qualifiers.range_opener(text, fig.start)
        partner = _range_partner(text, fig, opener)
        if partner is not None:
            finish_noun(text, partner)
            return [partner]
        qualifier_before(text, fig)
        qualifier_after(text, fig)
    finish_noun(text, fig)
    return [fig]


def _range_partner(text: str, fig: Figure, opener: tuple[str, int] | None) -> Figure | None:
    """Join 'between 15 and 20', '15-20', '8- to 16-meter' into one range figure."""
    j = qualifiers.RANGE_JOINER.match(text, fig.end)
    if j is None or fig.value is None:
        return None
    joiner = j.group("j").strip()
    if joiner == "and" and (opener is None or opener[0] != "between"):
        return None
    m = NUMBER_AT.match(text, j.end())
    if m is None:
        return None
    if m.lastgroup == "words" and joiner in ("-", "–", "—"):
        return None  # "three-and-a-half" is one number; "one - fourth" a fraction
    if opener is None and joiner == "to" and _is_change(text, fig.start):
        return None  # "increased by $43.6 billion to $419.2 billion"
    grown = _second_half(text, m, fig, joiner)
    if grown is None or grown.value is None or grown.kind in ("year", "ordinal", "date"):
        return None
    lo, hi = fig.value, grown.value
    if grown.scaled and not fig.scaled and grown.digits and not fig.words:
        lo = fig.value * grown.value / parse_digits(grown.digits)  # "1.5 to 2 million"
    if joiner in ("-", "–", "—") and opener is None and lo >= hi:
        return None  # "2-0", "3-1": a score, not a range
    if fig.unit != "count" and grown.unit != "count" and fig.unit != grown.unit:
        return None  # "from 44 ml to 50 mg": two figures
    unit = grown.unit if fig.unit == "count" else fig.unit
    kind = grown.kind if fig.kind == "count" else fig.kind
    start = opener[1] if opener else fig.start
    lo, hi = min(lo, hi), max(lo, hi)
    out = Figure(start, grown.end, lo, kind=kind, unit=unit, qualifier="range", low=lo, high=hi,
                 digits=fig.digits)
    if kind == "count" and len(fig.digits) == 4 and len(grown.digits) in (2, 4) \
            and 1900 <= lo <= 2100 and not fig.scaled:
        out.kind, out.qualifier, out.low, out.high = "year", "range", lo, hi  # "2013-14"
    return out


def _second_half(text: str, m: re.Match, fig: Figure, joiner: str) -> Figure | None:
    """The figure after a range joiner, with its currency, scale and unit."""
    if m.lastgroup == "words":
        figs, _ = _words(text, m)
        return figs[0] if figs and figs[0].start == m.start() else None
    second = _digit_figure(text, m)
    if not isinstance(second, Figure):
        return None
    if joiner not in ("-", "–", "—"):
        sign_before(text, second)
    currency_before(text, second)
    if fig.kind == "money" and second.kind != "money":
        second.kind, second.unit = "money", fig.unit  # "$15-20"
    scale_after(text, second, money=second.kind == "money")
    units_after(text, second)
    return second


def _is_change(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    near, far = (m.group(2), m.group(1)) if m.group(2) else (m.group(1), None)
    if near.lower() == "from":
        return far is not None and far.lower() in _CHANGE
    return near.lower() in _CHANGE


# --- conversions -------------------------------------------------------------------------------------
def _link_conversions(text: str, quantities: list[Quantity]) -> None:
    """'679-kilometer (422 miles)': mark the two halves as conversions of each other."""
    for i in range(len(quantities) - 1):
        a, b = quantities[i], quantities[i + 1]
        if a.converts is not None or a.unit == "count" or b.unit == "count":
            continue
        if b.start - a.end > 12 or not _CONVERSION_GAP.match(text[a.end:b.start]):
            continue
        if units.same_dimension(a.unit, b.unit):
            a.converts, b.converts = i + 1, i
