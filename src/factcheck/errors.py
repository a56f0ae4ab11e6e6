"""Errors the user can act on: one line, naming the file (and line) at fault."""

from __future__ import annotations


class FactcheckError(Exception):
    """The run cannot go on (exit status 2). str() is the one-line message."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path, self.line = path, line
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(f"{where}{message}")


class InputError(FactcheckError):
    """An input file or stream that cannot be read."""


class RuleError(FactcheckError):
    """A rule or lexicon file that does not validate."""
