"""Bytes → str, keeping offsets true to what a reader of the file sees.

The gold offsets (and every offset factcheck prints) are Python str indices
into the file decoded as UTF-8, so decoding never normalises anything: line
endings, odd whitespace and Unicode forms are kept as they are. Only a byte
order mark is dropped, since it is an encoding marker rather than text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)


class BinaryInput(Exception):
    """The bytes are not text (they hold NUL bytes); the caller decides whether to skip."""


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
        raise BinaryInput(name)
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
