"""Faults around a run: Ctrl-C, pipes, a closed stdout, usage errors, and where --output writes.

Each test states what the user sees: one line on stderr and an exit status
CI can trust (0 clean, 1 findings, 2 the run could not go on, 130 interrupted).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

BUGLE = "The storm flooded 12 homes in Tarnby, the council said.\n"
POST = "In Tarnby, 15 homes were flooded after the storm.\n"
DISAGREE = 1  # the two outlets give the homes flooded as 12 and 15: a finding, exit 1
CMD = [sys.executable, "-m", "factcheck"]
BARE = str(Path(__file__).parent / "fixtures" / "rules" / "packs" / "bare")


def run(*args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CMD, *args], cwd=cwd, check=False, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, **kw)


@pytest.fixture()
def story(tmp_path) -> Path:
    folder = tmp_path / "storm"
    folder.mkdir()
    (folder / "bugle.txt").write_text(BUGLE, encoding="utf-8")
    (folder / "post.txt").write_text(POST, encoding="utf-8")
    return folder


def _one_error_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# --- Ctrl-C -----------------------------------------------------------------------------------
def test_ctrl_c_exits_130_with_one_line(tmp_path):
    """An interrupted CI check must not pass: SIGINT ends the run with 130 and one line."""
    big = tmp_path / "big.txt"
    big.write_text("In Tarnby, 15 homes were flooded after the storm. " * 40000, encoding="utf-8")
    p = subprocess.Popen([*CMD, "check", str(big), "--format", "json"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)  # past start-up, inside the work
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, (p.returncode, err)
    assert _one_error_line(err) == "factcheck: interrupted"


# --- pipes and stdout -------------------------------------------------------------------------
def test_broken_pipe_in_extract_ends_quietly_with_0(tmp_path):
    """`factcheck extract … | head -1`: the reader went away, nothing is wrong."""
    text = tmp_path / "many.txt"
    text.write_text("In Tarnby, 15 homes were flooded. " * 20000, encoding="utf-8")
    p = subprocess.run(f"{sys.executable} -m factcheck extract --format jsonl {text} | head -1",
                       shell=True, capture_output=True, text=True, timeout=120,
                       executable="/bin/bash", env={**os.environ, "PIPESTATUS_WANTED": "1"})
    assert p.stdout.count("\n") == 1
    assert p.stderr == ""
    status = subprocess.run(
        f"set -o pipefail; {sys.executable} -m factcheck extract --format jsonl {text} | head -1"
        " >/dev/null", shell=True, executable="/bin/bash", timeout=120)
    assert status.returncode == 0


def test_broken_pipe_in_check_keeps_the_findings_status(story):
    """A check whose reader went away still says whether it found something (1 here)."""
    for i in range(300):  # enough report to fill the pipe after the reader is gone
        (story / f"extra{i}.txt").write_text(f"In Tarnby, {20 + i} homes were flooded.\n",
                                            encoding="utf-8")
    p = subprocess.run(
        f"set -o pipefail; {sys.executable} -m factcheck check {story} --format json "
        f"--no-default-rules --rules {BARE} --fail-on warning | head -c 1 >/dev/null", shell=True, executable="/bin/bash", timeout=120,
        capture_output=True, text=True)
    assert p.returncode in (1,), p.stderr
    assert "Traceback" not in p.stderr and "internal error" not in p.stderr


def test_closed_stdout_is_one_clear_line(story):
    """stdout closed (>&-): exit 2 and a line that says what failed, not 'internal error'."""
    p = subprocess.run(f"{sys.executable} -m factcheck check {story} --format json >&-",
                       shell=True, executable="/bin/bash", capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 2
    line = _one_error_line(p.stderr)
    assert "internal error" not in line and "stdout" in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_full_stdout_is_one_clear_line(story):
    """stdout on a full disk: exit 2 and one line naming stdout."""
    with open("/dev/full", "w") as full:
        p = subprocess.run([*CMD, "check", str(story), "--format", "json"], stdout=full,
                           stderr=subprocess.PIPE, text=True, timeout=120)
    assert p.returncode == 2
    line = _one_error_line(p.stderr)
    assert "internal error" not in line and "stdout" in line


@pytest.mark.parametrize("args", [
    ["check", "--format", "yaml", "x.txt"],
    ["check", "--no-such-option"],
    ["extract", "--format"],
    ["no-such-command"],
])
def test_usage_errors_take_one_line_and_exit_2(args, tmp_path):
    p = run(*args, cwd=tmp_path)
    assert p.returncode == 2
    line = _one_error_line(p.stderr)
    assert line.startswith("factcheck: error: "), line
    assert "--help" in line


# --- --output ---------------------------------------------------------------------------------
def test_output_refuses_one_of_the_runs_inputs(story):
    """`check a.txt b.txt --output a.txt` would destroy an input: exit 2, a.txt untouched."""
    target = story / "bugle.txt"
    p = run("check", str(target), str(story / "post.txt"), "--format", "json",
            "--output", str(target))
    assert p.returncode == 2
    assert "is one of the inputs" in _one_error_line(p.stderr)
    assert target.read_text(encoding="utf-8") == BUGLE


def test_output_refuses_an_input_through_a_folder_or_another_spelling(story, tmp_path):
    """The same file named through its folder and a different path is still an input."""
    other = tmp_path / "." / "storm" / ".." / "storm" / "post.txt"
    p = run("check", str(story), "--output", str(other), "--format", "json")
    assert p.returncode == 2
    assert (story / "post.txt").read_text(encoding="utf-8") == POST


def test_output_through_a_symlink_writes_its_target(story, tmp_path):
    """A symlinked report path stays a symlink; the file it points at gets the report."""
    real = tmp_path / "reports" / "real.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    p = run("check", str(story), "--output", str(link))
    assert p.returncode == DISAGREE, p.stderr
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["summary"]["sources"] == 2
    assert sorted(os.listdir(real.parent)) == ["real.json"]  # no temp file left behind


def test_output_refuses_a_fifo(story, tmp_path):
    """A FIFO is no report file: exit 2 at once (no hang), the FIFO left in place."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    p = run("check", str(story), "--output", str(fifo))
    assert p.returncode == 2
    assert "not a regular file" in _one_error_line(p.stderr)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_refuses_a_device(story, tmp_path):
    """A device node is refused (a rename would replace it). The node is made in tmp_path:
    pointing a test at the real /dev/null would destroy it if the guard ever broke."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root; the FIFO test covers special files")
    p = run("check", str(story), "--format", "json", "--output", str(device))
    assert p.returncode == 2
    assert "not a regular file" in _one_error_line(p.stderr)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_output_keeps_an_existing_files_permissions(story, tmp_path):
    report = tmp_path / "private.json"
    report.write_text("{}", encoding="utf-8")
    report.chmod(0o600)
    p = run("check", str(story), "--output", str(report))
    assert p.returncode == DISAGREE, p.stderr
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o600
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["facts"] >= 2


def test_failed_output_leaves_no_temp_file(story, tmp_path):
    """The report path is an existing folder: exit 2 with one line, and nothing left beside it."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "r.json").mkdir()
    before = sorted(os.listdir(tmp_path / "out"))
    p = run("check", str(story), "--format", "json", "--output", str(tmp_path / "out" / "r.json"))
    assert p.returncode == 2
    _one_error_line(p.stderr)
    assert sorted(os.listdir(tmp_path / "out")) == before


def test_report_killed_mid_run_leaves_the_old_report_whole(story, tmp_path):
    """SIGKILL during a run: the previous report is either still there whole, or replaced whole."""
    report = tmp_path / "r.json"
    report.write_text('{"old": true}', encoding="utf-8")
    p = subprocess.Popen([*CMD, "check", str(story), "--output", str(report)],
                         stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    p.kill()
    p.wait(timeout=30)
    json.loads(report.read_text(encoding="utf-8"))  # whole JSON either way
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []  or p.returncode != 0


def test_report_in_a_story_folder_is_never_read_back(story):
    """A report written into the story folder is not a source on the next run."""
    first = run("check", str(story), "--format", "markdown", "--output", str(story / "report.md"))
    assert first.returncode == DISAGREE, first.stderr
    (story / "report.txt").write_text(run("check", str(story)).stdout, encoding="utf-8")
    second = run("extract", str(story), "--format", "jsonl")
    assert second.returncode == 0, second.stderr
    docs = {json.loads(line)["doc"] for line in second.stdout.splitlines()}
    assert docs == {str(story / "bugle.txt"), str(story / "post.txt")}
    assert "report.md: a factcheck report, not a source; skipped" in second.stderr
