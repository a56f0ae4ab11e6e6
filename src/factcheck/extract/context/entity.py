"""What a figure counts: the head of the noun phrase after it, normalised.

"49 Ukrainian aircraft-type unmanned aerial vehicles" → drone (the longest
lexicon term ending at the head); "26 residential buildings" → building;
"two dead" → no noun but a state (killed), so the caller supplies "person";
"15 others" / "of the total" point back to an earlier figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .words import QUOTES, Token

MAX_PHRASE_WORDS = 6
_APPROXIMATE = frozenset(["odd", "plus", "some", "something"])  # "20-odd drones"
_DETERMINERS = frozenset("the these those its their his her our my your this that such".split())


@dataclass(slots=True)
class NounPhrase:
    entity: str | None = None
    head: str | None = None  # the head noun as written
    end: int = -1  # document offset where the phrase ends (-1: right after the figure)
    end_index: int = -1  # index of the first token after the phrase
    state: str | None = None  # "12 wounded": the measure the missing noun's state names
    modifier_measure: str | None = None  # "15 injured people"
    role: str | None = None  # "32 deaths": the head noun names the measure
    owner: str | None = None  # "Ukrainian drones" → Ukraine
    anaphoric: bool = False  # "15 others", "of the total": the noun is an earlier figure's
    elided: bool = False  # nothing counted is named at all
    part: bool = False  # "five of the dead", "one of the pilots": a share of a larger group
    compound: bool = False  # "a 16-storey building": the figure describes, it counts nothing
    # The phrase's own tokens, for Fact.counted: a named possessor ("Johnson's"), leading
    # modifiers ("other"), the modifiers and the head; the coordinating "and" left out.
    words: tuple[Token, ...] = ()


def read_noun_phrase(lex: Lexicon, tokens: list[Token], i: int, plural_figure: bool) -> NounPhrase:
    """The counted phrase starting at token `i` (the first token after the figure)."""
    np = NounPhrase(end_index=i)
    n = len(tokens)
    if i < n and tokens[i].text in ("-", "–") and i + 1 < n and tokens[i + 1].is_word:
        i += 1
        glued = tokens[i]
        if glued.low not in _APPROXIMATE:
            return glued_noun(lex, glued.text, glued.end, i + 1)
        i += 1  # "20-odd drones": the noun follows
    # "Dozens of residential buildings" counts buildings; "40,000 of the total",
    # "five of the dead", "one of the pilots" are shares of a larger group.
    if i < n and tokens[i].low == "of":
        for k in range(min(5, n - i), 1, -1):
            phrase = " ".join(t.low for t in tokens[i : i + k])
            if phrase in lex.anaphoric:
                np.anaphoric = np.part = True
                j = i + k
                last = tokens[j - 1].low
                if last not in lex.states and j < n and tokens[j].low in lex.states:
                    last = tokens[j].low  # "one of those injured"
                    j += 1
                if last in lex.states:  # "nine of the dead": the role is the whole's
                    np.state = lex.states[last]
                if j < n and tokens[j].low in ("number", "figure", "amount", "count"):
                    j += 1
                np.end, np.end_index = tokens[j - 1].end, j
                return np
        i += 1
        while i < n and tokens[i].low in _DETERMINERS:
            i += 1
            np.part = True
        if i < n and tokens[i].text[0].isdigit():
            i += 1  # "20 of 71 scheduled laps": the noun is the whole's
            np.part = True
        # The whole is plural whatever the share: "one of the heaviest attacks".
        plural_figure = plural_figure or np.part
    owner_at = i
    i = _skip_possessors(lex, tokens, i)
    # A named possessor says whose ("two of Johnson's deputies"); "the gunman's" does not.
    possessor = [
        t for t in tokens[owner_at:i] if t.is_word and t.is_capitalised and t.low not in lex.titles
    ]
    if i >= n or not tokens[i].is_word:
        np.elided = True
        return np
    first = tokens[i]
    if first.low in lex.multipliers:
        # "6.5 times earnings": the figure counts times; what follows is the base
        np.entity = lex.singular(first.low)
        np.head, np.words = first.text, (first,)
        np.end, np.end_index = first.end, i + 1
        return np
    # "six seriously injured", "64 confirmed dead": a word saying how, or how sure
    hedged = first.low.endswith("ly") or first.low in lex.state_hedges
    k = i + 1 if hedged and i + 1 < n else i
    if tokens[k].low in lex.states and not _noun_follows(lex, tokens, k + 1):
        np.state = lex.states[tokens[k].low]
        np.elided = True
        np.end, np.end_index = tokens[k].end, k + 1
        return np
    if (
        first.low in lex.forms
        and first.low not in lex.nouns
        and not _noun_follows(lex, tokens, i + 1)
        and not (plural_figure and lex.looks_plural(first.low))
        and not _coordinated_modifier(lex, tokens, i + 1, plural_figure)
    ) or _participle_ends(lex, tokens, i):
        np.elided = True  # "Scores die in …", "73, raising the …": a verb right after the figure
        return np
    if first.low in lex.anaphoric and not (
        first.low in lex.modifiers and _noun_follows(lex, tokens, i + 1)
    ):
        np.anaphoric = True
        np.end, np.end_index = first.end, i + 1
        return np
    words: list[Token] = []
    leading: list[Token] = []  # "15 other people": kept in the counted phrase, not the entity
    head_at = -1
    j = i
    skipped = 0
    coordinated = False
    while j < n and len(words) < MAX_PHRASE_WORDS:
        t = tokens[j]
        if t.text in QUOTES and words and j + 1 < n and tokens[j + 1].is_word:
            j += 1  # 50,000 Russian 'losses'
            skipped += 1
            continue
        if (
            t.text == "."
            and words
            and "." in words[-1].text
            and j + 1 < n
            and tokens[j + 1].is_word
        ):
            j += 1  # "10 U.S. citizens": the acronym's last dot
            skipped += 1
            continue
        if head_at < 0 and words and _coordinated_modifier(lex, tokens, j, plural_figure):
            j += 1  # "six shipping and trading companies": coordinated modifiers
            skipped += 1
            coordinated = True  # a plural head is ahead: "fire and rescue crews"
            continue
        if not words and t.low in lex.modifiers and _noun_follows(lex, tokens, j + 1):
            leading.append(t)
            j += 1  # "one more indication", "15 other people"
            skipped += 1
            continue
        if _model_number(lex, tokens, j, words):
            words.append(t)  # "two new 737 Max jets", "12 Model 3 cars": part of a name
            j += 1
            continue
        if not t.is_word or t.low in lex.stop_words:
            break
        plural_word = plural_figure and lex.looks_plural(t.low)
        if words and not plural_word and not coordinated and _ends_phrase(lex, t):
            break
        if words and not coordinated and _participle_ends(lex, tokens, j):
            break  # "one channel affiliated with", "one person hiding in"
        if words and not plural_figure and _verb_with_object(lex, tokens, j):
            break  # "one proposal asks Amazon's board"
        words.append(t)
        j += 1
        if plural_word:
            head_at = len(words) - 1
            # A plural head ends the phrase unless another plural noun follows ("police
            # officers"); an -s word with an object after it is a verb ("19 fouls proves it").
            if not (
                j < n
                and tokens[j].is_word
                and tokens[j].low not in lex.stop_words
                and lex.looks_plural(tokens[j].low)
                and not tokens[j].low.endswith("ed")
                and not (j + 1 < n and tokens[j + 1].low in _OBJECT_STARTERS)
            ):
                break
    if not words or _credit(tokens, words, j):
        np.elided = True  # "injuring another 40 Steve Parsons/PA": a photo credit, no noun
        return np
    if head_at < 0:
        head_at = len(words) - 1
    words = words[: head_at + 1]
    if len(words) == 1 and words[0].low in lex.adjective_base:
        np.elided = True  # "40k cheaper than its rivals": a comparison, no noun
        return np
    np.words = (*possessor, *leading, *words)
    np.end = words[-1].end
    np.end_index = _first_index_after(tokens, i, words[-1].end)
    demonyms = lex.places.get("demonyms", {})
    for w in words[:-1]:
        if w.text in demonyms and np.owner is None:
            np.owner = demonyms[w.text]
        if w.low in lex.states and np.modifier_measure is None:
            np.modifier_measure = lex.states[w.low]
    head = words[-1]
    np.head = head.text
    if head.text in demonyms:
        # "killed five Russians": people of that side; a bare adjective names nothing.
        np.owner = np.owner or demonyms[head.text]
        np.entity = "person" if lex.looks_plural(head.low) or not plural_figure else None
        return np
    # The longest lexicon term that ends at the head: "unmanned aerial vehicles" → drone.
    lows = [w.low for w in words]
    for k in range(min(lex.max_noun_words, len(lows)), 0, -1):
        phrase = " ".join(lows[-k:])
        if phrase in lex.role_nouns and phrase not in lex.nouns:
            np.role = lex.role_nouns[phrase]
            break
        entity = lex.nouns.get(phrase)
        if entity:
            np.entity = entity
            break
    if np.entity is None and np.role is None:
        np.entity = lex.singular(head.low)
    if plural_figure and np.role is None:
        _coordinated_heads(lex, tokens, np)
    return np


def _coordinated_heads(lex: Lexicon, tokens: list[Token], np: NounPhrase) -> None:
    """ "158 missiles and drones", "12 soldiers and civilians": one figure counts both
    nouns, so it counts their class (weapon, person), not the first of them."""
    n, j = len(tokens), np.end_index
    if not (j + 1 < n and tokens[j].low in ("and", "or")):
        return
    kind = lex.class_of(np.entity)
    for k in range(j + 1, min(j + 4, n)):
        t = tokens[k]
        if not t.is_word or t.low in lex.stop_words:
            return
        if lex.looks_plural(t.low):
            other = lex.nouns.get(t.low)
            if kind is None or other is None or other == np.entity or lex.class_of(other) != kind:
                return
            np.entity = kind
            np.words = (*np.words, *tokens[j + 1 : k + 1])
            np.end, np.end_index = t.end, k + 1
            return


def _credit(tokens: list[Token], words: list[Token], j: int) -> bool:
    """Capitalised words right before "/AGENCY" are a photo credit ("Carl Court/Getty
    Images"), unless a noun follows the agency ("40 Ford/Mazda engines")."""
    n = len(tokens)
    if not (
        j + 1 < n
        and tokens[j].text == "/"
        and tokens[j + 1].is_word
        and tokens[j + 1].is_capitalised
        and all(w.is_capitalised for w in words)
    ):
        return False
    k = j + 1
    while k < n and tokens[k].is_word and tokens[k].is_capitalised:
        k += 1
    return not (k < n and tokens[k].is_word)


def glued_noun(lex: Lexicon, word: str, end: int, end_index: int) -> NounPhrase:
    """ "a 26-storey building", "a three-stage rocket": the figure counts the glued
    word's units (storeys, stages), not the noun the compound describes."""
    low = word.lower()
    return NounPhrase(
        entity=lex.nouns.get(low) or lex.singular(low),
        head=word,
        end=end,
        end_index=end_index,
        compound=True,
    )


def is_approximate(word: str) -> bool:
    return word.lower() in _APPROXIMATE


def _coordinated_modifier(lex: Lexicon, tokens: list[Token], j: int, plural_figure: bool) -> bool:
    """ "and"/"or" at j joins modifiers of a plural head ahead: "fire and rescue crews"."""
    return (
        plural_figure
        and j < len(tokens)
        and tokens[j].low in ("and", "or")
        and _plural_ahead(lex, tokens, j + 1)
    )


def _plural_ahead(lex: Lexicon, tokens: list[Token], j: int) -> bool:
    for t in tokens[j : j + 3]:
        if not t.is_word or t.low in lex.stop_words:
            return False
        if lex.looks_plural(t.low):
            return True
    return False


def _first_index_after(tokens: list[Token], i: int, offset: int) -> int:
    while i < len(tokens) and tokens[i].start < offset:
        i += 1
    return i


# Words that open a verb's object: after them an -s word was a verb, not a noun.
_OBJECT_STARTERS = frozenset(
    "the a an it them him her us me this that these those his their its our my your".split()
)
_CLAUSE_STARTERS = frozenset(
    "the a an in on at by with from to into onto for of his her their its our out up down off "
    "over".split()
)


def _skip_possessors(lex: Lexicon, tokens: list[Token], i: int) -> int:
    """Past "Mr. Paddock's" / "the gunman's" before the counted noun ("one of Mr. Paddock's
    ex-wives")."""
    n = len(tokens)
    j = i
    while j < n and j - i < 5:
        t = tokens[j]
        if t.low in lex.titles and j + 1 < n and tokens[j + 1].text == ".":
            j += 2
            continue
        if t.is_word and t.possessive:
            nxt = tokens[j + 1] if j + 1 < n else None
            if (
                nxt is not None
                and nxt.is_word
                and nxt.text.islower()
                and nxt.low not in _CLAUSE_STARTERS
            ):
                return j + 1
            break  # "one thing's for certain": "'s" is "is"
        if not (t.is_word and t.is_capitalised):
            break
        j += 1
    return i


def _participle_ends(lex: Lexicon, tokens: list[Token], j: int) -> bool:
    """An -ed/-ing word followed by a function word starts a clause, not a compound noun."""
    low = tokens[j].low
    if (
        not low.endswith(("ed", "ing"))
        or low in lex.nouns
        or low in lex.not_participles
        or len(low) < 5
    ):
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is None or nxt.text in ".;:!?":
        return True
    return nxt.low in _CLAUSE_STARTERS  # not "and"/"or": "shipping and trading companies"


def _model_number(lex: Lexicon, tokens: list[Token], j: int, words: list[Token]) -> bool:
    """A bare number inside the phrase that belongs to a name ("737 Max", "Model 3")."""
    t = tokens[j]
    if not (words and t.text.isdigit() and j + 1 < len(tokens)):
        return False
    nxt = tokens[j + 1]
    return (
        nxt.start > t.end  # "3s" is no name's number
        and nxt.is_word
        and nxt.low not in lex.stop_words
        and (nxt.is_capitalised or words[-1].is_capitalised)
    )


def _verb_with_object(lex: Lexicon, tokens: list[Token], j: int) -> bool:
    """After a singular noun, an -s word followed by an object or a name is a verb."""
    if not lex.looks_plural(tokens[j].low) or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt.low in _OBJECT_STARTERS or (nxt.is_word and nxt.is_capitalised)


def _noun_follows(lex: Lexicon, tokens: list[Token], j: int) -> bool:
    return (
        j < len(tokens)
        and tokens[j].is_word
        and tokens[j].low not in lex.stop_words
        and not _ends_phrase(lex, tokens[j])
    )


def _ends_phrase(lex: Lexicon, t: Token) -> bool:
    """A verb after the noun ends the phrase: "574 drones launched", "one person killed"."""
    if t.low in lex.nouns:  # "glide bomb": a noun that is also a verb stays in the phrase
        return False
    return t.low in lex.forms or t.low in lex.speech_verbs
