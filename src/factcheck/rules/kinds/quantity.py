"""quantity: figures whose frames say they are one quantity, and that cannot both hold.

Every kind of figure, not only tolls: a victim's age, a quake's magnitude, a
distance from a city, a payload, a record. Two figures are one quantity when
their frames agree (dimension, thing, owner, phase, era and day); values are
compared in the dimension's base unit, so kilometres meet miles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.frame import OUT_OF
from factcheck.extract.frame.lexicon import load_frame_lexicon
from factcheck.facts import UNKNOWN, FactTable, source_of
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
)
from factcheck.rules.kinds.conflict import _may_be_rounding, _phrases
from factcheck.rules.kinds.conversion import _slack
from factcheck.rules.params import Grouping, choice, flag, number, words
from factcheck.rules.rates import MONEY, stated_rates
from factcheck.severity import SEVERITIES

FIELDS = ("pos", "src", "lo", "hi", "value", "qualifier", "named", "rated")
ROUND_SHARE = 0.05  # a round figure ("600 miles") may be rounded by up to 5% of it
# Counts, places in a sequence and years of a thing that name no owner ("two
# fights", "the third quarter", "the 2008 conviction") are common words of many
# moments of a story: such figures are one quantity only when their sentences say
# the same thing (`loose_overlap`).
LOOSE = frozenset({"count", "ordinal", "year"})
WORD = re.compile(r"[a-z][a-z'’-]{2,}")
STOP = frozenset("""the and for with that this from was were are has have had his her its
their they them then than there these those who whom which what when where while will
would could should been being also after before into onto over under about more most
some any all but not out off per one two three four five six seven eight nine ten our
your said says say just only very such each other another first second third last
according""".split())
AGE_SLACK = 0.5  # two named ages a year apart overlap: a birthday between the articles


class SameQuantity(Kind):
    name = "quantity"
    summary = "Figures that measure one quantity (by their frames) cannot both hold."

    def params(self):
        return Grouping(
            key=("dimension", "thing", "owner", "phase", "era", "day"),
            require=("dimension", "thing"),
            skip_kinds=(),
            extra={
                "skip_measured": flag(
                    True, "counts with a role (killed, launched: a measure) are left to the "
                          "toll rules"),
                "sole_owner": flag(
                    True, "a figure naming no owner belongs to the one owner the other "
                          "figures of its quantity name"),
                "band_ratio": number(
                    2.5, "figures of one quantity more than this many times apart are "
                         "different quantities (a game's points and a career's)", minimum=1.0),
                "measure_band_ratio": number(
                    10.0, "the same for lengths, masses and times: one interval reported as "
                          "two minutes and as six is one quantity in dispute", minimum=1.0),
                "other_games_apart": flag(
                    True, "a named player's counts (points, rebounds) from two sources that "
                          "both give game scores, none in common, are of two games"),
                "running_total_words": words(
                    [], "words that make a player's count a total across games (\"career\", "
                        "\"season\"): such counts are compared whatever games the sources "
                        "report"),
                "one_game_best_words": words(
                    [], "words that make such a count one game's after all (\"career "
                        "high\", \"season best\"): the best of a career is still one game's"),
                **own_figure_params(),
                "round_figure_gap": number(
                    0.0, "a disagreement this close where one side is a plain round figure "
                         "is reported at `round_figure_severity` (0: never)"),
                "loose_overlap": number(
                    0.0, "counts and places naming no owner are one quantity only when this "
                         "share of their sentences' content words is shared (0: always)",
                    minimum=0.0),
                "round_figure_multiple": number(10, "what makes a plain figure round",
                                                minimum=1, integer=True),
                "round_figure_severity": choice(SEVERITIES, "warning",
                                                "the severity of a disagreement that may be rounding"),
            },
        ).spec()

    def find(self, table: FactTable, rule, ctx: Context) -> Iterator[Finding]:
        p = rule.params
        t = candidates_in_base_units(table, p, ctx)
        if t.empty:
            return
        cols = ["story", *p["key"]]
        attributes = load_frame_lexicon().attributes  # "population": a named quantity
        games = Games.of(ctx.facts, p)
        for values, rows in split_groups(disputed(t, cols), cols, FIELDS):
            rows = own_floors(rows, p)
            story, key = key_of(cols, values)
            loose = (key.get("dimension") in LOOSE and p["loose_overlap"] > 0
                     and key.get("thing") not in attributes)
            # a length, a mass, a time of one thing: a wider band than a count's
            physical = str(key.get("dimension")).startswith("[")
            ratio = p["measure_band_ratio"] if physical else p["band_ratio"]
            ordinal = key.get("dimension") == "ordinal"
            same = _same_statement(ctx, p["loose_overlap"], key.get("thing")) if loose else None
            two_games = None
            if games.scores and key.get("dimension") == "count":
                def two_games(i: int, j: int, src: list, pos: list, story=story) -> bool:
                    return games.apart(story, src[i], src[j], ctx.facts[pos[i]], ctx.facts[pos[j]])
            for band in _statements(bands(rows, ratio), same, ordinal):
                # an outlet's figures far apart are a game's and a career's, and loose
                # figures in unrelated sentences two moments: its several figures are
                # judged within one band and one statement
                said = sentences_of(band["pos"], ctx.facts)
                band = kept(band, own_figures(band, [False] * len(band["pos"]), said, p))
                positions, all_round = _disagreeing(band, p, same, ordinal, two_games)
                if positions:
                    severity = p["round_figure_severity"] if all_round else None
                    shown = key
                    if any(r for r, pos in zip(band["rated"], band["pos"], strict=True)
                           if pos in positions):
                        shown = {**key, "rates": "stated"}  # compared at the texts' own rates
                    yield ctx.finding(rule, story, shown, positions, severity=severity)


def candidates_in_base_units(table: FactTable, p: dict, ctx: Context) -> FactTable:
    """The rows the rule compares, in base units, a figure naming no owner given the sole
    owner of its frame: the grouping draft mode shares with the rule."""
    t = candidates(table, p)
    if p["skip_measured"]:
        t = t.where(m == UNKNOWN or d != "count"
                    for m, d in zip(t["measure"], t["dimension"], strict=True))
    if t.empty:
        return t
    t = _in_base_units(t, ctx)
    t = t.assign(named=[o != UNKNOWN for o in t["owner"]])  # its own words name the owner
    if p["sole_owner"] and "owner" in p["key"]:
        t = with_sole_owner(t, ["story", *(k for k in p["key"] if k != "owner")])
    return t


def _stem(word: str) -> str:
    """A crude stem, enough to meet 'crashed' with 'crashes' and 'carries' with 'carry'."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def _same_statement(ctx: Context, share: float, thing: str | None):
    """Whether two figures' sentences say the same thing: a share of their content
    words in common, beyond the figures themselves ("killed 230,000 people in 13
    countries" and "killed 230,000 people in 14 countries"; not "his three fights with
    Holyfield" and "the two fights out there for him"). The thing counted is no
    shared word: it is shared by definition."""
    cache: dict[int, tuple[frozenset[str], str | None]] = {}
    its = {_stem(w) for w in (thing or "", f"{thing}s", f"{thing}es")}

    def read(pos: int) -> tuple[frozenset[str], str | None]:
        """The sentence's content words and the whole the figure is out of, if stated."""
        if pos not in cache:
            fact = ctx.facts[pos]
            found = WORD.findall((fact.sentence or "").lower())
            cache[pos] = (frozenset(_stem(w) for w in found if w not in STOP) - its,
                          _stated_whole(fact))
        return cache[pos]

    def same(a: int, b: int) -> bool:
        (wa, whole_a), (wb, whole_b) = read(a), read(b)
        if whole_a and whole_b:  # "20 of 71 laps", "21 of 71 laps": one place of one whole
            return whole_a == whole_b
        shared = len(wa & wb)
        return shared >= 2 and shared >= share * min(len(wa), len(wb))

    return same


