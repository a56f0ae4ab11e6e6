"""Bytes → str, keeping offsets true to what a reader of the file sees.

The gold offsets (and every offset factcheck prints) are Python str indices
into the file decoded as UTF-8, so decoding never normalises anything: line
endings, odd whitespace and Unicode forms are kept as they are. Only a byte
order mark is dropped, since it is an encoding marker rather than text.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from typing import BinaryIO

from factcheck.errors import InputError


# Larger inputs are refused: a news corpus is far smaller, an endless stream is not.
def _max_input_mb() -> int:
    value = os.environ.get("FACTCHECK_MAX_INPUT_MB", "")
    return int(value) if value.isdigit() and int(value) > 0 else 512


MAX_INPUT_BYTES = _max_input_mb() * 2**20
_CHUNK = 2**20
# The first line of a report factcheck wrote (Markdown, terminal text, GitHub annotations).
_REPORT_HEAD = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:# factcheck report\r?\n"
    rb"|\d[\d,]* stor(?:y|ies) \xc2\xb7 \d[\d,]* sources? \xc2\xb7 \d[\d,]* facts? \xc2\xb7 "
    rb"|::(?:error|warning|notice) (?:file|title)=)"
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)


class BinaryInput(Exception):
    """The bytes are not text (they hold NUL bytes); the caller decides whether to skip."""


def read_bounded(stream: BinaryIO, name: str) -> bytes:
    """All of `stream`, read in chunks; an endless or binary stream is stopped early.

    Raises InputError past MAX_INPUT_BYTES, and BinaryInput as soon as a chunk
    holds NUL bytes (unless the data is UTF-16), so /dev/zero costs one chunk.
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        if not chunks and b"\x00" in chunk and not chunk.startswith(_UTF16_BOMS) \
                and _utf16_without_bom(chunk) is None:
            raise BinaryInput(name)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputError(f"larger than {MAX_INPUT_BYTES // 2**20} MB (an endless stream?); "
                             "refused", name)
    return b"".join(chunks)


def printable(name: str) -> str:
    """A file name as text that can be printed and written as UTF-8.

    Names that are not UTF-8 reach Python with surrogate escapes; they are shown
    with U+FFFD instead (the real name is still used to open the file).
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_report(data: bytes | str) -> bool:
    """Whether `data` starts like a report factcheck wrote (never to be read as a source)."""
    head = data[:200] if isinstance(data, bytes) else data[:200].encode("utf-8", "replace")
    return _REPORT_HEAD.match(head) is not None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for text that is plainly UTF-16 without its BOM, else None.

    Plainly: in the first kilobyte every other byte is NUL, and only those.
    """
    head = data[:1024]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    odd, even = head[1::2], head[0::2]
    if odd.count(0) == len(odd) and 0 not in even:
        return "utf-16-le"
    if even.count(0) == len(even) and 0 not in odd:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str, on_warning: Callable[[str], None]) -> str:
    """Decode a file's bytes as UTF-8 (BOM dropped; UTF-16 only when its BOM says so).

    Invalid UTF-8 is replaced with U+FFFD and reported through `on_warning`
    naming the file; offsets then refer to the text decoded with replacement.
    Raises BinaryInput when the bytes hold NUL characters.
    """
    if data.startswith(_UTF16_BOMS):
        # UTF-16 text is full of NUL bytes, so the BOM must be honoured before the binary test.
        return _decode_with_replacement(data, "utf-16", name, on_warning)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise BinaryInput(name)
        on_warning(f"{name}: no byte order mark, but plainly {encoding.upper()}; read as such")
        return _decode_with_replacement(data, encoding, name, on_warning)
    data = data.removeprefix(codecs.BOM_UTF8)
    return _decode_with_replacement(data, "utf-8", name, on_warning)


def decode_html_bytes(data: bytes, name: str, on_warning: Callable[[str], None]) -> str:
    """Like decode_bytes, but a page that is not UTF-8 may declare its charset in a <meta>."""
    if data.startswith(_UTF16_BOMS) or b"\x00" in data or data.startswith(codecs.BOM_UTF8):
        return decode_bytes(data, name, on_warning)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_with_replacement(data, "utf-8", name, on_warning)


def _decode_with_replacement(
    data: bytes, encoding: str, name: str, on_warning: Callable[[str], None]
) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        on_warning(
            f"{name}: not valid {encoding.upper()} (first bad byte at offset {exc.start}); "
            "undecodable bytes replaced with U+FFFD"
        )
        return data.decode(encoding, errors="replace")
