"""The command line: a thin shell over the library's stage functions."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from factcheck.corpus import read_documents
from factcheck.errors import FactcheckError
from factcheck.extract import extract_facts
from factcheck.severity import ExitCode

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cross-source numeric consistency checker for news.",
    pretty_exceptions_enable=False,
)


class InputKind(str, Enum):
    text = "text"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


class Extractor(str, Enum):
    native = "native"
    quantulum3 = "quantulum3"


@app.callback()
def _root() -> None:
    """Cross-source numeric consistency checker for news."""


Paths = Annotated[Optional[list[str]], typer.Argument(help="Files or folders; - or nothing for stdin.")]
InputOpt = Annotated[Optional[InputKind], typer.Option("--input", help="Input kind; default: by extension.")]


def _paths_or_stdin(paths: list[str] | None) -> list[str]:
    """No paths means stdin, but waiting silently on a terminal helps no one."""
    if not paths and sys.stdin.isatty():
        raise FactcheckError("no input: name files or folders, or pipe text in (use - for stdin)")
    return paths or ["-"]


@app.command()
def extract(
    paths: Paths = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.table,
    input: InputOpt = None,
    extractor: Annotated[Extractor, typer.Option(help="Quantity backend.")] = Extractor.native,
    batch: Annotated[bool, typer.Option("--batch", help="Same as --input jsonl.", hidden=True)] = False,
) -> None:
    """Print every figure in the inputs as a fact."""
    kind = "jsonl" if batch else (input.value if input else None)
    docs = read_documents(_paths_or_stdin(paths), kind)
    facts = extract_facts(docs, backend=extractor.value)
    if format is ExtractFormat.jsonl:
        write = sys.stdout.write
        for fact in facts:
            write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    else:
        from factcheck.report.facts_table import print_facts

        print_facts(facts)


def _register_optional_commands() -> None:
    """`check`, `rules` and `explain` live beside the rule engine."""
    if importlib.util.find_spec("factcheck.cli_check") is not None:
        from factcheck.cli_check import register

        register(app)


_register_optional_commands()


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