def _stated_whole(fact) -> str | None:
    return next((c[len(OUT_OF):] for c in fact.cues or () if c.startswith(OUT_OF)), None)


def _in_base_units(t: FactTable, ctx: Context) -> FactTable:
    """Intervals in the dimension's base unit; a plain physical figure is widened to
    its written precision ("six miles" is 5.5–6.5 miles), so conversions meet."""
    lo, hi = list(t["lo"]), list(t["hi"])
    rows = zip(t["pos"], t["dimension"], t["qualifier"], t["owner"], t["value"], strict=True)
    for k, (pos, dimension, qualifier, owner, value) in enumerate(rows):
        exact = qualifier == "exact"
        if dimension.startswith("[") and exact:
            fact = ctx.facts[pos]
            half = _slack(fact, 0.0, ROUND_SHARE)
            lo[k], hi[k] = min(lo[k], fact.value - half), max(hi[k], fact.value + half)
        elif dimension == "age" and owner != UNKNOWN and exact:
            # A named person's age may differ by one between articles: a birthday can
            # fall between them (a child's age in one incident is not read so).
            lo[k], hi[k] = lo[k] - AGE_SLACK, hi[k] + AGE_SLACK
        elif dimension == "model":
            lo[k] = hi[k] = value  # "737-800" is its first number: "737" and "787" are two
    scale = t["scale"]
    t = t.assign(lo=[x * f for x, f in zip(lo, scale, strict=True)],
                 hi=[x * f for x, f in zip(hi, scale, strict=True)])
    return _in_main_currency(t, ctx)


