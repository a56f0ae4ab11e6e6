"""Word tokens with offsets, the unit every context rule works on."""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import itemgetter, sub
from typing import NamedTuple

# A word keeps inner apostrophes and hyphens ("Russia's", "aircraft-type", "Kh-101")
# but not a closing quote ("vehicles'"): inner marks each have a word character after
# them. Numbers ("1,200.5") likewise keep inner separators. Single symbols are tokens too.
# The runs are possessive (a token never gives characters back), so the engine does not
# back off the end of every word to find its last letter, as "[\w'.-]*\w" made it.
_TOKEN = re.compile(r"[^\W\d_]\w*+(?:['’‘.-]+\w+)*+|\d++(?:[,.:]+\d+)*+|[^\w\s]")
# Each token (or any other character but a space) with the spaces before it, so that
# lengths add up to offsets; nothing is left but spaces at the end.
_CHUNK = re.compile(r"\s*+(?:" + _TOKEN.pattern + r"|\S)")

QUOTES = frozenset("'\"‘’“”«»")
OPEN_QUOTES = frozenset("'\"‘“«")
CLOSE_QUOTES = frozenset("'\"’”»")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, possessive "'s" removed
    is_word: bool  # opens with a letter (stored: the rules ask it of every token they pass)

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("'s", "’s"))


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `base` (the text's place in the document)."""
    # Built column-wise with C-level helpers (findall, accumulate, map): a Python loop,
    # or a Python call, per token dominated the whole stage's cost.
    chunks = _CHUNK.findall(text)
    ends = list(accumulate(map(len, chunks), initial=base))
    del ends[0]
    texts = list(map(str.lstrip, chunks))
    starts = map(sub, ends, map(len, texts))
    lows = list(map(str.lower, texts))
    if _APOSTROPHES.intersection(text):  # only then can a word be possessive
        lows = [_low(w) for w in lows]
    words = map(str.isalpha, map(_FIRST, texts))
    return list(map(tuple.__new__, repeat(Token), zip(starts, ends, texts, lows, words)))


_APOSTROPHES = frozenset("'’‘")
_FIRST = itemgetter(0)


def _low(low: str) -> str:
    """A lower-cased word without its possessive "'s"."""
    if len(low) > 2 and low[-1] == "s" and low[-2] in "'’‘":
        return low[:-2]
    return low
