"""Figures written in two parts: "3 million and a half", "4 thousand 3 hundred and 21",
"5 ft 2 in", "13 dollars and 45 cents", "one in five".
"""

from __future__ import annotations

import re

from factcheck.extract import units
from factcheck.extract.cores import RATIO, plain_number_at
from factcheck.extract.figure import Figure, scale_after

_AND_HALF = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+(?:a|one)[ \t\u00a0]+(half|quarter)(?![\w])")
_THEN = re.compile(r"([ \t\u00a0]+and)?[ \t\u00a0]+")
_INCHES = re.compile(r"(?:[ \t\u00a0]+and)?[ \t\u00a0]+(\d{1,2}(?:\.\d+)?)[ \t\u00a0]*(?:inches|inch|in)(?![\w])")
_CENTS = re.compile(r"[ \t\u00a0]*(?:cents?|¢)(?![\w])")
_SENTENCE_END = re.compile(r"[ \t\u00a0]*(?:[.!?;]|$)")



def continue_scaled(text: str, fig: Figure) -> None:
    """'3 million and a half', '4 thousand 3 hundred and 21', '6 crore and two hundred'."""
    if (m := _AND_HALF.match(text, fig.end)) is not None:
        fig.value += fig.scale * (0.5 if m.group(1) == "half" else 0.25)
        fig.end = m.end()
        return
    while fig.scale >= 100 and (gap := _THEN.match(text, fig.end)) is not None:
        found = plain_number_at(text, gap.end())
        if found is None or found[0] <= 0:
            return
        addend, end, _ = found
        sub = Figure(gap.end(), end, addend, digits="1")
        scale_after(text, sub, money=False)
        if not (sub.scaled or gap.group(1)) or not 0 < sub.value < fig.scale or sub.scale >= fig.scale:
            return
        fig.value += sub.value
        fig.end, fig.scale = sub.end, sub.scale if sub.scaled else 1.0


def compound(text: str, fig: Figure) -> None:
    """Figures written in two parts: feet and inches, dollars and cents, 'one in five'."""
    if fig.unit == "foot" and (m := _INCHES.match(text, fig.end)) is not None \
            and float(m.group(1)) < 12:
        fig.value += float(m.group(1)) / 12
        fig.end = m.end()
    elif fig.kind == "money" and fig.currency_word and not fig.scaled:
        gap = _THEN.match(text, fig.end)
        found = plain_number_at(text, gap.end()) if gap else None
        if found is not None and 0 < found[0] < 100:
            cents = _CENTS.match(text, found[1])
            if cents is not None or _SENTENCE_END.match(text, found[1]):
                fig.value += found[0] / 100
                fig.end = cents.end() if cents else found[1]
    elif fig.kind == "count" and fig.qualifier == "exact" and not fig.scaled \
            and (m := RATIO.match(text, fig.end)) is not None:
        found = plain_number_at(text, m.end())
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
