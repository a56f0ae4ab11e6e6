"""`factcheck check`, `rules` and `explain`: thin commands over the rule engine and reports."""

from __future__ import annotations

import sys
from enum import Enum, StrEnum
from typing import Annotated

import typer

from factcheck.cli_options import NATIVE, ExtractorOpt, InputOpt, PathsArg, paths_or_stdin
from factcheck.cli_run import Engine, EngineOpt, JobsOpt, SchedulerOpt, progress_display
from factcheck.report import formats
from factcheck.severity import FAIL_ON, SEVERITIES, exit_code

# The choices come from the one registry of formats (report/formats.py).
CheckFormat = StrEnum("CheckFormat", {name: name for name in formats.names()})


class RulesFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


FailOn = Enum("FailOn", {name: name for name in FAIL_ON}, type=str)
MinSeverity = Enum("MinSeverity", {name: name for name in SEVERITIES}, type=str)
ConfigOpt = Annotated[str | None, typer.Option(
    "--config", metavar="FILE", help="Settings file; default: the nearest factcheck.toml or "
                                     "pyproject.toml with a tool.factcheck table.")]

RulesOpt = Annotated[list[str] | None, typer.Option(
    "--rules", metavar="PATH", help="Add a rule pack: a folder of rule files, or one file.")]
NoDefaultOpt = Annotated[bool, typer.Option(
    "--no-default-rules", help="Use only the --rules packs, not the default rules/.")]


def _pack(settings, no_default: bool):
    """The rules: default and extra packs, with the configured selection and overrides."""
    from factcheck.config import apply_rule_settings
    from factcheck.rules import load_pack

    return apply_rule_settings(load_pack(settings["rule-packs"], default=not no_default), settings)


def _plain_pack(rules: list[str] | None, no_default: bool):
    """For `rules` and `explain`: every rule, with the configured severities and parameters."""
    settings = _settings(None, select=None, ignore=None, fail_on=None, min_severity=None,
                         story_per_file=False, rules=rules)
    settings.values.update(select=[], ignore=[])
    return _pack(settings, no_default)


def check(
    paths: PathsArg = None,
    draft: Annotated[str | None, typer.Option(
        "--draft", metavar="FILE",
        help="Judge every figure of this draft (text, Markdown, HTML or one-record JSONL) "
             "against the sources: supported, contradicted or unsupported.")] = None,
    format: Annotated[CheckFormat | None, typer.Option(
        "--format", "-f", help="Report format; default: by --output's suffix, else terminal.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to this file (atomically).")] = None,
    input: InputOpt = None,
    select: Annotated[str | None, typer.Option(
        "--select", metavar="CODES", help="Only these rule codes (comma-separated; prefixes "
                                          "such as FC00 allowed).")] = None,
    ignore: Annotated[str | None, typer.Option(
        "--ignore", metavar="CODES", help="Never these rule codes (comma-separated).")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding is at least this severe (default: error).")] = None,
    min_severity: Annotated[MinSeverity | None, typer.Option(
        "--min-severity", help="Show only findings at least this severe (default: info).")] = None,
    story_per_file: Annotated[bool, typer.Option(
        "--story-per-file", help="Each file is its own story (as a pre-commit hook passes "
                                 "changed files).")] = False,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", metavar="FILE", help="Report (and fail on) only findings this baseline "
                                           "does not hold.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", metavar="FILE", help="Record the findings in a baseline file.")] = None,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Print the number of findings per rule instead of the report.")] = False,
    config: ConfigOpt = None,
    extractor: ExtractorOpt = NATIVE,
    jobs: JobsOpt = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Check figures across sources; report what does not add up.

    Examples:

      factcheck check sources/                        # one story: a folder

      factcheck check --draft draft.md sources/       # a draft, figure by figure

      factcheck check corpus.jsonl -f json --fail-on warning --jobs 2

      factcheck check story/ -o reports/story.html    # the format follows the suffix
    """
    from factcheck.corpus import input_files
    from factcheck.report.write import check_target, write_atomic
    from factcheck.run import check_inputs

    settings = _settings(config, select=select, ignore=ignore, fail_on=fail_on,
                         min_severity=min_severity, story_per_file=story_per_file, rules=rules)
    pack = _pack(settings, no_default_rules)  # a bad rule file fails before any reading
    named = paths_or_stdin(paths) if paths or not draft else []
    kind = input.value if input else None
    inputs = [*input_files(named, kind), *([draft] if draft else [])] if output else []
    if output:
        check_target(output, inputs)  # refused before the work, not after it
    fmt = formats.choose(output, format.value if format else None)
    report = check_inputs(named, pack, input_kind=kind, backend=extractor.value, draft=draft,
                          story_per_file=settings["story-per-file"], jobs=jobs,
                          engine=engine.value, scheduler=scheduler,
                          on_start=progress_display())
    report = _baseline(report, write_baseline, baseline or settings["baseline"])
    report = report.shown(settings["min-severity"], settings.selects)
    if statistics:
        from factcheck.report.statistics import render as stats

        _print(stats(report))
    elif output:
        write_atomic(output, fmt.render(report), inputs)
        print(f"factcheck: wrote {output}", file=sys.stderr)
    elif fmt.name == "terminal" and sys.stdout is not None and sys.stdout.isatty():
        from rich.console import Console  # only the terminal pays for rich

        from factcheck.report.terminal import render as to_terminal

        to_terminal(report, Console(highlight=False))
    else:
        _print(fmt.render(report))
    sys.exit(exit_code(report.severities(), settings["fail-on"]))


def _print(text: str) -> None:
    from factcheck.report.write import StdoutClosed, to_stdout

    try:
        to_stdout(text)
    except StdoutClosed:
        pass  # the reader went away; the findings still decide the status


def _baseline(report, write: str | None, read: str | None):
    from factcheck import silence

    if write:
        silence.write_baseline(report, write)
        print(f"factcheck: wrote baseline {write}", file=sys.stderr)
        return report
    if read:
        report, hidden = silence.without_baseline(report, silence.read_baseline(read))
        if hidden:
            print(f"factcheck: {hidden} finding{'s' if hidden != 1 else ''} in the baseline "
                  "not shown", file=sys.stderr)
    return report


def _settings(config: str | None, **flags):
    """The file's settings (the nearest one, or --config), then the flags over them."""
    from pathlib import Path

    from factcheck.config import load_settings

    settings = load_settings(Path(config) if config else None)
    codes = lambda s: [c.strip().upper() for c in s.split(",") if c.strip()] if s else None  # noqa: E731
    settings.override("select", codes(flags["select"]), "--select")
    settings.override("ignore", codes(flags["ignore"]), "--ignore")
    settings.override("fail-on", flags["fail_on"].value if flags["fail_on"] else None, "--fail-on")
    settings.override("min-severity", flags["min_severity"].value if flags["min_severity"]
                      else None, "--min-severity")
    settings.override("story-per-file", flags["story_per_file"], "--story-per-file")
    settings.override("rule-packs", [*settings["rule-packs"], *(flags["rules"] or [])]
                      if flags["rules"] else None, "--rules")
    if settings["lexicon"]:
        import os

        os.environ["FACTCHECK_LEXICON"] = settings["lexicon"]
    return settings


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

    pack = _plain_pack(rules, no_default_rules)
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

    show(_plain_pack(rules, no_default_rules).get(code), Console(highlight=False))


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(rules)
    app.command()(explain)
