"""HTML pages: trafilatura keeps the article and drops the page around it.

The document's text is trafilatura's extracted main text, so offsets are str
indices into that text, not into the HTML. Site name, date, canonical URL and
title come from the page's metadata when trafilatura finds them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.corpus.ignores import html_ignores
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
    # trafilatura's text has no line in the page to point at: facts carry no line.
    return [
        document_with_layout(
            doc_id,
            text,
            source=_meta(page, "sitename") or _meta(page, "hostname"),
            date=_publication_date(_meta(page, "date"), html),
            url=_meta(page, "url"),
            title=_meta(page, "title"),
            story=story,
            path=path,
            first_line=None,
            ignores=html_ignores(html, text),
        )
    ]


def _publication_date(date: str | None, html: str) -> str | None:
    """trafilatura's date, unless it is only a copyright year ("© 2026" → 2026-01-01),
    which dates the site's footer, not the article."""
    if date and re.fullmatch(r"\d{4}-01-01", date) and re.search(
            rf"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{date[:4]}\b",
            html, re.IGNORECASE) and not re.search(rf"{date[:4]}-01-01|January 1,? {date[:4]}|"
                                                   rf"1 January {date[:4]}", html):
        return None
    return date


def _meta(page: object, name: str) -> str | None:
    value = getattr(page, name, None)
    text = str(value).strip() if value else ""
    return text or None
