"""The draft section of the HTML page: the draft's figures in order, each with its verdict.

Draft mode (`check --draft`) gives the report a `Draft` (factcheck.draft);
without one the section is not there.
"""

from __future__ import annotations

from html import escape

from factcheck.draft import DraftFigure
from factcheck.report.evidence import Links, outlet_of
from factcheck.report.quotes import quote
from factcheck.report.reading import day, reads
from factcheck.report.summary import Report

VERDICTS = {"supported": "Supported", "contradicted": "Contradicted",
            "unsupported": "Unsupported"}


def draft_section(report: Report, links: Links) -> str:
    draft = report.draft
    if draft is None:
        return ""
    found_in = _findings_by_fact(report)
    counts = draft.counts()
    tally = " · ".join(f"{counts[v]} {v}" for v in VERDICTS)
    items = "\n".join(_figure(fig, links, found_in) for fig in draft.figures)
    return (f'<section class="draft" id="draft">\n<h2>Draft: {escape(draft.path or draft.doc)}</h2>\n'
            f'<p class="summary">{len(draft.figures)} figures · {escape(tally)}</p>\n'
            f'<ol class="draft-figures">\n{items}\n</ol>\n</section>')


def _figure(fig: DraftFigure, links: Links, found_in: dict[tuple, int]) -> str:
    fact, verdict = fig.fact, fig.verdict
    before, figure, after = quote(fact)
    text = escape(before) + (f"<mark>{escape(figure)}</mark>" if figure else "") + escape(after)
    word = VERDICTS.get(verdict, verdict.capitalize())
    sources = []
    for e in fig.evidence:
        url = links.url(e)
        name = escape(outlet_of(e))
        outlet = f'<a href="{escape(url, quote=True)}">{name}</a>' if url else name
        date = f", {escape(day(e.date))}" if e.date else ""
        finding = found_in.get((e.doc, e.start, e.end))
        see = f' (<a href="#finding-{finding + 1}">finding</a>)' if finding is not None else ""
        sources.append(f"<li>{outlet}{date}: {escape(reads(e))}{see}</li>")
    evidence = f'<ul class="evidence">{"".join(sources)}</ul>' if sources else \
        '<p class="evidence none">No source states this figure.</p>'
    return (f'<li class="verdict-{escape(verdict)}"><p><span class="verdict">{escape(word)}</span> '
            f'<strong>{escape(reads(fact))}</strong></p><blockquote>{text}</blockquote>{evidence}</li>')


def _findings_by_fact(report: Report) -> dict[tuple, int]:
    out: dict[tuple, int] = {}
    for i, f in enumerate(report.findings):
        for x in f.facts:
            out.setdefault((x.doc, x.start, x.end), i)
    return out