def _in_main_currency(t: FactTable, ctx: Context) -> FactTable:
    """Sums in another currency, at the rates the story's texts state, in its main one
    (rules/rates.py); such rows are marked `rated`."""
    rated = [False] * len(t)
    money = [i for i, d in enumerate(t["dimension"]) if d.startswith(MONEY)]
    rates = stated_rates(ctx.facts) if money else {}
    if not rates:
        return t.assign(rated=rated)
    lo, hi, dimension = list(t["lo"]), list(t["hi"]), list(t["dimension"])
    for k in money:
        story = rates.get(t["story"][k] or "")
        own = dimension[k][len(MONEY):]
        if story is not None and own != story.main and own in story.factors:
            f_lo, f_hi = story.factors[own]
            lo[k], hi[k] = lo[k] * f_lo, hi[k] * f_hi
            dimension[k], rated[k] = MONEY + story.main, True
    return t.assign(lo=lo, hi=hi, dimension=dimension, rated=rated)


def with_sole_owner(t: FactTable, others: list[str]) -> FactTable:
    """Rows without an owner take the owner of their group when exactly one is named."""
    owner = t["owner"]
    named = sum(o != UNKNOWN for o in owner)
    if named == 0 or named == len(t):
        return t
    sole: dict[tuple, str] = {}
    for key, at in t.groups(others).items():
        owners = {owner[i] for i in at if owner[i] != UNKNOWN}
        if len(owners) == 1:
            sole[key] = owners.pop()
    if not sole:
        return t
    # A past event's figure naming no place or person is of an unknown past event.
    era = t["era"] if "era" in t else [UNKNOWN] * len(t)
    filled = [sole.get(key, o) if o == UNKNOWN and e == UNKNOWN else o
              for key, o, e in zip(t.keys(others), owner, era, strict=True)]
    return t.assign(owner=filled)


class Games:
    """Which sources report different games: both give game scores, none in common."""

    def __init__(self, scores: dict[tuple[str, str], set[tuple[float, float]]], totals,
                 bests=None):
        self.scores, self.totals, self.bests = scores, totals, bests

    @classmethod
    def of(cls, facts, p: dict) -> Games:
        if not p.get("other_games_apart"):
            return cls({}, None)
        scores: dict[tuple[str, str], set[tuple[float, float]]] = {}
        for f in facts:  # "91-73" is 73-91: a pair either way round
            if f.dimension == "score" and f.second is not None and f.value is not None:
                pair = (min(f.value, f.second), max(f.value, f.second))
                scores.setdefault((f.story or UNKNOWN, source_of(f)), set()).add(pair)
        return cls(scores, _phrases(tuple(p.get("running_total_words", ()))),
                   _phrases(tuple(p.get("one_game_best_words", ()))))

    def apart(self, story: str, a: str, b: str, fact_a, fact_b) -> bool:
        """Sources `a` and `b` report two games, and neither figure is a total across
        games ("2,301 career points")."""
        mine, theirs = self.scores.get((story, a)), self.scores.get((story, b))
        return (bool(mine and theirs and not mine & theirs)
                and not self._total(fact_a) and not self._total(fact_b))

    def _total(self, fact) -> bool:
        """'2,301 career points', not '16 rebounds, both career highs'."""
        return _says(self.totals, fact) and not _says(self.bests, fact)


