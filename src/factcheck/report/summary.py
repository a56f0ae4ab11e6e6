"""What every findings renderer gets: the findings, the facts, the rules, the documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from factcheck.facts import outlet, source_of
from factcheck.models import Document, Fact, Finding
from factcheck.rules.rule import Rule
from factcheck.severity import SEVERITIES

if TYPE_CHECKING:
    from factcheck.draft import Draft


@dataclass(frozen=True)
class Tally:
    """The summary's counts, when a run checked story by story and kept no facts (engine.py)."""

    stories: int
    sources: int
    facts: int


@dataclass(frozen=True)
class Report:
    findings: Sequence[Finding]
    facts: Sequence[Fact]
    rules: Sequence[Rule]
    documents: Sequence[Document] = field(default=())
    tally: Tally | None = None
    draft: Draft | None = None  # draft mode: each figure of the draft with its verdict

    @property
    def stories(self) -> int:
        if self.tally:
            return self.tally.stories
        if self.documents:
            return len({d.story or "" for d in self.documents})
        return len({f.story or "" for f in self.facts})

    @property
    def sources(self) -> int:
        """Distinct outlets: each aggregator section counts as its own outlet (a draft is none)."""
        if self.tally:
            return self.tally.sources
        mine = self.draft.doc if self.draft is not None else None
        return len(sources_of([d for d in self.documents if d.id != mine],
                              [f for f in self.facts if f.doc != mine]))

    @property
    def fact_count(self) -> int:
        return self.tally.facts if self.tally else len(self.facts)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out

    def shown(self, min_severity: str = "info",
              selects: Callable[[str], bool] = lambda code: True) -> Report:
        """The report with only what is at least `min_severity` and selected by code."""
        from factcheck.severity import RANK

        def keep(code: str, severity: str) -> bool:
            return RANK[severity] >= RANK[min_severity] and selects(code)

        draft = self.draft
        if draft is not None:
            draft = replace(draft, figures=tuple(f for f in draft.figures
                                                 if keep(f.code, f.severity)))
        return replace(self, findings=[f for f in self.findings if keep(f.rule, f.severity)],
                       draft=draft)

    def severities(self) -> list[str]:
        """What weighs for --fail-on: every finding, and every draft figure's verdict."""
        out = [f.severity for f in self.findings]
        if self.draft is not None:
            out += [f.severity for f in self.draft.figures]
        return out

    def summary(self) -> dict[str, object]:
        out: dict[str, object] = {
            "stories": self.stories, "sources": self.sources, "facts": self.fact_count,
            "rules": len(self.rules), "findings": self.counts()}
        if self.draft is not None:
            out["draft"] = self.draft.counts()
        return out

    def kind_of(self, finding: Finding) -> str:
        for rule in self.rules:
            if rule.code == finding.rule:
                return rule.kind
        return ""

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)


def sources_of(documents: Iterable[Document], facts: Iterable[Fact]) -> set[str]:
    """The outlets of the documents (each aggregator section its own) and of the facts."""
    names: set[str] = set()
    for d in documents:  # outlets as the rules count them: subdomains of one are one
        names.update(_outlet(s.source or d.source, d.id) for s in d.segments)
        if not d.segments:
            names.add(_outlet(d.source, d.id))
    names.update(source_of(f) for f in facts)
    return names


def _outlet(source: str | None, doc_id: str) -> str:
    return outlet(source) if source else f"doc:{doc_id}"


def summary_line(report: Report) -> str:
    s = report.summary()
    counts = s["findings"]
    parts = [_n(s["stories"], "story", "stories"), _n(s["sources"], "source"),
             _n(s["facts"], "fact"), _n(s["rules"], "rule"),
             _n(counts["error"], "error"), _n(counts["warning"], "warning"), f"{counts['info']} info"]
    return " · ".join(parts)


def _n(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
