"""Where numbers are written: digit forms, vulgar fractions and runs of number words.

`digit_figure` reads "51,000", "1.2e6", "2 1/4", "192.168.1.2"; `word_run`
reads "two hundred and forty", "three-and-a-half", "one-fifth" (via
numbers.parse_words). Both return bare figures: currency, units, qualifiers
and kinds are added by scan.py.
"""

from __future__ import annotations

import re

from factcheck import regex_cache
from factcheck.extract import units
from factcheck.extract.figure import Figure
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
    power,
)
from factcheck.extract.patterns import case_variants, trie_pattern

VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
DIGITS = (
    r"(?<![\d])(?:\d{1,2}(?:,\d\d)+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}){1,4}(?!\d)(?![.,]\d\d\d)|\d+)(?:\.\d+)?"
    r"|(?<![\d.])\.\d+"
)
# Four or more numbers glued by one kind of separator, no spaces. Joined by hyphens or
# slashes they are a code, one label ("978-3-16-148410-0", "+1-222-2222-2222"); joined
# by commas a list written tightly ("nrs. 22,24,26,31"), read at once by the scanner.
# CODE only recognises the start (the scanner's master pattern has many groups, which
# makes a long repetition inside it slow); CODE_RUN, on its own, reads the whole run.
CODE = r"(?<![\d.,])\d+(?P<code_sep>[-‐‑,/])\d+(?=(?P=code_sep)\d+(?P=code_sep)\d)"
CODE_RUN = re.compile(r"\d+([-‐‑,/])\d+(?:\1\d+)+(?!\d)")
WORD_FORMS = {v for w in NUMBER_WORDS for v in case_variants(w)}
WORDS = r"(?<![\w])(?:" + trie_pattern(WORD_FORMS, flexible=False) + r")(?![\w])"
NUMBER_AT = regex_cache.compile(f"(?P<digits>{DIGITS})|(?P<vulgar>{VULGAR})|(?P<words>{WORDS})")

WORD_NEXT = regex_cache.compile(
    r"(?P<sep>(?:[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+)"
    r"(?:(?:and|&|an|a|point)(?:[ \t\u00a0]*[-‐‑][ \t\u00a0]*|[ \t\u00a0]+))*)"
    r"(?P<w>" + trie_pattern(WORD_FORMS, flexible=False) + r")(?![\w])"
)
_FRACTION_END = re.compile(r"[ \u00a0]*(?:of(?![\w])|[.,;:!?)]|$)")
ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:a|an|A|An)[ \u00a0]+$")
_NOT_FIGURE = regex_cache.compile(
    r"(?<![\w])(?:" + trie_pattern({v for p in NUMBERS["not_figures"] for v in case_variants(p)})
    + r")(?![\w])"
)
_NOT_FIGURE_WORDS = {w for p in NUMBERS["not_figures"] for w in re.split(r"[\s-]+", p.lower())}

# Extensions of a digit number: exponent, power, fraction, mixed fraction.
SCIENTIFIC = re.compile(r"[eE]([-+]?\d{1,3})(?![\w])")
POWER = re.compile(r"\^([-+−]*)(\d{1,3})(?![\d])")
TIMES_TEN = re.compile(r"[ \u00a0]?[x×][ \u00a0]?(\d{1,3})\^?([-+−]?\d{1,3})(?![\d])")
SLASH = re.compile(r"[ \u00a0]?[/⁄][ \u00a0]?(\d{1,6})(?![\d/⁄])")
# "7 ½" may be set with a thin or narrow no-break space (U+2009, U+202F) before the ½.
MIXED = re.compile(r"[ \u00a0]+(\d{1,2})/(\d{1,3})(?![\d/])|[ \u00a0\u2009\u202f]?(" + VULGAR + ")")
DOTTED = re.compile(r"(?:\.\d+){2,}")
# Characters after digits that may continue the number: exponent, power, times-ten, slash,
# a space before a mixed fraction ("2 1/4"), a vulgar fraction.
_EXTENDERS = frozenset("eE^x×/⁄ \u00a0\u2009\u202f" + "".join(VULGAR_FRACTIONS))
_AFTER_SPACE = frozenset("x×/⁄ \u00a0" + "".join(VULGAR_FRACTIONS))  # what follows that space then
_DIGIT_IDIOMS = frozenset(p for p in NUMBERS["not_figures"] if any(ch.isdigit() for ch in p))
RATIO = re.compile(r"[ \t\u00a0]+(over|out[ \t\u00a0]+of|in)[ \t\u00a0]+")


