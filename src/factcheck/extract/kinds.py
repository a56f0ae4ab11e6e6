"""What a figure is when it is not a count: date, clock time, year, label/ordinal.

Also finds the counted noun after a count ("574 drones" → "drones"). The word
lists live in data/rules/lexicon/figure_context.yaml.
"""

from __future__ import annotations

import re

from factcheck import regex_cache
from factcheck.extract.lexicon import load
from factcheck.extract.patterns import trie_pattern, written_before

LEX = load("figure_context.yaml", "figure_context")

MONTHS: dict[str, int] = {}
for _name, _n in LEX["months"].items():
    MONTHS[_name] = int(_n)
    MONTHS[_name.upper()] = int(_n)
    if _name not in LEX["capitalised_only"]:
        MONTHS[_name.lower()] = int(_n)
# Only abbreviations take a full stop ("Aug. 14"); "20 January." ends a sentence.
_FULL = {m for m in MONTHS if len(m) > 4 or m.lower() in ("may", "june", "july")}
_MONTH = (r"(?:(?:" + trie_pattern(_FULL, flexible=False) + r")(?![A-Za-z])|(?:"
          + trie_pattern(set(MONTHS) - _FULL, flexible=False) + r")(?![A-Za-z])\.?)")
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
    # "13:45", "9:34am", "7: 37 AM", "07:37 a. m.", "2pm", "0737 GMT" (four digits only before a zone)
    "clock": r"(?<![\d:.,])(?:[01]?\d|2[0-3])(?:[:.]|:[ \u00a0])[0-5]\d(?::[0-5]\d)?(?:\.\d+)?(?![\d:])"
             r"(?:[ \u00a0]?(?:[aApP](?:\.[ \u00a0]?)?[mM]\.?(?![A-Za-z])|GMT|BST|UTC|CET|EST|ET|PT)(?![A-Za-z]))?"
             r"|(?<![\d:.,])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?[ \u00a0]?(?:[ap]\.[ \u00a0]?m\.|[ap]m|[AP]M|[AP]\.[ \u00a0]?M\.)"
             r"(?![A-Za-z])"
             r"|(?<![\d:.,])(?:[01]\d|2[0-3])[0-5]\d(?=[ \u00a0]?(?:GMT|UTC|Z)(?![A-Za-z]))",
}
# "13:45" needs a colon unless am/pm follows; "2.13" alone is a decimal, not a time; "7: 37"
# with a space after the colon needs am/pm or a zone too (the scanner checks what follows).
_CLOCK_NEEDS_MARK = re.compile(r"^\d{1,2}(?:\.|:[ \u00a0])\d\d$")
DECADE = re.compile(r"(?:'|’)?s(?![A-Za-z])")
_CLOCK_PARTS = re.compile(r"(\d{1,2})(?:[:.][ \u00a0]?(\d\d))?(?::(\d\d))?")
_FOUR_DIGITS = re.compile(r"(\d\d)(\d\d)(?!\d)")
_PM = re.compile(r"[pP]\.?[ \u00a0]?[mM]")
_AM = re.compile(r"[aA]\.?[ \u00a0]?[mM]")


def clock_value(surface: str) -> float | None:
    """Hours after midnight: '13:45' → 13.75, '9:34am' → 9.567, '2pm' → 14, '12:47 a.m.' → 0.783,
    '0737 GMT' → 7.617; None for '2.13' or '7: 37' with no am/pm or zone after."""
    if _CLOCK_NEEDS_MARK.match(surface):
        return None
    m = _FOUR_DIGITS.match(surface) or _CLOCK_PARTS.match(surface)
    if m is None:
        return None
    hours = float(m.group(1)) + float(m.group(2) or 0) / 60
    if _PM.search(surface) and hours < 12:
        hours += 12
    elif hours >= 12 and _AM.search(surface) and hours < 13:
        hours -= 12  # "12:47 a.m." is just after midnight
    return round(hours, 4)


def clock_parts(surface: str) -> tuple[float, float]:
    """'10:03' → (10, 3): the two numbers of a clock (a game clock's minutes and seconds)."""
    m = _CLOCK_PARTS.match(surface)
    return (float(m.group(1)), float(m.group(2) or 0)) if m else (0.0, 0.0)


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
YEAR_CUE = regex_cache.compile(r"(?<![\w])(?:" + trie_pattern(LEX["year_cues"] + LEX["weak_year_cues"],
                                                     flexible=False) + r")[ \u00a0]+$")
_WEAK_CUES = frozenset(LEX["weak_year_cues"])
_PLURALS = frozenset(LEX["plural_nouns"])


def year_cue_before(text: str, start: int) -> str | None:
    if not written_before(text, start):
        return None
    m = YEAR_CUE.search(text, max(0, start - 24), start)
    return m.group().strip() if m else None


