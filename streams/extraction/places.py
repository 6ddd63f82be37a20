"""Countries from names, demonyms, capitals and common aliases, as ISO 3166-1 alpha-2.

pycountry supplies the official and common names and the provinces of each state, and
the lexicon's gazetteer the towns;
what it lacks (demonyms, capitals used by metonymy such as "Moscow" for Russia,
short forms such as "US") is in the lexicon (:mod:`.lexicon`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import pycountry

from streams.extraction.lexicon import ALIASES, CAPITALS, DEMONYMS, GENERIC_PLACE_WORDS, SHORT_NAMES, cities


def _normalise(text: str) -> str:
    text = text.strip().replace("\u2019", "'")
    text = re.sub(r"'s$", "", text)
    return re.sub(r"\s+", " ", text).casefold()


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """The alpha-2 code a name, demonym or capital stands for, or None."""
    key = _normalise(text)
    if not key:
        return None
    bare = key[4:] if key.startswith("the ") else key
    for table in (ALIASES, CAPITALS, DEMONYMS):
        if key in table or bare in table:
            return table.get(key) or table[bare]
    if len(bare) < 4:
        return None
    try:
        return pycountry.countries.lookup(bare).alpha_2
    except LookupError:
        return None


def is_state_name(text: str) -> bool:
    """Whether a phrase names a state itself (or its people): "Poland", "the US", "Danish", but not "Oslo".

    A state's name says nothing about where in it something happened, so it is no incident location.
    """
    key = _normalise(text)
    return country_code(text) is not None and key.removeprefix("the ") not in CAPITALS and key not in CAPITALS


@lru_cache(maxsize=4096)
def place_country(text: str) -> str | None:
    """The state a place lies in: a state or capital itself, a province or region pycountry lists for one state, or
    a town the lexicon's gazetteer knows ("Kalmar", "Tartu")."""
    return next((code for code in _readings(text) if code), None)


def place_countries(text: str) -> frozenset[str]:
    """Every state a place's name may lie in: a province of one ("Hanover", a Jamaican parish) and a town of another
    (the German city) are both candidates, for the article's states to choose between."""
    return frozenset(code for code in _readings(text) if code)


def _readings(text: str) -> Iterator[str | None]:
    """The state of a name read, in turn, as a state (or capital, demonym), a province, and a town; lazily, so that
    the first reading found costs no other."""
    folded = _folded(text)
    yield country_code(text)
    yield _subdivisions().get(folded)
    yield cities().get(folded.removeprefix("the "))


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Subdivision names that belong to one state only ("Aomori", "Lapland"), accents folded."""
    owners: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        owners.setdefault(_folded(subdivision.name), set()).add(subdivision.country_code)
    return {name: next(iter(codes)) for name, codes in owners.items()
            if len(codes) == 1 and len(name) > 3 and name not in GENERIC_PLACE_WORDS}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The common English name of a country ("Russia", not "Russian Federation")."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or SHORT_NAMES.get(code, country.name)
