"""Exchange rates a story's texts state (rules/rates.py): read from figures and their
conversions in brackets, chained, never taken from outside the story."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_facts
from factcheck.models import Document
from factcheck.rules.rates import stated_rates


def _rates(*texts: str):
    docs = [Document(id=f"d{i}", text=t, source=f"Outlet {i}", story="s")
            for i, t in enumerate(texts)]
    return stated_rates(extract_facts(docs)).get("s")


def test_a_conversion_in_brackets_states_a_rate_rounded_like_the_conversion():
    rates = _rates("The painting sold for €2 million ($2.6 million) on Friday.",
                   "Bidding closed at €2 million.")
    assert rates.main == "EUR"
    lo, hi = rates.factors["USD"]  # dollars into euros: 2 / 2.65 to 2 / 2.55
    assert lo == pytest.approx(2 / 2.65) and hi == pytest.approx(2 / 2.55)


def test_rates_chain_through_a_third_currency():
    rates = _rates("The haul was worth 2m euros (£1.7m; $2.6m) in all.",
                   "The gang took €4 million ($5.2 million) last year.",
                   "A ring worth £300,000 (€350,000) was found.")
    assert set(rates.factors) == {"EUR", "GBP", "USD"}


def test_no_stated_rate_no_rates():
    assert _rates("The haul was worth €2 million.", "Police put it at £1.7m.") is None
