"""Build fast regular expressions from word lists.

Python's `re` tries the alternatives of `a|b|c` one after the other at every
position, so a flat alternation of a few hundred words costs a few hundred
failed tries per character. Folding the words into a prefix tree
(`f(?:ive|ifty|...)`) makes each try fail on its first unmatched letter, which
keeps the scanner's single pass at tens of MB/s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache as memo

from factcheck import cache

# A space inside a phrase matches any run of spaces or a hyphen ("per cent",
# "year-old", "miles per hour").
_GAP = r"[\s\-‐‑]+"


def case_variants(word: str) -> set[str]:
    """The word as written, lower case, Capitalised, Headline Case and UPPER case."""
    headline = " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return {word, word.lower(), word[:1].upper() + word[1:], headline, word.upper()}


_escape = memo(re.escape)  # a character at a time: the lexicons' words share their letters


_GAPS = re.compile(r"[ -]+")


def _atoms(phrase: str, flexible: bool) -> list[str]:
    if flexible:  # a run of spaces and hyphens is one gap
        return [_GAP if ch == " " else _escape(ch) for ch in _GAPS.sub(" ", phrase)]
    return [_escape(ch) for ch in phrase]


def trie_pattern(phrases: Iterable[str], flexible: bool = True) -> str:
    """A regex source matching any of `phrases`, longest first at each branch.

    With `flexible`, a space or hyphen in a phrase matches spaces or hyphens.
    The tree of a word list is kept in the cache folder (factcheck.cache): building
    the lexicons' some forty trees in Python cost 0.04 CPU s at every start.
    """
    key = (frozenset(phrases), flexible)  # neither order nor repeats change the tree
    made = KEPT.get(key)
    if made is None:
        made = _build(key[0], flexible)
        KEPT.add(key, made)
    return made


# past 200 trees in the file, only the last run's are kept
KEPT = cache.KeptTable("tries", lambda: cache.digest([__file__], "tries"), keep=200)


def _build(phrases: Iterable[str], flexible: bool) -> str:
    root: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for atom in _atoms(phrase, flexible):
            node = node.setdefault(atom, {})
        node[""] = {}
    if not root:
        return "(?!)"
    return _emit(root)


def _emit(node: dict) -> str:
    # Longer continuations first so that "kilometers" wins over "kilometer".
    branches = []
    for atom, child in sorted(node.items()):
        if not atom:
            continue
        run = [atom]
        while len(child) == 1 and "" not in child:  # a chain of single letters: no recursion
            (atom, child), = child.items()
            run.append(atom)
        run.append(_emit(child))
        branches.append("".join(run))
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + "|".join(branches) + ")?" if len(branches) > 1 else f"(?:{body})?"
    return body


# Signs that can stand before a figure as part of its context ("$5", "~40", "#3", "<20").
_SIGNS = frozenset("$£€¥₹₽₴₪₩₺₦₱₫₡₾₭₿~<>≤≥≈#=")


_last_asked: list = [None, -1, False]  # (text, start, answer): each figure asks several times


def written_before(text: str, start: int) -> bool:
    """Whether a word or sign stands just before `start` (spaces aside).

    The look-behind searches for qualifiers, currencies, labels and cue words
    can only succeed then; skipping them otherwise keeps lists of bare numbers
    ("1,2,3,4") as cheap as prose.
    """
    if _last_asked[0] is text and _last_asked[1] == start:
        return _last_asked[2]
    answer = _written_before(text, start)
    _last_asked[:] = [text, start, answer]
    return answer


def _written_before(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and start - i <= 3 and text[i] in " \u00a0":
        i -= 1
    return i >= 0 and (text[i].isalpha() or text[i] in _SIGNS or text[i] == ".")
