"""The native scanner: one compiled pattern finds where figures are written, left to right.

Each hit is grown into a figure by `figure.py` (looking only at its edges),
ranges ("between 15 and 20", "15-20") are joined, and conversions written in
one phrase ("679-kilometer (422 miles)") are linked. No step loops over the
text character by character in Python.
"""

from __future__ import annotations

import re
from itertools import pairwise

from factcheck.extract import kinds, qualifiers, units
from factcheck.extract.figure import (
    Figure,
    classify_age,
    classify_context,
    classify_form,
    currency_before,
    finish_noun,
    qualifier_after,
    qualifier_before,
    scale_after,
    sign_before,
    units_after,
)
from factcheck.extract.numbers import (
    LEX as NUMBERS,
)
from factcheck.extract.numbers import (
    NUMBER_WORDS,
    SCALES,
    VULGAR_FRACTIONS,
    Token,
    category,
    parse_digits,
    parse_words,
)
from factcheck.extract.patterns import case_variants, trie_pattern
from factcheck.models import Quantity

_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
_DIGITS = (
    r"(?<![\d])(?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}){1,4}(?!\d)(?![.,]\d\d\d)|\d+)(?:\.\d+)?"
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
SLASH = re.compile(r"[ \u00a0]?[/⁄][ \u00a0]?(\d{1,6})(?![\d/⁄])")
MIXED = re.compile(r"[ \u00a0]+(\d{1,2})/(\d{1,3})(?![\d/])|[ \u00a0]?(" + _VULGAR + ")")
DOTTED = re.compile(r"(?:\.\d+){2,}")
# Characters after digits that may continue the number: exponent, power, times-ten, slash,
# a space before a mixed fraction ("2 1/4"), a vulgar fraction.
_EXTENDERS = frozenset("eE^x×/⁄ \u00a0" + "".join(VULGAR_FRACTIONS))
_DIGIT_IDIOMS = frozenset(p for p in NUMBERS["not_figures"] if any(ch.isdigit() for ch in p))

_CONVERSION_GAP = re.compile(r"[ \u00a0]*(?:\(|\[|/|,?[ \u00a0]*or)[ \u00a0]*$")
_CHANGE = frozenset(kinds.LEX["change_words"])
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]+(?:([A-Za-z]+)[ \u00a0]+)?$")


# Where a figure can start: a run of digits, or a number word, month name or vague amount
# word. This plain pattern finds them at ~25 MB/s; CORE, whose alternatives open with
# lookbehinds that defeat the regex engine's fast skipping, is then tried only there.
_VAGUE_FIRST = {p.split()[0] for p in qualifiers.VAGUE if p.split()[0].lower() not in ("a", "an")}
_VAGUE_SECOND = {p.split()[1] for p in qualifiers.VAGUE if p.split()[0].lower() in ("a", "an")}
ANCHOR = re.compile(
    r"[\d" + _VULGAR[1:-1] + r"]+|(?<![\w])(?:"
    + trie_pattern(_WORD_FORMS | set(kinds.MONTHS) | _VAGUE_FIRST | _VAGUE_SECOND, flexible=False)
    + r")(?![\w])"
)


def _core_at(text: str, anchor: re.Match) -> re.Match | None:
    """CORE matched at an anchor, or just before it ('.08', 'a few hundred')."""
    at = anchor.start()
    if at and text[at - 1] == "." and (m := CORE.match(text, at - 1)) is not None:
        return m
    if anchor.group() in _VAGUE_SECOND and (a := ARTICLE_BEFORE.search(text, max(0, at - 4), at)) \
            and (m := CORE.match(text, a.start())) is not None and m.lastgroup == "vague":
        return m
    return CORE.match(text, at)


