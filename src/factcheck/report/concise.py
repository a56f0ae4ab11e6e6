"""`--format concise`: one line per finding, as compilers and linters print them.

    bugle.txt:1:45: error FC001 conflicting-values: injured · person · Lviv: sources disagree: …
"""

from __future__ import annotations

from factcheck.report.issues import issues
from factcheck.report.locate import Locator
from factcheck.report.summary import Report


def render(report: Report) -> str:
    locator = Locator(report.documents)
    out = []
    for issue in issues(report):
        where = str(locator.place(issue.facts[0])) if issue.facts else (issue.story or "-")
        message = " ".join(issue.message.split())
        out.append(f"{where}: {issue.severity} {issue.code} {issue.name}: {message}\n")
    return "".join(out)
