"""What a figure measures, read from its clause: thing, owner, phase and era.

- thing: the noun the figure quantifies ("a 12-year-old girl" → girl, "2,129
  points" → point), or the attribute it is a value of ("a depth of 10 km" →
  depth, "home to 90,000 people" → population), in its synonym group.
- owner: whose it is, a proper name: "Klitschko (52-3)", "Rahman, 36",
  "35 km northwest of Herat". Ages take only a name attached to the figure
  (the subject of the sentence is rarely the one whose age it is).
- phase: first / second / revised / previous, from the words before the figure.
- era: a past event the clause names ("in 2004", "years ago"): such figures
  are compared only with figures of the same past.
- day: the weekday of the figure's event its clause names ("Saturday's quake").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexicon import FrameLexicon
from .window import Token, Window

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                        "southeast", "southwest", "north-east", "north-west", "south-east",
                        "south-west", "northern", "southern", "eastern", "western", "off",
                        "from", "outside", "away"})
ATTACH = frozenset({"(", ",", "'s", "’s", "'", "’"})  # "Rahman, 36", "Klitschko (52-3"
LINKS = frozenset({"of", "to", "at", "from", "off", "in", "near", "for"})
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
sixty seventy eighty ninety hundred thousand million dozen dozens""".split())
OPPONENT = frozenset({"against", "vs", "versus", "v", "over", "beat", "beating", "defeated",
                      "passed", "passing", "overtook", "overtaking", "surpassed", "surpassing"})
# Prepositions after a figure that lead to where it is, not to whose it is ("into
# lower Earth orbit"); "to" does tell quantities apart: a payload to Mars, a pass to Hilton.
WHERE_TO = frozenset({"around", "across", "throughout", "near", "in", "at", "inside", "outside",
                      "within", "into", "onto"})
# The first word of a place name that tells it from another: "North Korea" is not
# "South Korea", so a name's last word alone will not do.
SIDES = frozenset({"north", "south", "east", "west", "new", "upper", "lower", "northern",
                   "southern", "eastern", "western", "central"})
ADVERB_ENDINGS = ("ively", "edly", "ously", "ically", "ently", "antly", "ingly")
# Words that cannot open the noun a figure modifies: after them no noun is glued.
FUNCTION_WORDS = LINKS | {"as", "and", "or", "than", "with", "by", "on", "into", "but", "so"}
VERBS = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "can",
                   "could", "may", "might", "should", "must", "did", "does", "do", "been", "be"})


_TO_HEDGES = frozenset(["just", "only", "a", "an", "about", "around", "nearly", "almost"])
_CLAUSE_MARKS = frozenset([";", "—", "–"])


