"""The role a figure plays (killed, injured, launched, downed, …) from the words that govern it.

Tried in order, first hit wins:
  state      "two dead and 12 wounded"          the word after the figure
  role noun  "32 deaths", "12 arrests"          the counted noun names the role
  modifier   "15 injured people"                a state word inside the phrase
  passive    "15 people were wounded"           be + participle after the noun
  verb       "launched 574 drones", "killing one"   the verb right before the figure
  coordination "launched 574 drones and 40 missiles"  the previous figure's verb
  toll       "the death toll rose to 32"        a toll noun carried by rise/at/of
  active     "three missiles with … struck the city"  a verb after the noun (and a short PP)
"""

from __future__ import annotations

from .entity import NounPhrase
from .lexicon import Lexicon
from .words import QUOTES, Token

# Words between a noun and its participle: "were (also) (reportedly) killed".
_AUXILIARIES = frozenset(
    """
was were is are been being be have has had reportedly also all later subsequently seriously
slightly lightly badly fatally severely still now then who that which allegedly remain remains
either both each mostly mainly apparently initially eventually successfully may potentially
remained
""".split()
)
# Words between a verb and its figure: "launched (more than) 574", "killed (at least) one".
_BEFORE_FIGURE = frozenset(
    """
at least more than over nearly almost about around some roughly approximately up to as many
a total of an estimated another further the its their his her only just all some another
""".split()
)
_CONJUNCTIONS = frozenset(["and", "or", ",", "plus", "&", "as well as", "while"])
_PREPOSITIONS = frozenset("with from in on at near of carrying by during over across into".split())
_PAST_AUX = frozenset("has have had".split())
_ASIDE_OPENERS = frozenset(
    "including among mostly mainly many most some all both among them of whom".split()
)

# (measure, how it was found, the role the words name even when the figure is only
# a share of it: "five of the dead" has no measure but counts people)
Found = tuple[str | None, str | None, str | None]
_RELATIVES = frozenset(["who", "that", "which"])
_NEAR_MISS = frozenset(["nearly", "almost", "narrowly"])
_AMONG = frozenset(["among", "amongst"])
_PARTICLES = frozenset(["down", "up", "off", "out"])
_SHARE_ROLES = frozenset(["state", "role", "modifier"])  # the role named in "of the dead"
# A clause's finite verb after a participle modifier: "… captured in 2014 have been freed".
_FINITE = frozenset("have has had was were is are remain remains remained".split())
_BEEN = frozenset(["been", "being", "be"])
_BE_FORMS = frozenset("was were is are been being be remain remains remained".split())
# Words that open a verb's object: after an active verb the role is the object's.
_OBJECT_OPENERS = frozenset(
    """
the a an his her their its our my your this that these those him them it us me some several
many dozens hundreds thousands one two three four five six seven eight nine ten eleven twelve
""".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    "held hurt shot struck hit slain stuck caught kept left lost sent set cut".split()
)
_AFTER_NOUN = ("passive", "active", "main verb")  # roles named by a verb after the noun
_CLAUSE_ENDS = frozenset(',;:.!?()—–"“”')
_CLAUSE_OPENERS = frozenset("and or but while who which that when after before as".split())


def find_measure(
    lex: Lexicon,
    text: str,
    tokens: list[Token],
    fig_first: int,
    np: NounPhrase,
    entity: str | None,
    sentence_start: int,
    fig_start: int,
    coordinated_measure: str | None,
    is_count: bool,
) -> Found:
    """`tokens` are the sentence's; `fig_first` the index of the figure's first token;
    `np.end_index` the first token after the counted phrase.

    A share of a group ("five of the dead", "one of the pilots who died") takes no
    role from the group's own description, and a grade of a toll ("four were
    seriously injured") none at all: either would read as a smaller toll."""
    measure, how, at = _find(
        lex,
        text,
        tokens,
        fig_first,
        np,
        entity,
        sentence_start,
        fig_start,
        coordinated_measure,
        is_count,
    )
    if measure is None:
        return None, None, None
    if (
        (
            np.part
            and (
                how in _SHARE_ROLES
                or (how in _AFTER_NOUN and _relative_between(tokens, np.end_index, at))
                # "12 relatives, including seven children, were killed": the verb after
                # the aside is the whole's
                or (how in _AFTER_NOUN and any(t.text == "," for t in tokens[np.end_index : at]))
            )
        )
        or (how in _AFTER_NOUN and tokens[at].low in _AMONG)
    ):
        return None, "part", measure  # "five of the dead", "two were among the dead"
    if (at > 0 and tokens[at - 1].low in _NEAR_MISS and how in (*_AFTER_NOUN, "verb")) or (
        how == "state" and any(t.low in _NEAR_MISS for t in tokens[fig_first : np.end_index])
    ):
        return None, "near miss", None  # "two nearly killed": not killed
    subsets = lex.subsets.get(measure)
    if subsets and _graded(tokens, fig_first, np.end_index, at, how, subsets):
        return None, "subset", measure
    return measure, how, measure


