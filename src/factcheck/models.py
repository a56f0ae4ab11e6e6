"""The plain data that flows between stages: Document → Fact → Finding."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a document that belongs to one outlet (aggregator pages stack several)."""

    start: int
    end: int
    source: str | None
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Ignore:
    """An inline `factcheck: ignore [CODES]` comment: it silences findings on the figures
    in [start, end) (the next paragraph); no codes means every rule."""

    line: int  # the comment's line in the file, for the warning when it matches nothing
    start: int
    end: int
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One input text, decoded, with what is known about where it came from.

    `segments` is empty for a single-source document; for an aggregator page it
    tiles the text with one segment per outlet section.
    """

    id: str
    text: str
    source: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    story: str | None = None
    path: str | None = None
    segments: tuple[Segment, ...] = ()
    # Spans of page furniture (navigation, bylines, link lists) whose figures are noise.
    # The text itself is never cut, so offsets stay true to the input.
    skip: tuple[tuple[int, int], ...] = ()
    # Where the text sits in its file, for `path:line:col`: the file line the text
    # starts on (None: no line to point at, as for the text extracted from an HTML page),
    # and the offsets in `text` where each later file line starts (None: wherever the
    # text has a "\n"; a JSONL record's text is all on its record's line).
    first_line: int | None = 1
    line_starts: tuple[int, ...] | None = None
    # Inline ignore comments (`<!-- factcheck: ignore FC001 -->`) and what each covers.
    ignores: tuple[Ignore, ...] = ()

    def line_index(self) -> list[int]:
        """Offsets where each line of the text starts in the file (the first is 0)."""
        if self.line_starts is not None:
            return [0, *self.line_starts]
        starts, at = [0], self.text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = self.text.find("\n", at + 1)
        return starts

    def is_skipped(self, offset: int) -> bool:
        if not self.skip:  # asked once a figure: a megabyte of figures is millions of times
            return False
        # skip spans are sorted and disjoint: the last one starting at or before offset decides
        i = bisect_right(self.skip, (offset, float("inf"))) - 1
        return i >= 0 and offset < self.skip[i][1]

    def segment_at(self, offset: int) -> Segment | None:
        if not self.segments:
            return None
        i = bisect_right(self.segments, offset, key=lambda seg: seg.start) - 1
        if i >= 0 and offset < self.segments[i].end:
            return self.segments[i]
        return None

    def source_at(self, offset: int) -> str | None:
        seg = self.segment_at(offset)
        return (seg.source if seg else None) or self.source

    def date_at(self, offset: int) -> str | None:
        seg = self.segment_at(offset)
        return (seg.date if seg else None) or self.date


@dataclass(slots=True)
class Quantity:
    """A figure found in text, before anything is known about what it counts.

    Offsets are Python str indices into the document text; `text == doc[start:end]`.
    `low`/`high` are the interval the wording allows (None = unbounded on that side).
    `converts` is the index (in the same extraction result) of the other half of a
    "679-kilometer (422 miles)" pair, so the conversion rule can check them.
    `noun` is the raw counted word right after the figure, if any ("drones").
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str = "count"
    kind: str = "count"
    converts: int | None = None
    noun: str | None = None
    per: str | None = None  # the denominator of a rate: "barrel" in "$58 a barrel"
    second: float | None = None  # a score's or record's other number: 35 in "45-35"
    zone: str | None = None  # a clock time's written zone: UTC (also for GMT), local, EST, ...


# The public fact fields, in the order of the JSON contract in DESIGN.md.
FACT_FIELDS = (
    "doc", "source", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
    "kind", "entity", "measure", "location", "attribution", "scope", "sentence", "line", "column",
)


@dataclass(slots=True)
class Fact:
    """A quantity with its context: what it counts, in what role, where, who says so."""

    doc: str
    source: str | None
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str = "count"
    kind: str = "count"
    entity: str | None = None
    measure: str | None = None
    location: str | None = None
    attribution: str | None = None
    scope: str | None = None
    sentence: str | None = None
    line: int | None = None  # 1-based line of the figure in its file
    column: int | None = None  # 1-based column, in characters (of the record's text for JSONL)
    # Not in the contract's required list, but carried for the rules and reports.
    actor: str | None = None  # the side the claim comes from ("Russia" for its defence ministry)
    date: str | None = None  # the publication date of the source
    story: str | None = None
    per: str | None = None  # the denominator of a rate ("barrel", "month")
    counted: str | None = None  # the counted noun phrase, modifiers kept ("residential building")
    normalized_unit: str | None = None  # the unit in words: "dollar per barrel", "kilometre"
    second: float | None = None  # a score's or record's other number: 35 in "45-35" (value 45)
    zone: str | None = None  # a clock time's written zone: UTC (also for GMT), local, EST, ...
    converts: int | None = None  # Fact.id of the conversion partner ("679 km (422 miles)")
    # The frame: what the figure measures, for telling which figures are one quantity.
    dimension: str | None = None  # count, age, magnitude, money:USD, [length], time_of_day, …
    thing: str | None = None  # what it is a figure of: girl, point, payload, population, …
    owner: str | None = None  # whose: a name ("klitschko"), a place, a model ("13-inch")
    phase: str | None = None  # first · second · revised · previous · part · share
    era: str | None = None  # a past event the clause names ("2004", "past")
    day: str | None = None  # the weekday of its event the clause names ("saturday")
    cues: list[str] | None = None  # the words that decided the frame, for the editor
    id: int = -1  # position in the run's fact list, stable for the same input
    # Where `text` starts in `sentence` (reports mark that figure, not an earlier same text).
    sentence_at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # Field by field, not dataclasses.asdict: its deep copy cost ten times as much
        # (a megabyte of "1,1,1,…" is half a million facts to write).
        d = dict(zip(_OUTPUT_FIELDS, _OUTPUT_VALUES(self), strict=True))
        if d["cues"] is not None:
            d["cues"] = list(d["cues"])
        for k in ("value", "low", "high", "second"):
            if type(d[k]) is float:
                d[k] = _plain_number(d[k])
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


# Every field but `sentence_at` (a reporting aid, not part of the output), in order.
_OUTPUT_FIELDS = tuple(f.name for f in fields(Fact) if f.name != "sentence_at")
_OUTPUT_VALUES = attrgetter(*_OUTPUT_FIELDS)


def _plain_number(x: float | None) -> int | float | None:
    """574.0 → 574 so that JSON output reads like the text; keep real fractions.

    ±inf and NaN have no JSON spelling: they are null (the output stays strict JSON).
    """
    if isinstance(x, float):
        if not math.isfinite(x):
            return None
        if x.is_integer() and abs(x) < 2**53:
            return int(x)
    return x


@dataclass(slots=True)
class Finding:
    """What a rule reports: a message, the key it compared on, and the evidence."""

    rule: str  # the rule code, e.g. FC001
    name: str  # the rule name, e.g. conflicting-values
    severity: str  # error · warning · info
    message: str
    key: dict[str, Any]
    facts: list[Fact] = field(default_factory=list)
    story: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "story": self.story,
            "key": self.key,
            "facts": [f.to_dict() for f in self.facts],
        }
