"""Draft mode in the reports a person reads: the draft walked figure by figure."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from factcheck.draft import Draft, DraftFigure
from factcheck.models import Fact
from factcheck.report.locate import Locator
from factcheck.report.quotes import quote
from factcheck.rules.wording import figure, subject

STYLE = {"contradicted": "bold red", "unsupported": "yellow", "supported": "green"}
MARK = {"contradicted": "✗", "unsupported": "?", "supported": "✓"}


def headline(draft: Draft) -> str:
    return f"draft: {draft.path or draft.doc}"


def tally(draft: Draft) -> str:
    c = draft.counts()
    return (f"{len(draft.figures)} figures · {c['contradicted']} contradicted · "
            f"{c['unsupported']} unsupported · {c['supported']} supported")


def what(f: Fact) -> str:
    """'17 · injured · person · Lviv': the figure and what it is taken to count."""
    key = {k: getattr(f, k) for k in ("measure", "entity", "location", "scope", "actor")}
    about = subject(key)
    return f"{figure(f)} · {about}" if about != "figure" else figure(f)


def source_line(e: Fact) -> str:
    said = f" (“{e.text}”)" if e.text and e.text != figure(e) else ""
    return f"{e.source or e.doc}: {figure(e)}{said}"


def unsupported_note(fig: DraftFigure) -> str:
    """Why an unsupported figure is not contradicted when sources give its quantity."""
    if not fig.evidence:
        return "no source states this figure"
    return "no source states this figure; for the same quantity, perhaps at another moment:"


def render_terminal(draft: Draft, console: Console, locator: Locator, plain: bool) -> None:
    console.print()
    console.rule(Text(headline(draft), style="bold"), align="left")
    console.print(tally(draft))
    if not draft.figures:
        console.print("The draft states no figure the sources could be asked about.")
    for fig in draft.figures:
        _figure(console, fig, locator, plain)


def _figure(console: Console, fig: DraftFigure, locator: Locator, plain: bool) -> None:
    head = Text("  ")
    head.append(f"{MARK[fig.verdict]} {fig.verdict.upper()}", style=STYLE[fig.verdict])
    head.append(f" {what(fig.fact)}", style="bold")
    console.print(head)
    console.print(Padding(Text(str(locator.place(fig.fact)), style="dim"), (0, 0, 0, 4),
                          expand=False))
    before, fig_text, after = quote(fig.fact)
    if before or fig_text or after:
        q = Text("“" + before)
        q.append(f"[{fig_text}]" if plain else fig_text, style="bold underline")
        q.append(after + "”")
        console.print(Padding(q, (0, 0, 0, 4), expand=False))
    if fig.verdict == "unsupported":
        console.print(Padding(Text(unsupported_note(fig), style="dim"), (0, 0, 0, 4),
                              expand=False))
    for e in fig.evidence:
        line = Text("• ")
        line.append(source_line(e))
        line.append(f"  {locator.place(e)}", style="dim")
        console.print(Padding(line, (0, 0, 0, 4), expand=False))


def render_markdown(draft: Draft, locator: Locator, escape, cell) -> list[str]:
    out = [f"## {escape(headline(draft))}", "", escape(tally(draft)), "",
           "| where | figure | verdict | evidence |", "|---|---|---|---|"]
    for fig in draft.figures:
        evidence = "<br>".join(cell(f"{source_line(e)} ({locator.place(e)})")
                               for e in fig.evidence) or "no source states it"
        if fig.verdict == "unsupported" and fig.evidence:
            evidence = f"{cell(unsupported_note(fig))}<br>{evidence}"
        out.append(f"| `{cell(str(locator.place(fig.fact)))}` | {cell(what(fig.fact))} "
                   f"| {MARK[fig.verdict]} {fig.verdict} | {evidence} |")
    return [*out, ""]
