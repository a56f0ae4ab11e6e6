"""A look-ahead at the characters a pattern can start with, for searches of word lists.

Python's regex engine skips ahead in C only to a pattern's literal prefix or to a
class that opens it; a pattern that opens with "\\b" and an alternation of phrases
("\\b(?:since the war|so far this year|…)\\b") is instead entered at every
character, and every alternative is tried there. A look-ahead at the class of
the characters a match can start with, `(?=[abc…])`, turns most of those
attempts away at once. It only states what every match already does, so the
matches are the same: the class is read off the parsed pattern, and when any
part of it is not plainly understood (a negated class, a back-reference, flags
set inside the pattern) the pattern is left as it is. Under IGNORECASE the class
folds case as the pattern's letters do, for it is compiled with the same flags.
"""

from __future__ import annotations

import re

try:
    from re import _constants as C
    from re import _parser
except ImportError:  # another Python implementation: patterns are left as they are
    _parser = None

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")

def with_lead(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a look-ahead at the characters its matches start with, if known."""
    if _parser is None:
        return pattern
    try:
        parsed = _parser.parse(pattern, flags)
        if _GLOBAL_FLAGS.match(pattern):
            return pattern  # inline flags must stay first
        chars, nullable = _first(list(parsed))
    except Exception:  # noqa: BLE001 - `re` internals not as expected: no look-ahead
        return pattern
    if chars is None or nullable or not chars:
        return pattern
    return "(?=[" + "".join(c if c in _CATEGORIES.values() else re.escape(c)
                            for c in sorted(chars)) + "])" + pattern


def _first(items: list) -> tuple[set[str] | None, bool]:
    """The characters the sequence `items` can start with (None: unknown), and whether
    it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # consumes nothing: the next item gives the first character
        if op is C.LITERAL:
            out.add(chr(av))
            return out, False
        if op is C.IN:
            chars = _class(av)
            return (None, False) if chars is None else (out | chars, False)
        if op is C.SUBPATTERN:
            if av[1] or av[2]:
                return None, False  # "(?i:…)": the look-ahead would not fold case as it does
            chars, nullable = _first(list(av[-1]))
        elif op is C.BRANCH:
            chars, nullable = set(), False
            for alternative in av[1]:
                c, n = _first(list(alternative))
                if c is None:
                    return None, False
                chars |= c
                nullable = nullable or n
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, _, body = av
            chars, nullable = _first(list(body))
            nullable = nullable or low == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _class(items: list) -> set[str] | None:
    """The members of a class of literals, ranges and categories, a category as its
    escape ("\\d"), which means in the look-ahead what it means in the pattern (None:
    anything else, such as a negated class)."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < 256:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is C.CATEGORY and av in _CATEGORIES:
            chars.add(_CATEGORIES[av])
        else:
            return None
    return chars


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_WORD: r"\w",
               C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S"}
