"""Placeholder native extractor: plain digit runs only (replaced by the real one)."""

from __future__ import annotations

import re

from factcheck.models import Quantity

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def find_quantities(text: str) -> list[Quantity]:
    out = []
    for m in _DIGITS.finditer(text):
        v = float(m.group().replace(",", "")) if m.group()[-1] != "," else None
        if v is not None:
            out.append(Quantity(m.start(), m.end(), m.group(), v, v, v))
    return out
