"""corroboration: independent sources give the same figure for the same key.

Worth showing an editor (info): a figure two outlets state is better founded
than one only one outlet states. Outlets that print the same sentence (a wire
story, a shared caption) are one voice, not two; vague wording ("dozens")
corroborates nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from factcheck.facts import FactTable
from factcheck.models import Finding
from factcheck.rules.kinds.base import Context, Kind, candidates, distinct, key_of, split_groups
from factcheck.rules.params import Grouping, names, number
from factcheck.rules.places import QUALIFIERS, place_params, with_story_frame


class Corroboration(Kind):
    name = "corroboration"
    summary = "Independent sources give the same figure for the same key."
    fields = ("sources",)

    def params(self):
        return Grouping(
            key=("measure", "entity", "location", "scope", "unit", "actor"),
            extra={
                "min_sources": number(2, "how many different sources must agree",
                                      minimum=2, integer=True),
                "skip_qualifiers": names(
                    QUALIFIERS, ["vague"], "wordings that corroborate nothing (\"dozens\" is "
                                           "not a figure two outlets found)"),
                "copy_context": number(
                    40, "outlets whose sentences read the same for this many letters and "
                        "digits around the figure (a wire copy, a shared caption) count as one "
                        "source (0: never)", integer=True),
                **place_params(),
            },
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates(table, p)
        skip = frozenset(p["skip_qualifiers"])
        t = t.where(not math.isnan(v) and q not in skip
                    for v, q in zip(t["value"], t["qualifier"], strict=True))
        if t.empty:
            return
        t = with_story_frame(t, p["key"], p)
        cols = ["story", *p["key"]]
        # The same figure: the same value in the same wording ("at least 1" only
        # agrees with "1"; it does not corroborate it).
        same = [*cols, "value", "qualifier"]
        src = t["src"]
        agree = [at for at in t.groups(same).values()
                 if distinct(src[i] for i in at) >= p["min_sources"]]
        agreed = t.take(sorted(i for at in agree for i in at))
        for values, rows in split_groups(agreed, same, ("pos", "src")):
            voices = independent(rows["pos"], rows["src"], ctx, p["copy_context"])
            if voices >= p["min_sources"]:
                story, key = key_of(cols, values[: len(cols)])
                yield ctx.finding(rule, story, key, rows["pos"], sources=str(voices))


def independent(positions: list[int], sources: list[str], ctx: Context, context: int) -> int:
    """How many sources remain when outlets that print the same words count as one."""
    outlets = sorted(set(sources))
    if context <= 0 or len(outlets) < 2:
        return len(outlets)
    parent = {s: s for s in outlets}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    around = [(s, _around(ctx.facts[i].sentence, ctx.facts[i].text, context))
              for i, s in zip(positions, sources, strict=True)]
    for a in range(len(around)):
        for b in range(a + 1, len(around)):
            (sa, ca), (sb, cb) = around[a], around[b]
            if sa != sb and root(sa) != root(sb) and _same_words(ca, cb, context):
                parent[root(sa)] = root(sb)
    return len({root(s) for s in outlets})


_NOT_WORD = re.compile(r"[\W_]+")


def _around(sentence: str | None, figure: str, context: int) -> tuple[str, str] | None:
    """The sentence before and after the figure, letters and digits only, lower case
    (None when it is too short to hold `context` characters of them)."""
    if not sentence or not figure or len(sentence) - len(figure) < context:
        return None
    at = sentence.find(figure)
    while at >= 0:  # the figure as a whole word: "one", not the one in "someone"
        end = at + len(figure)
        if not (at and sentence[at - 1].isalnum()) and not (
                end < len(sentence) and sentence[end].isalnum()):
            reach = 3 * context  # raw characters enough for `context` letters and digits
            return (_NOT_WORD.sub("", sentence[max(0, at - reach):at]).lower(),
                    _NOT_WORD.sub("", sentence[end:end + reach]).lower())
        at = sentence.find(figure, at + 1)
    return None


def _same_words(a: tuple[str, str] | None, b: tuple[str, str] | None, context: int) -> bool:
    """The same words on both sides of the figure, as far as both sentences go, and at
    least `context` characters of them in all."""
    if a is None or b is None:
        return False
    left = min(len(a[0]), len(b[0]), context)
    right = min(len(a[1]), len(b[1]), context)
    if left + right < context:
        return False
    return a[0][len(a[0]) - left:] == b[0][len(b[0]) - left:] and a[1][:right] == b[1][:right]