def _this_clause(tokens):
    """The tokens after the last semicolon or dash: "approve 40 new judges; it approved
    25" gives the 25 no phase of the 40's."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in _CLAUSE_MARKS:
            return tokens[k + 1:]
    return tokens


def _to_clause_end(tokens):
    """The tokens before the first semicolon or dash."""
    for k, t in enumerate(tokens):
        if t.text in _CLAUSE_MARKS:
            return tokens[:k]
    return tokens


@dataclass(slots=True)
class Frame:
    thing: str | None = None
    owner: str | None = None
    phase: str | None = None
    era: str | None = None
    cues: list[str] = field(default_factory=list)


class FrameReader:
    """Reads frames with one compiled lexicon; `names` is the document's test for
    a capitalised word being a name (it is never written in lower case there)."""

    def __init__(self, lex: FrameLexicon, lower_words: frozenset[str]):
        self.lex = lex
        self.lower_words = lower_words
        self.quantity_words = frozenset(lex.group_of) | lex.attributes

    # ---------------------------------------------------------------- names
    def names_word(self, t: Token) -> bool:
        """A capitalised word the document never writes in lower case; not an
        abbreviation in capitals ("TD", "USGS": units, agencies, teams' initials)."""
        return (t.is_word and t.capitalised and not t.text.isupper()
                and t.low not in self.lower_words and t.low not in self.lex.not_names)

    def is_name(self, tokens: tuple[Token, ...], i: int, sentence_start: int) -> bool:
        t = tokens[i]
        if not (t.is_word and t.capitalised) or t.low.strip("'’") in self.lex.not_names:
            return False
        if t.low in self.quantity_words or _singular(t.low) in self.quantity_words:
            return False  # "Winds reached 95 mph": a quantity's word opening a sentence
        if t.text.isupper():
            # initials and agencies ("TD", "USGS") are not whose a figure is; a
            # country's are ("UK consumers")
            return _clean(t.text) in self.lex.initial_names
        if any(part in NUMBER_WORDS for part in t.low.split("-")):
            return False  # "Twenty-seven locations": a number opening a sentence
        if "-" in t.text and t.text.rsplit("-", 1)[1].islower():
            return False  # "Ukrainian-born", "Utah-based", "Soviet-era": an adjective
        if t.low.endswith(ADVERB_ENDINGS):
            return False  # "Defensively, the Colts ...": an adverb opening a sentence
        # A capitalised word the document also writes in lower case is a common word
        # (a sentence opener, a headline word), unless it is mixed case ("McDermott").
        mixed = any(c.isupper() for c in t.text[1:]) and not t.text.isupper()
        # "Days later" opens a sentence of a document that writes "days": a common word
        return mixed or (t.low not in self.lower_words and _clean(t.low) not in self.lower_words)

    def _name_at(self, tokens: tuple[Token, ...], i: int, start: int) -> str:
        """The name whose last word is tokens[i], as its last word ("Richard Carter" →
        Carter); a place's side stays with it ("North Korea", "New York")."""
        last = _clean(tokens[i].text)
        if i > 0 and tokens[i - 1].low in SIDES and tokens[i - 1].capitalised:
            return f"{tokens[i - 1].text} {last}"
        return last

    def owner_before(self, w: Window, reach: int = 12) -> tuple[str | None, int]:
        """The nearest name before the figure in its clause, and how far back it is."""
        before = w.before
        verbs = 0
        for k in range(len(before) - 1, max(-1, len(before) - 1 - reach), -1):
            t = before[k]
            if t.low in self.lex.clause_breaks or t.text in (";", ":", "—", "–") :
                return None, -1
            verbs += t.is_word and not t.capitalised and t.low.endswith("ed") and len(t.low) > 4
            if verbs >= 2:
                # "Indonesia triggered a tsunami that killed 230,000 people in 13 countries":
                # a name two verbs back is another clause's subject
                return None, -1
            if self.is_name(before, k, w.sentence_start):
                if self._object(before, k) or self._owns_other(before, k):
                    continue  # "passed Rodney Buford to lead with 2,117 points"
                return self._name_at(before, k, w.sentence_start), len(before) - 1 - k
        return None, -1

    def _owns_other(self, before: tuple[Token, ...], i: int) -> bool:
        """'Gray's gun was loaded with four bullets': a possessive name owns the noun
        after it, not a figure further on; unless the figure is that noun's value
        ('Buford's scoring record of 2,116') or follows at once ('Klitschko's 46 KOs')."""
        t = before[i]
        if not t.low.endswith(("'s", "’s")) or i == len(before) - 1:
            return False
        rest = before[i + 1:]
        if rest[-1].low == "of" and all(x.is_word for x in rest):
            return False  # "Buford's record of 2,116"
        return any(x.is_word and x.low not in self.lex.skip_words for x in rest)

    def _object(self, tokens: tuple[Token, ...], i: int) -> bool:
        """A name that is the object of passing or beating ('passed Rodney Buford',
        'against Oakland') is the other side, and a team a player plays for ('for the
        Chiefs') a side, unless it owns what follows ('broke Buford's record')."""
        if tokens[i].low.endswith(("'s", "’s")) or (i + 1 < len(tokens) and tokens[i + 1].text in ("'s", "’s")):
            return False
        k = i
        while k > 0 and tokens[k - 1].is_word and tokens[k - 1].capitalised:
            k -= 1
        if k > 1 and tokens[k - 1].low == "the" and tokens[k - 2].low == "for":
            return True  # "ran for 226 yards for the Chiefs, including an 84-yard run": the side
        return k > 0 and tokens[k - 1].low in OPPONENT

    def owner_after(self, w: Window, skip: int = 0, reach: int = 5) -> str | None:
        after = w.after
        for k in range(skip, min(len(after), skip + reach)):
            t = after[k]
            if t.low in self.lex.clause_breaks or t.text in (";", ".", ":", ",") or t.low in OPPONENT:
                # "nine carries against Oakland": the other side, not the owner; "27
                # districts, according to Ukrainian officials": another phrase's name
                return None
            if t.text == ")" or t.text[:1].isdigit():
                return None  # "63,800kg (140,660 lb) Payload to Mars": the next figure's words
            if t.low in WHERE_TO:
                return None  # "13 countries around the Indian Ocean": a place, not an owner
            if self.is_name(after, k, w.sentence_start):
                # the name's last word: "Kimi Raikkonen" → raikkonen
                while k + 1 < len(after) and self.is_name(after, k + 1, w.sentence_start):
                    k += 1
                return self._name_at(after, k, w.sentence_start)
        return None

    # ---------------------------------------------------------------- thing
    def glued_noun(self, w: Window, glued: bool) -> tuple[str | None, int, bool]:
        """The head noun after a figure written as a modifier ("12-year-old girl",
        "86-yard touchdown run"): (noun, its index in w.after, capitalised)."""
        after = w.after
        k = 0
        if not glued:
            return None, -1, False
        head, at = None, -1
        while k < len(after) and k < 4:
            t = after[k]
            if not t.is_word or t.low in self.lex.clause_breaks:
                break
            if t.low in FUNCTION_WORDS or t.low in VERBS:
                break  # "a 12-year-old as well as", "the 13-inch has": the noun phrase ends
            if "-" in t.low and t.low.rsplit("-", 1)[1] in self.lex.clause_breaks:
                # "the 12-year-old girl-before resting": a dash lost its spaces
                t = Token(t.text.rsplit("-", 1)[0], t.start, t.end)
                if head is None and t.low not in self.lex.skip_words:
                    head, at = t, k
                break
            if t.low in self.lex.skip_words or t.low.endswith("ly"):
                if head:
                    break
                k += 1
                continue
            name = self.names_word(t)
            if head is not None and (t.low.endswith("ed") or name != self.names_word(head)):
                break  # a verb after the noun ("77-tonne Skylab fell"), or a name's end
            head, at = t, k
            k += 1
            if self.is_noun(t.low) or (head is not None and at >= 1 and k >= 2 and not name):
                break  # a known noun, or two words: the phrase's head ("rain delay")
            if k < len(after) and after[k].text in ("-",):
                break
        if head is None:
            return None, -1, False
        if self.names_word(head):
            return _clean(head.text), at, True  # a name: "the 36-year-old Rahman"
        return self.lex.group(_singular(head.low)), at, False

    def is_noun(self, word: str) -> bool:
        """A word the lexicon knows as a noun: it ends a noun phrase."""
        lex = self.lex
        w = _singular(word)
        return (w in lex.model_nouns or w in lex.ordinal_nouns or w in lex.attributes
                or w in lex.group_of)

    def attribute_near(self, w: Window, reach: int = 6) -> str | None:
        """An attribute noun or synonym phrase near the figure ("a depth of", "home to")."""
        lex = self.lex
        before, after = w.before[-reach:], w.after[:reach]
        for t in reversed(before):
            if t.low in lex.clause_breaks:
                break
            word = _singular(t.low)
            if word in lex.attributes or (word in lex.group_of and lex.group_of[word] in lex.attributes):
                return lex.group(word)
        near = _span_text(w, before, after)
        if lex.group_phrases is not None:
            for m in lex.group_phrases.finditer(near):
                group = lex.group(" ".join(m.group().lower().split()))
                if group in lex.attributes:
                    return group
        for t in after:
            if t.low in lex.clause_breaks or t.text in (".", ";", ",", "”", '"', ")"):
                break  # "by a factor of two,” can lift a payload": another clause's noun
            word = _singular(t.low)
            if word in lex.attributes:
                return lex.group(word)
        return None

    # ---------------------------------------------------------------- phase, era
    def phase(self, w: Window, reach: int = 6) -> str | None:
        pattern = self.lex.phase_phrases
        if pattern is None or not w.before:
            return None
        near = _this_clause(w.before[-reach:])
        text = " ".join(_said(t) for t in near)
        if self.lex.background is not None:
            text = self.lex.background.sub(" ", text)  # "last year" dates a figure: no phase
        found = None
        for m in pattern.finditer(text):
            found = self.lex.phase_of.get(" ".join(m.group().split()))
        return found or self._changed_to(w)

    def _changed_to(self, w: Window, reach: int = 16) -> str | None:
        """ "cut the gap between himself and Rosberg to just 12 points": the new figure
        of a quantity a verb changes, however long its object."""
        words = [t.low for t in _this_clause(w.before[-reach:])]
        k = len(words) - 1
        while k >= 0 and words[k] in _TO_HEDGES:
            k -= 1
        if k > 0 and words[k] == "to" and any(x in self.lex.change_verbs for x in words[:k]):
            return "revised"
        return None

    def era(self, w: Window, story_year: int | None, own_year: str | None,
            reach: int = 10) -> str | None:
        """A past named near the figure: a year before the story's, or a background phrase."""
        near = (*w.before[-reach:], *w.after[:reach + 1])  # one more: the noun after a year
        after = len(w.before[-reach:])
        for i, t in enumerate(near[:after + reach]):
            if YEAR.match(t.text) and t.text != own_year:
                if i >= after and _names_a_noun(near, i):
                    continue  # "a quake hits a region hit by the 2004 tsunami": another thing's year
                year = int(t.text)
                if story_year is None or year < story_year:
                    return t.text
        text = " ".join(_said(t) for t in near[:after + reach])
        if self.lex.background is not None and self.lex.background.search(text):
            return "past"
        return _opening_year(w, story_year, own_year) or self._opening_past(w)

    def _opening_past(self, w: Window) -> str | None:
        """'By comparison, a missile launched in July reached 770 km': a background
        phrase that opens the sentence sets all of it in the past."""
        before = w.before
        comma = next((k for k, t in enumerate(before[:5]) if t.text == ","), None)
        if comma is None or self.lex.background is None:
            return None
        opener = " ".join(_said(t) for t in before[:comma])
        return "past" if self.lex.background.fullmatch(opener) else None

    def day(self, w: Window, reach: int = 8) -> str | None:
        """The weekday of the figure's event its clause names, the nearest first: "the
        6.3-magnitude quake Wednesday morning", "struck Herat on Saturday night". A day
        just after a reporting verb ("police said on Monday") is when it was said; one
        just after "into", "ahead of", "since" is another moment's."""
        forms = self.lex.event_day_forms
        before, after = _this_clause(w.before[-reach:]), _to_clause_end(w.after[:reach])
        named = [(len(before) - i, i, before) for i, t in enumerate(before) if t.low in forms]
        named += [(i + 1, i, after) for i, t in enumerate(after) if t.low in forms]
        for distance, i, tokens in sorted(named, key=lambda n: (n[0], n[2] is after)):
            if self._own_day(tokens, i, modifies=tokens is before and distance == 1):
                return forms[tokens[i].low]
        return None

    def _own_day(self, tokens, i: int, modifies: bool) -> bool:
        """Whether the day at tokens[i] is the figure's; one right before it modifies
        it ("after Saturday's 6.4 quake": that quake's day, whatever links it)."""
        lead = [t.low for t in tokens[max(0, i - 3):i]]
        return (not any(word in self.lex.statement_verbs for word in lead)
                and (modifies or not any(word in self.lex.other_moment_links
                                         for word in lead[-2:])))

    def tier(self, w: Window, reach: int = 6) -> str | None:
        """The tier of a product line a price's clause names: "the basic model starts at
        $2,199" (base), "the higher-end model costs $2,799" (top)."""
        if self.lex.price_tiers is None:
            return None
        text = " ".join(_said(t) for t in (*_this_clause(w.before[-reach:]),
                                            *_to_clause_end(w.after[:reach])))
        m = self.lex.price_tiers.search(text)
        return self.lex.tier_of[" ".join(m.group().split())] if m else None

    def part(self, w: Window, reach: int = 4) -> str | None:
        """'including 13 children', '$281m in cash': "part", a part of a larger whole;
        'one of the rockets', 'two of them': "share", some of the very things counted,
        which says only that there were at least so many."""
        before = " ".join(_said(t) for t in w.before[-reach:])
        if self.lex.part_markers is not None and self.lex.part_markers.search(before):
            return "part"
        if self.lex.part_around is None:
            return None
        m = self.lex.part_around.search(" ".join([before, "#", *(_said(t) for t in w.after[:3])]))
        if m is None:
            return None
        return "share" if m.group().startswith("# of ") else "part"


OPENERS = frozenset({"in", "back in", "since", "during"})


def _opening_year(w: Window, story_year: int | None, own_year: str | None) -> str | None:
    """'In 2004, a quake off Aceh ... killed 230,000 people in 14 countries': a year that
    opens the sentence dates all of it."""
    before = w.before
    for n in (2, 3):
        if len(before) > n and before[n].text == "," and YEAR.match(before[n - 1].text):
            opener = " ".join(t.low for t in before[:n - 1])
            year = before[n - 1].text
            if opener in OPENERS and year != own_year and (story_year is None or int(year) < story_year):
                return year
    return None


DATE_LINKS = frozenset({"in", "since", "from", "until", "till", "during", "of", "before", "after",
                        "by", "between", "and", "to", ","})


def _names_a_noun(tokens, i: int) -> bool:
    """A year written as a modifier of the noun after it ('the 2004 tsunami'), not a date
    ('in 2004', 'since 2004'): the era of that noun, not of a figure before it."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (nxt is not None and nxt.is_word and not nxt.capitalised
            and tokens[i - 1].low not in DATE_LINKS - {"by"})


def _span_text(w: Window, before, after) -> str:
    return " ".join([_said(t) for t in before] + ["#"] + [_said(t) for t in after])


LONG_TOKEN = 48


def _said(t: Token) -> str:
    """A token's lower case for phrase patterns; a run-on token ("1,1,1,…" of a megabyte)
    is no phrase's word, and reading it whole for every figure in it is quadratic."""
    return t.low if len(t.low) <= LONG_TOKEN else "…"


def _clean(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


@cache  # a pure function of a word, asked for the same few words again and again
def _singular(word: str) -> str:
    w = _clean(word)
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]  # "pitches", "crashes", "boxes"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
