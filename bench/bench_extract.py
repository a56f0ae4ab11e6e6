"""Extractor throughput: the native scanner against quantulum3 on the same news text.

    .venv/bin/python bench/bench_extract.py [--repeats 5] [--q3-chars 200000]

Builds its corpus at run time from the Giveme5W1H news clusters in
../shared/data (the text is never stored in the repository), runs each
extractor once to warm up (imports, lexicons, quantulum3's unit tables), then
times several repeats and prints medians: process start-up is not counted.
The whole pipeline with the context stage (extract.pipeline.extract_facts, one
document per article) is timed on the whole corpus too.
quantulum3 runs as fast as it can: no unit classifier, one call per paragraph.
It is slow, so it gets a prefix of the corpus (--q3-chars); rates are per char.

A second part times adversarial 1 MB lines (digits, commas, hyphens and number
words run together) to show they cost about what ordinary text costs: no regex
backtracks catastrophically and no step is quadratic in a run's length.
Run by hand; the numbers depend on the machine. See bench/EXTRACT.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLUSTERS = ROOT.parent / "shared" / "data" / "giveme5w1h_news_cluster" / "clusters"


def news_articles() -> list[str]:
    """The article texts of the news clusters."""
    if not CLUSTERS.is_dir():
        sys.exit(f"no news clusters at {CLUSTERS}: this benchmark needs ../shared beside the checkout")
    texts = []
    for path in sorted(CLUSTERS.glob("*.json")):
        for article in json.loads(path.read_text(encoding="utf-8"))["articles"]:
            if article.get("text"):
                texts.append(article["text"])
    return texts


def news_corpus() -> str:
    """All article texts of the news clusters, one paragraph per line."""
    return "\n".join(news_articles())


def adversarial_lines(size: int, seed: int = 7) -> dict[str, str]:
    """1 MB single lines built to stress the scanner's patterns."""
    rng = random.Random(seed)
    words = ["one", "two", "hundred", "and", "thousand", "twenty-one", "million", "half", "a",
             "dozen", "point", "five", "third", "fifths", "-", ",", "to", "between", "over"]
    pieces = ["1,234", "1,2", "12-", "-3", "1.2.3", "4/5", "2 1/2", "$", "£5m", "10k", "1-2-3", "%",
              "1e5", "000", "19", "2024", "-", ",", ",,", "--"]
    mixed = " ".join(rng.choice(words + pieces) for _ in range(size // 4))
    return {
        "mixed tokens": mixed[:size],
        "digit-comma run": ("1," * (size // 2))[:size],
        "digit-hyphen run": ("1-" * (size // 2))[:size],
        "digit-space run": ("123 " * (size // 4))[:size],
        "word run": ("one " * (size // 4))[:size],
        "word range chain": ("one to " * (size // 7))[:size],
        "hyphenated words": ("twenty-one-" * (size // 11))[:size],
    }


def timed(fn: Callable[[Any], object], text: object, repeats: int) -> tuple[float, int]:
    """Median seconds over `repeats` runs, and how many quantities (or facts) one run found.

    The garbage collector is paused while timing, as `timeit` does, for both extractors.
    """
    times, found = [], 0
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            t0 = time.perf_counter()
            found = len(fn(text))  # type: ignore[arg-type]
            times.append(time.perf_counter() - t0)
    finally:
        gc.enable()
    return statistics.median(times), found


def rate(chars: int, seconds: float) -> str:
    per_s = chars / seconds
    return f"{per_s / 1e6:8.2f} MB/s" if per_s >= 1e5 else f"{per_s / 1e3:8.1f} KB/s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=11, help="timed runs per measurement (median)")
    ap.add_argument("--q3-repeats", type=int, default=3, help="timed runs for quantulum3")
    ap.add_argument("--q3-chars", type=int, default=400_000, help="corpus prefix given to both "
                    "extractors for the head-to-head (quantulum3 is slow)")
    ap.add_argument("--adversarial-size", type=int, default=1_000_000, help="chars per adversarial line")
    ap.add_argument("--skip-quantulum", action="store_true")
    ap.add_argument("--skip-context", action="store_true", help="do not time the context stage")
    a = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from factcheck.extract.quantities import find_quantities as native

    corpus = news_corpus()
    sample = corpus[: a.q3_chars]
    sample = sample[: sample.rfind("\n")] if "\n" in sample else sample
    native(corpus[:5000])  # warm-up: lexicons compiled at import, first-call caches

    print(f"corpus: {len(corpus):,} chars of news ({CLUSTERS.parent.name}); "
          f"same-text sample: {len(sample):,} chars")
    print(f"{'extractor':28} {'text':18} {'chars':>11} {'median s':>9} {'rate':>12} {'found':>7}")
    t_full, n_full = timed(native, corpus, a.repeats)
    print(f"{'native':28} {'whole corpus':18} {len(corpus):>11,} {t_full:9.3f} "
          f"{rate(len(corpus), t_full)} {n_full:7d}")
    t_nat, n_nat = timed(native, sample, a.repeats)
    print(f"{'native':28} {'sample':18} {len(sample):>11,} {t_nat:9.3f} "
          f"{rate(len(sample), t_nat)} {n_nat:7d}")
    if not a.skip_context:
        from factcheck.extract.pipeline import extract_facts
        from factcheck.models import Document

        docs = [Document(id=str(i), text=t) for i, t in enumerate(news_articles())]
        extract_facts(docs[:5])  # warm-up: the context stage's lexicons and gazetteer
        t_ctx, n_ctx = timed(extract_facts, docs, max(1, a.repeats // 2))
        print(f"{'native + context stage':28} {'whole corpus':18} {len(corpus):>11,} {t_ctx:9.3f} "
              f"{rate(len(corpus), t_ctx)} {n_ctx:7d}")
    if not a.skip_quantulum:
        from factcheck.extract.quantulum import find_quantities as q3

        q3(corpus[:2000])  # warm-up: loads quantulum3's unit and entity tables
        t_q3, n_q3 = timed(q3, sample, a.q3_repeats)
        print(f"{'quantulum3 (no clf, /para)':28} {'sample':18} {len(sample):>11,} {t_q3:9.3f} "
              f"{rate(len(sample), t_q3)} {n_q3:7d}")
        print(f"native / quantulum3 on the same sample: {t_q3 / t_nat:,.0f}x faster")

    per_fig = t_full / max(1, n_full) * 1e6
    print(f"\nadversarial single lines ({a.adversarial_size:,} chars each), native only.")
    print(f"News holds {n_full / len(corpus) * 1000:.1f} figures per 1,000 chars and costs "
          f"{per_fig:.1f} us per figure found (scanning included). The lines below hold up to\n"
          f"100x more figures per char, so compare the cost per figure, and the growth from a "
          f"tenth of the line to all of it (10x = linear; backtracking would show as 100x or more).")
    print(f"  {'line':22} {'median s':>9} {'rate':>12} {'found':>8} {'us/figure':>10} {'x ordinary':>10} "
          f"{'1/10 -> full':>13}")
    for name, line in adversarial_lines(a.adversarial_size).items():
        reps = max(1, a.repeats // 4)
        t, n = timed(native, line, reps)
        t10, _ = timed(native, line[: len(line) // 10], reps)
        us = t / max(1, n) * 1e6
        print(f"  {name:22} {t:9.3f} {rate(len(line), t)} {n:8d} {us:10.1f} {us / per_fig:10.2f} "
              f"{t / t10:12.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