def _find(
    lex,
    text,
    tokens,
    fig_first,
    np,
    entity,
    sentence_start,
    fig_start,
    coordinated_measure,
    is_count,
) -> tuple[str | None, str | None, int]:
    """(measure, how, index of the token that named it or -1)."""
    if np.compound:
        return None, None, -1  # "hit a 16-storey building": the verb is the building's
    if np.state:
        k = np.end_index - 2
        if k > fig_first and tokens[k].low.endswith("ly"):
            # "12 critically wounded": a graded state that is a measure of its own
            graded = lex.measures_for(f"{tokens[k].low} {tokens[k + 1].low}", entity)
            if graded:
                return graded, "state", -1
        return np.state, "state", -1
    if np.role:
        return np.role, "role", -1
    if np.modifier_measure:
        found, at = _after(lex, text, tokens, np.end_index, entity, sentence_start, False)
        if found and at > 0 and tokens[at - 1].low in _FINITE | _BEEN:
            return found, "passive", at  # "four detained leaders were released"
        return np.modifier_measure, "modifier", -1  # "100 wounded people": the noun says it
    found, at = _after(lex, text, tokens, np.end_index, entity, sentence_start, allow_pp=False)
    if found:
        if at > 0 and tokens[at - 1].low not in _AUXILIARIES and _participle(tokens[at].low):
            # "21 schoolgirls captured two years ago have been freed": the participle
            # describes the noun; the clause's own verb says what the figure is.
            main, main_at = _main_verb(lex, text, tokens, at, entity, sentence_start)
            if main:
                return main, "main verb", main_at
        return found, "passive", at
    found, at = _verb_before(lex, tokens, fig_first, entity)
    if found:
        return found, "verb", at
    if coordinated_measure and _follows_conjunction(tokens, fig_first):
        return coordinated_measure, "coordination", -1
    if is_count and lex.toll is not None and _toll_possible(lex, tokens, fig_first):
        m = lex.toll.search(
            text, max(0, fig_start - sentence_start - 160), fig_start - sentence_start
        )
        if m:
            return lex.role_nouns[" ".join(m.group("noun").lower().split())], "toll", -1
    found, at = _after(lex, text, tokens, np.end_index, entity, sentence_start, allow_pp=True)
    if found:
        return found, "active", at
    return None, None, -1


def _main_verb(
    lex: Lexicon, text: str, tokens: list[Token], at: int, entity: str | None, sentence_start: int
) -> tuple[str | None, int]:
    """The role named by a finite verb ("have been freed", "were taken to hospital") that
    follows a participle modifier in the same clause."""
    k = finite_after(tokens, at)
    if k < 0:
        return None, -1
    return _after(lex, text, tokens, k, entity, sentence_start, allow_pp=False)


def _participle(low: str) -> bool:
    """A past participle that can modify a noun ("captured", "taken", "held")."""
    return low.endswith(("ed", "en", "wn")) or low in _IRREGULAR_PARTICIPLES


def finite_after(tokens: list[Token], at: int) -> int:
    """The index of the clause's finite verb after a participle modifier at `at`
    ("captured by the militants two years ago | have been freed"), or -1."""
    for k in range(at + 1, min(len(tokens), at + 15)):
        t = tokens[k]
        if t.text in _CLAUSE_ENDS or t.low in _CLAUSE_OPENERS:
            break
        if t.low in _FINITE:
            return k
    return -1


