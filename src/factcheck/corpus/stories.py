"""Which inputs are read, in what order, and which story each belongs to.

For `check`, files named together are one story (an editor's bundle of
sources); a folder is a story and a folder of folders a corpus of stories,
each folder holding the story of the files directly in it; a JSONL corpus
groups its records by their `story` field (see jsonl.py). A folder named
beside files joins their bundle with the files directly in it: `check
draft.md sources/` checks a draft against its sources, one story.

Story ids: the folder's path for a folder's files; for files named together,
the one file's path, or else the folder they share (so naming
`examples/strike/*.md` is the same story as naming `examples/strike`).
Traversal is sorted and skips hidden files and folders, so the same tree
always gives the same documents in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.errors import InputError

STDIN = "-"
STDIN_ID = "<stdin>"
KIND_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}


@dataclass(frozen=True, slots=True)
class Input:
    """One file (or stdin) to read: its name as given, how to read it, its story."""

    name: str
    kind: str
    story: str


def plan_inputs(paths: Sequence[str], input_kind: str | None) -> list[Input]:
    """The files behind `paths`, in order, each with its input kind and story id.

    Raises InputError naming a path that does not exist.
    """
    named: list[str] = []
    folders: list[str] = []
    for path in paths:
        if path == STDIN:
            named.append(path)
        elif os.path.isdir(path):
            folders.append(path)
        elif os.path.exists(path) or os.path.islink(path):
            named.append(path)
        else:
            raise InputError("no such file or directory", path)

    inputs: list[Input] = []
    bundle = _bundle_story(named, folders if named else [])
    for path in paths:  # keep the order the user gave
        if path in folders:
            top = os.path.normpath(path)
            for f in _walk(path):
                story = os.path.dirname(f)
                if named and os.path.normpath(story) == top:
                    story = bundle  # beside named files, a folder's own files join the bundle
                inputs.append(Input(f, _kind(f, input_kind), story))
        else:
            inputs.append(Input(path, _kind(path, input_kind), bundle))
    return _first_of_each(inputs)


def _kind(path: str, input_kind: str | None) -> str:
    if input_kind:
        return input_kind
    if path == STDIN:
        return "text"
    return KIND_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def _bundle_story(named: list[str], folders: list[str]) -> str:
    """The story id shared by files named together (and folders named beside them)."""
    files = [p for p in named if p != STDIN]
    if not files:
        return STDIN_ID
    if len(named) == 1 and not folders:
        return files[0]
    parents = [os.path.dirname(os.path.normpath(p)) or "." for p in files]
    parents += [os.path.normpath(f) for f in folders]
    try:
        return os.path.commonpath(parents) or "."
    except ValueError:  # absolute and relative paths mixed
        return parents[0]


def _walk(folder: str) -> Iterator[str]:
    """Readable files under `folder`, sorted, hidden entries skipped."""

    def fail(exc: OSError) -> None:
        raise InputError(f"cannot read folder ({exc.strerror})", exc.filename or folder)

    for root, dirs, files in os.walk(folder, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in KIND_BY_EXTENSION:
                yield os.path.join(root, name)


def _first_of_each(inputs: list[Input]) -> list[Input]:
    """Drop repeats (a file named and also inside a named folder is read once)."""
    seen: set[str] = set()
    unique = []
    for item in inputs:
        key = item.name if item.name == STDIN else os.path.normpath(item.name)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
