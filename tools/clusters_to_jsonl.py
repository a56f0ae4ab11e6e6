#!/usr/bin/env python3
"""Convert the Giveme5W1H news clusters into a factcheck JSONL corpus (stdlib only).

    python tools/clusters_to_jsonl.py OUT.jsonl [--data DIR] [--cluster g5-002 ...]
                                      [--max-articles N]

Each article becomes one record a line:
    {"id", "story", "source", "date", "url", "title", "text"}
with `story` = the cluster id (so `factcheck check OUT.jsonl` checks each
cluster as one story), `source` = the outlet's domain without "www.", `date` =
the publication date (YYYY-MM-DD) when the crawl has one.

DIR defaults to ../shared/data/giveme5w1h_news_cluster beside the checkout (see
its README for what the clusters are and their known problems). The texts are
the publishers'; the output is for local evaluation only, so it is written
where you say and never inside the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "giveme5w1h_news_cluster"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("output", type=Path, help="the JSONL file to write (outside the repository)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the news_cluster folder")
    ap.add_argument(
        "--cluster",
        action="append",
        default=[],
        metavar="ID",
        help="convert only this cluster (repeatable), e.g. g5-002",
    )
    ap.add_argument(
        "--max-articles",
        type=int,
        default=0,
        metavar="N",
        help="keep at most the first N articles of each cluster (0 = all)",
    )
    args = ap.parse_args(argv)

    if _inside(args.output, REPO):
        return _fail(f"{args.output}: refusing to write publishers' texts into the repository")
    index_path = args.data / "clusters_index.json"
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return _fail(f"{index_path}: cannot read the cluster index ({exc})")
    known = {entry["cluster"] for entry in index}
    unknown = sorted(set(args.cluster) - known)
    if unknown:
        return _fail(f"unknown cluster id(s): {', '.join(unknown)}")

    written = skipped = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        for entry in sorted(index, key=lambda e: e["cluster"]):
            if args.cluster and entry["cluster"] not in args.cluster:
                continue
            for record in cluster_records(args.data / entry["file"], args.max_articles):
                if record is None:
                    skipped += 1
                    continue
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    print(
        f"{args.output}: {written} articles written, {skipped} without text skipped",
        file=sys.stderr,
    )
    return 0


def cluster_records(path: Path, max_articles: int = 0):
    """One record per article of the cluster file (None for an article without text)."""
    cluster = json.loads(path.read_text(encoding="utf-8"))
    articles = cluster["articles"][:max_articles] if max_articles > 0 else cluster["articles"]
    for article in articles:
        text = article.get("text")
        if not isinstance(text, str) or not text.strip():
            yield None
            continue
        yield {
            "id": article.get("dId") or Path(article.get("filename") or "").stem,
            "story": cluster["cluster"],
            "source": _outlet(article.get("source_domain")),
            "date": (article.get("date_publish") or "")[:10] or None,
            "url": article.get("url"),
            "title": article.get("title"),
            "text": text,
        }


def _outlet(domain: str | None) -> str | None:
    return domain.removeprefix("www.") if domain else None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _fail(message: str) -> int:
    print(f"clusters_to_jsonl: error: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
