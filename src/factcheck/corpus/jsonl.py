"""JSONL corpora: one record a line, {"id", "source", "date", "url", "title", "text", "story"?}.

Each record is a document whose offsets are str indices into its `text`.
Records are read in file order; a record without `story` belongs to the story
the file itself belongs to (for a file named alone, the file).
"""

from __future__ import annotations

import json

from factcheck.corpus.layout import document_with_layout
from factcheck.errors import InputError
from factcheck.models import Document

_META_FIELDS = ("source", "date", "url", "title", "story")


def read_jsonl(data: str, name: str, *, story: str | None, path: str | None) -> list[Document]:
    # Split on "\n" only: str.splitlines() would also break at U+2028 and friends,
    # which JSON strings may carry unescaped.
    return [
        record_document(line, name, number, story=story, path=path)
        for number, line in enumerate(data.split("\n"), 1)
        if line.strip()
    ]


def record_document(line: str, name: str, number: int, *, story: str | None,
                    path: str | None) -> Document:
    """The document of one record: line `number` of the file `name` (see stream.py too)."""
    record = _parse(line, name, number)
    meta = {k: _as_text(record.get(k)) for k in _META_FIELDS}
    doc_id = _as_text(record.get("id")) or f"{name}:{number}"
    return document_with_layout(
        doc_id,
        record["text"],
        source=meta["source"],
        date=meta["date"],
        url=meta["url"],
        title=meta["title"],
        story=meta["story"] or story,
        path=path,
    )


def record_story(line: str, name: str, number: int) -> str | None:
    """The `story` field of one record, for grouping a corpus before reading it."""
    return _as_text(_parse(line, name, number).get("story"))


def _parse(line: str, name: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at column {exc.colno})", name, number
        ) from None
    if not isinstance(record, dict):
        raise InputError("a record must be a JSON object", name, number)
    if "text" not in record:
        raise InputError('record has no "text" field', name, number)
    if not isinstance(record["text"], str):
        raise InputError('the "text" field must be a string', name, number)
    return record


def _as_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