def scan(text: str) -> list[Quantity]:
    """Every figure in `text`, in order of position."""
    figures: list[Figure] = []
    pos = 0
    for anchor in ANCHOR.finditer(text):
        if anchor.start() < pos or (m := _core_at(text, anchor)) is None or m.start() < pos:
            continue
        found, end = _HANDLERS[m.lastgroup](text, m)
        pos = max(end, m.end())
        figures.extend(found)
    figures.sort(key=lambda f: (f.start, f.end))
    _follow_labels(text, figures)
    _share_units(text, figures)
    quantities = [f.quantity(text) for f in figures]
    link_conversions(text, quantities)
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
    d = DOTTED.match(text, s + raw.index(".")) if raw.count(".") == 1 else DOTTED.match(text, e)
    if d is not None:
        # "192.168.1.2", "iOS 13.1.2": an address or version, each part a label.
        end = d.end()
        parts, figs, at = text[s:end].split("."), [], s
        for part in parts:
            if part.isdigit():
                figs.append(Figure(at, at + len(part), float(part), kind="ordinal", digits=part))
            at += len(part) + 1
        return figs or None
    fig = Figure(s, e, parse_digits(raw), digits=raw)
    if text[e:e + 1] not in _EXTENDERS:
        return fig  # nothing that could continue the number: the common case, decided cheaply
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
        if text[s:x.end()] in _DIGIT_IDIOMS:
            return Figure(s, x.end(), fig.value, kind="ordinal", digits=raw)  # "9/11", "24/7"
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
    """Every number in the run of number words at `m`, grown into figures."""
    figs, pos = _word_run(text, m)
    out: list[Figure] = []
    for i, fig in enumerate(figs):
        out.extend(_grow(text, fig, last=i == len(figs) - 1))
    return out, max([pos] + [f.end for f in out])


def _tokens_at(text: str, m: re.Match, limit: int | None = None) -> tuple[list[Token], int]:
    """The run of number words starting at `m` ("two hundred and forty"), and where it ends."""
    tokens = [Token(m.group().lower(), m.start(), m.end())]
    pos = m.end()
    while (limit is None or len(tokens) < limit) and (x := WORD_NEXT.match(text, pos)) is not None:
        tokens.append(Token(x.group("w").lower(), x.start("w"), x.end("w"), x.group("sep")))
        pos = x.end()
    return tokens, pos


def _word_run(text: str, m: re.Match) -> tuple[list[Figure], int]:
    """The numbers of a run of number words as bare figures (no units, ranges or qualifiers)."""
    tokens, pos = _tokens_at(text, m)
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
        fig = Figure(start, end, n.value, kind=kind, words=True)
        scale = SCALES.get(tokens[n.last].word) or (100.0 if tokens[n.last].word == "hundred" else 0)
        if scale and kind == "count":
            fig.scaled, fig.scale = True, scale  # "five thousand": lets "four to five thousand" scale
        figs.append(fig)
    return figs, pos


