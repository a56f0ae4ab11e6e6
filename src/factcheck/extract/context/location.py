"""The place a figure is about, which is not every place its sentence names.

Place names come from the gazetteer (places.py). Each mention is classed by the
words around it: a locative cue ("in", "near", "the city of", "the X region")
makes it a place where something happened; a possessive or a speaking subject
("Moscow's intentions", "Kyiv says") is a side, not a place; a country counts
only as "in Ukraine" in the figure's own clause, never as the attacker
("Russia launched") or the target of a nationwide barrage ("at Ukraine").
Sentences that refer back ("struck the city", "he added") take the place of
the sentence they continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck import regex_cache
from factcheck.regex_lead import with_lead

from .lexicon import Lexicon
from .places import BIG_CITY, Place

# Capitalised runs, possibly hyphenated or with an inner apostrophe ("Ivano-Frankivsk").
# The capital comes first and the look-behind after it, so that the regex engine skips
# to capitals in C instead of trying the look-behind at every character.
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,5}")
_AFTER_NOUN = re.compile(r"^\s+([a-z]+)\b", re.I)
_NAMED_AFTER = re.compile(r"^\s+[A-Z][a-z]")  # a name right after: "Nice's Promenade"
_AWAY = frozenset("from to with against toward towards by versus vs and between".split())
_DISTANCES = frozenset("km kilometres kilometers miles metres meters mi".split())
_SPEECH = frozenset("said says claimed told".split())
_DIRECTION = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"|central|southern|northern|eastern|western|occupied|embattled|besieged|frontline|front-line"
    r"|russian-occupied|russian-controlled|ukrainian-controlled|neighbouring|neighboring|nearby"
    r"|industrial|southeastern|northeastern|southwestern|northwestern)"
)


# Only these put a figure inside a country: "in Ukraine", not "at Ukraine" (a target).
_IN_COUNTRY = frozenset(["in", "inside", "within", "across", "throughout"])


_DIRECTIONS = regex_cache.compile(_DIRECTION + "$")
# A locative "there" ("were injured there") refers back to a place; an existential
# one ("there were", "there's") does not. Lower case only: "There were …" opens sentences.
# The word comes first and the look-behind after it, so that the engine skips to "there".
_THERE = regex_cache.compile(
    r"there(?<![\w-]there)(?!['’]s)(?![\w-])(?!\s+(?:is|are|was|were|has|have|had|will|would|could|can|"
    r"may|might|must|should|seems?|seemed|appears?|appeared|remains?|remained|being|been|be|"
    r"exists?|existed|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't)\b)"
)


def _strip_possessive(name: str) -> str:
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("'", "’")):
        return name[:-1]
    return name


@dataclass(slots=True)
class Mention:
    start: int  # offsets in the sentence text
    end: int
    place: Place
    cue: int  # 2 locative/place noun, 1 none, 0 unusable (side, origin, target)
    locative_prep: bool  # "in X" / "in the city of X": a country may be a location only so


# A colon that introduces what follows (not one inside a clock time, "9:34").
_INTRODUCES = re.compile(r":\s")
# What joins the names of a list of places: "Kyiv, Odesa and Lviv".
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed_apart(text: str, mentions: list[Mention], m: Mention, at: int, end: int) -> bool:
    """Whether `m` is one of a list of places ("Kyiv, Odesa and Lviv"; two only when
    "and" joins them, not "Kyiv, Ukraine") and the figure at `at`-`end` stands outside
    the list: then the figure is about all of them, not about the place nearest it."""
    def joined(a: Mention, b: Mention) -> bool:  # mentions come in text order
        return _LIST_JOIN.fullmatch(text, a.end, b.start) is not None

    first = last = mentions.index(m)
    while first > 0 and joined(mentions[first - 1], mentions[first]):
        first -= 1
    while last + 1 < len(mentions) and joined(mentions[last], mentions[last + 1]):
        last += 1
    start, stop = mentions[first].start, mentions[last].end
    listed = last - first + 1 >= 3 or (last > first and " and " in text[start:stop])
    return listed and (end <= start or at >= stop)


# A place phrase right after a figure: "22 in Suzu", "five at Anamizu".
_OWN_PLACE = re.compile(r"[ \t]+(?:in|at|near)[ \t]+[A-Z]")
# Month and day names that are also towns ("March" in England): in news they are dates.
_CALENDAR = frozenset("""January February March April May June July August September October
November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
_OWN_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
# "3 in March", "2 in The Times": a date or a title, not a list item's own place
_NOT_OWN_PLACE = _CALENDAR | {"The", "A", "An"}
# "Wajima and Suzu each have 24 deaths", "each of Wajima and Suzu reported 24": the
# figure holds for every place of the list (at most a verb between "each" and it).
_EACH_AFTER = re.compile(r"\s+each(?:\s+(?:have|has|had|reported|recorded|counted|saw|"
                         r"lost|confirmed|with|of))?\s+(?:\w+\s+)?$", re.I)
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*"
_NAME_LIST = re.compile(rf"(?P<names>{_NAME}(?:,\s*{_NAME})*,?\s+and\s+{_NAME})$")
# The separator of such a list in a fact's location (place names hold "and" and commas).
EACH_PLACE = "; "


