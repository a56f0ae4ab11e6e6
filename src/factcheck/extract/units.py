"""Units, percentages, ages and currencies written around a figure → canonical names.

All surfaces come from data/rules/lexicon/units.yaml and numbers.yaml and are
compiled once into prefix-tree regexes; a lookup is one `match` at the
figure's edge plus a dict hit. Unit names are pint's (`kilometer`,
`mile_per_hour`); comparing two units (`same_dimension`) asks pint once per
unit name, and the answers are cached with the lexicon (factcheck.cache), so a
run loads pint only when the units or pint itself changed.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck import pint_registry, regex_cache
from factcheck.extract.lexicon import load
from factcheck.extract.numbers import LEX as NUMBERS
from factcheck.extract.patterns import case_variants, trie_pattern, written_before

UNITS = load("units.yaml", "units")

_SPACES = re.compile(r"[\s\-‐‑]+")


def _key(surface: str) -> str:
    """How a matched surface is looked up: gaps and hyphens as one space."""
    return _SPACES.sub(" ", surface.strip())


def _index(entries: dict[str, tuple[list[str], list[str]]]) -> tuple[dict[str, str], list[str]]:
    """{name: (surfaces, exact surfaces)} → ({surface: name}, all written forms).

    Surfaces also match in lower and upper case ("12 FEET"), not Capitalised:
    "2016 Stone" names a person, "5 Miles" is rare in running text.
    """
    lookup: dict[str, str] = {}
    forms: list[str] = []
    for name, (loose, exact) in entries.items():
        for s in exact:
            lookup.setdefault(_key(s), name)
            forms.append(s)
        for s in loose:
            for v in {s, s.lower(), s.upper()}:
                lookup.setdefault(_key(v), name)
                forms.append(v)
    return lookup, forms


# --- physical and time units ----------------------------------------------------
UNIT_KIND: dict[str, str] = {name: spec["kind"] for name, spec in UNITS["units"].items()}
_UNIT_LOOKUP, _unit_forms = _index(
    {name: (spec.get("surfaces", []), spec.get("exact", [])) for name, spec in UNITS["units"].items()}
)
# "2 in" is an inch only when nothing follows that makes "in" a preposition.
_GUARDED = {"in"}
UNIT_AFTER = regex_cache.compile(
    r"(?P<gap>[ \t\u00a0]*(?:[-‐‑][ \t]*)?)(?P<unit>" + trie_pattern(_unit_forms) + r")(?![A-Za-z0-9])"
)
_GUARD_OK = re.compile(r"\s*(?:$|[.,;:)\]]|thick|long|wide|tall|high|deep|across|x\b|by\b)")


def unit_at(text: str, pos: int, words: bool = False) -> tuple[str, int, bool] | None:
    """The unit written at `pos` (after a figure): (name, end, hyphenated) or None.

    Symbols of one letter ("C", "F", "m") follow digits only, and not a hyphen
    ("Two F-16 jets", "25 C-130s") unless a word follows it ("an 80m-deep well").
    """
    m = UNIT_AFTER.match(text, pos)
    if m is None:
        return None
    surface = m.group("unit")
    if surface in _GUARDED and not _GUARD_OK.match(text, m.end()):
        return None
    after = m.end()
    if len(surface) == 1 and (words or (text[after:after + 1] in "-‐"
                                        and not text[after + 1:after + 2].islower())):
        return None
    name = _UNIT_LOOKUP.get(_key(surface)) or _UNIT_LOOKUP.get(_key(surface).lower())
    if name is None:
        return None
    return name, m.end(), "-" in m.group("gap") or "‐" in m.group("gap")


# "300 straight-line miles", "5 long kilometres": an adjective between a figure and its unit.
_ADJECTIVES: list[str] = UNITS["adjectives"]
_ADJECTIVE_AFTER = regex_cache.compile(r"[ \t\u00a0]+(?:" + trie_pattern(_ADJECTIVES) + r")(?=[ \t\u00a0])")


def unit_after_adjective(text: str, pos: int, words: bool = False) -> tuple[str, int, bool] | None:
    """The unit written after one adjective at `pos`; only units spelled as words (not 'm', 'C')."""
    a = _ADJECTIVE_AFTER.match(text, pos)
    if a is None:
        return None
    u = unit_at(text, a.end(), words)
    if u is None or u[2] or u[1] - a.end() < 4:
        return None
    return u


# --- percent and ages --------------------------------------------------------------
_PERCENT_LOOKUP, _percent_forms = _index({k: (v, []) for k, v in UNITS["percent"].items()})
PERCENT_AFTER = regex_cache.compile(r"[ \t\u00a0]*(?P<unit>" + trie_pattern(_percent_forms) + r")(?![A-Za-z])")

_AGE_LOOKUP, _age_forms = _index({k: (v, []) for k, v in UNITS["ages"].items()})
AGE_AFTER = regex_cache.compile(r"[ \t\u00a0]*(?:[-‐‑][ \t]*)?(?P<unit>" + trie_pattern(_age_forms) + r")(?![A-Za-z])")


def percent_at(text: str, pos: int) -> tuple[str, int] | None:
    m = PERCENT_AFTER.match(text, pos)
    if m is None:
        return None
    return _PERCENT_LOOKUP.get(_key(m.group("unit")).lower(), "percent"), m.end()


def age_at(text: str, pos: int) -> tuple[str, int] | None:
    m = AGE_AFTER.match(text, pos)
    if m is None:
        return None
    return _AGE_LOOKUP.get(_key(m.group("unit")).lower(), "year_of_age"), m.end()


# --- currencies ----------------------------------------------------------------------
_CURRENCIES = NUMBERS["currencies"]
_SYMBOL_LOOKUP: dict[str, str] = {}
_WORD_LOOKUP: dict[str, str] = {}


def _symbol_forms(symbol: str) -> set[str]:
    """'HK$' is also written 'HK $', 'hk$'; codes also in lower case ('usd').

    Single-letter prefixes ('A$', 'C$') stay as written: 'a $5 fee' is not Australian.
    """
    letters = sum(ch.isalpha() for ch in symbol)
    forms = {symbol}
    if symbol.isascii() and letters >= 2:
        forms |= {symbol.upper(), symbol.lower()}
    for f in list(forms):
        if "$" in f and letters >= 2 and not f.startswith("$") and " $" not in f:
            forms.add(f.replace("$", " $"))
    return forms


for _code, _spec in _CURRENCIES.items():
    for _s in _spec["symbols"] + _spec["codes"]:
        for _f in _symbol_forms(_s):
            _SYMBOL_LOOKUP.setdefault(_key(_f), _code)
    for _w in _spec["words"]:
        for _v in case_variants(_w):
            _WORD_LOOKUP.setdefault(_key(_v), _code)
    for _c in _spec["codes"]:
        _WORD_LOOKUP.setdefault(_key(_c), _code)
        _WORD_LOOKUP.setdefault(_key(_c.lower()), _code)
    for _s in _spec["symbols"]:
        if not _s[:1].isalpha():
            _WORD_LOOKUP.setdefault(_key(_s), _code)
# Codes with a leading M are millions: "30 MUSD", "MAUD 60".
MILLION_CODES = {c for spec in _CURRENCIES.values() for c in spec["codes"] if c[:1] in "Mm" and len(c) == 4}
_SUBUNIT_LOOKUP = {s: name for name, forms in NUMBERS["currency_subunits"].items() for s in forms}

CURRENCY_BEFORE = regex_cache.compile(
    r"(?<![A-Za-z])(?P<cur>" + trie_pattern(_SYMBOL_LOOKUP, flexible=False) + r")[ \u00a0]?$"
)
CURRENCY_AFTER = regex_cache.compile(
    r"[ \t\u00a0]*(?P<cur>" + trie_pattern(_WORD_LOOKUP) + r")(?![A-Za-z])"
)
SUBUNIT_AFTER = regex_cache.compile(
    r"(?P<gap>[ \t\u00a0]*(?:-[ \t]*)?)(?P<cur>" + trie_pattern(_SUBUNIT_LOOKUP) + r")(?![A-Za-z])"
)
# "pounds" weighs unless the figure is plainly money ("£", "20 million pounds").
# "275 pound-feet" is torque, a unit of its own.
POUNDS_AFTER = regex_cache.compile(
    r"[ \t\u00a0]*(?:[-‐‑][ \t]*)?(?P<cur>pounds?|Pounds?)(?![A-Za-z])(?![ \t\u00a0-]*(?:feet|foot)\b)"
)


CURRENCY_SIGN_AT = regex_cache.compile(
    r"(?P<cur>" + trie_pattern(_SYMBOL_LOOKUP, flexible=False) + r")[ \u00a0]?(?=[\d.])"
)


def currency_before(text: str, start: int) -> tuple[str, int, str] | None:
    """A currency sign or code just before `start`: (ISO code, its start, surface)."""
    if not written_before(text, start) and not text[start - 1:start].isalnum():
        return None
    m = CURRENCY_BEFORE.search(text, max(0, start - 10), start)
    if m is None:
        return None
    surface = m.group("cur")
    code = _SYMBOL_LOOKUP.get(_key(surface))
    return (code, m.start(), surface) if code else None


def currency_after(text: str, pos: int) -> tuple[str, int, str] | None:
    """A currency word, code or sign right after a figure: (ISO code, end, surface)."""
    m = CURRENCY_AFTER.match(text, pos)
    if m is None:
        return None
    surface = m.group("cur")
    code = _WORD_LOOKUP.get(_key(surface)) or _WORD_LOOKUP.get(_key(surface).lower())
    return (code, m.end(), surface) if code else None


def subunit_after(text: str, pos: int, glued_only: bool = False) -> tuple[str, int] | None:
    """'50 cents', '12-cent', '50p', '11c' → ('cent', end). Single letters only when glued."""
    m = SUBUNIT_AFTER.match(text, pos)
    if m is None:
        return None
    surface = m.group("cur")
    if len(surface) == 1 and m.group("gap"):
        return None
    if glued_only and m.group("gap"):
        return None
    return _SUBUNIT_LOOKUP[surface], m.end()


# --- comparing units (pint) ------------------------------------------------------------
CURRENCY_CODES = frozenset(_CURRENCIES)




def pint_expression(name: str) -> str:
    """The expression pint reads for one of our unit names."""
    if (expression := UNITS["units"].get(name, {}).get("expression")) is not None:
        return expression
    for prefix, power in (("square_", 2), ("cubic_", 3)):
        if name.startswith(prefix):
            return f"{name[len(prefix):]} ** {power}"
    return name.replace("_per_", " / ")


def dimension(name: str) -> str | None:
    """pint's dimensionality of a unit name, as text ('[length] ** 1'); None if pint has no such unit."""
    if name in CURRENCY_CODES:
        return "[currency]"
    return _dimensions().get(name)


