"""When a figure is from: scope marks, dated sentences and headings.

A mixin of DocContext (annotator.py): the methods share its per-document caches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .scope import ScopeMarks, earlier_date, own_marks, scope_marks
from .shared import HEADING_TOKENS, SENTENCE_STOPS

if TYPE_CHECKING:  # the sentence record lives with the driver that builds it
    from .annotator import SentenceInfo


class DatingMixin:
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
                and text[-1] not in SENTENCE_STOPS
                and len(s.tokens) <= HEADING_TOKENS
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
