"""The context lexicons (data/rules/lexicon/*.yaml), validated and compiled once.

Each file is checked against a schema on load; an unknown key or a wrong type is
a RuleError naming the file and line. The compiled tables are plain dicts,
sets and precompiled regexes, built once per lexicon folder and reused by
every document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factcheck.errors import RuleError
from factcheck.regex_lead import with_lead
from factcheck.resources import lexicon_dir
from factcheck.yamlschema import load_checked

_STRS = ["str"]

ENTITIES_SCHEMA = {
    "entities": {"*": {"class": "str", "synonyms": _STRS}},
    "irregular_plurals": {"*": "str"},
    "not_plural": _STRS,
    "anaphoric": _STRS,
    "stop_words": _STRS,
    "modifiers": _STRS,
    "not_participles": _STRS,
    "part_openers": _STRS,
    "generic_nouns": _STRS,
    "number_nouns": _STRS,
    "multipliers": _STRS,
}
MEASURES_SCHEMA = {
    "measures": {
        "*": {
            "monotonic": "bool",
            "entity": "str",
            "verbs": _STRS,
            "forms": _STRS,
            "states": _STRS,
            "nouns": _STRS,
            "after": _STRS,
            "entities": _STRS,
            "subsets": _STRS,
        }
    },
    "rise_verbs": _STRS,
    "grade_partners": {"*": _STRS},
    "subject_measures": _STRS,
    "unreal_before": _STRS,
    "state_hedges": _STRS,
}
SCOPE_SCHEMA = {
    "scopes": {"cumulative": _STRS, "period": _STRS, "event": _STRS},
    "incident_cues": _STRS,
    "incident_measures": _STRS,
    "comparisons": _STRS,
    "background_days": "int",
}
ATTRIBUTION_SCHEMA = {
    "verbs": _STRS,
    "according": _STRS,
    "pronouns": _STRS,
    "actors": {"*": _STRS},
    "country_anaphors": _STRS,
    "bodies": _STRS,
    "hostile_classes": _STRS,
    "hostile_entities": _STRS,
    "hostile_measures": _STRS,
    "loss_measures": _STRS,
    "local_words": _STRS,
}
COUNTED_SCHEMA = {
    "drop": _STRS,
    "participle_adjectives": _STRS,
    "gradable": _STRS,
    "irregular_comparisons": {"*": "str"},
    "titles": _STRS,
}
PLACES_SCHEMA = {
    "prefer": {"*": "str"},
    "extra": {"*": "str"},
    "country_aliases": {"*": "str"},
    "not_places": _STRS,
    "not_names": _STRS,
    "demonyms": {"*": "str"},
    "place_nouns": _STRS,
    "locative": _STRS,
    "anaphors": _STRS,
    "official_words": _STRS,
    "struck_words": _STRS,
    "attacker_verbs": _STRS,
    "comparison_words": _STRS,
    "under_fire": _STRS,
    "areas": _STRS,
}

VOWELS = frozenset("aeiou")
_NOT_MEN = frozenset(["specimen", "abdomen", "regimen", "stamen", "acumen", "bitumen", "omen"])


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def verb_forms(lemma: str) -> set[str]:
    """A regular verb's -s, -ed and -ing forms ("kill" → kills, killed, killing)."""
    w = lemma
    if w.endswith("e"):
        return {w, w + "s", w + "d", w[:-1] + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        return {w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return {w, w + "es", w + "ed", w + "ing"}
    if len(w) <= 4 and w[-1] not in "wxy" and w[-2] in VOWELS and w[-3:-2] not in VOWELS:
        return {w, w + "s", w + w[-1] + "ed", w + w[-1] + "ing"}  # drop → dropped
    return {w, w + "s", w + "ed", w + "ing"}


def comparison_forms(adjective: str) -> tuple[str, str]:
    """A regular adjective's comparative and superlative ("hot" → hotter, hottest)."""
    w = adjective
    if w.endswith("e"):
        return w + "r", w + "st"
    if w.endswith("y") and len(w) > 2 and w[-2] not in VOWELS:
        return w[:-1] + "ier", w[:-1] + "iest"
    if (
        len(w) >= 3
        and w[-1] not in VOWELS
        and w[-1] not in "wxy"
        and w[-2] in VOWELS
        and w[-3] not in VOWELS
    ):
        return w + w[-1] + "er", w + w[-1] + "est"  # big → bigger
    return w + "er", w + "est"


def plural(noun: str) -> str:
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


@dataclass
class Lexicon:
    # entities
    nouns: dict[str, str] = field(default_factory=dict)  # "cruise missiles" → missile
    entity_class: dict[str, str] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)
    not_plural: frozenset[str] = frozenset()
    anaphoric: frozenset[str] = frozenset()
    stop_words: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    not_participles: frozenset[str] = frozenset()
    max_noun_words: int = 1
    term_words: frozenset[str] = frozenset()  # words of multi-word terms ("unmanned")
    # measures
    forms: dict[str, list[tuple[str, frozenset[str] | None]]] = field(default_factory=dict)
    max_form_words: int = 1
    # the words forms open and close with: most tokens open none, and are passed at once
    form_first_words: frozenset[str] = frozenset()
    form_last_words: frozenset[str] = frozenset()
    states: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)
    after: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    measure_entity: dict[str, str] = field(default_factory=dict)
    subsets: dict[str, frozenset[str]] = field(default_factory=dict)  # "seriously" injured
    grade_partners: dict[str, frozenset[str]] = field(default_factory=dict)
    transitive: frozenset[str] = frozenset()  # the forms of `verbs` ("killed", "released")
    subject_measures: frozenset[str] = frozenset()  # "3 missiles struck the city"
    unreal_before: frozenset[str] = frozenset()  # "threatened to fire 4 missiles"
    state_hedges: frozenset[str] = frozenset()  # "64 confirmed dead": how sure, not who
    part_openers: frozenset[str] = frozenset()  # "including 10 children"
    generic_nouns: frozenset[str] = frozenset()  # "people": not a group of people
    number_nouns: frozenset[str] = frozenset()  # "thousands" counts only "of" a noun
    multipliers: frozenset[str] = frozenset()  # "6.5 times earnings" counts times
    monotonic: frozenset[str] = frozenset()
    measure_names: frozenset[str] = frozenset()
    toll: re.Pattern[str] | None = None
    rise_words: frozenset[str] = frozenset()
    # scope
    scope_regex: re.Pattern[str] | None = None
    scope_order: list[str] = field(default_factory=list)
    incident_cues: re.Pattern[str] | None = None
    incident_measures: frozenset[str] = frozenset()
    comparison: re.Pattern[str] | None = None  # "one of the heaviest attacks this year"
    background_days: int | None = None  # a date this long before the report is the past
    # attribution
    speech_verbs: frozenset[str] = frozenset()
    according: re.Pattern[str] | None = None
    speaker_pronouns: frozenset[str] = frozenset()
    actors: dict[str, str] = field(default_factory=dict)
    actor_pattern: re.Pattern[str] | None = None
    country_anaphors: tuple[str, ...] = ()  # "the country's air force"
    bodies: frozenset[str] = frozenset()  # "the air force" is no "he"
    hostile_classes: frozenset[str] = frozenset()  # figures a side's claim may be about
    hostile_entities: frozenset[str] = frozenset()
    hostile_measures: frozenset[str] = frozenset()
    loss_measures: frozenset[str] = frozenset()  # "49 Ukrainian drones downed": a loss
    local_words: frozenset[str] = frozenset()  # "police", "mayor": speakers of no side
    # counted phrase (Fact.counted)
    counted_drop: frozenset[str] = frozenset()  # "15 more people": words about the figure
    participle_adjectives: frozenset[str] = frozenset()  # "armed men": participles kept
    adjective_base: dict[str, str] = field(default_factory=dict)  # "oldest" → old
    titles: frozenset[str] = frozenset()  # "Mr." in a possessor's name
    # places (the gazetteer itself is in places.py)
    places: dict = field(default_factory=dict)
    _gazetteer: object = None

    @property
    def gazetteer(self):
        """Built on first use: documents without figures never pay for it."""
        if self._gazetteer is None:
            from .places import load_gazetteer

            self._gazetteer = load_gazetteer(self.places)
        return self._gazetteer

    def singular(self, word: str) -> str:
        """The singular lower-case form of a counted noun ("buildings" → building)."""
        w = word.lower()
        if w in self.irregular:
            return self.irregular[w]
        if w.endswith("men") and len(w) > 5 and w not in _NOT_MEN:
            return w[:-3] + "man"  # fishermen, gunmen, servicemen
        if w in self.not_plural or len(w) < 4 or not w.endswith("s"):
            return w
        if w.endswith(("ss", "us", "is")):
            return w
        if w.endswith("ies"):
            return w[:-3] + "y"
        if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
            return w[:-2]
        if w.endswith("uses") and len(w) > 4 and w[-5] not in VOWELS:
            return w[:-2]  # viruses, buses, bonuses (but houses, causes)
        return w[:-1]

    def looks_plural(self, word: str) -> bool:
        w = word.lower()
        if w in self.irregular:
            return self.irregular[w] != w or w in ("people", "police", "personnel", "staff")
        return self.singular(w) != w

    def entity_of(self, phrase: str) -> str | None:
        return self.nouns.get(_norm(phrase))

    def class_of(self, entity: str | None) -> str | None:
        return self.entity_class.get(entity) if entity else None

    def measures_for(self, surface: str, entity: str | None) -> str | None:
        """The measure a verb form names for this entity (first allowed, in file order)."""
        options = self.forms.get(surface)
        if not options:
            return None
        cls = self.class_of(entity)
        for measure, allowed in options:
            if allowed is None or entity in allowed or cls in allowed:
                return measure
        return None


