"""What a figure is when it is not a count: date, clock time, year, label/ordinal.

Also finds the counted noun after a count ("574 drones" → "drones"). The word
lists live in rules/lexicon/figure_context.yaml.
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import load
from factcheck.extract.patterns import trie_pattern

LEX = load("figure_context.yaml", "figure_context")

MONTHS: dict[str, int] = {}
for _name, _n in LEX["months"].items():
    MONTHS[_name] = int(_n)
    MONTHS[_name.upper()] = int(_n)
    if _name not in LEX["capitalised_only"]:
        MONTHS[_name.lower()] = int(_n)
_MONTH = r"(?:" + trie_pattern(MONTHS, flexible=False) + r")(?![A-Za-z])\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?!\d)"

# Regex sources for the scanner's master pattern (one named group each).
DATE_SOURCES = {
    "iso_date": r"(?<!\d)\d{4}-[01]\d-[0-3]\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)",
    "num_date": r"(?<![\d/])[0-3]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?![\d/])",
    "dmy_date": r"(?<![\d.,])" + _DAY + r"[ \u00a0]+(?:of[ \u00a0]+)?" + _MONTH
                + r"(?:,?[ \u00a0]+" + _YEAR + r")?",
    "mdy_date": r"(?<![A-Za-z])" + _MONTH + r"[ \u00a0]+(?:" + _DAY + r"(?:,?[ \u00a0]+" + _YEAR
                + r")?|(?:of[ \u00a0]+)?" + _YEAR + r")",
    "clock": r"(?<![\d:.,])(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\.\d+)?"
             r"(?:[ \u00a0]?(?:[aApP]\.?[mM]\.?(?![A-Za-z])|GMT|BST|UTC|CET|EST|ET|PT))?(?![\d:])"
             r"|(?<![\d:.,])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?[ \u00a0]?(?:[ap]\.m\.|[ap]m|[AP]M|[AP]\.M\.)"
             r"(?![A-Za-z])",
}
# "13:45" needs a colon unless am/pm follows; "2.13" alone is a decimal, not a time.
_CLOCK_NEEDS_MARK = re.compile(r"^\d{1,2}\.\d\d$")
DECADE = re.compile(r"(?:'|’)?s(?![A-Za-z])")
_CLOCK_PARTS = re.compile(r"(\d{1,2})(?:[:.](\d\d))?(?::(\d\d))?")
_PM = re.compile(r"[pP]\.?[mM]")


def clock_value(surface: str) -> float | None:
    """'13:45' → 13.75, '9:34am' → 9.567, '2pm' → 14; None for '2.13' with no am/pm."""
    if _CLOCK_NEEDS_MARK.match(surface):
        return None
    m = _CLOCK_PARTS.match(surface)
    if m is None:
        return None
    hours = float(m.group(1)) + float(m.group(2) or 0) / 60
    if _PM.search(surface) and hours < 12:
        hours += 12
    return round(hours, 4)


_DIGITS = re.compile(r"\d+")


def date_value(surface: str) -> float | None:
    """A date's number: its day of the month if given, else its year."""
    if surface[:4].isdigit() and surface[4:5] == "-":  # ISO
        return float(surface[8:10])
    nums = [int(x) for x in _DIGITS.findall(surface)]
    if "/" in surface and len(nums) >= 2:
        return float(nums[1] if nums[0] <= 12 < nums[1] or nums[0] <= 12 else nums[0])
    days = [n for n in nums if n <= 31]
    if days:
        return float(days[0])
    return float(nums[0]) if nums else None


# --- years ----------------------------------------------------------------------------
YEAR_CUE = re.compile(r"(?<![\w])(?:" + trie_pattern(LEX["year_cues"], flexible=False) + r")[ \u00a0]+$")
_WEAK_CUES = {"of", "the", "The", "as", "As", "and", "or", "to", "by", "By", "from", "From"}


def year_cue_before(text: str, start: int) -> str | None:
    m = YEAR_CUE.search(text, max(0, start - 24), start)
    return m.group().strip() if m else None


def looks_like_year(value: float, surface: str, cue: str | None, noun: str | None) -> bool:
    """A bare four-digit whole number in year range, not counting something."""
    if not (surface.isdigit() and len(surface) == 4):
        return False
    if cue is not None and cue not in _WEAK_CUES:
        return 1000 <= value <= 2199
    if not 1900 <= value <= 2100:
        return False
    return noun is None or cue is not None


# --- labels: "day 1,436", "Section 427", "F-16", "Game 2" -------------------------------
LABEL_BEFORE = re.compile(
    r"(?<![\w])(?P<w>" + trie_pattern(LEX["label_words"], flexible=False) + r")[ \u00a0]?$"
)
_NOT_LABEL = frozenset(LEX["not_label_words"])
CAPITALISED_BEFORE = re.compile(r"(?<![\w'’])(?P<w>[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,})[ \u00a0]$")
GLUED_BEFORE = re.compile(r"[A-Za-z]-?$")
GLUED_AFTER = re.compile(r"[A-Za-z]")


def label_before(text: str, start: int) -> str | None:
    """The label word or name right before a figure, if the figure names rather than counts."""
    m = LABEL_BEFORE.search(text, max(0, start - 14), start)
    if m is not None:
        return m.group("w")
    m = CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if m is not None and m.group("w") not in _NOT_LABEL and not _sentence_start(text, m.start()):
        return m.group("w")
    return None


def _sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` opens a sentence (a capitalised word there says nothing about naming)."""
    before = text[max(0, pos - 3):pos].rstrip(" \u00a0\"'‘“(")
    return not before or before[-1] in ".!?:;\n—–-|•"


# --- the counted noun ---------------------------------------------------------------------
_STOPS = frozenset(LEX["noun_stops"])
_SKIPS = frozenset(LEX["noun_skips"])
NOUN_AFTER = re.compile(
    r"(?:[ \u00a0]+of(?:[ \u00a0]+(?:the|these|those|its|their|his|her|our|your|them|whom|which))?)?"
    r"((?:[ \u00a0]+[A-Za-z][A-Za-z'’\-]*){1,6})"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def noun_after(text: str, end: int) -> str | None:
    """The head noun of the phrase right after a count: '26 residential buildings' → 'buildings'."""
    m = NOUN_AFTER.match(text, end)
    if m is None:
        return None
    head = None
    for i, word in enumerate(_WORD.findall(m.group(1))):
        low = word.lower()
        if i == 0 and low in _SKIPS:
            continue
        if low in _STOPS or low.endswith("ly") and len(low) > 4:
            break
        if word[0].isupper() and not word.isupper():
            continue  # "Ukrainian civilians": a capitalised word is a modifier, never the head
        if (low.endswith("ed") or low.endswith("ing")) and head is not None:
            break  # "574 drones launched"
        head = word.strip("'’-")
    return head or None
