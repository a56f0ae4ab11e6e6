"""`--format junit`: JUnit XML, so CI test views list each finding as a failed case.

One test suite per story; one test case per finding (errors and warnings fail,
info passes with its message kept as output); the case's name is the rule and
where, its body the message and the evidence, each figure with path:line:col.
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from factcheck.report.issues import Issue, issues
from factcheck.report.locate import Locator
from factcheck.report.summary import Report


def render(report: Report) -> str:
    locator = Locator(report.documents)
    suites: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues(report):
        suites[issue.story or "(one story)"].append(issue)
    failing = sum(1 for i in issues(report) if i.severity != "info")
    total = sum(len(v) for v in suites.values())
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="factcheck" tests="{total}" failures="{failing}">']
    for story in sorted(suites):
        cases = suites[story]
        fails = sum(1 for i in cases if i.severity != "info")
        out.append(f'  <testsuite name={quoteattr(story)} tests="{len(cases)}" '
                   f'failures="{fails}">')
        for issue in cases:
            where = str(locator.place(issue.facts[0])) if issue.facts else story
            name = quoteattr(f"{issue.code} {issue.name} {where}")
            body = escape("\n".join([issue.message, *(
                f"{locator.place(x)}: {x.source or x.doc}: {x.text}" for x in issue.facts)]))
            out.append(f'    <testcase classname={quoteattr(issue.code)} name={name} '
                       f'file={quoteattr(where.split(":")[0])}>')
            if issue.severity == "info":
                out.append(f"      <system-out>{body}</system-out>")
            else:
                out.append(f'      <failure type={quoteattr(issue.severity)} '
                           f'message={quoteattr(" ".join(issue.message.split()))}>{body}</failure>')
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
