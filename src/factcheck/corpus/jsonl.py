"""JSONL corpora: one record a line, {"id", "source", "date", "url", "title", "text", "story"?}.

Each record is a document whose offsets are str indices into its `text`.
Records are read in file order; a record without `story` belongs to the story
the file itself belongs to (for a file named alone, the file).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace

from factcheck.corpus.layout import document_with_layout
from factcheck.errors import InputError
from factcheck.models import Document

_META_FIELDS = ("source", "date", "url", "title", "story")
# json.loads joins escaped surrogate pairs; what is left alone cannot be written as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _ignore(message: str) -> None:
    pass


def read_jsonl(data: str, name: str, *, story: str | None, path: str | None,
               on_warning: Callable[[str], None] = _ignore) -> list[Document]:
    """One Document per record. A repeated id is warned about and replaced by file:line."""
    docs = []
    first_line: dict[str, int] = {}
    # Split on "\n" only: str.splitlines() would also break at U+2028 and friends,
    # which JSON strings may carry unescaped.
    for number, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        doc = record_document(line, name, number, story=story, path=path, on_warning=on_warning)
        if doc.id in first_line:
            on_warning(f"{name}:{number}: id {doc.id!r} already used on line "
                       f"{first_line[doc.id]}; this record is {name}:{number}")
            doc = replace(doc, id=f"{name}:{number}")
        first_line.setdefault(doc.id, number)
        docs.append(doc)
    return docs


def record_document(line: str, name: str, number: int, *, story: str | None,
                    path: str | None, on_warning: Callable[[str], None] = _ignore) -> Document:
    """The document of one record: line `number` of the file `name` (see stream.py too)."""
    record = _parse(line, name, number)
    meta = {k: _clean(_as_text(record.get(k))) for k in _META_FIELDS}
    text = record["text"]
    if "\\u" in line and _LONE_SURROGATE.search(text):
        # one character for one, so offsets into the text stay true
        text = _LONE_SURROGATE.sub("\ufffd", text)
        on_warning(f"{name}:{number}: lone UTF-16 surrogate escape (not a character); "
                   "replaced with U+FFFD")
    return document_with_layout(
        _clean(_as_text(record.get("id"))) or f"{name}:{number}",
        text,
        source=meta["source"],
        date=meta["date"],
        url=meta["url"],
        title=meta["title"],
        story=meta["story"] or story,
        path=path,
        # the record's text sits on its one line: a figure's column is its
        # place in the "text" value, not in the line of JSON
        first_line=number,
        line_starts=(),
    )


def record_story_and_id(line: str, name: str, number: int) -> tuple[str | None, str | None]:
    """The `story` and `id` fields of one record, for grouping a corpus before reading it."""
    record = _parse(line, name, number)
    return _clean(_as_text(record.get("story"))), _clean(_as_text(record.get("id")))


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


def _clean(value: str | None) -> str | None:
    return None if value is None else _LONE_SURROGATE.sub("\ufffd", value)


def _as_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
