"""The context stage's driver: one pass over a document's figures, sentence by sentence.

Only sentences that hold a figure are tokenised and analysed, plus the few
sentences before them that a back-reference needs ("the city", "he added");
everything per sentence is computed once and cached for the document.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from factcheck.models import Document, Fact, Quantity

from ..window import sentence_around
from .attribution import AttributionReader, Claim
from .claims import ClaimsMixin
from .counted import counted_phrase
from .dating import DatingMixin
from .entity import NounPhrase, glued_noun, is_approximate, read_noun_phrase
from .lexicon import Lexicon, load_lexicon
from .location import Mention, PlaceReader
from .measure import find_measure, finite_after, simple_past
from .placing import PlacingMixin
from .scope import ScopeMarks, find_scope
from .sentences import SentenceIndex
from .shared import (
    BARE_PRONOUNS,
    COPULAS,
    COUNTED,
    LOOK_BACK,
    NEWLINE,
    NOT_COUNTS,
    compatible,
    difference,
    first_token_at,
    joined,
    opens_part,
    snapshot,
)
from .tolls import TollsMixin
from .words import Token, tokenize


@dataclass(slots=True)
class Figure:
    fact: Fact
    np: NounPhrase
    fig_first: int


@dataclass(slots=True)
class SentenceInfo:
    index: int
    start: int
    end: int
    text: str
    source: str | None
    _tokens: list[Token] | None = None
    _mentions: list[Mention] | None = None
    _claims: list[Claim] | None = None
    _scope_marks: ScopeMarks | None = None
    figures: list[Figure] = field(default_factory=list)
    claim: Claim | None = None  # the sentence's own resolved speaker, for later sentences
    claim_resolved: bool = False
    heading: bool | None = None  # a short line without a stop (computed on first use)
    refers_back: bool | None = None  # names a place only by "there", "the city" (first use)

    @property
    def tokens(self) -> list[Token]:
        """Tokenised on first use: sentences looked at only for places never are."""
        if self._tokens is None:
            self._tokens = tokenize(self.text, self.start)
        return self._tokens


class Readers:
    """The compiled readers for one lexicon, shared by every document."""

    _by_lexicon: dict[int, Readers] = {}

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self._places: PlaceReader | None = None
        self.attribution = AttributionReader(lex)
        self.demonyms = dict(lex.places.get("demonyms", {}))

    @property
    def places(self) -> PlaceReader:
        if self._places is None:
            self._places = PlaceReader(self.lex)
        return self._places

    @classmethod
    def get(cls, lex: Lexicon) -> Readers:
        r = cls._by_lexicon.get(id(lex))
        if r is None or r.lex is not lex:
            r = cls._by_lexicon[id(lex)] = Readers(lex)
        return r


class DocContext(ClaimsMixin, DatingMixin, PlacingMixin, TollsMixin):
    def __init__(self, doc: Document, readers: Readers):
        self.doc = doc
        self.text = doc.text
        self.r = readers
        self.lex = readers.lex
        self.sentences = SentenceIndex(doc.text)
        self._info: dict[int, SentenceInfo] = {}
        self._quotes: dict[int, list[tuple[int, int]]] = {}
        self._quote_claims: dict[tuple[int, int], Claim | None] = {}
        self._actors: dict[tuple[str | None, str], str] = {}
        self._line_starts: list[int] | None = None
        self.figure_starts: frozenset[int] = frozenset()  # "Dozens of …" is no name
        self.graded: list[tuple[Fact, str, str | None]] = []  # (fact, its grade's role, scope)
        self._tolls: dict[tuple[str | None, str], float] = {}  # (source, measure) → toll
        self._kinds: list[tuple[Fact, str]] = []  # counts of a kind of people, and the kind
        # per source: the next sentence to count, and the countries of its places so far
        self._countries: dict[str | None, tuple[int, dict[str, int]]] = {}

    # --------------------------------------------------------------- caches
    def info(self, i: int) -> SentenceInfo:
        got = self._info.get(i)
        if got is None:
            a, b = self.sentences.span(i)
            text = self.text[a:b]
            got = SentenceInfo(i, a, b, text, self.doc.source_at(a))
            self._info[i] = got
        return got




    def previous(self, s: SentenceInfo, back: int = LOOK_BACK):
        """Earlier sentences of the same source, nearest first."""
        for j in range(s.index - 1, max(-1, s.index - 1 - back), -1):
            p = self.info(j)
            if p.source != s.source:
                return
            yield p

    # ---------------------------------------------------------- attribution










    # ---------------------------------------------------------------- scope




    # ------------------------------------------------------------- location



    # --------------------------------------------------------------- figures
    def annotate(self, q: Quantity) -> Fact:
        doc, lex = self.doc, self.lex
        fact = base_fact(doc, q)
        s = self.info(self.sentences.index_at(q.start))
        fact.sentence, fact.sentence_at = sentence_around(self.text, s.start, s.end, q.start, q.end)
        if q.kind in NOT_COUNTS:
            # Dates, times, years and ordinals are not counts: no entity, measure, place or
            # speaker to compare, so they skip the analysis (and its cost).
            return fact
        tokens = s.tokens
        fig_first = first_token_at(tokens, q.start)
        after = first_token_at(tokens, q.end)
        np = NounPhrase(end_index=after)
        prev = s.figures[-1] if s.figures else None
        claim, carried = self.claim_for(s, q.start)
        side = None
        if claim and claim.speaker.lower() not in BARE_PRONOUNS:
            # ("they said" with nobody to refer to tells the reader nothing)
            fact.attribution = claim.speaker
            side = self._actor(s, claim)
        how = None
        if q.kind in COUNTED:
            plural = q.value is None or q.value != 1 or q.qualifier != "exact"
            np = read_noun_phrase(lex, tokens, after, plural)
            if (
                np.entity
                and not np.part
                and q.text.rsplit(None, 1)[-1].lower() in lex.number_nouns
                and after < len(tokens)
                and tokens[after].low != "of"
                and tokens[after].low not in lex.modifiers  # "Millions more people"
            ):
                np = NounPhrase(end_index=after, elided=True)  # "Thousands flee fireworks"
            tok = tokens[fig_first] if fig_first < len(tokens) else None
            if tok is not None and tok.end > q.end and self.text[q.end] in "-–":
                # "three-stage" is one token: the glued word after the figure
                glued = tok.text[q.end - tok.start + 1 :]
                if glued and glued[0].isalpha() and not is_approximate(glued):
                    np = glued_noun(lex, glued, tok.end, fig_first + 1)
            if opens_part(lex, tokens, fig_first):
                np.part = True  # "killed 12 people, including 10 children"
            fact.entity, antecedent = self._entity(s, np, prev)
            fact.counted = counted_phrase(lex, tokens, fig_first, np)
            if antecedent is not None:
                fact.counted = antecedent.counted  # "12 residential buildings and 3 others"
            elif fact.counted is None and np.elided and not np.state:
                # "3.9 million headsets, up from 2.4 million", "a pick or two": the figure
                # shares a noun named before it (only the words; the entity stays unknown)
                fact.counted = self._shared_noun(s, fig_first)
            coordinated = (
                prev.fact.measure
                if prev and joined(tokens, prev.np.end_index, fig_first)
                else None
            )
            measure, how, role = find_measure(
                lex, s.text, tokens, fig_first, np, fact.entity, s.start, q.start, coordinated, True
            )
            if role is None and antecedent is not None and not np.part:
                measure = role = antecedent.measure  # "and 15 others"
                how = "antecedent"
            if (
                antecedent is not None
                and np.elided
                and role
                and role != antecedent.measure
                and lex.measure_entity.get(role)
                and antecedent.entity not in lex.entity_class
            ):
                # "Thousands of spectators were evacuated and two were injured": the
                # injured are people, whoever the crowd was; only a lexicon entity
                # ("three soldiers were killed and five wounded") carries over.
                fact.entity = lex.measure_entity[role]
                fact.counted = None
            if fact.entity is None and role and (np.elided or np.anaphoric or np.state):
                fact.entity = lex.measure_entity.get(role)
            fact.measure = measure
            if np.role and fact.entity is None:
                fact.entity = lex.measure_entity.get(np.role) or (np.head or "").lower() or None
        if q.kind in COUNTED:
            fact.actor = self._claimant(s, fact, np, claim if fact.attribution else None, side)
        fact.location = self.location_for(s, q.start, claim, carried, q.end)
        masked: list[tuple[int, int]] = []
        if claim and s.start <= claim.start < s.end:
            masked.append((claim.start - s.start, claim.end - s.start))
        if how == "main verb":
            # "21 girls captured two years ago have been freed": the modifier's time
            # dates the capture, not the figure.
            k = finite_after(tokens, np.end_index)
            if k > np.end_index:
                masked.append((tokens[np.end_index].start - s.start, tokens[k].start - s.start))
        fact.scope = find_scope(
            lex,
            self.scope_marks(s),
            masked,
            q.start - s.start,
            fact.measure,
            simple_past(tokens, fig_first, how) and not snapshot(tokens, np.end_index),
            (lambda: self._dated_before(s, fact.date)) if fact.measure else None,
            fact.date,
        )
        if fact.scope is None and how == "coordination" and prev is not None:
            fact.scope = prev.fact.scope  # "launched 574 drones (overnight) and 40 missiles"
        if fact.measure and fact.scope in (None, "event"):
            fact.scope = self._heading_dating(s, fact.date) or fact.scope
        if how == "subset" and role and not (np.anaphoric or np.part):
            # "Two people suffered minor injuries": one grade of the toll, unless nothing
            # else in the paragraph gives the toll (decided once the document is read).
            kept_scope = find_scope(
                lex,
                self.scope_marks(s),
                masked,
                q.start - s.start,
                role,
                True,
                lambda: self._dated_before(s, fact.date),
                fact.date,
            )
            self.graded.append((fact, role, kept_scope))
        if np.part and fact.measure and self._whole_nearby(s, fact):
            fact.measure = None  # "ten were killed …; three of the soldiers died": a share
        if np.part and fact.measure is None and prev is not None and prev.fact.measure:
            group = self._share_of(tokens, fig_first, np, fact.counted)
            if group:
                # "injured 75, including 13 children": the children among the injured, a
                # count of their own (never set against the whole toll), where and when
                # the whole is
                fact.measure, fact.entity = prev.fact.measure, group
                fact.scope = fact.scope or prev.fact.scope
                fact.location = fact.location or prev.fact.location
        if fact.measure and difference(tokens, after):
            fact.measure = None  # "2.5 million more than it had disclosed": a difference
        if (
            how in ("passive", "active", "main verb")
            and prev is not None
            and prev.fact.measure is None
            and prev.fact.entity
            and not prev.np.part
            and joined(tokens, prev.np.end_index, fig_first)
            and compatible(lex.class_of(prev.fact.entity), lex.class_of(fact.entity))
        ):
            # "left two soldiers and three civilians dead": the predicate is both figures'.
            prev.fact.measure = fact.measure
            prev.fact.scope = prev.fact.scope or fact.scope
        if (
            fact.measure
            and prev is not None
            and prev.fact.measure == fact.measure
            and {lex.class_of(fact.entity), lex.class_of(prev.fact.entity)} <= {"person", None}
            and joined(tokens, prev.np.end_index, fig_first)
        ):
            # "killed 10 US citizens and two pilots": each group is a share of the toll;
            # one counted as plain `person` would read as the toll itself, so it counts
            # its own noun (citizen), keeping its role.
            for f in (prev, Figure(fact, np, fig_first)):
                head = (f.np.head or "").lower()
                if f.fact.entity == "person" and head and head not in lex.generic_nouns:
                    f.fact.entity = lex.singular(head)
        if fact.entity == "person" and np.head and np.head.lower() not in lex.generic_nouns:
            nation = self._nation_of(tokens, np)
            home = self._home_country(s) if nation else None
            if home and nation != home:
                # "Two children from Algeria died" in a story about France: victims
                # from abroad are a share of the toll, not the toll itself.
                fact.entity = lex.singular(np.head.lower())
        self._note_toll(s, fact, np)
        s.figures.append(Figure(fact, np, fig_first))
        return fact






    def _paragraph(self, offset: int) -> int:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in NEWLINE.finditer(self.text)]
        return bisect_right(self._line_starts, offset) - 1

    def _shared_noun(self, s: SentenceInfo, fig_first: int) -> str | None:
        """The counted words a figure with no noun borrows: those of the sentence's last
        count ("68,400 people … and 95,800 who …"), or the noun of "a pick or two"."""
        tokens = s.tokens
        if fig_first >= 2 and tokens[fig_first - 1].low == "or":
            noun = tokens[fig_first - 2]
            if (
                noun.is_word
                and noun.low not in self.lex.stop_words
                and noun.start not in self.figure_starts
                and not (fig_first >= 3 and tokens[fig_first - 3].end == noun.start)  # "25k"
                and not self.lex.looks_plural(noun.low)
            ):
                return noun.low
        for f in reversed(s.figures):
            if f.fact.kind in COUNTED:
                return f.fact.counted
        return None

    def _whole_nearby(self, s: SentenceInfo, fact: Fact) -> bool:
        """An earlier figure of this source already gives the toll this share would match."""
        key = (fact.measure, fact.entity, fact.location, fact.scope)
        for p in (s, *self.previous(s)):
            for f in p.figures:
                g = f.fact
                if not f.np.part and (g.measure, g.entity, g.location, g.scope) == key:
                    return True
        return False

    @staticmethod
    def _linked(s: SentenceInfo, prev: Figure, np: NounPhrase) -> bool:
        """The earlier figure is this one's partner: "one person was killed and two were
        wounded" (a conjunction between), or "60 missiles … 45 of them" (a pointer back)."""
        if np.anaphoric:
            return True
        tokens = s.tokens
        this = np.end_index - 1 if np.end_index > 0 else 0
        between = tokens[prev.np.end_index : this + 1]
        if len(between) > 12:
            return False
        if any(t.low in ("and", "or", "but", "while", "whereas") for t in between):
            return True
        # A list that leaves the verb out: "31 died in Wajima, 22 in Suzu" (the same
        # preposition after each figure, the items apart by commas)
        nxt = tokens[np.end_index] if np.elided and np.end_index < len(tokens) else None
        return (nxt is not None and nxt.low in LIST_PREPOSITIONS
                and any(t.text == "," for t in between) and any(t.low == nxt.low for t in between))

    def _share_of(self, tokens: list[Token], fig_first: int, np: NounPhrase,
                  counted: str | None) -> str | None:
        """The group a share opened by "including" / "of whom" names ("13 children",
        "of which 14 were children"), when it is a group and not people in general."""
        lex = self.lex
        if not opens_part(lex, tokens, fig_first):
            return None
        k = np.end_index
        if (counted in (None, "person") and k + 1 < len(tokens) and tokens[k].low in COPULAS
                and tokens[k + 1].is_word):
            counted = lex.singular(tokens[k + 1].low)  # "of which 14 were children"
        if not counted or counted.split()[-1] in lex.generic_nouns or counted == "person":
            return None
        return counted.split()[-1]

    def _entity(
        self, s: SentenceInfo, np: NounPhrase, prev: Figure | None
    ) -> tuple[str | None, Fact | None]:
        if np.entity:
            return np.entity, None
        if np.state:  # "12 wounded": people in that state, whatever came before
            return self.lex.measure_entity.get(np.state), None
        if not (np.elided or np.anaphoric):
            return None, None
        if prev and prev.fact.entity and prev.fact.kind in COUNTED and self._linked(s, prev, np):
            return prev.fact.entity, prev.fact
        if np.anaphoric:
            for p in self.previous(s, back=2):
                for f in reversed(p.figures):
                    if f.fact.entity and f.fact.kind in COUNTED:
                        return f.fact.entity, f.fact
        return None, None


