"""The context lexicons load, validate (errors name file and line), carry the rules' flags."""

from __future__ import annotations

import shutil

import pytest

from factcheck.errors import RuleError
from factcheck.extract.context.lexicon import comparison_forms, load_lexicon, verb_forms
from factcheck.resources import lexicon_dir

FILES = (
    "entities.yaml",
    "measures.yaml",
    "scope.yaml",
    "attribution.yaml",
    "counted.yaml",
    "places.yaml",
)


@pytest.fixture
def lexicon_copy(tmp_path):
    for name in FILES:
        shutil.copy(lexicon_dir() / name, tmp_path / name)
    return tmp_path


def _load(folder):
    load_lexicon.cache_clear()
    try:
        return load_lexicon(str(folder))
    finally:
        load_lexicon.cache_clear()


def test_default_lexicon_loads():
    lex = _load(lexicon_dir())
    assert lex.entity_of("unmanned aerial vehicles") == "drone"
    assert lex.measures_for("destroyed", "drone") == "downed"
    assert lex.measures_for("destroyed", "barn") == "destroyed"


def test_tolls_that_only_grow_are_marked_monotonic():
    lex = _load(lexicon_dir())
    assert {"killed", "injured"} <= lex.monotonic
    assert "launched" not in lex.monotonic and "downed" not in lex.monotonic


@pytest.mark.parametrize(
    "name, addition, message",
    [
        ("entities.yaml", "\ncolour: blue\n", "unknown key 'colour'"),
        (
            "measures.yaml",
            "\n  sneezed:\n    verbs: [sneeze]\n    monotone: true\n",
            "unknown key 'monotone'",
        ),
        ("measures.yaml", "\n  coughed:\n    monotonic: maybe\n", "expected true or false"),
        ("measures.yaml", "\n  coughed:\n    after: ['(unclosed']\n", "bad regular expression"),
        ("scope.yaml", "\nincident_words: [blast]\n", "unknown key 'incident_words'"),
        ("attribution.yaml", "\nverbs_extra: [muttered]\n", "unknown key 'verbs_extra'"),
        ("places.yaml", "\nprefer_not: {A: B}\n", "unknown key 'prefer_not'"),
        ("counted.yaml", "\nkeep: [other]\n", "unknown key 'keep'"),
    ],
)
def test_bad_lexicon_names_file_and_line(lexicon_copy, name, addition, message):
    path = lexicon_copy / name
    text = path.read_text(encoding="utf-8")
    if name == "measures.yaml":  # add inside the `measures:` mapping, before rise_verbs
        text = text.replace("\n# Verbs that carry", addition + "\n# Verbs that carry", 1)
    else:
        text += addition
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        _load(lexicon_copy)
    assert name in str(err.value) and message in str(err.value)
    if "regular expression" not in message:
        line = int(str(err.value).split(":")[1])
        assert addition.strip().split("\n")[-1].strip().split(":")[0] in text.splitlines()[line - 1]


@pytest.mark.parametrize(
    "name, old, new",
    [
        ("scope.yaml", "incident_measures: [killed,", "incident_measures: [slain,"),
        ("attribution.yaml", "loss_measures: [downed,", "loss_measures: [shot,"),
        ("attribution.yaml", "hostile_classes: [weapon]", "hostile_classes: [weapons]"),
        ("measures.yaml", "subject_measures: [struck]", "subject_measures: [hit]"),
        ("measures.yaml", "injured: [hospitalised, critical]", "injured: [hospitalized]"),
    ],
)
def test_names_of_measures_and_classes_must_exist(lexicon_copy, name, old, new):
    path = lexicon_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError, match="unknown name") as err:
        _load(lexicon_copy)
    assert name in str(err.value)


def test_scope_patterns_must_be_lower_case(lexicon_copy):
    path = lexicon_copy / "scope.yaml"
    path.write_text(path.read_text().replace("'overnight'", "'Overnight'"), encoding="utf-8")
    with pytest.raises(RuleError, match="lower case"):
        _load(lexicon_copy)


def test_regular_verb_forms():
    assert verb_forms("kill") == {"kill", "kills", "killed", "killing"}
    assert verb_forms("injure") == {"injure", "injures", "injured", "injuring"}
    assert "dropped" in verb_forms("drop")
    assert "carried" in verb_forms("carry")


@pytest.mark.parametrize(
    "adjective, forms",
    [
        ("old", ("older", "oldest")),
        ("large", ("larger", "largest")),
        ("hot", ("hotter", "hottest")),
        ("early", ("earlier", "earliest")),
        ("real", ("realer", "realest")),
        ("cool", ("cooler", "coolest")),
        ("new", ("newer", "newest")),
    ],
)
def test_regular_comparison_forms(adjective, forms):
    assert comparison_forms(adjective) == forms


def test_comparisons_reduce_to_their_base():
    base = _load(lexicon_dir()).adjective_base
    assert base["best"] == "good" and base["worse"] == "bad"
    assert base["hottest"] == "hot" and base["smaller"] == "small"
    assert "forest" not in base and "interest" not in base


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("buildings", "building"),
        ("houses", "house"),
        ("viruses", "virus"),
        ("casualties", "casualty"),
        ("boxes", "box"),
        ("fishermen", "fisherman"),
        ("children", "child"),
        ("news", "news"),
        ("specimen", "specimen"),
        ("status", "status"),
    ],
)
def test_singular_of_unknown_nouns(plural, singular):
    assert _load(lexicon_dir()).singular(plural) == singular