def _compile(pattern: str, path: Path, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad regular expression ({exc})", str(path)) from None


def _alternation(phrases: list[str]) -> str:
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(set(phrases), key=lambda p: (-len(p), p))
    )


def _load_entities(lex: Lexicon, path: Path) -> None:
    data = load_checked(path, ENTITIES_SCHEMA)
    lex.irregular = {_norm(k): _norm(v) for k, v in data.get("irregular_plurals", {}).items()}
    lex.not_plural = frozenset(_norm(w) for w in data.get("not_plural", []))
    for name, spec in data.get("entities", {}).items():
        if spec.get("class"):
            lex.entity_class[name] = spec["class"]
        for syn in spec.get("synonyms", []) + [name]:
            s = _norm(syn)
            lex.nouns.setdefault(s, name)
            words = s.split()
            lex.nouns.setdefault(" ".join(words[:-1] + [plural(words[-1])]), name)
    for irregular_plural, singular in lex.irregular.items():
        if singular in lex.nouns:
            lex.nouns.setdefault(irregular_plural, lex.nouns[singular])
    lex.max_noun_words = max((len(k.split()) for k in lex.nouns), default=1)
    lex.term_words = frozenset(w for k in lex.nouns if " " in k for w in k.split())
    lex.anaphoric = frozenset(_norm(w) for w in data.get("anaphoric", []))
    lex.stop_words = frozenset(_norm(w) for w in data.get("stop_words", []))
    lex.modifiers = frozenset(_norm(w) for w in data.get("modifiers", []))
    lex.not_participles = frozenset(_norm(w) for w in data.get("not_participles", []))
    lex.part_openers = frozenset(_norm(w) for w in data.get("part_openers", []))
    lex.generic_nouns = frozenset(_norm(w) for w in data.get("generic_nouns", []))
    lex.number_nouns = frozenset(_norm(w) for w in data.get("number_nouns", []))
    lex.multipliers = frozenset(_norm(w) for w in data.get("multipliers", []))


