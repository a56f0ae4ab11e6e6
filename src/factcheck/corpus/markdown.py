"""Markdown articles with YAML front matter (source, date, url, title, story).

The document's text is the body after the front matter, so every offset is a
str index into the body, not into the file. The body is kept as written
(Markdown markup included) for the same reason.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from factcheck.corpus.layout import document_with_layout
from factcheck.errors import InputError
from factcheck.models import Document
from factcheck.yamlschema import expansion_problem

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_HEADING = re.compile(r"^#{1,2}[ \t]+(\S[^\r\n]*?)[ \t#]*\r?$", re.MULTILINE)
FRONT_MATTER_KEYS = ("source", "date", "url", "title", "story")


def read_markdown(text: str, doc_id: str, *, story: str | None, path: str | None) -> list[Document]:
    meta, body = split_front_matter(text, doc_id)
    if not body.strip():
        return []
    heading = _HEADING.search(body)
    return [
        document_with_layout(
            doc_id,
            body,
            source=meta.get("source"),
            date=meta.get("date"),
            url=meta.get("url"),
            title=meta.get("title") or (heading.group(1) if heading else None),
            story=meta.get("story") or story,
            path=path,
        )
    ]


def split_front_matter(text: str, name: str) -> tuple[dict[str, str], str]:
    """(the known front-matter fields as strings, the body). No front matter → ({}, text)."""
    opening = _OPENING.match(text)
    if not opening:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError("front matter opened with --- is never closed", name, 1)
    meta = _load_front_matter(text[opening.end() : closing.start()], name)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("front matter is not a mapping of field: value", name, 2)
    fields = {k: _as_text(meta[k]) for k in FRONT_MATTER_KEYS if meta.get(k) is not None}
    return fields, text[closing.end() :]


def _load_front_matter(block: str, name: str) -> object:
    """The front matter's data; alias bombs and impossible dates are errors naming the line."""
    loader = yaml.SafeLoader(block)
    node = None
    try:
        node = loader.get_single_node()
        problem = expansion_problem(node)
        if problem:
            raise InputError(f"front matter: {problem[0]}", name, problem[1] + 1)
        return loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
        problem = getattr(exc, "problem", None) or "cannot parse"
        raise InputError(f"front matter is not valid YAML ({problem})", name, line) from None
    except (ValueError, OverflowError) as exc:  # `date: 2020-13-45` is a timestamp YAML cannot build
        line = _bad_scalar_line(node, exc) if node is not None else 0
        raise InputError(f"front matter holds an impossible value ({exc})", name,
                         line + 2) from None
    finally:
        loader.dispose()


def _bad_scalar_line(node: yaml.Node, exc: Exception) -> int:
    """The 0-based line of the first timestamp-looking scalar that does not build."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            if n.tag.endswith(":timestamp"):
                try:
                    yaml.SafeLoader("").construct_yaml_timestamp(n)
                except (ValueError, OverflowError):
                    return n.start_mark.line
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in reversed(n.value) for x in reversed(pair))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
    return 0


def _as_text(value: object) -> str:
    """YAML reads `date: 2026-03-14` as a date; the model carries ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
