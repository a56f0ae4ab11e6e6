"""Who says a figure, and for which side: claims, quotes and speakers.

A mixin of DocContext (annotator.py): the methods share its per-document caches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from factcheck.models import Fact

from .attribution import AttributionReader, Claim, resolve_side
from .entity import NounPhrase
from .shared import BARE_PRONOUNS, CALENDAR, NAME_RUN, NEWLINE

if TYPE_CHECKING:  # the sentence record lives with the driver that builds it
    from .annotator import SentenceInfo


class ClaimsMixin:
    def claims(self, s: SentenceInfo) -> list[Claim]:
        if s._claims is None:
            s._claims = self.r.attribution.sentence_claims(self.text, s.tokens, s.start, s.end)
        return s._claims

    def paragraph_quotes(self, offset: int) -> tuple[int, list[tuple[int, int]]]:
        """The quote spans of the line (paragraph) holding `offset`, computed once per line."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in NEWLINE.finditer(self.text)]
        k = bisect_right(self._line_starts, offset) - 1
        a = self._line_starts[k]
        spans = self._quotes.get(a)
        if spans is None:
            b = self._line_starts[k + 1] - 1 if k + 1 < len(self._line_starts) else len(self.text)
            spans = self._quotes[a] = AttributionReader.quote_spans(self.text, a, b)
        return a, spans

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
                and prior.speaker.lower() not in BARE_PRONOUNS
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
        for m in NAME_RUN.finditer(s.text, 0, offset - s.start):
            words = [w for w in m.group().split() if w.lower() not in stop]
            if not words:
                continue
            name = " ".join(words)
            bare = name[:-2] if name.endswith(("'s", "’s")) else name
            if (
                gaz.lookup(bare)
                or bare in self.r.demonyms
                or bare in CALENDAR
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
