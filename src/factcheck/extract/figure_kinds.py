"""Figures compared only with their own kind: magnitudes, scores, records, ranks, zeros.

Each function looks at a few characters around one figure (one anchored regex
match), like figure.py; `zero_counts` is one pass of its own over the text,
as the words it reads ("no one", "nobody") are no anchors of the scanner.
The word lists are in data/rules/lexicon/figure_kinds.yaml.
"""

from __future__ import annotations

import re

from factcheck import regex_cache
from factcheck.extract.lexicon import load
from factcheck.extract.patterns import trie_pattern

LEX = load("figure_kinds.yaml", "figure_kinds")

_S = r"[ \t\u00a0]"


def _words(key: str, flexible: bool = True) -> str:
    return trie_pattern(LEX[key], flexible=flexible)


# --- magnitudes -----------------------------------------------------------------------------
MAGNITUDE_MAX = float(LEX["magnitude_max"])
_MAGNITUDE_BEFORE = regex_cache.compile(r"(?<![\w])(?:" + _words("magnitude_before") + rf")(?:{_S}*[-‐‑]{_S}*|{_S}+)$")
_SYMBOL_BEFORE = regex_cache.compile(r"(?<![\w.])(?:" + _words("magnitude_symbols", flexible=False) + rf"){_S}?$")
_DECIMAL = re.compile(r"\d\.\d")


# The last letter of every cue before a magnitude: most figures are decided by one look.
_BEFORE_LAST = frozenset(w[-1] for w in LEX["magnitude_before"] + LEX["magnitude_symbols"])
_MAGNITUDE_AFTER = regex_cache.compile(rf"{_S}+(?:" + _words("magnitude_after") + r")(?![\w])")


def magnitude_before(text: str, start: int, end: int, value: float | None) -> int | None:
    """Where 'magnitude', 'magnitude of' or 'M' starts, right before a figure that is a magnitude.

    'M6.1' and 'Mw 7.8' only with a decimal: 'M4' and 'M25' are motorways.
    """
    if value is None or not 0 <= value <= MAGNITUDE_MAX or start < 2:
        return None
    last = text[start - 1]
    if last in " \t\u00a0-‐‑":
        last = text[start - 2]
    if last not in _BEFORE_LAST:
        return None
    m = _MAGNITUDE_BEFORE.search(text, max(0, start - 24), start)
    if m is not None:
        return m.start()
    m = _SYMBOL_BEFORE.search(text, max(0, start - 4), start)
    if m is not None and _DECIMAL.match(text, start, end):
        return m.start()
    return None


def magnitude_after(text: str, end: int) -> int | None:
    """Where '… on the Richter scale' ends, right after the figure."""
    m = _MAGNITUDE_AFTER.match(text, end) if text[end + 1:end + 3] == "on" else None
    return m.end() if m else None


# --- scores and win-loss records --------------------------------------------------------------
_RECORD_BEFORE = regex_cache.compile(r"(?<![\w])(?:" + _words("record_words") + r")(?![\w])[^.;:!?\n]{0,24}$")
_RECORD_AFTER = regex_cache.compile(rf"{_S}+(?:" + _words("record_words") + r")(?![\w])")
# "The Lions (10-5) host": a record in brackets right after a name
_NAME_BRACKET = re.compile(r"[A-Z][\w.'’]*[ \u00a0]?\($")
_SCORE_BEFORE = regex_cache.compile(r"(?<![\w])(?:" + _words("score_words_before") + r")(?![\w])[^.;:!?\n]{0,30}$")
_SCORE_AFTER = regex_cache.compile(rf"(?:{_S}+(?:[a-z]+{_S}+)?)(?:" + _words("score_words_after") + r")(?![\w])")


def score_kind(text: str, start: int, end: int, ascending: bool, counted: bool) -> str | None:
    """'score' or 'record' for a dashed pair of numbers ('45-35'); None if it is a range.

    A pair whose first number is the smaller is a range ('8-9', 'won 10-15 seats': `counted`,
    a noun after it) unless a score or record word follows it ('a 20-23 defeat', 'a 3-10
    record') or, with no noun after it, stands before it ('lost 13-20', 'record to 0-1').
    """
    if ascending:
        if _RECORD_AFTER.match(text, end) or (not counted and _RECORD_BEFORE.search(text, max(0, start - 40), start)):
            return "record"
        if _SCORE_AFTER.match(text, end) or (not counted and _SCORE_BEFORE.search(text, max(0, start - 40), start)):
            return "score"
        return None
    if _RECORD_AFTER.match(text, end) or _RECORD_BEFORE.search(text, max(0, start - 40), start) \
            or (text[end:end + 1] == ")" and _NAME_BRACKET.search(text, max(0, start - 40), start)):
        return "record"
    return "score"


# --- ranks --------------------------------------------------------------------------------
_RANK_UNITS = {w: w for w in LEX["rank_nouns"]} | LEX["rank_plurals"]
_RANK_AFTER = regex_cache.compile(rf"(?:{_S}*[-‐‑]{_S}*|{_S}+)(?P<n>" + trie_pattern(_RANK_UNITS, flexible=False)
                         + r")(?![\w'’-])")


def rank_unit_after(text: str, end: int) -> str | None:
    """The noun a rank counts in: '16th place' → place, 'the 28th lap' → lap."""
    m = _RANK_AFTER.match(text, end)
    return _RANK_UNITS[m.group("n")] if m else None


