"""`factcheck rules` and `factcheck explain`: the rule files, read back for people.

docs/rules.md is `factcheck rules --format markdown`; a test keeps it current.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import yaml
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.rules.examples import example_facts
from factcheck.rules.kinds import KINDS
from factcheck.rules.rule import Rule
from factcheck.rules.wording import figure
from factcheck.severity import TERMINAL_STYLE

EXAMPLE_TITLES = {"flagged": "Flagged", "not_flagged": "Not flagged"}


def print_rules(rules: Sequence[Rule], console: Console) -> None:
    table = Table(header_style="bold", expand=False)
    for col in ("code", "name", "kind", "severity", "what it finds"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.code, r.name, r.kind, Text(r.severity, style=TERMINAL_STYLE[r.severity]),
                      KINDS[r.kind].summary)
    console.print(table)
    console.print(f"{len(rules)} rules")


def rules_json(rules: Sequence[Rule]) -> str:
    data = [{"code": r.code, "name": r.name, "kind": r.kind, "severity": r.severity,
             "message": r.message, "description": r.description, "parameters": r.params,
             "file": r.path} for r in rules]
    return json.dumps(data, ensure_ascii=False, indent=2, default=list) + "\n"


def rules_markdown(rules: Sequence[Rule]) -> str:
    out = ["# factcheck rules", "",
           ("Generated from the rule files in `src/factcheck/data/rules/` by "
            "`factcheck rules --format markdown`; do not edit by hand."), "",
           "| code | name | kind | severity | what it finds |", "|---|---|---|---|---|"]
    out += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.kind} | {r.severity} "
            f"| {KINDS[r.kind].summary} |" for r in rules]
    out.append("")
    for r in rules:
        out += [f"## {r.code} {r.name}", "",
                (f"**Kind:** {r.kind} · **severity:** {r.severity} · "
                 f"**message:** `{r.message}`"), "", r.description, "", "Parameters:", ""]
        spec = KINDS[r.kind].params()
        for name, value in r.params.items():
            note = f" — {spec[name].help}" if spec[name].help else ""
            out.append(f"- `{name}`: `{_plain(value)}`{note}")
        out.append("")
        for which, title in EXAMPLE_TITLES.items():
            out += [f"{title}:", "", "| source | figure | key | sentence |", "|---|---|---|---|"]
            out += [f"| {_md(f.source or f.doc)} | {_md(figure(f))} | {_md(_fact_key(f))} "
                    f"| {_md(f.sentence or '')} |" for f in example_facts(r.examples[which])]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def explain(rule: Rule, console: Console) -> None:
    """Print one rule; piped or redirected, without rich's padding at line ends."""
    if console.is_terminal:
        _explain(rule, console)
        return
    with console.capture() as captured:
        _explain(rule, console)
    console.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _explain(rule: Rule, console: Console) -> None:
    console.print(Text(f"{rule.code} {rule.name}", style="bold"))
    console.print(Text(f"kind: {rule.kind} ({KINDS[rule.kind].summary})"))
    console.print(Text("severity: ") + Text(rule.severity, style=TERMINAL_STYLE[rule.severity]))
    console.print(Text(f"message: {rule.message}"))
    console.print(Text(f"file: {rule.path}", style="dim"))
    console.print()
    console.print(Text(" ".join(rule.description.split())))
    console.print()
    console.print(Text("Parameters", style="bold"))
    spec = KINDS[rule.kind].params()
    for name, value in rule.params.items():
        note = "" if name in rule.written else " (default)"
        line = Text(f"{name}: {_plain(value)}{note}")
        if spec[name].help:
            line.append(f" — {spec[name].help}", style="dim")
        _indented(console, line, 2)
    for which, title in EXAMPLE_TITLES.items():
        console.print()
        console.print(Text(f"{title} example", style="bold"))
        for f in example_facts(rule.examples[which]):
            line = Text(f"  • {f.source or f.doc}: {figure(f)}")
            line.append(f"  [{_fact_key(f)}]", style="dim")
            console.print(line)
            if f.sentence:
                console.print(Text(f"    “{f.sentence}”"))


def _indented(console: Console, body: Text, indent: int) -> None:
    """Print `body` as a block indented by `indent`, wrapped lines aligned with the first."""
    grid = Table.grid()
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column()
    grid.add_row("", body)
    console.print(grid)


def _fact_key(f) -> str:
    parts = [f.measure, f.entity, f.location, f.scope, f.actor, f.date]
    return " · ".join(p for p in parts if p)


def _plain(v: Any) -> str:
    if isinstance(v, tuple):
        v = [dict(x) if isinstance(x, dict) else x for x in v]
    return yaml.safe_dump(v, default_flow_style=True, sort_keys=False, width=10_000).strip() \
        .removesuffix("...").strip()


def _md(s: str) -> str:
    return " ".join(s.replace("|", "\\|").split())
