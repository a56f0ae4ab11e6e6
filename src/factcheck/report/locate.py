"""Where a fact sits: its file as given, and the line and column the extractor found.

The reader knows each document's place in its file (a Markdown body after its
front matter, a JSONL record's line), so facts carry `line` and `column`; a
report only pairs them with the file's path. HTML gives no line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.models import Document, Fact


@dataclass(frozen=True)
class Place:
    uri: str | None  # the file, as given on the command line
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based, in characters
    end_column: int | None = None

    def __str__(self) -> str:
        """`path:line:col`, as compilers and linters write it."""
        parts = [self.uri or "<stdin>"]
        if self.line:
            parts += [str(self.line), str(self.column)]
        return ":".join(parts)


class Locator:
    def __init__(self, documents: Sequence[Document]):
        self._paths = {d.id: d.path for d in documents}

    def place(self, fact: Fact) -> Place:
        path = self._paths.get(fact.doc)
        if path is None and fact.doc not in self._paths:
            path = fact.doc if fact.doc and not fact.doc.startswith("<") else None
        if not fact.line:
            return Place(path)
        return Place(path, fact.line, fact.column, (fact.column or 1) + (fact.end - fact.start))


def where(fact: Fact, locator: Locator | None = None) -> str:
    """`path:line:col` of a fact, for reports a person reads."""
    return str((locator or Locator(())).place(fact))
