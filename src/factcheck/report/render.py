"""One entry point for every findings format (report files are written by report.write)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from factcheck.report import github, json_report, markdown, sarif, terminal
from factcheck.report.summary import Report
from factcheck.report.write import write_atomic

__all__ = ["FORMATS", "format_for", "render", "write_atomic"]

FORMATS = ("terminal", "markdown", "json", "sarif", "github")
BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".sarif": "sarif",
             ".txt": "terminal"}


def render(report: Report, fmt: str, width: int = 80) -> str:
    """The report as text, in one of FORMATS (the terminal one without colour)."""
    if fmt == "terminal":
        buf = io.StringIO()
        terminal.render(report, Console(file=buf, width=width, no_color=True, highlight=False,
                                        force_terminal=False, emoji=False))
        # rich pads wrapped lines to the width; a file wants no trailing blanks.
        return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())
    renderers = {"markdown": markdown.render, "json": json_report.render,
                 "sarif": sarif.render, "github": github.render}
    return renderers[fmt](report)


def format_for(output: str | None, fmt: str | None) -> str:
    """--format wins; else the output file's suffix; else the terminal."""
    if fmt:
        return fmt
    if output:
        return BY_SUFFIX.get(Path(output).suffix.lower(), "terminal")
    return "terminal"