LIST_PREPOSITIONS = frozenset(["in", "at", "near", "from", "on"])


def base_fact(doc: Document, q: Quantity) -> Fact:
    # The contract's first fields by position: keywords cost twice as much, once a figure.
    if doc.segments:
        source, date = doc.source_at(q.start), doc.date_at(q.start)
    else:
        source, date = doc.source, doc.date
    fact = Fact(doc.id, source, q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier,
                q.unit, q.kind)
    fact.date, fact.story, fact.converts = date, doc.story, q.converts
    return fact


def annotate_document(
    doc: Document, quantities: list[Quantity], lex: Lexicon | None = None
) -> list[Fact]:
    lex = lex or load_lexicon()
    ctx = DocContext(doc, Readers.get(lex))
    ctx.figure_starts = frozenset(q.start for q in quantities)
    # Analyse in text order (later figures lean on earlier ones), answer in input order.
    order = sorted(range(len(quantities)), key=lambda k: (quantities[k].start, quantities[k].end))
    facts: dict[int, Fact] = {}
    for k in order:
        if not doc.is_skipped(quantities[k].start):
            facts[k] = ctx.annotate(quantities[k])
    ctx.settle_grades([facts[k] for k in order if k in facts])
    ctx.settle_shares()
    return [facts[k] for k in sorted(facts)]
