"""Tolls and their shares: which figures are a source's toll and which are parts of it.

A mixin of DocContext (annotator.py): the methods share its per-document caches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.models import Fact

from .entity import NounPhrase
from .words import Token

if TYPE_CHECKING:  # the sentence record lives with the driver that builds it
    from .annotator import SentenceInfo


class TollsMixin:
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
