"""Streamed facts and their JSON lines are the same as the list and the encoder's.

`iter_facts` makes a dense stretch's bare facts as they are taken, and
`fact_line` writes a fact that says nothing beyond its figure from a template:
both are speed paths (bench/ADVERSARIAL.md), so each case here checks that
they change nothing a reader of the output could see.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.corpus import read_documents
from factcheck.extract import extract_facts, iter_facts
from factcheck.models import Document, Fact
from factcheck.report.fact_lines import fact_line

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "strike"
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode

# Prose, stretches of bare numbers (digits, words, units) and prose again, in one text.
TEXTS = {
    "digits": "Rescuers said 12 people were injured in Lviv.\n" + "1," * 120
    + "\nTwo more were killed, officials said. " + "3,4," * 60 + "7",
    "words": "one two three four five six seven eight nine ten " * 12 + "and 40 missiles.",
    "units": "Readings: " + " ".join(f"{i} km" for i in range(80)) + ". The 679-kilometer (422 miles) trip.",
    "prose": "Russia launched 574 drones and 40 missiles overnight, the air force said.",
    "only a stretch": "1," * 60,
}


def _docs() -> list[Document]:
    docs = [Document(id=name, text=text, source="outlet", story="s", date="2025-01-02")
            for name, text in TEXTS.items()]
    return docs + read_documents([str(EXAMPLES)])


def test_iter_facts_gives_the_facts_of_extract_facts_in_order():
    docs = _docs()
    streamed = list(iter_facts(docs))
    assert streamed == extract_facts(docs)
    assert [f.id for f in streamed] == list(range(len(streamed)))


@pytest.mark.parametrize("name", ["digits", "words", "only a stretch"])
def test_every_figure_of_a_dense_stretch_is_a_fact(name):
    doc = Document(id=name, text=TEXTS[name])
    with_context = extract_facts([doc])
    bare = extract_facts([doc], context=False)
    assert [(f.start, f.end, f.value) for f in with_context] == \
        [(f.start, f.end, f.value) for f in bare]


def test_a_dense_stretch_longer_than_a_chunk_keeps_every_figure():
    from factcheck.extract import pipeline

    n = pipeline._CHUNK * 2 + 7
    facts = list(iter_facts([Document(id="d", text="1," * n)]))
    assert [f.start for f in facts] == list(range(0, 2 * n, 2))
    assert [f.id for f in facts] == list(range(n))


def test_every_fact_line_is_the_encoders_line():
    for fact in extract_facts(_docs()):
        assert fact_line(fact) == _encode(fact.to_dict()) + "\n"


_BARE = Fact(doc="d", source=None, start=0, end=1, text="1", value=1.0, low=1.0, high=1.0)


@pytest.mark.parametrize("changes", [
    {},
    {"value": float("nan"), "low": float("inf"), "high": float("-inf")},
    {"value": -0.0, "low": 2.5, "high": 1e300},
    {"value": 2.0**60, "low": None, "high": 7},
    {"value": True},  # not a number the template knows: the encoder writes it
    {"doc": 'a "quoted" 100% \\ path\n', "source": "Zürich — ✓", "text": "٣"},
    {"line": None, "column": None, "date": "2025-01-02", "story": "s"},
    {"unit": "USD", "kind": "money", "normalized_unit": "dollar", "qualifier": "at_least"},
    {"cues": ["what: x"], "dimension": "count"},
    {"entity": "person", "measure": "killed"},
    {"doc": ["not", "a", "str"]},  # an odd field: left to the encoder, which refuses it too
])
def test_a_fact_line_is_the_encoders_line_for_odd_values(changes):
    fact = dataclasses.replace(_BARE, **changes)
    try:
        expected = _encode(fact.to_dict()) + "\n"
    except TypeError:
        with pytest.raises(TypeError):
            fact_line(fact)
        return
    assert fact_line(fact) == expected


def test_the_command_writes_each_fact_as_the_encoder_would(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXTS["digits"], encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", str(path)],
                       capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert p.returncode == 0, p.stderr
    docs = read_documents([str(path)])
    assert p.stdout == "".join(_encode(f.to_dict()) + "\n" for f in extract_facts(docs))


@pytest.mark.parametrize("per_chunk", [1, 3, 256])
def test_chunks_of_lines_are_the_lines_in_order(per_chunk):
    from factcheck.report.fact_lines import fact_lines

    facts = extract_facts(_docs())
    chunks = list(fact_lines(iter(facts), per_chunk=per_chunk))
    assert "".join(chunks) == "".join(fact_line(f) for f in facts)
    assert len(chunks) == -(-len(facts) // per_chunk)
