"""Where output goes: a report file written atomically and safely, or stdout.

A report file is never half-written (temp file beside it, then rename), never
one of the run's own inputs, never a device or FIFO (which a rename would
replace), and a symlinked report path keeps its link: the report replaces the
file the link points at, with that file's permissions.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.errors import FactcheckError

_SPECIAL = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
            stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


class OutputError(FactcheckError):
    """The report cannot be written where asked (exit status 2)."""


def check_target(path: str | Path, inputs: Iterable[str] = ()) -> Path:
    """The file a report at `path` would replace (symlinks followed), once it is safe to.

    Raises OutputError when that is not a regular file or is one of `inputs`.
    """
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write report ({exc.strerror})", str(path)) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        what = _SPECIAL.get(stat.S_IFMT(st.st_mode), "special")
        raise OutputError(f"cannot write report: not a regular file (it is {what})", str(path))
    if st is not None:
        for name in inputs:
            if _same_file(name, st):
                raise OutputError(f"cannot write report: the path is one of the inputs ({name})",
                                  str(path))
    return target


def _same_file(name: str, st: os.stat_result) -> bool:
    try:
        other = os.stat(name)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino)


def write_atomic(path: str | Path, text: str, inputs: Iterable[str] = ()) -> None:
    """Write `text` to a temporary file beside the target, then rename it over the target.

    Readers never see half a report; an interrupted or failed write leaves no temp file.
    """
    target = check_target(path, inputs)
    data = text.encode("utf-8", errors="replace")  # a lone surrogate must not fail mid-write
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write report ({exc.strerror})", str(path)) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(f"cannot write report ({exc.strerror})", str(path)) from None
    except BaseException:  # Ctrl-C included: no temp file is left behind
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """An existing report keeps its permissions; a new one gets the usual ones (umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


class StdoutClosed(Exception):
    """The reader of stdout went away (a broken pipe): stop writing, no error."""


def to_stdout(text: str, flush: bool = True) -> None:
    """Write to stdout; a broken pipe raises StdoutClosed, any other failure OutputError."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write to stdout (it is closed)")
    try:
        stream.write(text)
        if flush:
            stream.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise StdoutClosed from None
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            _silence_stdout()
            raise StdoutClosed from None
        _silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to stdout ({reason})") from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
