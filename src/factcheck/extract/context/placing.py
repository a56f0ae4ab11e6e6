"""Where a figure is: the places a sentence names and the one it is about.

A mixin of DocContext (annotator.py): the methods share its per-document caches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribution import Claim
from .location import Mention

if TYPE_CHECKING:  # the sentence record lives with the driver that builds it
    from .annotator import SentenceInfo


class PlacingMixin:
    def mentions(self, s: SentenceInfo) -> list[Mention]:
        if s._mentions is None:
            s._mentions = self.r.places.mentions(s.text)
        return s._mentions

    def topic(self, s: SentenceInfo) -> str | None:
        for f in s.figures:
            if f.fact.location:
                return f.fact.location
        return self.r.places.topic(s.text, self.mentions(s))

    def location_for(
        self, s: SentenceInfo, offset: int, claim: Claim | None, carried: bool, end: int
    ) -> str | None:
        places = self.r.places
        area = places.area_after(s.text, end - s.start)
        if area:
            return area  # "killed 230,000 people in 13 countries": no one city's count
        mentions = self.mentions(s)
        each = places.each_of(s.text, mentions, offset - s.start)
        if each:
            return each  # "Wajima and Suzu each have 24 deaths": each place's figure
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
        if s.refers_back is None:  # once a sentence: a run-on one holds thousands of figures
            s.refers_back = places.refers_back(s.text)
        if continues or s.refers_back:
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
