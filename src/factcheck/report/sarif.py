"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

One result per finding (and per contradicted or unsupported draft figure);
its first fact is the location, the others related locations; each carries
a content fingerprint (see fingerprints.py) in `partialFingerprints`. No timestamps or absolute paths, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
from urllib.parse import quote as url_quote

from factcheck import __version__
from factcheck.models import Fact
from factcheck.report.issues import issues
from factcheck.report.locate import Locator
from factcheck.report.summary import Report
from factcheck.rules.wording import figure
from factcheck.severity import SARIF_LEVEL

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report) -> str:
    locator = Locator(report.documents)
    rules = [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.name.replace("-", " ")},
        "fullDescription": {"text": r.description},
        "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
        "properties": {"kind": r.kind},
    } for r in report.rules]
    if report.draft is not None:
        from factcheck.draft import CODES, DESCRIPTIONS, NAMES, SEVERITY

        rules += [{
            "id": CODES[v],
            "name": NAMES[v],
            "shortDescription": {"text": NAMES[v].replace("-", " ")},
            "fullDescription": {"text": DESCRIPTIONS[v]},
            "defaultConfiguration": {"level": SARIF_LEVEL[SEVERITY[v]]},
            "properties": {"kind": "draft"},
        } for v in ("contradicted", "unsupported")]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for issue in issues(report):
        locations = [_location(locator, x, i) for i, x in enumerate(issue.facts)]
        result = {
            "ruleId": issue.code,
            "level": SARIF_LEVEL[issue.severity],
            "message": {"text": issue.message},
            "locations": locations[:1],
            "partialFingerprints": {"factcheckContent/v1": issue.fingerprint},
            "properties": {"story": issue.story, "key": issue.key},
        }
        if issue.code in index:
            result["ruleIndex"] = index[issue.code]
        if len(locations) > 1:
            result["relatedLocations"] = locations[1:]
        results.append(result)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _location(locator: Locator, fact: Fact, i: int) -> dict:
    place = locator.place(fact)
    loc: dict = {"id": i, "message": {"text": f"{fact.source or fact.doc}: {figure(fact)}"}}
    if place.uri:
        physical: dict = {"artifactLocation": {"uri": url_quote(place.uri.replace("\\", "/"))}}
        if place.line:
            region = {"startLine": place.line, "startColumn": place.column,
                      "endColumn": place.end_column}
            if fact.sentence:
                region["snippet"] = {"text": fact.sentence}
            physical["region"] = region
        loc["physicalLocation"] = physical
    else:
        loc["logicalLocations"] = [{"name": fact.doc, "kind": "module"}]
    return loc
