"""The frame component: what each figure measures, so that the rules can tell
which figures in different sources are the same quantity.

Requires the context stage's fields (kind, unit, entity, counted, measure);
assigns `dimension`, `thing`, `owner`, `phase`, `era`, `day` and `cues` (the words that
decided, shown to the editor beside a finding). Modules:

  lexicon    data/rules/lexicon/frames.yaml: schema and compiled form
  window     the figure's sentence as tokens before and after it
  dimension  the kind of quantity (length, money in a currency, age, count, …)
  reader     thing, owner, phase and era from the window
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.models import Document, Fact

from .dimension import dimension_of
from .lexicon import FrameLexicon, load_frame_lexicon
from .reader import (
    ATTACH,
    DIRECTIONS,
    FUNCTION_WORDS,
    NUMBER_WORDS,
    VERBS,
    Frame,
    FrameReader,
    _singular,
)
from .window import DocumentTokens, Window, window

# A lower-case word not glued to a word, an apostrophe or a hyphen before it. The
# character before is matched, not looked behind at: the engine then jumps to it.
LOWER_WORD = re.compile(r"[^\w'’-]([a-z][a-z'’-]*)")
ARTICLES = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that"})

OUT_OF = "out of: "  # the cue of a stated whole ("20 of 71 laps"), read by the rules

ASSIGNS = ("dimension", "thing", "owner", "phase", "era", "day", "cues")
REQUIRES = ("kind", "unit", "entity", "counted", "measure", "date")


def assign_frames(doc: Document, facts: Sequence[Fact], lex: FrameLexicon | None = None) -> None:
    """Give every fact of `doc` its frame (in place)."""
    if not facts:
        return
    lex = lex or load_frame_lexicon()
    reader = FrameReader(lex, frozenset(LOWER_WORD.findall(" " + doc.text)))
    story_year = _year(doc.date)
    variants = _variants(doc.text, facts)
    tokens = DocumentTokens(doc.text)
    for fact in facts:
        dimension, _ = dimension_of(fact)
        fact.dimension = dimension
        if dimension is None:
            continue
        w = window(doc.text, fact.start, fact.end, tokens)
        if dimension == "count" and (_place_noun(lex, w) is not None
                                     or (w.before and _singular(w.before[-1].low) in lex.ordinal_nouns)):
            dimension = fact.dimension = "ordinal"  # "on lap 31": a place in a sequence
        frame = _read(reader, doc.text, fact, dimension, w, story_year)
        if frame.thing == "magnitude" and fact.kind != "magnitude" and not _on_scale(fact):
            frame = Frame()  # "three aftershocks measuring magnitude 6.3": no magnitude itself
        elif frame.thing == "magnitude":  # "magnitude 6.2", "measuring 6.3, 5.9 and 5.5"
            fact.dimension, frame.thing = "magnitude", "quake"
            frame.cues[0] = "what: quake"
        if fact.kind == "money" and fact.id in variants:
            model, priced = variants[fact.id]
            if not frame.thing and priced:  # "and $1,499 for the 16-inch": that model's price
                frame.thing = "price"
                frame.cues.insert(0, "what: price")
            frame.owner = model
            frame.cues.append(f"model: {frame.owner}")
        elif fact.kind == "money" and frame.thing and frame.owner is None:
            tier = reader.tier(w)  # "the higher-end model costs $2,799": not the base one's
            if tier:
                frame.owner = tier
                frame.cues.append(f"model: {tier}")
        if frame.thing and (dimension == "count" or dimension.startswith("money:")):
            frame.phase = reader.part(w) or frame.phase
        fact.thing, fact.owner, fact.phase, fact.era = frame.thing, frame.owner, frame.phase, frame.era
        fact.day = reader.day(w)
        if fact.day and frame.thing:
            frame.cues.append(f"day: {fact.day.title()}")
        fact.cues = frame.cues or None
        if fact.dimension == "pair":
            fact.dimension = ("model" if frame.thing == "model" else
                              "record" if frame.thing else "score")


def _on_scale(fact: Fact) -> bool:
    """A bare number that can be a magnitude: no unit, nothing counted, at most 10."""
    return (fact.kind == "count" and not fact.entity and (fact.unit or "count") == "count"
            and fact.value is not None and 0 < fact.value <= 10)


def _read(r: FrameReader, text: str, fact: Fact, dimension: str, w: Window,
          story_year: int | None) -> Frame:
    frame = Frame()
    glued = _glued(text, fact, w)
    noun, at, named = r.glued_noun(w, glued)
    if dimension == "age":
        _age(r, frame, w, noun, at, named)
    elif dimension == "magnitude":
        frame.thing = noun if noun in ("quake", "aftershock") else "quake"
    elif dimension == "caliber":
        frame.thing = "gun"  # ".38-caliber revolver", "a .357 caliber": a gun's calibre
    elif dimension == "pair":
        maker = _maker(r, fact, w)
        if maker:  # "a Boeing 737-800": a model number, compared as the maker's model
            frame.thing, frame.owner = "model", maker
        else:
            _record(r, frame, fact, w)
    elif dimension == "ordinal":
        _ordinal(r, frame, fact, w, noun)
    elif dimension == "count":
        _count(r, frame, fact, w, noun)
    elif dimension.startswith("money:"):
        frame.thing = (r.attribute_near(w) or (noun if glued and not named else None)
                       or _goods(r, w))
    elif dimension == "percent":
        frame.thing = r.attribute_near(w)  # "turnout was 64 percent"; a bare share is no one's
    elif dimension == "year":
        # "the 2007 convictions", "a 2008 conviction": the year of that thing
        frame.thing = noun if glued and noun and not named else None
    elif dimension in ("date", "time_of_day", "score", "record"):
        frame.thing = None  # compared by their own rules, or not yet
    else:
        _measure(r, frame, fact, w, noun, named, glued)
    if frame.thing is None:
        return frame
    frame.cues.insert(0, f"what: {frame.thing}")
    if frame.owner is None and dimension not in ("age", "magnitude", "caliber"):
        owner, _ = r.owner_before(w)
        frame.owner = owner or r.owner_after(w, max(at + 1, 0))
    if frame.owner:
        frame.cues.append(f"whose: {frame.owner}")
    # A person's age or record: "former champion Bowe (43-1)" says who he was, not
    # which record it is.
    frame.phase = r.phase(w) if dimension not in ("age", "pair") else None
    if frame.phase:
        frame.cues.append(f"phase: {frame.phase}")
    own_year = fact.text if fact.kind == "year" else None
    frame.era = r.era(w, story_year, own_year)
    if frame.era:
        frame.cues.append(f"when: {frame.era}")
        if frame.owner is None and fact.location:
            # a past event is told apart by its place: "a quake off Banda Aceh last year"
            frame.owner = fact.location
            frame.cues.append(f"where: {fact.location}")
    return frame


def _age(r: FrameReader, frame: Frame, w: Window, noun, at: int, named: bool) -> None:
    """'a 12-year-old girl', 'the 36-year-old Rahman', 'Rahman, 36', 'a boy, 8 years old'.
    An age of a plural noun ('two 10-year-old children', 'three girls (aged 8, 11
    and 14)') is several people's: no one's age."""
    if noun and 0 <= at < len(w.after) and _plural(w.after[at].low):
        return
    if noun and named:
        frame.thing, frame.owner = "person", noun
    elif noun:
        frame.thing = noun
    before = w.before
    if len(before) >= 2 and before[-1].text in ATTACH:
        k = len(before) - 2
        if r.is_name(before, k, w.sentence_start):
            frame.owner = frame.owner or before[k].text.rstrip("'’")
            frame.thing = frame.thing or "person"
        elif before[k].is_word and before[k].low not in r.lex.skip_words:
            if _plural(before[k].low) or NUMBER_WORDS & set(before[k].low.split("-")):
                return
            frame.thing = frame.thing or r.lex.group(_singular(before[k].low))