def _is_idiom(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """'no one', 'one another', 'a second': number words that are not figures."""
    if not any(t.word in _NOT_FIGURE_WORDS for t in tokens[first:last + 1]):
        return False
    start, end = tokens[first].start, tokens[last].end
    for m in _NOT_FIGURE.finditer(text, max(0, start - 12), min(len(text), end + 16)):
        if m.start() <= start and m.end() >= end:
            # "that one is good" but "that one in five adults", "this one mile"
            return m.end() > end or not (_RATIO.match(text, end) or units.unit_at(text, end))
    return False


# --- growing a number into a figure -----------------------------------------------------------------
def _grow(text: str, fig: Figure, last: bool = True) -> list[Figure]:
    """Currency, scale, unit, kind, range partner, qualifiers and noun of one number."""
    if fig.kind in ("count", "fraction"):
        sign_before(text, fig)
        currency_before(text, fig)
        if fig.kind == "money" and text[fig.start:fig.start + 1] != "-":
            sign_before(text, fig)  # "$-99.99" keeps its sign inside the currency
        scale_after(text, fig, money=fig.kind == "money")
        if fig.scaled and not fig.words:
            _continue_scaled(text, fig)
        if last:
            units_after(text, fig)
            _compound(text, fig)
        classify_form(text, fig)
        classify_age(text, fig)
    if fig.kind not in ("year", "ordinal", "date") and qualifiers.RANGE_JOINER.match(text, fig.end):
        partner = _range_partner(text, fig, qualifiers.range_opener(text, fig.start))
        if partner is not None:
            finish_noun(text, partner)
            return [partner]
    if fig.kind == "count" and fig.qualifier == "exact":
        classify_context(text, fig)
        named = text[fig.start:fig.start + 1].isupper() or kinds.strong_label_before(text, fig.start)
        if fig.words and fig.value >= 1 and named and kinds.label_before(text, fig.start, None):
            fig.kind = "ordinal"  # "BBC One", "Formula One", "the bottom three"
    if fig.kind not in ("year", "ordinal", "date"):
        qualifier_before(text, fig)
        qualifier_after(text, fig)
    finish_noun(text, fig)
    return [fig]


_DASHES = ("-", "–", "—", "‐", "‑")


def _range_partner(text: str, fig: Figure, opener: tuple[str, int] | None) -> Figure | None:
    """Join 'between 15 and 20', '15-20', '$1m to $1.25m', '8- to 16-meter' into one range."""
    j = qualifiers.RANGE_JOINER.match(text, fig.end)
    if j is None or fig.value is None:
        return None
    joiner = j.group("j") or j.group("s")
    if joiner == "and" and (opener is None or not opener[0].endswith("between")):
        return None
    at = j.end()
    if fig.kind == "money" and (sign := units.CURRENCY_SIGN_AT.match(text, at)) is not None:
        at = sign.end()  # "$62 and $68", "$1 million to $1.25 million"
    m = NUMBER_AT.match(text, at)
    if m is None:
        return None
    if m.lastgroup == "words" and joiner in _DASHES:
        return None  # "three-and-a-half" is one number; "one - fourth" a fraction
    grown = _second_half(text, m, fig, joiner)
    if grown is None or grown.value is None or grown.kind in ("year", "ordinal", "date"):
        return None
    if fig.digits.isdigit() and len(fig.digits) == 4 and (cue := kinds.year_cue_before(text, fig.start)) \
            and kinds.looks_like_year(fig.value, fig.digits, cue, None) \
            and not (grown.digits.isdigit() and len(grown.digits) in (2, 4)):
        return None  # "rose 60% in 2018 to 3.9 million headsets"
    lo, hi = fig.value, grown.value
    if joiner in _DASHES and len(fig.digits) == 4 and len(grown.digits) == 2 and fig.digits.isdigit() \
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
    if joiner in _DASHES and opener is None and lo >= hi:
        return _score(fig, grown, j)
    if opener is None and joiner == "to" and _is_change(text, fig.start, fig.unit == "count"):
        return None  # "increased by $43.6 billion to $419.2 billion", "rose 5% to 7%"
    if lo > hi and joiner not in _DASHES:
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


def _score(fig: Figure, second: Figure, joiner: re.Match) -> Figure | None:
    """'2-0', '89-89', '9-2 lead': a result, named rather than counted (kind ordinal)."""
    if not (fig.digits.isdigit() and second.digits.isdigit() and second.unit == "count"
            and joiner.group("s") in _DASHES and fig.value <= 300):
        return None
    return Figure(fig.start, second.end, fig.value, kind="ordinal", digits=fig.digits)


def _second_half(text: str, m: re.Match, fig: Figure, joiner: str) -> Figure | None:
    """The figure after a range joiner, with its currency, scale and unit."""
    if m.lastgroup == "words":
        figs, _ = _word_run(text, m)
        if not figs or figs[0].start != m.start() or figs[0].kind != "count":
            return None
        if len(figs) == 1:
            units_after(text, figs[0])
        return figs[0]
    second = _digit_figure(text, m)
    if not isinstance(second, Figure):
        return None
    if joiner not in _DASHES:
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


# --- compounds: "3 million and a half", "4 thousand 3 hundred", "5 ft 2 in", "1 in 5" -----------
_AND_HALF = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:a|one)[ \t\u00a0]+(half|quarter)(?![\w])")
_THEN = re.compile(r"([ \t\u00a0]+and)?[ \t\u00a0]+")
_INCHES = re.compile(r"(?:[ \t\u00a0]+and)?[ \t\u00a0]+(\d{1,2}(?:\.\d+)?)[ \t\u00a0]*(?:inches|inch|in)(?![\w])")
_CENTS = re.compile(r"[ \t\u00a0]*(?:cents?|¢)(?![\w])")
_SENTENCE_END = re.compile(r"[ \t\u00a0]*(?:[.!?;]|$)")
_RATIO = re.compile(r"[ \t\u00a0]+(over|out[ \t\u00a0]+of|in)[ \t\u00a0]+")


def _plain_number_at(text: str, pos: int) -> tuple[float, int, bool] | None:
    """A whole number in digits or words at `pos`: (value, end, in words)."""
    m = NUMBER_AT.match(text, pos)
    if m is None or m.lastgroup == "vulgar":
        return None
    if m.lastgroup == "digits":
        raw = m.group()
        if not raw.replace(",", "").isdigit() or DOTTED.match(text, m.end()):
            return None
        return parse_digits(raw), m.end(), False
    tokens, _ = _tokens_at(text, m, limit=24)
    found = parse_words(tokens)
    if not found or found[0].first != 0 or found[0].kind != "cardinal":
        return None
    return found[0].value, tokens[found[0].last].end, True


