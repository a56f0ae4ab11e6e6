"""What the editor has already seen: inline ignore comments and a baseline file.

    report = silence(report, warn)            # `<!-- factcheck: ignore FC001 -->`
    report = without_baseline(report, path)   # --baseline FILE: only new findings

An ignore silences the findings (and draft verdicts) whose figures sit in the
paragraph it covers, for its codes or for every code; an ignore that silences
nothing is reported, as ruff reports an unused `noqa`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from factcheck.errors import InputError
from factcheck.fingerprints import draft_fingerprint, finding_fingerprint, fingerprints
from factcheck.models import Document, Fact, Ignore
from factcheck.report.summary import Report

BASELINE_VERSION = 1


def silence(report: Report, warn: Callable[[str], None]) -> Report:
    """The report without what inline ignore comments silence."""
    ignores = {d.id: (d, d.ignores) for d in report.documents if d.ignores}
    if not ignores:
        return report
    used: set[tuple[str, int]] = set()

    def silenced(code: str, facts: Sequence[Fact]) -> bool:
        hit = False
        for fact in facts:
            doc, mine = ignores.get(fact.doc, (None, ()))
            for ig in mine:
                if ig.start <= fact.start < ig.end and (not ig.codes or code in ig.codes):
                    used.add((fact.doc, ig.line))
                    hit = True
        return hit

    findings = [f for f in report.findings if not silenced(f.rule, f.facts)]
    draft = report.draft
    if draft is not None:
        draft = replace(draft, figures=tuple(g for g in draft.figures
                                             if not silenced(g.code, [g.fact])))
    for doc, mine in ignores.values():
        for ig in mine:
            if (doc.id, ig.line) not in used:
                warn(f"{_where(doc, ig)}: this ignore comment silences no finding")
    return replace(report, findings=findings, draft=draft)


def _where(doc: Document, ig: Ignore) -> str:
    line = ig.line if doc.first_line is not None else None
    return f"{doc.path or doc.id}:{line}" if line else (doc.path or doc.id)


def write_baseline(report: Report, path: str) -> None:
    from factcheck.report.render import write_atomic

    figures = report.draft.figures if report.draft is not None else ()
    prints = fingerprints(report.findings, [g for g in figures if g.verdict != "supported"])
    write_atomic(path, json.dumps({"factcheck_baseline": BASELINE_VERSION,
                                   "fingerprints": prints}, indent=2) + "\n")


def read_baseline(path: str) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read baseline ({exc.strerror})", path) from None
    except (ValueError, UnicodeDecodeError):
        raise InputError("not a factcheck baseline (not valid JSON)", path) from None
    prints = data.get("fingerprints") if isinstance(data, dict) else None
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise InputError('not a factcheck baseline (no "fingerprints" list)', path)
    return frozenset(prints)


def without_baseline(report: Report, known: frozenset[str]) -> tuple[Report, int]:
    """The report with only findings the baseline does not hold, and how many it held."""
    findings = [f for f in report.findings if finding_fingerprint(f) not in known]
    hidden = len(report.findings) - len(findings)
    draft = report.draft
    if draft is not None:
        figures = tuple(g for g in draft.figures if draft_fingerprint(g) not in known)
        hidden += len(draft.figures) - len(figures)
        draft = replace(draft, figures=figures)
    return replace(report, findings=findings, draft=draft), hidden
