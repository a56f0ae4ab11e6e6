"""re.compile for the long patterns built from the lexicons, kept compiled between runs.

The word lists become alternations of several thousand characters
(extract/patterns.trie_pattern), and Python's `re` parses and compiles a
pattern in Python code: some 0.3 CPU seconds at every start for the lot, a
sixth of checking the bundled example. What that work produces, the program
handed to the regex engine (_sre), depends only on the pattern, the flags and
the Python, so it is kept in the cache folder (factcheck.cache) under a key
holding the Python's version and the engine's magic number, and later runs hand
it straight to the engine.

The engine checks every program before taking it (an invalid one raises), and
anything unexpected, a damaged entry or an `re` without these internals, means
compiling as re.compile does: the cache can cost time, never change a match.
New programs are written once, when the process exits.
"""

from __future__ import annotations

import re
import sys

from factcheck import cache

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python implementation: plain re.compile
    _sre = None

Program = tuple  # (flags, code, groups - 1, groupindex, indexgroup): _sre.compile's arguments


def _key() -> str:
    return cache.digest([], "regex", sys.version, _sre.MAGIC, _sre.CODESIZE)


KEPT = cache.KeptTable("regex", _key, keep=2000)  # past 2000 programs, the last run's only


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - as re.compile
    """re.compile(pattern, flags), from the kept program when there is a good one."""
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    program = KEPT.get(key)
    if program is not None:
        try:
            return _sre.compile(pattern, program[0], list(program[1]), *program[2:])
        except Exception:  # noqa: BLE001 - a damaged entry: compile it afresh below
            pass
    try:
        program = _program(pattern, int(flags))
        compiled = _sre.compile(pattern, program[0], list(program[1]), *program[2:])
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - `re` internals not as expected
        return re.compile(pattern, flags)
    KEPT.add(key, program)
    return compiled


def _program(pattern: str, flags: int) -> Program:
    """What re._compiler.compile hands to _sre.compile (the same steps)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, tuple(int(c) for c in code),
            parsed.state.groups - 1, groupindex, tuple(indexgroup))
