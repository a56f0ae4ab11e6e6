"""tools/clusters_to_jsonl.py: real news clusters → a JSONL corpus factcheck reads by story."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.corpus import read_documents

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "clusters_to_jsonl.py"
CLUSTERS = ("g5-002", "g5-003")


def convert(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), str(out), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def index(shared: Path) -> dict[str, dict]:
    path = shared / "data" / "giveme5w1h_news_cluster" / "clusters_index.json"
    if not path.is_file():
        pytest.skip("the news clusters are not in ../shared/data")
    return {e["cluster"]: e for e in json.loads(path.read_text(encoding="utf-8"))}


def test_clusters_become_stories_of_their_articles(index, tmp_path: Path) -> None:
    out = tmp_path / "clusters.jsonl"
    result = convert(out, *[a for c in CLUSTERS for a in ("--cluster", c)])
    assert result.returncode == 0, result.stderr
    docs = read_documents([str(out)], on_warning=pytest.fail)
    articles = [(c, a) for c in CLUSTERS for a in index[c]["articles"]]
    assert len(docs) == len(articles)
    for doc, (cluster, article) in zip(docs, articles):
        assert (doc.story, doc.id, doc.title) == (cluster, article["id"], article["title"])
        assert doc.source == article["source_domain"].removeprefix("www.")
        assert doc.date == article["date_publish"][:10]
        assert len(doc.text) == article["text_chars"]


def test_max_articles_keeps_the_first_of_each_cluster(index, tmp_path: Path) -> None:
    out = tmp_path / "few.jsonl"
    assert convert(out, "--cluster", "g5-002", "--max-articles", "2").returncode == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [a["id"] for a in index["g5-002"]["articles"][:2]]


def test_refuses_to_write_into_the_repository(index) -> None:
    target = ROOT / "examples" / "clusters.jsonl"
    result = convert(target, "--cluster", "g5-002")
    assert result.returncode == 2 and "refusing" in result.stderr
    assert not target.exists()


def test_unknown_cluster_is_an_error(index, tmp_path: Path) -> None:
    result = convert(tmp_path / "x.jsonl", "--cluster", "g5-999")
    assert result.returncode == 2 and "g5-999" in result.stderr
