"""Corpus reading, driven by tests/fixtures/corpus/cases.yaml (see its header)."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from factcheck.corpus import INPUT_KINDS, read_documents
from factcheck.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
CASES = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
DOC_FIELDS = ("id", "source", "date", "url", "title", "story", "path", "text")


def build_case(case: dict, root: Path) -> None:
    """Write the case's files under `root` (raw_files: one character = one byte)."""
    for name, content in (case.get("files") or {}).items():
        _write(root / name, content.encode("utf-8"))
    for name, content in (case.get("raw_files") or {}).items():
        _write(root / name, content.encode("latin-1"))
    for name in case.get("copy") or []:
        shutil.copy(FIXTURES / name, root / name)
    for name, mode in (case.get("chmod") or {}).items():
        if os.geteuid() == 0:
            pytest.skip("permissions do not bind root")
        os.chmod(root / name, mode)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def run_case(case: dict, root: Path, monkeypatch: pytest.MonkeyPatch):
    build_case(case, root)
    monkeypatch.chdir(root)
    warnings: list[str] = []
    stdin = io.BytesIO(case["stdin"].encode("utf-8")) if "stdin" in case else None
    docs = read_documents(case["args"], case.get("input"), stdin=stdin, on_warning=warnings.append)
    return docs, warnings


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_corpus_case(case: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if "error" in case:
        with pytest.raises(InputError) as err:
            run_case(case, tmp_path, monkeypatch)
        assert re.search(case["error"], str(err.value)), str(err.value)
        assert "\n" not in str(err.value)
        return
    docs, warnings = run_case(case, tmp_path, monkeypatch)
    expected = case["expect"]
    assert len(docs) == len(expected), [d.id for d in docs]
    for doc, want in zip(docs, expected):
        check_document(doc, want)
    patterns = case.get("warnings") or []
    assert len(warnings) == len(patterns), warnings
    for message, pattern in zip(warnings, patterns):
        assert re.search(pattern, message), message


def check_document(doc, want: dict) -> None:
    for field in DOC_FIELDS:
        if field in want:
            assert getattr(doc, field) == want[field], field
    if "prose" in want:  # the words of the text, however blanked (Markdown markup)
        assert " ".join(doc.text.split()) == want["prose"], doc.text
    if "length" in want:  # blanking keeps every offset: the text is as long as the file
        assert len(doc.text) == want["length"]
    if "text_starts" in want:
        assert doc.text.startswith(want["text_starts"]), doc.text[:200]
    for absent in want.get("not_in_text", []):
        assert absent not in doc.text
    if "segments" in want:
        assert len(doc.segments) == len(want["segments"]), doc.segments
        for seg, seg_want in zip(doc.segments, want["segments"]):
            assert seg.source == seg_want["source"]
            if "title" in seg_want:
                assert seg.title == seg_want["title"]
            if "starts" in seg_want:
                assert doc.text[seg.start : seg.end].startswith(seg_want["starts"])
        assert_tiles(doc)
    if "skip" in want:
        assert [doc.text[a:b] for a, b in doc.skip] == want["skip"]
    for needle, source in (want.get("source_at") or {}).items():
        assert doc.source_at(doc.text.index(needle)) == source, needle
    for needle in want.get("not_skipped", []):
        start = doc.text.index(needle)
        assert not any(a < start + len(needle) and start < b for a, b in doc.skip), needle


def assert_tiles(doc) -> None:
    """Segments, when present, cover the text end to end without gaps or overlaps."""
    if not doc.segments:
        return
    assert doc.segments[0].start == 0 and doc.segments[-1].end == len(doc.text)
    for left, right in zip(doc.segments, doc.segments[1:]):
        assert left.end == right.start


def test_every_input_kind_has_a_case() -> None:
    kinds = {c.get("input") for c in CASES} | {Path(a).suffix for c in CASES for a in c["args"]}
    assert {"jsonl", "text"} <= kinds and {".md", ".html", ".jsonl", ".txt"} <= kinds
    assert set(INPUT_KINDS) == {"text", "jsonl", "markdown", "html"}


def test_unknown_input_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        read_documents(["-"], "pdf", stdin=io.StringIO(""))


def test_text_stdin_stream_is_accepted(tmp_path: Path) -> None:
    docs = read_documents(["-"], stdin=io.StringIO("4 piers.\n"))
    assert [(d.id, d.text) for d in docs] == [("<stdin>", "4 piers.\n")]


def test_same_input_gives_the_same_documents(tmp_path: Path, monkeypatch) -> None:
    case = next(c for c in CASES if c["name"].startswith("a folder of folders"))
    first, _ = run_case(case, tmp_path / "one", monkeypatch)
    second, _ = run_case(case, tmp_path / "two", monkeypatch)
    assert first == second


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch) -> None:
    """The permission cases skip as root; the same error path, forced."""
    from factcheck import corpus

    (tmp_path / "locked.txt").write_text("1 boat.\n")
    monkeypatch.chdir(tmp_path)

    def refuse(path, mode="r", *args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(corpus, "open", refuse, raising=False)
    with pytest.raises(InputError, match=r"^locked\.txt: cannot read \(Permission denied\)$"):
        read_documents(["locked.txt"])
