"""What the reports a person reads show of a finding, prepared once for Markdown and HTML.

- evidence rows: one per distinct (outlet, figure, sentence), so a caption a
  page repeats three times is one row;
- each outlet linked to its article's address (the document's `url`);
- corroborations grouped by story, merged when they name the same figure,
  and never listing a figure that a dispute (an error or a warning) in the
  same story also covers: those agreements are shown beside the dispute;
- why the figures were compared, in words.

Renderers read a finding's subject and evidence here, not the shape of its key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from factcheck.models import Document, Fact, Finding
from factcheck.report.quotes import key_text
from factcheck.report.reading import reads
from factcheck.report.summary import Report
from factcheck.rules.wording import subject as wording_subject
from factcheck.severity import SEVERITIES

# How each part of a key reads in "compared because…"; a part not named here reads as its name.
KEY_WORDS = {
    "measure": "measure", "entity": "thing counted", "location": "place", "scope": "scope",
    "unit": "unit", "actor": "side claiming", "part": "part", "whole": "whole",
    "converted_unit": "unit converted to", "attribution": "source quoted", "kind": "kind",
}
_UNKNOWN = {"location": "not stated", "scope": "not stated"}


@dataclass(frozen=True)
class Evidence:
    """One row of evidence: a fact standing for every identical one (`repeats` of them)."""

    fact: Fact
    outlet: str
    url: str | None
    figure: str  # as a reader says it: "at least 84"
    repeats: int = 1


@dataclass
class Agreement:
    """Independent outlets giving the same figure for the same thing (merged corroborations)."""

    story: str
    subject: str
    figure: str
    outlets: list[tuple[str, str | None]] = field(default_factory=list)  # (name, url)
    findings: list[int] = field(default_factory=list)  # indexes into report.findings


@dataclass
class StoryView:
    name: str
    findings: list[int] = field(default_factory=list)  # disputes and updates, most severe first
    agreements: list[Agreement] = field(default_factory=list)  # not in dispute
    # agreements on a figure that a dispute covers, by the dispute's index
    beside: dict[int, list[Agreement]] = field(default_factory=dict)


class Links:
    """Each document's web address and headline, for linking an outlet's name to its article."""

    def __init__(self, documents: Sequence[Document]):
        self._docs = {d.id: d for d in documents}
        self._urls = {d.id: d.url for d in documents if _is_web(d.url)}

    def url(self, fact: Fact) -> str | None:
        return self._urls.get(fact.doc)

    def title(self, fact: Fact) -> str | None:
        """The headline of the article (or aggregator section) the figure is in."""
        doc = self._docs.get(fact.doc)
        if doc is None:
            return None
        segment = doc.segment_at(fact.start)
        return (segment.title if segment else None) or doc.title


def _is_web(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def outlet_of(fact: Fact) -> str:
    """The outlet's name; for a file that names none, the file's name (not its whole path)."""
    return fact.source or PurePath(fact.doc).name or fact.doc


def subject(finding: Finding) -> str:
    """What the finding is about: 'injured · person · Lviv · event'."""
    return getattr(finding, "subject", None) or key_text(finding.key)


def message(finding: Finding) -> str:
    """The finding's message without the subject it starts with, when a heading already says it."""
    for prefix in (subject(finding), wording_subject(finding.key)):
        if prefix and finding.message.startswith(prefix + ": "):
            rest = finding.message[len(prefix) + 2:]
            return rest[:1].upper() + rest[1:]
    return finding.message


def compared_on(finding: Finding) -> list[tuple[str, str]]:
    """The parts the figures share, in words: [('measure', 'injured'), ('place', 'Lviv'), …]."""
    out = []
    for k, v in finding.key.items():
        if v in (None, ""):
            if k not in _UNKNOWN:
                continue
            v = _UNKNOWN[k]
        out.append((KEY_WORDS.get(k, k.replace("_", " ")), str(v)))
    return out


def reason(finding: Finding) -> str:
    """Why these figures were compared: the finding's own reason when it has one, else its key."""
    own = getattr(finding, "reason", None)
    if own:
        return str(own)
    parts = [f"{label} ({value})" for label, value in compared_on(finding)]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"same {listed}."


def evidence(finding: Finding, links: Links) -> list[Evidence]:
    """The finding's facts as rows, identical ones (same outlet, figure and sentence) once."""
    rows: dict[tuple, Evidence] = {}
    for f in finding.facts:
        key = (outlet_of(f), reads(f), " ".join((f.sentence or "").split()), f.attribution)
        if key in rows:
            first = rows[key]
            rows[key] = Evidence(first.fact, first.outlet, first.url or links.url(f), first.figure,
                                 first.repeats + 1)
        else:
            rows[key] = Evidence(f, outlet_of(f), links.url(f), reads(f))
    return list(rows.values())


# Fact fields that can tell a finding's rows apart (a part from its whole, a place from the total).
_TELLING = ("measure", "entity", "location", "scope")


def telling(rows: Sequence[Evidence]) -> list[str]:
    """What each row is about, when the rows are not all about the same thing; else ''."""
    fields = [k for k in _TELLING if len({getattr(r.fact, k) for r in rows}) > 1]
    return [" · ".join(getattr(r.fact, k) or f"{KEY_WORDS[k]} not stated" for k in fields)
            for r in rows]


def stories(report: Report) -> list[StoryView]:
    """The findings by story (in report order), corroborations split from disputes."""
    kind_of = report.kind_of
    links = Links(report.documents)
    views: dict[str, StoryView] = {}
    for i, f in enumerate(report.findings):
        view = views.setdefault(f.story or "", StoryView(f.story or ""))
        if kind_of(f) != "corroboration":
            view.findings.append(i)
    for view in views.values():
        view.findings.sort(key=lambda i: SEVERITIES.index(report.findings[i].severity))
    for i, f in enumerate(report.findings):
        if kind_of(f) != "corroboration":
            continue
        view = views[f.story or ""]
        dispute = _dispute_covering(f, [(j, report.findings[j]) for j in view.findings])
        figure = " or ".join(dict.fromkeys(reads(x) for x in f.facts))
        target = view.beside.setdefault(dispute, []) if dispute is not None else view.agreements
        _merge(target, Agreement(view.name, subject(f), figure, findings=[i]), f, links)
    return list(views.values())


def _dispute_covering(corroboration: Finding, disputes: list[tuple[int, Finding]]) -> int | None:
    """The first error or warning whose evidence or key takes in the corroborated figure."""
    ids = {_identity(x) for x in corroboration.facts}
    for j, d in disputes:
        if d.severity == "info":
            continue
        if d.key == corroboration.key or ids & {_identity(x) for x in d.facts}:
            return j
    return None


def _identity(f: Fact) -> tuple:
    return (f.doc, f.start, f.end)


def _merge(target: list[Agreement], new: Agreement, finding: Finding, links: Links) -> None:
    """Add `new`, or fold it into an agreement on the same subject and figure."""
    same = next((a for a in target if (a.subject, a.figure) == (new.subject, new.figure)), None)
    agreement = same or new
    if same is None:
        target.append(new)
    else:
        same.findings += new.findings
    known = {name for name, _ in agreement.outlets}
    for f in finding.facts:
        name = outlet_of(f)
        if name not in known:
            known.add(name)
            agreement.outlets.append((name, links.url(f)))