def _dimensions() -> dict[str, str | None]:
    return _unit_tables()[0]


def known_conversions() -> dict[tuple[str, str], tuple[float, float] | None]:
    """(slope, offset) between every two unit names of one dimension (see pint_registry.affine)."""
    return _unit_tables()[1]


def known_physical() -> dict[str, tuple[str, float]]:
    """Each unit name's (dimensionality, factor to base units) (see pint_registry.physical)."""
    return _unit_tables()[2]


@cache
def _unit_tables() -> tuple[dict, dict, dict]:
    """Every unit name's dimension and the conversions between them: pint once, then the cache."""
    from factcheck.cache import cached, digest
    from factcheck.resources import lexicon_dir

    key = digest([lexicon_dir() / "units.yaml", __file__, pint_registry.__file__],
                 pint_registry.pint_install())
    return cached("unit-tables", key, _build_unit_tables,
                  valid=lambda v: isinstance(v, tuple) and len(v) == 3
                  and all(isinstance(x, dict) for x in v))


def _build_unit_tables() -> tuple[dict, dict, dict]:
    pint_affine = pint_registry.pint_affine
    dims = {name: _pint_dimension(name) for name in UNIT_KIND}
    conversions = {(a, b): pint_affine(a, b) for a in UNIT_KIND for b in UNIT_KIND
                   if a != b and dims[a] is not None and dims[a] == dims[b]}
    physical = {name: pint_registry.pint_physical(name) for name in UNIT_KIND}
    return dims, conversions, physical


