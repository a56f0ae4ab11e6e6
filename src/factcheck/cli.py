"""The command line: a thin shell over the library's stage functions."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from factcheck import __version__
from factcheck.cli_check import register as register_check_commands
from factcheck.cli_options import NATIVE, ExtractorOpt, InputOpt, PathsArg, paths_or_stdin
from factcheck.errors import FactcheckError
from factcheck.severity import ExitCode

# Every stage is imported inside the command that needs it, and help is plain click
# text (typer's rich help loads markdown and traceback machinery): --help and
# --version answer at once.
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cross-source numeric consistency checker for news.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: PathsArg = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.table,
    input: InputOpt = None,
    extractor: ExtractorOpt = NATIVE,
    batch: Annotated[bool, typer.Option("--batch", help="Same as --input jsonl.", hidden=True)] = False,
) -> None:
    """Print every figure in the inputs as a fact."""
    from factcheck.corpus import read_documents_or_fail
    from factcheck.extract import iter_facts

    kind = "jsonl" if batch else (input.value if input else None)
    docs = read_documents_or_fail(paths_or_stdin(paths), kind)
    facts = iter_facts(docs, backend=extractor.value)
    if format is ExtractFormat.jsonl:
        from factcheck.report.fact_lines import fact_lines
        from factcheck.report.write import StdoutClosed, to_stdout

        try:  # each fact is written as it comes: a dense megabyte is never all in memory
            for lines in fact_lines(facts):
                to_stdout(lines, flush=False)
            to_stdout("")
        except StdoutClosed:
            return  # `factcheck extract ... | head`: the reader has what it wanted
    else:
        from factcheck.report.facts_table import print_facts

        print_facts(list(facts))


register_check_commands(app)  # `check`, `rules` and `explain` live beside the rule engine


@app.command()
def config(
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE", help="Settings file; default: the nearest one.")] = None,
) -> None:
    """Print the effective settings and where each came from."""
    from pathlib import Path

    from factcheck.config import load_settings, settings_text

    sys.stdout.write(settings_text(load_settings(Path(config) if config else None)))


def _version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Cross-source numeric consistency checker for news."""


def main() -> None:
    """Entry point: every failure ends as one line on stderr and a defined exit status."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a stray surrogate must not end the run
    try:
        status = app(standalone_mode=False)
    except FactcheckError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:  # a pipe closed while something other than the report was written
        _quiet_exit(ExitCode.OK)
    except typer.Abort:
        _interrupted()
    except Exception as exc:
        if callable(getattr(exc, "format_message", None)) and hasattr(exc, "exit_code"):
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()  # `factcheck` alone: the help, as asked for
                sys.exit(ExitCode.ERROR)
            _fail(_usage_line(exc))  # a usage error, worded by click, in one line
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for a traceback)")
    else:
        if status == 130:  # typer turns Ctrl-C into a returned 130
            _interrupted()
        sys.exit(status if isinstance(status, int) else ExitCode.OK)


def _usage_line(exc: Exception) -> str:
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "factcheck"
    command = "factcheck" + command.partition(" ")[1] + command.partition(" ")[2]
    return f"{message} (see '{command} --help')"


def _interrupted() -> None:
    print("factcheck: interrupted", file=sys.stderr)
    sys.exit(130)


def _quiet_exit(status: int) -> None:
    from factcheck.report.write import _silence_stdout

    _silence_stdout()
    sys.exit(status)


def _fail(message: str) -> None:
    print(f"factcheck: error: {message}", file=sys.stderr)
    sys.exit(ExitCode.ERROR)