PLURALS = frozenset({"children", "men", "women", "people", "teens", "teenagers", "twins"})


def _plural(word: str) -> bool:
    return word in PLURALS or (_singular(word) != word and not word.endswith(("'s", "’s")))


def _record(r: FrameReader, frame: Frame, fact: Fact, w: Window) -> None:
    """'Klitschko (52-3, 46 KOs)', 'improved his record to 52-3': a win-loss record.
    Records with the same losses but other wins cannot both hold; other losses are
    another span of games."""
    words = w.words_before(6)
    in_brackets = bool(w.before) and w.before[-1].text == "("
    if not (in_brackets or "record" in words or fact.kind == "record" or _apposed(r, w)
            or _standing(r, w)):
        return  # "tied at 13-13", "a 45-35 lead": a score
    losses = f"{fact.second:g}" if fact.second is not None else re.findall(r"\d+", fact.text)[1]
    frame.thing = f"record with {losses} losses"


# Words after which a noun phrase has ended: prepositions, conjunctions, verbs.
PHRASE_ENDS = FUNCTION_WORDS | VERBS | frozenset({
    "over", "under", "through", "during", "since", "until", "across", "around", "past",
    "when", "where", "while", "that", "which", "who", "after", "before", "against", "got",
    "came", "saw", "ended", "began", "started", "left", "remaining", "to", "of"})
