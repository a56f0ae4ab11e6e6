"""conflict: sources give figures for the same key whose intervals do not overlap.

A count that changes as a story unfolds (a toll, the missing) is a snapshot:
two sources disagree about it only when they speak of the same moment. A pair
is graded by what the texts show about that moment:

  same stage   both sources agree on another changing count of the story (the
               same death toll beside different injured counts) and neither says
               the count has just risen ("rose to"); or the count is a past
               period's, which is settled: the rule's severity;
  same day     both dated the same day, nothing else known: `unanchored_severity`;
  unsure       a count said to have risen, or undated, or worded as a running
               count ("so far", "at the moment") with nothing to anchor it:
               `unsure_stage_severity`, with a note that the figures may be of
               different moments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from factcheck.facts import FactTable
from factcheck.models import Finding
from factcheck.rules.kinds.base import (
    Context,
    Kind,
    candidates,
    disputed,
    kept,
    key_of,
    own_figure_params,
    own_figures,
    own_floors,
    sentences_of,
    split_groups,
    time_order,
)
from factcheck.rules.kinds.stages import Stages, late_params, shared_stages
from factcheck.rules.params import Grouping, choice, flag, number, word, words
from factcheck.rules.places import place_params, with_story_frame
from factcheck.severity import SEVERITIES


class Conflict(Kind):
    name = "conflict"
    summary = "Different sources give figures for the same key that cannot both hold."

    def params(self):
        return Grouping(
            key=("measure", "entity", "location", "scope", "unit", "actor"),
            extra={
                "defer_monotonic_updates": flag(
                    True, "a toll that only grows, from sources of different dates, is an "
                          "update (see the update kind), not a conflict"),
                "changing_measures": words(
                    [], "counts that go up and down as a story unfolds (the missing, those in "
                        "hospital): figures from sources of different dates are different "
                        "moments and are not compared"),
                "rising_words": words(
                    [], "words in a figure's sentence that say its count has just changed "
                        "(\"rose to\", \"a further\"): a disagreement with such a figure may be "
                        "two moments of the count, whatever else agrees"),
                "running_count_words": words(
                    [], "words that make a figure a running count (\"so far\", \"at the "
                        "moment\"): without another agreeing count, a disagreement with such a "
                        "figure may be two moments of it"),
                "late_measures": words(
                    [], "counts that keep changing after the others are settled (the dead: "
                        "people die of their wounds, bodies are found under rubble): the same "
                        "injured count does not show that two tolls of the dead are of one "
                        "moment; only another count of the same measure does"),
                "stage_gap": number(
                    0.01, "two sources agree on a count, and so speak of the same moment, when "
                          "their figures for it are this close (a share of the larger)"),
                "unanchored_severity": choice(
                    SEVERITIES, "warning",
                    "a changing count from two sources dated the same day that agree on no "
                    "other changing count of the story"),
                "unsure_stage_severity": choice(
                    SEVERITIES, "info",
                    "a changing count from undated sources, or worded as a running count, "
                    "when nothing shows the sources speak of the same moment"),
                "unsure_stage_note": word(
                    "the figures may be counts of different moments",
                    "added to the message of a disagreement graded unsure"),
                **own_figure_params(),
                **place_params(),
                "round_figure_gap": number(
                    0.0, "a disagreement this close (the gap as a share of the larger figure) "
                         "where one side is a plain round figure may be rounding: it is "
                         "reported at `round_figure_severity` (0: never)"),
                "round_figure_multiple": number(
                    10, "what makes a plain figure round: a multiple of this", minimum=1,
                    integer=True),
                "round_figure_severity": choice(
                    SEVERITIES, "warning", "the severity of a disagreement that may be rounding"),
            },
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        if t.empty:
            return
        t = with_story_frame(t, p["key"], p)
        # "One of the rockets hit the building": at least one did, no count of them all
        if "share" in t["phase"]:
            t = t.assign(hi=[math.inf if ph == "share" else h
                             for ph, h in zip(t["phase"], t["hi"], strict=True)])
        cols = ["story", *p["key"]]
        # A group can hold a conflict only if two sources speak in it and its figures
        # cannot all hold.
        hits = disputed(t, cols)
        monotonic = ctx.monotonic if p["defer_monotonic_updates"] else frozenset()
        changing = ctx.monotonic | frozenset(p["changing_measures"])
        stages = shared_stages(t, cols, changing, p["stage_gap"], *late_params(p))
        rising = _phrases(tuple(p["rising_words"]))
        running = _phrases(tuple(p["running_count_words"]))
        for values, rows in split_groups(hits, cols, FIELDS):
            rows = own_floors(rows, p)
            grows = [m in ctx.monotonic for m in rows["measure"]]
            said = sentences_of(rows["pos"], ctx.facts)
            rows = kept(rows, own_figures(rows, grows, said, p))
            story, key = key_of(cols, values)
            moment = _Moment(story, tuple(values[1:]), key.get("scope") == "period", stages,
                             (rising, running), ctx, changing, monotonic)
            for grade, (positions, all_round) in _disagreeing(rows, moment, p).items():
                if grade != "same":
                    severity = p[GRADE_SEVERITY[grade]]
                else:
                    severity = p["round_figure_severity"] if all_round else None
                finding = ctx.finding(rule, story, key, positions, severity=severity)
                if grade == "unsure":
                    finding = replace(finding, message=f"{finding.message} ({p['unsure_stage_note']})")
                yield finding


GRADE_SEVERITY = {"day": "unanchored_severity", "unsure": "unsure_stage_severity"}


@cache
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alts = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


class _Moment:
    """Whether two figures of one key from two sources speak of the same moment."""

    def __init__(self, story, key, settled, stages: Stages, words, ctx, changing, deferred):
        self.story, self.key, self.settled = story, key, settled
        self.stages, self.words = stages, words
        self.ctx, self.changing, self.deferred = ctx, changing, deferred

    def grade(self, rows: dict[str, list], i: int, j: int) -> str | None:
        """same · day · unsure, or None when the pair is not compared at all."""
        measure = rows["measure"][i]
        if measure not in self.changing or self.settled:
            return "same"  # not a snapshot: a fixed count, or a past period's, settled
        order = time_order(rows["when"][i], rows["day_only"][i], rows["when"][j], rows["day_only"][j])
        rising, running = self.words
        pi, pj = rows["pos"][i], rows["pos"][j]
        if order != 0:
            if self._anchored(rows, i, j, measure) and not (
                    self._says(rising, pi) or self._says(rising, pj)):
                return "same"  # a day apart, the same toll: the same stage of the story
            # A later toll is an update (the update rules speak to it); a count that
            # goes up and down is simply another moment.
            return None if measure in self.deferred or measure not in self.ctx.monotonic else "same"
        if self._says(rising, pi) or self._says(rising, pj):
            return "unsure"  # a count said to have just risen may be the later moment
        if measure not in self.ctx.monotonic and (self._says(running, pi)
                                                   or self._says(running, pj)):
            # "two remain trapped": what is left of a count that goes up and down, while
            # the tolls that anchor a stage stay put
            return "unsure"
        if self._anchored(rows, i, j, measure):
            return "same"  # they agree on more of the story's other counts than not
        dated = not (math.isnan(rows["when"][i]) or math.isnan(rows["when"][j]))
        if not dated or self._says(running, pi) or self._says(running, pj):
            return "unsure"
        return "day"

    def _anchored(self, rows: dict[str, list], i: int, j: int, measure: str) -> bool:
        return self.stages.anchored(self.story, rows["src"][i], rows["src"][j], self.key, measure)

    def _says(self, words: re.Pattern[str] | None, pos: int) -> bool:
        sentence = self.ctx.facts[pos].sentence
        return bool(words and sentence and words.search(sentence))


FIELDS = ("pos", "src", "lo", "hi", "when", "day_only", "measure", "value", "qualifier")


def _disagreeing(rows: dict[str, list], moment: _Moment,
                 p: dict) -> dict[str, tuple[set[int], bool]]:
    """By grade, the facts in at least one cross-source pair that cannot both hold, and
    whether every such pair may be a round figure against a precise one. A pair already
    inside a more certain grade's findings is not repeated in a less certain one."""
    pos, src, lo, hi = rows["pos"], rows["src"], rows["lo"], rows["hi"]
    pairs: dict[str, list[tuple[int, int]]] = {}
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            if src[i] == src[j] or (lo[i] <= hi[j] and lo[j] <= hi[i]):
                continue
            grade = moment.grade(rows, i, j)
            if grade is not None:
                pairs.setdefault(grade, []).append((i, j))
    out: dict[str, tuple[set[int], bool]] = {}
    shown: dict[int, str] = {}  # fact → the grade of the finding that shows it
    for grade in ("same", "day", "unsure"):
        todo = []
        for i, j in pairs.get(grade, ()):
            if pos[i] in shown and pos[j] in shown:
                continue
            joined = _joins_shown(rows, i, j, shown)
            if joined is not None:
                # the new figure repeats one side of a more certain dispute ("3" beside
                # another outlet's "3"): it is evidence there, not a dispute of its own
                k, where = joined
                out[where][0].add(pos[k])
                shown[pos[k]] = where
                continue
            todo.append((i, j))
        if todo:
            facts = {pos[k] for pair in todo for k in pair}
            out[grade] = (facts, all(_may_be_rounding(rows, i, j, p) for i, j in todo))
            shown.update(dict.fromkeys(facts - set(shown), grade))
    return out


