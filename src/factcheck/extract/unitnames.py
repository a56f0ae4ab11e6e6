"""The unit in words, as a reader would say it: USD → "dollar", kilometer → "kilometre".

Fact.unit stays canonical for comparisons (ISO code, pint name, `count`);
Fact.normalized_unit is this spelled-out form, with a rate's denominator
("dollar per barrel") and, for counts, what is counted ("residential
building"). The names are data: currency names in data/rules/lexicon/numbers.yaml,
spelling and exceptions in data/rules/lexicon/units.yaml (`spelling`, `words`).
"""

from __future__ import annotations

from functools import cache

from factcheck.extract import units
from factcheck.extract.numbers import LEX as NUMBERS

_CURRENCY_NAMES: dict[str, str] = {code: spec["name"] for code, spec in NUMBERS["currencies"].items()
                                   if "name" in spec}
_WORDS: dict[str, str] = units.UNITS["words"]
_SPELLING: dict[str, str] = units.UNITS["spelling"]


@cache
def _name_in_words(name: str) -> str:
    """'kilometer_per_hour' → 'kilometre per hour', 'GBP' → 'pound sterling'."""
    if name in _CURRENCY_NAMES:
        return _CURRENCY_NAMES[name]
    if name in _WORDS:
        return _WORDS[name]
    if "_per_" in name:
        head, _, tail = name.partition("_per_")
        return f"{_name_in_words(head)} per {_name_in_words(tail)}"
    return " ".join(_british(w) for w in name.replace("_", " ").split())


def _british(word: str) -> str:
    for us, gb in _SPELLING.items():
        if word.endswith(us):
            return word[: -len(us)] + gb
    return word


def unit_in_words(unit: str, per: str | None = None, counted: str | None = None) -> str | None:
    """The reader's name of a figure's unit; None for a count of nothing named.

    `per` is the rate's denominator ("barrel", "square foot"); `counted` what a
    count counts (the context stage's noun phrase, or its entity).
    """
    if unit == "count":
        base = _WORDS.get(counted.lower(), counted) if counted else None
        if base is None:
            return f"count per {_name_in_words(per.replace(' ', '_'))}" if per else None
    else:
        base = _name_in_words(unit)
    if per:
        return f"{base} per {_name_in_words(per.replace(' ', '_'))}"
    return base
