"""`factcheck extract --format jsonl`: one JSON object a fact, written as the facts come.

A megabyte of "1,1,1,…" is half a million facts, and the JSON encoder spent
more time on them than extraction did (a dict of 35 keys a fact). A fact that
says nothing beyond its figure and its document (every figure of a dense
stretch) is written from a template instead: the same bytes, at a fraction of
the cost. Any other fact, or a value of a type the template does not know,
goes through `Fact.to_dict` and the encoder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from operator import attrgetter

from factcheck.models import _OUTPUT_FIELDS, Fact, _plain_number

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
# What the encoder writes for a str when ensure_ascii is off (the C version when built).
_string = json.encoder.encode_basestring

# The fields a template line fills in; every other output field must be None.
_FILLED = ("doc", "source", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
           "kind", "line", "column", "date", "story", "normalized_unit", "id")
_EMPTY = tuple(f for f in _OUTPUT_FIELDS if f not in _FILLED)
_empty = attrgetter(*_EMPTY)
assert [f for f in _OUTPUT_FIELDS if f in _FILLED] == list(_FILLED), "in the contract's order"
_NONES = (None,) * len(_EMPTY)
_filled = attrgetter(*_FILLED)
# The fields that are the same for every figure of a document, mostly.
_SHARED = ("doc", "source", "qualifier", "unit", "kind", "date", "story", "normalized_unit")
_TEMPLATES: dict[tuple, tuple[str, ...]] = {}


def _template(shared: tuple) -> tuple[str, ...]:
    """The text of a line around its figure's own fields, given its shared fields (str or None).

    Raises TypeError if one of them is neither (such a fact goes to the encoder).
    """
    if (pieces := _TEMPLATES.get(shared)) is None:
        given = {k: "null" if v is None else _string(v) for k, v in zip(_SHARED, shared, strict=True)}
        # The encoder's own separators: ", " between items, ": " after a key.
        pieces = tuple(("{" + ", ".join(
            f"{_string(f)}: " + (given.get(f, "\0") if f in _FILLED else "null")
            for f in _OUTPUT_FIELDS) + "}\n").split("\0"))  # an encoded string has no NUL
        if len(_TEMPLATES) > 1024:
            _TEMPLATES.clear()
        _TEMPLATES[shared] = pieces
    return pieces


_FLOATS: dict[float, str] = {}  # 1.0 → "1": the values of a dense stretch repeat


def _number(x: object) -> str | None:
    """The encoder's spelling of a number as to_dict leaves it; None: not an int or float."""
    t = type(x)
    if t is int:
        return repr(x)
    if t is float:
        if (s := _FLOATS.get(x)) is None:  # type: ignore[arg-type]
            plain = _plain_number(x)  # 574.0 → 574, inf → None
            s = "null" if plain is None else repr(plain)
            if len(_FLOATS) > 4096:
                _FLOATS.clear()
            _FLOATS[x] = s  # type: ignore[index]
        return s
    return "null" if x is None else None


def fact_line(fact: Fact) -> str:
    """The fact as one line of JSON, "\\n" included: the encoder's `fact.to_dict()` + "\\n"."""
    if _empty(fact) == _NONES:
        (doc, source, start, end, text, value, low, high, qualifier, unit, kind, line, column,
         date, story, normalized, id_) = _filled(fact)
        # str() of an int is the encoder's spelling; any other type is the encoder's to write
        if type(start) is int and type(end) is int and type(line) is int \
                and type(column) is int and type(id_) is int and type(text) is str \
                and (v := _number(value)) is not None \
                and (lo := v if low is value else _number(low)) is not None \
                and (hi := v if high is value else _number(high)) is not None:
            try:  # a shared field that is not a str (nor None) is left to the encoder
                p = _template((doc, source, qualifier, unit, kind, date, story, normalized))
            except TypeError:
                pass
            else:
                return "".join((p[0], str(start), p[1], str(end), p[2], _string(text), p[3], v,
                                p[4], lo, p[5], hi, p[6], str(line), p[7], str(column), p[8],
                                str(id_), p[9]))
    return _encode(fact.to_dict()) + "\n"


def fact_lines(facts: Iterable[Fact], per_chunk: int = 256) -> Iterator[str]:
    """The facts' JSON lines, `per_chunk` lines to a string (one write each, not one a fact);
    the facts are taken one at a time and need not all be in memory."""
    chunk: list[str] = []
    for fact in facts:
        chunk.append(fact_line(fact))
        if len(chunk) >= per_chunk:
            yield "".join(chunk)
            chunk.clear()
    if chunk:
        yield "".join(chunk)
