"""One entry point for every findings format, and atomic writing of reports."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from rich.console import Console

from factcheck.errors import FactcheckError
from factcheck.report import github, json_report, markdown, sarif, terminal
from factcheck.report.summary import Report

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


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a report."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FactcheckError(f"cannot write report ({exc.strerror})", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a report is not
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FactcheckError(f"cannot write report ({exc.strerror})", str(path)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
