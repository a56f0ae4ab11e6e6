"""Where a fact sits in its file, as line and column, for SARIF and GitHub annotations.

Offsets are into a document's decoded text. For a plain-text file that is the
file; for Markdown it is the body after the front matter, found again in the
file; for HTML and JSONL records there is no line in the file to point at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.models import Document, Fact


@dataclass(frozen=True)
class Place:
    uri: str | None  # the file, as given on the command line
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based, in characters
    end_column: int | None = None


class Locator:
    def __init__(self, documents: Sequence[Document]):
        self._docs = {d.id: d for d in documents}
        self._files: dict[str, tuple[str, int] | None] = {}

    def place(self, fact: Fact) -> Place:
        doc = self._docs.get(fact.doc)
        path = (doc.path if doc else None) or (fact.doc if Path(fact.doc).is_file() else None)
        if path is None:
            return Place(None)
        found = self._file(path, doc.text if doc else None)
        if found is None:
            return Place(path)
        text, base = found
        at = base + fact.start
        line_start = text.rfind("\n", 0, at) + 1
        line = text.count("\n", 0, at) + 1
        column = at - line_start + 1
        return Place(path, line, column, column + (fact.end - fact.start))

    def _file(self, path: str, body: str | None) -> tuple[str, int] | None:
        """The file's text and where the document's text starts in it, once per file."""
        if path not in self._files:
            self._files[path] = None
            try:
                text = Path(path).read_bytes().decode("utf-8", errors="replace")
            except OSError:
                return None
            if body is None or text == body:
                self._files[path] = (text, 0)
            elif body and (at := text.find(body)) >= 0:
                self._files[path] = (text, at)
        return self._files[path]
