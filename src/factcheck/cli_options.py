"""Options the commands share, declared once."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

import factcheck.cli_help  # noqa: F401  (help without Python types; see the module)
from factcheck.corpus import INPUT_KINDS
from factcheck.errors import FactcheckError
from factcheck.extract import BACKENDS

InputKind = Enum("InputKind", {name: name for name in INPUT_KINDS}, type=str)
Extractor = Enum("Extractor", {name: name for name in BACKENDS}, type=str)

PathsArg = Annotated[list[str] | None, typer.Argument(
    metavar="PATH", help="Files or folders (a folder is a story); - or nothing for stdin.")]
InputOpt = Annotated[InputKind | None, typer.Option(
    "--input", metavar="KIND", help="Input kind; default: by extension.")]
ExtractorOpt = Annotated[Extractor, typer.Option(help="Quantity backend.")]
NATIVE = Extractor("native")


def paths_or_stdin(paths: list[str] | None) -> list[str]:
    """No paths means stdin, but waiting silently on a terminal helps no one."""
    if not paths and sys.stdin.isatty():
        raise FactcheckError("no input: name files or folders, or pipe text in (use - for stdin)")
    return paths or ["-"]
