"""The compiled-data cache: keyed by content, written atomically, rebuilt when unreadable."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from factcheck import __version__, regex_cache
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
    assert any(cache_dir().glob("regex-*.pickle"))


def test_version():
    out = subprocess.run([sys.executable, "-m", "factcheck", "--version"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout == f"factcheck {__version__}\n"


# --- compiled regular expressions (regex_cache) ------------------------------------------
PATTERNS = [  # (pattern, flags): named groups, a back-reference, flags, look-arounds, Unicode
    (r"(?P<n>\d+)(?:[ \u00a0]?(?P<unit>km|kilometres?|miles?))?(?![\w])", 0),
    (r"\b(?:according to|said)\s+", re.IGNORECASE),
    (r"(\d+)([-/])\d+(?:\2\d+)+", 0),
    (r"^(?:['’]s)?\s+(?:was|were)\s+(?:hit|struck)", re.I | re.M),
]


@pytest.fixture
def fresh_regexes(home, monkeypatch):
    """regex_cache as in a new process: nothing read yet, nothing to write."""
    monkeypatch.setattr(regex_cache.KEPT, "_stored", None)
    monkeypatch.setattr(regex_cache.KEPT, "used", {})
    monkeypatch.setattr(regex_cache.KEPT, "_fresh", True)  # no exit hook from a test
    return home


def _new_process(monkeypatch):
    regex_cache.KEPT.save()
    monkeypatch.setattr(regex_cache.KEPT, "_stored", None)
    monkeypatch.setattr(regex_cache.KEPT, "used", {})


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_regex_is_the_one_re_compiles(fresh_regexes, monkeypatch, pattern, flags):
    first = regex_cache.compile(pattern, flags)
    _new_process(monkeypatch)
    assert (pattern, int(flags)) in regex_cache.KEPT.stored()  # read back from the file
    again = regex_cache.compile(pattern, flags)
    for compiled in (first, again):  # Pattern equality compares the engine's program too
        assert compiled == re.compile(pattern, flags)
        assert compiled.groupindex == re.compile(pattern, flags).groupindex


def test_a_damaged_regex_entry_is_compiled_afresh(fresh_regexes, monkeypatch):
    pattern, flags = PATTERNS[0]
    regex_cache.compile(pattern, flags)
    _new_process(monkeypatch)
    table = regex_cache.KEPT.stored()
    flags_out, code, *rest = table[pattern, flags]
    table[pattern, flags] = (flags_out, code[: len(code) // 2], *rest)  # the engine refuses it
    assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)


def test_an_unreadable_regex_file_is_rebuilt(fresh_regexes, monkeypatch, capsys):
    pattern, flags = PATTERNS[1]
    regex_cache.compile(pattern, flags)
    regex_cache.KEPT.save()
    [path] = cache_dir().glob("regex-*.pickle")
    path.write_bytes(b"\x80\x05 not a pickle")
    monkeypatch.setattr(regex_cache.KEPT, "_stored", None)
    monkeypatch.setattr(regex_cache.KEPT, "used", {})
    assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)
    assert "cache cannot be read" in capsys.readouterr().err
    _new_process(monkeypatch)  # the good table was written in its place
    assert (pattern, flags) in regex_cache.KEPT.stored()


def test_regexes_compile_without_a_writable_cache(fresh_regexes, monkeypatch):
    blocked = fresh_regexes / "file"
    blocked.write_text("")  # the cache folder would have to be inside a file
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    for pattern, flags in PATTERNS:
        assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)
    _new_process(monkeypatch)  # nothing written, no error
    assert regex_cache.KEPT.stored() == {}
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert regex_cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_a_bad_regex_raises_as_re_compile_does(fresh_regexes):
    with pytest.raises(re.error):
        regex_cache.compile(r"(?P<n>\d+")


# --- word-list trees (extract.patterns.trie_pattern) -------------------------------------
def test_a_kept_tree_is_the_one_built(home, monkeypatch):
    from factcheck.extract import patterns

    monkeypatch.setattr(patterns.KEPT, "_stored", None)
    monkeypatch.setattr(patterns.KEPT, "used", {})
    monkeypatch.setattr(patterns.KEPT, "_fresh", True)  # no exit hook from a test
    words = ["kilometre", "kilometres", "km", "per cent", "per-cent", ""]
    built = patterns.trie_pattern(iter(words))
    patterns.KEPT.save()
    monkeypatch.setattr(patterns.KEPT, "_stored", None)  # as in a new process
    assert (frozenset(words), True) in patterns.KEPT.stored()
    assert patterns.trie_pattern(reversed(words)) == built == patterns._build(words, True)
    assert patterns.trie_pattern(words, flexible=False) == patterns._build(words, False)


def test_a_table_holding_patterns_reads_back_equal(home):
    table = {"toll": re.compile(r"\b(?:toll|deaths)\b", re.I), "n": 1}
    cached("p", "k", lambda: table)
    again = cached("p", "k", lambda: None)
    assert again == table and again["toll"].flags == table["toll"].flags
