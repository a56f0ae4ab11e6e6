"""The Markdown report a person reads on GitHub: summary, findings by story, corroborations.

Severity is a word, never only an emoji or a colour; outlets link to their
articles; figures read as a reader says them ("at least 84"); dates never
break inside a table cell; identical evidence is one row.
"""

from __future__ import annotations

import re
from urllib.parse import quote as urlquote

from factcheck.models import Finding
from factcheck.report.evidence import (
    Agreement,
    Evidence,
    Links,
    StoryView,
    evidence,
    message,
    reason,
    stories,
    subject,
    telling,
)
from factcheck.report.locate import Locator
from factcheck.report.quotes import quote
from factcheck.report.reading import NBSP, day
from factcheck.report.summary import Report
from factcheck.severity import LABEL

# Characters kept as they are in a linked URL; spaces, parentheses and pipes are encoded
# so that neither the link nor the table cell around it ends early.
_URL_SAFE = ":/?#@!$&'*+,;=%~.-_"
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break spaces that hold a date together


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
    locator = Locator(report.documents)
    if report.draft is not None:
        from factcheck.report.draft_view import render_markdown

        out += render_markdown(report.draft, locator, _escape, _cell)
    if not report.findings:
        out += ["No findings: the sources do not contradict each other on any figure.", ""]
    links = Links(report.documents)
    for view in stories(report):
        out += _story(report, view, links, locator)
    return "\n".join(out).rstrip("\n") + "\n"


def _story(report: Report, view: StoryView, links: Links, locator: Locator) -> list[str]:
    out = [f"## Story: {_cell(view.name or '(one story)')}", ""]
    for i in view.findings:
        out += _finding(report.findings[i], links, locator, view.beside.get(i, []))
    if view.agreements:
        out += ["### Corroborated figures", "",
                "Figures that independent sources give identically, and that no dispute covers.", "",
                "| what | figure | outlets |", "|---|---:|---|"]
        out += [f"| {_cell(a.subject)} | {_cell(a.figure)} | {_outlets(a)} |" for a in view.agreements]
        out.append("")
    return out


def _finding(f: Finding, links: Links, locator: Locator, beside: list[Agreement]) -> list[str]:
    rows = evidence(f, links)
    # A column nobody fills is left out; "about" tells parts from wholes, places from totals.
    columns = {"outlet": [_link(r.outlet, r.url) + (f" (×{r.repeats})" if r.repeats > 1 else "")
                          for r in rows],
               "about": [_cell(t) for t in telling(rows)],
               "date": [_cell(day(r.fact.date)) for r in rows],
               "figure": [_cell(r.figure).replace(" ", NBSP) for r in rows],  # "at least 84" whole
               "said by": [_cell(r.fact.attribution or "") for r in rows],
               "quote": [_quote(r) for r in rows],
               "where": [_where(locator, r.fact) for r in rows]}
    shown = [name for name, cells in columns.items() if any(cells) or name == "outlet"]
    out = [
        f"### {LABEL[f.severity]} · {f.rule} {f.name}: {_escape(subject(f))}",
        "",
        _escape(message(f)),
        "",
    ]
    why = reason(f)
    if why:
        out += [f"Why compared: {_escape(why)}", ""]
    out += ["| " + " | ".join(shown) + " |",
            "|" + "".join("---:|" if name == "figure" else "---|" for name in shown)]
    out += ["| " + " | ".join(columns[name][i] for name in shown) + " |" for i in range(len(rows))]
    out.append("")
    if beside:
        out += ["Outlets that agree with each other within this dispute:", ""]
        out += [f"- {_cell(a.figure)}: {_outlets(a)}" for a in beside]
        out.append("")
    return out


def _where(locator: Locator, fact) -> str:
    """`path:line:col`, for an editor to jump to; nothing for a figure with no file."""
    place = locator.place(fact)
    return f"`{_cell(str(place))}`" if place.uri else ""


def _quote(r: Evidence) -> str:
    before, figure, after = quote(r.fact)
    q = _escape(before) + (f"**{_escape(figure)}**" if figure else "") + _escape(after)
    return _cell(q, escaped=True)


def _outlets(a: Agreement) -> str:
    return ", ".join(_link(name, url) for name, url in a.outlets)


def _link(text: str, url: str | None) -> str:
    label = _cell(text)
    if not url:
        return label
    return f"[{label}]({urlquote(url, safe=_URL_SAFE)})"


def _escape(s: str) -> str:
    """Markdown's emphasis and link characters, written literally."""
    for ch in "\\`*_[]<>":
        s = s.replace(ch, "\\" + ch)
    return s


def _cell(s: str, escaped: bool = False) -> str:
    s = s if escaped else _escape(s)
    return _SPACES.sub(" ", s.replace("|", "\\|")).strip()
