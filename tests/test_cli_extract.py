"""The `factcheck extract` command-line contract that the evaluation scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.models import FACT_FIELDS

TEXT = "Russia launched 574 drones and 40 missiles overnight, the air force said.\n"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def test_jsonl_facts_carry_every_contract_field_and_true_offsets():
    p = run("extract", "--format", "jsonl", "-", stdin=TEXT)
    assert p.returncode == 0, p.stderr
    facts = [json.loads(line) for line in p.stdout.splitlines()]
    assert [f["value"] for f in facts] == [574, 40]
    for f in facts:
        assert set(FACT_FIELDS) <= f.keys()
        assert TEXT[f["start"]:f["end"]] == f["text"]
        assert f["doc"] == "<stdin>"


def test_jsonl_corpus_on_stdin_uses_record_ids_and_record_offsets():
    records = [{"id": "a", "text": "Twelve were hurt."}, {"id": "b", "source": "X", "text": "It cost 5 people."}]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    p = run("extract", "--format", "jsonl", "--input", "jsonl", "-", stdin=stdin)
    assert p.returncode == 0, p.stderr
    facts = [json.loads(line) for line in p.stdout.splitlines()]
    by_doc = {f["doc"]: f for f in facts}
    assert by_doc["b"]["source"] == "X"
    assert records[1]["text"][by_doc["b"]["start"]:by_doc["b"]["end"]] == by_doc["b"]["text"]


def test_same_input_gives_byte_identical_output(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT * 3, encoding="utf-8")
    first = run("extract", "--format", "jsonl", str(doc))
    second = run("extract", "--format", "jsonl", str(doc))
    assert first.returncode == 0 and first.stdout == second.stdout


def test_machine_format_prints_nothing_but_facts_on_stdout():
    p = run("extract", "--format", "jsonl", "-", stdin="No figures here at all.\n")
    assert p.returncode == 0 and p.stdout == ""


def test_table_format_is_for_people():
    p = run("extract", "--format", "table", "-", stdin=TEXT)
    assert p.returncode == 0
    assert "574" in p.stdout and "facts" in p.stdout


@pytest.mark.parametrize(
    "args",
    [("extract", "/no/such/file.txt"), ("extract", "--format", "xml", "-"), ("frobnicate",)],
)
def test_usage_and_input_errors_exit_2_with_one_line_and_no_traceback(args):
    p = run(*args, stdin="")
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert p.stderr.strip(), "an error must say what went wrong"
