"""Grow a bare number into a figure: currency, scale, unit, qualifier, kind, noun.

The scanner finds where a number is written; the functions here look only at
the few characters on either side of it (one anchored regex match each), so
the cost per figure does not depend on the length of the text.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from factcheck.extract import figure_kinds, kinds, qualifiers, rates, units
from factcheck.extract.numbers import (
    LEX as NUMBERS,
)
from factcheck.extract.numbers import (
    MONEY_ABBREVIATIONS,
    MULTIPLIERS,
    NEGATIVES,
    SCALE_ABBREVIATIONS,
    SCALES,
)
from factcheck.extract.patterns import case_variants, trie_pattern, written_before
from factcheck.models import Quantity


@dataclass(slots=True)
class Figure:
    """A figure being assembled; `start`/`end` grow as words around it are taken in."""

    start: int
    end: int
    value: float | None
    kind: str = "count"
    unit: str = "count"
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    noun: str | None = None
    digits: str = ""  # the number as written in digits ("2024"), for year and label tests
    unit_is_adjective: bool = False  # "679-kilometer border"
    words: bool = False  # written in words
    scaled: bool = False  # a scale word or abbreviation was applied ("1.5 million")
    scale: float = 1.0  # the last scale word's factor ("4 thousand" → 1000)
    currency_word: bool = False  # the currency was written after the number ("15 dollars")
    per: str | None = None  # a rate's denominator ("barrel" in "$58 a barrel")
    read_to: int = 0  # words after the span already read as part of the figure ("tests a day")
    second: float | None = None  # a score's or record's other number ("45-35")
    zone: str | None = None  # a clock time's written zone ("GMT" → UTC)

    def quantity(self, text: str) -> Quantity:
        if self.qualifier == "exact":
            low = high = self.value
        else:
            low, high = qualifiers.holding(self.value, self.low, self.high)
        return Quantity(self.start, self.end, text[self.start:self.end], self.value, low, high,
                        self.qualifier, self.unit, self.kind, None, self.noun, self.per, self.second,
                        self.zone)


# --- scale words and abbreviations: "1.5 million", "$200m", "£1.2bn", "5k" -----------------
_SCALE_WORDS = trie_pattern({v for w in SCALES for v in case_variants(w)} | set(MULTIPLIERS)
                            | {"hundred", "Hundred"})
SCALE_WORD_AFTER = re.compile(r"(?:[ \t\u00a0]+|[ \t]*-[ \t]*)(?P<s>" + _SCALE_WORDS + r")(?![A-Za-z])")
_SPACED_ABBREVIATIONS = {k for k in SCALE_ABBREVIATIONS if len(k) > 1 or k in "kK"}
SCALE_ABBR_AFTER = re.compile(
    r"(?P<gap>[ \t\u00a0]*)(?P<s>" + trie_pattern(set(SCALE_ABBREVIATIONS) | set(MONEY_ABBREVIATIONS),
                                                  flexible=False) + r")(?![A-Za-z0-9])"
)


def scale_after(text: str, fig: Figure, money: bool) -> None:
    """Apply scale words or abbreviations written after the number."""
    m = SCALE_ABBR_AFTER.match(text, fig.end)
    if m is not None and not fig.words:
        abbr, gap = m.group("s"), m.group("gap")
        factor = SCALE_ABBREVIATIONS.get(abbr)
        if factor is None and (money or abbr == "m" and not gap
                               and kinds.glued_m_is_million(text, fig.start, m.end())):
            factor = MONEY_ABBREVIATIONS.get(abbr)
        if factor is not None and (not gap or abbr in _SPACED_ABBREVIATIONS):
            fig.value *= factor
            fig.end, fig.scaled, fig.scale = m.end(), True, factor
            return
    while (m := SCALE_WORD_AFTER.match(text, fig.end)) is not None:
        word = m.group("s").lower()
        factor = SCALES.get(word) or MULTIPLIERS.get(word) or (100.0 if word == "hundred" else None)
        if factor is None or fig.words:
            return
        fig.value *= factor
        fig.end, fig.scaled, fig.scale = m.end(), True, factor


# --- units on the right --------------------------------------------------------------------
# "800,000 barrels a day", "5 tonnes per year", "10 l/h": a rate in that unit per time.
_RATE = re.compile(
    r"[ \t\u00a0-]+(?:per|a|an|each|every)[ \t\u00a0-]+(?P<t>day|hour|week|month|year|second|minute)(?![\w])"
    r"|[ \t\u00a0]?/[ \t\u00a0]?(?P<t2>day|d|hour|hr|h|week|wk|month|year|yr|s|sec|min)(?![\w])"
)
_TIME_ABBREVIATIONS = {"d": "day", "hr": "hour", "h": "hour", "wk": "week", "yr": "year", "s": "second",
                       "sec": "second", "min": "minute"}
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z])")
# Every character that can open kinds.DECADE, ORDINAL_SUFFIX or kinds.GLUED_AFTER.
_SUFFIX_FIRST = frozenset("'’" + string.ascii_letters)


_GENERATION, _GENERATIONS = "mobile_generation", frozenset("123456")

# What can follow a figure without any unit after it: punctuation, a line end, the text end.
_NO_UNIT = re.compile(r"[ \t\u00a0]*(?:[,;:)\]!?\n]|\.(?!\d)|$)")


def units_after(text: str, fig: Figure) -> None:
    """Percent, currency, age or physical unit written after the figure."""
    end = fig.end
    if text[end + 1:end + 3] == "on" and (m_end := figure_kinds.magnitude_after(text, end)) is not None \
            and fig.value is not None and 0 <= fig.value <= figure_kinds.MAGNITUDE_MAX:
        fig.unit, fig.kind, fig.end = "magnitude", "magnitude", m_end  # "5.8 on the Richter scale"
        return
    if _NO_UNIT.match(text, end) or not units.could_follow(text, end):
        return
    if fig.kind == "money":
        cur = units.currency_after(text, end)
        if cur is not None and cur[0] == fig.unit and cur[2][:1].isalpha():
            fig.end = cur[1]  # "US$ 10 dollars"
        return
    if (p := units.percent_at(text, end)) is not None:
        fig.unit, fig.kind, fig.end = p[0], "percent", p[1]
        return
    if (a := units.age_at(text, end)) is not None:
        fig.unit, fig.kind, fig.end = a[0], "duration", a[1]
        return
    cur = units.currency_after(text, end)
    if cur is not None:
        code, cur_end, surface = cur
        fig.unit, fig.kind, fig.end, fig.currency_word = code, "money", cur_end, True
        if surface in units.MILLION_CODES:
            fig.value *= 1e6
        else:
            scale_after(text, fig, money=True)  # "75 USD million"
        return
    pounds = units.POUNDS_AFTER.match(text, end)
    if pounds is not None:
        # "20 million pounds" is money; "25 pounds", "a twenty-pound bag",
        # "5.1 million pounds of thrust" weigh.
        money = fig.scaled and "-" not in pounds.group(0) and not _OF.match(text, pounds.end())
        fig.unit, fig.kind = ("GBP", "money") if money else ("pound", "measure")
        fig.end, fig.unit_is_adjective = pounds.end(), "-" in pounds.group(0)
        return
    sub = units.subunit_after(text, end, glued_only=False)
    if sub is not None:
        fig.unit, fig.kind, fig.end = sub[0], "money", sub[1]
        return
    u = units.unit_at(text, end, fig.words)
    if u is not None and u[0] == _GENERATION and not (u[1] == end + 1 and fig.digits in _GENERATIONS):
        u = None  # "5G" is a network generation; "10G", "5 G" are not
    if u is None:
        u = units.unit_after_adjective(text, end, fig.words)  # "300 straight-line miles"
    if u is not None and u[0] == "magnitude" and not 0 <= fig.value <= figure_kinds.MAGNITUDE_MAX:
        u = None  # "25 magnitude" is no earthquake
    if u is not None:
        name, u_end, hyphenated = u
        fig.unit, fig.kind, fig.end = name, units.UNIT_KIND[name], u_end
        fig.unit_is_adjective = hyphenated
        if name == "caliber":
            _caliber(text, fig)
        rate = _RATE.match(text, u_end)
        if rate is not None and fig.kind == "measure" and "_per_" not in name:
            per = rate.group("t") or rate.group("t2")
            fig.unit, fig.end = f"{name}_per_{_TIME_ABBREVIATIONS.get(per, per)}", rate.end()


_SPACED_POINT = re.compile(r"(?:^|(?<=[\s(]))\.[ \u00a0]$")


def _caliber(text: str, fig: Figure) -> None:
    """'.38-caliber' is 0.38 in; '38-caliber' means the same, and '. 38-caliber' is a lost point."""
    if fig.digits.isdigit() and fig.value >= 1:
        fig.value /= 10 ** len(fig.digits)
        if (p := _SPACED_POINT.search(text, max(0, fig.start - 3), fig.start)) is not None:
            fig.start = p.start()


def caliber_before_gun(text: str, fig: Figure) -> None:
    """'a .38 revolver': a bare decimal written with a leading point before a gun is a calibre."""
    if fig.digits[:1] == "." and fig.kind == "count" and fig.unit == "count" \
            and figure_kinds.gun_after(text, fig.end):
        fig.unit, fig.kind, fig.noun = "caliber", "measure", None


def rate_after(text: str, fig: Figure) -> None:
    """'$58 a barrel', '40 hours a week', '5% annually': the rate's denominator goes into `per`.

    The span takes the rate in when it follows the unit directly; a count keeps its
    span ('3,000 tests a day'), so the context stage still reads the counted noun.
    """
    if fig.per is not None or fig.kind not in ("money", "measure", "percent", "duration", "count") \
            or "_per_" in fig.unit:
        return
    rate = rates.rate_at(text, fig.end, counted=fig.unit == "count")
    if rate is None:
        return
    if rate.aside:
        pass  # the bracket's own figures are still to be read
    elif rate.attached and fig.unit != "count":
        fig.end = rate.end
    else:
        fig.read_to = rate.end  # "1,000 frames per second": "second" is no figure of its own
    if fig.kind == "measure" and units.UNIT_KIND.get(rate.per) == "duration":
        fig.unit = f"{fig.unit}_per_{rate.per}"  # "286 gigatonnes annually", as "800,000 barrels a day"
    else:
        fig.per = rate.per


_CURRENCY_LETTERS: dict[str, str] = NUMBERS["currency_letters"]


def _letter_currency(text: str, fig: Figure) -> str | None:
    """'e5 million', 'e2.3bn': a letter for a lost currency sign, glued, with a scale after."""
    at = fig.start - 1
    code = _CURRENCY_LETTERS.get(text[at:fig.start]) if at >= 0 else None
    if code is None or (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-'’.")) or fig.words:
        return None
    abbr = SCALE_ABBR_AFTER.match(text, fig.end)
    if SCALE_WORD_AFTER.match(text, fig.end) is None and (abbr is None or abbr.group("gap")):
        return None
    return code


def currency_before(text: str, fig: Figure) -> None:
    cur = units.currency_before(text, fig.start)
    if cur is None and text[fig.start - 1:fig.start] in _CURRENCY_LETTERS \
            and (code := _letter_currency(text, fig)) is not None:
        cur = (code, fig.start - 1, text[fig.start - 1])
    if cur is not None:
        code, start, surface = cur
        if surface == "PS" and fig.digits.isdigit() and SCALE_ABBR_AFTER.match(text, fig.end) is None:
            return  # "PS5" is a games console; "PS6m", "PS21,700" are £ transliterated
        fig.unit, fig.kind, fig.start = code, "money", start
        if surface in units.MILLION_CODES:
            fig.value *= 1e6


# --- signs, qualifiers, labels on the left ----------------------------------------------------
_SIGN_CONTEXT = re.compile(r"(?:^|(?<=[\s(\[{:=/$£€¥<>≤≥~]))[-−‑](?=\d)")
NEGATIVE_BEFORE = re.compile(
    r"(?<![\w])(?:" + trie_pattern({v for w in NEGATIVES for v in case_variants(w)}) + r")(?:[ \u00a0]+|-)$"
)


def sign_before(text: str, fig: Figure) -> None:
    """'-5', '−3', 'minus five' make the figure negative."""
    if fig.start > 0 and text[fig.start - 1] in "-−‑" and _SIGN_CONTEXT.match(text, fig.start - 1):
        fig.start -= 1
        fig.value = -fig.value
        return
    m = NEGATIVE_BEFORE.search(text, max(0, fig.start - 12), fig.start) \
        if written_before(text, fig.start) or text[fig.start - 1:fig.start] == "-" else None
    if m is not None:
        fig.start, fig.value = m.start(), -fig.value


def qualifier_before(text: str, fig: Figure) -> None:
    found = qualifiers.before(text, fig.start)
    if found is None:
        return
    tol, start = found
    fig.start = start
    fig.qualifier = tol.qualifier
    fig.low, fig.high = qualifiers.interval(fig.value, tol)


def qualifier_after(text: str, fig: Figure) -> None:
    found = qualifiers.after(text, fig.end)
    if found is None:
        return
    tol, end = found
    fig.end = end
    if fig.qualifier == "exact":
        fig.qualifier = tol.qualifier
        fig.low, fig.high = qualifiers.interval(fig.value, tol)


# --- what kind of figure --------------------------------------------------------------------
def classify_form(text: str, fig: Figure) -> None:
    """What the way a bare number is written says: '1990s', '22nd', 'F-16', '3Russia'."""
    if fig.kind != "count" or not fig.digits or fig.words:
        return
    # The suffix patterns all open with one of a few letters: most numbers are decided by
    # the character after them ("5 people") without a regex call.
    glued = text[fig.end:fig.end + 1] in _SUFFIX_FIRST
    if glued and (m := kinds.DECADE.match(text, fig.end)) is not None and len(fig.digits) in (2, 4):
        fig.kind, fig.end = "year", m.end()  # "the 1990s", "'90s"
    elif glued and (m := ORDINAL_SUFFIX.match(text, fig.end)) is not None:
        fig.kind, fig.end = "ordinal", m.end()
    elif fig.start and (text[fig.start - 1].isalpha() or (
            text[fig.start - 1] == "-" and text[fig.start - 2:fig.start - 1].isalnum())):
        fig.kind = "ordinal"  # glued to a name or code: "F-16", "S23", "COVID-19", "ISO 3888-2"
    elif glued and kinds.GLUED_AFTER.match(text, fig.end) and fig.digits.isdigit():
        fig.kind = "ordinal"  # "3Russia-Ukraine war": page furniture run together
    elif len(fig.digits) > 1 and fig.digits[0] == "0" and fig.digits.isdigit():
        fig.kind = "ordinal"  # "0401 GMT", "007": a code, not an amount


def classify_age(text: str, fig: Figure) -> None:
    """'aged 25', 'age 87', 'under the age of 5 years', 'Maddon, 66, has used': ages in years."""
    if fig.unit == "year" and (at := kinds.age_before(text, fig.start)) is not None:
        fig.unit, fig.start = "year_of_age", at
        return
    if fig.kind != "count" or fig.value is None:
        return
    at = kinds.age_before(text, fig.start)
    if at is not None:
        fig.unit, fig.kind, fig.start = "year_of_age", "duration", at
    elif (fig.digits.isdigit() and kinds.is_appositive_age(text, fig.start, fig.end, fig.value)
          and kinds.LABEL_BEFORE.search(text, max(0, fig.start - 14), fig.start) is None):
        fig.unit, fig.kind = "year_of_age", "duration"


def classify_context(text: str, fig: Figure) -> None:
    """A bare number in digits: a year ('in 2022'), a label ('Section 427'), an address, or a count."""
    if fig.kind != "count" or fig.value is None or not fig.digits.replace(",", "").isdigit():
        return
    fig.noun = kinds.noun_after(text, fig.end)
    if kinds.looks_like_year(fig.value, fig.digits, kinds.year_cue_before(text, fig.start), fig.noun):
        fig.kind, fig.noun = "year", None
    elif len(fig.digits) < 7 and (kinds.label_before(text, fig.start, fig.end) is not None
                                  or kinds.is_address(text, fig.end)):
        fig.kind, fig.noun = "ordinal", None


def rank_unit(text: str, fig: Figure) -> None:
    """What a rank ranks: '16th place', 'the 28th lap', 'fifth time' → place, lap, time; 'lap 20'."""
    if fig.kind == "ordinal":
        if (noun := figure_kinds.rank_unit_after(text, fig.end)) is not None:
            fig.unit = noun
        elif (label := figure_kinds.rank_label_before(text, fig.start)) is not None:
            fig.unit = label  # "Round 3", already a label
    elif fig.digits and (label := figure_kinds.rank_label_before(text, fig.start)) is not None \
            and kinds.noun_after(text, fig.end, through_of=False) is None:
        fig.kind, fig.unit, fig.noun = "ordinal", label, None  # "on lap 20", but "lap 20 riders"


_OF = re.compile(r"[ \u00a0]+of[ \u00a0]+")
_A = re.compile(r"[ \u00a0]+an?[ \u00a0]+")  # "half an hour"
_OF_A = re.compile(r"[ \u00a0]+of[ \u00a0]+an?[ \u00a0]+(?:(?:US|U\.S\.|UK|imperial|metric)[ \u00a0]+)?")


def finish_noun(text: str, fig: Figure) -> None:
    """The counted noun; for vague amounts also a unit ("hundreds of miles", "millions of dollars")."""
    if fig.qualifier == "vague" and (of := _OF.match(text, fig.end)) is not None:
        cur = units.currency_after(text, of.end() - 1)
        unit = units.unit_at(text, of.end())
        if cur is not None:
            fig.unit, fig.kind = cur[0], "money"
            return
        if unit is not None:
            fig.unit, fig.kind = unit[0], units.UNIT_KIND[unit[0]]
            return
    if fig.kind == "fraction" and (of := (_OF_A.match(text, fig.end) or _A.match(text, fig.end))) \
            is not None and (unit := units.unit_at(text, of.end())) is not None:
        # "1/16 of a US pint", "half an hour"
        fig.unit, fig.kind = unit[0], units.UNIT_KIND[unit[0]]
        return
    if fig.kind in ("count", "fraction") and fig.noun is None or fig.unit_is_adjective and fig.kind == "measure":
        fig.noun = kinds.noun_after(text, fig.end)
