"""A figure's clause as tokens: the words before it and after it, up to a clause break.

Only this window decides a frame, so a frame never leans on another sentence;
it costs one regex scan of a few hundred characters per figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# Words (letters, inner apostrophes and hyphens), numbers with their separators, or
# one other character. "KO's" and "red-flagged" stay one word.
TOKEN = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?|\d(?:[\d,.:]*\d)?|\S")
# Where a sentence ends: a stop and a space, or a line break.
SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n")
REACH = 240  # characters looked at on each side of a figure


class Token(NamedTuple):
    # A tuple, not a dataclass: a window builds a few dozen per figure, and a tuple is
    # the cheapest immutable record Python makes.
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True, slots=True)
class Window:
    """The tokens of a figure's sentence before it (nearest last) and after it."""

    before: tuple[Token, ...]
    after: tuple[Token, ...]
    sentence_start: int  # offset of the sentence's first character
    text: str  # the sentence as written

    def words_before(self, n: int) -> list[str]:
        return [t.low for t in self.before[-n:]]

    def words_after(self, n: int) -> list[str]:
        return [t.low for t in self.after[:n]]


def window(text: str, start: int, end: int) -> Window:
    """The sentence around text[start:end], tokenised on both sides of the figure."""
    lo = max(0, start - REACH)
    head = text[lo:start]
    cut = 0
    for m in SENTENCE_END.finditer(head):
        cut = m.end()
    s0 = lo + cut
    tail = text[end : end + REACH]
    m = SENTENCE_END.search(tail)
    s1 = end + (m.start() + 1 if m else len(tail))
    before = tuple([Token(t.group(), t.start(), t.end()) for t in TOKEN.finditer(text, s0, start)])
    after = tuple([Token(t.group(), t.start(), t.end()) for t in TOKEN.finditer(text, end, s1)])
    return Window(before, after, s0, text[s0:s1])
