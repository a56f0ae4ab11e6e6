"""Markdown articles, read as Markdown (markdown-it-py), with YAML front matter.

The document's text is the whole file with everything that is not prose
blanked out to spaces: front matter, HTML blocks and comments (an editor's
notes), code blocks and code spans, link targets and image URLs, list and
quote markers, reference definitions. Blanking keeps every character where
it was, so offsets stay str indices into the file and `text[start:end]` is
what the file says there. A paragraph's soft line breaks become spaces, so a
hard-wrapped sentence stays one sentence; the file's real line starts are
kept in `Document.line_starts` for `path:line:col`.

Front matter fields: source, date, url, title, story.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import yaml

from factcheck.corpus.ignores import HTML_IGNORE, codes_of
from factcheck.corpus.layout import document_with_layout
from factcheck.errors import InputError
from factcheck.models import Document, Ignore
from factcheck.yamlschema import expansion_problem

_LONE_CR = re.compile(r"\r(?!\n)")
_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
FRONT_MATTER_KEYS = ("source", "date", "url", "title", "story")

# Inside prose: what is markup or an address, never a claim.
_NOT_PROSE = re.compile(
    r"""<!--.*?-->                       # an HTML comment
      | (?<!`)(`+)(?!`).+?(?<!`)\1(?!`)  # a code span
      | \]\([^)\s]*(?:\s+"[^"]*")?\)     # a link or image target: ](url "title")
      | \]\[[^\]]*\]                     # a reference label: ][label]
      | <[a-z][a-z0-9+.-]*:[^>\s]*>      # an autolink
      | </?[a-z][^>]*>                   # an inline HTML tag
      | \bhttps?://[^\s)>\]]+            # a bare address
      | (?<!\w)!(?=\[)                   # the mark of an image
    """,
    re.X | re.S | re.I,
)
_TABLE_PIPE = re.compile(r"\|")


@cache
def _parser():
    from markdown_it import MarkdownIt  # imported on first use: only Markdown inputs pay for it

    return MarkdownIt("commonmark").enable("table")


def read_markdown(text: str, doc_id: str, *, story: str | None, path: str | None) -> list[Document]:
    meta, body_at = split_front_matter(text, doc_id)
    view, title, ignores = markdown_prose(text, body_at)
    if not view.strip():
        return []
    line_starts = tuple(m.end() for m in re.finditer("\n", text))
    return [
        document_with_layout(
            doc_id,
            view,
            source=meta.get("source"),
            date=meta.get("date"),
            url=meta.get("url"),
            title=meta.get("title") or title,
            story=meta.get("story") or story,
            path=path,
            line_starts=line_starts,
            ignores=ignores,
        )
    ]


def markdown_prose(text: str, body_at: int = 0) -> tuple[str, str | None, tuple[Ignore, ...]]:
    """(the file with all but its prose blanked, the first heading, the ignore comments)."""
    # markdown-it ends a line at a lone "\r" too; so do the line spans, one character for one
    original, text = text, _LONE_CR.sub("\n", text)
    lines = _line_spans(text)
    first = text.count("\n", 0, body_at)  # the body's first line, as an index into `lines`
    keep = bytearray(len(text))
    soft: list[int] = []  # offsets of newlines that are a paragraph's soft breaks
    blocks: list[tuple[int, int, int, int]] = []  # (first line, last line, start, end) of prose
    title = None
    tokens = _parser().parse(text[body_at:])
    table = False
    for tok in tokens:
        if tok.type in ("table_open", "table_close"):
            table = tok.type == "table_open"
        if tok.type != "inline" or tok.map is None:
            if tok.type == "heading_open" and title is None:
                title = ""  # the next inline token is the first heading's text
            continue
        if title == "":
            title = tok.content.strip() or None
        a, b = first + tok.map[0], first + tok.map[1]
        kept = _keep_content(text, lines, a, b, tok.content.split("\n"), keep, table)
        if kept:
            soft += [lines[i][1] for i in range(kept[0], kept[-1])
                     if not _hard_break(text, lines[i])]
            blocks.append((a, b - 1, lines[a][0], lines[b - 1][1]))
    for lo, hi in _kept_runs(keep):
        for m in _NOT_PROSE.finditer(text, lo, hi):
            keep[m.start():m.end()] = bytes(m.end() - m.start())
    chars = [c if keep[i] or c == "\n" or c == "\r" else " " for i, c in enumerate(original)]
    for at in soft:
        chars[at] = " "
        if at and chars[at - 1] == "\r":
            chars[at - 1] = " "
    return "".join(chars), title, _ignores(text, body_at, blocks)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, offset of the line's "\\n" or the end of text) for each line."""
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _keep_content(text: str, lines: list[tuple[int, int]], a: int, b: int,
                  content: list[str], keep: bytearray, table: bool) -> list[int]:
    """Mark the prose of one inline token (lines a..b-1) as kept; return the lines kept.

    markdown-it gives the token's content without container markers (quote marks,
    list bullets, indentation), one line per source line, so each content line is
    found again in its source line and only that stretch is kept.
    """
    kept = []
    for k, written in enumerate(content):
        i = a + k
        if i >= b or i >= len(lines):
            break
        lo, hi = lines[i]
        words = written.strip()
        if not words:
            continue
        at = text.find(words, lo, hi + 1) if not table else lo
        if at < 0:
            at = lo  # escapes or tabs rewritten: keep the whole line
            words = text[lo:hi]
        end = hi if table else at + len(words)
        keep[at:end] = b"\x01" * (end - at)
        if table:  # a row is kept whole, less its cell borders
            for m in _TABLE_PIPE.finditer(text, lo, hi):
                keep[m.start()] = 0
        if end > at and text[end - 1] == "\r":
            keep[end - 1] = 0
        kept.append(i)
    return kept


def _hard_break(text: str, line: tuple[int, int]) -> bool:
    """A line ending in two spaces or a backslash breaks the line for the reader."""
    s = text[line[0]:line[1]].rstrip("\r")
    return s.endswith("  ") or s.endswith("\\")


def _kept_runs(keep: bytearray) -> list[tuple[int, int]]:
    runs, i, n = [], 0, len(keep)
    while i < n:
        if keep[i]:
            j = keep.find(b"\x00", i)
            j = n if j < 0 else j
            runs.append((i, j))
            i = j
        else:
            nxt = keep.find(b"\x01", i)
            i = n if nxt < 0 else nxt
    return runs


def _ignores(text: str, body_at: int,
             blocks: list[tuple[int, int, int, int]]) -> tuple[Ignore, ...]:
    """Each ignore comment covers the paragraph holding it, or else the next one."""
    out = []
    for m in HTML_IGNORE.finditer(text, body_at):
        line = text.count("\n", 0, m.end())  # 0-based line of the comment's end
        block = next((blk for blk in blocks if blk[1] >= line), None)
        start, end = (block[2], block[3]) if block else (m.end(), m.end())
        out.append(Ignore(line=text.count("\n", 0, m.start()) + 1, start=start, end=end,
                          codes=codes_of(m.group("codes"))))
    return tuple(out)


def split_front_matter(text: str, name: str) -> tuple[dict[str, str], int]:
    """(the known front-matter fields as strings, where the body starts). None → ({}, 0)."""
    opening = _OPENING.match(text)
    if not opening:
        return {}, 0
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise InputError("front matter opened with --- is never closed", name, 1)
    meta = _load_front_matter(text[opening.end() : closing.start()], name)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("front matter is not a mapping of field: value", name, 2)
    fields = {k: _as_text(meta[k]) for k in FRONT_MATTER_KEYS if meta.get(k) is not None}
    return fields, closing.end()


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