def _load_measures(lex: Lexicon, path: Path) -> None:
    data = load_checked(path, MEASURES_SCHEMA)
    toll_nouns: dict[str, str] = {}
    transitive: set[str] = set()
    for name, spec in data.get("measures", {}).items():
        allowed = frozenset(spec["entities"]) if spec.get("entities") else None
        surfaces: set[str] = set()
        for verb in spec.get("verbs", []):
            surfaces |= verb_forms(_norm(verb))
        transitive |= surfaces
        surfaces |= {_norm(f) for f in spec.get("forms", [])}
        for s in sorted(surfaces):
            lex.forms.setdefault(s, []).append((name, allowed))
        for s in spec.get("states", []):
            lex.states.setdefault(_norm(s), name)
        for n in spec.get("nouns", []):
            toll_nouns.setdefault(_norm(n), name)
        for i, pattern in enumerate(spec.get("after", [])):
            lex.after.append((name, _compile(r"(?:" + pattern + r")", path, f"{name}.after[{i}]")))
        if spec.get("entity"):
            lex.measure_entity[name] = spec["entity"]
        if spec.get("subsets"):
            lex.subsets[name] = frozenset(_norm(w) for w in spec["subsets"])
        if spec.get("monotonic"):
            lex.monotonic |= {name}
    lex.role_nouns = toll_nouns
    lex.measure_names = frozenset(data.get("measures", {}))
    lex.transitive = frozenset(transitive)
    lex.subject_measures = frozenset(data.get("subject_measures", []))
    lex.unreal_before = frozenset(_norm(w) for w in data.get("unreal_before", []))
    lex.state_hedges = frozenset(_norm(w) for w in data.get("state_hedges", []))
    lex.grade_partners = {
        m: frozenset(others) for m, others in data.get("grade_partners", {}).items()
    }
    lex.max_form_words = max((len(k.split()) for k in lex.forms), default=1)
    lex.form_first_words = frozenset(k.split(" ")[0] for k in lex.forms)
    lex.form_last_words = frozenset(k.split(" ")[-1] for k in lex.forms)
    lex.rise_words = frozenset(w for v in data.get("rise_verbs", []) for w in _norm(v).split())
    rise = _alternation([_norm(v) for v in data.get("rise_verbs", [])])
    nouns = _alternation(list(toll_nouns))
    # "the death toll (of the attack) rose to 32", "a toll of 32", "bringing the toll to 32"
    lex.toll = re.compile(with_lead(
        rf"\b(?P<noun>{nouns})\b(?:[^.;:!?]{{0,90}}?\b(?:{rise})(?:\s+(?:to|at|by))?|\s+(?:to|at|of|was|is|stands\s+at))"
        r"(?:\s+(?:about|around|nearly|almost|at\s+least|more\s+than|over|some|roughly))*\s*['\"‘“]?$",
        re.IGNORECASE,
    ), re.IGNORECASE)