def _longest_first(word: str) -> tuple[int, str]:
    """Longest first (a word wins over its prefix), then alphabetical. Equal lengths never
    match at one place, so their order changes no match; but a set's own order changes
    with each process's string hashing, and a pattern that changes is a miss of the
    compiled-regex cache (regex_cache) at every start, and a rewrite of it at every exit."""
    return -len(word), word


class PlaceReader:
    """Compiled cue patterns for one lexicon."""

    def __init__(self, lex: Lexicon):
        cfg = lex.places
        self.gaz = lex.gazetteer
        self.singular = lex.singular
        self.demonyms = frozenset(cfg.get("demonyms", {}))
        anaphors = "|".join(
            re.escape(a).replace(r"\ ", r"\s+")
            for a in sorted(cfg.get("anaphors", []), key=len, reverse=True)
        )
        areas = "|".join(f"(?:{a})" for a in cfg.get("areas", []))
        # "… in 13 countries": the area, within the figure's clause (no comma before it)
        self.area = regex_cache.compile(
            rf"[^,;.]{{0,60}}?(?<![\w-])(?P<area>{areas})(?![\w-])", re.I) if areas else None
        self.place_nouns = frozenset(n.lower() for n in cfg.get("place_nouns", []))
        self.locative = frozenset(w.lower() for w in cfg.get("locative", []))
        self.official_words = frozenset(cfg.get("official_words", []))
        self.official_low = frozenset(w.lower().removesuffix("'s") for w in self.official_words)
        self.function_words = lex.stop_words
        self.after_speaks = regex_cache.compile(
            r"^(?:['’]s?)?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|claims|claimed|announced|accused|denied|insists|insisted|warned|wants|wanted|launched|fired|sent|attacked|struck|dropped|hit|shot|reported|told|is|was|has|had)\b",
            re.I,
        )
        # searched in every sentence with a figure: worth the look-ahead's parse at start
        self.anaphor = (regex_cache.compile(with_lead(rf"(?<![\w-])(?:{anaphors})(?![\w-])", re.I),
                                            re.I) if anaphors else None)
        self.struck_words = frozenset(w.lower() for w in cfg.get("struck_words", []))
        struck = "|".join(re.escape(w) for w in sorted(self.struck_words, key=_longest_first))
        under = "|".join(
            re.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(cfg.get("under_fire", []), key=len, reverse=True)
        )
        alternatives = []
        if struck:
            # "Lutsk was hit", "Kharkiv has been repeatedly shelled", "Odesa, hit by"
            alternatives.append(
                r"(?:(?:was|were|is|are|has\s+been|had\s+been|have\s+been|got)\s+"
                rf"(?:[a-z]+ly\s+|also\s+|again\s+)?(?:{struck})|,?\s*(?:{struck})\s+by)\b"
            )
        if under:
            alternatives.append(
                r"(?:came|comes|come|has\s+come|had\s+come|was|were|is|are|remains?|remained)"
                rf"\s+under\s+(?:(?:heavy|intense|renewed|massive|a)\s+)?(?:{under})\b"
            )
        comparison = "|".join(re.escape(w.lower()) for w in cfg.get("comparison_words", []))
        self.comparison = regex_cache.compile(rf"\b(?:{comparison})\b", re.I) if comparison else None
        # Before the name, within its clause: "unlike Kyiv" (but not "Unlike Kyiv, Lviv").
        self.comparison_before = (
            regex_cache.compile(rf"\b(?:{comparison})\b[^,;:.()]*$", re.I) if comparison else None
        )
        attacker = sorted(
            self.struck_words | {w.lower() for w in cfg.get("attacker_verbs", [])},
            key=_longest_first,
        )
        self.attacker_after = (
            regex_cache.compile(
                r"^\s+(?:has\s+|had\s+|have\s+)?(?:"
                + "|".join(re.escape(w) for w in attacker)
                + r")\b(?!\s+by\b)",
                re.I,
            )
            if attacker
            else None
        )
        # A place struck as a passive subject is where the story now is.
        self.struck_after = (
            regex_cache.compile(r"^(?:['’]s)?\s+(?:" + "|".join(alternatives) + ")", re.I)
            if alternatives
            else None
        )

    def mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        lookup = self.gaz.lookup
        demonyms = self.demonyms
        max_words = self.gaz.max_words
        for m in _CAPITALISED.finditer(text):
            run = m.group()
            if " " not in run:  # the common case: one capitalised word
                bare = _strip_possessive(run)
                place = lookup(bare)
                if place is None and bare.endswith("."):
                    bare = bare[:-1]
                    place = lookup(bare)
                if place and bare not in demonyms and bare not in _CALENDAR:
                    name = run[:-1] if run.endswith(".") and not bare.endswith(".") else run
                    mention = self._classify(
                        text, m.start(), m.start() + len(name), bare, name, place
                    )
                    if mention:
                        out.append(mention)
                continue
            # Longest name first, from each start word: "Kryvyi Rih", "Gaza Strip".
            parts = run.split(" ")
            pos = m.start()
            i = 0
            while i < len(parts):
                hit = None
                for k in range(min(len(parts) - i, max_words), 0, -1):
                    name = " ".join(parts[i : i + k])
                    bare = _strip_possessive(name)
                    place = lookup(bare)
                    if place is None and bare.endswith("."):
                        bare = name = bare[:-1]
                        place = lookup(bare)
                    if place and bare not in demonyms:
                        hit = (k, name, bare, place)
                        break
                if hit is None:
                    pos += len(parts[i]) + 1
                    i += 1
                    continue
                k, name, bare, place = hit
                if self._inside_other_name(parts, i, k):
                    pos += len(name) + 1
                    i += k
                    continue
                mention = self._classify(text, pos, pos + len(name), bare, name, place)
                if mention:
                    out.append(mention)
                pos += len(name) + 1
                i += k
        return out

    def _inside_other_name(self, parts: list[str], i: int, k: int) -> bool:
        """A place name inside another proper name is not that place: "New York Times",
        "Mandalay Bay", "Congregation B'nai Israel"; but "Kyiv City Council" and
        "In Kyiv" keep it."""
        if i + k < len(parts) and not parts[i + k - 1].endswith(("'s", "’s")):
            # Kept when the name goes on to an official body ("Kyiv City Military
            # Administration", "London Fire Brigade"), or ends with a possessive
            # ("Nice's Promenade"); else it is another name.
            rest = [_strip_possessive(w).rstrip(".") for w in parts[i + k :]]
            if not any(w in self.official_words for w in rest):
                return True
        if i > 0:
            before = parts[i - 1].lower()
            if before not in self.function_words and not _DIRECTIONS.match(before):
                return True
        return False

    def _cues_before(self, text: str, start: int) -> tuple[bool, str | None, bool]:
        """(strong, locative preposition, away) from the few words before a name:
        "in the western city of" → strong, "in"; "from the" → away ("from Russia")."""
        words = [
            w.strip(",;:()'\"‘’“”").lower() for w in text[max(0, start - 60) : start].split()[-6:]
        ]
        strong, prep, away = False, None, False
        k = len(words)
        if (
            k >= 2
            and words[-1] == "of"
            and (_DIRECTIONS.match(words[-2]) or words[-2] in _DISTANCES)
        ):
            return False, None, True  # "60 miles south of Seoul": measured from there, not in it
        if k >= 2 and words[-1] == "of" and words[-2] in self.place_nouns:
            strong = True
            k -= 2  # look for the preposition before "the western city"
            for w in reversed(words[:k][-4:]):
                if w in self.locative:
                    prep = w
                    break
            return strong, prep, away
        j = k - 1
        while j >= 0 and (words[j] == "the" or _DIRECTIONS.match(words[j])):
            j -= 1
        if j >= 0:
            w = words[j]
            if w in self.locative:
                prep = w
            elif w in self.struck_words:
                strong = True  # "a missile struck Lutsk": the place attacked
            elif (
                w in _AWAY or w in _SPEECH or (w == "to" and j > 0 and words[j - 1] == "according")
            ):
                away = True
        return strong, prep, away

    def _classify(
        self, text: str, start: int, end: int, bare: str, name: str, place: Place
    ) -> Mention | None:
        after = text[end : end + 40]
        possessive = name != bare
        strong, prep, away = self._cues_before(text, start)
        noun_after = (
            bool(_AFTER_NOUN.match(after))
            and _AFTER_NOUN.match(after).group(1).lower() in self.place_nouns
        )
        strong = (
            strong
            or noun_after
            or bool(self.struck_after is not None and self.struck_after.match(after))
        )
        locative_prep = prep in _IN_COUNTRY
        if possessive and not noun_after and not (prep and _NAMED_AFTER.match(after)):
            # "Moscow's intentions", "Russia's defence ministry" — but "on Nice's
            # Promenade des Anglais" is in Nice.
            return Mention(start, end, place, 0, False)
        if not strong and not prep:
            if away or self.after_speaks.match(after):
                return Mention(
                    start, end, place, 0, False
                )  # "from Russia", "Kyiv says", "Russia launched"
        if place.kind == "city":
            # A small town's name, or a city's name in another language ("Luck" is Lutsk
            # in Polish, and an English word), is a place only where the words say so.
            small = (place.population < BIG_CITY or bare in self.gaz.not_places
                     or self.gaz.is_alternate(bare, place))
            if small and not (strong or prep):
                return None
        return Mention(start, end, place, 2 if (strong or prep) else 1, locative_prep)

    def last_country(self, text: str, mentions: list[Mention], before: int) -> str | None:
        """The country named last before `before` that is not the attacker: the one
        "the country's air force" belongs to."""
        for m in reversed(mentions):
            if m.end > before or m.place.kind != "country":
                continue
            if self.attacker_after is not None and self.attacker_after.match(text, m.end):
                continue  # "Russia launched …": the attacker, not the speaker's country
            return m.place.name
        return None

    def is_official(self, speaker: str) -> bool:
        """Whether a speaker is a place's authority ("the Kyiv city administration")."""
        words = speaker.lower().replace("’", "'").split()
        return any(w.removesuffix("'s") in self.official_low for w in words[1:] + words[-1:])

    def area_after(self, text: str, end: int) -> str | None:
        """The area a figure's clause spreads it over ("13 countries", "Asia"), if any."""
        m = self.area.match(text, end) if self.area else None
        if not m:
            return None
        words = m.group("area").split()
        if words[0].lower() in ("in", "across", "throughout"):
            words = words[1:]
        if words and words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
        return " ".join(w if w[0].isupper() or w[0].isdigit() else w.lower() for w in words)

    def choose(
        self, text: str, mentions: list[Mention], at: int, end: int | None = None
    ) -> str | None:
        """The place the figure at sentence offsets `at`-`end` is about."""
        end = at if end is None else end
        best = None
        best_key = None
        for m in mentions:
            if m.cue == 0:
                continue
            if m.place.kind == "country":
                # Countries only as "in Ukraine" in the figure's own clause.
                lo, hi = (m.end, at) if m.end <= at else (at, m.start)
                if not m.locative_prep or any(c in text[lo:hi] for c in ",;:—()"):
                    continue
                rank = 0
            else:
                rank = m.cue
            if self.comparison is not None and (
                self.comparison.search(text, end, m.start)
                if m.start >= at
                else self.comparison_before.search(text, max(0, m.start - 24), m.start)
            ):
                continue  # "died, in stark contrast with the rampage in Nice"
            # In a list ("31 died in Wajima, 22 in Suzu") a place across a comma or a
            # semicolon is another item's: the figure's own clause comes first.
            lo, hi = (m.end, at) if m.end <= at else (end, m.start)
            own_clause = not any(c in text[lo:hi] for c in ",;")
            key = (rank, own_clause, -(m.start - end if m.start >= at else at - m.end))
            if best_key is None or key > best_key:
                best, best_key = m, key
        if best is not None and _listed_apart(text, mentions, best, at, end):
            return None  # "cities including Kyiv, Odesa and Lviv, killing over 40": all of them
        if best is not None and best.start >= end and _INTRODUCES.search(text, end, best.start):
            return None  # "killed 40 people: 15 in Sumy, 11 in Poltava": the items' total
        own = _OWN_PLACE.match(text, end)
        if own and best is not None and best.start != own.end() - 1:
            # "31 died in Wajima, 22 in Suzu": the item's own place, though not one the
            # gazetteer knows, in a list of places it does know
            name = _OWN_NAME.match(text, own.end() - 1)
            listed = (best.place.kind != "country" and name
                      and name.group().split()[0] not in _NOT_OWN_PLACE)
            return name.group() if listed else None
        return best.place.name if best else None

    def each_of(self, text: str, mentions: list[Mention], at: int) -> str | None:
        """'Wajima and Suzu each have 24 deaths': the places the figure at sentence
        offset `at` holds for, one by one (joined by EACH_PLACE), or None. The names
        are places the gazetteer knows, or any names after a plural place noun ("the
        municipalities of Wajima and Suzu"): "Smith and Jones each scored 20" is no list
        of places."""
        if "each" not in text[:at].lower():
            return None  # (the pattern, tried at every space before the figure, needs the word)
        each = _EACH_AFTER.search(text, 0, at)
        if each is None or each.end() != at:
            return None
        listed = _NAME_LIST.search(text, 0, each.start())
        if listed is None or listed.end() != each.start():
            return None
        names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("names"))]
        known = {m.start: m.place.name for m in mentions}
        offset = listed.start("names")
        places: list[str | None] = []  # each name's place, None when the gazetteer lacks it
        for name in names:
            at_name = text.find(name, offset)
            offset = at_name + len(name)
            places.append(known.get(at_name) or (name if self.gaz.lookup(name) else None))
        words = text[max(0, listed.start() - 30):listed.start()].lower().split()
        nouned = self.place_nouns & {self.singular(w) for w in words}
        if len(names) < 2 or not (all(places) or nouned):
            return None
        return EACH_PLACE.join(p or n for p, n in zip(places, names, strict=True))

    def topic(self, text: str, mentions: list[Mention]) -> str | None:
        """The place a sentence is about, for later sentences that refer back to it."""
        usable = [m for m in mentions if m.cue > 0 and m.place.kind != "country"]
        if not usable:
            return None
        return max(usable, key=lambda m: (m.cue, -m.start)).place.name

    def refers_back(self, text: str) -> bool:
        return bool(
            (self.anaphor and self.anaphor.search(text))
            or ("there" in text and _THERE.search(text))
        )
