"""One entry point for every findings format, and atomic writing of reports.

The formats themselves live in one registry, `report.formats`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.report import formats
from factcheck.report.summary import Report

FORMATS = formats.names()


def render(report: Report, fmt: str, width: int = 80) -> str:
    """The report as text, in one of FORMATS (the terminal one without colour)."""
    return formats.get(fmt).render(report, width=width)


def format_for(output: str | None, fmt: str | None) -> str:
    """--format wins; else the output file's suffix; else the terminal."""
    return formats.choose(output, fmt).name


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
