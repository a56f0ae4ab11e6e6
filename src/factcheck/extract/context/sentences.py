"""Sentence boundaries for news and page text.

One regex pass finds candidate ends (terminal punctuation, optional closing
quotes, then space and a capital; or a missing space as in "attack.The"; or a
line break); a cheap check on the word before the stop drops abbreviations
("Mr.", "Feb.", "U.S.") and initials. Figures are then mapped to their
sentence by bisection, so the cost is one pass per document, not per figure.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Words whose trailing period does not end a sentence when a capital follows.
_ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof st mt gen lt col sgt capt cpl maj adm gov sen rep rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec no nos vs v etc inc corp ltd co jr sr
fig al approx est dept univ ave rd blvd u.s u.k u.n e.g i.e a.m p.m ph.d messrs mme mlle
""".split()
)

# Every alternative starts at a stop or a line break, so the scan skips other text fast.
_END = re.compile(
    r"""
    (?P<stop>[.!?…]+['"’”)\]]*)\s+(?=['"‘“(\[]?[A-Z0-9])   # "... strike." Next
  | (?P<glued>[.!?](?<=[a-z]{2}[.!?])['"’”]?)(?=[A-Z][a-z])  # "... strike.Next" (lost space)
  | (?P<para>\n\s*)                                        # a line break always ends one
    """,
    re.X,
)
# Python's regex engine does not skip ahead to an alternation's first characters,
# so candidates are found with a plain class and the full pattern is only matched there.
_CANDIDATE = re.compile(r"[.!?…\n]")
MAX_SENTENCE = 1000  # characters; longer runs are cut at a space
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*['\"’”)\]]*$")


class SentenceIndex:
    """The sentences of one text as (start, end) spans, with lookup by offset."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str):
        self.text = text
        starts, ends = [0], []
        match = _END.match
        for c in _CANDIDATE.finditer(text):
            at = c.start()
            if at < starts[-1]:
                continue  # inside a stop run already taken ("?!", "...")
            m = match(text, at)
            if m is None:
                continue
            kind = m.lastgroup  # each alternative has one group, which opens the match
            if kind == "stop":
                end = m.end("stop")
                if text[at] == "." and not _really_ends(text, at, m.group("stop")):
                    continue
            elif kind == "glued":
                end = m.end("glued")
            else:
                end = at
            ends.append(end)
            starts.append(m.end())
        ends.append(len(text))
        # Drop empty spans (blank lines) but keep offsets true to the text; cut run-on
        # "sentences" (page text without stops) so no per-sentence work grows with them.
        self.starts, self.ends = [], []
        for a, b in zip(starts, ends):
            while b - a > MAX_SENTENCE:
                cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
                cut = cut if cut > a else a + MAX_SENTENCE
                self.starts.append(a)
                self.ends.append(cut)
                a = cut
            if b > a:
                self.starts.append(a)
                self.ends.append(b)

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, offset: int) -> int:
        """The index of the sentence holding `offset` (the nearest before it in a gap)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]


def _really_ends(text: str, stop_at: int, stop: str) -> bool:
    if stop[0] != ".":
        return True
    # The word before the stop holds no space: searching from the last space on finds
    # the same match without trying (and failing at) every character before it.
    lo = max(0, stop_at - 24, text.rfind(" ", max(0, stop_at - 24), stop_at) + 1)
    m = _WORD_BEFORE.search(text, lo, stop_at + 1)
    if not m:
        return True
    word = m.group(1).rstrip(".")
    low = word.lower()
    if low in _ABBREVIATIONS:
        return False
    # An initial ("J. K. Rowling") or a dotted acronym ("U.S.", "D.C.").
    if len(word) == 1 and word.isupper():
        return False
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return False
    return True
