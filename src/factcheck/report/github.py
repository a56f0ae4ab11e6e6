"""`--format github`: workflow commands that GitHub Actions shows as annotations.

    ::error file=a.txt,line=3,col=14,title=FC001 conflicting-values::Lviv …

In draft mode each contradicted or unsupported figure of the draft is
annotated on the draft's own line, before the sources' findings.
"""

from __future__ import annotations

from factcheck.report.issues import evidence_text, issues
from factcheck.report.locate import Locator
from factcheck.report.summary import Report
from factcheck.severity import GITHUB_COMMAND


def render(report: Report) -> str:
    locator = Locator(report.documents)
    lines = []
    for issue in issues(report):
        props = {}
        place = locator.place(issue.facts[0]) if issue.facts else None
        if place and place.uri:
            props["file"] = place.uri
        if place and place.line:
            props.update(line=place.line, col=place.column, endColumn=place.end_column)
        props["title"] = f"{issue.code} {issue.name}"
        where = evidence_text(issue)
        message = f"{issue.message} [{where}]" if where else issue.message
        args = ",".join(f"{k}={_property(str(v))}" for k, v in props.items())
        lines.append(f"::{GITHUB_COMMAND[issue.severity]} {args}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")
