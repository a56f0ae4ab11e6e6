"""`--format html`: one self-contained page an editor reads in a browser, offline or printed.

Styles are inlined from report.css beside this module; charts are inline SVG
(report/charts.py); nothing is loaded from the network and there is no script.
The page has a summary, contents by story and severity, then each finding
with its sources side by side and a chart of the disputed figures. When the
report carries a draft's verdicts (draft mode), they come first.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

from factcheck.models import Finding
from factcheck.report.chart_marks import chart_data
from factcheck.report.charts import dot_chart
from factcheck.report.evidence import (
    Agreement,
    Evidence,
    Links,
    StoryView,
    compared_on,
    evidence,
    message,
    reason,
    stories,
    subject,
    telling,
)
from factcheck.report.html_draft import draft_section
from factcheck.report.quotes import quote
from factcheck.report.reading import day
from factcheck.report.summary import Report, summary_line
from factcheck.severity import LABEL, SEVERITIES

PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def render(report: Report) -> str:
    views = stories(report)
    links = Links(report.documents)
    body = [_header(report), draft_section(report, links), _contents(report, views)]
    body += [_story(report, n, view, links) for n, view in enumerate(views, 1)]
    if not report.findings:
        body.append('<p class="none">No findings: the sources do not contradict each other '
                    "on any figure.</p>")
    return _page("factcheck report", "\n".join(b for b in body if b))


def _page(title: str, body: str) -> str:
    css = files("factcheck.report").joinpath("report.css").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="factcheck">\n'
        # No network, no script: the page is as safe to open as a text file.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f'<body>\n<main class="report">\n{body}\n</main>\n</body>\n</html>\n'
    )


def _header(report: Report) -> str:
    counts = report.counts()
    chips = " ".join(
        f'<li class="count sev-{s}"><span class="n">{counts[s]:,}</span> '
        f"{PLURAL[s] if counts[s] != 1 else s}</li>" for s in SEVERITIES)
    return (f'<header class="top">\n<h1>factcheck report</h1>\n'
            f'<p class="summary">{escape(summary_line(report))}</p>\n'
            f'<ul class="counts" aria-label="findings by severity">{chips}</ul>\n'
            "<p class=\"note\">A finding shows where sources disagree; it does not say "
            "which source is wrong.</p>\n</header>")


def _contents(report: Report, views: list[StoryView]) -> str:
    if not report.findings:
        return ""
    items = []
    for n, view in enumerate(views, 1):
        inner = []
        for i in view.findings:
            f = report.findings[i]
            inner.append(f'<li><a href="#finding-{i + 1}">{_chip(f.severity)} '
                         f"{escape(subject(f))} <span class=\"rule\">{escape(f.name)}</span>"
                         "</a></li>")
        if view.agreements:
            inner.append(f'<li><a href="#story-{n}-agree">{_chip("info")} '
                         f"corroborated figures ({len(view.agreements)})</a></li>")
        items.append(f'<li><a href="#story-{n}">{escape(view.name or "(one story)")}</a>'
                     f'<ol class="toc-findings">{"".join(inner)}</ol></li>')
    return ('<nav class="toc" aria-label="contents">\n<h2>Contents</h2>\n'
            f'<ol>{"".join(items)}</ol>\n</nav>')


def _story(report: Report, n: int, view: StoryView, links: Links) -> str:
    parts = [f'<section class="story" id="story-{n}">',
             f"<h2>Story: {escape(view.name or '(one story)')}</h2>"]
    for i in view.findings:
        over_time = report.kind_of(report.findings[i]) == "update"
        parts.append(_finding(report.findings[i], i, links, view.beside.get(i, []), over_time))
    if view.agreements:
        parts.append(_agreements(f"story-{n}-agree", view.agreements))
    parts.append("</section>")
    return "\n".join(parts)


def _finding(f: Finding, i: int, links: Links, beside: list[Agreement], over_time: bool) -> str:
    rows = evidence(f, links)
    about = telling(rows)
    why = reason(f)
    parts = [
        f'<article class="finding sev-{f.severity}" id="finding-{i + 1}" data-finding="{i}">',
        f'<header><h3>{_chip(f.severity)} {escape(subject(f))}</h3>'
        f'<p class="rule">{escape(f.rule)} {escape(f.name)}</p></header>',
        f'<p class="message">{escape(message(f))}</p>',
    ]
    if why:
        shared = "".join(f"<li><span>{escape(k)}</span> {escape(v)}</li>"
                         for k, v in compared_on(f))
        parts.append(f'<div class="why"><p><strong>Why compared:</strong> {escape(why)}</p>'
                     f'<ul class="key">{shared}</ul></div>')
    data = chart_data(rows, over_time)
    if data is not None:
        title = f"{subject(f)}: " + ("values over publication time" if data.timeline
                                      else "each source's figure")
        caption = ("Each row is a source, earliest first; a dot is the figure, a bar the range "
                   "its wording allows, an arrow an open end." if data.timeline else
                   "Each row is a source; a dot is the figure, a bar the range its wording "
                   "allows, an arrow an open end.")
        svg = dot_chart(data.marks, data.unit, f"chart-{i + 1}", title, data.timeline, data.whole)
        parts.append(f'<figure class="chart-box">{svg}<figcaption>{escape(caption)}</figcaption>'
                     "</figure>")
    parts.append('<div class="sources">')
    parts += [_source(r, t, links.title(r.fact)) for r, t in zip(rows, about)]
    parts.append("</div>")
    if beside:
        agreeing = "".join(f'<li data-findings="{_ids(a)}"><strong>{escape(a.figure)}</strong>: '
                           f"{_outlets(a)}</li>" for a in beside)
        parts.append('<aside class="agree"><p>Outlets that agree with each other within this '
                     f"dispute:</p><ul>{agreeing}</ul></aside>")
    parts.append("</article>")
    return "\n".join(parts)


def _source(r: Evidence, about: str, title: str | None) -> str:
    f = r.fact
    before, figure, after = quote(f)
    text = escape(before) + (f"<mark>{escape(figure)}</mark>" if figure else "") + escape(after)
    meta = []
    if f.date:
        meta.append(f'<time datetime="{escape(str(f.date))}">{escape(day(f.date))}</time>')
    if f.attribution:
        meta.append(f"says {escape(f.attribution)}")
    if r.repeats > 1:
        meta.append(f"{r.repeats} identical mentions")
    return ('<section class="source">'
            f"<h4>{_link(r.outlet, r.url)}</h4>"
            + (f'<p class="headline">{escape(title)}</p>' if title else "")
            + (f'<p class="about">{escape(about)}</p>' if about else "")
            + f'<p class="figure">{escape(r.figure)}</p>'
            + (f'<p class="meta">{" · ".join(meta)}</p>' if meta else "")
            + (f"<blockquote>{text}</blockquote>" if text else "")
            + "</section>")


def _agreements(anchor: str, agreements: list[Agreement]) -> str:
    rows = "".join(f'<tr data-findings="{_ids(a)}"><td>{escape(a.subject)}</td>'
                   f'<td class="num">{escape(a.figure)}</td><td>{_outlets(a)}</td></tr>'
                   for a in agreements)
    return (f'<section class="agreements" id="{anchor}">'
            f"<h3>{_chip('info')} Corroborated figures</h3>"
            "<p>Figures that independent sources give identically, and that no dispute "
            "covers.</p><table><thead><tr><th>what</th><th class=\"num\">figure</th>"
            f"<th>outlets</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _ids(a: Agreement) -> str:
    return " ".join(str(i) for i in a.findings)


def _outlets(a: Agreement) -> str:
    return ", ".join(_link(name, url) for name, url in a.outlets)


def _link(text: str, url: str | None) -> str:
    if not url:
        return escape(text)
    return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'


def _chip(severity: str) -> str:
    return f'<span class="sev sev-{severity}">{LABEL[severity]}</span>'
