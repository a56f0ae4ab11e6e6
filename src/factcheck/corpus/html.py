"""HTML pages: trafilatura keeps the article and drops the page around it.

The document's text is trafilatura's extracted main text, so offsets are str
indices into that text, not into the HTML. Site name, date, canonical URL and
title come from the page's metadata when trafilatura finds them.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.corpus.layout import document_with_layout
from factcheck.models import Document


def read_html(
    html: str,
    doc_id: str,
    *,
    story: str | None,
    path: str | None,
    on_warning: Callable[[str], None],
) -> list[Document]:
    if not html.strip():
        return []
    import trafilatura  # slow to import; only HTML inputs pay for it

    page = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        on_warning(f"{doc_id}: no article text found in the HTML page; skipped")
        return []
    return [
        document_with_layout(
            doc_id,
            text,
            source=_meta(page, "sitename") or _meta(page, "hostname"),
            date=_meta(page, "date"),
            url=_meta(page, "url"),
            title=_meta(page, "title"),
            story=story,
            path=path,
        )
    ]


def _meta(page: object, name: str) -> str | None:
    value = getattr(page, name, None)
    text = str(value).strip() if value else ""
    return text or None
