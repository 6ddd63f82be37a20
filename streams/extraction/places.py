"""Countries from names, demonyms, capitals and common aliases, as ISO 3166-1 alpha-2.

pycountry supplies the official and common names and the provinces of each state;
what it lacks (demonyms, capitals used by metonymy such as "Moscow" for Russia,
short forms such as "US") is listed here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

# Demonyms and adjectives (also used for organisations: "Estonian Foreign Minister").
DEMONYMS: dict[str, str] = {
    "american": "US", "british": "GB", "chinese": "CN", "danish": "DK", "dutch": "NL",
    "estonian": "EE", "finnish": "FI", "french": "FR", "german": "DE", "italian": "IT",
    "japanese": "JP", "latvian": "LV", "lithuanian": "LT", "norwegian": "NO", "polish": "PL",
    "romanian": "RO", "russian": "RU", "spanish": "ES", "swedish": "SE", "turkish": "TR",
    "ukrainian": "UA", "belarusian": "BY", "belarussian": "BY", "korean": "KR",
    "north korean": "KP", "south korean": "KR", "taiwanese": "TW", "syrian": "SY",
    "iranian": "IR", "israeli": "IL", "moldovan": "MD", "georgian": "GE", "hungarian": "HU",
    "czech": "CZ", "slovak": "SK", "slovakian": "SK", "bulgarian": "BG", "greek": "GR",
    "canadian": "CA", "belgian": "BE", "portuguese": "PT", "croatian": "HR", "slovenian": "SI",
    "albanian": "AL", "montenegrin": "ME", "macedonian": "MK", "icelandic": "IS",
    "luxembourgish": "LU", "indian": "IN", "pakistani": "PK", "philippine": "PH", "filipino": "PH",
    "vietnamese": "VN", "australian": "AU", "serbian": "RS", "austrian": "AT", "swiss": "CH",
    "irish": "IE", "lebanese": "LB", "iraqi": "IQ", "saudi": "SA", "egyptian": "EG",
    "azerbaijani": "AZ", "armenian": "AM", "kazakh": "KZ", "mongolian": "MN", "maltese": "MT", "cypriot": "CY",
    "bosnian": "BA", "luxembourger": "LU", "moldavian": "MD", "jordanian": "JO", "qatari": "QA", "emirati": "AE",
    "yemeni": "YE", "afghan": "AF", "thai": "TH", "malaysian": "MY", "indonesian": "ID", "brazilian": "BR",
    "mexican": "MX", "cuban": "CU", "venezuelan": "VE", "libyan": "LY", "algerian": "DZ", "moroccan": "MA",
    "tunisian": "TN", "sudanese": "SD", "ethiopian": "ET", "nigerian": "NG", "kenyan": "KE", "omani": "OM",
    "kuwaiti": "KW", "bahraini": "BH", "singaporean": "SG", "chilean": "CL",
    "argentine": "AR", "argentinian": "AR", "colombian": "CO", "peruvian": "PE",
}

# Short forms and common names pycountry lacks.
ALIASES: dict[str, str] = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "united states": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "russia": "RU", "china": "CN", "south korea": "KR", "north korea": "KP", "taiwan": "TW",
    "iran": "IR", "syria": "SY", "turkey": "TR", "turkiye": "TR", "türkiye": "TR",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "the netherlands": "NL",
    "holland": "NL", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
}

# Capitals and government seats, used in place of the state ("Moscow denied ...") and to place a city.
CAPITALS: dict[str, str] = {
    "moscow": "RU", "kremlin": "RU", "beijing": "CN", "washington": "US", "tokyo": "JP",
    "warsaw": "PL", "tallinn": "EE", "riga": "LV", "vilnius": "LT", "helsinki": "FI",
    "stockholm": "SE", "oslo": "NO", "copenhagen": "DK", "berlin": "DE", "paris": "FR",
    "london": "GB", "rome": "IT", "madrid": "ES", "ankara": "TR", "bucharest": "RO",
    "kyiv": "UA", "kiev": "UA", "minsk": "BY", "pyongyang": "KP", "seoul": "KR", "taipei": "TW",
    "tehran": "IR", "damascus": "SY", "chisinau": "MD", "budapest": "HU", "prague": "CZ",
    "bratislava": "SK", "sofia": "BG", "athens": "GR", "ottawa": "CA", "amsterdam": "NL",
    "the hague": "NL", "lisbon": "PT", "vienna": "AT", "ljubljana": "SI", "zagreb": "HR",
    "reykjavik": "IS", "dublin": "IE", "bern": "CH", "belgrade": "RS", "tirana": "AL", "skopje": "MK",
    "podgorica": "ME", "sarajevo": "BA", "valletta": "MT", "nicosia": "CY", "tbilisi": "GE", "yerevan": "AM",
    "baku": "AZ", "canberra": "AU", "new delhi": "IN", "islamabad": "PK", "manila": "PH", "hanoi": "VN",
}

# Alliance members, the only states that can request consultations under Article 4.
NATO_MEMBERS: frozenset[str] = frozenset({
    "AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV", "LT", "LU",
    "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US",
})

# Words that name regions of many states: never read as a province of one.
GENERIC_PLACE_WORDS = {"north", "south", "east", "west", "central", "capital", "coast", "centre", "center",
                       "western", "eastern", "northern", "southern", "island", "islands", "city", "border", "gulf",
                       "lakes", "river", "valley", "mountain", "highlands", "plateau", "harbour", "port", "upper",
                       "lower", "middle", "interior", "coastal", "frontier", "littoral", "metropolitan"}


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
    """The state a place lies in: a state or capital itself, or a province or region pycountry lists for one state."""
    return country_code(text) or _subdivisions().get(_folded(text))


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Subdivision names that belong to one state only ("Nagasaki", "Alaska"), accents folded."""
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
    return getattr(country, "common_name", None) or _SHORT_NAMES.get(code, country.name)


_SHORT_NAMES: dict[str, str] = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea",
    "KP": "North Korea", "IR": "Iran", "SY": "Syria", "MD": "Moldova", "VN": "Vietnam",
    "TR": "Turkey", "CZ": "Czech Republic", "BO": "Bolivia", "VE": "Venezuela", "LA": "Laos",
}
