"""`factcheck check`, `rules` and `explain`: thin commands over the rule engine and reports."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from typing import Annotated

import typer

from factcheck.cli_options import NATIVE, ExtractorOpt, InputOpt, PathsArg, paths_or_stdin
from factcheck.cli_run import Engine, EngineOpt, JobsOpt, SchedulerOpt, progress_display
from factcheck.report import formats
from factcheck.severity import FAIL_ON, exit_code

# The choices come from the one registry of formats (report/formats.py).
CheckFormat = StrEnum("CheckFormat", {name: name for name in formats.names()})


class RulesFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


FailOn = Enum("FailOn", {name: name for name in FAIL_ON}, type=str)
FAIL_ON_ERROR = FailOn("error")

RulesOpt = Annotated[list[str] | None, typer.Option(
    "--rules", metavar="PATH", help="Add a rule pack: a folder of rule files, or one file.")]
NoDefaultOpt = Annotated[bool, typer.Option(
    "--no-default-rules", help="Use only the --rules packs, not the default rules/.")]


def _pack(rules: list[str] | None, no_default: bool):
    from factcheck.rules import load_pack

    return load_pack(rules or [], default=not no_default)


def check(
    paths: PathsArg = None,
    format: Annotated[CheckFormat | None, typer.Option(
        "--format", "-f", help="Report format; default: by --output's suffix, else terminal.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write the report to this file (atomically).")] = None,
    input: InputOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at least this severe.")] = FAIL_ON_ERROR,
    extractor: ExtractorOpt = NATIVE,
    jobs: JobsOpt = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Check figures across sources; report what does not add up."""
    from rich.console import Console

    from factcheck.corpus import input_files
    from factcheck.engine import check_corpus
    from factcheck.report.terminal import render as to_terminal
    from factcheck.report.write import StdoutClosed, check_target, to_stdout, write_atomic

    pack = _pack(rules, no_default_rules)  # a bad rule file fails before any reading
    named = paths_or_stdin(paths)
    kind = input.value if input else None
    inputs = input_files(named, kind) if output else []
    if output:
        check_target(output, inputs)  # refused before the work, not after it
    fmt = formats.choose(output, format.value if format else None)
    report = check_corpus(
        named, pack, input_kind=kind,
        backend=extractor.value, jobs=jobs, engine=engine.value, scheduler=scheduler,
        keep_documents=fmt.documents, on_start=progress_display())
    if output:
        write_atomic(output, fmt.render(report), inputs)
        print(f"factcheck: wrote {output}", file=sys.stderr)
    elif fmt.name == "terminal" and sys.stdout is not None and sys.stdout.isatty():
        to_terminal(report, Console(highlight=False))
    else:
        try:
            to_stdout(fmt.render(report))
        except StdoutClosed:
            pass  # the reader went away; the findings still decide the status
    sys.exit(exit_code((f.severity for f in report.findings), fail_on.value))


def rules(
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.table,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file (e.g. docs/rules.md).")] = None,
) -> None:
    """List the rules loaded (generated from the rule files)."""
    from rich.console import Console

    from factcheck.report import rule_docs
    from factcheck.report.write import StdoutClosed, to_stdout, write_atomic

    pack = _pack(rules, no_default_rules)
    if format is RulesFormat.table and not output:
        rule_docs.print_rules(pack.rules, Console(highlight=False))
        return
    text = {RulesFormat.markdown: rule_docs.rules_markdown,
            RulesFormat.json: rule_docs.rules_json}.get(format, rule_docs.rules_markdown)(pack.rules)
    if output:
        write_atomic(output, text)
    else:
        try:
            to_stdout(text)
        except StdoutClosed:
            pass


def explain(
    code: Annotated[str, typer.Argument(help="A rule code (FC001) or name.")],
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
) -> None:
    """Show one rule: what it finds, its parameters and its examples."""
    from rich.console import Console

    from factcheck.report.rule_docs import explain as show

    show(_pack(rules, no_default_rules).get(code), Console(highlight=False))


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(rules)
    app.command()(explain)
