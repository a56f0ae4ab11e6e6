"""Tables compiled from data files once, kept in the user's cache folder, keyed by content.

Parsing and checking the YAML lexicons, and asking pint about units, cost a
good part of a short run; the result depends only on the data files, the code
that compiles them and the Python that runs it. So it is pickled under
$XDG_CACHE_HOME/factcheck (or ~/.cache/factcheck) in a file whose name holds a
digest of all of these: an edited lexicon, a changed module or another Python
gives another file, never a stale table. Files are written atomically; one
that cannot be read is rebuilt with a warning; a cache folder that cannot be
written only means building again next run. FACTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


def digest(files: Iterable[str | Path], *extra: object) -> str:
    """A digest of the files' bytes (a missing file counts as missing) and of `extra`."""
    h = hashlib.sha256(repr((sys.version, extra)).encode())
    for path in files:
        h.update(str(path).encode() + b"\0")
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"\0missing\0")
    return h.hexdigest()[:20]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """What build() returns, from the cache file for (name, key) when there is one."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return build()
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a broken file is any unpickling error
        print(f"factcheck: warning: {path}: unreadable cache ({type(exc).__name__}); rebuilt",
              file=sys.stderr)
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically: a run reading the cache never sees half a file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only home: build again next run
