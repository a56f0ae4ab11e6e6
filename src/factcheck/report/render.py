"""One entry point for every findings format (report files are written by report.write).

The formats themselves live in one registry, `report.formats`.
"""

from __future__ import annotations

from factcheck.report import formats
from factcheck.report.summary import Report
from factcheck.report.write import write_atomic

__all__ = ["FORMATS", "format_for", "render", "write_atomic"]

FORMATS = formats.names()


def render(report: Report, fmt: str, width: int = 80) -> str:
    """The report as text, in one of FORMATS (the terminal one without colour)."""
    return formats.get(fmt).render(report, width=width)


def format_for(output: str | None, fmt: str | None) -> str:
    """--format wins; else the output file's suffix; else the terminal."""
    return formats.choose(output, fmt).name
