"""The extractor's lexicon files (data/rules/lexicon/*.yaml) and their schemas.

A file that does not fit its schema raises RuleError naming the file and line
when the extractor is imported (see factcheck.yamlschema).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from factcheck.resources import lexicon_dir
from factcheck.yamlschema import Schema, load_checked


@cache
def load(name: str, schema_key: str) -> Any:
    """The lexicon file `name` (e.g. "units.yaml"), checked against SCHEMAS[schema_key].

    Cached by the file's content and the code that checks it (factcheck.cache).
    """
    from factcheck import yamlschema
    from factcheck.cache import cached, digest

    path = lexicon_dir() / name
    key = digest([path, __file__, yamlschema.__file__], schema_key)
    return cached("lexicon", key, lambda: load_checked(path, SCHEMAS[schema_key]))


_QUALIFIER_GROUP = {"qualifier": "str", "low": "num?", "high": "num?", "words": ["str"]}

SCHEMAS: dict[str, Schema] = {
    "numbers": {
        "cardinals": {"*": "num"},
        "tens": {"*": "num"},
        "scales": {"*": "num"},
        "scale_abbreviations": {"*": "num"},
        "money_only_abbreviations": {"*": "num"},
        "ordinals": {"*": "num"},
        "fraction_words": {"*": "num"},
        "multipliers": {"*": "num"},
        "negatives": ["str"],
        "not_figures": ["str"],
        "currencies": {"*": {"name": "str", "symbols": ["str"], "words": ["str"], "codes": ["str"]}},
        "currency_subunits": {"*": ["str"]},
        "currency_letters": {"*": "str"},
    },
    "units": {
        "units": {"*": {"kind": "str", "surfaces": ["str"], "exact": ["str"], "pint": "bool",
                        "expression": "str"}},
        "percent": {"*": ["str"]},
        "ages": {"*": ["str"]},
        "adjectives": ["str"],
        "spelling": {"*": "str"},
        "words": {"*": "str"},
        "rates": {
            "nouns": ["str"],
            "adverbs": {"*": "str"},
            "aliases": {"*": "str"},
            "modifiers": ["str"],
            "not_before": ["str"],
            "ordinals": ["str"],
            "not_nouns": ["str"],
        },
    },
    "figure_context": {
        "months": {"*": "num"},
        "capitalised_only": ["str"],
        "year_cues": ["str"],
        "weak_year_cues": ["str"],
        "label_words": ["str"],
        "weak_label_words": ["str"],
        "plural_nouns": ["str"],
        "street_words": ["str"],
        "metre_words": ["str"],
        "age_words": ["str"],
        "not_label_words": ["str"],
        "noun_stops": ["str"],
        "noun_skips": ["str"],
        "change_words": ["str"],
    },
    "figure_kinds": {
        "magnitude_before": ["str"],
        "magnitude_after": ["str"],
        "magnitude_symbols": ["str"],
        "magnitude_max": "num",
        "record_words": ["str"],
        "score_words_before": ["str"],
        "score_words_after": ["str"],
        "rank_nouns": ["str"],
        "rank_plurals": {"*": "str"},
        "rank_labels": ["str"],
        "zero_subjects": ["str"],
        "zero_nouns": ["str"],
        "zero_verbs": ["str"],
        "zero_auxiliaries": ["str"],
        "zones": {"*": "str"},
        "game_clock_after": ["str"],
        "gun_nouns": ["str"],
    },
    "qualifiers": {
        "before": [_QUALIFIER_GROUP],
        "after": [_QUALIFIER_GROUP],
        "vague": {"*": {"low": "num", "high": "num?"}},
        "ranges": {"openers": ["str"], "joiners": ["str"]},
    },
}
