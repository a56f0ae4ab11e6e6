"""`factcheck check`, `rules` and `explain` on the command line: formats, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.models import FACT_FIELDS
from factcheck.report import formats

BARE = str(Path(__file__).parent / "fixtures" / "rules" / "packs" / "bare")
BUGLE = "The storm flooded 12 homes in Tarnby, the council said.\n"
POST = "In Tarnby, 15 homes were flooded after the storm.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, check=False,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture()
def story(tmp_path) -> Path:
    folder = tmp_path / "storm"
    folder.mkdir()
    (folder / "bugle.txt").write_text(BUGLE, encoding="utf-8")
    (folder / "post.txt").write_text(POST, encoding="utf-8")
    return folder


def test_json_report_alone_on_stdout_and_exit_status_follows_fail_on(story):
    args = ["check", str(story), "--format", "json", "--no-default-rules", "--rules", BARE]
    p = run(*args)
    assert p.returncode == 0, p.stderr  # a warning does not reach the default --fail-on error
    data = json.loads(p.stdout)
    (finding,) = data["findings"]
    assert finding["rule"] == "FC900" and finding["severity"] == "warning"
    assert sorted(f["value"] for f in finding["facts"]) == [12, 15]
    assert set(FACT_FIELDS) <= finding["facts"][0].keys()
    assert data["summary"]["rules"] == 1
    assert run(*args, "--fail-on", "warning").returncode == 1
    assert run(*args, "--fail-on", "info").returncode == 1
    assert run(*args, "--fail-on", "never").returncode == 0


@pytest.mark.parametrize("fmt", formats.names())
def test_every_format_is_byte_identical_across_runs(story, fmt):
    args = ["check", str(story), "--format", fmt, "--rules", BARE, "--fail-on", "never"]
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout
    if fmt in ("json", "sarif"):
        json.loads(first.stdout)
    if fmt == "github":
        assert all(line.startswith("::") for line in first.stdout.splitlines())


def test_terminal_summary_counts_rules_loaded(story):
    p = run("check", str(story), "--rules", BARE, "--fail-on", "never")
    assert p.stdout.splitlines()[0].endswith(" · 9 rules · 1 error · 1 warning · 0 info")
    assert "sources disagree" in p.stdout


def test_output_file_is_written_and_stdout_stays_empty(story, tmp_path):
    target = tmp_path / "reports" / "storm.md"
    p = run("check", str(story), "--rules", BARE, "--output", str(target), "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# factcheck report") and "FC900" in text


def test_html_output_is_chosen_by_suffix_and_the_choices_come_from_the_registry(story, tmp_path):
    target = tmp_path / "storm.html"
    p = run("check", str(story), "--rules", BARE, "--output", str(target), "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<svg class="chart"' in page
    from factcheck.cli_check import CheckFormat

    assert [c.value for c in CheckFormat] == list(formats.names())  # choices from the registry


def test_bad_rule_file_exits_2_naming_file_and_line(story, tmp_path):
    bad = tmp_path / "pack"
    bad.mkdir()
    text = Path(BARE, "FC900.yaml").read_text().replace("severity: warning", "severity: fatal")
    (bad / "FC900.yaml").write_text(text, encoding="utf-8")
    p = run("check", str(story), "--rules", str(bad), "--format", "json")
    assert p.returncode == 2 and p.stdout == ""
    line = next(i for i, s in enumerate(text.splitlines(), 1) if s.startswith("severity"))
    assert p.stderr.strip() == (f"factcheck: error: {bad / 'FC900.yaml'}:{line}: rule FC900: "
                                "bad severity 'fatal' (known: error, warning, info)")


@pytest.mark.parametrize("args", [
    ["check", "missing-folder"],
    ["check", "--no-default-rules"],
    ["check", "--fail-on", "sometimes"],
    ["explain", "FC999"],
])
def test_usage_and_input_errors_exit_2_in_one_line(args, tmp_path):
    p = run(*args, cwd=tmp_path)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr and p.stdout == ""


def test_rules_lists_and_explain_prints_one_rule_from_its_file():
    p = run("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(p.stdout)]
    assert codes[:2] == ["FC001", "FC002"] and p.returncode == 0
    p = run("explain", "FC001")
    assert p.returncode == 0
    for part in ("FC001 conflicting-values", "kind: conflict", "severity: error", "Parameters",
                 "defer_monotonic_updates: true", "Flagged example", "Not flagged example"):
        assert part in p.stdout


def test_default_pack_flags_the_conflict_end_to_end(tmp_path):
    """Two outlets, one place, one toll at the same moment (both count one dead), two
    figures for the injured: an error, exit 1. Without that anchor or dates the two
    figures may be two moments of a rising count: info, with a note, exit 0."""
    folder = tmp_path / "quake"
    folder.mkdir()
    (folder / "a.txt").write_text("In Tarnby, 2 people were injured when a wall fell.\n")
    (folder / "b.txt").write_text("In Tarnby, 3 people were injured when a wall fell.\n")
    p = run("check", str(folder), "--format", "json")
    data = json.loads(p.stdout)
    assert p.returncode == 0, (p.stderr, data)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("FC001", "info")]
    assert "different moments" in data["findings"][0]["message"]
    (folder / "a.txt").write_text("In Tarnby, one man died and 2 people were injured when a "
                                  "wall fell.\n")
    (folder / "b.txt").write_text("In Tarnby, 3 people were injured and one man died when a "
                                  "wall fell.\n")
    p = run("check", str(folder), "--format", "json")
    data = json.loads(p.stdout)
    assert p.returncode == 1, (p.stderr, data)
    # the injured dispute, and the one dead both report (corroborated, info)
    assert [(f["rule"], f["severity"]) for f in data["findings"]] == [("FC001", "error"),
                                                                      ("FC007", "info")]
    assert data["findings"][0]["key"]["measure"] == "injured"
