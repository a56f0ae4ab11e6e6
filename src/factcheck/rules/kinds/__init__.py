"""The rule kinds: each a small module behind the one `Kind` interface."""

from __future__ import annotations

from factcheck.rules.kinds.base import COMMON_FIELDS, Context, Kind
from factcheck.rules.kinds.bound import Bound
from factcheck.rules.kinds.conflict import Conflict
from factcheck.rules.kinds.conversion import Conversion
from factcheck.rules.kinds.corroboration import Corroboration
from factcheck.rules.kinds.quantity import SameQuantity
from factcheck.rules.kinds.total import Sum
from factcheck.rules.kinds.update import Update

KINDS: dict[str, Kind] = {k.name: k for k in (Conflict(), Update(), Bound(), Sum(), Conversion(),
                                              Corroboration(), SameQuantity())}

__all__ = ["COMMON_FIELDS", "KINDS", "Context", "Kind"]
