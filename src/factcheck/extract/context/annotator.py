"""The context stage's driver: one pass over a document's figures, sentence by sentence.

Only sentences that hold a figure are tokenised and analysed, plus the few
sentences before them that a back-reference needs ("the city", "he added");
everything per sentence is computed once and cached for the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from factcheck.models import Document, Fact, Quantity

from .attribution import AttributionReader, Claim, resolve_side
from .counted import counted_phrase
from .entity import NounPhrase, glued_noun, is_approximate, read_noun_phrase
from .lexicon import Lexicon, load_lexicon
from .location import Mention, PlaceReader
from .measure import find_measure, finite_after, simple_past
from .scope import ScopeMarks, earlier_date, find_scope, own_marks, scope_marks
from .sentences import SentenceIndex
from .words import Token, tokenize

_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)
_NEWLINE = re.compile("\n")
_BARE_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you"])
NOT_COUNTS = frozenset({"date", "time", "year", "ordinal"})  # no entity or measure
COUNTED = frozenset({"count"})
LOOK_BACK = 3  # sentences a back-reference may reach
_COMPARATIVES = frozenset(["more", "fewer", "less"])
_STILL = frozenset(["remain", "remains", "remained", "still"])
_SENTENCE_STOPS = frozenset(".!?…'\"’”)")
_HEADING_TOKENS = 16
_CONJ_OR_QUALIFIER = frozenset(
    "and or , plus as well at least more than over nearly almost about around some roughly "
    "approximately up to another a further".split()
)


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


class DocContext:
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

    def mentions(self, s: SentenceInfo) -> list[Mention]:
        if s._mentions is None:
            s._mentions = self.r.places.mentions(s.text)
        return s._mentions

    def claims(self, s: SentenceInfo) -> list[Claim]:
        if s._claims is None:
            s._claims = self.r.attribution.sentence_claims(self.text, s.tokens, s.start, s.end)
        return s._claims

    def paragraph_quotes(self, offset: int) -> tuple[int, list[tuple[int, int]]]:
        """The quote spans of the line (paragraph) holding `offset`, computed once per line."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        k = bisect_right(self._line_starts, offset) - 1
        a = self._line_starts[k]
        spans = self._quotes.get(a)
        if spans is None:
            b = self._line_starts[k + 1] - 1 if k + 1 < len(self._line_starts) else len(self.text)
            spans = self._quotes[a] = AttributionReader.quote_spans(self.text, a, b)
        return a, spans

    def previous(self, s: SentenceInfo, back: int = LOOK_BACK):
        """Earlier sentences of the same source, nearest first."""
        for j in range(s.index - 1, max(-1, s.index - 1 - back), -1):
            p = self.info(j)
            if p.source != s.source:
                return
            yield p

    # ---------------------------------------------------------- attribution
    def quote_claim_at(self, offset: int) -> Claim | None:
        para, spans = self.paragraph_quotes(offset)
        k = bisect_left(spans, (offset + 1,)) - 1
        if k < 0 or not (spans[k][0] < offset < spans[k][1]):
            return None
        span = spans[k]
        if span not in self._quote_claims:
            claim = self.r.attribution.quote_claim(self.text, span, para)
            # A quote with no speaker of its own right after a quote that has one: same speaker.
            if claim is None and k > 0 and span[0] - spans[k - 1][1] < 200:
                claim = self.quote_claim_at(spans[k - 1][0] + 1)
            self._quote_claims[span] = claim
        return self._quote_claims[span]

    def resolve(self, claim: Claim | None, s: SentenceInfo) -> Claim | None:
        """A pronoun speaker stands for the nearest earlier speaker it can refer to."""
        if claim is None or not claim.pronoun:
            return claim
        head = claim.speaker.lower().split()[-1]
        generic = head in ("he", "she", "it", "they")
        if head in ("he", "she") and s.start <= claim.start < s.end:
            # "Zelensky cast doubt …, which he said was telling": a name earlier in the sentence.
            name = self._person_before(s, claim.start)
            if name:
                return Claim(name, claim.start, claim.end, claim.how, claim.framing)
        for p in self.previous(s):
            prior = self.sentence_claim(p)
            if (
                prior
                and prior.speaker.lower() not in _BARE_PRONOUNS
                and (generic or head in prior.speaker.lower())
                and not (head in ("he", "she") and self._not_a_person(prior.speaker))
            ):
                return Claim(prior.speaker, claim.start, claim.end, claim.how, claim.framing)
        return claim

    def _not_a_person(self, speaker: str) -> bool:
        """ "the air force", "officials": no "he" or "she" refers to them."""
        words = [w for w in speaker.split() if w.lower() not in ("the", "a", "an")]
        if not words or any(w[0].isupper() for w in words):
            return False  # a name, or a title with one
        last = words[-1].lower()
        return last in self.lex.bodies or self.lex.looks_plural(last)

    def _actor(self, s: SentenceInfo, claim: Claim) -> tuple[str, bool] | None:
        """The speaker's side, and whether the speaker speaks for it (see `resolve_side`);
        "the air force" takes the side of "Ukraine's air force" named earlier by the same
        source; "the country's air force" that of the country named last before it that
        is not the attacker."""
        speaker = claim.speaker
        found = resolve_side(self.lex, self.r.places.gaz, self.r.demonyms, speaker)
        if found is None and speaker.lower().startswith(self.lex.country_anaphors):
            country = self._country_before(s, claim.start)
            found = (country, True) if country else None
        words = speaker.lower().replace("’", "'").split()
        head = (s.source, words[-1])
        if found:
            self._actors.setdefault(head, found)
        elif words[0] in ("the", "a", "an"):
            found = self._actors.get(head)
            for w in words[1:-1]:
                if found is None and w.endswith("'s"):
                    found = self._actors.get((s.source, w[:-2]))  # "the air force's tallies"
        return found

    def _claimant(
        self,
        s: SentenceInfo,
        fact: Fact,
        np: NounPhrase,
        claim: Claim | None,
        side: tuple[str, bool] | None,
    ) -> str | None:
        """The side whose claim a figure about hostilities is (attribution.yaml): the
        speaker's when it speaks for a party; for things of a named side ("49 Ukrainian
        drones"), the other side. Other figures have none."""
        lex = self.lex
        if not (
            fact.measure in lex.hostile_measures
            or fact.entity in lex.hostile_entities
            or lex.class_of(fact.entity) in lex.hostile_classes
        ):
            return None
        local = claim is not None and any(
            w.strip(",.").removesuffix("'s") in lex.local_words
            for w in claim.speaker.lower().replace("’", "'").split()
        )
        if side is not None and side[1] and not local:
            return side[0]
        owner = np.owner
        if owner is None or fact.measure not in lex.loss_measures:
            return None
        if side is not None and side[0] != owner:
            return side[0]  # "officials in Belgorod said 20 Ukrainian drones were downed"
        # The other country the sentence names, else only "not that side": either way
        # apart from the owner's own claims.
        return self._other_side(s, owner) or f"opponent of {owner}"

    def _other_side(self, s: SentenceInfo, owner: str) -> str | None:
        """The first country or demonym in the sentence that is not `owner`."""
        gaz = self.r.places.gaz
        for t in s.tokens:
            if not (t.is_word and t.is_capitalised):
                continue
            bare = t.text[:-2] if t.possessive else t.text
            side = self.r.demonyms.get(bare)
            if side is None:
                place = gaz.lookup(bare)
                side = place.name if place is not None and place.kind == "country" else None
            if side and side != owner:
                return side
        return None

    def _country_before(self, s: SentenceInfo, offset: int) -> str | None:
        places = self.r.places
        here = self.info(self.sentences.index_at(offset))
        for p in (here, *self.previous(here)):
            country = places.last_country(p.text, self.mentions(p), offset - p.start)
            if country:
                return country
        return None

    def _person_before(self, s: SentenceInfo, offset: int) -> str | None:
        """The nearest capitalised name before `offset` in the sentence that is not a
        place, a side's adjective or a sentence-opening function word."""
        gaz = self.r.places.gaz
        stop = self.lex.stop_words
        best = None
        for m in _NAME_RUN.finditer(s.text, 0, offset - s.start):
            words = [w for w in m.group().split() if w.lower() not in stop]
            if not words:
                continue
            name = " ".join(words)
            bare = name[:-2] if name.endswith(("'s", "’s")) else name
            if (
                gaz.lookup(bare)
                or bare in self.r.demonyms
                or bare in _CALENDAR
                or s.start + m.start() in self.figure_starts
            ):
                continue
            best = bare
        return best

    def sentence_claim(self, s: SentenceInfo) -> Claim | None:
        """The sentence's own speaker (its first claim or quote), resolved; cached."""
        if not s.claim_resolved:
            s.claim_resolved = True
            claims = self.claims(s)
            claim = claims[0] if claims else None
            if claim is None:
                _, spans = self.paragraph_quotes(s.start)
                for o, c in spans:
                    if s.start <= o < s.end or o < s.start < c:
                        claim = self.quote_claim_at(max(o, s.start) + 1 if o < s.start else o + 1)
                        break
            s.claim = self.resolve(claim, s)
        return s.claim

    def claim_for(self, s: SentenceInfo, offset: int) -> tuple[Claim | None, bool]:
        """The speaker of the figure at `offset`, and whether it was carried from before."""
        claim = self.quote_claim_at(offset)
        if claim is None:
            claims = self.claims(s)
            if claims:
                claim = min(
                    claims,
                    key=lambda c: (
                        0
                        if c.start <= offset < c.end
                        else min(abs(c.start - offset), abs(c.end - offset))
                    ),
                )
        if claim is not None:
            return self.resolve(claim, s), False
        # The next sentence of the same report: "X said Russia launched …. Air defence downed …"
        for p in self.previous(s, back=1):
            # Only a report that itself gave figures carries on, and a trailing
            # "…, the air force said." only within its paragraph.
            if p.figures:
                prior = self.sentence_claim(p)
                if prior and (
                    prior.framing or prior.how == "quote" or "\n" not in self.text[p.end : s.start]
                ):
                    return prior, True
        return None, False

    # ---------------------------------------------------------------- scope
    def scope_marks(self, s: SentenceInfo) -> ScopeMarks:
        if s._scope_marks is None:
            s._scope_marks = scope_marks(self.lex, s.text.lower())
        return s._scope_marks

    def _dated_before(self, s: SentenceInfo, report: str | None) -> str | None:
        """The period or running total the previous sentence of the same paragraph
        dates itself to ("In July 2012 a gunman opened fire in a cinema."), if any."""
        if s.index == 0:
            return None
        p = self.info(s.index - 1)
        if p.source != s.source or "\n" in self.text[p.end : s.start]:
            return None
        return self._dating(p, report)

    def _heading_dating(self, s: SentenceInfo, report: str | None) -> str | None:
        """A heading line ("Virginia Tech: 32 killed") takes the period or running
        total of the paragraph under it: a list of past incidents dates each item
        in its text, not in its heading."""
        if s.heading is None:
            text = s.text.rstrip()
            s.heading = (
                bool(text)
                and text[-1] not in _SENTENCE_STOPS
                and len(s.tokens) <= _HEADING_TOKENS
                and (s.start == 0 or self.text[s.start - 1] == "\n")
                and "\n" in self.text[s.end : s.end + 3]
            )
        if not s.heading or s.index + 1 >= len(self.sentences):
            return None
        p = self.info(s.index + 1)
        return self._dating(p, report) if p.source == s.source else None

    def _dating(self, p: SentenceInfo, report: str | None) -> str | None:
        """The period or running total a sentence dates itself to, if any."""
        marks = self.scope_marks(p)
        own = own_marks(marks, (), -1)  # comparisons anywhere do not count
        if own and own[0][0] != "event":
            return own[0][0]
        return "period" if earlier_date(self.lex, marks, (), report) else None

    # ------------------------------------------------------------- location
    def topic(self, s: SentenceInfo) -> str | None:
        for f in s.figures:
            if f.fact.location:
                return f.fact.location
        return self.r.places.topic(s.text, self.mentions(s))

    def location_for(
        self, s: SentenceInfo, offset: int, claim: Claim | None, carried: bool, end: int
    ) -> str | None:
        places = self.r.places
        mentions = self.mentions(s)
        speaker_places: list[Mention] = []
        if (
            claim is not None
            and s.start <= claim.start < s.end
            and not places.is_official(claim.speaker)
        ):
            # "The New York bank said": a place in a speaker's name is where the speaker
            # is, not the figure — unless the speaker is that place's authority.
            a, b = claim.start - s.start, claim.end - s.start
            speaker_places = [m for m in mentions if a <= m.start < b and m.cue == 2]
            mentions = [m for m in mentions if not (a <= m.start < b)]
        loc = places.choose(s.text, mentions, offset - s.start, end - s.start)
        if loc is None and speaker_places:
            # "Officials and witnesses in Nice said …": where the speakers are is where
            # the figure is, when its own words name no other place.
            loc = places.choose(s.text, speaker_places, offset - s.start, end - s.start)
        if loc:
            return loc
        continues = carried or (
            claim is not None and claim.start >= s.start and self._pronoun_here(s, claim)
        )
        if continues or places.refers_back(s.text):
            for p in self.previous(s):
                loc = self.topic(p)
                if loc:
                    return loc
        return None

    def _pronoun_here(self, s: SentenceInfo, claim: Claim) -> bool:
        for c in self.claims(s):
            if c.pronoun:
                return True
        return False

    # --------------------------------------------------------------- figures
    def annotate(self, q: Quantity) -> Fact:
        doc, lex = self.doc, self.lex
        fact = base_fact(doc, q)
        s = self.info(self.sentences.index_at(q.start))
        fact.sentence = s.text.strip()
        if q.kind in NOT_COUNTS:
            # Dates, times, years and ordinals are not counts: no entity, measure, place or
            # speaker to compare, so they skip the analysis (and its cost).
            return fact
        tokens = s.tokens
        fig_first = _first_token_at(tokens, q.start)
        after = _first_token_at(tokens, q.end)
        np = NounPhrase(end_index=after)
        prev = s.figures[-1] if s.figures else None
        claim, carried = self.claim_for(s, q.start)
        side = None
        if claim and claim.speaker.lower() not in _BARE_PRONOUNS:
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
            if _opens_part(lex, tokens, fig_first):
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
                if prev and _joined(tokens, prev.np.end_index, fig_first)
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
            simple_past(tokens, fig_first, how) and not _snapshot(tokens, np.end_index),
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
        if fact.measure and _difference(tokens, after):
            fact.measure = None  # "2.5 million more than it had disclosed": a difference
        if (
            how in ("passive", "active", "main verb")
            and prev is not None
            and prev.fact.measure is None
            and prev.fact.entity
            and not prev.np.part
            and _joined(tokens, prev.np.end_index, fig_first)
            and _compatible(lex.class_of(prev.fact.entity), lex.class_of(fact.entity))
        ):
            # "left two soldiers and three civilians dead": the predicate is both figures'.
            prev.fact.measure = fact.measure
            prev.fact.scope = prev.fact.scope or fact.scope
        if (
            fact.measure
            and prev is not None
            and prev.fact.measure == fact.measure
            and {lex.class_of(fact.entity), lex.class_of(prev.fact.entity)} <= {"person", None}
            and _joined(tokens, prev.np.end_index, fig_first)
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

    def _note_toll(self, s: SentenceInfo, fact: Fact, np: NounPhrase) -> None:
        """Keep the largest toll of people the source gives for each measure, and the
        counts of a kind of people ("two children") that may be shares of it."""
        if not fact.measure or fact.entity != "person":
            return
        head = (np.head or "").lower()
        key = (s.source, fact.measure)
        if not head or head in self.lex.generic_nouns:
            if not np.part and fact.low is not None:
                self._tolls[key] = max(self._tolls.get(key, 0.0), fact.low)
        elif fact.high is not None:
            self._kinds.append((fact, head))

    def settle_shares(self) -> None:
        """A count of a kind of people smaller than a toll the same source gives for
        the same measure ("84 people were killed …. Two children died during surgery")
        is a share of it: it counts its own noun (child), not `person`."""
        for fact, head in self._kinds:
            if fact.high < self._tolls.get((fact.source, fact.measure), 0.0):
                fact.entity = self.lex.singular(head)

    def _nation_of(self, tokens: list[Token], np: NounPhrase) -> str | None:
        """The nation the people counted are named by: a demonym or a country among the
        phrase's words ("Chinese tourists", "U.S. citizens", "Americans"), or "from
        <country>" right after it."""
        if np.owner:
            return np.owner
        gaz = self.r.places.gaz
        for w in np.words:
            if w.is_capitalised:
                place = gaz.lookup(w.text) or gaz.lookup(w.text + ".")  # "U.S" + "."
                if place is not None and place.kind == "country":
                    return place.name
        j = np.end_index
        if j + 1 < len(tokens) and tokens[j].low == "from":
            k = j + 2 if tokens[j + 1].low == "the" and j + 2 < len(tokens) else j + 1
            place = gaz.lookup(tokens[k].text) if tokens[k].is_capitalised else None
            if place is not None and place.kind == "country":
                return place.name
        return None

    def _home_country(self, s: SentenceInfo) -> str | None:
        """The country the source's places up to this sentence lie in most often: where
        its story happens (read only for the rare figure that needs it)."""
        start, counts = self._countries.get(s.source, (None, {}))
        if start is None:
            start = s.index
            while start > 0 and self.info(start - 1).source == s.source:
                start -= 1
        for j in range(start, s.index + 1):
            for m in self.mentions(self.info(j)):
                if m.cue > 0 and m.place.country:
                    counts[m.place.country] = counts.get(m.place.country, 0) + 1
        self._countries[s.source] = (max(start, s.index + 1), counts)
        if not counts:
            return None
        return max(sorted(counts), key=lambda c: counts[c])

    def settle_grades(self, facts: list[Fact]) -> None:
        """A graded figure that is its paragraph's only count of its role (or of a
        partner role, measures.yaml `grade_partners`) is the whole count: it keeps
        the role."""
        if not self.graded:
            return
        by_para: dict[tuple[str | None, int], list[Fact]] = {}
        for f in facts:
            if f.measure:
                by_para.setdefault((f.source, self._paragraph(f.start)), []).append(f)
        graded_paras: dict[tuple[str | None, int, str], int] = {}
        for f, role, _ in self.graded:
            key = (f.source, self._paragraph(f.start), role)
            graded_paras[key] = graded_paras.get(key, 0) + 1
        for f, role, scope in self.graded:
            para = self._paragraph(f.start)
            partners = self.lex.grade_partners.get(role, frozenset()) | {role}
            if graded_paras[(f.source, para, role)] > 1:
                continue  # "four seriously injured, 20 slightly": grades of one toll
            if any(g.measure in partners for g in by_para.get((f.source, para), ())):
                continue
            f.measure, f.scope = role, scope

    def _paragraph(self, offset: int) -> int:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
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
        return len(between) <= 12 and any(
            t.low in ("and", "or", "but", "while", "whereas") for t in between
        )

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


def _first_token_at(tokens: list[Token], offset: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _snapshot(tokens: list[Token], j: int) -> bool:
    """ "Two people remain trapped", "three are still missing": a count at the time of
    writing, which shrinks as the story goes on, not the incident's own count."""
    return any(t.low in _STILL for t in tokens[j : j + 3])


def _difference(tokens: list[Token], after: int) -> bool:
    """The figure is followed by "more … than" / "fewer … than" in its clause: it counts
    the difference between two counts, not either of them."""
    if after >= len(tokens) or tokens[after].low not in _COMPARATIVES:
        return False
    for t in tokens[after + 1 : after + 12]:
        if t.low == "than":
            return True
        if t.text in ",;:.!?()":
            return False
    return False


def _compatible(a: str | None, b: str | None) -> bool:
    """Two entity classes that one predicate can cover (an unknown class fits any)."""
    return a is None or b is None or a == b


def _opens_part(lex: Lexicon, tokens: list[Token], fig_first: int) -> bool:
    """The figure follows "including" / "among them": a share of the figure before it."""
    if fig_first < 1:
        return False
    if tokens[fig_first - 1].low in lex.part_openers:
        return True
    return fig_first >= 2 and (
        f"{tokens[fig_first - 2].low} {tokens[fig_first - 1].low}" in lex.part_openers
    )


def _joined(tokens: list[Token], a: int, b: int) -> bool:
    """Only a conjunction (and qualifiers) lies between two figures' phrases."""
    between = tokens[a:b]
    return (
        bool(between)
        and all(t.low in _CONJ_OR_QUALIFIER for t in between)
        and any(t.low in ("and", "or", ",", "plus") for t in between)
    )


def base_fact(doc: Document, q: Quantity) -> Fact:
    return Fact(
        doc=doc.id,
        source=doc.source_at(q.start),
        start=q.start,
        end=q.end,
        text=q.text,
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        unit=q.unit,
        kind=q.kind,
        date=doc.date_at(q.start),
        story=doc.story,
        converts=q.converts,
    )


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
