"""Regex helpers shared by the layout finders."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from factcheck import regex_cache

# News pages are full of no-break and thin spaces, so a space in a layout pattern
# stands for any horizontal whitespace; it never crosses a line.
_HSPACE = r"[^\S\r\n]"


_NEWLINE = re.compile(r"\n")


def line_matches(pattern: re.Pattern[str], text: str,
                 starts: Iterable[int] | None = None) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` gives, for a MULTILINE pattern whose every match
    opens with "^": tried at line starts only. The regex engine would try it at every
    character, and that cost more than the matching (a sixth of reading a corpus).
    `starts` (ascending line starts, default all of them) may leave out lines the
    caller knows cannot match."""
    end = 0
    for start in _line_starts(text) if starts is None else starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = m.end()


def short_line_starts(text: str, longest: int) -> list[int]:
    """The starts of the lines of at most `longest` characters (the line break left out)."""
    starts = list(_line_starts(text))
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    return [a for a, b in zip(starts, ends) if b - a <= longest]


def _line_starts(text: str) -> Iterator[int]:
    yield 0
    for m in _NEWLINE.finditer(text):
        yield m.end()


def hspace_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile `pattern` with each "[ ]" and "[ \\t]" widened to any horizontal whitespace."""
    return regex_cache.compile(pattern.replace("[ \\t]", _HSPACE).replace("[ ]", _HSPACE), flags)


# "2 minutes ago", "an hour ago", "5h ago", "yesterday": when a capture was taken, not a claim.
_AGO = (
    r"(?:\d{1,3}|an?|one)[ ]?"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|[smhdw])"
    r"[ ]ago"
)
RELATIVE_TIME = rf"(?:{_AGO}|just[ ]now|yesterday)"
