"""The counted noun phrase as words (Fact.counted), beside the lexicon's entity.

"26 residential buildings" → "residential building"; "one of the best wireless
speakers" → "good wireless speaker"; "two of Johnson's deputies" → "johnson
deputy". Where `entity` is the lexicon's head for comparing figures (building,
person), `counted` keeps what the phrase says about the things counted:
modifiers and noun modifiers stay, lower case, the head singular, comparatives
and superlatives reduced to their base. Determiners, numbers and stop words
never enter; words that qualify the figure ("15 more people", "an estimated
200") and participles that say what happened to the things ("40 injured
people", which is the measure's business) are left out. The word lists are
data: data/rules/lexicon/counted.yaml and entities.yaml.
"""

from __future__ import annotations

from .entity import NounPhrase
from .lexicon import Lexicon
from .words import Token

# Words before a figure that open its phrase: "a record 32 goals", "the top three seeds".
_OPENERS = frozenset("a an the its their his her our my your".split())
_DOMAIN_SKIP = frozenset("the a an its their his her our my your this that these those".split())
_SUPERLATIVE_WORDS = frozenset(["most", "least"])
MAX_TAIL = 4  # content words of an "of"-complement or a superlative's domain


def counted_phrase(lex: Lexicon, tokens: list[Token], fig_first: int, np: NounPhrase) -> str | None:
    """The counted phrase of the figure whose first token is `fig_first`, or None."""
    if np.compound:
        return _singular(lex, np.head.lower()) if np.head else None
    if not np.words or np.anaphoric or np.elided:
        return None
    words = np.words
    head = words[-1]
    out = _before_figure(lex, tokens, fig_first)
    superlative = False
    k = 0
    while k < len(words) - 1:
        t = words[k]
        low = t.low
        if low in _SUPERLATIVE_WORDS:
            superlative = True
        if _adverb_before_participle(lex, words, k):
            k += 2  # "decently sized", "seriously injured": how it happened, not what
            continue
        k += 1
        if low in lex.counted_drop or _is_participle(lex, t):
            continue
        base = lex.adjective_base.get(low) if t.text.islower() else None
        if base:
            superlative = superlative or low.endswith("st")
            low = base
        out.append(_plain(low))
    out.append(_singular(lex, _plain(head.low)))
    tail = _complement(lex, tokens, np.end_index, superlative)
    return " ".join(out + tail)


def _before_figure(lex: Lexicon, tokens: list[Token], fig_first: int) -> list[str]:
    """One modifier between a determiner and the figure: "a record 32 goals" → record,
    "the previous two sessions" → previous. Only one: "the team won 3 games" is a
    clause, and without the determiner so is "officials counted 3 drones"."""
    if fig_first < 2 or tokens[fig_first - 2].low not in _OPENERS:
        return []
    t = tokens[fig_first - 1]
    low = t.low
    if (
        not t.is_word
        or not t.text.islower()
        or t.possessive
        or low in lex.stop_words
        or low in lex.counted_drop
        or low in lex.forms
        or low in lex.speech_verbs
        or low.endswith("ly")
        or _is_participle(lex, t)
    ):
        return []
    return [lex.adjective_base.get(low, low)]


def _complement(lex: Lexicon, tokens: list[Token], j: int, superlative: bool) -> list[str]:
    """What follows the head and still says what is counted: a bare "of"-complement
    ("5,700 categories of products" → category product) or, after a superlative, its
    domain ("one of the oldest ballparks in America" → old ballpark america)."""
    n = len(tokens)
    if j >= n:
        return []
    low = tokens[j].low
    of = low == "of"
    if of:
        j += 1
        if j < n and tokens[j].low in lex.stop_words:
            return []  # "of the", "of those": a larger group or a place, not a kind
    elif low == "in" and superlative:
        j += 1
    elif low in ("to", "ever") and superlative:
        # "the largest dinosaurs to ever live", "the finest goals ever to grace a final"
        while j < n and tokens[j].low in ("to", "ever"):
            j += 1
    else:
        return []
    got: list[Token] = []
    while j < n and len(got) < MAX_TAIL:
        t = tokens[j]
        if not of and t.low in _DOMAIN_SKIP:
            j += 1
            continue
        if (
            not t.is_word
            or t.low in lex.stop_words
            or t.low in lex.forms
            or t.low in lex.speech_verbs
            or _is_participle(lex, t)
            or (of and t.is_capitalised)  # "seasons of Sesame Street": which, not what kind
            or (t.low.endswith("ing") and t.low not in lex.not_participles)
        ):
            break  # "categories of products leaving China": a clause begins
        got.append(t)
        j += 1
    if not got:
        return []
    return [_plain(t.low) for t in got[:-1]] + [_singular(lex, _plain(got[-1].low))]


def _is_participle(lex: Lexicon, t: Token) -> bool:
    """A bare -ed participle as a modifier ("recorded songs"); hyphenated compounds
    ("coal-fired") and lexicalised ones ("armed men") stay adjectives."""
    low = t.low
    return (
        low.endswith("ed")
        and len(low) >= 5
        and "-" not in low
        and t.text.islower()
        and low not in lex.participle_adjectives
        and low not in lex.not_participles
        and low not in lex.nouns
        and low not in lex.term_words  # "unmanned aerial vehicles", "guided bombs"
    )


def _adverb_before_participle(lex: Lexicon, words: tuple[Token, ...], k: int) -> bool:
    low = words[k].low
    if not (low.endswith("ly") and len(low) > 4 and k + 2 < len(words)):
        return False
    nxt = words[k + 1].low
    return nxt.endswith(("ed", "ing")) and "-" not in nxt


def _plain(low: str) -> str:
    """ "u.s." → "us": acronym dots are spelling, not words."""
    return low.replace(".", "") if "." in low else low


def _singular(lex: Lexicon, low: str) -> str:
    """The head's singular; for a hyphenated head, its last part's ("ex-wives" → ex-wife)."""
    if "-" in low and low not in lex.irregular:
        first, _, last = low.rpartition("-")
        return f"{first}-{lex.singular(last)}" if last else low
    return lex.singular(low)
