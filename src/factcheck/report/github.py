"""`--format github`: workflow commands that GitHub Actions shows as annotations.

    ::error file=a.txt,line=3,col=14,title=FC001 conflicting-values::Lviv …
"""

from __future__ import annotations

from factcheck.report.locate import Locator
from factcheck.report.summary import Report
from factcheck.severity import GITHUB_COMMAND


def render(report: Report) -> str:
    locator = Locator(report.documents)
    lines = []
    for f in report.findings:
        props = {}
        if f.facts:
            place = locator.place(f.facts[0])
            if place.uri:
                props["file"] = place.uri
            if place.line:
                props.update(line=place.line, col=place.column, endColumn=place.end_column)
        props["title"] = f"{f.rule} {f.name}"
        where = "; ".join(f"{x.source or x.doc}: {x.text}" for x in f.facts)
        message = f"{f.message} [{where}]" if where else f.message
        args = ",".join(f"{k}={_property(str(v))}" for k, v in props.items())
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {args}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")