def _continue_scaled(text: str, fig: Figure) -> None:
    """'3 million and a half', '4 thousand 3 hundred and 21', '6 crore and two hundred'."""
    if (m := _AND_HALF.match(text, fig.end)) is not None:
        fig.value += fig.scale * (0.5 if m.group(1) == "half" else 0.25)
        fig.end = m.end()
        return
    while fig.scale >= 100 and (gap := _THEN.match(text, fig.end)) is not None:
        found = _plain_number_at(text, gap.end())
        if found is None or found[0] <= 0:
            return
        addend, end, _ = found
        sub = Figure(gap.end(), end, addend, digits="1")
        scale_after(text, sub, money=False)
        if not (sub.scaled or gap.group(1)) or not 0 < sub.value < fig.scale or sub.scale >= fig.scale:
            return
        fig.value += sub.value
        fig.end, fig.scale = sub.end, sub.scale if sub.scaled else 1.0


def _compound(text: str, fig: Figure) -> None:
    """Figures written in two parts: feet and inches, dollars and cents, 'one in five'."""
    if fig.unit == "foot" and (m := _INCHES.match(text, fig.end)) is not None \
            and float(m.group(1)) < 12:
        fig.value += float(m.group(1)) / 12
        fig.end = m.end()
    elif fig.kind == "money" and fig.currency_word and not fig.scaled:
        gap = _THEN.match(text, fig.end)
        found = _plain_number_at(text, gap.end()) if gap else None
        if found is not None and 0 < found[0] < 100:
            cents = _CENTS.match(text, found[1])
            if cents is not None or _SENTENCE_END.match(text, found[1]):
                fig.value += found[0] / 100
                fig.end = cents.end() if cents else found[1]
    elif fig.kind == "count" and fig.qualifier == "exact" and not fig.scaled \
            and (m := _RATIO.match(text, fig.end)) is not None:
        found = _plain_number_at(text, m.end())
        if found is None or found[0] == 0:
            return
        den, end, _ = found
        word = m.group(1).split()[0]
        if word == "over" and not _SENTENCE_END.match(text, end):
            return  # "$2,000 over 3 years"
        if word in ("out", "in") and not (fig.value < den <= 10000) or units.unit_at(text, end):
            return
        if word == "in" and len(str(int(den))) == 4:
            return  # "3 in 2019"
        fig.value, fig.kind, fig.end = fig.value / den, "fraction", end


# --- shared units: "eight or nine euros", "45 and 50 mg", "from 4.8 to 4.7 percent" ------------
_SHARE_GAP = re.compile(r"[ \u00a0]+(?:or|and|to|nor)[ \u00a0]+$|[ \u00a0]*,[ \u00a0]*$")


_OF_GAP = re.compile(r"[ \u00a0]+of[ \u00a0]+$")
_CODE_GAP = re.compile(r"[ \u00a0]$")


def _follow_labels(text: str, figures: list[Figure]) -> None:
    """'Caption 27 of 30', '0207 782 4368': what follows a label in the same way is a label."""
    for a, b in pairwise(figures):
        if a.kind != "ordinal" or b.kind != "count" or b.qualifier != "exact" or not b.digits:
            continue
        if _OF_GAP.match(text, a.end, b.start) or (
                a.digits.isdigit() and b.digits.isdigit() and _CODE_GAP.match(text, a.end, b.start)):
            b.kind, b.noun = "ordinal", None


def _share_units(text: str, figures: list[Figure]) -> None:
    """A bare number listed before a figure with a unit takes that unit."""
    for a, b in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if a.kind == "count" and a.unit == "count" and a.noun is None and a.qualifier != "range" \
                and b.unit != "count" and b.kind in ("measure", "money", "percent", "duration") \
                and b.start - a.end < 8 and _SHARE_GAP.search(text, a.end, b.start):
            a.unit, a.kind = b.unit, b.kind


# --- conversions -------------------------------------------------------------------------------------
def link_conversions(text: str, quantities: list[Quantity]) -> None:
    """'679-kilometer (422 miles)': mark the two halves as conversions of each other."""
    for i in range(len(quantities) - 1):
        a, b = quantities[i], quantities[i + 1]
        if a.converts is not None or a.unit == "count" or b.unit == "count":
            continue
        if b.start - a.end > 12 or not _CONVERSION_GAP.match(text[a.end:b.start]):
            continue
        if units.same_dimension(a.unit, b.unit):
            a.converts, b.converts = i + 1, i
