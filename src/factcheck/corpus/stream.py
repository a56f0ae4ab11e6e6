"""Stories one at a time, for `check`: plan the whole input cheaply, read a story when its turn comes.

    plan = plan_stories(["corpus.jsonl"])       # story ids and where their documents are
    for story in plan.stories:
        docs = plan.read(story)                 # only this story's documents in memory
    plan.finish()                               # binary inputs: warn, or fail if nothing was text

A JSONL corpus is indexed first: each record's story and the byte offset of
its line, a few numbers a record. A story is then read from its records'
offsets, in one forward pass when the file is grouped by story and by seeking
otherwise, so memory holds one story's documents and the index, never the
corpus. Files and folders are grouped by the story plan_inputs gives them and
read when their story comes. Stdin, and a JSONL file that is not plain UTF-8,
are read whole up front, as read_documents would.

Stories come in the order their first document comes in the input, and each
story's documents in input order: the same input always gives the same plan.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from factcheck.corpus import _display_name, _read_one, _warn_on_stderr
from factcheck.corpus.decode import _UTF16_BOMS, BinaryInput, printable
from factcheck.corpus.jsonl import record_document, record_story_and_id
from factcheck.corpus.stories import STDIN, Input, plan_inputs
from factcheck.errors import InputError
from factcheck.models import Document

Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Records:
    """The lines of one JSONL file that belong to one story: (byte offset, line number) each."""

    item: Input
    lines: list[tuple[int, int]]
    renamed: frozenset[int] = frozenset()  # lines whose id repeats an earlier record's
    own_story: bool = False  # every record belongs to the file's story, whatever it says


@dataclass(slots=True)
class Story:
    id: str
    parts: list[Input | Records | Document] = field(default_factory=list)


@dataclass
class StoryPlan:
    stories: list[Story]
    inputs: int  # how many files (or stdin) the plan covers
    on_warning: Warn = _warn_on_stderr
    binary: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    named: str = "-"
    documents_read: int = 0

    def read(self, story: Story) -> list[Document]:
        """The story's documents, read now, in input order."""
        docs: list[Document] = []
        for part in story.parts:
            if isinstance(part, Document):
                docs.append(part)
            elif isinstance(part, Records):
                docs += _read_records(part, self.on_warning)
            else:
                try:
                    found = _read_one(part, None, self.on_warning)
                except BinaryInput:
                    self.binary.append(_display_name(part))
                    continue
                if found is not None and not found and part.kind != "html":
                    self.empty.append(_display_name(part))
                docs += found or []
        self.documents_read += len(docs)
        return docs

    def finish(self) -> None:
        """After the last story: binary or empty inputs are skipped with a warning.

        A run that read no text at all fails (exit 2) with one line.
        """
        if self.binary and len(self.binary) == self.inputs:
            raise InputError("binary file, not text", self.binary[0])
        if not self.documents_read:
            raise InputError(f"nothing to check: no text in {self.named}")
        for name in self.binary:
            self.on_warning(f"{name}: binary file (NUL bytes), not text; skipped")
        for name in self.empty:
            self.on_warning(f"{name}: no text to check; skipped")


def plan_stories(paths: Sequence[str], input_kind: str | None = None, *,
                 story_per_file: bool = False, on_warning: Warn = _warn_on_stderr) -> StoryPlan:
    """Which stories the inputs hold and where each one's documents are (see the module doc).

    With `story_per_file` each file is a story of its own (a JSONL file's records too).

    Raises InputError for a missing path or a malformed JSONL record (naming file and line).
    """
    inputs = plan_inputs(list(paths) or [STDIN], input_kind, on_warning)
    if story_per_file:
        inputs = [replace(item, story=item.name) for item in inputs]
    stories: dict[str, Story] = {}
    plan = StoryPlan([], len(inputs), on_warning,
                     named=", ".join(printable(p) for p in paths) if paths else "-")

    def story(story_id: str) -> Story:
        if story_id not in stories:
            stories[story_id] = Story(story_id)
        return stories[story_id]

    for item in inputs:
        if item.name == STDIN or (item.kind == "jsonl" and not _indexable(item.name)):
            try:
                for doc in _read_one(item, None, on_warning) or []:
                    doc = replace(doc, story=item.story) if story_per_file else doc
                    story(doc.story or item.story).parts.append(doc)
            except BinaryInput:
                plan.binary.append(_display_name(item))
        elif item.kind == "jsonl":
            index, renamed = _index(item, on_warning)
            for story_id, lines in index.items():
                story(item.story if story_per_file else story_id).parts.append(
                    Records(item, lines, renamed, story_per_file))
        else:
            story(item.story).parts.append(item)
    plan.stories = list(stories.values())
    return plan


def _indexable(path: str) -> bool:
    """Plain UTF-8 without NUL bytes: each line can be read alone. Otherwise read it whole."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            if head.startswith(_UTF16_BOMS):
                return False
            fh.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            while chunk := fh.read(1 << 20):
                if b"\x00" in chunk:
                    return False
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc.__class__.__name__})", path) from None
    return True


def _index(item: Input, on_warning: Warn) -> tuple[dict[str, list[tuple[int, int]]], frozenset[int]]:
    """Story id → (offset, line number) of its records, stories in order of first record;
    and the lines whose id repeats an earlier record's (warned about here, as read_jsonl does).
    """
    index: dict[str, list[tuple[int, int]]] = {}
    first_line: dict[str, int] = {}
    renamed: set[int] = set()
    name = printable(item.name)
    offset = 0
    with open(item.name, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            line = _decode(raw, number)
            if line.strip():
                story, doc_id = record_story_and_id(line, name, number)
                index.setdefault(story or item.story, []).append((offset, number))
                doc_id = doc_id or f"{name}:{number}"
                if doc_id in first_line:
                    on_warning(f"{name}:{number}: id {doc_id!r} already used on line "
                               f"{first_line[doc_id]}; this record is {name}:{number}")
                    renamed.add(number)
                first_line.setdefault(doc_id, number)
            offset += len(raw)
    return index, frozenset(renamed)


def _read_records(part: Records, on_warning: Warn) -> list[Document]:
    item = part.item
    name = printable(item.name)
    docs = []
    with open(item.name, "rb") as fh:
        for offset, number in part.lines:
            fh.seek(offset)
            line = _decode(fh.readline(), number)
            doc = record_document(line, name, number, story=item.story, path=name,
                                  on_warning=on_warning)
            if number in part.renamed:
                doc = replace(doc, id=f"{name}:{number}")
            if part.own_story:
                doc = replace(doc, story=item.story)
            docs.append(doc)
    return docs


def _decode(raw: bytes, number: int) -> str:
    if number == 1:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    # Only "\n" ends a record (as in read_jsonl): a "\r" before it is JSON whitespace.
    return raw.decode("utf-8").removesuffix("\n")
