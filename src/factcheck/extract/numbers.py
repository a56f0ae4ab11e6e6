"""Numbers written in digits or in words → values (pure functions, no text scanning).

`parse_digits("51,000")` → 51000.0; `parse_words(tokens)` splits a run of
number words ("two hundred and forty", "three-and-a-half", "one-fifth") into
the numbers it holds. The word lists live in data/rules/lexicon/numbers.yaml.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.extract.lexicon import load

LEX = load("numbers.yaml", "numbers")

CARDINALS: dict[str, float] = LEX["cardinals"]
TENS: dict[str, float] = LEX["tens"]
SCALES: dict[str, float] = {k: v for k, v in LEX["scales"].items() if v >= 1000}
HUNDREDS = {k for k, v in LEX["scales"].items() if v == 100}
ORDINALS: dict[str, float] = LEX["ordinals"]
FRACTION_WORDS: dict[str, float] = LEX["fraction_words"]
MULTIPLIERS: dict[str, float] = LEX["multipliers"]
SCALE_ABBREVIATIONS: dict[str, float] = LEX["scale_abbreviations"]
MONEY_ABBREVIATIONS: dict[str, float] = LEX["money_only_abbreviations"]
NEGATIVES: tuple[str, ...] = tuple(LEX["negatives"])

# Plural ordinals are fraction denominators ("two-thirds"); "seconds" is time, never a fraction.
ORDINAL_PLURALS = {w + "s": v for w, v in ORDINALS.items() if w != "second"}

# Every word that can start or continue a number written in words.
NUMBER_WORDS: set[str] = (
    set(CARDINALS) | set(TENS) | set(LEX["scales"]) | set(ORDINALS) | set(ORDINAL_PLURALS)
    | set(FRACTION_WORDS) | set(MULTIPLIERS)
)

VULGAR_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

_GROUP_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009']")


def parse_digits(s: str) -> float:
    """'51,000' → 51000, '1 234 567.89' → 1234567.89, '.08' → 0.08, '−3' → -3."""
    s = s.replace("−", "-").replace("–", "-")
    return float(_GROUP_SEPARATORS.sub("", s))


def power(base: float, exp: int) -> float:
    """base ** exp, as ±inf when it is beyond a float ("10^400", "1e309"), never an error.

    Figures whose value is not finite are kept as text without a value (see finite()).
    """
    try:
        return base ** exp
    except OverflowError:
        return -math.inf if base < 0 and exp % 2 else math.inf
    except ZeroDivisionError:
        return math.inf


def finite(x: float | None) -> float | None:
    """x when it is a real number a JSON reader can take; None for ±inf and NaN."""
    return x if x is None or math.isfinite(x) else None


# --- numbers in words -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    """One number word of a run; `sep` is the text between it and the previous token."""

    word: str  # lower case
    start: int
    end: int
    sep: str = ""

    # A single space, the commonest separator, joins by nothing in particular: answered
    # without building strings, as these are asked for every token of every run.
    @property
    def joined_by_and(self) -> bool:
        return self.sep != " " and " and " in f" {self.sep.replace('-', ' ').replace('&', ' and ')} "

    @property
    def after_article(self) -> bool:
        if self.sep == " ":
            return False
        s = f" {self.sep.replace('-', ' ')} "
        return " a " in s or " an " in s

    @property
    def after_point(self) -> bool:
        return self.sep != " " and "point" in self.sep

    @property
    def after_comma(self) -> bool:
        return self.sep != " " and "," in self.sep


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number found in a run of tokens: tokens[first:last+1]."""

    first: int
    last: int
    value: float
    kind: str  # cardinal · ordinal · fraction


def _category(word: str) -> str:
    if word in CARDINALS:
        return "unit" if CARDINALS[word] < 10 else "teen"
    if word in TENS:
        return "tens"
    if word in HUNDREDS:
        return "hundred"
    if word in SCALES:
        return "scale"
    if word in ORDINALS:
        return "ord"
    if word in ORDINAL_PLURALS:
        return "ords"
    if word in FRACTION_WORDS:
        return "frac"
    if word in MULTIPLIERS:
        return "mult"
    return "other"


# Asked for every token, often twice: one look-up, not up to nine.
_CATEGORIES = {w: _category(w) for w in NUMBER_WORDS}


def category(word: str) -> str:
    return _CATEGORIES.get(word, "other")


