"""The extractor's one lexicon: every word list the focus pass and the rules read.

A word added here reaches every rule that needs it: the cheap focus pass that picks
the sentences worth parsing and the rules that read the parse use the same lists, so
a platform, a demonym or a speech verb cannot be known to one and missed by the other.
pycountry supplies official names and provinces (:mod:`.places` reads it); what it
lacks (demonyms, capitals used by metonymy, short forms) is listed here.
"""

from __future__ import annotations

import calendar
import re

# --- Countries and places ------------------------------------------------------------------------------------------

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

# Common English names where pycountry has only the official one ("Russian Federation").
SHORT_NAMES: dict[str, str] = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea",
    "KP": "North Korea", "IR": "Iran", "SY": "Syria", "MD": "Moldova", "VN": "Vietnam",
    "TR": "Turkey", "CZ": "Czech Republic", "BO": "Bolivia", "VE": "Venezuela", "LA": "Laos",
}

# Compass directions: "east of Gotland" names a place; "North" before a state is part of its name.
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
              "north-west", "south-east", "south-west"}
DIRECTION_PREFIXES = {"North", "South"}

# --- Platforms and models ------------------------------------------------------------------------------------------

# What flies, by the noun that names it.
PLATFORMS: dict[str, str] = {
    "drone": "drone", "uav": "drone", "uas": "drone", "quadcopter": "drone", "shahed": "drone", "gerbera": "drone",
    "geran": "drone",
    "jet": "aircraft", "aircraft": "aircraft", "plane": "aircraft", "warplane": "aircraft", "airplane": "aircraft",
    "fighter": "aircraft", "bomber": "aircraft", "helicopter": "aircraft", "interceptor": "aircraft",
    "airliner": "aircraft", "aeroplane": "aircraft", "chopper": "aircraft", "gunship": "aircraft",
    "balloon": "balloon", "airship": "balloon", "dirigible": "balloon",
    "missile": "missile", "rocket": "missile",
    "object": "unknown",
}
# Adjectives that make a vehicle, aircraft or system a drone: "unmanned aerial vehicle".
DRONE_MODIFIERS = {"unmanned", "uncrewed", "pilotless", "aerial"}
# Military model designations: "MiG-31", "Su-27s", "Tu-95MS", "F-16", "Shahed-136".
MODEL = re.compile(r"((?:Shahed|Geran|Gerbera)(?:-\d+)?|[A-Z][A-Za-z]{0,6}/?[A-Z]?-\d{1,3}[A-Z]{0,3})s?")
MODEL_DRONES = re.compile(r"^(Shahed|Geran|Gerbera)")
# Military hardware, flying or not: its nationality adjective names an intruder or a navy, not a speaker's side.
HARDWARE = {word for word, kind in PLATFORMS.items() if kind != "unknown"} | {
    "ship", "vessel", "submarine", "craft", "frigate", "destroyer"}

# --- Speech --------------------------------------------------------------------------------------------------------

# Verbs that report speech and take the reported clause as their complement.
SPEECH_VERBS = {
    "say", "tell", "state", "declare", "warn", "insist", "add", "announce", "affirm", "note", "stress", "claim",
    "argue", "caution", "write", "post", "promise", "assert", "confirm", "deny", "vow", "pledge", "emphasise",
    "emphasize", "acknowledge", "explain", "reply", "respond", "maintain", "predict", "admit", "conclude", "allege",
    "reiterate", "underline", "repeat", "report", "suggest", "estimate", "reveal", "disclose", "demand", "complain",
    "tweet", "concede", "contend", "assure", "signal", "indicate", "recall", "observe", "remark", "comment",
}
# Irregular surface forms of cue verbs; regular ones are generated (:func:`.focus.inflections`).
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "deny": ("denied", "denies"),
    "reply": ("replied", "replies"), "overfly": ("overflew", "overflown"), "fly": ("flew", "flown"),
    "see": ("saw", "seen"), "shoot": ("shot",),
}

# --- Calendar and numbers ------------------------------------------------------------------------------------------

WEEKDAYS: tuple[str, ...] = tuple(day.lower() for day in calendar.day_name)
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
# English number words, and the nouns and determiners that count ("a pair", "a dozen", "a lone drone").
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "couple": 2, "pair": 2,
}

# --- Speakers and their organisations -------------------------------------------------------------------------------

# Adjectives of a region or of the world, not of one state: a body named with one ("North American Aerospace
# Defense Command", "European Commission") is international and speaks for itself, not for the article's country.
REGIONAL_ADJECTIVES = ("european", "north american", "north atlantic", "transatlantic", "international",
                       "united nations", "african", "asian", "arab", "nordic", "world", "global")
# Organs of international organisations, and the organisation a statement by one is attributed to.
PARENT_ORGANISATIONS: dict[str, str] = {
    "north atlantic council": "NATO", "european commission": "European Union", "european council": "European Union",
    "european parliament": "European Union", "security council": "United Nations",
    "general assembly": "United Nations",
}
# International organisations usually written out in full, by their initials.
ORGANISATION_NAMES: dict[str, str] = {"UN": "United Nations", "EU": "European Union"}
# Heads of institutions that are not a state's: an airport or an operator speaks for itself.
PRIVATE_HEADS = {"airport", "operator", "institute", "company", "airline", "firm", "utility", "group", "university"}
# American spellings in institutions' names, and the British ones they are filed under.
SPELLING_VARIANTS: dict[str, str] = {"defense": "defence", "center": "centre", "organization": "organisation",
                                     "program": "programme", "labor": "labour"}
