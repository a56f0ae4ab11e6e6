"""How `check` runs: --jobs, --engine, --scheduler, and the progress bar on a terminal."""

from __future__ import annotations

import os
import sys
import time
from enum import StrEnum
from typing import Annotated

import typer


class Engine(StrEnum):
    local = "local"
    dask = "dask"


JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes checking stories; default: the cores.")]
EngineOpt = Annotated[Engine, typer.Option(
    "--engine", help="local: this machine's processes; dask: a dask.distributed cluster.")]
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster.")]

# Shown only once a run has lasted this long: a quick check stays quiet.
PROGRESS_AFTER = 1.0


def progress_display():
    """An `on_start` callback for engine.check_corpus drawing a progress bar on stderr, or None.

    Nothing is drawn when stderr is not a terminal or under CI, and nothing
    before the run has lasted PROGRESS_AFTER seconds.
    """
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    return _Bar().start


class _Bar:
    def __init__(self) -> None:
        self.bar = None
        self.began = time.monotonic()
        self.stories = 0
        self.documents = 0
        self.total = 0

    def start(self, total: int):
        self.total = total
        return self.step

    def step(self, result) -> None:
        self.stories += result.stories
        self.documents += result.documents
        if self.bar is None:
            if time.monotonic() - self.began < PROGRESS_AFTER or self.stories >= self.total:
                return
            self._open()
        seconds = max(time.monotonic() - self.began, 1e-9)
        self.bar.update(self.task, completed=self.stories, documents=self.documents,
                        rate=f"{self.stories / seconds:,.1f} stories/s")
        self.bar.refresh()  # no refresh thread: worker processes may be forked meanwhile
        if self.stories >= self.total:
            self.bar.stop()

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("stories"),
            TextColumn("· {task.fields[documents]:,} documents · {task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True, auto_refresh=False)
        self.task = self.bar.add_task("check", total=self.total, documents=0, rate="")
        self.bar.start()
