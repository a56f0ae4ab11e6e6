"""Bad input through the real command: exit status 2, one line naming file (and line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_corpus import CASES, build_case

ERROR_CASES = [c for c in CASES if "error" in c]
COMMAND = [sys.executable, "-m", "factcheck", "extract", "--format", "jsonl"]


def run_cli(case: dict, root: Path) -> subprocess.CompletedProcess[str]:
    build_case(case, root)
    args = case["args"] + (["--input", case["input"]] if case.get("input") else [])
    return subprocess.run(
        COMMAND + args,
        check=False,
        cwd=root,
        input=case.get("stdin", ""),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("case", ERROR_CASES, ids=[c["name"] for c in ERROR_CASES])
def test_bad_input_exits_2_with_one_line(case: dict, tmp_path: Path) -> None:
    result = run_cli(case, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    message = lines[0].removeprefix("factcheck: error: ")
    assert message != lines[0], "the message says it is an error"
    name = "<stdin>" if case["args"] == ["-"] else case["args"][0]
    assert message.startswith(name + ":"), message


def test_binary_among_others_warns_and_goes_on(tmp_path: Path) -> None:
    case = next(c for c in CASES if c["name"].startswith("a binary file among others"))
    result = run_cli(case, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "factcheck: warning: blob.txt: binary file (NUL bytes), not text; skipped"
    ]
    assert '"doc": "ok.txt"' in result.stdout


def test_empty_stdin_is_an_error(tmp_path: Path) -> None:
    """Nothing to check must not pass a CI job green: one line, exit 2."""
    result = subprocess.run(
        COMMAND, check=False, cwd=tmp_path, input="", capture_output=True, text=True
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", "factcheck: error: nothing to check: no text in -\n")
