"""Start-up, throughput, memory and --jobs speed-up of `factcheck check`, as whole processes.

    .venv/bin/python bench/bench_corpus.py [--copies 1 10 30] [--runs 5] [--baseline REV]

Every figure is one whole `factcheck` process, timed by the operating system's
own accounting of the finished child (os.wait4: user + system CPU seconds and
peak resident memory), so start-up is included. The machine is shared and
noisy: CPU time is used where it can be, figures are medians, and a comparison
runs its two sides in turn (A B A B …) in the same call.

1. start-up: the bundled example checked (--format json), --help and --version:
   median CPU of --runs processes.
2. the corpus: the 378 news-cluster articles (tools/clusters_to_jsonl.py, from
   ../shared/data/giveme5w1h_news_cluster) and copies of it ×10, ×30 whose
   story and record ids carry the copy's number (more stories, none larger).
   `check --jobs 1`: MB of article text (the records' `text`, UTF-8) per CPU
   second — per core — and peak memory.
3. --jobs 2 against --jobs 1 on the largest corpus: wall-clock speed-up, and
   the cores kept busy, CPU seconds (the reaped workers' included) per wall
   second: near 2 with --jobs 2 means both ran; a speed-up short of that
   means other processes held the cores.
4. --baseline REV: the same start-up and ×1/×10 figures for an older commit,
   run from `git archive REV` with this venv, side by side with this checkout.

Every side runs with its bytecode compiled and its caches warm (a warm-up run
first), as an installed factcheck does from its second run on; the load
average is printed before and after, for the figures are only as quiet as the
machine was.

The corpora are written to a temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "factcheck-bench"


@dataclass
class Run:
    cpu: float  # user + system seconds
    wall: float
    peak_mb: float  # peak resident memory of the process
    status: int


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path = REPO) -> Run:
    """One whole process, stdout and stderr discarded, timed by the kernel's accounting."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(usage.ru_utime + usage.ru_stime, time.monotonic() - started,
               usage.ru_maxrss / 1024, proc.returncode)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def corpus(copies: int) -> tuple[Path, float]:
    """The news-cluster corpus ×copies and its article text in MB (10^6 bytes)."""
    WORK.mkdir(parents=True, exist_ok=True)
    one = WORK / "clusters-x1.jsonl"
    if not one.exists():
        subprocess.run([sys.executable, str(REPO / "tools" / "clusters_to_jsonl.py"), str(one)],
                       check=True)
    records = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    path = WORK / f"clusters-x{copies}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            for k in range(copies):
                for r in records:
                    copy = dict(r, story=f"{r['story']}#{k}", id=f"{r['id']}#{k}")
                    out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    mb = copies * sum(len(r["text"].encode()) for r in records) / 1e6
    return path, mb


def baseline_tree(rev: str) -> Path:
    """`git archive REV` unpacked beside the corpora: its src/ runs with this venv."""
    target = WORK / f"rev-{rev}"
    if not target.exists():
        archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True,
                                 capture_output=True).stdout
        target.mkdir(parents=True)
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return target


def factcheck(tree: Path | None) -> tuple[list[str], dict[str, str]]:
    """The command and environment running factcheck from `tree` (None: this checkout)."""
    env = dict(os.environ)
    env.pop("CI", None)
    # An installed factcheck has its bytecode (pip compiles it; a first run writes it).
    # Some shells forbid writing it, and then every run compiles ~150 modules again
    # (~0.2 CPU s): not what a user's start-up costs, so the warm-up run may write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if tree is not None:
        env["PYTHONPATH"] = str(tree / "src")
    return [sys.executable, "-m", "factcheck"], env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 10, 30])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", metavar="REV", help="also measure this commit, side by side")
    args = ap.parse_args()
    sides = {"this checkout": None}
    if args.baseline:
        sides[f"baseline {args.baseline}"] = baseline_tree(args.baseline)

    print(f"load average at the start: {_load()}\n")
    print("## Start-up (median CPU seconds of", args.runs, "whole processes)\n")
    print("| command | " + " | ".join(sides) + " |")
    print("|---|" + "---|" * len(sides))
    example = str(REPO / "examples" / "strike")
    for label, extra in (("check examples/strike --format json", ["check", example, "--format",
                                                                 "json", "--fail-on", "never"]),
                         ("--help", ["--help"]), ("--version", ["--version"])):
        results: dict[str, list[Run]] = {name: [] for name in sides}
        for _name, tree in sides.items():  # a warm-up each: caches built, files in memory
            cmd, env = factcheck(tree)
            run(cmd + extra, env)
        for _ in range(args.runs):
            for name, tree in sides.items():
                cmd, env = factcheck(tree)
                results[name].append(run(cmd + extra, env))
        cells = [f"{median(results[n], 'cpu'):.3f}" for n in sides]
        print(f"| `{label}` | " + " | ".join(cells) + " |", flush=True)

    print("\n## The corpus, `check --jobs 1 --format json` (one process each)\n")
    print("| corpus | MB of text | side | CPU s | MB/s per core | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    peaks: dict[tuple[str, int], float] = {}
    for copies in args.copies:
        path, mb = corpus(copies)
        for name, tree in sides.items():
            if tree is not None and copies > 10:
                continue
            cmd, env = factcheck(tree)
            extra = ["--jobs", "1"] if tree is None else []
            r = run(cmd + ["check", str(path), "--format", "json", "--fail-on", "never", *extra],
                    env)
            peaks[name, copies] = r.peak_mb
            print(f"| ×{copies} | {mb:.2f} | {name} | {r.cpu:.1f} | {mb / r.cpu:.2f} "
                  f"| {r.peak_mb:.0f} |", flush=True)
    for name in sides:
        if (name, 1) in peaks and (name, 10) in peaks:
            print(f"\npeak RSS ×10 / ×1 ({name}): {peaks[name, 10] / peaks[name, 1]:.2f}")
        if (name, 1) in peaks and (name, 30) in peaks:
            print(f"peak RSS ×30 / ×1 ({name}): {peaks[name, 30] / peaks[name, 1]:.2f}")

    largest = max(args.copies)
    path, mb = corpus(largest)
    cmd, env = factcheck(None)
    walls: dict[int, list[float]] = {1: [], 2: []}
    busy: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(2):  # in turn: 1 2 1 2
        for jobs in (1, 2):
            r = run(cmd + ["check", str(path), "--format", "json", "--fail-on", "never",
                           "--jobs", str(jobs)], env)
            walls[jobs].append(r.wall)
            busy[jobs].append(r.cpu / r.wall)  # the reaped workers' CPU is in r.cpu
    one, two = statistics.median(walls[1]), statistics.median(walls[2])
    print(f"\n## --jobs 2 on ×{largest} ({mb:.1f} MB): wall {one:.1f} s → {two:.1f} s, "
          f"speed-up {one / two:.2f}× (median of 2 pairs, run in turn); cores kept busy "
          f"(CPU s / wall s) {statistics.median(busy[1]):.2f} → {statistics.median(busy[2]):.2f}")
    print(f"\nload average at the end: {_load()}")


def _load() -> str:
    """The 1, 5 and 15 minute load averages (the machine is shared)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
