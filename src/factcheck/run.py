"""One `check` run as a library call: documents → facts → findings (and draft verdicts).

    report = check_inputs(["sources/"], pack, draft="draft.md")

The CLI is a thin shell over this; tests and other tools call it directly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from factcheck.corpus import read_documents
from factcheck.engine import Progress, check_corpus
from factcheck.errors import InputError
from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.report.summary import Report
from factcheck.rules import check as run_rules
from factcheck.rules.loader import RulePack
from factcheck.silence import silence


def _warn(message: str) -> None:
    print(f"factcheck: warning: {message}", file=sys.stderr)


def check_inputs(
    paths: Sequence[str],
    pack: RulePack,
    *,
    input_kind: str | None = None,
    backend: str = "native",
    draft: str | None = None,
    story_per_file: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    on_start: Callable[[int], Progress] | None = None,
    on_warning: Callable[[str], None] = _warn,
) -> Report:
    """Read, extract and check. With `draft`, the draft's figures are judged against
    every other input (all one story), and only the sources are checked by the rules.
    Without one, the inputs are checked story by story (engine.py: streamed, in
    `jobs` processes or on Dask). Inline ignore comments are applied (see silence.py)."""
    if not draft:
        report = check_corpus(paths, pack, input_kind=input_kind, backend=backend, jobs=jobs,
                              engine=engine, scheduler=scheduler, story_per_file=story_per_file,
                              on_start=on_start, on_warning=on_warning)
        return silence(report, on_warning)
    drafts = _read_draft(draft, on_warning)
    docs = read_documents(paths, input_kind, on_warning=on_warning) if paths else []
    own = os.path.normpath(draft)
    docs = [d for d in docs if not (d.path and os.path.normpath(d.path) == own)]
    docs = [replace(d, story=drafts[0].story) for d in docs]  # a draft has one story
    if not docs:
        on_warning(f"{draft}: no sources to check the draft against")
    facts = extract_facts([*drafts, *docs], backend=backend)
    from factcheck.draft import judge_draft

    n = _count(facts, drafts[0].id)
    mine, sources = facts[:n], facts[n:]
    verdicts = judge_draft(mine, sources, pack.rules, doc=drafts[0].id, path=drafts[0].path)
    report = Report(run_rules(sources, pack), facts, pack.rules, [*drafts, *docs], draft=verdicts)
    return silence(report, on_warning)


def _count(facts, doc_id: str) -> int:
    """How many facts at the head of the run belong to the draft (it is read first)."""
    n = 0
    while n < len(facts) and facts[n].doc == doc_id:
        n += 1
    return n


def _read_draft(path: str, on_warning: Callable[[str], None]) -> list[Document]:
    """The draft: one text, Markdown, HTML or one-record JSONL document."""
    docs = read_documents([path], on_warning=on_warning)
    if len(docs) > 1:
        raise InputError(f"a draft is one document, but this holds {len(docs)}", path)
    if not docs:
        raise InputError("the draft holds no text", path)
    return [replace(docs[0], story=docs[0].path or docs[0].id)]
