"""Airports and air bases by name, from the airportsdata package (ICAO-coded fields, with their city and state).

News names an airport or a base by its own name ("Gatwick", "Schiphol", "Kleine-Brogel air base") or by its town
("Billund airport"), often a town no gazetteer of cities holds. A name finds a state only when every field so named
lies in one state, or in one of those the sentence names: a name fields in two states share says nothing by itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import airportsdata

from streams.extraction.lexicon import AIRFIELD_WORDS

ICAO = re.compile(r"[A-Z]{4}")  # a field with an ICAO code of its own (not a private strip's local number)


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return [w for w in re.split(r"[^\w']+", re.sub(r"'s\b", "", folded)) if w and w not in AIRFIELD_WORDS]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """By a field's own name, one no town bears ("gatwick", "london gatwick", "schiphol"), and by its town or its name
    ("billund", "kleine brogel"): the states of the fields so named. A bare name is looked up only among the first,
    so that a town that merely has an airfield somewhere does not find that state."""
    own: dict[str, set[str]] = {}
    towns: dict[str, set[str]] = {}
    for field in airportsdata.load("ICAO").values():
        if not ICAO.fullmatch(field["icao"]) or not field["country"]:
            continue
        name, town = _words(field["name"]), _words(field["city"])
        keys = {" ".join(name)}
        if town and name[:len(town)] == town:
            keys.add(" ".join(name[len(town):]))  # "London Gatwick" is also "Gatwick"
        for key in keys - {"", " ".join(town)}:  # a field called by its town's name is found as the town's
            own.setdefault(key, set()).add(field["country"])
        for key in {" ".join(town), " ".join(name)} - {""}:
            towns.setdefault(key, set()).add(field["country"])
    return ({k: frozenset(v) for k, v in own.items()}, {k: frozenset(v) for k, v in towns.items()})


def airport_countries(name: str, airfield: bool) -> frozenset[str]:
    """The states of the fields a place's name may be: by the field's own name, or, when the place is called an
    airport or a base (``airfield``), by its town."""
    key = " ".join(_words(name))
    if not key:
        return frozenset()
    own, towns = _index()
    return own.get(key, frozenset()) | (towns.get(key, frozenset()) if airfield else frozenset())
