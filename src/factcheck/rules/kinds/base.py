"""The one interface every rule kind implements, and what the engine hands it."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from factcheck.facts import UNKNOWN, FactTable, comparable, source_of
from factcheck.models import Fact, Finding
from factcheck.rules import wording
from factcheck.rules.params import Param, flag, number
from factcheck.rules.places import gap_ratio

if TYPE_CHECKING:
    from factcheck.rules.rule import Rule

# Placeholders every message template may use.
COMMON_FIELDS = ("subject", "measure", "entity", "location", "scope", "unit", "actor", "story",
                 "values")


@dataclass(frozen=True)
class Context:
    """The run's facts (the table's `pos` indexes them) and what the lexicon says."""

    facts: Sequence[Fact]
    monotonic: frozenset[str] = frozenset()

    def finding(self, rule: Rule, story: str, key: dict[str, Any], positions: Iterable[int],
                chronological: bool = False, severity: str | None = None,
                **fields: str) -> Finding:
        facts = [self.facts[p] for p in sorted(set(positions))]
        facts.sort(key=_chronological if chronological else _by_source)
        key = {k: (v or None) for k, v in key.items()}
        values = {
            "subject": wording.subject(key),
            **{k: key.get(k) or "" for k in ("measure", "entity", "location", "scope", "unit",
                                             "actor")},
            "story": story or "",
            "values": wording.by_value(facts, dated=chronological,
                                       joiner=" → " if chronological else " vs "),
            **fields,
        }
        return Finding(rule=rule.code, name=rule.name, severity=severity or rule.severity,
                       message=rule.message.format_map(values), key=key, facts=facts,
                       story=story or None)


def _by_source(f: Fact) -> tuple:
    return (source_of(f), f.doc, f.start, f.end, f.id)


def _chronological(f: Fact) -> tuple:
    return (f.date or "", source_of(f), f.doc, f.start, f.end, f.id)


class Kind(ABC):
    """A kind of check. Stateless: the rule file supplies the parameters."""

    name: ClassVar[str]
    summary: ClassVar[str]
    # Extra message placeholders this kind fills, beyond COMMON_FIELDS.
    fields: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def params(self) -> dict[str, Param]:
        """The parameters a rule of this kind takes, with their defaults."""

    @abstractmethod
    def find(self, table: FactTable, rule: Rule, ctx: Context) -> Iterator[Finding]:
        """Every finding of `rule` in the fact table."""


def candidates(table: FactTable, p: dict[str, Any]) -> FactTable:
    """The rows a grouping rule compares (see facts.comparable)."""
    return comparable(table, p["require"], p["skip_kinds"])


def key_of(columns: Sequence[str], values: tuple) -> tuple[str, dict[str, Any]]:
    """(story, key dict) from a group's key tuple whose first column is the story."""
    story, *rest = values
    return story, {c: (v if v != UNKNOWN else None) for c, v in zip(columns[1:], rest, strict=True)}


DAY = 86400.0


def time_order(a_when: float, a_day: bool, b_when: float, b_day: bool) -> int:
    """-1 when a was published before b, 1 after, 0 when unknown or the same time.

    Times are seconds since the epoch (NaN = unknown). A date without a time of
    day only orders against another day.
    """
    if math.isnan(a_when) or math.isnan(b_when):
        return 0
    if a_day or b_day:
        a_when, b_when = a_when // DAY, b_when // DAY
    return -1 if a_when < b_when else 1 if a_when > b_when else 0


FLOORS = ("at_least", "more_than")


def own_floors(rows: dict[str, list], p: dict[str, Any]) -> dict[str, list]:
    """An outlet that writes a figure both plainly and as a floor ("84 dead" in a
    headline, "at least 84" in the text) means the floor: its plain figure's upper
    bound is lifted (`plain_figure_as_own_floor`)."""
    if not p.get("plain_figure_as_own_floor"):
        return rows
    floors = {(s, lo) for s, lo, q in zip(rows["src"], rows["lo"], rows["qualifier"], strict=True)
              if q in FLOORS}
    if not floors:
        return rows
    hi = [math.inf if q == "exact" and a == b and (s, a) in floors else b
          for s, a, b, q in zip(rows["src"], rows["lo"], rows["hi"], rows["qualifier"],
                                strict=True)]
    return {**rows, "hi": hi}


