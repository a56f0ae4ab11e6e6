"""Stage 2: documents → facts (figures, then what each figure is about)."""

from factcheck.extract.pipeline import BACKENDS, extract_facts, iter_facts

__all__ = ["BACKENDS", "extract_facts", "iter_facts"]
