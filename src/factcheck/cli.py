"""The command line: a thin shell over the library's stage functions."""

from __future__ import annotations

import json
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


def _show_version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_show_version, help="Print the version and exit.")] = False,
) -> None:
    """Cross-source numeric consistency checker for news."""


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
    from factcheck.corpus import read_documents
    from factcheck.extract import extract_facts

    kind = "jsonl" if batch else (input.value if input else None)
    docs = read_documents(paths_or_stdin(paths), kind)
    facts = extract_facts(docs, backend=extractor.value)
    if format is ExtractFormat.jsonl:
        write = sys.stdout.write
        for fact in facts:
            write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    else:
        from factcheck.report.facts_table import print_facts

        print_facts(facts)


register_check_commands(app)  # `check`, `rules` and `explain` live beside the rule engine


def main() -> None:
    """Entry point: every failure ends as one line on stderr and a defined exit status."""
    try:
        app(standalone_mode=False)
    except FactcheckError as exc:
        _fail(str(exc))
    except BrokenPipeError:  # `factcheck extract ... | head`
        sys.stderr.close()
        sys.exit(ExitCode.OK)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if callable(getattr(exc, "show", None)) and hasattr(exc, "exit_code"):
            exc.show()  # a usage error, worded by typer/click
            sys.exit(ExitCode.ERROR)
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for a traceback)")


def _fail(message: str) -> None:
    print(f"factcheck: error: {message}", file=sys.stderr)
    sys.exit(ExitCode.ERROR)