STANDING = frozenset({"are", "is", "went", "improved to", "moved to", "fell to", "dropped to",
                      "climbed to", "slipped to", "improve to", "move to", "fall to", "drop to"})
NOT_RECORD_AFTER = frozenset({"to", "favourite", "favourites", "favorite", "favorites", "shot",
                              "outsiders", "underdogs", "on", "against", "odds", "up", "down",
                              "ahead", "behind", "at", "after", "with"})


def _standing(r: FrameReader, w: Window) -> bool:
    """'the Colts are 8-1 in close games', 'Reyes improved to 14-2': a team's or a
    fighter's standing after a name ('are 8-1 favourites', 'cut the lead to 45-40' are not)."""
    before = w.before
    if len(before) < 2 or (w.after and w.after[0].low in NOT_RECORD_AFTER):
        return False
    one, two = before[-1].low, " ".join(t.low for t in before[-2:])
    if one in STANDING and r.is_name(before, len(before) - 2, w.sentence_start):
        return True
    return two in STANDING and len(before) >= 3 and r.is_name(before, len(before) - 3, w.sentence_start)


MODEL_NUMBER = re.compile(r"^(\d{3,4})-(\d)00$")


def _maker(r: FrameReader, fact: Fact, w: Window) -> str | None:
    """'a Boeing 737-800', 'the Airbus 330-200': a name, then a number and a variant in
    hundreds names a model (no score or record is written so); the maker's name."""
    if not MODEL_NUMBER.match(fact.text or "") or not w.before:
        return None
    k = len(w.before) - 1
    return w.before[k].text if r.is_name(w.before, k, w.sentence_start) else None


def _apposed(r: FrameReader, w: Window) -> bool:
    """'Champion, Riddick Bowe, 43-1, 33 KOs': a W-L set off by commas right after a
    name that opens its clause is that person's record ('beat Drake, 65-53' is a score:
    the name there is an object)."""
    before = w.before
    if len(before) < 2 or before[-1].text != "," or not r.is_name(before, len(before) - 2, w.sentence_start):
        return False
    if not w.after or w.after[0].text not in (",", ")", ";"):
        return False
    k = len(before) - 2
    while k > 0 and r.is_name(before, k - 1, w.sentence_start):
        k -= 1
    return k == 0 or before[k - 1].text in (",", "(", ":") or before[k - 1].capitalised


def _place_noun(lex: FrameLexicon, w: Window) -> str | None:
    """A count that gives a place in a sequence: 'four pitches into the game' (the
    fourth), 'after 20 of 71 laps' (the 20th): the sequence noun, or None."""
    after = w.after
    if len(after) >= 2 and after[1].low == "into" and _singular(after[0].low) in lex.ordinal_nouns:
        return _singular(after[0].low)
    if len(after) >= 3 and after[0].low == "of" and after[1].text[0].isdigit():
        for t in after[2:4]:
            if _singular(t.low) in lex.ordinal_nouns:
                return _singular(t.low)
    return None


def _ordinal(r: FrameReader, frame: Frame, fact: Fact, w: Window, noun) -> None:
    nouns = r.lex.ordinal_nouns
    place = _place_noun(r.lex, w) if fact.kind != "ordinal" else None
    if place:
        frame.thing = r.lex.group(place)  # "four pitches into the game"
        if w.after[0].low == "of":  # "after 20 of 71 laps": a place out of a stated whole
            frame.cues.append(f"{OUT_OF}{w.after[1].text}")
    elif w.after and _singular(w.after[0].low) in nouns and fact.text[-2:].isalpha():
        if len(w.after) > 1 and w.after[1].is_word and w.after[1].low not in PHRASE_ENDS \
                and w.after[1].low not in r.lex.clause_breaks:
            return  # "a fourth quarter comeback", "a first-round pick": a kind, not a place
        frame.thing = r.lex.group(_singular(w.after[0].low))  # "the 28th lap"
    elif w.before and _singular(w.before[-1].low) in nouns:
        frame.thing = r.lex.group(_singular(w.before[-1].low))  # "lap 20"
    elif noun in nouns:
        frame.thing = noun