def parse_words(tokens: list[Token], article: bool = False) -> list[WordNumber]:
    """Split a run of number words into numbers, left to right.

    `article` says the run is preceded by "a"/"an" ("a dozen", "a half"),
    which counts as a numerator or multiplier of one.
    """
    out: list[WordNumber] = []
    i = 0
    while i < len(tokens):
        found = _parse_one(tokens, i, article and i == 0)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last + 1
    return out


@dataclass(slots=True)
class _Card:
    """State of a cardinal being read: total + group, the trailing simple number."""

    total: float = 0.0
    group: float = 0.0
    tail: float = 0.0  # the last simple number (< 100) of the group
    tail_start: int = -1  # token index where `tail` starts
    last: str = ""  # category of the last token read
    last_scale: float = float("inf")
    has_hundred: bool = False
    n: int = 0  # tokens read

    @property
    def value(self) -> float:
        return self.total + self.group


def _read_cardinal(tokens: list[Token], i: int, article: bool) -> _Card:
    """The longest cardinal starting at tokens[i] ("two hundred and forty")."""
    c = _Card()
    if article:
        c.group, c.last = 1.0, "article"
    k = i
    while k < len(tokens):
        t = tokens[k]
        cat = category(t.word)
        if k > i and (t.after_point or (t.joined_by_and and c.last not in ("hundred", "scale"))):
            break
        if k > i and t.after_article:
            break
        if k > i and t.after_comma and c.last != "scale":
            break
        if cat == "unit":
            if c.last == "tens" and not t.joined_by_and:
                c.group += CARDINALS[t.word]
                c.tail += CARDINALS[t.word]
            elif c.last in ("", "hundred", "scale") and not (c.last == "" and article):
                if CARDINALS[t.word] == 0 and c.last:
                    break
                c.group += CARDINALS[t.word]
                c.tail, c.tail_start = CARDINALS[t.word], k
            else:
                break
        elif cat in ("teen", "tens"):
            if c.last not in ("", "hundred", "scale") or (c.last == "" and article):
                break
            v = CARDINALS.get(t.word, TENS.get(t.word, 0.0))
            c.group += v
            c.tail, c.tail_start = v, k
        elif cat == "hundred":
            if c.has_hundred or c.group >= 100 or c.last in ("hundred",):
                break
            c.group = (c.group or 1.0) * 100
            c.has_hundred, c.tail, c.tail_start = True, 0.0, -1
        elif cat == "scale":
            s = SCALES[t.word]
            if c.last == "scale" and c.group == 0 and s > c.last_scale:
                c.total *= s  # "three lakh crore", "a thousand million"
                c.last_scale = s
            elif s < c.last_scale:
                c.total += (c.group or 1.0) * s
                c.group, c.last_scale, c.has_hundred = 0.0, s, False
                c.tail, c.tail_start = 0.0, -1
            else:
                break
        else:
            break
        c.last = cat
        c.n += 1
        k += 1
    if c.n == 0 and article:
        c.group = 1.0
    return c


def _denominator(tokens: list[Token], k: int, compound: bool = False
                 ) -> tuple[float, int, bool] | None:
    """A fraction's denominator at tokens[k]: (value, last index, plural).

    "first" and "second" are denominators only inside a compound ("twenty-first").
    """
    w = tokens[k].word
    if w in ORDINAL_PLURALS:
        return ORDINAL_PLURALS[w], k, True
    if w in FRACTION_WORDS:
        return FRACTION_WORDS[w], k, w.endswith("s")
    if w in ORDINALS and (compound or w not in ("first", "second")):
        return ORDINALS[w], k, False
    return None


