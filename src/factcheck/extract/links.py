"""Steps across neighbouring figures, once all are found.

Labels carry over ("Caption 27 of 30"), a bare number listed before a figure
with a unit takes that unit ("eight or nine euros"), and a figure and its
conversion in one phrase ("679-kilometer (422 miles)") point at each other.
"""

from __future__ import annotations

import re
from itertools import pairwise

from factcheck.extract import units
from factcheck.extract.figure import Figure
from factcheck.models import Quantity

_SHARE_GAP = re.compile(r"[ \u00a0]+(?:or|and|to|nor)[ \u00a0]+$|[ \u00a0]*,[ \u00a0]*$")
_OF_GAP = re.compile(r"[ \u00a0]+of[ \u00a0]+$")
_CODE_GAP = re.compile(r"[ \u00a0]$")
_TO_GAP = re.compile(r"[ \u00a0]+to[ \u00a0]+$")
_FROM_BEFORE = re.compile(r"(?<![\w])from[ \u00a0]+(?:[a-z]+[ \u00a0]+)?$")
_CONVERSION_GAP = re.compile(r"[ \u00a0]*(?:\(|\[|/|,?[ \u00a0]*or)[ \u00a0]*$")


def follow_labels(text: str, figures: list[Figure]) -> None:
    """'Caption 27 of 30', '0207 782 4368': what follows a label in the same way is a label."""
    for a, b in pairwise(figures):
        if a.kind != "ordinal" or b.kind != "count" or b.qualifier != "exact" or not b.digits:
            continue
        if _OF_GAP.match(text, a.end, b.start) or (
                a.digits.isdigit() and b.digits.isdigit() and _CODE_GAP.match(text, a.end, b.start)):
            b.kind, b.noun = "ordinal", None


def share_units(text: str, figures: list[Figure]) -> None:
    """A bare number takes the unit of a figure next to it in the same phrase.

    Listed before it: "eight or nine euros", "5, 10 or 15 percent" (not "at 16,644,
    16 per cent above": a list holds numbers of one size). The end of a change:
    "from 20 mpg to 24".
    """
    for a, b in zip(reversed(figures[:-1]), reversed(figures[1:])):
        # b's unit first: in a list of bare numbers it fails at once
        if b.unit != "count" and _bare(a) and a.qualifier != "range" \
                and b.kind in ("measure", "money", "percent", "duration") \
                and b.start - a.end < 8 and _SHARE_GAP.search(text, a.end, b.start) \
                and not (a.value is not None and b.value and abs(a.value) > 10 * abs(b.value)):
            a.unit, a.kind, a.per = b.unit, b.kind, b.per
    for a, b in pairwise(figures):
        if a.unit != "count" and _bare(b) and a.kind in ("measure", "money", "percent", "duration") \
                and _TO_GAP.match(text, a.end, b.start) and _FROM_BEFORE.search(text, max(0, a.start - 16), a.start):
            b.unit, b.kind, b.per = a.unit, a.kind, a.per


def _bare(fig: Figure) -> bool:
    return fig.kind == "count" and fig.unit == "count" and fig.noun is None


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