def own_figures(rows: dict[str, list], grows: list[bool], said: list,
                p: dict[str, Any]) -> list[bool]:
    """Which figures of each source in one group are set against other sources'.

    A source whose figures for the key all fit one count keeps them all. One
    whose figures cannot all hold is either updating a toll that only grows
    (`latest_toll_per_source`: its largest figure is the latest, the one that
    counts now; its superseded smaller figures are left out) or speaking of
    several counts (two incidents, a whole and its part, background figures):
    then all of its figures are left out (`skip_sources_giving_several_counts`).
    Several counts it is when the measure can shrink, when the figures are more
    than `several_counts_ratio` apart, or when one sentence gives two of them
    ("five soldiers died, four of them by friendly fire"): a sentence states one
    moment, so its figures are not updates of each other. `said` names each
    figure's sentence.
    """
    src, lo, hi = rows["src"], rows["lo"], rows["hi"]
    keep = [True] * len(src)
    if not p.get("skip_sources_giving_several_counts", True):
        return keep
    by_source: dict[str, list[int]] = {}
    for i, s in enumerate(src):
        by_source.setdefault(s, []).append(i)
    ratio = float(p.get("several_counts_ratio", 1.0))
    running = p.get("latest_toll_per_source", False)
    for at in by_source.values():
        top = max(at, key=lambda i: (lo[i], -hi[i]))
        floor = min(hi[i] for i in at)
        if lo[top] <= floor:
            continue  # one count
        updates = (running and all(grows[i] for i in at)
                   and gap_ratio(lo[top], hi[top], floor, floor) <= ratio
                   and not _one_sentence_disagrees(at, lo, hi, said))
        for i in at:
            keep[i] = updates and lo[i] <= hi[top] and lo[top] <= hi[i]  # agrees with the latest
    return keep


def _one_sentence_disagrees(at: list[int], lo: list, hi: list, said: list) -> bool:
    """Whether two figures that cannot both hold come from one sentence."""
    by_sentence: dict[Any, list[int]] = {}
    for i in at:
        by_sentence.setdefault(said[i], []).append(i)
    return any(max(lo[i] for i in group) > min(hi[i] for i in group)
               for group in by_sentence.values() if len(group) > 1)


def sentences_of(positions: list[int], facts: Sequence[Fact]) -> list[tuple]:
    """Each figure's sentence, as (document, sentence text) to tell sentences apart."""
    return [(facts[i].doc, facts[i].sentence or f"#{facts[i].id}") for i in positions]


def kept(rows: dict[str, list], keep: list[bool]) -> dict[str, list]:
    return {k: [x for x, ok in zip(v, keep, strict=True) if ok] for k, v in rows.items()}


def own_figure_params() -> dict[str, Param]:
    """What a kind that sets sources against each other does with a source's own figures."""
    return {
        "plain_figure_as_own_floor": flag(
            True, "an outlet that gives a figure both plainly and as a floor (\"84\" and "
                  "\"at least 84\") means the floor"),
        "skip_sources_giving_several_counts": flag(
            True, "an outlet that gives incompatible figures for one key speaks of several "
                  "counts; its figures are not set against other outlets'"),
        "latest_toll_per_source": flag(
            True, "…except for a toll that only grows: an outlet's different figures (in "
                  "different sentences) are its running updates, and its largest (the latest) "
                  "is compared"),
        "several_counts_ratio": number(
            2.0, "an outlet's toll figures more than this many times apart are several counts "
                 "(another event, a background figure), not updates", minimum=1.0),
    }


def in_groups(rows: FactTable, cols: Sequence[str], keys: Iterable[tuple]) -> FactTable:
    """The rows whose values in `cols` are one of `keys` (tuples, as `groups` makes them)."""
    wanted = set(keys)
    return rows.where(k in wanted for k in rows.keys(cols))


def split_groups(rows: FactTable, cols: Sequence[str],
                 fields: Sequence[str]) -> Iterator[tuple[tuple, dict[str, list]]]:
    """(key, {field: values}) for each group of `rows` by `cols`, in sorted key order,
    a group's values in table order."""
    if rows.empty:
        return
    data = {f: rows[f] for f in fields}
    for key, at in rows.groups(cols, sort=True).items():
        yield key, {f: [v[i] for i in at] for f, v in data.items()}


def disputed(t: FactTable, cols: Sequence[str], several: str = "src") -> FactTable:
    """The rows of the groups by `cols` that can hold a disagreement: the group's largest
    lower bound exceeds its smallest upper bound, and it holds two values of `several`
    (two sources; two times). A cheap pass before any pair is looked at."""
    lo, hi, of = t["lo"], t["hi"], t[several]
    keep = [False] * len(t)
    for at in t.groups(cols).values():
        if (len(at) > 1 and nanmax(lo[i] for i in at) > nanmin(hi[i] for i in at)
                and distinct(of[i] for i in at) >= 2):
            for i in at:
                keep[i] = True
    return t.where(keep)


def nanmax(values: Iterable[float]) -> float:
    """The largest value, NaN aside (NaN when there is none)."""
    return max((v for v in values if v == v), default=math.nan)


def nanmin(values: Iterable[float]) -> float:
    """The smallest value, NaN aside (NaN when there is none)."""
    return min((v for v in values if v == v), default=math.nan)


def distinct(values: Iterable[Any]) -> int:
    """How many different values, NaN aside."""
    return len({v for v in values if v == v})
