"""Stage 1: paths / stdin / JSONL corpora → Documents, each stretch of text with its source.

    read_documents(["examples/strike"]) -> [Document, ...]

Input kinds (by extension unless `input_kind` says otherwise; stdin is text):
  text      .txt and anything else — the whole decoded file, furniture marked as skip spans
  markdown  .md — YAML front matter (source, date, url, title, story); offsets into the body
  html      .html/.htm — trafilatura's main text; offsets into the extracted text
  jsonl     .jsonl — one {"id", "source", "date", "url", "title", "text", "story"?} a line

Stories (for `check`) are described in stories.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import IO

from factcheck.corpus.decode import (
    MAX_INPUT_BYTES,
    BinaryInput,
    decode_bytes,
    decode_html_bytes,
    is_report,
    printable,
    read_bounded,
)
from factcheck.corpus.stories import STDIN, STDIN_ID, Input, plan_inputs
from factcheck.errors import InputError
from factcheck.models import Document

INPUT_KINDS = ("text", "jsonl", "markdown", "html")

__all__ = ["INPUT_KINDS", "input_files", "read_documents", "read_documents_or_fail"]


def _warn_on_stderr(message: str) -> None:
    print(f"factcheck: warning: {message}", file=sys.stderr)


def read_documents(
    paths: Sequence[str],
    input_kind: str | None = None,
    *,
    stdin: IO[str] | IO[bytes] | None = None,
    on_warning: Callable[[str], None] = _warn_on_stderr,
) -> list[Document]:
    """Read files, folders and stdin ("-") into Documents, in the order given.

    Raises InputError (one line, naming the file and line) for a missing or
    unreadable path, a malformed JSONL line or front matter, and a binary file
    when no other input remains. Empty inputs give no documents.
    """
    if input_kind is not None and input_kind not in INPUT_KINDS:
        raise ValueError(f"unknown input kind {input_kind!r}; expected one of {INPUT_KINDS}")
    docs: list[Document] = []
    binary: list[str] = []
    empty: list[str] = []
    inputs = plan_inputs(list(paths) or [STDIN], input_kind, on_warning)
    for item in inputs:
        try:
            found = _read_one(item, stdin, on_warning)
        except BinaryInput:
            binary.append(_display_name(item))
            continue
        if found is None:
            continue
        if not found and item.kind != "html":  # html says why itself
            empty.append(_display_name(item))
        docs += found
    if binary and len(binary) == len(inputs):
        raise InputError("binary file, not text", binary[0])
    for name in binary:
        on_warning(f"{name}: binary file (NUL bytes), not text; skipped")
    for name in empty if docs else ():  # with nothing read at all, the caller says so
        on_warning(f"{name}: no text to check; skipped")
    return docs


def read_documents_or_fail(
    paths: Sequence[str],
    input_kind: str | None = None,
    on_warning: Callable[[str], None] = _warn_on_stderr,
) -> list[Document]:
    """read_documents for a command: a run with nothing to check is an error (exit 2).

    Warnings are passed on once the reading is done; when nothing was read they
    are folded into the error, so the user reads one line.
    """
    warnings: list[str] = []
    docs = read_documents(paths, input_kind, on_warning=warnings.append)
    if not docs:
        named = ", ".join(printable(p) for p in paths) if paths else "-"
        why = f" ({warnings[0]})" if len(warnings) == 1 else ""
        raise InputError(f"nothing to check: no text in {named}{why}")
    for message in warnings:
        on_warning(message)
    return docs


def input_files(paths: Sequence[str], input_kind: str | None = None) -> list[str]:
    """The files a run over `paths` reads (stdin left out), e.g. to keep a report off them."""
    return [item.name for item in plan_inputs(list(paths) or [STDIN], input_kind)
            if item.name != STDIN]


def _read_one(
    item: Input, stdin: IO | None, on_warning: Callable[[str], None]
) -> list[Document] | None:
    """The documents of one input; None when it was skipped with a warning already given."""
    name = _display_name(item)
    path = None if item.name == STDIN else printable(item.name)
    data = _read_stdin(stdin) if path is None else _read_file(item.name)
    if item.in_folder and is_report(data):
        on_warning(f"{name}: a factcheck report, not a source; skipped")
        return None
    if item.kind == "html":
        from factcheck.corpus.html import read_html

        html = data if isinstance(data, str) else decode_html_bytes(data, name, on_warning)
        return read_html(html, name, story=item.story, path=path, on_warning=on_warning)
    text = data if isinstance(data, str) else decode_bytes(data, name, on_warning)
    # Readers are imported when a file of their kind comes: `--help` never pays for them.
    from factcheck.corpus.jsonl import read_jsonl
    from factcheck.corpus.markdown import read_markdown
    from factcheck.corpus.text import read_text

    if item.kind == "jsonl":
        return read_jsonl(text, name, story=item.story, path=path, on_warning=on_warning)
    if item.kind == "markdown":
        return read_markdown(text, name, story=item.story, path=path)
    return read_text(text, name, story=item.story, path=path)


def _display_name(item: Input) -> str:
    return STDIN_ID if item.name == STDIN else printable(item.name)


def _read_file(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return read_bounded(f, printable(path))
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc.__class__.__name__})",
                         printable(path)) from None


def _read_stdin(stdin: IO | None) -> bytes | str:
    """Raw bytes when available, so stdin is decoded like a file, whatever the locale."""
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        raise InputError("cannot read (stdin is closed)", STDIN_ID)
    raw = getattr(stream, "buffer", None)
    try:
        return read_bounded(raw, STDIN_ID) if raw is not None else stream.read(MAX_INPUT_BYTES)
    except OSError as exc:
        raise InputError(
            f"cannot read ({exc.strerror or exc.__class__.__name__})", STDIN_ID
        ) from None
