"""Story-by-story checking: the same report for any --jobs, for dask, and for a whole-corpus run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.corpus import read_documents
from factcheck.corpus.stream import plan_stories
from factcheck.engine import DASK_MISSING, check_corpus
from factcheck.errors import FactcheckError, InputError
from factcheck.extract import extract_facts
from factcheck.report.render import render
from factcheck.report.summary import Report
from factcheck.rules import check, load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "engine"
GROUPED = str(FIXTURES / "grouped.jsonl")
INTERLEAVED = str(FIXTURES / "interleaved.jsonl")


@pytest.fixture(scope="module")
def pack():
    return load_pack()


def whole_run(paths: list[str], pack) -> Report:
    """What check did before it went story by story: every document, then every fact."""
    docs = read_documents(paths)
    facts = extract_facts(docs)
    return Report(check(facts, pack), facts, pack.rules, docs)


@pytest.mark.parametrize("fmt", ["json", "markdown", "terminal", "sarif"])
def test_story_by_story_matches_a_whole_corpus_run(pack, fmt):
    streamed = check_corpus([GROUPED], pack, jobs=1)
    assert render(streamed, fmt) == render(whole_run([GROUPED], pack), fmt)


def test_same_findings_for_any_jobs_and_for_dask(pack):
    one = render(check_corpus([INTERLEAVED], pack, jobs=1), "json")
    assert json.loads(one)["findings"], "the fixture must give findings to compare"
    for batch_chars in (1, 400):  # a story a batch; two stories in one, one alone
        assert render(check_corpus([INTERLEAVED], pack, jobs=1, batch_chars=batch_chars),
                      "json") == one
        assert render(check_corpus([INTERLEAVED], pack, jobs=2, batch_chars=batch_chars),
                      "json") == one
    pytest.importorskip("distributed")
    on_dask = check_corpus([INTERLEAVED], pack, jobs=2, engine="dask", batch_chars=1)
    assert render(on_dask, "json") == one


def test_interleaved_and_grouped_corpora_give_the_same_findings(pack):
    def findings(path):
        out = json.loads(render(check_corpus([path], pack, jobs=1), "json"))
        for f in out["findings"]:
            for fact in f["facts"]:
                # numbered in input order, and a record's line is where it sits in its file
                del fact["id"], fact["converts"], fact["line"]
        return out

    assert findings(INTERLEAVED) == findings(GROUPED)


def test_stories_come_in_order_of_first_record_with_their_documents_in_file_order():
    plan = plan_stories([INTERLEAVED])
    stories = {s.id: [d.id for d in plan.read(s)] for s in plan.stories}
    assert list(stories) == ["ferry", "dam", "fire"]
    assert stories["ferry"] == ["ferry-1", "ferry-2", "ferry-3"]
    by_story: dict[str, list[str]] = {}
    for doc in read_documents([INTERLEAVED]):
        by_story.setdefault(doc.story, []).append(doc.id)
    assert stories == by_story


def test_a_malformed_record_names_file_and_line(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"text": "Two were hurt.", "story": "a"}\n\n{"text": 3}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:3: "):
        plan_stories([str(corpus)])


def test_a_corpus_that_is_not_utf8_is_read_whole_with_a_warning(tmp_path, pack):
    corpus = tmp_path / "latin.jsonl"
    corpus.write_bytes('{"text": "Caf\xe9 fire: 4 injured.", "story": "a"}\n'.encode("latin-1"))
    warnings: list[str] = []
    plan = plan_stories([str(corpus)], on_warning=warnings.append)
    docs = [d for s in plan.stories for d in plan.read(s)]
    assert [d.story for d in docs] == ["a"] and "\ufffd" in docs[0].text
    assert warnings and "latin.jsonl" in warnings[0]


def test_binary_input_alone_fails_and_beside_text_is_skipped(tmp_path, pack):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary file"):
        check_corpus([str(tmp_path / "blob.txt")], pack, jobs=1)
    (tmp_path / "note.txt").write_text("Three people were injured.")
    report = check_corpus([str(tmp_path)], pack, jobs=1)
    assert report.summary()["stories"] == 1 and report.summary()["facts"] == 1


def test_dask_missing_is_one_line_saying_how_to_install(monkeypatch, pack):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(FactcheckError) as err:
        check_corpus([INTERLEAVED], pack, engine="dask")
    assert str(err.value) == DASK_MISSING and "pip install 'factcheck[dask]'" in str(err.value)


def test_jobs_through_the_command_line_give_byte_identical_reports(tmp_path):
    def run(*extra):
        done = subprocess.run([sys.executable, "-m", "factcheck", "check", INTERLEAVED,
                               "--format", "json", "--fail-on", "never", *extra],
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""  # no progress bar when stderr is not a terminal
        return done.stdout

    assert run("--jobs", "2") == run("--jobs", "1")


def test_no_progress_bar_off_a_terminal_or_under_ci(monkeypatch, capsys):
    from factcheck import cli_run

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli_run.progress_display() is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setenv("CI", "true")
    assert cli_run.progress_display() is None
    monkeypatch.delenv("CI")
    step = cli_run.progress_display()(3)
    for _ in range(3):  # a run shorter than a second draws nothing
        step(type("Result", (), {"stories": 1, "documents": 2})())
    assert capsys.readouterr().err == ""
