"""What the rules read from the lexicon: which measures only ever grow."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from factcheck.resources import lexicon_dir
from factcheck.rules.yamlsrc import load_yaml


def monotonic_measures(folder: Path | None = None) -> frozenset[str]:
    """Measures marked `monotonic: true` in measures.yaml (none if the file is absent).

    Tolls such as killed or injured only grow as a story unfolds, so a larger
    figure from a later source is an update, not a contradiction.
    """
    return _read(str(folder or lexicon_dir()))


@cache
def _read(folder: str) -> frozenset[str]:
    path = Path(folder) / "measures.yaml"
    if not path.is_file():
        return frozenset()
    data, _ = load_yaml(path)
    return frozenset(name for name, entry in _entries(data) if _flag(entry))


def _entries(data: Any):
    """(name, entry) pairs from {measures: {name: entry}} (or a bare {name: entry})."""
    if isinstance(data, dict) and isinstance(data.get("measures"), (dict, list)):
        data = data["measures"]
    if isinstance(data, dict):
        yield from ((str(k), v) for k, v in data.items())
    elif isinstance(data, list):
        for entry in data:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                yield entry["name"], entry


def _flag(entry: Any) -> bool:
    return isinstance(entry, dict) and entry.get("monotonic") is True
