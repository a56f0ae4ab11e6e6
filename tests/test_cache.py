"""The compiled-data cache: keyed by content, written atomically, rebuilt when unreadable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck import __version__
from factcheck.cache import cache_dir, cached, digest


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    return tmp_path


def test_a_table_is_built_once_then_read(home):
    calls = []
    build = lambda: calls.append(1) or {"km": "[length]"}  # noqa: E731
    assert cached("t", "k1", build) == cached("t", "k1", build) == {"km": "[length]"}
    assert len(calls) == 1
    assert [p.name for p in cache_dir().iterdir()] == ["t-k1.pickle"]  # no temporary left


def test_the_key_follows_the_content(tmp_path):
    data = tmp_path / "units.yaml"
    data.write_text("a: 1\n")
    before = digest([data])
    data.write_text("a: 2\n")
    assert digest([data]) != before
    assert digest([data], "x") != digest([data], "y")


def test_an_unreadable_cache_is_rebuilt_with_a_warning(home, capsys):
    cached("t", "k", lambda: 1)
    (cache_dir() / "t-k.pickle").write_bytes(b"not a pickle")
    assert cached("t", "k", lambda: 2) == 2
    assert "t-k.pickle: cache cannot be read" in capsys.readouterr().err
    assert cached("t", "k", lambda: 3) == 2  # the rebuilt table was stored


def test_cached_lexicons_give_the_same_facts_as_fresh_ones(home, monkeypatch):
    text = "A 12-kilometre (7.5-mile) queue formed; nearly 1,000 people were evacuated."
    command = [sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", "-"]
    fresh = subprocess.run(command, input=text, capture_output=True, text=True, timeout=120,
                           env={**os.environ, "FACTCHECK_NO_CACHE": "1"})
    first = subprocess.run(command, input=text, capture_output=True, text=True, timeout=120,
                           env=dict(os.environ))
    second = subprocess.run(command, input=text, capture_output=True, text=True, timeout=120,
                            env=dict(os.environ))
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout == first.stdout == second.stdout and "kilometer" in fresh.stdout
    assert any(cache_dir().glob("unit-tables-*.pickle"))


def test_version():
    out = subprocess.run([sys.executable, "-m", "factcheck", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout == f"factcheck {__version__}\n"
