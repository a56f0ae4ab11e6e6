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

import errno
import os
import stat
from collections.abc import Callable, Iterator, Sequence
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
    in_folder: bool = False  # found by walking a folder, not named by the user


def _ignore(message: str) -> None:
    pass


def plan_inputs(
    paths: Sequence[str], input_kind: str | None, on_warning: Callable[[str], None] = _ignore
) -> list[Input]:
    """The files behind `paths`, in order, each with its input kind and story id.

    Raises InputError naming a path that does not exist. Inside folders, what
    cannot be read as a file (FIFOs, sockets, devices, broken or looping links)
    is skipped with a warning; a folder with nothing to read is warned about.
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
            found = 0
            for f in _walk(path, on_warning):
                story = os.path.dirname(f)
                if named and os.path.normpath(story) == top:
                    story = bundle  # beside named files, a folder's own files join the bundle
                inputs.append(Input(f, _kind(f, input_kind), story, in_folder=True))
                found += 1
            if not found:
                kinds = ", ".join(sorted(KIND_BY_EXTENSION))
                on_warning(f"{path}: folder holds no file to read (looked for {kinds})")
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


def _walk(folder: str, on_warning: Callable[[str], None]) -> Iterator[str]:
    """Readable files under `folder`, sorted, hidden entries skipped.

    Iterative, so a folder nested a thousand deep is no recursion limit; links to
    folders are not followed (a link back up would loop forever).
    """
    stack = [folder]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")),
                                 key=lambda e: e.name)
        except OSError as exc:
            if root == folder:
                raise InputError(f"cannot read folder ({exc.strerror})", root) from None
            on_warning(f"{root}: cannot read folder ({exc.strerror}); skipped")
            continue
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in KIND_BY_EXTENSION:
                problem = _not_a_file(entry.path)
                if problem:
                    on_warning(f"{entry.path}: {problem}; skipped")
                else:
                    yield entry.path
        stack.extend(reversed(subfolders))


def _not_a_file(path: str) -> str | None:
    """Why `path` cannot be read as a file, or None when it can."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if os.path.islink(path):
            return "symbolic link that loops" if exc.errno == errno.ELOOP else "broken symbolic link"
        return f"cannot read ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "link to a folder (not followed)"
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special")
    return f"not a regular file (it is {kind})"


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
