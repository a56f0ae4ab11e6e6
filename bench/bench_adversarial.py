"""Adversarial inputs: time and output size must grow linearly with input size.

    python bench/bench_adversarial.py [scale] [line=N] [words=N] [sources=N] [--cli]

Three inputs, each at size n and 2n, measured side by side in one run:
  - one line of "1," (every "1" a figure in one run-on "sentence");
  - a text of number words ("one two three …");
  - one story of many sources, each giving the same one figure.
In process (the default): seconds and bytes of what `extract -f jsonl` writes
(extract) or of the JSON report (check). With --cli, each input is written to a
temporary file and run through the command line as a user would
(`extract -f jsonl`, or `check -f json` of a JSONL corpus for the sources):
wall and CPU seconds, peak RSS and output bytes of the child process, start-up
included. The ratio of the 2n run to the n run should stay near 2.
The command line run is `sys.executable -m factcheck`: run this script with
another checkout's interpreter to measure that checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
FIGURE = "Officials said 14 homes were flooded in Tarnby."


def comma_line(n: int) -> str:
    return "1," * n


def number_words(n: int) -> str:
    return " ".join(WORDS[i % 10] for i in range(n))


def many_sources(n: int) -> str:
    """A JSONL corpus: one story, n outlets, each record giving the same figure."""
    return "".join(json.dumps({"id": f"s{i}", "source": f"outlet{i}.example", "story": "one",
                               "text": FIGURE}) + "\n" for i in range(n))


# --- in process ----------------------------------------------------------------------------
def _extract_size(text: str) -> tuple[float, int]:
    from factcheck.extract import iter_facts
    from factcheck.models import Document
    from factcheck.report.fact_lines import fact_lines

    t = time.perf_counter()
    size = sum(len(lines.encode()) for lines in fact_lines(iter_facts([Document(id="x", text=text)])))
    return time.perf_counter() - t, size


def _check_size(corpus: str) -> tuple[float, int]:
    from factcheck.extract import extract_facts
    from factcheck.models import Document
    from factcheck.report.render import render
    from factcheck.report.summary import Report
    from factcheck.rules import check, load_pack

    docs = [Document(id=r["id"], source=r["source"], story=r["story"], text=r["text"])
            for r in map(json.loads, corpus.splitlines())]
    pack = load_pack()
    t = time.perf_counter()
    facts = extract_facts(docs)
    report = Report(check(facts, pack), facts, pack.rules, docs)
    size = len(render(report, "json").encode())
    return time.perf_counter() - t, size


# --- through the command line --------------------------------------------------------------
def run_cli(args: list[str], path: Path) -> dict[str, float]:
    """Wall and CPU seconds, peak RSS (MB) and stdout bytes of `factcheck ARGS PATH`."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "factcheck", *args, str(path)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert p.stdout is not None
    size = 0
    while chunk := p.stdout.read(1 << 20):
        size += len(chunk)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):  # 1: findings
        sys.exit(f"factcheck {' '.join(args)} {path} failed with status {p.returncode}")
    return {"wall": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": usage.ru_maxrss / 1024, "out": size}


def _cli_case(make, n: int, args: list[str], suffix: str, folder: Path) -> dict[str, float]:
    path = folder / f"input{suffix}"
    path.write_text(make(n), encoding="utf-8")
    try:
        return run_cli(args, path)
    finally:
        path.unlink()


CASES = [  # name, make, size key, default n, command, file suffix, in-process measure
    ("line of '1,' (figures)", comma_line, "line", 20_000, ["extract", "-f", "jsonl"], ".txt",
     _extract_size),
    ("number words", number_words, "words", 100_000, ["extract", "-f", "jsonl"], ".txt",
     _extract_size),
    ("sources giving one figure", many_sources, "sources", 2_000, ["check", "-f", "json"], ".jsonl",
     _check_size),
]


def main(scale: float = 1.0, sizes: dict[str, int] | None = None, cli: bool = False) -> None:
    sizes = sizes or {}
    folder = Path(tempfile.mkdtemp(prefix="fc-adversarial-"))
    for name, make, key, default, args, suffix, measure in CASES:
        n = sizes.get(key, int(default * scale))
        if n <= 0:
            continue
        if cli:
            a, b = (_cli_case(make, k, args, suffix, folder) for k in (n, 2 * n))
            print(f"{name:28} n={n:>9,}: " + " | ".join(
                f"{r['wall']:6.1f} s wall {r['cpu']:6.1f} s CPU {r['rss']:6.0f} MB RSS "
                f"{r['out'] / 1e6:8.1f} MB out" for r in (a, b))
                + f" | ratio wall {b['wall'] / a['wall']:4.2f} CPU {b['cpu'] / a['cpu']:4.2f} "
                f"out {b['out'] / max(a['out'], 1):4.2f}", flush=True)
            continue
        measure(make(max(1, n // 20)))  # warm-up: lexicons, caches
        (t1, s1), (t2, s2) = measure(make(n)), measure(make(2 * n))
        print(f"{name:28} n={n:>9,}: {t1:7.2f} s {s1 / 1e6:8.2f} MB | 2n: {t2:7.2f} s "
              f"{s2 / 1e6:8.2f} MB | ratio time {t2 / t1:4.2f} size {s2 / max(s1, 1):4.2f}",
              flush=True)
    folder.rmdir()


if __name__ == "__main__":
    # bench_adversarial.py [scale] [line=N] [words=N] [sources=N] [--cli]: n of each case (0 skips)
    args = sys.argv[1:]
    cli = "--cli" in args
    args = [a for a in args if a != "--cli"]
    scale = float(args.pop(0)) if args and "=" not in args[0] else 1.0
    main(scale, {k: int(float(v)) for k, v in (a.split("=", 1) for a in args)}, cli)
