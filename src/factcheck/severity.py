"""Severities, their order, and exit statuses: defined once, used everywhere."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # no finding at or above --fail-on
    FINDINGS = 1  # at least one finding at or above --fail-on
    ERROR = 2  # usage or input error: the run could not go on


SEVERITIES = ("error", "warning", "info")  # most severe first
RANK = {"info": 1, "warning": 2, "error": 3}
FAIL_ON = ("error", "warning", "info", "never")

# How each severity shows in the machine formats.
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
TERMINAL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# In the reports a person reads, severity is always a word; colour only repeats it.
LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}


def reaches(severity: str, fail_on: str) -> bool:
    """True when a finding of `severity` should fail a run with `--fail-on fail_on`."""
    return fail_on != "never" and RANK[severity] >= RANK[fail_on]


def exit_code(severities, fail_on: str) -> ExitCode:
    return ExitCode.FINDINGS if any(reaches(s, fail_on) for s in severities) else ExitCode.OK