def is_plural(noun: str | None) -> bool:
    if not noun:
        return False
    low = noun.lower()
    return low in _PLURALS or (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")))


def looks_like_year(value: float, surface: str, cue: str | None, noun: str | None) -> bool:
    """A bare four-digit whole number that dates rather than counts.

    After "in", "since"… any of 1000-2199 is a year; otherwise 1900-2100 is,
    unless a plural noun says what it counts ("2000 people", "2020 election" is a year);
    after "the" or a possessive an unround one is a year still ("the 2007 convictions":
    a count that large is written "2,007").
    """
    if not (surface.isdigit() and len(surface) == 4):
        return False
    if cue is not None and cue not in _WEAK_CUES:
        return 1000 <= value <= 2199
    if not 1900 <= value <= (2199 if cue else 2100):
        return False
    if cue is not None and cue.lower() in _DETERMINERS and value % 100:
        return True  # "the 2007 convictions": an unround number after "the" names which ones
    return not is_plural(noun)


# --- labels: "day 1,436", "Section 427", "F-16", "Game 2", "575 Wilbraham Road" ------------
LABEL_BEFORE = regex_cache.compile(
    r"(?<![\w])(?P<w>" + trie_pattern(LEX["label_words"] + LEX["weak_label_words"], flexible=False)
    + r")[ \u00a0]?$"
)
_WEAK_LABELS = frozenset(LEX["weak_label_words"])
_NOT_LABEL = frozenset(LEX["not_label_words"])
# A capitalised name right before the figure: "Planet 9", "iPhone 11", "S&P 500", "S P 500".
NAME_BEFORE = regex_cache.compile(
    r"(?<![\w'’&])(?P<w>[a-z]?[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}|[A-Z]&[A-Z]|[B-HJ-Z])[ \u00a0]$"
)
# "In Kyiv 9 people were killed": a name after a place's preposition is where, and the
# figure counts the noun after it (but "Planet 9", "iPhone 11 sales" name a thing).
_PLACE_LEAD = re.compile(r"(?<![\w-])(?:[Ii]n|[Aa]t|[Aa]cross|[Nn]ear|[Oo]utside)[ \u00a0]+$")
GLUED_AFTER = re.compile(r"[A-Za-z]")
STREET_AFTER = regex_cache.compile(
    r"(?:[ \u00a0]+(?:[A-Z][A-Za-z]*\.?|\d+(?:st|nd|rd|th)))"
    r"{0,3}?[ \u00a0]+(?:" + trie_pattern(LEX["street_words"], flexible=False) + r")(?![\w])"
)


def label_before(text: str, start: int, end: int | None) -> str | None:
    """The label word or name right before a figure, if the figure names rather than counts.

    A weak label word ("day") names only when no noun follows: "day 1,436 of the
    siege", but "the day 5 people died". `end` None means: do not look after.
    """
    if not written_before(text, start):
        return None
    m = LABEL_BEFORE.search(text, max(0, start - 14), start)
    if m is not None and (m.group("w") not in _WEAK_LABELS or end is None
                          or noun_after(text, end, through_of=False) is None):
        return m.group("w")
    m = NAME_BEFORE.search(text, max(0, start - 30), start)
    if m is not None and m.group("w") not in _NOT_LABEL and not (
            end is not None and _PLACE_LEAD.search(text, max(0, m.start() - 12), m.start())
            and noun_after(text, end, through_of=False) is not None):
        return m.group("w")
    return None


def strong_label_before(text: str, start: int) -> bool:
    """A label word that names whatever follows it ('the bottom three', 'number one')."""
    if not written_before(text, start):
        return False
    m = LABEL_BEFORE.search(text, max(0, start - 14), start)
    return m is not None and m.group("w") not in _WEAK_LABELS


def is_address(text: str, end: int) -> bool:
    """'575 Wilbraham Road', '9 E 71st St': a house number, not a count."""
    return STREET_AFTER.match(text, end) is not None


# --- ages: "aged 25", "Smith, 44, said", "Nick Hague 44 has" ---------------------------------
AGE_BEFORE = regex_cache.compile(r"(?<![\w])(?:" + trie_pattern(LEX["age_words"], flexible=False) + r")[ \u00a0]+$")
_APPOSITIVE_BEFORE = re.compile(r"[A-Za-z][a-z]+,[ \u00a0]$|[A-Z][a-z]+[ \u00a0]$")
_APPOSITIVE_AFTER = re.compile(r",|[ \u00a0]+(?:has|had|is|was|said|says|who|will|would|told)(?![\w])")


def age_before(text: str, start: int) -> int | None:
    """Where 'aged' / 'age' starts, when it stands right before the figure."""
    if not written_before(text, start):
        return None
    m = AGE_BEFORE.search(text, max(0, start - 8), start)
    return m.start() if m else None


def is_appositive_age(text: str, start: int, end: int, value: float) -> bool:
    """'Maddon, 66, has used': a two-digit number set off after a name is an age."""
    if not (10 <= value < 120 and end - start <= 3 and start >= 3 and text[start - 1] in " \u00a0"
            and (text[start - 2] == "," or text[start - 2].isalpha())):
        return False
    before = _APPOSITIVE_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    after = _APPOSITIVE_AFTER.match(text, end)
    if after is None:
        return False
    if before.group()[:1].islower():  # "a woman, 44, was": only set off by commas on both sides
        return after.group() == ","
    return before.group().endswith(", ") or after.group() != ","


# --- the counted noun ---------------------------------------------------------------------
_STOPS = frozenset(LEX["noun_stops"])
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that",
                          "these", "those", "my", "your", "some", "all", "every", "each"})