def digit_figure(text: str, m: re.Match) -> Figure | list[Figure] | None:
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
    nxt = text[e:e + 1]
    if nxt not in _EXTENDERS:
        return fig  # nothing that could continue the number: the common case, decided cheaply
    if nxt in "\u2009\u202f" and text[e + 1:e + 2] not in VULGAR_FRACTIONS:
        return fig  # a thin space continues a number only into a vulgar fraction: "7 ½"
    if nxt in " \u00a0" and text[e + 1:e + 2] not in _AFTER_SPACE and not text[e + 1:e + 2].isdigit():
        return fig  # "5 people": after a space only "x 10^3", "/ 2", "1/4" or "½" continue it
    if (x := SCIENTIFIC.match(text, e)) is not None:
        fig.value *= power(10.0, int(x.group(1)))
        fig.end = x.end()
    elif (x := POWER.match(text, e)) is not None:
        sign = -1 if (x.group(1).count("-") + x.group(1).count("−")) % 2 else 1
        fig.value = power(fig.value, sign * int(x.group(2))) if fig.value else fig.value
        fig.end = x.end()
    elif (x := TIMES_TEN.match(text, e)) is not None:
        base, exp = float(x.group(1)), int(x.group(2).replace("−", "-"))
        if base > 0 and abs(exp) < 300:
            fig.value *= power(base, exp)
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


_PART = re.compile(r"\d+")


def code_figures(text: str, m: re.Match) -> list[Figure] | None:
    """A glued run of numbers: one label, or for commas each number of the list (bare).

    None if the run is one number after all ('1,234,567,890', '1,00,000').
    """
    s = m.start()
    run = CODE_RUN.match(text, s)
    if run is None:
        return None
    e, sep = run.end(), run.group(1)
    if sep == ",":
        if (n := NUMBER_AT.match(text, s)) is not None and n.end() >= e:
            return None
        # every number of a list of a million, by position: keywords cost twice as much
        return [Figure(p.start(), p.end(), float(g := p.group()), "count", "count", "exact", None,
                       None, None, g) for p in _PART.finditer(text, s, e)]
    first = text[s:text.index(sep, s)]
    return [Figure(s, e, float(first), kind="ordinal", digits=first)]


def tokens_at(text: str, m: re.Match, limit: int | None = None) -> tuple[list[Token], int]:
    """The run of number words starting at `m` ("two hundred and forty"), and where it ends."""
    tokens = [Token(m.group().lower(), m.start(), m.end())]
    pos = m.end()
    while (limit is None or len(tokens) < limit) and (x := WORD_NEXT.match(text, pos)) is not None:
        tokens.append(Token(x.group("w").lower(), x.start("w"), x.end("w"), x.group("sep")))
        pos = x.end()
    return tokens, pos


_KIND_OF_WORDS = {"cardinal": "count", "ordinal": "ordinal", "fraction": "fraction"}


def word_run(text: str, m: re.Match) -> tuple[list[Figure], int]:
    """The numbers of a run of number words as bare figures (no units, ranges or qualifiers)."""
    tokens, pos = tokens_at(text, m)
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
        kind = _KIND_OF_WORDS[n.kind]
        if article is not None and n.first == 0:
            if kind == "fraction" and n.last == 0 and _one_more(text, article.start(), n.value):
                # "killing two workers and wounding a third": one more person
                figs.append(Figure(article.start(), end, 1.0, kind="count", words=True))
                continue
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


_NEXT_IN_LINE = {3: "two", 4: "three", 5: "four"}
_ONE_MORE_BEFORE = re.compile(r"\b\w+(?:ing|ed)\s+$", re.IGNORECASE)


def _one_more(text: str, start: int, share: float) -> bool:
    """'killing two co-workers and critically injuring a third': "a third" right after a
    verb, in a clause that counted one less just before, is one more of them."""
    place = round(1 / share) if share else 0
    before = _NEXT_IN_LINE.get(place)
    if before is None or text[start:start + 2].lower() not in ("a ", "a\u00a0"):
        return False
    clause = re.split(r"[.;:!?]", text[max(0, start - 80):start])[-1]
    if not _ONE_MORE_BEFORE.search(clause):
        return False
    return re.search(rf"\b(?:{before}|{place - 1})\b(?!\s*(?:percent|per cent|%))", clause,
                     re.IGNORECASE) is not None


def _is_idiom(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """'no one', 'one another', 'a second': number words that are not figures."""
    if first == last:  # the common case, without a generator
        if tokens[first].word not in _NOT_FIGURE_WORDS:
            return False
    elif not any(t.word in _NOT_FIGURE_WORDS for t in tokens[first:last + 1]):
        return False
    start, end = tokens[first].start, tokens[last].end
    for m in _NOT_FIGURE.finditer(text, max(0, start - 12), min(len(text), end + 16)):
        if m.start() <= start and m.end() >= end:
            # "that one is good" but "that one in five adults", "this one mile"
            return m.end() > end or not (RATIO.match(text, end) or units.unit_at(text, end))
    return False


def plain_number_at(text: str, pos: int) -> tuple[float, int, bool] | None:
    """A whole number in digits or words at `pos`: (value, end, in words)."""
    m = NUMBER_AT.match(text, pos)
    if m is None or m.lastgroup == "vulgar":
        return None
    if m.lastgroup == "digits":
        raw = m.group()
        if not raw.replace(",", "").isdigit() or DOTTED.match(text, m.end()):
            return None
        return parse_digits(raw), m.end(), False
    tokens, _ = tokens_at(text, m, limit=24)
    found = parse_words(tokens)
    if not found or found[0].first != 0 or found[0].kind != "cardinal":
        return None
    return found[0].value, tokens[found[0].last].end, True
