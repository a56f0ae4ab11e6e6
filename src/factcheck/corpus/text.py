"""Plain-text captures: the whole decoded file is the document's text.

Nothing is cut out, even obvious boilerplate: offsets must be str indices into
the file as decoded, so furniture is marked as Document.skip instead, and an
aggregator page's outlets as Document.segments.
"""

from __future__ import annotations

from factcheck.corpus.ignores import text_ignores
from factcheck.corpus.layout import document_with_layout
from factcheck.models import Document


def read_text(text: str, doc_id: str, *, story: str | None, path: str | None) -> list[Document]:
    if not text.strip():
        return []  # an empty input holds no document, and that is no error
    ignores, comment_lines = text_ignores(text)
    return [document_with_layout(doc_id, text, story=story, path=path, skip=comment_lines,
                                 ignores=ignores)]
