"""Rates: "$58.24 per barrel", "$14.95 a month", "40 to 50 hours a week", "5% annually".

`rate_at(text, end)` reads the denominator written right after a figure and its
unit, with one anchored match and a dict lookup: the singular denominator
("barrel", "month", "square foot", "share") goes into Quantity.per, the unit
stays what it was. After "a", "an", "each" or "every" only units and a list of
nouns count ("$20 a head", not "$5 a good deal"); after "per" and "/" any
noun does ("per household"). The word lists are in data/rules/lexicon/units.yaml
(`rates`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from factcheck import regex_cache
from factcheck.extract import kinds, units
from factcheck.extract.patterns import trie_pattern

_LEX = units.UNITS["rates"]
_NOUNS = frozenset(_LEX["nouns"])
_ADVERBS: dict[str, str] = _LEX["adverbs"]
_ALIASES: dict[str, str] = _LEX["aliases"]
_MODIFIERS = frozenset(_LEX["modifiers"])
_NOT_BEFORE = frozenset(_LEX["not_before"])
_ORDINALS = frozenset(_LEX["ordinals"])
_NOT_NOUNS = frozenset(_LEX["not_nouns"])

_S = r"[ \t\u00a0]"
_JOINER = (
    rf"(?:(?:{_S}*[-‐‑]{_S}*|{_S}+)(?P<j>per|a|an|each|every)(?:{_S}*[-‐‑]{_S}*|{_S}+)"
    rf"|{_S}?(?P<slash>/){_S}?"
    rf"|{_S}+(?P<adv>" + trie_pattern(_ADVERBS, flexible=False) + r")(?![\w]))"
)
# A conversion in brackets may stand between a figure and its rate: "9 billion shekels
# ($2.4 billion) a year" (the rate is the first figure's; the bracket is an aside).
_ASIDE = rf"(?P<aside>{_S}*\([^()\n]{{1,40}}\))"
_JOIN = re.compile(f"{_ASIDE}?{_JOINER}")
# A count may name what it counts before the rate: "3,000 tests a day", "78,000 times a minute".
_COUNT_JOIN = regex_cache.compile(
    rf"(?:{_ASIDE}|(?P<counted>(?:{_S}+(?!(?:per|an?|each|every)(?![\w]))[a-z][a-z'’-]*){{1,2}}?))?"
    + _JOINER
)
# A cheap first look for a count: some joiner or adverb in the next few words at all.
_HINT = re.compile(r"[ \t\u00a0-](?:per|an?|each|every)[ \t\u00a0-]|/|[a-z]ly(?![\w])")
_HINT_WINDOW = 40
_WORD = re.compile(r"([A-Za-z]+)(?![\w'’])")
_NEXT_WORD = re.compile(rf"{_S}*[-‐‑]?([A-Za-z]+)")


class Rate(NamedTuple):
    per: str  # the denominator, singular: "barrel", "month", "square foot"
    end: int  # where the rate's words end
    attached: bool  # written right after the figure (no bracket or counted noun between)
    aside: bool = False  # a bracket stands between: its words are not the rate's


def rate_at(text: str, end: int, counted: bool = False) -> Rate | None:
    """The rate written at `end`, right after a figure and its unit.

    With `counted`, one or two words naming what is counted may come first
    ("tests a day"); the rate is then not attached to the figure's span.
    """
    first = text[end:end + 1]
    if not first or first not in " \t\u00a0-‐‑/(":
        return None
    if counted and _HINT.search(text, end, end + _HINT_WINDOW) is None:
        return None
    j = (_COUNT_JOIN if counted else _JOIN).match(text, end)
    if j is None:
        return None
    words = j.group("counted") if counted else None
    if words is not None and not all(kinds.is_noun_word(w) for w in words.split()):
        return None
    aside = j.group("aside") is not None
    attached = not aside and words is None
    if j.group("adv"):
        return Rate(_ADVERBS[j.group("adv").lower()], j.end(), attached, aside)
    joiner = (j.group("j") or j.group("slash")).lower()
    pos = j.end()
    unit = units.unit_at(text, pos)
    if unit is not None and (joiner == "/" or unit[1] - pos > 1):  # "/h", but not "a m"
        return _checked(text, unit[0].replace("_", " "), unit[1], joiner, Rate("", 0, attached, aside))
    w = _WORD.match(text, pos)
    if w is None:
        return None
    word = w.group(1).lower()
    if joiner == "/" and (not w.group(1).islower() or text[w.end():w.end() + 1] in ("/", "-")):
        return None  # "Steve Parsons/PA", "2016/11/sports-world": a credit, a path
    if joiner == "per" and (word in _MODIFIERS or w.group(1)[0].isupper()) and text[w.end():w.end() + 1] == " " \
            and (n := _WORD.match(text, w.end() + 1)) is not None and n.group(1).islower():
        w, word = n, n.group(1).lower()  # "per diluted share", "per Qualcomm share"
    word = _ALIASES.get(word, word)
    if word in _NOT_NOUNS:
        return None
    if joiner not in ("per", "/") and word not in _NOUNS:
        return None
    return _checked(text, word, w.end(), joiner, Rate("", 0, attached, aside))


def _checked(text: str, per: str, end: int, joiner: str, how: Rate) -> Rate | None:
    """No rate when what follows makes a period a date: 'a year ago', 'for a second day'."""
    if units.UNIT_KIND.get(per) == "duration" and (nxt := _NEXT_WORD.match(text, end)) is not None:
        word = nxt.group(1).lower()
        if word in _NOT_BEFORE or joiner in ("a", "an") and per in _ORDINALS:
            return None
    return how._replace(per=per, end=end)
