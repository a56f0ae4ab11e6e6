"""The quantulum3 backend: the same Quantity shape as the native extractor, for comparison.

quantulum3 runs without its unit classifier (the packaged model does not load
with current scikit-learn, and it is the slow part), once per paragraph: the
parser is quadratic in the length of what it is given. Units are mapped onto
the native extractor's names (pint names, ISO currency codes, `percent`).
"""

from __future__ import annotations

import re
import warnings
from functools import cache

from factcheck.extract import kinds, units
from factcheck.extract.links import link_conversions
from factcheck.models import Quantity

_PARAGRAPHS = re.compile(r"[^\n]+")
# quantulum3 spells units the British way; pint and our lexicon the American way.
_SPELLING = (("metre", "meter"), ("litre", "liter"), ("tonne", "metric_ton"), ("per cent", "percent"))


@cache
def _parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": intended
        from quantulum3 import classifier, parser
    classifier.USE_CLF = False
    return parser


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity quantulum3 finds in `text`, sorted by start offset."""
    parse = _parser().parse
    out: list[Quantity] = []
    for para in _PARAGRAPHS.finditer(text):
        base = para.start()
        try:
            found = parse(para.group())
        except Exception:  # noqa: BLE001, S112 - quantulum3 raises on some inputs; skip the paragraph
            continue
        for q in found:
            start, end = base + max(0, q.span[0]), base + q.span[1]
            surface = text[start:end]
            if q.surface and surface.lower() != q.surface.lower():
                continue  # quantulum3 normalised the text it reports on; no honest offsets
            if not q.surface and not any(ch.isdigit() for ch in surface):
                continue  # quantulum3 reports span (-1, n) and no surface at a paragraph start
            out.append(_quantity(text, q, start, end))
    out.sort(key=lambda q: (q.start, q.end))
    link_conversions(text, out)
    return out


def _quantity(text: str, q, start: int, end: int) -> Quantity:
    value = float(q.value)
    unit, kind = _unit(q.unit)
    unc = float(q.uncertainty) if q.uncertainty else 0.0
    low, high, qualifier = value, value, "exact"
    surface = text[start:end]
    if unc and "±" not in surface and "+/-" not in surface:
        low, high, qualifier = value - unc, value + unc, "range"
        value = low
    noun = kinds.noun_after(text, end) if kind == "count" else None
    return Quantity(start, end, text[start:end], value, low, high, qualifier, unit, kind, None, noun)


@cache
def _unit_by_name(name: str, entity: str, currency: str | None) -> tuple[str, str]:
    if currency:
        return currency, "money"
    low = name.lower()
    if low == "dimensionless":
        return "count", "count"
    if low in ("percentage", "per cent", "percent"):
        return "percent", "percent"
    found = units.unit_at(" " + name, 0) or units.unit_at(" " + low, 0)
    if found is not None and found[1] == len(name) + 1:
        return found[0], units.UNIT_KIND[found[0]]
    pintish = low
    for british, american in _SPELLING:
        pintish = pintish.replace(british, american)
    pintish = pintish.replace(" ", "_")
    return pintish, "duration" if entity == "time" else "measure"


def _unit(unit) -> tuple[str, str]:
    return _unit_by_name(unit.name, unit.entity.name, getattr(unit, "currency_code", None))
