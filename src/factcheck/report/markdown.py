"""The Markdown report a person reads on GitHub: summary table, findings, corroborations."""

from __future__ import annotations

from itertools import groupby

from factcheck.models import Fact, Finding
from factcheck.report.quotes import interval, key_text, quote
from factcheck.report.summary import Report
from factcheck.rules.wording import number
from factcheck.severity import MARKDOWN_BADGE, SEVERITIES


def render(report: Report) -> str:
    s = report.summary()
    counts = s["findings"]
    out = [
        "# factcheck report",
        "",
        "| stories | sources | facts | rules | errors | warnings | info |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        (f"| {s['stories']:,} | {s['sources']:,} | {s['facts']:,} | {s['rules']} "
         f"| {counts['error']} | {counts['warning']} | {counts['info']} |"),
        "",
    ]
    corroborated = [f for f in report.findings if report.kind_of(f) == "corroboration"]
    others = [f for f in report.findings if report.kind_of(f) != "corroboration"]
    if not report.findings:
        out += ["No findings: the sources do not contradict each other on any figure.", ""]
    for story, in_story in groupby(others, key=lambda f: f.story or ""):
        out += [f"## Story: {_cell(story or '(one story)')}", ""]
        for f in sorted(in_story, key=lambda f: SEVERITIES.index(f.severity)):
            out += _finding(f)
    if corroborated:
        out += ["## Corroborated figures", "",
                "Figures that independent sources give identically.", "",
                "| story | what | figure | sources |", "|---|---|---:|---|"]
        for f in corroborated:
            outlets = ", ".join(dict.fromkeys(x.source or x.doc for x in f.facts))
            out.append(f"| {_cell(f.story or '')} | {_cell(key_text(f.key))} "
                       f"| {_cell(number(f.facts[0].value))} | {_cell(outlets)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _finding(f: Finding) -> list[str]:
    return [
        f"### {MARKDOWN_BADGE[f.severity]} · {f.rule} {f.name}",
        "",
        _escape(f.message),
        "",
        f"Compared on: {_escape(key_text(f.key))}",
        "",
        "| source | figure | value | attribution | quote |",
        "|---|---|---:|---|---|",
        *(_row(x) for x in f.facts),
        "",
    ]


def _row(f: Fact) -> str:
    before, figure, after = quote(f)
    q = _escape(before) + (f"**{_escape(figure)}**" if figure else "") + _escape(after)
    value = number(f.value) + (f" {interval(f)}" if interval(f) else "")
    date = f" ({f.date})" if f.date else ""
    return (f"| {_cell((f.source or f.doc) + date)} | {_cell(f.text)} | {_cell(value)} "
            f"| {_cell(f.attribution or '')} | {_cell(q, escaped=True)} |")


def _escape(s: str) -> str:
    """Markdown's emphasis and link characters, written literally."""
    for ch in "\\`*_[]<>":
        s = s.replace(ch, "\\" + ch)
    return s


def _cell(s: str, escaped: bool = False) -> str:
    s = s if escaped else _escape(s)
    return " ".join(s.replace("|", "\\|").split())