_RANK_LABELS = frozenset(LEX["rank_labels"])


def rank_label_before(text: str, start: int) -> str | None:
    """'lap 20', 'round 3': the label word that makes the number a rank, lower case."""
    if start < 2 or text[start - 1] != " ":
        return None
    at = text.rfind(" ", max(0, start - 12), start - 1) + 1  # the word before: a set lookup, no regex
    word = text[at:start - 1].lstrip("([\"'“‘") if at or start <= 12 else None
    return word.lower() if word in _RANK_LABELS else None


# --- stated zero counts -------------------------------------------------------------------
_AUX = rf"(?:{_S}+(?:" + _words("zero_auxiliaries") + r"))"
_ZERO = regex_cache.compile(
    r"(?P<z>(?:" + _words("zero_subjects") + r")(?![\w-])"
    r"|[Nn]o(?P<noun>" + _S + r"+(?:" + _words("zero_nouns") + r"))(?![\w-]))"
    rf"(?P<of>{_S}+of{_S}+(?:them|us|you|(?:the|its|their|his|her|our|those|these){_S}+"
    rf"(?:[a-z][\w-]*{_S}+){{0,2}}?(?P<whom>[a-z][\w-]*)))?"
    rf"(?:{_AUX}(?:{_S}+[a-z]+ly)?)?{_S}+(?:" + _words("zero_verbs") + r")(?![\w-])"
)
# "There were no casualties": "no" and a noun after "there were", with no verb after it
_ZERO_THERE = regex_cache.compile(
    rf"[Tt]here{_S}+(?:were|was|have{_S}+been|has{_S}+been|had{_S}+been|are|is){_S}+"
    rf"(?P<z>no{_S}+(?P<noun>" + _words("zero_nouns") + r"))(?![\w-])"
)
# "none" alone names a count only with "of the …" after it ("none of the passengers were hurt")
_BARE_NONE = frozenset({"none", "None"})


def _finder(heads: list[str]) -> list[re.Pattern]:
    """One pattern per first letter of `heads`: each opens with a literal, which `re` finds
    with a fast substring search instead of trying the pattern at every character."""
    first: dict[str, list[str]] = {}
    for h in heads:
        first.setdefault(h[0], []).append(h)
    return [regex_cache.compile(trie_pattern(group) + r"(?![\w-])") for group in first.values()]


_ZERO_HEADS = _finder(LEX["zero_subjects"] + [f"{no} {n}" for no in ("no", "No") for n in LEX["zero_nouns"]])
_THERE_HEADS = re.compile(rf"here{_S}+(?:were|was|ha[sdv]e?|are|is){_S}+no{_S}")


def _after_boundary(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")


def zero_counts(text: str) -> list[tuple[int, int, str | None]]:
    """'no one was killed', 'none of the passengers were hurt': (start, end, counted noun).

    The span is the words that say zero ('no one', 'none', 'no deaths'); the
    verb after them is read, not taken in, so the context stage finds it.
    """
    out = []
    for head in _ZERO_HEADS:
        for h in head.finditer(text):
            if not _after_boundary(text, h.start()) or (m := _ZERO.match(text, h.start())) is None:
                continue
            if m.group("z") in _BARE_NONE and m.group("of") is None:
                continue
            noun = m.group("whom") or (m.group("noun").strip() if m.group("noun") else None)
            out.append((m.start("z"), m.end("z"), noun))
    for h in _THERE_HEADS.finditer(text):
        if h.start() and text[h.start() - 1] in "Tt" and _after_boundary(text, h.start() - 1) \
                and (m := _ZERO_THERE.match(text, h.start() - 1)) is not None:
            out.append((m.start("z"), m.end("z"), m.group("noun")))
    return sorted(set(out))


# --- clock times ----------------------------------------------------------------------------
ZONES: dict[str, str] = LEX["zones"]
_ZONES = ZONES
_ZONE = trie_pattern(_ZONES, flexible=True)
_ZONE_AFTER = regex_cache.compile(rf"{_S}*(?:\((?P<b>{_ZONE})\)|(?P<z>{_ZONE})(?![\w]))")
_GAME_CLOCK = regex_cache.compile(rf"{_S}+(?:" + _words("game_clock_after") + r")(?![\w])")


def zone_after(text: str, end: int) -> tuple[str, int] | None:
    """The zone written after a clock time ('GMT', 'local time'): (zone, end)."""
    m = _ZONE_AFTER.match(text, end)
    if m is None:
        return None
    z = " ".join((m.group("z") or m.group("b")).replace("-", " ").split())
    return _ZONES.get(z, z), m.end()


def is_game_clock(text: str, end: int) -> bool:
    """'10:03 to play', '2:15 left in the half': time left in a game, not a time of day."""
    return _GAME_CLOCK.match(text, end) is not None


# --- calibres -------------------------------------------------------------------------------
_GUN_AFTER = regex_cache.compile(rf"{_S}*[-‐‑]?{_S}*(?:" + _words("gun_nouns") + r")(?![\w])")


def gun_after(text: str, end: int) -> bool:
    """'a .38 revolver': a gun named right after a bare decimal."""
    return _GUN_AFTER.match(text, end) is not None
