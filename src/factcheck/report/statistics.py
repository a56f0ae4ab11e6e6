"""`--statistics`: how many findings each rule gave, most first, as ruff prints them."""

from __future__ import annotations

from collections import Counter

from factcheck.report.summary import Report


def render(report: Report) -> str:
    counts: Counter[tuple[str, str]] = Counter((f.rule, f.name) for f in report.findings)
    if report.draft is not None:
        from factcheck.draft import NAMES

        counts.update((g.code, NAMES[g.verdict]) for g in report.draft.figures)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}\t{code}\t{name}\n" for (code, name), n in rows)
