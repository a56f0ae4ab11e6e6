"""Inline ignore comments: `<!-- factcheck: ignore FC001 -->`, or a `factcheck: ignore` line.

An ignore silences findings on the figures of the paragraph that follows it
(or holds it); without codes it silences every rule. The comment itself is
never read as figures: readers mark it as a skip span (or blank it).
"""

from __future__ import annotations

import re

from factcheck.models import Ignore

# The words after `ignore` up to the end of the comment: codes, separated by commas or spaces.
_CODES = re.compile(r"\b[A-Z]{1,4}\d{3}\b")
HTML_IGNORE = re.compile(r"<!--\s*factcheck:\s*ignore\b(?P<codes>.*?)-->", re.DOTALL | re.IGNORECASE)
# A plain-text ignore is a line of its own, optionally written as a comment.
TEXT_IGNORE = re.compile(
    r"^[ \t]*(?:#+|//|<!--)?[ \t]*factcheck:[ \t]*ignore\b(?P<codes>[^\n]*?)(?:-->)?[ \t]*\r?$",
    re.MULTILINE | re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


def codes_of(words: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.upper() for c in _CODES.findall(words.upper())))


def text_ignores(text: str) -> tuple[tuple[Ignore, ...], list[tuple[int, int]]]:
    """The ignore lines of a plain text, each covering the next paragraph (up to a
    blank line), and the comment lines as skip spans."""
    ignores, spans = [], []
    for m in TEXT_IGNORE.finditer(text):
        spans.append((m.start(), m.end()))
        start = m.end() + 1
        while start < len(text) and text[start] in " \t\r\n":
            start += 1
        gap = _BLANK_LINE.search(text, start)
        end = gap.start() if gap else len(text)
        ignores.append(Ignore(line=text.count("\n", 0, m.start()) + 1, start=start, end=end,
                              codes=codes_of(m.group("codes"))))
    return tuple(ignores), spans


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|div)\s*>", re.IGNORECASE)


def html_ignores(html: str, text: str) -> tuple[Ignore, ...]:
    """Ignore comments of an HTML page, each covering the paragraph after it, found again
    in the page's extracted text (the comment's line is its line in the page)."""
    import html as html_lib

    out = []
    for m in HTML_IGNORE.finditer(html):
        end = _BLOCK_END.search(html, m.end())
        block = html[m.end():end.start() if end else len(html)]
        words = " ".join(html_lib.unescape(_TAG.sub(" ", block)).split())
        probe = words[:60]
        at = text.find(probe) if probe else -1
        start, stop = (at, at + len(words)) if at >= 0 else (0, 0)
        nl = text.find("\n", stop) if at >= 0 else -1
        stop = len(text) if at >= 0 and nl < 0 else (nl if at >= 0 else 0)
        out.append(Ignore(line=html.count("\n", 0, m.start()) + 1, start=start, end=stop,
                          codes=codes_of(m.group("codes"))))
    return tuple(out)