def _load_scope(lex: Lexicon, path: Path) -> None:
    data = load_checked(path, SCOPE_SCHEMA)
    groups = []
    for scope in ("cumulative", "period", "event"):
        patterns = data.get("scopes", {}).get(scope, [])
        # Matched on lower-cased text (case-insensitive matching is markedly slower),
        # so the patterns must be written in lower case.
        for p in patterns:
            if re.sub(r"\\.", "", p) != re.sub(r"\\.", "", p).lower():
                raise RuleError(f"scopes.{scope}: write patterns in lower case: {p!r}", str(path))
            _compile(p, path, f"scopes.{scope}")
        if patterns:
            lex.scope_order.append(scope)
            groups.append(f"(?P<{scope}>" + "|".join(f"(?:{p})" for p in patterns) + ")")
    if groups:
        # One pass for all three scopes: a named group per scope, earlier scopes first.
        lex.scope_regex = re.compile(with_lead(r"\b(?:" + "|".join(groups) + r")\b"))
    cues = data.get("incident_cues", [])
    if cues:
        lex.incident_cues = re.compile(
            with_lead(rf"\b(?:{_alternation([c.lower() for c in cues])})\b"))
    lex.incident_measures = frozenset(data.get("incident_measures", []))
    lex.background_days = data.get("background_days")
    comparisons = data.get("comparisons", [])
    for p in comparisons:
        if p != p.lower():
            raise RuleError(f"comparisons: write patterns in lower case: {p!r}", str(path))
        _compile(p, path, "comparisons")
    if comparisons:
        # The comparison runs from its word to the end of the clause.
        lex.comparison = re.compile(
            with_lead(r"\b(?:" + "|".join(f"(?:{p})" for p in comparisons) + r")\b[^,;:.!?()—]*")
        )


