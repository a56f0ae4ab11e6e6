"""`factcheck extract --format table`: the facts as a rich table for people."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from factcheck.models import Fact, _plain_number


def _interval(f: Fact) -> str:
    if f.qualifier == "exact":
        return ""
    lo = "" if f.low is None else f"{_plain_number(f.low):,}"
    hi = "" if f.high is None else f"{_plain_number(f.high):,}"
    return f"[{lo}, {hi}]"


def print_facts(facts: list[Fact], console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in ("doc", "source", "text", "value", "interval", "unit", "kind",
                "entity", "measure", "location", "scope", "attribution"):
        table.add_column(col, overflow="fold")
    for f in facts:
        v = _plain_number(f.value)
        table.add_row(f.doc, f.source or "", f.text, "" if v is None else f"{v:,}",
                      _interval(f), f.unit, f.kind, f.entity or "", f.measure or "",
                      f.location or "", f.scope or "", f.attribution or "")
    console.print(table)
    console.print(f"{len(facts)} facts")
