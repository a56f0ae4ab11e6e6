"""A fact's `sentence`, bounded: the sentence when it is one, else a window around the figure.

Page text without full stops gives run-on "sentences" of up to a thousand
characters, each holding many figures; carrying all of it on every fact made
output grow with (figures × sentence length). A longer sentence is cut to a
window of at most MAX_WINDOW characters around the figure, at spaces where it
can be, and each cut end is marked with "…".
"""

from __future__ import annotations

MAX_WINDOW = 200
CUT = "…"


def sentence_around(text: str, start: int, end: int, fig_start: int, fig_end: int,
                    limit: int = MAX_WINDOW) -> tuple[str, int | None]:
    """(text[start:end] stripped, or a window of it around the figure; where the figure
    starts in what is returned, None when it lies outside the sentence)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start <= limit:
        return text[start:end], (fig_start - start if start <= fig_start < end else None)
    fig_start, fig_end = max(start, fig_start), min(end, max(fig_end, fig_start))
    room = max(0, limit - (fig_end - fig_start))
    a = max(start, fig_start - room // 2)
    b = min(end, a + (fig_end - fig_start) + room)
    a = max(start, min(a, b - limit))
    if a > start:  # cut at a space, away from the figure
        space = text.find(" ", a, fig_start)
        a = space + 1 if space >= 0 else a
    if b < end:
        space = text.rfind(" ", fig_end, b)
        b = space if space >= 0 else b
    lead = CUT if a > start else ""
    while a < b and text[a].isspace():
        a += 1
    window = lead + text[a:b].rstrip() + (CUT if b < end else "")
    return window, (len(lead) + fig_start - a if a <= fig_start < b else None)