TOTAL_REACH = 30  # characters each side of a figure where a total's word is its own


def _says(phrases, fact) -> bool:
    """Whether the words next to the figure hold one of the phrases ("2,301 career
    points", "now has 2,302 for his career"; not another player's career later on)."""
    sentence = fact.sentence or ""
    at = sentence.find(fact.text) if fact.text else -1
    if not phrases or at < 0:
        return False
    near = sentence[max(0, at - TOTAL_REACH): at + len(fact.text) + TOTAL_REACH]
    return bool(phrases.search(near))


def bands(rows: dict[str, list], ratio: float) -> Iterator[dict[str, list]]:
    """The group's figures cut where one is more than `ratio` times the next smaller."""
    n = len(rows["pos"])
    if n == 0:
        return
    mid = [_middle(rows["lo"][i], rows["hi"][i]) for i in range(n)]
    order = sorted(range(n), key=lambda i: mid[i])
    band = [order[0]]
    for prev, i in zip(order, order[1:], strict=False):
        if mid[prev] > 0 and mid[i] > ratio * mid[prev]:
            yield {k: [v[j] for j in band] for k, v in rows.items()}
            band = []
        band.append(i)
    yield {k: [v[j] for j in band] for k, v in rows.items()}


def _statements(groups: Iterator[dict[str, list]], same, ordinal: bool) -> Iterator[dict[str, list]]:
    """Each group cut into the figures that say one thing (linked by `same`, or both
    naming their owner): "halted after 20 of 71 laps" and "21 of 71 laps completed"
    are one statement, "spun off on lap 10" another. Without `same`, groups as they are."""
    for rows in groups:
        if same is None:
            yield rows
            continue
        for at in _linked(len(rows["pos"]), _statement_link(rows, same, ordinal)):
            if len(at) > 1:
                yield {k: [v[i] for i in at] for k, v in rows.items()}


def _statement_link(rows: dict[str, list], same, ordinal: bool):
    pos, named = rows["pos"], rows["named"]
    return lambda i, j: (named[i] and named[j] and not ordinal) or same(pos[i], pos[j])


def _linked(n: int, link) -> list[list[int]]:
    """The indices 0..n-1 in the groups that `link` joins, pairwise and through others."""
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if find(i) != find(j) and link(i, j):
                root[find(i)] = find(j)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(find(i), []).append(i)
    return list(parts.values())


def _middle(lo: float, hi: float) -> float:
    if lo == float("-inf"):
        return hi
    if hi == float("inf"):
        return lo
    return (lo + hi) / 2


def _disagreeing(rows: dict[str, list], p: dict, same=None, ordinal: bool = False,
                 two_games=None) -> tuple[set[int], bool]:
    pos, src, lo, hi, named = rows["pos"], rows["src"], rows["lo"], rows["hi"], rows["named"]
    out: set[int] = set()
    all_round = True
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            if src[i] == src[j] or (lo[i] <= hi[j] and lo[j] <= hi[i]):
                continue
            if two_games is not None and named[i] and named[j] and two_games(i, j, src, pos):
                continue  # a player's points in one game and in another
            if same is not None and not (rows["named"][i] and rows["named"][j] and not ordinal) \
                    and not same(pos[i], pos[j]):
                continue
            out.update((pos[i], pos[j]))
            all_round = all_round and _may_be_rounding(rows, i, j, p)
    return out, all_round and bool(out)