def _load_attribution(lex: Lexicon, path: Path) -> None:
    data = load_checked(path, ATTRIBUTION_SCHEMA)
    lex.speech_verbs = frozenset(_norm(v) for v in data.get("verbs", []))
    according = data.get("according", [])
    if according:
        lex.according = re.compile(
            with_lead(rf"\b(?:{_alternation(according)})\s+", re.IGNORECASE), re.IGNORECASE)
    lex.speaker_pronouns = frozenset(_norm(p) for p in data.get("pronouns", []))
    for side, names in data.get("actors", {}).items():
        for n in names:
            lex.actors.setdefault(n, side)
    lex.country_anaphors = tuple(_norm(p) for p in data.get("country_anaphors", []))
    lex.bodies = frozenset(_norm(w) for w in data.get("bodies", []))
    lex.hostile_classes = frozenset(data.get("hostile_classes", []))
    lex.hostile_entities = frozenset(data.get("hostile_entities", []))
    lex.hostile_measures = frozenset(data.get("hostile_measures", []))
    lex.loss_measures = frozenset(data.get("loss_measures", []))
    lex.local_words = frozenset(_norm(w) for w in data.get("local_words", []))
    if lex.actors:
        lex.actor_pattern = re.compile(
            with_lead(rf"(?<![\w-])(?:{_alternation(list(lex.actors))})(?![\w-])"))


def _load_counted(lex: Lexicon, path: Path) -> None:
    data = load_checked(path, COUNTED_SCHEMA)
    lex.counted_drop = frozenset(_norm(w) for w in data.get("drop", []))
    lex.participle_adjectives = frozenset(_norm(w) for w in data.get("participle_adjectives", []))
    for adjective in data.get("gradable", []):
        base = _norm(adjective)
        for form in comparison_forms(base):
            lex.adjective_base.setdefault(form, base)
    for form, base in data.get("irregular_comparisons", {}).items():
        lex.adjective_base[_norm(form)] = _norm(base)
    lex.titles = frozenset(_norm(w) for w in data.get("titles", []))


def _load_places(lex: Lexicon, path: Path) -> None:
    lex.places = load_checked(path, PLACES_SCHEMA)


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """All context lexicons from `folder` (default: the rule pack's lexicon folder).

    Compiled once and cached by the content of the folder's files and of the
    code that compiles them (factcheck.cache).
    """
    from factcheck import regex_lead, yamlschema
    from factcheck.cache import cached, digest

    base = Path(folder) if folder else lexicon_dir()
    key = digest([*sorted(base.glob("*.yaml")), __file__, yamlschema.__file__, regex_lead.__file__])
    return cached("context-lexicon", key, lambda: _build_lexicon(base))


def _build_lexicon(base: Path) -> Lexicon:
    lex = Lexicon()
    _load_entities(lex, base / "entities.yaml")
    _load_measures(lex, base / "measures.yaml")
    _load_scope(lex, base / "scope.yaml")
    _load_attribution(lex, base / "attribution.yaml")
    _load_counted(lex, base / "counted.yaml")
    _load_places(lex, base / "places.yaml")
    _check_references(lex, base)
    return lex


def _check_references(lex: Lexicon, base: Path) -> None:
    """Lists that name measures or entity classes must name ones that exist."""
    classes = set(lex.entity_class.values())
    checks = [
        ("scope.yaml", "incident_measures", lex.incident_measures, lex.measure_names),
        ("attribution.yaml", "hostile_measures", lex.hostile_measures, lex.measure_names),
        ("attribution.yaml", "loss_measures", lex.loss_measures, lex.measure_names),
        ("attribution.yaml", "hostile_classes", lex.hostile_classes, classes),
        ("measures.yaml", "subject_measures", lex.subject_measures, lex.measure_names),
        (
            "measures.yaml",
            "grade_partners",
            set(lex.grade_partners) | {m for ms in lex.grade_partners.values() for m in ms},
            lex.measure_names,
        ),
    ]
    for file, key, named, known in checks:
        unknown = sorted(set(named) - set(known))
        if unknown:
            raise RuleError(f"{key}: unknown name {unknown[0]!r}", str(base / file))