def _parse_one(tokens: list[Token], i: int, article: bool) -> WordNumber | None:
    c = _read_cardinal(tokens, i, article)
    j = i + c.n  # first token after the cardinal
    n = len(tokens)
    if c.n == 0 and not article:
        return _parse_leading_special(tokens, i)

    value = c.value
    last = j - 1 if c.n else i
    # Decimals in words: "two hundred point zero three".
    if j < n and tokens[j].after_point and c.n:
        digits, k = _decimal_words(tokens, j)
        if digits:
            return WordNumber(i, k - 1, float(f"{int(value)}.{digits}"), "cardinal")

    if j < n:
        t = tokens[j]
        cat = category(t.word)
        # Fractions: "two-thirds", "one fifth", "a hundred trillionths", "three quarters".
        den = _denominator(tokens, j) if not t.joined_by_and else None
        if den is not None:
            dval, dlast, plural = den
            is_one = c.value == 1 and c.n <= 1
            if _tail_is_mixed_fraction(tokens, i, c, cat):
                # "one hundred and three quarters", "six million and two thirds".
                return _mixed(tokens, i, c, c.tail / dval, dlast, base=value - c.tail)
            if plural and dval < 10 and _tens_joins_denominator(tokens, i, c):
                # "one hundred thirty fifths" is 100/35; "twenty fifths" stays 20/5.
                return _maybe_scaled(tokens, i, dlast, (value - c.tail) / (c.tail + dval), "fraction")
            if plural or is_one:
                return _maybe_scaled(tokens, i, dlast, value / dval, "fraction")
            compound = _compound_ordinal(c, dval)
            if compound is not None:
                return WordNumber(i, dlast, compound, "ordinal")
        elif cat == "ord" and not t.joined_by_and and c.last == "tens":
            return WordNumber(i, j, value + ORDINALS[t.word], "ordinal")  # twenty-first
        # "twenty twenty-fifths", "one one hundred fifth": a numerator, then an ordinal phrase.
        frac = _numerator_then_ordinal(tokens, j, value, c.n > 0 or article)
        if frac is not None:
            return WordNumber(i, frac[0], frac[1], "fraction")
        # Mixed numbers: "one and a half", "twenty and three fifths", "three-and-a-half".
        if t.joined_by_and and c.n:
            mixed = _fraction_after_and(tokens, j)
            if mixed is not None:
                return _mixed(tokens, i, c, *mixed)
        # Dozens: "three dozen", "half a dozen", "three hundred and two dozens".
        if cat == "mult" and not t.joined_by_and:
            if c.tail_start >= 0 and c.last in ("unit", "teen", "tens"):
                v = value - c.tail + c.tail * MULTIPLIERS[t.word]
            else:
                v = (value or 1.0) * MULTIPLIERS[t.word]
            return WordNumber(i, j, v, "cardinal")
    if c.n == 0:
        return _parse_leading_special(tokens, i)  # "a first-class seat"
    return WordNumber(i, last, value, "cardinal")


def _parse_leading_special(tokens: list[Token], i: int) -> WordNumber | None:
    """Runs that start without a cardinal: ordinals, 'half', 'quarter million', 'dozen'."""
    t = tokens[i]
    cat = category(t.word)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if cat == "frac":
        v = 1.0 / FRACTION_WORDS[t.word]
        if nxt is not None and category(nxt.word) == "mult" and nxt.after_article:
            return WordNumber(i, i + 1, v * MULTIPLIERS[nxt.word], "cardinal")  # half a dozen
        if nxt is not None and category(nxt.word) == "scale" and not nxt.joined_by_and:
            return WordNumber(i, i + 1, v * SCALES[nxt.word], "cardinal")  # half million
        return WordNumber(i, i, v, "fraction") if t.word == "half" else None
    if cat == "ord":
        return WordNumber(i, i, ORDINALS[t.word], "ordinal")
    if t.word == "dozen":
        return WordNumber(i, i, MULTIPLIERS[t.word], "cardinal")
    return None


def _tens_joins_denominator(tokens: list[Token], i: int, c: _Card) -> bool:
    """Whether the cardinal's last tens word starts the denominator ("thirty fifths" = 35ths).

    Only when something stays as numerator and no "and" ties the tens to it.
    """
    return (c.last == "tens" and c.tail_start > i and not tokens[c.tail_start].joined_by_and
            and c.value - c.tail > 0)


def _compound_ordinal(c: _Card, ordinal: float) -> float | None:
    """'one hundred twenty' + 'fifth' → 125, 'two' + 'hundredth' → 200; None if they do not join."""
    if ordinal >= 100:
        return c.value * ordinal if c.last in ("unit", "teen", "tens", "hundred") else None
    if ordinal < 10 and c.last in ("tens", "hundred", "scale"):
        return c.value + ordinal
    if c.last in ("hundred", "scale"):
        return c.value + ordinal
    return None