def _count(r: FrameReader, frame: Frame, fact: Fact, w: Window, noun) -> None:
    after = w.after
    if (len(after) >= 3 and after[0].text in ("-", "–") and after[1].is_word and after[2].is_word
            and after[2].low not in FUNCTION_WORDS and after[2].low not in VERBS
            and after[2].low not in r.lex.clause_breaks):
        return  # "two three-point plays", "a 13-play drive": a kind of the noun after, no count of it
    thing = fact.entity or (fact.counted.split()[-1] if fact.counted else None)
    attribute = r.attribute_near(w)
    if attribute and not (thing and _names_own_noun(w, thing) and thing not in PEOPLE):
        frame.thing = attribute  # "home to 90,000 people": population
        return
    if thing in ("person", "people") and fact.counted:
        counted = fact.counted.split()[-1]  # "670 patients": the people it counts are patients
        if _singular(counted) not in r.lex.casualty_groups and counted not in r.lex.casualty_groups:
            thing = counted
    if thing in (None, "person", "people", "location", "time", "year"):
        thing = _of_total(w) or None  # "20 of 71 scheduled laps"
    if thing and any(t.low == thing and t.text[1:].islower() and r.names_word(t)
                     for t in (*w.before[-6:], *w.after[:6])):
        return  # "the next six helped him overtake Buford (2,116)": a name is no thing counted
    if thing and thing not in r.lex.not_names:
        frame.thing = r.lex.group(_singular(thing))


PEOPLE = frozenset({"person", "people", "resident", "inhabitant"})


def _names_own_noun(w: Window, thing: str) -> bool:
    """The figure counts the noun right after it ("landing its three boosters"): an
    attribute nearby ("launching its payload") is another noun's."""
    return any(_singular(t.low) == thing for t in w.after[:3])


def _of_total(w: Window) -> str | None:
    after = w.after
    if len(after) >= 3 and after[0].low == "of" and after[1].text[0].isdigit():
        for t in after[2:5]:
            if t.is_word and t.low not in ("the", "a", "scheduled", "planned", "total"):
                return t.low
    return None


def _measure(r: FrameReader, frame: Frame, fact: Fact, w: Window, noun, named: bool,
             glued: bool) -> None:
    after = w.words_after(3)
    if after and after[0] in DIRECTIONS and ("of" in after or after[0] in ("from", "off")
                                             or after[:2] == ["away", "from"]):
        frame.thing = "distance"  # "35 kilometers northwest of Herat", "800 miles away from Tokyo"
        at = after.index("of") + 1 if "of" in after else 2 if after[0] == "away" else 1
        frame.owner = _reference(r, w, at)
        return
    if after and after[0] in ("after", "before") and len(w.after) > 1:
        head = _phrase_head(r, w.after[1:6])
        if head:
            # "two minutes after a bird strike warning": time after the warning
            frame.thing = f"time {after[0]} {head}"
            return
    if noun in r.lex.model_nouns:
        return  # "the 13-inch model": a size that names a model, not a measurement
    if noun and glued:
        if named and fact.dimension == "[length]":
            return  # "the 13-inch MacBook", "a 65-inch Bravia": a size that names a model
        if named:  # "77-tonne Skylab": its weight; "a 40-metre Leviathan": its size
            frame.thing = "weight" if fact.dimension == "[mass]" else "size"
            frame.owner = noun
        else:
            frame.thing = noun  # "an 86-yard touchdown run"
        return
    frame.thing = r.attribute_near(w)


PLACE_HEADS = frozenset({"city", "town", "village", "capital", "province", "region",
                         "district", "county", "state", "country", "island"})


