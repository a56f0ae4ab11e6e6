"""Findings and draft verdicts as one list of located issues, for the line-based formats.

SARIF, GitHub annotations, JUnit and the concise format all say the same
thing per issue: a code, a severity, a message, where it is (the first
figure; in draft mode the draft's figure) and the other figures behind it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.fingerprints import draft_fingerprint, finding_fingerprint
from factcheck.models import Fact
from factcheck.report.summary import Report
from factcheck.rules.wording import figure


@dataclass(frozen=True)
class Issue:
    code: str
    name: str
    severity: str
    message: str
    facts: tuple[Fact, ...]  # the first is where the issue is
    story: str | None
    fingerprint: str
    key: dict | None = None


def issues(report: Report, include_supported: bool = False) -> Iterator[Issue]:
    """Draft verdicts first (in the draft's order), then the findings."""
    if report.draft is not None:
        from factcheck.draft import NAMES
        from factcheck.report.draft_view import source_line, what

        for g in report.draft.figures:
            if g.verdict == "supported" and not include_supported:
                continue
            if g.verdict == "unsupported" or not g.evidence:
                message = f"draft figure {what(g.fact)}: no source states it"
            else:
                said = "; ".join(source_line(e) for e in g.evidence)
                message = f"draft figure {what(g.fact)}: {g.verdict} by {said}"
            yield Issue(g.code, NAMES[g.verdict], g.severity, message, (g.fact, *g.evidence),
                        report.draft.doc, draft_fingerprint(g))
    for f in report.findings:
        yield Issue(f.rule, f.name, f.severity, f.message, tuple(f.facts), f.story,
                    finding_fingerprint(f), f.key)


def evidence_text(issue: Issue) -> str:
    """'Daily Bugle: two; Morning Post: Three': the figures, by outlet."""
    return "; ".join(f"{x.source or x.doc}: {x.text or figure(x)}" for x in issue.facts)
