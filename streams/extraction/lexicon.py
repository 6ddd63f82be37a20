"""The extractor's one lexicon: every word list the focus pass and the rules read.

A word added here reaches every rule that needs it: the cheap focus pass that picks
the sentences worth parsing and the rules that read the parse use the same lists, so
a platform, a demonym or a speech verb cannot be known to one and missed by the other.
pycountry supplies official names and provinces (:mod:`.places` reads it); what it
lacks (demonyms, capitals used by metonymy, short forms) is listed here, and the towns
and cities of the world with their state are in ``gazetteer.tsv`` beside it (generated
from GeoNames by scripts/generate_gazetteer.py).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from importlib.resources import files

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
    # the Americas
    "guyanese": "GY", "surinamese": "SR", "ecuadorian": "EC", "bolivian": "BO", "paraguayan": "PY",
    "uruguayan": "UY", "nicaraguan": "NI", "honduran": "HN", "salvadoran": "SV", "salvadorean": "SV",
    "guatemalan": "GT", "costa rican": "CR", "panamanian": "PA", "belizean": "BZ", "haitian": "HT",
    "dominican": "DO", "jamaican": "JM",
    # Africa
    "malian": "ML", "nigerien": "NE", "chadian": "TD", "burkinabe": "BF", "mauritanian": "MR", "senegalese": "SN",
    "gambian": "GM", "guinean": "GN", "liberian": "LR", "sierra leonean": "SL", "ivorian": "CI", "ghanaian": "GH",
    "togolese": "TG", "beninese": "BJ", "cameroonian": "CM", "gabonese": "GA", "congolese": "CD",
    "central african": "CF", "rwandan": "RW", "burundian": "BI", "ugandan": "UG", "tanzanian": "TZ",
    "south sudanese": "SS", "eritrean": "ER", "djiboutian": "DJ", "somali": "SO", "somalian": "SO",
    "angolan": "AO", "zambian": "ZM", "zimbabwean": "ZW", "mozambican": "MZ", "malawian": "MW",
    "namibian": "NA", "botswanan": "BW", "south african": "ZA",
    # Asia and the Middle East
    "palestinian": "PS", "bangladeshi": "BD", "burmese": "MM", "myanmar": "MM", "nepali": "NP",
    "nepalese": "NP", "sri lankan": "LK", "cambodian": "KH", "laotian": "LA", "uzbek": "UZ", "tajik": "TJ",
    "kyrgyz": "KG", "turkmen": "TM", "new zealand": "NZ", "kosovar": "XK",
}

# Short forms and common names pycountry lacks.
ALIASES: dict[str, str] = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "united states": "US", "america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "russia": "RU", "china": "CN", "south korea": "KR", "north korea": "KP", "taiwan": "TW",
    "iran": "IR", "syria": "SY", "turkey": "TR", "turkiye": "TR", "türkiye": "TR",
    "moldova": "MD", "czech republic": "CZ", "czechia": "CZ", "the netherlands": "NL",
    "holland": "NL", "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
    "uae": "AE", "u.a.e.": "AE", "drc": "CD", "dr congo": "CD", "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD", "congo-kinshasa": "CD", "congo-brazzaville": "CG",
    "ivory coast": "CI", "burma": "MM", "east timor": "TL", "cape verde": "CV", "republic of korea": "KR",
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
    "beirut": "LB", "baghdad": "IQ", "amman": "JO", "riyadh": "SA", "doha": "QA", "abu dhabi": "AE",
    "muscat": "OM", "sanaa": "YE", "cairo": "EG", "tripoli": "LY", "algiers": "DZ", "rabat": "MA", "tunis": "TN",
    "khartoum": "SD", "n'djamena": "TD", "ndjamena": "TD", "bamako": "ML", "niamey": "NE", "ouagadougou": "BF",
    "kigali": "RW", "kinshasa": "CD", "kampala": "UG", "nairobi": "KE", "addis ababa": "ET", "asmara": "ER",
    "mogadishu": "SO", "juba": "SS", "abuja": "NG", "dakar": "SN", "nouakchott": "MR", "accra": "GH",
    "yaounde": "CM", "luanda": "AO", "pretoria": "ZA", "kabul": "AF", "dhaka": "BD", "kathmandu": "NP",
    "bangkok": "TH", "jakarta": "ID", "kuala lumpur": "MY", "phnom penh": "KH", "vientiane": "LA",
    "caracas": "VE", "bogota": "CO", "georgetown": "GY", "quito": "EC", "lima": "PE", "la paz": "BO",
    "brasilia": "BR", "buenos aires": "AR", "santiago": "CL", "asuncion": "PY", "montevideo": "UY",
    "managua": "NI", "tegucigalpa": "HN", "san salvador": "SV", "havana": "CU", "mexico city": "MX",
}


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """Towns and cities by name folded to lowercase ASCII, with the state each lies in: "kilis" -> "TR".

    News places an incident by its town and often never names the state (an airport or base named by its own name is found
    in :mod:`.airports`). Read on first use, not at import.
    """
    table: dict[str, str] = {}
    for line in (files(__package__) / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        code, _, names = line.partition("\t")
        table.update(dict.fromkeys(names.split("|"), code))
    return table


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

# The parts a state is divided into: a place named by one is a region, not a site.
ADMINISTRATIVE_UNITS = {"prefecture", "province", "region", "county", "district", "oblast", "voivodeship", "state",
                        "governorate", "municipality"}

# Places on land: an intruder over "the islands of X" or "the town of Y" was over some state's territory, not
# over open water as over "the Gulf of X".
LAND_PLACES = {"island", "islands", "islet", "islets", "isle", "village", "town", "city", "airport", "base", "port",
               "capital", "province", "region", "county", "district", "prefecture", "peninsula", "archipelago",
               "outpost", "camp", "barracks", "settlement"}

# The edges of a state: what was "near the X coast" or "close to the X border" was not over X.
EDGE_NOUNS = {"coast", "coastline", "shore", "border", "frontier"}
PROXIMITY = {"near", "to", "off", "along", "by", "outside"}
# Prepositions that put a site on a line it lies along: "a plant on the X border".
SITE_ON = {"on", "at"}
# Prepositions that put a place at sea beside a coast, outside the state: "off the coast of X".
OFFSHORE_PREPOSITIONS = {"off"}
# An air defence identification zone a state declares reaches past its airspace: "flew into X's ADIZ", "X's air
# defence zone" say where a flight was watched, not whose airspace it entered. The zone's nouns and the words that
# make a "zone" one.
DEFENCE_ZONE_NOUNS = {"adiz"}
DEFENCE_ZONE_WORDS = {"identification", "defence", "defense"}

# Compass directions: "west of Bornholm" names a place; "North" before a state is part of its name.
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
              "north-west", "south-east", "south-west"}
DIRECTION_PREFIXES = {"North", "South"}
# The states of a divided nation, which news calls by their half alone ("the South's airspace", "drones from the
# North") once it has named them: each half's state, by the word.
DIVIDED_HALVES: tuple[dict[str, str], ...] = ({"South": "KR", "North": "KP"},)

# Kinds of place small enough that two incidents placed at two of them, the same night, are two incidents: an
# airport, a base, a plant, a village. A river, a sea, a region or "the area" may hold both (streams.model.counting).
# Words of an airport's or air base's name that say what kind of field it is, not which one: "Kleine Brogel Air
# Base" is found by "Kleine-Brogel air base" and "Billund Airport" by "Billund airport" (streams.extraction.airports).
AIRFIELD_WORDS = {"airport", "international", "air", "base", "airbase", "airfield", "aerodrome", "airstrip", "field",
                  "regional", "municipal", "national", "domestic", "military", "station", "force", "afb", "the"}
# Site nouns of an airfield: a town's name before one may be found by the airports the town has.
AIRFIELD_HEADS = {"airport", "airfield", "airbase", "base", "aerodrome", "airstrip"}
SITE_HEADS = {"airport", "airfield", "airbase", "base", "site", "plant", "station", "village", "town", "city", "island",
              "islet", "isle", "port", "harbour", "harbor"}

# Words that say what kind of site a place is, not which one: two reports placed at "Alder Air Base" and "Birch
# air base" name different sites only through the words left when these are set aside (streams.model.counting).
SITE_WORDS = LAND_PLACES | GENERIC_PLACE_WORDS | ADMINISTRATIVE_UNITS | DIRECTIONS | {
    "air", "airfield", "airbase", "plant", "station", "area", "range", "field", "power", "nuclear", "military",
    "naval", "training", "international", "national", "the", "of", "near", "over", "and"}

# Prepositions that place what a clause reports: "near X", "over Y", "off the coast of Z", "including X".
LOCATIVE_PREPOSITIONS = {"near", "over", "off", "above", "around", "at", "outside", "along", "in", "across", "to",
                         "including"}
# Prepositions after a violation noun whose list of places spreads it over each: "violations in X and Y".
LISTED_SITE_PREPOSITIONS = {"in", "at", "over"}
# Nouns that name a place when a name or nationality goes with them: "the village of X", "the Syrian border".
PLACE_NOUNS = {"island", "islands", "islet", "islets", "isle", "reef", "atoll", "cape", "coast", "border", "frontier",
               "region", "village", "town", "city", "airport", "base", "peninsula", "strait", "sea", "gulf", "bay",
               "province", "county", "district", "oblast", "port", "lake", "river", "mountains", "archipelago",
               "prefecture", "area", "field", "plant", "station", "crossing", "checkpoint", "exclave", "enclave",
               "installation", "facility", "harbour", "harbor", "sector", "section", "municipality"}
# Nouns of a place's edge or surroundings, which place what happened at the place their "of" phrase names: "on the
# outskirts of X", "in the vicinity of Y".
VICINITY_NOUNS = {"outskirts", "outskirt", "edge", "vicinity", "suburbs", "suburb", "environs", "periphery"}
# Prepositions that place a site on a named place, after the site's noun alone: "the base on X", "the airfield on Y".
SITE_PREPOSITIONS = {"on"}
# Words of a site's name that name no particular site: "The", "Air Base", "International Airport".
GENERIC_NAME_WORDS = PLACE_NOUNS | {"the", "air", "international"}
# A state's borders: "the Syrian border" need not lie in Syria.
BORDER_NOUNS = {"border", "frontier"}
# Verbs by which a state keeps its own border, named after the neighbour across it: "X closes Y border".
BORDER_KEEPING_VERBS = {"close", "shut", "reopen", "open", "seal", "reinforce", "fortify", "strengthen", "tighten",
                        "guard", "patrol"}
# Events a place can belong to rather than the incident: "during an attack on infrastructure across the Danube".
EVENT_NOUNS = {"attack", "strike", "raid", "assault", "bombardment", "offensive", "barrage", "exercise", "drill", "war",
               "invasion", "operation", "campaign", "wave"}
# Attacks a platform word names the weapon of: "a Russian drone attack" is made with Russian drones.
ATTACK_NOUNS = {"attack", "strike", "raid", "assault", "bombardment", "barrage", "wave"}
# Prepositions of a clause that sets what follows in an attack: "Following a Russian drone attack, drones fell ...".
AMID_PREPOSITIONS = {"following", "after", "during", "amid", "in"}
# Wars a story is set against rather than about: a state named in "X's invasion of Y" or "the war in Y" is the
# backdrop of a sighting elsewhere, neither its place nor the story's state.
BACKDROP_NOUNS = {"war", "invasion", "aggression", "conflict"}
# The words by which a name hangs inside such a phrase ("X's war of aggression against Y").
BACKDROP_LINKS = {"poss", "compound", "amod", "nmod", "pobj", "prep", "conj", "appos"}
# Prepositions of where something went, not where it was: "diverting flights to Riga", "flights towards Oslo".
DESTINATION_PREPOSITIONS = {"to", "towards", "toward"}
# Verbs of speaking whose "in" places the speaker, not the incident: "the ministry in Bucharest said". Not
# SPEECH_VERBS: this shorter list (with "speak", which SPEECH_VERBS lacks) is the one the place rule was written for.
SPEAKING_VERBS = {"say", "tell", "speak", "announce", "add", "state", "report", "write", "confirm", "note"}
# Prepositions whose phrase belongs to a place's name: "the village of X", "the border with Y".
PLACE_NAME_PREPOSITIONS = {"of", "with"}

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
# Words that say no state is known for what flew: "an unidentified drone".
UNKNOWN = {"unidentified", "unknown", "unmarked", "mysterious", "unattributed", "anonymous"}
# Words that make an object of no known kind something in the air: "unidentified flying objects".
AIRBORNE_WORDS = {"flying", "airborne", "aerial"}
# Words after a platform noun that liken a thing of no known kind to it: "a drone-like object", "a balloon-shaped
# object": it was seen as one.
LIKENESS_WORDS = {"like", "shaped"}
# Words that liken a thing to others a state uses, and the verbs of using: "a drone similar to those used by X".
SIMILARITY_WORDS = {"similar", "identical", "comparable", "akin"}
USING_VERBS = {"use", "employ", "operate", "field", "fly", "launch"}
# Verbs of a free relative that hedges what was seen: "what appeared to be drones", "what looked like a drone".
APPEARANCE_VERBS = {"appear", "seem", "look"}
# Words that add to what was reported before: "two more balloons", "another drone", "further jets".
MORE = {"more", "another", "further", "additional"}

# Comparatives that make a number a difference when "than" follows: "two more jets than first reported".
COMPARATIVES = {"more", "fewer", "less"}
# Words that make a noun a new instance of something the sentence already named: "in a separate sighting".
ANOTHER = MORE | {"separate", "second", "new", "similar", "fresh"}
# Words that stand for one more of what a story reported, its noun left out: "another hovered over the port", "a
# second was seen near the runway".
ONE_MORE = {"another", "second", "third", "fourth", "fifth"}
# Ordinals that call back an earlier one of a series, its noun left out: "the first one was downed on May 2".
EARLIER_ONE = {"first", "previous", "earlier", "last"}
# Determiners of one thing already known to the reader: "the drone", "that aircraft".
DEFINITE = {"the", "this", "that"}
# Platform nouns whose plural is the singular: a bare "Russian aircraft" may be any number of them.
SAME_PLURAL = {"aircraft", "uas"}
# Adjectives that make a vehicle, aircraft or system a drone: "unmanned aerial vehicle".
DRONE_MODIFIERS = {"unmanned", "uncrewed", "pilotless", "aerial"}
# Models known by a name rather than a designation, with what they are ("Kalibr missiles", "a Gerbera").
NAMED_MODELS: dict[str, str] = {
    "Shahed": "drone", "Geran": "drone", "Gerbera": "drone", "Orlan": "drone", "Kalibr": "missile",
    "Iskander": "missile", "Kinzhal": "missile", "Tomahawk": "missile", "Rafale": "aircraft", "Gripen": "aircraft",
    "Eurofighter": "aircraft", "Mirage": "aircraft", "Harop": "drone", "Bayraktar": "drone", "Mohajer": "drone",
    "Songar": "drone", "Kargu": "drone",
}
# Words after a name that make it the model of what flew: "a Cessna-type plane", "a Kilo-class craft".
MODEL_TYPE_WORDS = {"type", "class", "model"}
# Design bureaus whose prefix can be written apart from the number: "Su 30" for "Su-30".
DESIGNATION_PREFIXES = {"Su", "MiG", "Tu", "Il", "Mi", "Ka", "An", "Yak", "Be"}
# Makers and families of civil and transport aircraft whose models are the name and a bare number, written apart:
# "a Boeing 737", "a Cessna 172", "a Saab 340". The name alone is no model (nor, where it is a common word, any aircraft).
NUMBERED_MAKERS = {"Boeing", "Cessna", "Fokker", "Dash", "ATR", "Saab", "Dornier", "Beechcraft", "Learjet", "Embraer",
                   "Piper", "Tupolev", "Ilyushin", "Antonov"}
# Verbs that lay what flew at a state's door: "accused Riga of sending drones", "blaming Moldova for the flights".
ACCUSING = {"accuse", "blame", "charge", "suspect"}
# Nouns of a hostile act whose "by" names the state behind it: "condemned the drone incursions as a provocation by X".
HOSTILE_ACT_NOUNS = {"provocation", "aggression", "attack", "sabotage", "escalation"}
# Verbs that give what flew its owner: "a drone belonging to X", "the drones likely belonged to X".
OWNING_VERBS = {"belong"}
# Verbs whose agent is the state behind what flew: "was fired by Ukraine's air defences", "launched by Russia".
LAUNCHING = {"fire", "launch", "send", "dispatch", "operate", "release"}
# Verbs that say what a thing was found to be: "a drone identified as a Gerbera", "debris resembling an Orlan-10".
IDENTIFYING = {"identify", "resemble", "believe", "describe", "confirm", "determine", "establish", "suspect", "think",
               "classify", "recognise", "recognize"}
# Verbs that name what something was by a description of it: "called it a provocation by X".
CALLING = {"call", "label", "brand", "term", "dub"}
# Military model designations: "MiG-31", "Su-27s", "Tu-95MS", "F-16", "Shahed-136", "Kalibr".
MODEL = re.compile(r"((?:" + "|".join(NAMED_MODELS) + r")(?:-\d+)?|[A-Z][A-Za-z]{0,6}/?[A-Z]?-\d{1,3}[A-Z]{0,3})s?")
# Military hardware, flying or not: its nationality adjective names an intruder or a navy, not a speaker's side.
HARDWARE = {word for word, kind in PLATFORMS.items() if kind != "unknown"} | {
    "ship", "vessel", "submarine", "craft", "frigate", "destroyer"}

# Nouns that count what flew without a number: "dozens of drones", "a swarm of drones", "one of the jets".
QUANTITY_NOUNS = {"dozens", "hundreds", "scores", "swarm", "group", "number", "wave", "fleet", "formation", "series",
                  "string", "handful", "one", "some", "several", "few", "many", "all", "each"}
# Nouns that count two of what flew: "a pair of jets", "three pairs of Su-27s".
PAIR_NOUNS = {"pair", "couple"}
# Words that hedge or bound a count before its number: "at least three", "up to 20", "more than a dozen".
COUNT_HEDGES = {"at", "least", "about", "around", "some", "nearly", "almost", "up", "to", "more", "than", "over"}
# Words that hedge the state named for what flew ("suspected", "believed to be", "likely"), with their forms.
ATTRIBUTION_HEDGES = re.compile(r"\b(suspected|believed|likely|probabl[ey]|apparent(?:ly)?|possibl[ey]|"
                                r"alleged(?:ly)?|presumed|presumably|thought|appear(?:ed|s)?|seemingly|"
                                r"purported(?:ly)?|thinks?|believes?|described)\b", re.I)
# Verbs whose subjects defend: jets that intercept, shadow, escort or shoot down.
INTERCEPTING_VERBS = {"scramble", "intercept", "shadow", "escort", "shoot", "track", "fire", "chase", "respond",
                      "follow", "accompany", "guide", "warn", "patrol", "police", "engage", "destroy", "monitor",
                      "identify", "lead", "force", "down"}
# Verbs of taking part in the response: jets that assist are among the defenders.
PARTICIPATING_VERBS = {"participate", "assist"}
# Verbs that put defenders up: jets scrambled or deployed are the defenders.
DISPATCHING_VERBS = {"scramble", "deploy", "dispatch", "raise", "mobilise", "mobilize", "alert"}
# Participles after a state and a hyphen that say where something was made: "a Russian-made drone".
MANUFACTURE_PARTICIPLES = {"made", "built", "designed", "manufactured", "produced"}
# Prepositions that name where something came from, not whose it is: "a drone from Belarus".
ORIGIN_PREPOSITIONS = {"from", "of"}
# Nouns that name a drone with an unmanned modifier before them: "unmanned aerial vehicle".
DRONE_HEAD_NOUNS = {"vehicle", "aircraft", "system", "device"}
# Platform kinds that come down abroad only by straying or being sent: a crashed jet is an accident or a shoot-down.
UNMANNED_PLATFORMS = {"drone", "missile", "balloon"}

# --- Speech --------------------------------------------------------------------------------------------------------

# Verbs that report speech and take the reported clause as their complement.
SPEECH_VERBS = {
    "say", "tell", "state", "declare", "warn", "insist", "add", "announce", "affirm", "note", "stress", "claim",
    "argue", "caution", "write", "post", "promise", "assert", "confirm", "deny", "vow", "pledge", "emphasise",
    "emphasize", "acknowledge", "explain", "reply", "respond", "maintain", "predict", "admit", "conclude", "allege",
    "reiterate", "underline", "repeat", "report", "suggest", "estimate", "reveal", "disclose", "demand", "complain",
    "tweet", "concede", "contend", "assure", "signal", "indicate", "recall", "observe", "remark", "comment",
    "remind", "inform",
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

# Number words that make a noun one: "a drone", "a lone jet".
SINGULAR_WORDS = {word for word, value in NUMBER_WORDS.items() if value == 1}
# Words before a noun that make it one thing: a number word of one, or a definite determiner ("the drone").
SINGLE_WORDS = SINGULAR_WORDS | DEFINITE
# Number words of tens and units, written together in "twenty-one", "thirty five".
NUMBER_TENS: tuple[str, ...] = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_UNITS: tuple[str, ...] = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Units of a duration, in minutes: "12 minutes", "90 seconds", "an hour".
MINUTES_PER_UNIT: dict[str, float] = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
# Number words written before "-minute" besides the units and tens: "a ten-minute incursion".
COMPOUND_NUMBER_WORDS: tuple[str, ...] = ("ten", "eleven", "twelve", "fifteen")
# Words that open the length of a stay: "for 12 minutes", "lasting 17 seconds", "spent three minutes".
STAY_LENGTH_WORDS: tuple[str, ...] = ("for", "lasting", "lasted", "lasts", "spent", "spending", "spends", "spend")
# Phrases before "of" that measure an amount: "a total of 12 minutes", "the space of an hour".
MEASURE_PHRASES: tuple[str, ...] = ("a total", "a combined total", "a period", "the space")
# Words and phrases that hedge or bound an amount: "about three minutes", "more than an hour", "up to 20".
AMOUNT_HEDGES: tuple[str, ...] = ("about", "around", "roughly", "nearly", "almost", "some", "approximately", "approx.",
                                  "just over", "just under", "more than", "less than", "up to", "over", "at least",
                                  "an estimated")
# Past forms of leaving that end a stay: "left after about three minutes", "turned back".
DEPARTURE_FORMS: tuple[str, ...] = ("left", "exited", "departed", "returned", "turned back", "flew back",
                                    "headed back")
# Past forms of entering that start a stay: "40 seconds after it crossed".
ENTRY_FORMS: tuple[str, ...] = ("crossed", "entered", "violated", "strayed", "flew")
# The same entries told as a gerund: "shot down 90 seconds after crossing the border".
ENTRY_GERUNDS: tuple[str, ...] = ("crossing", "entering", "violating", "straying", "flying")
# Nouns of a stay that a duration compound describes: "a 12-minute incursion".
STAY_NOUNS: tuple[str, ...] = ("incursion", "violation", "intrusion", "breach", "flight", "overflight")
# Words before a date that make it bound a period rather than date an event: "since 2019", "until Friday".
PERIOD_BOUNDS = {"since", "until", "till", "before", "by", "from"}
# Prepositions of the standard a comparison measures against: "at the same point as the evening before", "than in May".
COMPARISON_WORDS = {"as", "than"}
# Words that date an event relative to publication without a date entity: "drones were seen overnight".
SAME_DAY_WORDS = {"overnight", "tonight", "today", "yesterday"}
# Words that make two dates joined by "and" the ends of one period, not a list of days: "between 5 and 20 May".
SPAN_OPENERS = {"between"}
# Words between a time of night and the date it falls on: "overnight on Sept. 9-10", "late on the night of May 3".
NIGHT_OF_DATE_WORDS = {"on", "of"}
# Units by which a clause is dated back from another: "two days after", "a week after".
LAG_UNITS = {"day", "week"}
# Phrases that date no single event: "this year", "since 2019", "for decades", "next month", "every day".
UNDATED_PHRASES = re.compile(
    r"\b(this year|since|until|till|for (?:decades|years|months|weeks)|next|coming|every|each|recent|past(?! hour)|"
    r"previous|later this|upcoming|future|decades?|years(?! ago)|weeks|months(?! ago)|days(?! ago)|daily|weekly|annual|"
    r"tomorrow)\b")
# A length of time the entity recogniser joins to the date it passed in: "for several weeks last December", "three days
# in May", "two hours on Sunday". The date part dates the event; the length is how long it went on.
SPELL_THEN_DATE = re.compile(
    r"^(?:for\s+)?(?:several|a\s+few|a\s+couple\s+of|a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:hours?|nights?|days?|weeks?|months?)\s+(?P<date>(?:last|in|on|this|earlier|during)\s+.+)$")
# "This evening", "tonight" in a story stamped before dawn (UTC hour below SMALL_HOURS_END): the evening before.
EVENING_PHRASES = re.compile(r"\b(this evening|tonight)\b", re.I)
SMALL_HOURS_END = 5
# Phrases that date an event on the day of publication: "overnight", "this morning", "hours earlier".
SAME_DAY_PHRASES = re.compile(
    r"\b(overnight|today|tonight|this (?:morning|afternoon|evening)|earlier today|hours earlier|(?:last|past) hour|"
    r"(?:that|the same) (?:day|morning|afternoon|evening|night))\b")
# A day named by reference to the day the text named before: "on the evening of that day", "the same day" (resolved
# as the same day as that one: SAME_DAY_PHRASES).
ANAPHORIC_DAY = re.compile(r"\b(?:that|the same) (?:day|morning|afternoon|evening|night)\b", re.I)
# A day named by counting on from the day the text named before: "a day later", "two nights later", "a week later",
# "the next day", "the following night", "the day after,", "(returned) for a second night (running)": that day plus
# the count (the next one when none is written).
LATER_DAY = re.compile(r"\b(?:(?P<count>an?|one|two|three|four|five|six|seven|\d{1,2}) (?P<unit>days?|nights?|weeks?) later|"
                       r"(?P<vague>(?:a few |several |some )?days later)|"
                       r"(?:the )?(?:next|following) (?:day|night|morning|afternoon|evening)|the day after(?=\s*[,.;])|"
                       r"for (?:a|the) (?:second|third|fourth) (?:straight |consecutive |successive )?(?:day|night))\b",
                       re.I)
LATER_DAY_UNITS = {"day": 1, "night": 1, "week": 7}
# Phrases that date an event on the day before publication.
DAY_BEFORE_PHRASES = re.compile(r"\b(yesterday|last night)\b")

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
# Bodies a capital names as their seat: "the government in Minsk" is the Belarusian government, called as written.
SEATED_BODIES = {"government"}
PRIVATE_HEADS = {"airport", "operator", "institute", "company", "airline", "firm", "utility", "group", "university"}
# American spellings in institutions' names, and the British ones they are filed under.
SPELLING_VARIANTS: dict[str, str] = {"defense": "defence", "center": "centre", "organization": "organisation",
                                     "program": "programme", "labor": "labour"}

# Words an acronym skips among the words of the name it abbreviates: "North Atlantic Treaty Organization".
ACRONYM_SKIPPED_WORDS = {"of", "the", "and", "for", "on"}
# Prepositions that attach a mouthpiece to whom it speaks for: "a spokesman for the ministry", "an official at X".
MOUTHPIECE_PREPOSITIONS = {"for", "of", "at", "from"}
# Prepositions that attach a document to its issuer: "a statement from the ministry", "the communique of X".
ISSUER_PREPOSITIONS = {"from", "by", "of"}
# Words among RANKS that qualify a grade rather than name one: "Air Chief Marshal", "Vice Admiral", "Staff Sergeant".
RANK_QUALIFIERS = {"chief", "first", "second", "staff", "air", "vice", "field"}

# --- Statements: speech, speakers and their titles ----------------------------------------------------------------

# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "st",
                 "no", "jr", "sr", "prof", "rev", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}
# Head words of a title: a phrase naming an office ends in (or contains) one of these.
ROLE_WORDS = {
    "minister", "president", "secretary", "general", "chancellor", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "commander", "chief", "governor", "mayor", "senator", "king", "queen", "premier", "director",
    "chairman", "chairwoman", "chair", "head", "envoy", "representative", "leader", "admiral", "colonel",
    "lieutenant", "major", "captain", "officer", "official", "adviser", "advisor", "prosecutor", "lawmaker",
    "commissioner", "marshal", "brigadier", "sergeant", "attache", "attaché", "diplomat", "coordinator",
    "undersecretary", "under-secretary", "secretary-general", "vice-president", "prince", "emperor", "speaker",
    "mp", "deputy", "lt.", "gen.", "col.", "maj.", "adm.", "capt.", "sen.", "rep.", "gov.", "analyst", "expert",
    "fellow", "researcher", "professor", "inspector", "superintendent", "negotiator",
    "commodore", "assemblyman", "assemblywoman", "congressman", "congresswoman", "councillor", "councilor", "sheriff",
}
# Abbreviated titles, written out in a speaker's role: "Gov. X" -> Governor.
TITLE_ABBREVIATIONS = {"gov.": "Governor", "sen.": "Senator", "rep.": "Representative", "gen.": "General",
                       "lt.": "Lieutenant", "col.": "Colonel", "maj.": "Major", "adm.": "Admiral", "capt.": "Captain",
                       "sgt.": "Sergeant", "cmdr.": "Commander", "amb.": "Ambassador", "pres.": "President"}
# Military ranks: a title made only of these says a person's grade, not the office they speak from, so an
# office given with the name ("Norway's army spokesman, Colonel X") is the role.
RANKS = {"general", "lieutenant", "colonel", "major", "admiral", "captain", "brigadier", "sergeant", "marshal",
         "commodore", "lt.", "gen.", "col.", "maj.", "adm.", "capt.", "sgt.", "lt", "gen", "col", "rear", "vice", "air",
         "chief", "field", "first", "second", "staff", "warrant", "corporal", "private"}
# Particles a surname may carry when given in full and drop when repeated: "Tariq al-Hamdan ... Hamdan said",
# "Ludwig van Berg ... Berg said" (written joined by a hyphen or apart).
SURNAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "bin", "ibn", "van", "von", "de", "da", "di",
                     "du", "le", "la"}
# Words of address that may stand before a repeated short name: "Mr Okafor", "Lt Col Ade".
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."}

# Words that qualify an office without naming anyone: "Foreign", "Deputy", "Cabinet".
MODIFIER_WORDS = {
    "foreign", "defence", "defense", "interior", "justice", "finance", "prime", "vice", "cabinet", "state",
    "home", "acting", "first", "senior", "affairs", "security", "national", "executive", "principal", "press",
    "economy", "economic", "trade", "energy", "health", "chief", "supreme", "allied", "joint", "staff",
    "military", "army", "naval", "air", "armed", "forces", "intelligence", "border", "top", "former", "high",
    "digital", "transport", "infrastructure", "internal", "emergency", "emergencies", "situations", "european",
}
# Head nouns of institutions that can speak.
INSTITUTION_HEADS = {
    "ministry", "council", "military", "army", "navy", "force", "forces", "command", "guard", "government",
    "office", "agency", "department", "embassy", "committee", "headquarters", "staff", "service", "bureau",
    "centre", "center", "commission", "parliament", "cabinet", "presidency", "alliance", "police", "coastguard",
    "administration", "secretariat", "directorate", "corps", "kremlin", "pentagon", "union", "organisation",
    "organization", "mission", "delegation", "media", "court", "assembly", "senate", "congress", "chiefs",
    "guards", "troops", "regiment", "brigade", "fleet", "district", "inspectorate", "authority", "board",
    "institute", "house", "operator", "airport", "coalition", "party", "bloc", "summit", "commissariat",
}
# Institutions that are bodies of people, never a place: "the authorities, including the State Police".
BODIES = {"ministry", "council", "army", "navy", "command", "government", "agency", "department", "committee",
          "service", "bureau", "commission", "police", "coastguard", "administration", "directorate", "authority",
          "board", "party", "coalition", "inspectorate"}
INTERNATIONAL_ROLES = ("secretary general", "secretary-general", "high representative", "supreme allied commander")
# National institutions known by a name that does not say the country.
INSTITUTION_COUNTRIES = {
    "pentagon": "US", "white house": "US", "state department": "US", "congress": "US", "capitol": "US",
    "kremlin": "RU", "elysee": "FR", "élysée": "FR", "downing street": "GB", "whitehall": "GB", "bundeswehr": "DE",
    "knesset": "IL", "sejm": "PL", "riigikogu": "EE", "saeima": "LV", "seimas": "LT", "rada": "UA",
}
# Prepositions that attach an office to its owner: "head of", "envoy for", "fellow at".
OWNER_PREPOSITIONS = {"of", "for", "at"}
# People who speak for an institution: "a spokesman for the ministry" is the ministry.
MOUTHPIECES = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "source", "aide", "officer"}
# Mouthpieces whose office is the role of the institution's statement.
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
# Unnamed people quoted by description ("a U.S. official said"): the description names them.
ANONYMOUS_SOURCES = {"official", "source", "officer", "diplomat", "aide"}
# Adjectives that describe a source without saying who it is.
VAGUE_ADJECTIVES = {"senior", "unnamed", "anonymous", "top", "high", "ranking", "high-ranking", "informed", "former"}
# Adjectives that make a plural body several unnamed ones: "other intelligence services", "several ministries".
VAGUE_PLURALS = {"other", "several", "many", "various", "some", "foreign", "western", "allied", "european", "regional",
                 "local"}
# Institutions whose name is plural: "the armed forces", "the Joint Chiefs".
PLURAL_BODIES = {"forces", "troops", "chiefs", "guards", "headquarters", "police"}
# Documents that "read" or "say" on their issuer's behalf.
DOCUMENTS = {"statement", "communique", "communiqué", "declaration", "release", "note", "letter", "post", "readout",
             "message", "notice", "report", "bulletin", "update"}
# Pages an institution publishes on, which speak for it: "according to the Facebook page of the air command".
SOURCE_PAGES = {"page", "website", "account", "site", "channel"}
PERSON_PRONOUNS = {"he", "she"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# What a state has whose violation an article reports.
SOVEREIGNTY = {"airspace", "territory", "soil", "waters", "sovereignty", "border"}
# Whose these are says whose side an article is on; a border ("on the Syrian border") has two sides.
HOME_WORDS = SOVEREIGNTY - {"border"}
# Heads that name the same kind of institution: "the military" after "the Estonian Defence Forces", "the department"
# after "the Defence Ministry" (a ministry is a department of government, and is called one).
KINDS = {"force": "military", "forces": "military", "army": "military", "military": "military", "troops": "military",
         "authority": "agency", "agency": "agency", "department": "ministry", "ministry": "ministry"}
# Verbs that introduce quoted words without a clause: "called the intrusion '...'", "expressed '...'".
QUOTING_VERBS = SPEECH_VERBS | {
    "call", "describe", "brand", "label", "term", "dub", "express", "voice", "condemn", "denounce", "slam",
    "criticise", "criticize", "praise", "hail", "welcome", "decry", "reaffirm", "accuse", "urge", "read",
    "characterise", "characterize", "speak", "threaten", "put", "lament", "vow", "reject", "dismiss", "blast", "protest",
}
SOCIAL_PLATFORMS = {"x", "twitter", "telegram", "facebook", "instagram", "truth", "social", "media", "weibo",
                    "linkedin", "bluesky", "threads", "youtube", "website", "platform"}
# Verbs by which someone puts out a document: "issued a statement", "released a communique".
ISSUING = {"issue", "release", "publish", "put", "send", "circulate", "adopt", "distribute", "post"}
# Words that put a name or a term, not somebody's words, in quotation marks: so-called "shadow fleet".
NAMING = re.compile(r"\b(?:so-called|so called|codenamed|code-named|nicknamed|named|dubbed|titled|entitled|"
                    r"operation|exercise|the term|the word|the phrase)\s*$", re.IGNORECASE)
# Verbs that keep the speech verb they govern from saying anything: "declined to say".
DECLINING = {"decline", "refuse", "fail", "hesitate", "ask", "question"}
# Speech verbs whose clause is what the speaker says did not happen: "denied that its jets had entered".
DENYING = {"deny", "refute", "dispute"}
# Verbs by which a speaker turns down a claim, a report or a demand: told with what the speaker says instead ("rejected
# the report, saying ..."), that saying is the statement.
REJECTING = DENYING | {"reject", "dismiss", "rebuff"}
# Subordinators of a clause that tells when or why words were said ("said after a pilot flew ..."): what it holds
# is the narrator's account of the circumstance, not part of what was said.
CIRCUMSTANCE_MARKS = {"after", "before", "when", "while", "because", "since", "until", "once"}
# Modal verbs: a speech verb under one ("must respond") reports nothing said.
MODALS = {"would", "could", "might", "may", "should", "must", "can", "will", "shall"}
PRONOUNS = {"it": False, "he": True, "she": True}  # a pronoun subject, and whether it stands for a person
# Verbs by which a news outlet passes on someone's words: "the agency quoted a source as saying".
CITING = {"quote", "cite"}
# Words naming a news outlet: it carries the story, and is no speaker of the facts it reports.
OUTLETS = {"broadcaster", "newspaper", "television", "tv", "radio", "daily", "outlet", "channel", "tabloid", "wire",
           "reuters", "afp", "interfax", "tass", "ria", "xinhua", "yonhap", "kyodo", "anadolu", "bloomberg"}
# Heads that name an outlet only with a news word before them: "the state news agency", "state media".
NEWS_HEADS = {"agency", "media", "service"}
NEWS_WORDS = {"news", "press", "state", "wire"}
# An institution's own press office ("the press service of the ministry"), which speaks for it: its heads and the
# words that make them one.
PRESS_OFFICES = {"service", "office", "centre", "center", "department", "secretary"}
PRESS_WORDS = {"press", "media", "information"}
# Outlets known by their names or initials, lowercased (besides the wire services in OUTLETS).
OUTLET_NAMES = {"ap", "dpa", "pap", "cnn", "bbc", "cbs", "nbc", "abc", "yle", "nrk", "ntb", "svt", "err", "lrt", "lsm",
                "ukrinform", "unian", "ansa", "efe", "agerpres", "bta", "ctk", "mti", "hina", "kathimerini", "politico"}
# Words and marks stripped from the start of a statement's content: "that ...", "and ...", ": ...".
LEADING_JUNK = {"that", ",", "and", "but", "—", "-", ":", ";"}
# Words stripped from the end of a statement's content: a dangling "and", "but" or "that".
TRAILING_JUNK = {"and", "but", "that"}
# Documents named in the cue phrase when they are the cue's subject: "the statement read", "the communique said"
# (a part of DOCUMENTS).
READ_DOCUMENTS = {"statement", "communique", "communiqué", "declaration"}
# Prepositions after a cue that say where words were said: "said in a statement", "wrote on X".
CUE_VENUE_PREPOSITIONS = {"on", "in"}
# What words are said in, named in the cue: "said in a statement", "told in an interview".
SPEECH_OCCASIONS = {"statement", "post", "interview", "message", "communique"}
# Pronouns that can be the speaker of an attribution after the words: ", it said", ", they said", ", we said".
SPEAKER_PRONOUNS = {*PRONOUNS, "they", "we"}
# Verbs by which a speaker takes a stand on something named, the stand itself being the statement: "rejected the
# allegations", "condemned the incursion", "has protested over the overflight" (read by patterns/speech/*.json).
STANCE_VERBS = {"condemn", "reject", "deny", "denounce", "decry", "blame", "accuse", "criticise", "criticize", "slam",
                "dismiss", "rebuff", "protest", "deplore", "refute"}
# Prepositions that give a stance verb its target: "protested against the patrols", "protested over the overflight".
STANCE_PREPOSITIONS = {"against", "over", "at"}
# Verbs that with "the blame" for their object make a stance as "blame" does: "put the blame for the flights on X".
BLAME_PLACING = {"put", "lay", "place", "pin", "cast"}
# Verbs by which a speaker asks another to act: "called on Moscow to", "urged its allies to stay calm", "asked the
# government to".
APPEAL_VERBS = {"call", "urge", "ask", "press", "appeal", "implore"}
# Prepositions of an appeal: "called on X to", "called for talks", "appealed to X".
APPEAL_PREPOSITIONS = {"on", "for", "upon", "to"}
# Verbs that label what they name: "called the incursion a test", "described the flight as hostile".
LABELLING_VERBS = {"call", "describe", "brand", "label", "term", "characterise", "characterize"}

# --- Clauses: whether a sentence asserts what it says --------------------------------------------------------------

# Nouns a state owns that something enters: the subject of "its airspace was violated" is no intruder.
AIRSPACE_NOUNS = {"airspace", "territory"}
# Clause heads that deny, doubt or only threaten what their complement says ("without saying that ..."), or stage it
# in a drill ("the exercise simulated a hostile aircraft entering X airspace"). Not
# DENYING: that list holds only the speech verbs whose clause is what the speaker says did not happen.
DOUBTING_HEADS = {"deny", "reject", "dismiss", "refute", "insist", "rebuff", "dispute", "claim", "question", "threaten",
                  "vow", "pledge", "promise", "prevent", "deter", "consider", "weigh", "mull", "discuss", "fear",
                  "rule", "decide", "refuse", "without", "simulate", "rehearse", "practise", "practice"}
# Conjunctions that make a clause a condition: "if the incursions continued".
CONDITION_CONJUNCTIONS = {"if", "whether", "unless"}
# Modifiers that make an event noun hypothetical ("possible violations"), but hedge one report after "a": "the army is
# looking into a possible airspace violation by a helicopter on Monday".
HEDGING_MODIFIERS = {"possible", "potential"}
SINGLE_ARTICLES = {"a", "an"}
# Words that make an event noun many or hypothetical events: "repeated incursions", "any drone".
GENERIC_MODIFIERS = {"repeated", "multiple", "numerous", "frequent", "regular", "previous", "past", "earlier",
                     "further", "recent", "many", "several", "constant", "future", "possible", "potential", "any",
                     "such", "other", "ongoing", "persistent", "systematic", "dozens", "hundreds"}
# Pronouns by which a state that speaks says it asks: "X said it was triggering Article 4".
REQUESTER_PRONOUNS = {"it", "we"}
# Alliances whose airspace is their members': "NATO airspace over X" is X's.
ALLIANCE_WORDS = {"nato", "allied", "alliance"}
# Nouns that, under an alliance's or union's name, stand for one of its states: "the NATO member's airspace", "the EU
# member state's skies", "the alliance ally's airspace".
MEMBER_NOUNS = {"member", "ally", "state"}
# Blocs whose members are states, named on a member noun: "the NATO member", "an EU member state".
BLOC_WORDS = ALLIANCE_WORDS | {"eu", "asean"}
# Words that, after "and", repeat an event at a second date: "on Friday and again on Saturday".
AGAIN_WORDS = {"again"}
# Words that count what flew, not events: "several drones violated its airspace" is one report of several drones.
COUNTING_WORDS = frozenset({"several", "multiple", "dozens", "hundreds"})
# Nouns whose "of" makes events many: "a series of violations", "dozens of incursions".
GENERIC_COLLECTIVES = {"series", "string", "spate", "wave", "number", "history", "pattern", "dozens", "hundreds"}
# Nouns that "no" turns into a negation of the clause: "at no time did they enter", "at no point", "in no way".
NEGATIVE_OCCASIONS = {"time", "point", "way", "stage", "moment", "occasion"}
# Nouns of a trend, whose "in"/"of" makes events a tendency: "a rise in incursions", "an increase of violations".
TREND_NOUNS = {"rise", "increase", "surge", "spike", "uptick", "growth", "escalation", "decline", "drop", "upsurge"}
# Adverbs that add a companion to a list: "together with", "along with", "jointly with".
COMPANION_ADVERBS = {"along", "together", "jointly"}
# Verbs whose agent goes with the subject: "joined by", "backed by".
JOINING_VERBS = {"join", "back", "support", "accompany"}
# Words that negate the word they hang from: "never entered", "did not enter", "no intention".
NEGATIONS = {"never", "not", "no"}
# Prepositions that open a clause about an earlier event: "after drones crossed", "following the incursion".
AFTER_PREPOSITIONS = {"after", "following"}

# --- Article 4 requests --------------------------------------------------------------------------------------------

# Verbs and nouns of asking for consultations: "invoked Article 4", "Poland's request", "called for consultations".
ARTICLE4_REQUEST_WORDS = {"invoke", "request", "ask", "call", "seek", "trigger", "activate", "use", "demand",
                          "initiate", "convene"}
# What a request under Article 4 asks for; "article" and "meeting" only where the sentence names Article 4.
ARTICLE4_TOPICS = {"article", "consultation", "meeting", "talks", "session"}
ARTICLE4_NAMED_ONLY_TOPICS = {"article", "meeting"}
# Gatherings an article can say are held under Article 4: "the third session under Article 4 this year".
ARTICLE4_GATHERINGS = {"meeting", "session", "consultations", "talks"}
# Words that put a request in the forecast, not the record: "it was likely that X would invoke Article 4", "X is
# expected to ask for consultations", "a request is possible".
PREDICTING_WORDS = {"likely", "unlikely", "possible", "probable", "expect", "expected"}
# Modals of intent: "Norway would ask for consultations" is a request all the same.
INTENT_MODALS = {"will", "would", "shall"}
# Verbs by which an event makes a state do what follows: "prompting Denmark to invoke Article 4" (done), unlike
# "urged Estonia to invoke it" (only asked of it).
CAUSING_VERBS = {"prompt", "lead", "force", "push", "spur", "cause", "compel", "drive", "move", "trigger"}
# Verbs that make a request noun the request itself: "made the request", "submitted a formal request".
REQUEST_MAKING_VERBS = {"make", "submit", "lodge", "file", "put", "table", "send", "issue"}
# Words that stand for the consultations a sentence names: "requested them", "asked for it".
CONSULTATION_PRONOUNS = {"them", "it", "they", "these", "those"}
# Nouns by which a story that has named Article 4 calls it again: "Turkey has used the option twice".
ARTICLE4_ANAPHORS = {"option", "clause", "provision", "mechanism", "procedure"}
# Verbs whose object can only be a clause of a treaty: "it has invoked it once before", in a story naming Article 4.
ARTICLE4_INVOKING = {"invoke", "trigger", "activate"}
# The treaty's article called again by a demonstrative, in a story that has named Article 4: "this article was
# invoked twice" ("the article" may be the story itself, so only "this" or "that" points back to the treaty's).
ARTICLE4_SELF_NOUNS = {"article"}
POINTING_DETERMINERS = {"this", "that"}
# Marks after which a sentence lists what it has just counted: "invoked it several times: in 2003 and twice in 2012".
LIST_OPENERS = {":", "—", "–"}
# Prepositions that attach a request noun to who made it: "the request of Estonia", "a request by Poland".
REQUESTER_PREPOSITIONS = {"of", "by", "from"}

# --- Airspace violations and drone sightings -----------------------------------------------------------------------

# Nouns of entering airspace: "an incursion", "7 violations of Latvian airspace".
# A state's envoy summoned over a violation ("summoned Turkey's ambassador"): the state held responsible.
ENVOY_NOUNS = {"ambassador", "envoy", "chargé", "charge"}
SUMMONING_VERBS = {"summon", "convoke"}
# Who or what makes an incursion on the ground: "the incursion of X troops into Y territory" is no airspace violation.
GROUND_FORCES = {"troop", "troops", "soldier", "unit", "tank", "infantry", "battalion", "brigade", "militant", "rebel",
                 "commando", "vehicle", "column"}
VIOLATION_NOUNS = {"violation", "incursion", "intrusion", "breach", "infringement", "penetration", "overflight"}
# Verbs whose object is the airspace entered; "into" makes any other motion verb one.
ENTRY_VERBS = {"enter", "violate", "cross", "breach", "penetrate", "invade", "infringe", "overfly", "intrude",
               "infiltrate", "reenter", "re-enter", "incur", "encroach"}
# Verbs whose object is airspace but that report no entry into it: "left", "defended", "closed its airspace".
NON_ENTRY_VERBS = {"leave", "exit", "defend", "protect", "close", "reopen", "patrol", "police", "monitor", "guard",
                   "secure", "open", "restrict", "shut", "escort", "approach", "skirt", "threaten", "return", "clear",
                   "control"}
# Verbs whose object may be the state itself: "entered Poland", "overflew Lithuania".
STATE_ENTRY_VERBS = {"enter", "penetrate", "overfly"}
# Prepositions of a stay in airspace: "stayed in Estonian airspace for 12 minutes".
STAY_PREPOSITIONS = {"in", "inside", "within", "over", "through"}
# Verbs of leaving airspace: what left it had been inside.
LEAVING_VERBS = {"leave", "exit"}
# Adverbs of a habit, not of an event: "Russian jets repeatedly violate its airspace", "drones are increasingly
# used to carry goods across the border".
HABITUAL_ADVERBS = {"repeatedly", "regularly", "frequently", "often", "routinely", "constantly", "systematically",
                    "persistently", "increasingly"}
# Habitual adverbs that, on a past verb with a date, tell of events that happened in that time, not of a habit:
# "jets repeatedly crossed into its airspace on Sunday" (one report for the day), unlike "they regularly cross".
REPEATED_ADVERBS = {"repeatedly"}
# Possessives that stand for the airspace's owner: "its airspace", "our territory".
POSSESSIVE_PRONOUNS = {"its", "their", "our", "his", "her"}
# Possessives of a state or of what it flew: "Russia said its Su-24 had been shot down".
STATE_POSSESSIVES = {"its", "their"}
# Letters some outlets write for the apostrophe ("the ministryʼs"): the modifier letter apostrophe of Ukrainian spelling.
APOSTROPHE_LETTERS = {"\u02bc"}
# Nouns that stand for a state: "the country's airspace".
STATE_NOUNS = {"country", "nation", "state", "republic", "kingdom"}
# "each time", "every time", "on each occasion": the words by which a clause says what it gives as cause happened on
# every date its verb lists ("closed on Monday and Thursday, each time because of balloons ...").
DISTRIBUTIVE_DETERMINERS = {"each", "every"}
OCCASION_NOUNS = {"time", "occasion"}
# Nouns for a state's capital, whose airspace is the state's: "balloons entering the capital's airspace".
CAPITAL_NOUNS = {"capital"}
# Nouns that describe a place a name in apposition then names: "the Slovak capital, X", "the port city, Y".
NAMED_IN_APPOSITION = CAPITAL_NOUNS | {"city", "town", "village"}
# Verbs of what flew coming back: "they returned for a second night", "the drones reappeared over the base".
RETURN_VERBS = {"return", "reappear", "resurface"}
# Words by which a return is a way home, no coming back: "it returned to Russian airspace", "they flew back home".
HOMEWARD_WORDS = {"to", "towards", "toward", "home", "back", "homeward"}
# Pronouns that come back as what flew: "they returned", "it reappeared".
RETURNING_PRONOUNS = {"it", "they"}
# Pronouns that stand for what flew: "it entered", "drones, which crossed", "called it a provocation".
FLIER_PRONOUNS = {"it", "they", "which", "that", "who"}
# Prepositions of flying above a place: "over Aalborg", "above the base".
OVER_PREPOSITIONS = {"over", "above"}
# Subjects that deny there was any: "none of the aircraft had violated its airspace".
NEGATIVE_PRONOUNS = {"none", "neither", "nothing", "nobody"}
# Subjects that stand for anyone at all: "whoever enters our airspace will be shot down" reports no incident.
FREE_CHOICE_PRONOUNS = {"whoever", "whatever", "anyone", "anybody", "anything", "everyone", "everybody"}
# Determiners that make a flier anyone at all: "every aircraft that enters", "no drone entered".
FREE_CHOICE_DETERMINERS = {"every", "no"}
# Verbs by which a state flies something over a place: with a state for the flier, over another state's
# place, that is a violation, not a sighting ("accused Seoul of flying drones over its capital").
OVERFLYING_VERBS = {"fly", "pass", "drift", "float", "send", "launch", "hover", "circle", "spot", "see", "sight", "observe", "detect",
                    "track", "overfly"}
# Verbs of staying aloft in one spot, and the prepositions that place them: a drone that "hovered near the X town
# of Y" or "circled around the island" was over that ground, unlike jets that flew "near" a border.
HOVERING_VERBS = {"hover", "circle", "loiter"}
HOVERING_PREPOSITIONS = {"near", "around", "close", "by"}
# Verbs of flying into somewhere ("crosses into", "strays into"): their "-s" form may be read as a plural noun.
MOTION_VERBS = ENTRY_VERBS | {"fly", "stray", "drift", "cross", "enter"}
# Verbs that leave an airspace with "out of": "drifted out of X airspace", "headed out of it".
OUTWARD_VERBS = MOTION_VERBS | {"move", "head", "go", "float"}
# Verbs by which a state sends what flew: "Russia launched drones", "balloons floated by North Korea".
SENDING_VERBS = {"send", "launch", "float", "fly", "release", "dispatch", "fire", "use", "deploy"}
# Verbs whose subject is the state that flew what they name: "Moscow flew drones over X".
FLYING_VERBS = {"fly", "send", "launch"}
# Verbs that put something that flew down on the ground: a state's drone that crashed, fell or was found in
# another state had entered it ("a Russian drone crashed in eastern Latvia", "drones were found on its soil").
# What is left of something that came down, which stands for it: "debris of a drone was found".
REMAINS_NOUNS = {"debris", "wreckage", "fragment", "remains", "remnant", "part", "piece", "shard", "wreck"}
# Prepositions that tie remains to what they were: "debris of a drone", "fragments from a missile".
REMAINS_PREPOSITIONS = {"of", "from"}
CRASHING_VERBS = {"crash", "fall", "land", "explode", "impact", "crash-land"}
# Phrasal verbs of coming down, by verb and particle: "came down in a field", "blew up near the village".
CRASHING_PARTICLES = {"come": "down", "blow": "up"}
FINDING_VERBS = {"find", "discover", "recover", "collect", "retrieve", "locate"}
# Modifiers by which a phrase tells that what it names had come down already: "the wrecked drone", "the fallen balloon".
DOWNED_WORDS = {"downed", "crashed", "wrecked", "fallen", "destroyed", "shot"}
# Prepositions of where something came down: "crashed in a field", "found near the village".
GROUND_PREPOSITIONS = {"in", "on", "near", "at", "inside", "into", "onto"}
# Prepositions that attach a violation noun to the airspace violated: "a violation of its airspace", "an incursion
# into Polish airspace".
VIOLATED_PREPOSITIONS = {"of", "into", "in"}
# Prepositions that attach a violation noun to what entered: "a violation by Russian jets", "an intrusion of a drone".
INTRUDER_PREPOSITIONS = {"by", "of"}
# Prepositions that add named places to what was overflown: "the island of X", "several cities, including X".
OVERFLOWN_PREPOSITIONS = {"of", "including"}
# Prepositions whose objects are part of a place's phrase where something came down: "the town of X", "a farm in Y".
PLACE_PHRASE_PREPOSITIONS = {"of", "in"}
# Prepositions that name who is behind what a description calls something: "a provocation by X", "an attack from Y".
AUTHOR_PREPOSITIONS = {"by", "from"}
# The compass prefixes of states' names, lowercased: "South" of "South Korean airspace" names no state by itself.
DIRECTION_WORDS = {prefix.lower() for prefix in DIRECTION_PREFIXES}
# Verbs of seeing drones, or of what their sighting does: "spotted", "hovered", "shut the airport".
SIGHTING_VERBS = {"spot", "see", "sight", "observe", "detect", "notice", "note", "report", "hover", "fly", "circle",
                  "appear", "shut", "close", "block", "disrupt", "force", "halt", "suspend", "ground", "film",
                  "photograph"}
# Verbs of shooting at something ("fired at drones above the base", "shot at a drone"), with the prepositions that
# take the target; "opened fire on" is read with its object.
FIRING_VERBS = {"fire", "shoot"}
TARGET_PREPOSITIONS = {"at", "on"}
# Nouns of drones being seen: "drone sightings", "drone activity", "a separate sighting".
SIGHTING_NOUNS = {"sighting", "activity", "flight", "presence", "overflight", "incursion", "intrusion", "breach"}
# Verbs that bring something down with "down": "shot down", "brought down".
DOWNING_VERBS = {"shoot", "bring"}
# Verbs that bring a flying thing down by themselves, in military reports: "air defences destroyed a drone".
DESTROYING_VERBS = {"destroy", "neutralise", "neutralize"}
# The words that tell a flying thing was brought down, as a surface cue: "shot down", "downed", "destroyed".
DOWNING_CUES = DOWNING_VERBS | DESTROYING_VERBS | {"down"}
# A state's armed forces as the owner of what flew: "a helicopter of the Y navy".
ARMED_BODIES = {"force", "forces", "army", "navy", "military", "troops", "guard", "guards"}

# Who searches a state's own ground for what came down: its forces and bodies, and their people ("Latvian soldiers
# found debris"), unlike private people ("hikers found a drone"), who may be anywhere.
SEARCHING_BODIES = {"soldier", "crew", "ranger", "serviceman", "sapper", "authority", "official", "specialist"}

# Holidays on a fixed day of the year, by (month, day): "in the early hours of Christmas Day".
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
    "new year's day": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
}
FIXED_HOLIDAY = re.compile(r"\b(?P<name>%s)\b" % "|".join(re.escape(name) for name in sorted(FIXED_HOLIDAYS)))

# --- Runs of days: "closed for a second night in a row" -------------------------------------------------------------

# Ordinals that count the days of a run, and the parts of a day a run is counted in.
# Words that open each item of a list after a colon that spreads a number over places: "two drones fell: one near
# X, the other near Y".
LIST_ITEM_OPENERS = {"one", "another", "other", "second", "third", "fourth", "fifth", "last"}
RUN_ORDINALS: dict[str, int] = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                                "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7}
RUN_PERIODS = {"day", "night", "evening", "morning", "afternoon"}
# Ordinals that count incidents over a period: "the third such incident this month" (the month holds three).
SERIES_ORDINALS = {"first", *RUN_ORDINALS}
# "for the second evening in a row", "a third consecutive night", "for the second day running".
DAYS_IN_A_ROW = re.compile(r"\b(?P<ordinal>%s)\s+(?:(?P<consecutive>consecutive|straight)\s+)?(?P<period>%s)s?"
                           r"(?P<row>\s+(?:in\s+a\s+row|running))?\b"
                           % ("|".join(sorted(RUN_ORDINALS)), "|".join(sorted(RUN_PERIODS))), re.I)
RUN_CUES = {"row", "consecutive", "running", "straight"}
# "on two successive nights", "on three consecutive days": the words by which a count of periods counts occasions.
SUCCESSIVE_WORDS = {"successive", "consecutive", "straight"}
# What a run is of, when the text says: "a third straight night of hostilities" is not a run of the incident.
RUN_OF = re.compile(r"\s+of\s+(?:\w+\s+)?(?P<noun>\w+)")
RUN_EVENT_NOUNS = {"sighting", "incursion", "violation", "intrusion", "closure", "disruption", "drone", "balloon",
                   "overflight", "delay", "cancellation"}

# --- The focus pass ------------------------------------------------------------------------------------------------

# What an incident sentence names: something flying, whose airspace, a violation, Article 4.
INCIDENT_WORDS = (AIRSPACE_NOUNS | SOVEREIGNTY | BORDER_NOUNS | set(PLATFORMS) | HARDWARE | DRONE_MODIFIERS
                  | VIOLATION_NOUNS | RUN_CUES | {"sighting", "overflight", "overfly", "article", "consultation", "incident"}
                  | ARTICLE4_ANAPHORS | ARTICLE4_INVOKING | RETURN_VERBS)
# Verbs of speaking whose object is who was spoken to: "..., the minister, X, told reporters" (not a speaker).
ADDRESSING_VERBS = {"tell", "brief", "inform"}
# Texts of rules, which state what they provide but speak for no one: "according to Article 5, ...", "the treaty
# says any ally may ask".
LEGAL_TEXTS = {"article", "treaty", "charter", "constitution", "law", "clause", "provision", "paragraph", "protocol"}
# What a statement without quotation marks needs: a verb reporting speech, or "according to".
# Nouns of a speech act whose content a that-clause gives: "an announcement by the service that ...", "Finland's
# warning that ...".
SPEECH_NOUNS = {"announcement", "statement", "comment", "remark", "claim", "warning", "assertion", "assessment",
                "accusation", "admission", "assurance", "insistence", "pledge", "promise"}
# Participles that "as ... by" turns into an attribution like "according to": "as reported by the ministry, ...".
ATTRIBUTING_PARTICIPLES = {"report", "announce", "state", "confirm"}
SPEECH_WORDS = SPEECH_VERBS | STANCE_VERBS | APPEAL_VERBS | LABELLING_VERBS | SPEECH_NOUNS | {"according"}
# Verbs whose subject a speech act coordinated with them shares: "said in a statement and called on Moscow to ...".
STATEMENT_VERBS = QUOTING_VERBS | STANCE_VERBS | APPEAL_VERBS | LABELLING_VERBS
# Heads of the names of a state's own bodies: initials defined for "the Territorial Defence Staff"
# stand for a body of the article's state, unlike those of an international one.
NATIONAL_BODY_HEADS = {"ministry", "command", "forces", "army", "navy", "guard", "police", "staff", "headquarters",
                       "coastguard", "directorate", "inspectorate", "service"}
# Bodies a document can be named by ("a police statement", "a government communique"), unlike an event ("the summit
# communique", which names its organisation by other words).
DOCUMENT_ISSUERS = NATIONAL_BODY_HEADS | {"government", "embassy", "presidency", "cabinet", "department", "office"}
# Nouns by which a sentence refers to someone introduced before: "the minister", "the ministry", "the statement".
LINKING_NOUNS = frozenset(ROLE_WORDS | INSTITUTION_HEADS | DOCUMENTS | MOUTHPIECES)
# Words by which a sentence leans on the one before it: "he said", "it entered", "these".
ANAPHORS = PERSON_PRONOUNS | {"they", "it", "its", "their", "his", "her", "him", "them", "this", "these"}

# --- Disruption: drone sightings told by what they stopped (patterns/disruption.json) --------------------------------

# Verbs of stopping air traffic: "flights were suspended", "the airport was closed", "operations were disrupted".
DISRUPTION_VERBS = {"suspend", "close", "shut", "halt", "disrupt", "divert", "ground", "cancel", "stop", "restrict",
                    "interrupt", "delay", "pause"}
# Nouns of what an aircraft itself did, told as an event: "carried out a forced landing in X", "a low flight over Y".
FLIGHT_MOVE_NOUNS = {"landing", "flight", "overflight", "approach", "stopover", "touchdown"}
# Nouns of a stop to air traffic: "drones forced the closure of the airport".
DISRUPTION_NOUNS = {"closure", "suspension", "shutdown", "halt", "diversion", "cancellation", "grounding",
                    "disruption", "stoppage"}
# Prepositions that give a disruption its cause: "closed after drone sightings", "halted due to reports of drones".
CAUSE_PREPOSITIONS = {"after", "following", "due", "because", "amid"}
# What a disruption's cause names when drones stopped traffic: "drones", "drone sightings", "reports of UAVs".
DISRUPTION_CAUSES = {"drone", "uav", "sighting", "balloon"}
# Verbs whose subject stopped something: "drone sightings prompted the authorities to close the airspace".
DISRUPTING_VERBS = {"prompt", "force", "cause", "lead", "shut", "close", "halt", "disrupt", "ground", "suspend"}
# What a stop to air traffic stops: "flights were halted", "the airport closed its airspace", "operations at the base
# were suspended".
AIR_TRAFFIC_WORDS = {"flight", "traffic", "airport", "airfield", "airspace", "runway", "departure", "arrival",
                     "operation", "takeoff", "landing", "aerodrome", "airstrip"}

# --- Repetition: "drones were spotted twice over the base" reports two sightings ------------------------------------

# Adverbs of how many times something happened.
REPETITION_ADVERBS: dict[str, int] = {"twice": 2, "thrice": 3, "once": 1}
# Verbs of seeing, whose repetition is another sighting (not "suspended twice": one stop in two parts).
SEEING_VERBS = {"spot", "see", "sight", "observe", "detect", "notice"}
# Verbs of following an intruder by radar or eye: "radar crews tracked the fighters for an hour on Monday" tells, like a verb
# of seeing, the day the intruder reported was there.
TRACKING_VERBS = {"track", "shadow"}

# --- Claims: "X claimed that Y's jets violated its airspace" reports the violation X claims -------------------------

# Heads of a claim: doubting for other rules, but a state's claim of a violation is the violation as it reports it.
CLAIMING = {"claim", "allege"}
# Adjectives that make airspace the article's state's own: "violated national airspace".
NATIONAL_WORDS = {"national", "sovereign"}

# --- Spellings: one word written as two ----------------------------------------------------------------------------

# Two-word spellings of one word, by their lowercased words, and the one word's lemma: "violated the country's air space".
SPLIT_SPELLINGS: dict[tuple[str, str], str] = {("air", "space"): "airspace"}
# Plurals the lemmatizer gives another noun's lemma ("air bases" read as "basis"), or a verb's ("the remains of a
# drone" read as "remain"), by the lowercased word of a noun: the rules that know a place, or what is left of a
# drone, by its noun read the right one.
PLURAL_LEMMAS: dict[str, str] = {"bases": "base", "airbases": "airbase", "remains": "remains"}
# Verbs by which a state holds airspace: "the airspace controlled by the X authorities" is X's.
CONTROLLING_VERBS = {"control", "administer", "govern", "hold"}
# Nouns of people and their part in something: a state that modifies one ("Russian citizens", "Russian involvement",
# "the US House speaker") says whose they are, not where drones were seen.
PEOPLE_NOUNS = {"citizen", "national", "resident", "tourist", "man", "woman", "people", "involvement", "role", "link",
                "hand", "house", "speaker", "delegation", "visitor", "student", "journalist"}
# Words that make an intruder one of a kind told before: "a similar drone entered ... from X" was the earlier state's.
LIKE_WORDS = {"similar", "same", "identical", "comparable"}
# Continents and world regions: wider than any state, so never where in one an incident was.
CONTINENTS = {"europe", "asia", "africa", "america", "north america", "south america", "latin america",
              "middle east", "oceania", "eurasia", "scandinavia", "the balkans", "balkans", "baltics"}
# Time zones and military time: "at 2100 GMT", "as of 0330 Zulu" name a time of day, never a place.
# A time of day written as digits: "9:45pm", "14:20", "7.15am" (the tagger may take one for a proper noun).
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?", re.I)
TIME_ZONES = {"gmt", "utc", "zulu", "cet", "cest", "eet", "eest", "bst", "est", "edt", "pst", "pdt", "jst", "kst"}
# Words of open water: something brought down over the sea was not shown to be in anyone's airspace.
WATER_WORDS = {"sea", "ocean", "mediterranean", "gulf", "strait", "bay", "waters", "channel", "atlantic", "pacific"}
# Water words that name open sea between or beside states, never inside one: "the X Strait", "the Y Sea", "the Gulf
# of Z" (a bay or a state's waters may be its own).
OPEN_WATER_WORDS = {"sea", "ocean", "gulf", "strait", "channel"}
# Water that runs through and between states: "the X river" is often named like a town on it, in one of them.
RIVER_WORDS = {"river"}

# --- Background lists (patterns/background.json) --------------------------------------------------------------------

# Nouns of incidents like the one a story reports: "similar incidents", "similar sightings", "comparable disruptions".
SIMILAR_EVENT_NOUNS = {"incident", "sighting", "disruption", "closure", "incursion", "violation", "intrusion",
                       "event"}
# A lag back from the event a sentence measures against: "a similar event at X two days earlier".
LAG_BEFORE = re.compile(r"\b(?P<number>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week)s?"
                        r"\s+(?:earlier|before)\b", re.I)
# Words that open a list of examples: "other airports, including A and B".
LISTING_WORDS = {"including"}
# Verbs by which an event is placed in time: "the previous incursion occurred in May", "which took place in 2019".
OCCURRENCE_VERBS = {"occur", "happen", "take"}
# Nouns by which a story calls back the incident it reported: "the incident happened near X on Monday".
RETOLD_EVENT_NOUNS = VIOLATION_NOUNS | {"incident", "sighting"}
# Words that make an incident one before the story's own: "the previous violation", "such intrusions, which ...".
EARLIER_WORDS = {"previous", "last", "earlier", "prior", "such", "those"}
# Words by which news measures its event against the one before it: "the first incursion since May 2021, when ...".
FIRST_WORDS = {"first"}
# A dateline at the head of a paragraph: a place in capitals, its region or a date after a comma, the agency in
# brackets, then a dash ("OSLO —", "SPRINGFIELD, Ill. (AP) —", "LISBON, March 3 --").
DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][\w.']*(?: [A-Z0-9][\w.']*){0,2}){0,2}"
                      r"(?: ?\([A-Za-z/ ]{1,30}\))? ?(?:\u2014|\u2013|--|-)(?=\s)")
# Vague recency that dates an event only roughly: "recently accused", "just days after", "earlier this week"; the
# month of publication, when the month is far enough along to hold it.
RECENT_PHRASES = re.compile(r"\b(recently|days (?:after|before|ago|earlier)|earlier this week|this week)\b", re.I)
RECENT_MONTH_MIN_DAY = 8  # before this day of the month, "recently" may well be last month
