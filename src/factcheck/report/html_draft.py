"""The draft section of the HTML page: the draft's figures in order, each with its verdict.

Draft mode (`check --draft`) gives the report a `draft` carrying
{"doc", "figures": [{"fact", "verdict", "evidence": [fact, ...]}]}, as objects
or as the JSON contract's dicts; this module reads either. Without a draft the
section is not there.
"""

from __future__ import annotations

from html import escape
from typing import Any

from factcheck.models import Fact
from factcheck.report.evidence import Links, outlet_of
from factcheck.report.quotes import quote
from factcheck.report.reading import day, reads
from factcheck.report.summary import Report

VERDICTS = {"supported": "Supported", "contradicted": "Contradicted",
            "unsupported": "Unsupported"}


def draft_section(report: Report, links: Links) -> str:
    draft = getattr(report, "draft", None)
    if not draft:
        return ""
    figures = [_fact_entry(x) for x in (_get(draft, "figures") or [])]
    found_in = _findings_by_fact(report)
    counts = {v: sum(1 for _, verdict, _ in figures if verdict == v) for v in VERDICTS}
    tally = " · ".join(f"{n} {v}" for v, n in counts.items())
    items = "\n".join(_figure(fact, verdict, ev, links, found_in) for fact, verdict, ev in figures)
    return (f'<section class="draft" id="draft">\n<h2>Draft: {escape(str(_get(draft, "doc") or ""))}</h2>\n'
            f'<p class="summary">{len(figures)} figures · {escape(tally)}</p>\n'
            f'<ol class="draft-figures">\n{items}\n</ol>\n</section>')


def _figure(fact: Fact, verdict: str, ev: list[Fact], links: Links,
            found_in: dict[tuple, int]) -> str:
    before, figure, after = quote(fact)
    text = escape(before) + (f"<mark>{escape(figure)}</mark>" if figure else "") + escape(after)
    word = VERDICTS.get(verdict, verdict.capitalize())
    sources = []
    for e in ev:
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


def _fact_entry(entry: Any) -> tuple[Fact, str, list[Fact]]:
    fact = _as_fact(_get(entry, "fact"))
    evidence = [_as_fact(e) for e in (_get(entry, "evidence") or [])]
    return fact, str(_get(entry, "verdict") or ""), evidence


def _as_fact(x: Any) -> Fact:
    return x if isinstance(x, Fact) else Fact.from_dict(dict(x))


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
