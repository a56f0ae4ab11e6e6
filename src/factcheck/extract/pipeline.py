"""Run a quantity backend and the context stage over documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.models import Document, Fact, Quantity

Backend = Callable[[str], list[Quantity]]


def _native() -> Backend:
    from factcheck.extract.quantities import find_quantities

    return find_quantities


def _quantulum3() -> Backend:
    from factcheck.extract.quantulum import find_quantities

    return find_quantities


BACKENDS: dict[str, Callable[[], Backend]] = {"native": _native, "quantulum3": _quantulum3}


def extract_facts(
    docs: Iterable[Document], backend: str = "native", context: bool = True
) -> list[Fact]:
    """Every figure of every document, as facts numbered in input order."""
    from factcheck.extract.context import annotate, bare_facts

    find = BACKENDS[backend]()
    facts: list[Fact] = []
    for doc in docs:
        quantities = find(doc.text)
        doc_facts = annotate(doc, quantities) if context else bare_facts(doc, quantities)
        for fact in doc_facts:
            fact.id = len(facts)
            facts.append(fact)
    return facts
