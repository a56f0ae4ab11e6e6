"""conversion: a figure and its conversion in one phrase disagree beyond rounding.

"679-kilometre (422 miles)" holds (679 km = 421.9 mi); "679 km (500 miles)" does not.
The extractor links the two halves (Fact.converts: the partner's Fact.id); pint
does the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from factcheck.facts import FactTable
from factcheck.models import Fact, Finding
from factcheck.pint_registry import affine
from factcheck.rules import wording
from factcheck.rules.kinds.base import Context, Kind
from factcheck.rules.params import number

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_NOT_PHYSICAL = {"count", "percent", ""}


class Conversion(Kind):
    name = "conversion"
    summary = "A figure and its conversion in the same phrase disagree beyond rounding."
    fields = ("figure", "conversion", "expected")

    def params(self):
        return {
            "relative_tolerance": number(0.02, "how far a conversion may stray, as a share of "
                                               "the converted figure, on top of its rounding"),
            "round_number_share": number(
                0.05, "a round figure (600, 50,000) may be rounded at its last non-zero digit, "
                      "by at most this share of it"),
            "max_gap": number(40, "most characters between the two halves of a pair",
                              integer=True),
        }

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        linked = table.where(c is not None for c in table["converts"])
        if linked.empty:
            return
        at = {f.id: i for i, f in enumerate(ctx.facts)}  # Fact.id → position in the run
        seen: set[tuple[int, int]] = set()
        for pos, partner_id in zip(linked["pos"], linked["converts"], strict=True):
            partner = at.get(partner_id)
            if partner is None or partner == pos:
                continue
            if ctx.facts[partner].doc != ctx.facts[pos].doc:
                continue
            pair = (min(pos, partner), max(pos, partner))
            if pair in seen:
                continue
            seen.add(pair)
            a, b = ctx.facts[pair[0]], ctx.facts[pair[1]]
            if max(a.start, b.start) - min(a.end, b.end) > rule.params["max_gap"]:
                continue  # not one phrase: the link is not trusted
            expected = _mismatch(a, b, rule.params["relative_tolerance"],
                                 rule.params["round_number_share"])
            if expected is not None:
                yield ctx.finding(rule, a.story or "", {"unit": a.unit, "converted_unit": b.unit},
                                  pair, figure=wording.figure(a), conversion=wording.figure(b),
                                  expected=f"{wording.number(expected)} "
                                           f"{wording.unit_name(b.unit, expected)}")


def _mismatch(a: Fact, b: Fact, rel: float, round_share: float) -> float | None:
    """What b should read when a and b disagree beyond rounding, else None."""
    if a.value is None or b.value is None or a.unit == b.unit:
        return None
    if a.unit in _NOT_PHYSICAL or b.unit in _NOT_PHYSICAL:
        return None
    a_in_b, b_in_a = _convert(a.value, a.unit, b.unit), _convert(b.value, b.unit, a.unit)
    if a_in_b is None or b_in_a is None:
        return None  # not units pint can relate (currencies, unknown names)
    if (abs(a_in_b - b.value) <= _slack(b, rel, round_share)
            or abs(b_in_a - a.value) <= _slack(a, rel, round_share)):
        return None
    return a_in_b


def _slack(f: Fact, rel: float, round_share: float) -> float:
    """How far a written figure may be from the exact conversion.

    Half its last written digit ("422" → 0.5, "1.5" → 0.05); for a round figure,
    half its last non-zero digit ("180" → 5, "50,000" → 5,000), but at most
    `round_share` of it; plus a relative margin.
    """
    value = abs(f.value)
    m = next(reversed(list(_NUMBER.finditer(f.text or ""))), None)  # the last number written
    if not m:
        return 0.5 + rel * value
    written = float(m.group().replace(",", ""))
    scale = value / written if written else 1.0  # "1.2 million": digits count in millions
    if m.group(1):
        half = 0.5 * 10 ** -len(m.group(1))
    else:
        digits = m.group().replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0")) if written else 0
        half = 0.5 * 10 ** zeros
        if zeros:
            half = max(0.5, min(half, round_share * written))
    return half * scale + rel * value


def _convert(value: float, unit: str, to: str) -> float | None:
    line = _affine(unit, to)
    if line is None:
        return None
    slope, offset = line
    return slope * value + offset


@cache
def _affine(unit: str, to: str) -> tuple[float, float] | None:
    """(slope, offset) of the conversion, or None when pint cannot convert (see pint_registry)."""
    return affine(unit, to)
