"""Aggregator pages: one capture stacking several outlets' pieces, one Segment each.

A news aggregator's page introduces each syndicated piece with a small header
block, one item a line:

    Outlet Name          (optional: the logo's alt text)
    2 minutes ago        (a relative time)
    - Outlet Name        (the credit line)
    Headline of the piece
    Body …

The relative-time line followed by a dash credit line is the signature; the
outlet-name line above it is taken in when present. Nothing here knows any
outlet: any name in that shape opens a section, so a page from an outlet never
seen before is split the same way. A name line and a time line without the
credit line is *not* a header, because comment threads look like that too
("Jane Smith / 2 hours ago / Great piece").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.corpus.text_patterns import RELATIVE_TIME, hspace_compile, line_matches
from factcheck.models import Segment

# A publication name: 1–6 words, no sentence punctuation at the end.
_NAME = r"[^\W_][\w&'’.!-]*(?:[ ][\w&'’.!-]+){0,5}"
# Opens with "^" (a name line ends with a line break, so the time line still opens one).
_HEADER = hspace_compile(
    rf"^(?:[ ]*+(?P<name>{_NAME})[ ]*\r?\n)?"
    rf"[ ]*+(?P<time>{RELATIVE_TIME})[ ]*\r?\n"
    rf"^[ ]*+[-–—][ ]*(?P<credit>{_NAME})[ ]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_FIRST_LINE = hspace_compile(r"[ ]*(\S[^\r\n]*?)[ ]*\r?$", re.MULTILINE)
_MAX_TITLE = 200


@dataclass(frozen=True, slots=True)
class SectionHeader:
    """Where one outlet's section opens: the header lines and what they say."""

    start: int  # first character of the header block
    end: int  # end of the credit line
    source: str
    title: str | None  # the first line after the header, the piece's headline


# Every header holds a line opening with a dash (its credit line): a text without one,
# as most are, is not tried line by line.
_DASH_LINE = hspace_compile(r"\n[ ]*[-–—]")


def find_section_headers(text: str) -> list[SectionHeader]:
    if _DASH_LINE.search(text) is None:
        return []
    headers = []
    for m in line_matches(_HEADER, text):
        source = m.group("name") or m.group("credit")
        headers.append(SectionHeader(m.start(), m.end(), source, first_line(text, m.end())))
    return headers


def tile_segments(text: str, headers: list[SectionHeader]) -> tuple[Segment, ...]:
    """One segment per section, each running to the next header; the lead keeps no source.

    The stretch before the first header is the aggregator's own story: it gets a
    segment with `source=None`, so it falls back to the document's source (the
    aggregator's, when a "Source:" line names it).
    """
    if not headers:
        return ()
    starts = [h.start for h in headers]
    segments = []
    if text[: starts[0]].strip():
        segments.append(Segment(0, starts[0], None, title=first_line(text, 0)))
    else:
        starts[0] = 0  # only blank lines precede the first header: the first section takes them
    for header, start, end in zip(headers, starts, starts[1:] + [len(text)]):
        segments.append(Segment(start, end, header.source, title=header.title))
    return tuple(segments)


def first_line(text: str, pos: int) -> str | None:
    """The first non-blank line at or after `pos`, if it is short enough to be a headline."""
    m = _FIRST_LINE.search(text, pos)
    if not m:
        return None
    line = m.group(1)
    return line if len(line) <= _MAX_TITLE else None
