"""The terminal report (rich): a summary line, then findings by story and severity.

Readable at 80 columns; colour only on a TTY (rich decides). Without colour
the figure in each quote is marked with [brackets] instead of bold.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.models import Fact, Finding
from factcheck.report.locate import Locator
from factcheck.report.quotes import interval, key_text, quote
from factcheck.report.summary import Report, summary_line
from factcheck.rules.wording import number
from factcheck.severity import SEVERITIES, TERMINAL_STYLE

HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Info"}


def render_text(report: Report, width: int = 80) -> str:
    """The terminal report as plain text, for a file or a pipe: no colour, no trailing blanks."""
    buf = io.StringIO()
    render(report, Console(file=buf, width=width, no_color=True, highlight=False,
                           force_terminal=False, emoji=False))
    # rich pads wrapped lines to the width; a file wants no trailing blanks.
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())


def render(report: Report, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    plain = console.no_color or console.color_system is None
    console.print(Text(summary_line(report), style="bold"))
    locator = Locator(report.documents)
    if report.draft is not None:
        from factcheck.report.draft_view import render_terminal

        render_terminal(report.draft, console, locator, plain)
    if not report.findings:
        console.print("No findings: the sources do not contradict each other on any figure.")
        return
    for story, in_story in groupby(report.findings, key=lambda f: f.story or ""):
        console.print()
        console.rule(Text(f"story: {story or '(one story)'}", style="bold"), align="left")
        by_severity = {s: [] for s in SEVERITIES}
        for f in in_story:
            by_severity[f.severity].append(f)
        for severity in SEVERITIES:
            if by_severity[severity]:
                console.print(Text(f"{HEADINGS[severity]} ({len(by_severity[severity])})",
                                   style=TERMINAL_STYLE[severity]))
                for finding in by_severity[severity]:
                    _finding(console, finding, plain, locator)


def _finding(console: Console, f: Finding, plain: bool, locator: Locator) -> None:
    head = Text("  ")
    head.append(f.severity.upper(), style=TERMINAL_STYLE[f.severity])
    head.append(f" {f.rule} {f.name}", style="bold")
    console.print(head)
    console.print(Padding(Text(f.message), (0, 0, 0, 4), expand=False))
    console.print(Padding(Text(f"key: {key_text(f.key)}", style="dim"), (0, 0, 0, 4), expand=False))
    for fact in f.facts:
        _evidence(console, fact, plain, locator)


def _hanging(console: Console, marker: str, body: Text, indent: int) -> None:
    """Print `marker body` with wrapped lines hanging under the body, not the marker."""
    grid = Table.grid()
    grid.add_column(width=indent + len(marker), no_wrap=True)
    grid.add_column()
    grid.add_row(" " * indent + marker, body)
    console.print(grid)


def _evidence(console: Console, fact: Fact, plain: bool, locator: Locator) -> None:
    line = Text()
    line.append(fact.source or fact.doc, style="bold")
    line.append(f": {number(fact.value)}")
    span = interval(fact)
    if span:
        line.append(f" {span}")
    if fact.text and fact.text != number(fact.value):
        line.append(f" (“{fact.text}”)")
    if fact.attribution:
        line.append(f", says {fact.attribution}", style="italic")
    if fact.date:
        line.append(f", {fact.date}", style="dim")
    _hanging(console, "• ", line, 4)
    console.print(Padding(Text(str(locator.place(fact)), style="dim"), (0, 0, 0, 6), expand=False))
    before, figure, after = quote(fact)
    if not (before or figure or after):
        return
    q = Text("“" + before)
    if figure:
        q.append(f"[{figure}]" if plain else figure, style="bold underline")
    q.append(after + "”")
    console.print(Padding(q, (0, 0, 0, 6), expand=False), style="" if plain else "dim")
