"""Check a corpus story by story: in this process, in worker processes, or on a Dask cluster.

    report = check_corpus(["corpus.jsonl"], pack, jobs=2)               # worker processes
    report = check_corpus(paths, pack, engine="dask", scheduler=ADDR)   # a dask.distributed cluster

Only figures of the same story are ever compared, so whole stories are the
unit of work: check_stories() is a pure function of some stories' documents and
the rule pack, and runs in any process. Stories are read one at a time
(corpus.stream) and packed into batches of about BATCH_CHARS of text (a story
is never split): the rule engine has a fixed cost per call (a few hundred
table operations, 0.2-0.3 CPU seconds whatever the batch's size), which a
batch pays once instead of once a story. At most a few batches are in flight, so memory
follows the batch size and the largest story, not the corpus. Batches depend
only on the input; results are merged in input order, fact ids renumbered as
one run over the whole input would number them, and findings sorted as the
rule engine sorts them: the report is byte-identical for any --jobs and either
engine.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice

from factcheck.errors import FactcheckError
from factcheck.models import Document, Finding

ENGINES = ("local", "dask")
# About 2 MB of text costs some 7 CPU seconds to check, against the rule engine's fixed
# 0.2-0.3 s a call; at 0.5 MB that fixed cost was a sixth of check's time on a large corpus.
BATCH_CHARS = 2_000_000
DASK_MISSING = ("--engine dask needs the dask extra: pip install 'factcheck[dask]' "
                "(dask and distributed)")


@dataclass(slots=True)
class BatchResult:
    """What the report keeps of some stories: their findings and what the summary counts."""

    findings: list[Finding]
    facts: int
    stories: int
    documents: int
    sources: frozenset[str]


def check_stories(docs: Sequence[Document], pack, backend: str = "native") -> BatchResult:
    """Extract and check whole stories' documents. Fact ids count from 0 in the batch."""
    from factcheck.extract import extract_facts
    from factcheck.report.summary import sources_of
    from factcheck.rules import check

    facts = extract_facts(docs, backend=backend)
    return BatchResult(check(facts, pack), len(facts), len({d.story for d in docs}), len(docs),
                       frozenset(sources_of(docs, facts)))


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


Progress = Callable[[BatchResult], None]


def check_corpus(paths: Sequence[str], pack, *, input_kind: str | None = None,
                 backend: str = "native", jobs: int | None = None, engine: str = "local",
                 scheduler: str | None = None, story_per_file: bool = False,
                 on_start: Callable[[int], Progress] | None = None,
                 batch_chars: int = BATCH_CHARS, on_warning: Callable[[str], None] | None = None):
    """The Report of checking every story of the inputs (see the module doc).

    The report keeps every document without its text (paths, lines, links and
    ignore comments, for the renderers and silence.py) and no facts, only
    their count. `story_per_file` makes each file its own story. `on_start(n)`
    is called with the number of stories and returns a callback run after each.
    """
    from factcheck.corpus.stream import plan_stories
    from factcheck.report.summary import Report, Tally
    from factcheck.rules.engine import finding_order

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {ENGINES}")
    plan = plan_stories(paths, input_kind, story_per_file=story_per_file,
                        **({"on_warning": on_warning} if on_warning else {}))
    done = on_start(len(plan.stories)) if on_start else None
    kept: list[Document] = []

    def batches() -> Iterator[list[Document]]:
        batch: list[Document] = []
        size = 0
        for story in plan.stories:
            docs = plan.read(story)
            kept.extend(replace(d, text="") for d in docs)  # the text is read once, for its facts
            batch += docs
            size += sum(len(d.text) for d in docs)
            if size >= batch_chars:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    jobs = jobs or default_jobs()
    todo = batches()
    ahead = list(islice(todo, 2))  # one batch only: worker processes would not pay off
    todo = chain(ahead, todo)
    if engine == "dask":
        results = _on_dask(todo, pack, backend, jobs, scheduler)
    elif jobs > 1 and len(ahead) > 1:
        results = _in_processes(todo, pack, backend, jobs)
    else:
        results = (check_stories(docs, pack, backend) for docs in todo)

    findings: list[Finding] = []
    facts = stories_read = 0
    sources: set[str] = set()
    for result in results:
        _renumber(result.findings, facts)
        findings += result.findings
        facts += result.facts
        stories_read += result.stories
        sources |= result.sources
        if done:
            done(result)
    plan.finish()
    findings.sort(key=finding_order)
    tally = Tally(stories=stories_read, sources=len(sources), facts=facts)
    return Report(findings, (), pack.rules, kept, tally=tally)


def _renumber(findings: Iterable[Finding], base: int) -> None:
    """Story-local fact ids → run-wide ones (a fact shared by findings is moved once)."""
    if not base:
        return
    seen: set[int] = set()
    for finding in findings:
        for fact in finding.facts:
            if id(fact) in seen:
                continue
            seen.add(id(fact))
            fact.id += base
            if fact.converts is not None:
                fact.converts += base


# --- worker processes ---------------------------------------------------------------------
_PACK = None


def _init_worker(pack) -> None:
    global _PACK
    _PACK = pack


def _check_in_worker(docs: list[Document], backend: str) -> BatchResult:
    return check_stories(docs, _PACK, backend)


def _in_processes(batches: Iterator[list[Document]], pack, backend: str,
                  jobs: int) -> Iterator[BatchResult]:
    """Batches checked by `jobs` worker processes, results in input order, a few in flight.

    The first story is checked here: that loads the lexicons, the gazetteer and
    the extractor's patterns once, and forked workers start with all of it
    (elsewhere than Linux they start afresh, as the platform starts processes).
    One story, not the first batch: a whole batch here would be seconds of
    work done before the workers even start. The rest of that batch goes to
    the workers as a batch of its own (the report does not depend on batching).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    first = next(batches, None)
    if first is None:
        return
    split = next((i for i, d in enumerate(first) if d.story != first[0].story), len(first))
    yield check_stories(first[:split], pack, backend)
    rest = chain([first[split:]] if split < len(first) else [], batches)
    # The pool is made before any thread of its own runs, and this process runs none.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                             initargs=(pack,)) as pool:
        yield from _ordered((pool.submit(_check_in_worker, docs, backend) for docs in rest),
                            window=2 * jobs)


def _ordered(futures: Iterator, window: int) -> Iterator[BatchResult]:
    """Results of the futures in submission order, with at most `window` submitted ahead."""
    pending: deque = deque()
    for future in futures:
        pending.append(future)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# --- dask.distributed ----------------------------------------------------------------------
def _on_dask(batches: Iterator[list[Document]], pack, backend: str, jobs: int,
             scheduler: str | None) -> Iterator[BatchResult]:
    """The same work on a Dask cluster: the one at `scheduler`, else a LocalCluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FactcheckError(DASK_MISSING) from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise FactcheckError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        shared = client.scatter(pack, broadcast=True)
        futures = (client.submit(check_stories, docs, shared, backend, pure=False)
                   for docs in batches)
        yield from _ordered(futures, window=2 * jobs + 2)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
