"""The real captures in ../shared/seeds: every gold figure keeps its source and is not skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.corpus import read_documents


@pytest.fixture(scope="module")
def gold_and_docs(shared: Path):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    names = sorted({f["doc"] for f in gold["facts"]})
    docs = read_documents([str(shared / "seeds" / n) for n in names], on_warning=pytest.fail)
    return gold, {Path(d.id).name: d for d in docs}


def test_gold_offsets_point_at_the_figures(gold_and_docs) -> None:
    gold, docs = gold_and_docs
    for fact in gold["facts"]:
        doc = docs[fact["doc"]]
        assert doc.text[fact["start"] : fact["end"]] == fact["surface"], fact["id"]


def test_gold_figures_belong_to_their_outlet(gold_and_docs) -> None:
    gold, docs = gold_and_docs
    sourced = [f for f in gold["facts"] if f.get("source")]
    assert sourced
    for fact in sourced:
        assert docs[fact["doc"]].source_at(fact["start"]) == fact["source"], fact["id"]


def test_no_gold_figure_is_marked_as_furniture(gold_and_docs) -> None:
    gold, docs = gold_and_docs
    for fact in gold["facts"]:
        assert not docs[fact["doc"]].is_skipped(fact["start"]), fact["id"]


def test_seed_files_named_together_are_one_story(gold_and_docs) -> None:
    _, docs = gold_and_docs
    assert len({d.story for d in docs.values()}) == 1