def _relative_between(tokens: list[Token], a: int, b: int) -> bool:
    """A relative clause ("one of the pilots who died") describes the group, not the share."""
    return any(t.low in _RELATIVES for t in tokens[a:b])


def _graded(
    tokens: list[Token], fig_first: int, a: int, at: int, how: str, subsets: frozenset[str]
) -> bool:
    """A grade word by the figure, its noun or its verb: "seriously injuring 4",
    "20 others were slightly hurt", "4 people suffered serious injuries"."""
    if how == "verb":
        return at > 0 and tokens[at - 1].low in subsets
    if how in _AFTER_NOUN:
        for t in tokens[a : min(len(tokens), max(at, a) + 4)]:
            if t.low in subsets:
                return True
            if t.text in ",;:.!?()":
                return False
        return False
    return any(t.low in subsets for t in tokens[fig_first:a])  # "12 seriously wounded"


def _toll_possible(lex: Lexicon, tokens: list[Token], fig_first: int) -> bool:
    """Cheap gate for the toll pattern: the figure follows "to", "at", "of" or a rise verb."""
    j = fig_first - 1
    if j >= 0 and tokens[j].low in ("to", "at", "of", "by"):
        return True  # "bringing the toll to 24" ("to" is skipped below as in "up to")
    while j >= 0 and (tokens[j].text in QUOTES or tokens[j].low in _BEFORE_FIGURE - {"at", "of"}):
        j -= 1
    return j >= 0 and (tokens[j].low in ("to", "at", "of", "by") or tokens[j].low in lex.rise_words)


def _form_at(lex: Lexicon, tokens: list[Token], j: int, entity: str | None) -> str | None:
    """The measure named by the longest verb form starting at token j."""
    if j >= len(tokens) or tokens[j].low not in lex.form_first_words:
        return None  # no form opens with this word (the usual case)
    run = _words_from(tokens, j, 1, min(lex.max_form_words, len(tokens) - j))
    for k in range(run, 0, -1):  # a form is words only
        measure = lex.measures_for(" ".join([t.low for t in tokens[j : j + k]]), entity)
        if measure:
            return measure
    return None


def _words_from(tokens: list[Token], j: int, step: int, most: int) -> int:
    """How many word tokens follow one another from token j on (step -1: back), at most `most`."""
    n = 0
    while n < most and tokens[j + step * n].is_word:
        n += 1
    return n


def _skip_aside(tokens: list[Token], j: int) -> int:
    """Past ", including 10 children," / ", mostly civilians," / "(…)" after a counted noun."""
    n = len(tokens)
    if j < n and tokens[j].text == "(":
        k = j + 1
        while k < n and k - j <= 12 and tokens[k].text != ")":
            k += 1
        return k + 1 if k < n and tokens[k].text == ")" else j
    if j + 1 < n and tokens[j].text == "," and tokens[j + 1].low in _ASIDE_OPENERS:
        k = j + 2
        while k < n and k - j <= 12 and tokens[k].text not in ",;:.!?":
            k += 1
        if k < n and tokens[k].text == ",":
            return k + 1
    return j


