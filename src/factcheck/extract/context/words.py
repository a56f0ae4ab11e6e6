"""Word tokens with offsets, the unit every context rule works on."""

from __future__ import annotations

import re
from typing import NamedTuple

# A word keeps inner apostrophes and hyphens ("Russia's", "aircraft-type", "Kh-101")
# but not a closing quote ("vehicles'"). Numbers and single symbols are tokens too.
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’‘.-]*\w)?|\d(?:[\d,.:]*\d)?|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")

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
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        low = t.lower()
        if len(t) > 2 and t[-2] in "'’‘" and low[-1] == "s":
            low = low[:-2]
        out.append(Token(m.start() + base, m.end() + base, t, low))
    return out


def strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if len(word) > 2 else word
