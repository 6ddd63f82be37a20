"""Countries from names, demonyms, capitals and common aliases, as ISO 3166-1 alpha-2.

pycountry supplies the official and common names; what it lacks (demonyms,
capitals used by metonymy such as "Moscow" for Russia, short forms such as "US")
is listed here.
"""

from __future__ import annotations

import re
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
    "azerbaijani": "AZ", "armenian": "AM", "kazakh": "KZ", "mongolian": "MN",
}

# Short forms, capitals and government seats used in place of the state.
ALIASES: dict[str, str] = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "united states": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "russia": "RU", "china": "CN", "south korea": "KR", "north korea": "KP", "taiwan": "TW",
    "iran": "IR", "syria": "SY", "turkey": "TR", "turkiye": "TR", "türkiye": "TR",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "the netherlands": "NL",
    "holland": "NL", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
    "moscow": "RU", "kremlin": "RU", "beijing": "CN", "washington": "US", "tokyo": "JP",
    "warsaw": "PL", "tallinn": "EE", "riga": "LV", "vilnius": "LT", "helsinki": "FI",
    "stockholm": "SE", "oslo": "NO", "copenhagen": "DK", "berlin": "DE", "paris": "FR",
    "london": "GB", "rome": "IT", "madrid": "ES", "ankara": "TR", "bucharest": "RO",
    "kyiv": "UA", "kiev": "UA", "minsk": "BY", "pyongyang": "KP", "seoul": "KR", "taipei": "TW",
    "tehran": "IR", "damascus": "SY", "chisinau": "MD", "budapest": "HU", "prague": "CZ",
    "bratislava": "SK", "sofia": "BG", "athens": "GR", "ottawa": "CA", "amsterdam": "NL",
    "the hague": "NL", "lisbon": "PT", "vienna": "AT", "ljubljana": "SI", "zagreb": "HR",
}


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
    if key in ALIASES:
        return ALIASES[key]
    if key in DEMONYMS:
        return DEMONYMS[key]
    bare = key[4:] if key.startswith("the ") else key
    if bare in ALIASES:
        return ALIASES[bare]
    if len(bare) < 4:
        return None
    try:
        return pycountry.countries.lookup(bare).alpha_2
    except LookupError:
        return None


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