def _after(lex, text, tokens, j, entity, sentence_start, allow_pp: bool) -> tuple[str | None, int]:
    n = len(tokens)
    j = _skip_aside(tokens, j)
    if j < n and tokens[j].text == "," and j > 0 and _in_aside(tokens, j):
        j += (
            1  # the figure itself sat in the aside: "84 people, including 10 children, were killed"
        )
    skipped = 0
    passive = relative = False
    while j < n and tokens[j].low in _AUXILIARIES and skipped < 4:
        passive = passive or tokens[j].low in _BE_FORMS
        relative = relative or tokens[j].low in _RELATIVES
        j += 1
        skipped += 1
    if j >= n:
        return None, -1
    if allow_pp:
        if skipped:
            return None, -1  # already tried
        if tokens[j].low in _PREPOSITIONS:
            # Skip one short prepositional phrase: "missiles with cluster munitions struck".
            k = j + 1
            while (
                k < n
                and k - j <= 4
                and tokens[k].is_word
                and _form_at(lex, tokens, k, entity) is None
            ):
                if tokens[k].low in _BE_FORMS and k > j + 1:
                    break  # "three people from the village were killed"
                if tokens[k].low in lex.stop_words and tokens[k].low not in ("the", "a", "an"):
                    return None, -1
                k += 1
            j = _skip_aside(tokens, k)  # "12 members of a family, including …, were killed"
            aux = j
            while j < n and tokens[j].low in _AUXILIARIES and j - aux < 4:
                passive = passive or tokens[j].low in _BE_FORMS
                j += 1
            if j >= n:
                return None, -1
        elif tokens[j].text in QUOTES:
            j += 1
            if j >= n:
                return None, -1
    if not tokens[j].is_word:
        return None, -1
    found = _form_at(lex, tokens, j, entity)
    if found:
        if (
            not passive
            and found not in lex.subject_measures
            and tokens[j].low in lex.transitive
            and (relative or (j + 1 < n and _opens_object(tokens[j + 1])))
        ):
            # "two gunmen (who) killed 5 people": the role is the object's
            return None, -1
        return found, j
    start = tokens[j].start - sentence_start
    for measure, pattern in lex.after:
        if pattern.match(text, start):
            return measure, j
    return None, -1


def _opens_object(t: Token) -> bool:
    return t.low in _OBJECT_OPENERS or t.text[0].isdigit()


def _in_aside(tokens: list[Token], j: int) -> bool:
    """Whether the comma at j closes an aside opened by ", including" before it."""
    k = j - 1
    while k >= 0 and j - k <= 10 and tokens[k].text not in ",;:.!?":
        k -= 1
    return k >= 0 and tokens[k].text == "," and k + 1 < j and tokens[k + 1].low in _ASIDE_OPENERS


def _verb_before(
    lex: Lexicon, tokens: list[Token], fig_first: int, entity: str | None
) -> tuple[str | None, int]:
    j = fig_first - 1
    # Skip qualifiers and quotes the quantity span did not take: "killed (at least) one".
    while j >= 0 and (tokens[j].text in QUOTES or tokens[j].low in _BEFORE_FIGURE):
        j -= 1
    if j < 0 or not tokens[j].is_word or tokens[j].low not in lex.form_last_words:
        return None, -1  # no form closes with this word (the usual case)
    run = _words_from(tokens, j, -1, min(lex.max_form_words, j + 1))
    for k in range(run, 0, -1):  # a form is words only
        measure = lex.measures_for(" ".join([t.low for t in tokens[j - k + 1 : j + 1]]), entity)
        if measure:
            if _unreal(lex, tokens, j - k + 1):
                return None, -1  # "threatened to fire four missiles": not done
            return measure, j - k + 1
    return None, -1


def _unreal(lex: Lexicon, tokens: list[Token], at: int) -> bool:
    """The verb at `at` is a threat, plan or possibility: "could kill", "vowed to free"."""
    b = at - 1
    if b >= 0 and tokens[b].low in lex.unreal_before:
        return True
    return b >= 1 and tokens[b].low == "to" and tokens[b - 1].low in lex.unreal_before


def _follows_conjunction(tokens: list[Token], fig_first: int) -> bool:
    j = fig_first - 1
    while j >= 0 and tokens[j].low in _BEFORE_FIGURE:
        j -= 1
    return j >= 0 and tokens[j].low in _CONJUNCTIONS


def simple_past(tokens: list[Token], fig_first: int, how: str | None) -> bool:
    """Whether the verb that gave the measure reads as a one-off past event
    ("launched 574", "were killed") rather than a running total ("has launched")."""
    if how == "verb":
        j = fig_first - 1
        while j >= 0 and (tokens[j].text in QUOTES or tokens[j].low in _BEFORE_FIGURE):
            j -= 1
        if j >= 1 and tokens[j].low in _PARTICLES:
            j -= 1  # "shot down 431": the verb is "shot"
        verb = tokens[j] if j >= 0 else None
        before = tokens[j - 1].low if j >= 1 else ""
        return (
            bool(verb)
            and (
                verb.low.endswith(("ed", "ing"))
                or verb.low in ("struck", "hit", "shot", "sent", "fired")
            )
            and before not in _PAST_AUX
        )
    return how in (*_AFTER_NOUN, "state")
