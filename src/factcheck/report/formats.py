"""The one registry of findings formats: name → renderer, file suffixes, machine or human.

`check --format`, `--output`'s suffix detection, the tests and the docs all read
this table; adding a format is one entry here and one renderer module. A
renderer is named as "module:function" and imported on first use, so a run
pays only for the format it writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.report.summary import Report


@dataclass(frozen=True)
class Format:
    name: str
    renderer: str  # "module:function", the function taking a Report and returning text
    suffixes: tuple[str, ...] = ()  # --output suffixes that choose this format
    machine: bool = False  # read by programs: nothing but its data ever goes to stdout
    sized: bool = False  # the renderer takes a `width` (columns)
    help: str = ""

    def render(self, report: Report, width: int = 80) -> str:
        module, _, function = self.renderer.partition(":")
        fn = getattr(import_module(module), function)
        return fn(report, width=width) if self.sized else fn(report)


FORMATS: tuple[Format, ...] = (
    Format("terminal", "factcheck.report.terminal:render_text", (".txt",), sized=True,
           help="findings by story and severity, for a person at a terminal"),
    Format("markdown", "factcheck.report.markdown:render", (".md", ".markdown"),
           help="a report to read on GitHub or in an editor"),
    Format("html", "factcheck.report.html:render", (".html", ".htm"),
           help="one self-contained page, with the disputed figures drawn"),
    Format("json", "factcheck.report.json_report:render", (".json",), machine=True,
           help="findings and summary as JSON (the contract in DESIGN.md)"),
    Format("sarif", "factcheck.report.sarif:render", (".sarif",), machine=True,
           help="SARIF 2.1.0 for code-scanning tools"),
    Format("github", "factcheck.report.github:render", machine=True,
           help="GitHub Actions workflow commands (annotations)"),
    Format("junit", "factcheck.report.junit:render", (".xml",), machine=True,
           help="JUnit XML: one test case per story, a failure per error or warning"),
    Format("concise", "factcheck.report.concise:render", machine=True,
           help="one line per finding, path:line:col: CODE message (as ruff prints)"),
)

DEFAULT = "terminal"
_BY_NAME = {f.name: f for f in FORMATS}
_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}


def names() -> tuple[str, ...]:
    return tuple(_BY_NAME)


def get(name: str) -> Format:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(_BY_NAME)}") from None


def for_path(path: str | Path) -> Format | None:
    """The format an output file's suffix asks for, or None for a suffix no format claims."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def choose(output: str | None, name: str | None) -> Format:
    """--format wins; else the output file's suffix; else the terminal."""
    if name:
        return get(name)
    return (for_path(output) if output else None) or _BY_NAME[DEFAULT]
