"""Does checking stay linear in the number of stories?  Run by hand:

    .venv/bin/python bench/bench_scaling.py [--stories 1000 10000] [--sources 4] [--facts 12]

Builds a synthetic corpus directly as facts (no extraction): each story has
several sources, each giving figures for a handful of keys (measure, entity,
place, scope), some agreeing, some not, some approximate, some dated, some
conversions, some figures without a place (the story's place is looked up,
with a country that nests its cities), some sentences shared by outlets
(wire copies, which corroboration counts once). Times `rules.check` with the default pack over the whole corpus
and prints the time per story at each size and the ratio between them (1.0
means perfectly linear). Times are the process's CPU time, best of --repeat
runs, so that other work on the machine does not skew the ratio.
"""

from __future__ import annotations

import argparse
import random
import time

from factcheck.models import Fact
from factcheck.rules import check, load_pack
from factcheck.rules.lexicon import monotonic_measures

MEASURES = [("killed", "person"), ("injured", "person"), ("launched", "drone"),
            ("downed", "drone"), ("launched", "missile"), ("damaged", "building"),
            ("hospitalised", "person")]
PLACES = [None, None, "Lviv", "Rivne", "Lutsk", "Kharkiv", "Ukraine"]  # Ukraine nests Lviv…
LEADS = ["The regional governor said", "Officials told reporters that", "The army said",
         "Police said on Sunday that"]
SCOPES = [None, "event", "cumulative"]
QUALIFIERS = ["exact"] * 6 + ["at_least", "approx", "more_than"]


def corpus(stories: int, sources: int, per_source: int, seed: int = 7) -> list[Fact]:
    rng = random.Random(seed)
    facts: list[Fact] = []
    for s in range(stories):
        story = f"story-{s:06d}"
        # The story's true figures; sources report them, sometimes off or rounded.
        truth = {(m, e, p, sc): rng.randint(1, 600)
                 for (m, e) in rng.sample(MEASURES, 4) for p in rng.sample(PLACES, 2)
                 for sc in rng.sample(SCOPES, 1)}
        keys = sorted(truth, key=str)
        for k in range(sources):
            source = f"Outlet {k}"
            lead = LEADS[0] if rng.random() < 0.3 else LEADS[k % len(LEADS)]  # a wire copy
            date = f"2025-03-{1 + rng.randint(0, 2):02d}"
            doc = f"{story}/{k}.txt"
            for i in range(per_source):
                if i % 6 == 5:  # a conversion pair, to exercise that rule too
                    km = rng.randint(10, 900)
                    miles = km * 0.621371 * (1 if rng.random() < 0.9 else 1.3)
                    base = len(facts)
                    for n, (v, unit, conv) in enumerate(((km, "kilometer", base + 1),
                                                         (round(miles), "mile", base))):
                        facts.append(Fact(doc=doc, source=source, start=40 * i + 12 * n,
                                          end=40 * i + 12 * n + 3, text=str(v), value=v, low=v,
                                          high=v, unit=unit, kind="measure", converts=conv,
                                          story=story, date=date, id=len(facts)))
                    continue
                m, e, p, sc = keys[rng.randrange(len(keys))]
                v = truth[(m, e, p, sc)] + (rng.choice([-2, -1, 1, 3]) if rng.random() < 0.1 else 0)
                q = rng.choice(QUALIFIERS)
                low, high = {"exact": (v, v), "at_least": (v, None), "more_than": (v, None),
                             "approx": (round(v * 0.9), v)}[q]
                facts.append(Fact(doc=doc, source=source, start=40 * i, end=40 * i + 3,
                                  text=str(v), value=v, low=low, high=high, qualifier=q,
                                  entity=e, measure=m, location=p, scope=sc, story=story,
                                  date=date, id=len(facts),
                                  sentence=f"{lead} {v} {e}s were {m} in the overnight attack."))
    return facts


def timed(facts: list[Fact], pack, monotonic, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        n = len(check(facts, pack, monotonic=monotonic))
        best = min(best, time.process_time() - t0)
    return best, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--sources", type=int, default=4)
    ap.add_argument("--facts", type=int, default=12, help="facts per source")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    a = ap.parse_args()
    pack, monotonic = load_pack(), monotonic_measures()
    check(corpus(20, a.sources, a.facts), pack, monotonic=monotonic)  # warm caches (pint, imports)
    per_story = []
    print(f"rules: {len(pack)} · sources per story: {a.sources} · facts per source: {a.facts}")
    for n in a.stories:
        facts = corpus(n, a.sources, a.facts)
        seconds, findings = timed(facts, pack, monotonic, a.repeat)
        per_story.append(seconds / n)
        print(f"{n:>7,} stories {len(facts):>9,} facts {findings:>8,} findings "
              f"{seconds:8.3f} s  {seconds / n * 1e6:8.1f} µs/story  "
              f"{len(facts) / seconds:>10,.0f} facts/s")
    if len(per_story) >= 2:
        print(f"per-story time ratio ({a.stories[-1]:,} vs {a.stories[0]:,} stories): "
              f"{per_story[-1] / per_story[0]:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
