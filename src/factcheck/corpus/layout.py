"""What the shape of a text says about it: outlet sections, furniture, named source, title."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.corpus.furniture import Span, furniture_spans, merge_spans, trailing_source
from factcheck.corpus.segments import find_section_headers, first_line, tile_segments
from factcheck.models import Document, Segment


@dataclass(frozen=True, slots=True)
class Layout:
    segments: tuple[Segment, ...]
    skip: tuple[Span, ...]
    source: str | None  # named by the text itself ("Source: example.co.uk")
    title: str | None  # the first line, when it reads like a headline


def analyse_layout(text: str) -> Layout:
    """Find aggregator sections, page furniture and a closing "Source:" line in `text`."""
    headers = find_section_headers(text)
    spans = [(h.start, h.end) for h in headers]  # "2 minutes ago" is no claim
    spans += furniture_spans(text, stop_at=frozenset(h.start for h in headers))
    named = trailing_source(text)
    if named:
        spans.append(named[1])
    return Layout(
        segments=tile_segments(text, headers),
        skip=merge_spans(spans),
        source=named[0] if named else None,
        title=_headline(text),
    )


def _headline(text: str) -> str | None:
    """The first line, if it reads like a headline rather than the first sentence."""
    line = first_line(text, 0)
    if line is None or line.endswith((".", "!", ":", ";", ",")):
        return None
    return line


def document_with_layout(
    doc_id: str,
    text: str,
    *,
    source: str | None = None,
    date: str | None = None,
    url: str | None = None,
    title: str | None = None,
    story: str | None = None,
    path: str | None = None,
    skip: tuple[Span, ...] | list[Span] = (),
    **where: object,
) -> Document:
    """A Document for `text`; what its metadata leaves open, the text's own shape fills.

    `skip` adds spans the reader knows are no prose (ignore comments); `where` passes
    the Document's position fields through (first_line, line_starts, ignores).
    """
    layout = analyse_layout(text)
    return Document(
        id=doc_id,
        text=text,
        source=source or layout.source,
        date=date,
        url=url,
        title=title or layout.title,
        story=story,
        path=path,
        segments=layout.segments,
        skip=merge_spans([*layout.skip, *skip]) if skip else layout.skip,
        **where,
    )