def _pint_dimension(name: str) -> str | None:
    if UNITS["units"].get(name, {}).get("pint") is False:
        return None
    try:
        dims = pint_registry.registry().parse_expression(pint_expression(name)).dimensionality
    except Exception:  # noqa: BLE001 - pint raises many kinds of errors for unknown names
        return None
    # pint orders the factors as the expression does: sort them so that N·m and ft·lbf compare
    return " * ".join(f"{k} ** {v:g}" for k, v in sorted(dims.items())) or "[]"


def same_dimension(a: str, b: str) -> bool:
    """Whether figures in units a and b can be conversions of each other (679 km / 422 miles)."""
    if a == b:
        return False
    da, db = dimension(a), dimension(b)
    return da is not None and da == db


# --- a cheap first look -----------------------------------------------------------------
# The first run of letters of every surface that can follow a figure ("km", "per", "year",
# "dollars", "us"). When the next word is none of these, no unit, currency, percent or age
# pattern can match, and the figure skips them ("574 drones").
_FIRST_LETTERS = re.compile(r"[A-Za-zµμ]+")
FIRST_WORDS = frozenset(
    m.group().lower()
    for forms in (_unit_forms, _percent_forms, _age_forms, list(_WORD_LOOKUP), list(_SUBUNIT_LOOKUP),
                  ["pound", "pounds"], _ADJECTIVES)
    for form in forms
    if (m := _FIRST_LETTERS.match(form)) is not None
)
_NEXT = re.compile(r"[ \t\u00a0]*[-‐‑]?[ \t\u00a0]*(?:([A-Za-zµμ]+)|(\d)|\S)")


def could_follow(text: str, pos: int) -> bool:
    """Whether a unit, currency, percent or age may be written at `pos` (none starts with a digit)."""
    m = _NEXT.match(text, pos)
    if m is None or m.group(2) is not None:
        return False
    word = m.group(1)
    return word is None or word.lower() in FIRST_WORDS