def _reference(r: FrameReader, w: Window, at: int) -> str | None:
    """What a distance is measured from: a name ("of Herat", "from the city of
    Herat"), a name and the noun it qualifies ("from the Italian border": Italian
    border), or a common noun ("50m from the scene": scene). A bare place noun
    ("from the city") is the story's place: no owner of its own."""
    name = r.owner_after(w, at, reach=3)
    head = _phrase_head(r, w.after[at:at + 5])
    if head is None or head in PLACE_HEADS or (name and head == _singular(name.split()[-1].lower())):
        return name
    return f"{name} {head}" if name else head


VALUED = frozenset({"worth", "valued", "value"})


def _goods(r: FrameReader, w: Window) -> str | None:
    """What a sum is the value of: '£35,000 (worth) of jewellery', 'a necklace worth
    £1.2m', 'watches valued at $2.6m'."""
    after = w.after
    k = 0
    if after and after[0].text == "(" and ")" in (t.text for t in after[:8]):
        k = 1 + next(i for i, t in enumerate(after) if t.text == ")")  # "€3m (£2.6m) of"
    elif after and after[0].text == ")":
        k = 1  # the conversion in brackets: "(£2.6m) of jewellery"
    if len(after) > k and after[k].low == "worth":
        k += 1
    if len(after) > k + 1 and after[k].low == "of":
        head = _phrase_head(r, w.after[k + 1:k + 5])
        if head:
            return r.lex.group(head)
    before = w.words_before(4)
    for i in range(len(before) - 1, -1, -1):
        if before[i] in VALUED:
            k = len(w.before) - (len(before) - i) - 1  # the word before "worth"
            if k >= 0 and w.before[k].is_word and w.before[k].low not in PHRASE_ENDS \
                    and w.before[k].low not in ARTICLES:
                return r.lex.group(_singular(w.before[k].low))
            return None
    return None


def _phrase_head(r: FrameReader, tokens) -> str | None:
    """The head of the noun phrase opening `tokens`: its last word before punctuation,
    a verb or a clause break ("a bird strike warning was issued" → warning, "the
    tower's warning," → warning). None when a verb comes first ("after taking off")."""
    head = None
    for t in tokens:
        if not t.is_word or t.low in r.lex.clause_breaks or t.low in VERBS:
            break
        if t.low in ARTICLES or t.low in r.lex.skip_words:
            if head is not None:
                break
            continue
        if t.low.endswith("ed") or (head is None and t.low.endswith("ing")):
            break
        head = t.low
    return _singular(head) if head else None


def _glued(text: str, fact: Fact, w: Window) -> bool:
    """The figure modifies the noun after it: '12-year-old girl', 'a $2.5m necklace'."""
    if "-" in fact.text.strip("-") and fact.text[-1].isalpha():
        return True
    if text[fact.end : fact.end + 1] in ("-", "–"):
        return True
    return bool(w.before) and w.before[-1].low in ARTICLES and bool(w.after) and w.after[0].is_word


FOR_MODEL = re.compile(r"\s+for\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?$")


def _variants(text: str, facts: Sequence[Fact]) -> dict[int, tuple[str, bool]]:
    """Money figures next to a size that names a model ('the 13-inch costs $1,199'):
    fact id → (the size, written as a model name ('13-inch'), whether the money is
    said to be for it: '$1,499 for the 16-inch')."""
    sizes = [f for f in facts if f.kind == "measure" and "-" in f.text and f.text[-1].isalpha()]
    if not sizes:
        return {}
    out: dict[int, tuple[str, bool]] = {}
    for f in facts:
        if f.kind != "money":
            continue
        # "$1,099 for the base 13-inch": the size the price is for; else the size named
        # before it in its sentence, its subject ("the 13-inch starts at $1,199", "the
        # 13-inch comes in $1,199 and $1,499 versions; the 15-inch ...")
        model, priced = None, False
        for z in sizes:
            if z.start >= f.end and FOR_MODEL.match(text, f.end, z.start):
                model, priced = z, True
                break
            if z.end <= f.start and f.start - z.end <= 80 \
                    and not any(c in text[z.end: f.start] for c in ".;"):
                model = z  # sizes are in text order: the last one before wins
        if model is not None:
            out[f.id] = (model.text.lower(), priced)
    return out


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


__all__ = ["ASSIGNS", "OUT_OF", "REQUIRES", "assign_frames", "load_frame_lexicon"]
