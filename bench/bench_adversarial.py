"""Adversarial inputs: time and output size must grow linearly with input size.

    python bench/bench_adversarial.py [scale] [line=N] [words=N] [sources=N]

Three inputs, each at size n and 2n, measured side by side in one run:
  - one line of "1," (every "1" a figure in one run-on "sentence");
  - a text of number words ("one two three …");
  - one story of many sources, each giving the same one figure.
For each: seconds and JSONL bytes (extract) or report bytes (check); the ratio
of the 2n run to the n run should stay near 2.
"""

from __future__ import annotations

import json
import sys
import time

from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.report.render import render
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack


def _extract_size(docs: list[Document]) -> tuple[float, int]:
    t = time.perf_counter()
    facts = extract_facts(docs)
    size = sum(len(json.dumps(f.to_dict(), ensure_ascii=False).encode()) + 1 for f in facts)
    return time.perf_counter() - t, size


def comma_line(n: int) -> list[Document]:
    return [Document(id="line", text="1," * n)]


def number_words(n: int) -> list[Document]:
    words = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return [Document(id="words", text=" ".join(words[i % 10] for i in range(n)))]


def many_sources(n: int) -> list[Document]:
    return [Document(id=f"s{i}", source=f"outlet{i}.example", story="one",
                     text="Officials said 14 homes were flooded in Tarnby.") for i in range(n)]


def _check_size(docs: list[Document]) -> tuple[float, int]:
    pack = load_pack()
    t = time.perf_counter()
    facts = extract_facts(docs)
    report = Report(check(facts, pack), facts, pack.rules, docs)
    size = len(render(report, "json").encode())
    return time.perf_counter() - t, size


def main(scale: float = 1.0, sizes: dict[str, int] | None = None) -> None:
    sizes = sizes or {}
    cases = [("line of '1,' (figures)", comma_line, sizes.get("line", int(20_000 * scale)),
              _extract_size),
             ("number words", number_words, sizes.get("words", int(100_000 * scale)),
              _extract_size),
             ("sources giving one figure", many_sources, sizes.get("sources", int(2_000 * scale)),
              _check_size)]
    for name, make, n, measure in cases:
        if n <= 0:
            continue
        measure(make(max(1, n // 20)))  # warm-up: lexicons, caches
        (t1, s1), (t2, s2) = measure(make(n)), measure(make(2 * n))
        print(f"{name:28} n={n:>9,}: {t1:7.2f} s {s1 / 1e6:8.2f} MB | 2n: {t2:7.2f} s "
              f"{s2 / 1e6:8.2f} MB | ratio time {t2 / t1:4.2f} size {s2 / max(s1, 1):4.2f}")


if __name__ == "__main__":
    # bench_adversarial.py [scale] [line=N] [words=N] [sources=N]: n of each case (0 skips it)
    args = sys.argv[1:]
    scale = float(args.pop(0)) if args and "=" not in args[0] else 1.0
    main(scale, {k: int(float(v)) for k, v in (a.split("=", 1) for a in args)})
