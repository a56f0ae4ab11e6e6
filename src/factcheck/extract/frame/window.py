"""A figure's clause as tokens: the words before it and after it, up to a clause break.

Only this window decides a frame, so a frame never leans on another sentence;
it costs one regex scan of a few hundred characters per figure.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import sub
from typing import NamedTuple

# Words (letters, inner apostrophes and hyphens), numbers with their separators, or
# one other character. "KO's" and "red-flagged" stay one word.
# Possessive runs: the engine never backs off the end of a word to find its last letter.
TOKEN = re.compile(r"[^\W\d_][^\W_]*+(?:[_'’.-]+[^\W_]+)*+|\d++(?:[,.:]+\d+)*+|\S")
# Each token with the spaces before it, so that lengths add up to offsets (TOKEN matches
# every non-space character, so nothing else is left but spaces at the end).
_CHUNK = re.compile(r"\s*+(?:" + TOKEN.pattern + ")")
# Where a sentence ends: a stop and a space, or a line break. One class opens the pattern
# so that the regex engine skips to its characters in C (it does not for an alternation
# of classes): the search around each figure cost twice as much.
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])['\"’”)]*\s+(?=[\"“‘(\[]?[A-Z0-9])|(?<=\n))")
REACH = 240  # characters looked at on each side of a figure
RUN_ON_AHEAD = 4 * REACH  # how far a stretch runs on past a window cut at REACH


class _TokenFields(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # the text in lower case, made once: the frame rules ask for it again and again


class Token(_TokenFields):
    # A tuple, not a dataclass: a document makes one per word, and a tuple is the
    # cheapest immutable record Python makes.
    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, low: str | None = None) -> Token:
        return tuple.__new__(cls, (text, start, end, text.lower() if low is None else low))

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


class DocumentTokens:
    """The tokens of a document's windows, each stretch tokenised once and only where a
    window needs it: windows cover about half of news text, and tokenising the rest cost
    a tenth of extraction. Consecutive figures of a sentence share their window, so the
    last stretch is kept and reused while the windows fall inside it."""

    def __init__(self, text: str):
        self.text = text
        self._last: Stretch | None = None

    def stretch(self, a: int, b: int, reach: int) -> Stretch:
        """Tokens of a stretch holding text[a:b]; a new one runs on to `reach` (> b when a
        window was cut at REACH inside a run-on sentence, so that the next figures' sliding
        windows fall inside it and no character is tokenised over and over)."""
        last = self._last
        if last is None or not (last.a <= a and b <= last.b):
            last = self._last = Stretch(self.text, a, reach)
        return last


class Stretch:
    """The tokens of text[a:b], as TOKEN.finditer(text, a, b) gives them. The tokens of a
    part that starts and ends on token boundaries are the stretch's tokens there (a token
    never needs a character past its end, nor one before its start), so slicing gives
    what tokenising the part alone would. A part's edge inside a token (a figure inside
    a word, "A42"; a window cut at REACH) is tokenised alone only up to where the two
    scans meet again."""

    __slots__ = ("text", "a", "b", "tokens", "starts")

    def __init__(self, text: str, a: int, b: int):
        self.text, self.a, self.b = text, a, b
        self.tokens, self.starts = _columns(text[a:b], a)

    def between(self, a: int, b: int) -> tuple[Token, ...]:
        """The tokens of text[a:b] (self.a <= a <= b <= self.b), as TOKEN.finditer(text, a,
        b) gives them."""
        starts, tokens = self.starts, self.tokens
        i, j = bisect_left(starts, a), bisect_left(starts, b)
        straddles_a = i > 0 and tokens[i - 1].end > a
        if not straddles_a and (j == 0 or tokens[j - 1].end <= b):
            return tuple(tokens[i:j])
        head: list[Token] = []
        if straddles_a:
            head, met = self._until_met(a, b)
            if met is None:
                return tuple(head)
            i = met
        tail: tuple[Token, ...] = ()
        if j > i and tokens[j - 1].end > b:  # the last token runs past b: cut from its start
            j -= 1
            tail = _tokenise(self.text, tokens[j].start, b)
        return (*head, *tokens[i:j], *tail)

    def _until_met(self, a: int, b: int) -> tuple[list[Token], int | None]:
        """The tokens from `a` (inside a token) until one starts where a stretch token
        does, and that token's index (None: none before b). From a common start on, the
        scans agree: TOKEN looks at no character before its match."""
        starts = self.starts
        head = []
        for m in TOKEN.finditer(self.text, a, b):
            k = bisect_left(starts, m.start())
            if k < len(starts) and starts[k] == m.start():
                return head, k
            head.append(Token(m.group(), m.start(), m.end()))
        return head, None


def _columns(text: str, base: int) -> tuple[list[Token], list[int]]:
    """The tokens of `text` (offsets shifted by `base`) and their starts, built column-wise
    by C-level helpers (findall, accumulate, map): a Python loop over match objects per
    token cost a tenth of check."""
    chunks = _CHUNK.findall(text)
    ends = list(accumulate(map(len, chunks), initial=base))
    del ends[0]
    texts = list(map(str.lstrip, chunks))
    starts = list(map(sub, ends, map(len, texts)))
    columns = zip(texts, starts, ends, map(str.lower, texts))
    return list(map(tuple.__new__, repeat(Token), columns)), starts


def _tokenise(text: str, a: int, b: int) -> tuple[Token, ...]:
    return tuple(_columns(text[a:b], a)[0])


def window(text: str, start: int, end: int, tokens: DocumentTokens | None = None) -> Window:
    """The sentence around text[start:end], tokenised on both sides of the figure
    (from the document's stretches when given)."""
    # Searched in place (pos, endpos) rather than in slices: SENTENCE_END looks at
    # nothing before its match, so the two agree.
    lo = max(0, start - REACH)
    last = deque(SENTENCE_END.finditer(text, lo, start), maxlen=1)
    s0 = last[0].end() if last else lo
    m = SENTENCE_END.search(text, end, end + REACH)
    s1 = m.start() + 1 if m else min(len(text), end + REACH)
    if tokens is not None:
        stretch = tokens.stretch(s0, s1, s1 if m else min(len(text), s1 + RUN_ON_AHEAD))
        before, after = stretch.between(s0, start), stretch.between(end, s1)
    else:
        before, after = _tokenise(text, s0, start), _tokenise(text, end, s1)
    return Window(before, after, s0, text[s0:s1])
