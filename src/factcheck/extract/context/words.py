"""Word tokens with offsets, the unit every context rule works on."""

from __future__ import annotations

import re
from itertools import accumulate, compress
from typing import NamedTuple

# A word keeps inner apostrophes and hyphens ("Russia's", "aircraft-type", "Kh-101")
# but not a closing quote ("vehicles'"). Numbers and single symbols are tokens too.
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’‘.-]*\w)?|\d(?:[\d,.:]*\d)?|[^\w\s]")
# The same tokens plus whitespace runs and a catch-all, so that lengths add up to offsets.
_COVER = re.compile(r"\s+|" + _TOKEN.pattern + r"|[\s\S]")

QUOTES = frozenset("'\"‘’“”«»")
OPEN_QUOTES = frozenset("'\"‘“«")
CLOSE_QUOTES = frozenset("'\"’”»")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, possessive "'s" removed

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("'s", "’s"))


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `base` (the text's place in the document)."""
    # Built column-wise with C-level helpers (findall, accumulate, compress): a Python
    # loop over match objects per token dominated the whole stage's cost.
    parts = _COVER.findall(text)
    offsets = accumulate(map(len, parts), initial=base)
    keep = [not p[0].isspace() for p in parts]
    texts = list(compress(parts, keep))
    starts = list(compress(offsets, keep))
    lows = [_low(w) for w in texts]
    ends = [a + len(t) for a, t in zip(starts, texts)]
    return [tuple.__new__(Token, f) for f in zip(starts, ends, texts, lows)]


def _low(word: str) -> str:
    low = word.lower()
    if len(low) > 2 and low[-1] == "s" and low[-2] in "'’‘":
        return low[:-2]
    return low
