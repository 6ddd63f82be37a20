"""Named places of a sentence: "near Utö island", "over Lapland", "west of Bornholm", "in Oslo, Norway".

A place is the object of a locative preposition that names something (a proper
noun, or "the Syrian border"), with its "of" phrase ("the village of X"). A bare
state name ("over Poland") locates nothing within that state, but tells a drone
sighting which state it was in.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from streams.extraction.airports import airport_countries
from streams.extraction.lexicon import (ARMED_BODIES, BACKDROP_NOUNS, ADMINISTRATIVE_UNITS, AIRFIELD_HEADS, BODIES, BORDER_NOUNS, CLOCK_TIME, DESTINATION_PREPOSITIONS,
                                        DIRECTIONS,
                                        EVENT_NOUNS, FLIGHT_MOVE_NOUNS, HARDWARE, LOCATIVE_PREPOSITIONS, PLACE_NAME_PREPOSITIONS,
                                        CONTINENTS, GENERIC_NAME_WORDS, PLACE_NOUNS, SITE_HEADS, SITE_PREPOSITIONS,
                                        SITE_WORDS, SPEAKING_VERBS, STATE_ENTRY_VERBS, NAMED_IN_APPOSITION, OPEN_WATER_WORDS, RIVER_WORDS, TIME_ZONES,
                                        VICINITY_NOUNS,
                                        WATER_WORDS)
from streams.extraction.nlp import entities
from streams.extraction.places import country_code, is_state_name, place_countries, place_country

NOT_PLACES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "LAW"}


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a sentence; name is None for a state's own name ("in Denmark")."""

    name: str | None
    country: str | None
    token: Token
    preposition: str


def _named(obj: Token) -> bool:
    """Whether a prepositional object names a place: a proper noun, or a place noun ("island", "border", "village")
    that a name or nationality goes with ("the village of X", "the Syrian border")."""
    if obj.ent_type_ in NOT_PLACES or any(t.lower_ in TIME_ZONES or CLOCK_TIME.fullmatch(t.text) for t in obj.subtree):
        return False  # "at around 2100 GMT", "around 9:45pm": a clock time the tagger did not mark as one
    if obj.lemma_.lower() in BODIES:
        return False  # "including the State Police": a body of people, not a place
    if obj.pos_ == "PROPN":
        return True
    words = [t for t in obj.subtree if t.i <= obj.i or t.head.lower_ == "of" or t.lower_ == "of"]
    named = any(t.pos_ == "PROPN" and t.ent_type_ not in NOT_PLACES for t in words)
    if obj.lemma_.lower() in ADMINISTRATIVE_UNITS and _of_name(obj) is not None:
        return True  # "the northern state of X": a unit of a state, named
    return obj.lemma_.lower() in PLACE_NOUNS and (named or any(t.ent_type_ in {"NORP", "GPE"} for t in words))


def _of_name(obj: Token) -> str | None:
    """The proper name of an "of" phrase, whole even when the tagger split it at a hyphen: "the state of X-Y"."""
    for child in obj.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            target = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if target is not None:
                return obj.doc[target.left_edge.i: target.i + 1].text
    return None


def _extent(obj: Token) -> list[Token]:
    """The words of a place phrase: its modifiers, and an "of"/"with" phrase ("the village of X",
    "the border with Y")."""
    tokens = list(obj.doc[obj.left_edge.i: obj.i + 1])
    for child in obj.rights:
        if child.dep_ == "prep" and child.lower_ in PLACE_NAME_PREPOSITIONS:
            # "the fishing town of X, which sits on Y": the clause (or aside) on the name describes it, whole
            aside = {t.i for t in child.subtree if t.dep_ in {"relcl", "acl", "appos"} for t in t.subtree}
            tokens += [t for t in child.subtree if t.i not in aside and t.text != ","]
            break
    while tokens and tokens[0].pos_ in {"ADP", "PUNCT", "CCONJ"}:
        tokens = tokens[1:]
    return tokens


def whole_name(token: Token) -> str:
    """A name of several words read whole from its last word: "New York", not York; "New Hampshire", not Hampshire."""
    first = min((c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()),
                default=token.i)
    return token.doc[first: token.i + 1].text if token.text[:1].isupper() else token.text


