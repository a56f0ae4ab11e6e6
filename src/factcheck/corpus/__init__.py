"""Stage 1: paths / stdin / JSONL corpora → Documents (placeholder, being replaced)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.models import Document

INPUT_KINDS = ("text", "jsonl", "markdown", "html")


def _stderr(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def read_documents(
    paths: Sequence[str],
    input_kind: str | None = None,
    *,
    stdin=None,
    on_warning: Callable[[str], None] = _stderr,
) -> list[Document]:
    docs: list[Document] = []
    for p in paths or ["-"]:
        if p == "-":
            data = (stdin or sys.stdin).read()
            name = "<stdin>"
        else:
            try:
                data = Path(p).read_bytes().decode("utf-8", errors="replace")
            except OSError as exc:
                raise InputError(exc.strerror or "cannot read", p) from None
            name = p
        kind = input_kind or ("jsonl" if p.endswith(".jsonl") else "text")
        if kind == "jsonl":
            for n, line in enumerate(data.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON ({exc.msg})", name, n) from None
                docs.append(Document(id=str(rec.get("id", f"{name}:{n}")), text=rec.get("text") or "",
                                     source=rec.get("source"), date=rec.get("date"),
                                     url=rec.get("url"), title=rec.get("title"),
                                     story=rec.get("story")))
        else:
            docs.append(Document(id=name, text=data, path=name))
    return docs
