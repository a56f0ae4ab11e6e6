"""`--format json`: the contract in DESIGN.md, read by the evaluation scripts.

{"findings": [{"rule", "name", "severity", "message", "story", "key", "facts": [fact…]}],
 "draft": {"doc", "figures": [{"fact", "verdict", "evidence": [fact…]}]}   (draft mode)
 "summary": {"stories", "sources", "facts", "rules", "findings": {severity: n}}}
"""

from __future__ import annotations

import json

from factcheck.report.summary import Report


def render(report: Report) -> str:
    doc: dict = {"findings": [f.to_dict() for f in report.findings]}
    if report.draft is not None:
        doc["draft"] = report.draft.to_dict()
    doc["summary"] = report.summary()
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