def site_locators(site: Token) -> list[Token]:
    """The names that say where a site is: its own (:func:`own_site_locators`), or, where the parser hangs the place
    on the verb ("flew over the US base in Y"), the verb's "in" and a place of a known state."""
    found = own_site_locators(site)
    if found or site.dep_ != "pobj" or site.head.dep_ != "prep":
        return found
    return [o for c in site.head.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i != site.head.i
            for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and place_country(whole_name(o))]


def own_site_locators(site: Token) -> list[Token]:
    """The names a site's own phrase locates it by: "in X" or "at X" ("the American air base at X in Y": both)."""
    found = [o for c in site.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
             for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    return found + [o for name in found for c in name.children if c.dep_ == "prep" and c.lower_ == "in"
                    for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]


def _country(obj: Token, name: str) -> str | None:
    """The state a place lies in: by its name, a state or town among its words ("Copenhagen Airport", "Tampere
    airport"), or "X in Denmark" / "Oslo, Norway". A sea named after a state ("the Gulf of X", "the Sea of Y") lies
    off its coast, in no one state. Last, an airport or air base no town of the gazetteer places ("Gatwick",
    "Kleine-Brogel air base", "Billund airport"): news names fields by their own names and by small towns, and the
    register of airports knows both."""
    if obj.lemma_.lower() in BORDER_NOUNS:
        return _border_side(obj)
    if obj.lemma_.lower() in OPEN_WATER_WORDS and not _stated_state(obj, "appos"):
        return None  # "the X Strait", "the Sea of Y": open water beside the states it is named by, in none
    if obj.lemma_.lower() in RIVER_WORDS:
        # "near the X river": a river runs through and between states, and its name, often a town's on its banks
        # (in a neighbour, upstream), places it in none; only words of its own ("the X river in Y", "Y's X river") do
        return _stated_state(obj, "appos") or _stated_state(obj, "poss")
    of_name = _of_name(obj) if obj.lemma_.lower() not in WATER_WORDS else None
    code = _named_alternative(obj) or place_country(name) or (place_country(of_name) if of_name else None) or next(
        (code for t in obj.subtree if t.pos_ == "PROPN" and t.i <= obj.i and not _inside_a_name(t)
         for code in [place_country(whole_name(t))] if code), None)
    if code:
        return code
    return _stated_state(obj, "appos") or _airfield_state(obj, name)


def _inside_a_name(token: Token) -> bool:
    """ "Alta" of "Alta Vista Solar Station": a word that opens a longer proper name is read with the
    rest of it (:func:`whole_name`, from its last word), never alone as a town of its own; a name before a generic
    word ("Copenhagen Airport", "Tallinn Harbour") is read by itself."""
    head = token.head
    return token.dep_ == "compound" and head.pos_ == "PROPN" and head.i > token.i and (
        head.lower_ not in SITE_WORDS and head.lower_ not in GENERIC_NAME_WORDS)


def _border_side(border: Token) -> str | None:
    """The side of a border a place on it lies on. A border is two states' line: "near the border with X" and
    "close to the X border" name the neighbour across it, and news tells of what happened on the side of the state
    telling ("troops shot down a drone near the border with X": in the troops' state). Only a possessive ("Y's border
    with X") or an "in" phrase says which side; else the sentence's other places and states do."""
    return _stated_state(border, "poss")


def _stated_state(place: Token, beside: str) -> str | None:
    """The state a place's own words say it is in: one named by an "in" phrase ("X in Denmark", "the border in
    Y") or by the word that stands beside the place in the way ``beside`` gives ("appos": "Oslo, Norway"; "poss":
    "Y's border with X"). A place and a border share it because both are told where they lie in the same words."""
    for child in place.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            target = child if child.dep_ == beside else None
        if target is not None and is_state_name(target.text):
            return place_country(target.text)
    return None


def _named_alternative(obj: Token) -> str | None:
    """ "German police said drones flew over Hanover": a name that is a province of one state and a town of another
    lies in the one its sentence names; None where it names neither (the name's first reading stands)."""
    for word in [obj, *obj.lefts]:  # "Hanover", "Hanover airport"
        chosen = _sentence_choice(place_countries(word.text), obj) if word.pos_ == "PROPN" else None
        if chosen:
            return chosen
    return None


def name_country(token: Token, text: str) -> str | None:
    """The state a name in a sentence lies in: of the states the name may lie in, the one its sentence names, else
    its first reading (:func:`.places.place_country`)."""
    return _sentence_choice(place_countries(text), token) or place_country(text)


def _sentence_choice(candidates: frozenset[str], token: Token) -> str | None:
    """Of several states a name may be in, the one the sentence of ``token`` names, if it names exactly one."""
    named = candidates & _sentence_states(token) if len(candidates) > 1 else set()
    return next(iter(named)) if len(named) == 1 else None


def _sentence_states(token: Token) -> set[str]:
    return {code for ent in token.sent.ents if ent.label_ in {"GPE", "NORP"} and ent.root != token
            for code in [country_code(ent.text)] if code}


def _airfield_state(obj: Token, name: str) -> str | None:
    """The state of the airfield a place names, or, of the states of the fields so named ("Bergen airport" in two
    states), the one its sentence names: "Norwegian police said drones were seen over Bergen airport"."""
    candidates = airport_countries(name, obj.lemma_.lower() in AIRFIELD_HEADS)
    return next(iter(candidates)) if len(candidates) == 1 else _sentence_choice(candidates, obj)


def _appositive_name(obj: Token) -> Token | None:
    """ "in the Slovak capital, X", "near the port city, Y": a capital or settlement described, then named in
    apposition, is the place its name says."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in NAMED_IN_APPOSITION:
        return None
    return next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and place_country(whole_name(c))),
                None)


def _place(obj: Token, preposition: str, prefix: str = "") -> Place | None:
    named_as = _appositive_name(obj)
    if named_as is not None:  # the described noun stands in the clause; the name says which place
        name = whole_name(named_as)
        return Place(name=f"{prefix}{name}", country=place_country(name), token=obj, preposition=preposition)
    if not _named(obj):
        return None
    tokens = _extent(obj)
    if not tokens:
        return None
    text = obj.doc[tokens[0].i: tokens[-1].i + 1].text
    if text.lower().removeprefix("the ") in CONTINENTS:
        return None  # "drone flights across Europe": wider than any state, so no place in one
    name = None if is_state_name(text) else f"{prefix}{text}"
    return Place(name=name, country=_country(obj, text), token=obj, preposition=preposition)


def subject_place(verb: Token) -> Place | None:
    """The place a clause's subject names, when it names one by an "of" phrase: "the port of X halted traffic"."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    of_name = _of_name(subject) if subject is not None and subject.pos_ == "NOUN" else None
    if subject is None or of_name is None or place_country(of_name) is None or (
            subject.lemma_.lower() in BACKDROP_NOUNS):  # "X's invasion of Y has put Z on alert": a war, no place
        return None
    tokens = _extent(subject)
    text = subject.doc[tokens[0].i: tokens[-1].i + 1].text
    return Place(name=text, country=place_country(of_name), token=subject, preposition="")


def _of_an_event(token: Token) -> bool:
    """Whether a place belongs to an event its clause mentions ("an attack on ... across the Danube"), not to the
    aircraft nearer to it ("a wave of drone flights over X": the flights were over X), nor to a war the clause it is
    in tells of ("since the conflict erupted in X": the war's place, which dates the news)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "nsubj" and c.lemma_.lower() in BACKDROP_NOUNS and not _of_aircraft(c)
                       for c in ancestor.children)
        if _of_aircraft(ancestor):
            return False
        if ancestor.lemma_.lower() in EVENT_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "at"
                                                               for c in ancestor.children):
            return True  # not "operations at the airport": what goes on at a site is no other event
    return False


def _of_aircraft(noun: Token) -> bool:
    """Whether a noun names aircraft or their flights: "drones", "drone flights"."""
    return noun.lemma_.lower() in HARDWARE or any(c.dep_ == "compound" and c.lemma_.lower() in HARDWARE
                                                  for c in noun.children)


def destination(token: Token) -> bool:
    """Whether a name is where something went, one of a list or alone: "diverting flights to Riga, Helsinki and
    Tartu", "flights towards Oslo". Not "close to X", which places."""
    while token.dep_ == "conj":
        token = token.head
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in DESTINATION_PREPOSITIONS and prep.head.lower_ != "close"


def places(span: Span) -> list[Place]:
    """The places a sentence names after locative prepositions, in order; not those of another event."""
    found: list[Place] = []
    for token in span:
        if token.dep_ == "dobj" and token.head.lemma_.lower() in STATE_ENTRY_VERBS and (
                token.lemma_.lower() in ADMINISTRATIVE_UNITS and not is_state_name(token.text)):
            # "the jets entered X's northern Y province": what was entered is where, as "into Y province" is
            found += [p for p in [_place(token, "into")] if p is not None]
            continue
        if token.dep_ != "pobj" or _of_an_event(token):
            continue
        prep = token.head
        if prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS:
            place = _place(token, "of", f"{prep.head.text} of ")
        elif prep.lower_ == "of" and _vicinity(prep.head):
            place = _place(token, prep.head.head.lower_)  # "on the outskirts of the village of X": at X
        elif operated_site(token):
            continue  # "over the U.S. Air Force base in X": the town names the base, in its own "in" phrase
        elif prep.lower_ == "in" and named_site(prep.head) is not None and not operated_site(prep.head):
            place = named_site(prep.head)  # "X Air Force Base in Ohio": at the base, which lies in Ohio
        elif prep.lower_ in LOCATIVE_PREPOSITIONS and not (prep.lower_ == "to" and prep.head.lower_ != "close"):
            place = _place(token, prep.lower_)
        elif prep.lower_ in SITE_PREPOSITIONS and prep.head.lemma_.lower() in PLACE_NOUNS:
            place = _place(token, prep.lower_)  # "the base on X": not "said on X", "the attack on Y"
        else:
            place = None
        if place is not None:
            found += _each_named(place)
    return found


def _vicinity(noun: Token) -> bool:
    """Whether a noun names the edge or surroundings of the place its "of" phrase names, itself placed by a locative
    preposition: "on the outskirts of X", "in the vicinity of Y" place what happened at X and Y."""
    prep = noun.head
    return noun.lemma_.lower() in VICINITY_NOUNS and noun.dep_ == "pobj" and (
        prep.lower_ in LOCATIVE_PREPOSITIONS | SITE_PREPOSITIONS)


def operated_site(site: Token) -> bool:
    """ "the U.S. Air Force base in X", "the NATO air base in Y": a site named only by who runs it (initials, a
    state, an armed force) is called by the town an "in" phrase places it in."""
    if site.lemma_.lower() not in SITE_HEADS:
        return False
    town = next((o for c in site.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                 if o.dep_ == "pobj" and o.pos_ == "PROPN" and not is_state_name(o.text)), None)
    names = [t for t in site.subtree if t.i < site.i and t.pos_ == "PROPN"]
    return town is not None and bool(names) and all(_operator_word(t) for t in names)


def _operator_word(token: Token) -> bool:
    """A word of who runs a site: initials ("NATO", "U.S."), a state, or an armed force ("Air Force")."""
    return token.text.isupper() or "." in token.text or is_state_name(token.text) or token.lemma_.lower() in ARMED_BODIES \
        or (token.head.lemma_.lower() in ARMED_BODIES and token.head.pos_ == "PROPN")


def named_site(site: Token) -> Place | None:
    """A site named by a proper name before its site noun ("X Air Force Base", "Y Airport"), as a place."""
    names = [c for c in site.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
    if site.lemma_.lower() not in SITE_HEADS or not names or all(is_state_name(t.text) for t in names):
        return None
    text = site.doc[min(t.left_edge.i for t in names): site.i + 1].text
    return Place(name=text, country=_country(site, text), token=site, preposition="")


def _each_named(place: Place) -> list[Place]:
    """ "at the Tallinn and Helsinki airports": one site per name coordinated before a plural site noun, each in
    its own state; any other place as it is."""
    names = [t for c in place.token.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
             for t in [c, *(x for x in c.children if x.dep_ == "conj" and x.pos_ == "PROPN")]]
    if place.token.tag_ != "NNS" or len(names) < 2:
        return [place]
    return [Place(name=t.text, country=place_country(t.text), token=t, preposition=place.preposition) for t in names]


def facilities(span: Span) -> list[Place]:
    """Airports, bases and other facilities a sentence names anywhere: "Copenhagen Airport suspended flights"."""
    found = []
    for ent in entities(span):
        if ent.label_ == "FAC" and not _of_an_event(ent.root):
            found.append(Place(name=ent.text, country=_country(ent.root, ent.text), token=ent.root, preposition=""))
    return found


def _fits_incident(place: Place) -> bool:
    """ "in" locates the event only on a verb that is not a speaker's ("the ministry in Bucharest said" does not)."""
    prep = place.token.head
    if place.preposition == "in":  # "struck a facility in the village of X": a place so named is one anywhere
        named_as_place = place.token.lemma_.lower() in PLACE_NOUNS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in place.token.children)
        within = prep.head.lemma_.lower() in PLACE_NOUNS  # "the border in X": a place within a place
        moved = prep.head.lemma_.lower() in FLIGHT_MOVE_NOUNS  # "carried out a forced landing in X": the aircraft's
        return named_as_place or within or moved or (prep.head.pos_ == "VERB"
                                                     and prep.head.lemma_.lower() not in SPEAKING_VERBS)
    if place.preposition == "at":  # "at the airport", "the base at Karlsborg"; not "at talks"
        return (place.token.lemma_.lower() in PLACE_NOUNS or place.token.ent_type_ in {"FAC", "LOC"}
                or (place.token.ent_type_ == "GPE" and prep.head.lemma_.lower() in PLACE_NOUNS))
    return True


def regional(place: Place) -> bool:
    """ "southern Sweden", "eastern Poland", "south of Tartu": a part of a state or a bearing from a place,
    less telling than any place named in it; so is a sea ("islets in the Sea of X" are where it happened) and a
    border, a line hundreds of miles long ("at the border in X": X is where)."""
    return (_regional_words((place.name or "").split())
            or place.token.lemma_.lower() in WATER_WORDS | BORDER_NOUNS)


def broad(name: str) -> bool:
    """A region rather than a site: "eastern Latvia", "north of Kaunas", "the northern prefecture of Aomori",
    "Vidin province". Another sentence that names a town, island or airport in it places the incident better. A
    place named with the region it lies in ("the village of X in Y County") is the place, not the region."""
    words = name.split(" in ")[0].split()
    return _regional_words(words) or any(word.lower() in ADMINISTRATIVE_UNITS | WATER_WORDS for word in words)


def _regional_words(words: list[str]) -> bool:
    if len(words) > 2 and words[0].lower() in DIRECTIONS and words[1] == "of":
        return True  # "south of Tartu": where, relative to a better known place
    return len(words) == 2 and words[0].lower().rstrip("n").removesuffix("er") in DIRECTIONS and is_state_name(
        words[1])


def _modifier_state(place: Place) -> str | None:
    """The state a place's modifiers name: "the Ukrainian port of Kiliia" lies in Ukraine (a border, "the Syrian
    border", need not)."""
    if place.token.lemma_.lower() in BORDER_NOUNS:
        return None
    river = place.token.lemma_.lower() in RIVER_WORDS  # "the X river": X is its name, not a town it lies in
    return next((place_country(t.text) for t in place.token.lefts if t.ent_type_ in {"NORP", "GPE"}
                 and place_country(t.text) and not (river and not is_state_name(t.text))), None)


def location_in(span: Span, scope: list[Token], victims: set[str], scope_only: bool = False) -> str | None:
    """Where an incident happened: the first named place in the trigger's clause (scope), a site before a region
    ("north of X" in the clause before "over Y" in a clause about what the intruder did next), else (unless
    scope_only) in the sentence.

    The victim state's own name, and places in other states ("flying over Ukraine"), are no location.
    """
    inside = {t.i for t in scope}
    candidates = [p for p in places(span) if p.name and _fits_incident(p)
                  and (p.country or _modifier_state(p)) in victims | {None}
                  and (not scope_only or p.token.i in inside)]
    candidates.sort(key=lambda p: (p.token.i not in inside, regional(p), p.token.i))
    return candidates[0].name if candidates else None


def site_named(span: Span, victims: set[str], borders: bool = True) -> str | None:
    """A place a sentence names anywhere, for an incident its own clause does not place: "the runway at X Airport
    stayed shut after a drone was seen" is at X Airport, whatever the clause of the sighting says. A facility or a
    place after a locative preposition in a victim state (or no known state), a site before a region; not a border
    unless borders (a headline's "near X border" is the body's "near the border with X", which places nothing)."""
    candidates = [p for p in [*places(span), *facilities(span), *_proper_sites(span)] if p.name and _fits_incident(p)
                  and (p.country or _modifier_state(p)) in victims | {None}
                  and (borders or p.token.lemma_.lower() not in BORDER_NOUNS)]
    candidates.sort(key=lambda p: (regional(p), p.token.i))
    return candidates[0].name if candidates else None


def _proper_sites(span: Span) -> list[Place]:
    """Sites named by a proper name before a site noun ("X Airport", "Y Air Base"), whatever entity the tagger made
    of them (a person, an organisation); not a state's own ("Denmark's biggest base")."""
    return [site for token in span for site in [named_site(token)] if site is not None]