def _tail_is_mixed_fraction(tokens: list[Token], i: int, c: _Card, cat: str) -> bool:
    """Whether an "and" before the cardinal's tail starts a fraction rather than the numerator.

    After a scale word it always does ("six million and two thirds"); after
    "hundred" only with half/quarter ("one hundred and three quarters", but
    "one hundred and thirty fifths" is 130/5).
    """
    if c.tail_start <= i or not tokens[c.tail_start].joined_by_and:
        return False
    before = category(tokens[c.tail_start - 1].word)
    return before == "scale" or (before == "hundred" and cat == "frac")


def _mixed(tokens: list[Token], i: int, c: _Card, frac: float, k: int,
           base: float | None = None) -> WordNumber:
    """'five and a half' (+ 'million'); 'one million and a half' is 1.5 million."""
    whole = c.value if base is None else base
    after_scale = c.last == "scale" or (base is not None and c.last_scale < float("inf")
                                        and category(tokens[c.tail_start - 1].word) == "scale")
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and category(nxt.word) == "scale" and not nxt.joined_by_and:
        s = SCALES[nxt.word]
        total = whole + frac * s if after_scale else (whole + frac) * s
        return WordNumber(i, k + 1, total, "cardinal")
    scale = c.last_scale if after_scale else 1.0
    total = whole + frac * scale
    return WordNumber(i, k, total, "cardinal" if total >= 1 else "fraction")


def _maybe_scaled(tokens: list[Token], i: int, k: int, value: float, kind: str) -> WordNumber:
    """A number, multiplied by a scale word right after it ("three quarters billion")."""
    if k + 1 < len(tokens):
        nxt = tokens[k + 1]
        if category(nxt.word) == "scale" and not nxt.joined_by_and:
            return WordNumber(i, k + 1, value * SCALES[nxt.word], "cardinal")
    return WordNumber(i, k, value, kind)


def _fraction_after_and(tokens: list[Token], j: int) -> tuple[float, int] | None:
    """'a half', 'a quarter', 'three fifths', 'fifty-four hundredths' after an 'and'."""
    t = tokens[j]
    cat = category(t.word)
    if t.after_article or cat == "frac":
        den = _denominator(tokens, j)
        if den is not None:
            return 1.0 / den[0], den[1]
        return None
    sub = _read_cardinal(tokens, j, False)
    if sub.n == 0:
        return None
    k = j + sub.n
    if k < len(tokens):
        den = _denominator(tokens, k)
        if den is not None and (den[2] or sub.value == 1):
            return sub.value / den[0], den[1]
    return None


def _numerator_then_ordinal(tokens: list[Token], j: int, num: float, has_numerator: bool
                            ) -> tuple[int, float] | None:
    """'twenty | twenty fifths' → 20/25, 'one | one hundred fifth' → 1/105."""
    if not has_numerator or tokens[j].joined_by_and or tokens[j].after_article:
        return None
    if category(tokens[j].word) in ("unit", "teen") and (
            j + 1 == len(tokens) or category(tokens[j + 1].word) not in ("hundred", "scale")):
        return None  # a lone "two" or "twelve" ends on itself, not on tens, hundred or scale
    sub = _read_cardinal(tokens, j, False)
    k = j + sub.n
    if sub.n == 0 or k >= len(tokens):
        return None
    den = _denominator(tokens, k, compound=True)
    if den is None or (tokens[k].joined_by_and and sub.last not in ("hundred", "scale")):
        return None
    dval, dlast, plural = den
    if not plural and num != 1:
        return None
    if sub.last == "tens" and dval < 10:
        return dlast, num / (sub.value + dval)
    if sub.last in ("hundred", "scale") and dval < 100:
        return dlast, num / (sub.value + dval)
    return None


def _decimal_words(tokens: list[Token], j: int) -> tuple[str, int]:
    """Digits after 'point': 'zero three' → '03', 'seventy-one' → '71'."""
    digits = ""
    k = j
    while k < len(tokens):
        w = tokens[k].word
        if k > j and (tokens[k].after_point or tokens[k].joined_by_and or tokens[k].after_comma):
            break
        cat = category(w)
        if cat == "unit":
            if k > j and digits.endswith("0") and category(tokens[k - 1].word) == "tens":
                digits = digits[:-1] + str(int(CARDINALS[w]))
            else:
                digits += str(int(CARDINALS[w]))
        elif cat in ("teen", "tens") and (k == j):
            digits += str(int(CARDINALS.get(w, TENS.get(w, 0))))
        else:
            break
        k += 1
    return digits, k