def _joins_shown(rows: dict[str, list], i: int, j: int,
                 shown: dict[int, str]) -> tuple[int, str] | None:
    """(the pair's figure not yet shown, the grade showing it) when the other is shown
    and the new one has the very interval of a figure the same finding shows."""
    pos, lo, hi = rows["pos"], rows["lo"], rows["hi"]
    for new, old in ((i, j), (j, i)):
        if pos[old] in shown and pos[new] not in shown:
            where = shown[pos[old]]
            if any(shown.get(pos[k]) == where and (lo[k], hi[k]) == (lo[new], hi[new])
                   for k in range(len(pos))):
                return new, where
    return None


def _may_be_rounding(rows: dict[str, list], i: int, j: int, p: dict) -> bool:
    """One side a plain round figure ("30"), and the gap within `round_figure_gap`."""
    share = p["round_figure_gap"]
    if share <= 0:
        return False
    lo, hi = rows["lo"], rows["hi"]
    top, floor = max(lo[i], lo[j]), min(hi[i], hi[j])
    if top <= 0 or (top - floor) / top > share:
        return False
    return _round(rows, i, p["round_figure_multiple"]) or _round(rows, j, p["round_figure_multiple"])


def _round(rows: dict[str, list], i: int, multiple: int) -> bool:
    """A plain figure (exact, not already widened by a scale word) that is a multiple."""
    value = rows["value"][i]
    return (rows["qualifier"][i] == "exact" and rows["lo"][i] == rows["hi"][i] == value
            and value != 0 and float(value).is_integer() and int(value) % multiple == 0)
