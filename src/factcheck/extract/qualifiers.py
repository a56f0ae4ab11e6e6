"""Qualifier words around a figure → an interval ("nearly 1,000" → [900, 1000]).

The words and their tolerances are data (data/rules/lexicon/qualifiers.yaml); this
module only compiles them and applies the factors.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck import regex_cache
from factcheck.errors import RuleError
from factcheck.extract.lexicon import load
from factcheck.extract.patterns import case_variants, trie_pattern, written_before
from factcheck.resources import lexicon_dir

LEX = load("qualifiers.yaml", "qualifiers")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")


@dataclass(frozen=True, slots=True)
class Tolerance:
    qualifier: str
    low: float | None  # factor of the stated value; None = unbounded
    high: float | None


def _groups(key: str) -> dict[str, Tolerance]:
    out: dict[str, Tolerance] = {}
    for group in LEX[key]:
        if group["qualifier"] not in QUALIFIERS:
            raise RuleError(f"unknown qualifier {group['qualifier']!r} in {key}",
                            str(lexicon_dir() / "qualifiers.yaml"))
        tol = Tolerance(group["qualifier"], group["low"], group["high"])
        for word in group["words"]:
            for v in case_variants(word):
                out.setdefault(" ".join(v.split()), tol)
    return out


_BEFORE = _groups("before")
_AFTER = _groups("after")
QUALIFIER_BEFORE = regex_cache.compile(
    r"(?<![\w])(?P<q>" + trie_pattern(_BEFORE) + r")[\s\u00a0]*$"
)
QUALIFIER_AFTER = regex_cache.compile(
    r"(?P<gap>[ \t\u00a0]*)(?P<q>" + trie_pattern(_AFTER) + r")(?![\w])"
)

VAGUE: dict[str, Tolerance] = {}
for _phrase, _spec in LEX["vague"].items():
    for _v in case_variants(_phrase):
        VAGUE[" ".join(_v.split())] = Tolerance("vague", _spec["low"], _spec["high"])
VAGUE_PATTERN = trie_pattern(VAGUE)

RANGE_OPENER = regex_cache.compile(
    r"(?<![\w])(?P<q>" + trie_pattern({v for w in LEX["ranges"]["openers"] for v in case_variants(w)})
    + r")[\s\u00a0]+(?:the[\s\u00a0]+)?$"
)
_joiners = LEX["ranges"]["joiners"]
_word_joiners = [j for j in _joiners if j[:1].isalpha()]
_sign_joiners = [j for j in _joiners if not j[:1].isalpha()]
# "15-20", "15 to 20", and "8- to 16-meter" (a hyphen left hanging before the word).
RANGE_JOINER = regex_cache.compile(
    r"[ \t\u00a0]*(?:[-‐][ \t\u00a0]+)?(?P<j>" + "|".join(re.escape(j) for j in _word_joiners)
    + r")[ \t\u00a0]+|[ \t\u00a0]*(?P<s>" + "|".join(re.escape(j) for j in _sign_joiners)
    + r")[ \t\u00a0]*"
)


def _key(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def before(text: str, start: int, window: int = 48) -> tuple[Tolerance, int] | None:
    """The qualifier ending just before `start`: (tolerance, where it starts)."""
    if not written_before(text, start):
        return None
    m = QUALIFIER_BEFORE.search(text, max(0, start - window), start)
    if m is None:
        return None
    tol = _BEFORE.get(_key(m.group("q")))
    return (tol, m.start()) if tol else None


def after(text: str, end: int) -> tuple[Tolerance, int] | None:
    """The qualifier right after a figure ("or more"): (tolerance, where it ends)."""
    m = QUALIFIER_AFTER.match(text, end)
    if m is None:
        return None
    tol = _AFTER.get(_key(m.group("q")))
    return (tol, m.end()) if tol else None


def range_opener(text: str, start: int) -> tuple[str, int] | None:
    """'between' / 'from' just before a figure: (word, where it starts)."""
    if not written_before(text, start):
        return None
    m = RANGE_OPENER.search(text, max(0, start - 24), start)
    return (m.group("q").lower(), m.start()) if m else None


def holding(value: float | None, low: float | None, high: float | None
            ) -> tuple[float | None, float | None]:
    """Bounds as people write them (0.18000000000000002 → 0.18), still holding the value.

    Rounding a bound to 12 significant digits can carry it past an unrounded
    value ("up to 1/3": 0.333333333333 < 0.3333333333333333); such a bound is the value.
    """
    low, high = _tidy(low), _tidy(high)
    if value is not None:
        if low is not None and low > value:
            low = value
        if high is not None and high < value:
            high = value
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def _tidy(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def interval(value: float, tol: Tolerance) -> tuple[float | None, float | None]:
    """The bounds a qualifier allows around `value` (factors swap for negative values)."""
    low = None if tol.low is None else value * tol.low
    high = None if tol.high is None else value * tol.high
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high