_SKIPS = frozenset(LEX["noun_skips"])
NOUN_AFTER = regex_cache.compile(
    r"(?P<of>[ \u00a0]+of(?:[ \u00a0]+(?:the|these|those|its|their|his|her|our|your|them|whom|which))?)?"
    r"((?:[ \u00a0]+[A-Za-z][\w'’\-]*){1,6})"
)
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")


_last_noun: list = [None, -1, True, None]  # (text, end, through_of, answer): asked up to 3 times


def noun_after(text: str, end: int, through_of: bool = True) -> str | None:
    """The head noun of the phrase right after a count: '26 residential buildings' → 'buildings'.

    With `through_of`, "one of the students" gives "students".
    """
    if _last_noun[0] is text and _last_noun[1] == end and _last_noun[2] == through_of:
        return _last_noun[3]
    answer = _noun_after(text, end, through_of)
    _last_noun[:] = [text, end, through_of, answer]
    return answer


def _noun_after(text: str, end: int, through_of: bool) -> str | None:
    m = NOUN_AFTER.match(text, end)
    if m is None or (m.group("of") and not through_of):
        return None
    head = None
    words = _WORD.findall(m.group(2))
    for i, word in enumerate(words):
        low = word.lower()
        if i == 0 and low in _SKIPS:
            continue
        if low in _STOPS or low.endswith("ly") and len(low) > 4:
            break
        if word[0].isupper() and not word.isupper() or any(ch.isdigit() for ch in word):
            continue  # "Ukrainian civilians", "F-16 jets": names and codes modify, never head
        verbish = low.endswith(("ed", "ing"))
        if verbish and head is not None and not (i + 1 < len(words) and _modifies(words[i + 1])):
            break  # "574 drones launched at", but "unmanned aerial vehicles"
        if verbish and head is None and i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS:
            break  # "51,000 filled the stadium": a verb, no noun
        if head is not None and is_plural(head) and not is_plural(word) and word.islower():
            break  # "dozens of residents travel to": a plural head, then its verb
        head = word.strip("'’-")
    return head or None


def is_noun_word(word: str) -> bool:
    """Whether a word may belong to a counted noun phrase (not 'of', 'said', 'quickly')."""
    low = word.lower()
    return low not in _STOPS and not (low.endswith("ly") and len(low) > 4)


def _modifies(next_word: str) -> bool:
    low = next_word.lower()
    return next_word[:1].islower() and low not in _STOPS and not low.endswith(("ed", "ly"))


# --- metres or millions --------------------------------------------------------------------
# Only for a bare '30m' (a currency before it always makes millions: '$30m deal'). The rule:
# a hyphen, a measuring word or nothing after it is metres ('30m-deep', '5m high', 'rose 5m.');
# a plural noun after it is millions ('30m people', '1.2m tons'); a singular word after it is
# metres when an article or possessive stands before the figure, which then describes one thing
# ('the 30m dry shaft', 'a 5m wall'), millions otherwise ('5m watched').
_METRE_WORDS = frozenset(LEX["metre_words"])
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)|[ \u00a0]*-")
_DETERMINER_BEFORE = regex_cache.compile(
    r"(?<![\w])(?:a|an|the|this|that|its|their|his|her|our|A|An|The|This|That|Its|Their|His|Her|Our)"
    r"[ \u00a0]+$"
)


def glued_m_is_million(text: str, start: int, end: int) -> bool:
    """After a bare '1.2m' (span start..end, the 'm' included): million or metres, by the rule above."""
    m = _NEXT_WORD.match(text, end)
    if m is None or m.group(1) is None or m.group(1).lower() in _METRE_WORDS:
        return False
    if is_plural(m.group(1)):
        return True
    return _DETERMINER_BEFORE.search(text, max(0, start - 6), start) is None
