"""Drone sightings: drones seen over a state's territory, with no state named for them.

"Drones were spotted near Copenhagen Airport", "drone sightings shut the airport",
"Danish police said drones had been observed over Aalborg Airport": one mention per
sighting clause and state. The state comes from the place named (an airport, a
capital, "in Denmark") or from the authority that reports it ("Danish police").
Drones a state is named for, or said to come from, seen in another state are a
violation of that state's airspace ("an X military drone was spotted near Y Airport");
seen in their own, nothing.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from streams.extraction.airports import airport_countries
from streams.extraction.clauses import base_form, doubted, governing_verb, in_backdrop, negated, state_of
from streams.extraction.dates import clause_date, date_near, days_told
from streams.extraction.lexicon import (ACCUSING, AIRBORNE_WORDS, HOSTILE_ACT_NOUNS, ANOTHER, APPEARANCE_VERBS, BORDER_NOUNS,
                                        CAUSE_PREPOSITIONS, DEFENCE_ZONE_NOUNS, DEFENCE_ZONE_WORDS, DEFINITE, DOWNING_VERBS,
                                        EDGE_NOUNS, FIRING_VERBS,
                                        OFFSHORE_PREPOSITIONS, OPEN_WATER_WORDS, PEOPLE_NOUNS,
                                        PLACE_NOUNS, PROXIMITY, ROLE_WORDS, SEEING_VERBS, SIGHTING_NOUNS,
                                        SIGHTING_VERBS, SITE_HEADS, SPEAKING_VERBS, STATE_NOUNS, TARGET_PREPOSITIONS, UNKNOWN,
                                        VIOLATION_NOUNS)
from streams.extraction.locations import (Place, destination, facilities, location_in, name_country, operated_site, places, regional,
                                          own_site_locators, site_locators, subject_place, whole_name)
from streams.extraction.mentions import Context, Mention
from streams.extraction.model import FuzzyDate
from streams.extraction.nlp import entities
from streams.extraction.numbers import repetitions, successive_periods
from streams.extraction.places import is_state_name, place_country
from streams.extraction.platforms import Phrase, is_platform_word


def _sighting_clause(phrase: Phrase, unidentified: bool = False) -> Token | None:
    """The word that says the drones were seen: "drones were spotted", "drone sightings shut the airport",
    "reports of drones"; None when the drones are not said to be seen. A drone brought down is one seen when it is
    called unidentified, or when the story has told of unidentified drones already (unidentified: "an unidentified
    drone was shot down near the border ... Jets shot down a drone in the same province in 2019")."""
    head = phrase.head
    flying = _flying_participle(head)
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "a swarm of drones was seen", "a group of drones was seen"
    if head.dep_ == "compound" and head.head.lemma_.lower() in SIGHTING_NOUNS:
        if negated(head.head) or _tallied(head.head):
            return None  # "17 and 14 drone sightings in 2021 and 2020, respectively"
        return governing_verb(head.head) or head.head
    verb = head.head if head.dep_ in {"nsubj", "nsubjpass", "dobj"} else _appeared_to_be(head)
    if verb is None and head.dep_ == "pobj" and head.head.head.pos_ == "VERB":
        verb = head.head.head
    if negated(head) or (verb is not None and doubted(verb)):
        return None
    if verb is None:
        return _relative_sighting(head) or _reduced_relative(head) or flying
    if verb.lemma_.lower() in SIGHTING_VERBS or (_downed(verb) and (
            unidentified or any(t.lower_ in UNKNOWN for t in head.lefts))):
        return verb
    if _fired_at(head, verb):
        return verb
    seen = next((c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in SIGHTING_VERBS
                 and c.tag_ == "VBN" and not doubted(c)), None)
    if seen is not None:
        return verb  # "drones seen near the runway stopped flights"
    return _relative_sighting(head) or _reduced_relative(head) or flying


def _fired_at(head: Token, verb: Token) -> bool:
    """ "Soldiers fired at drones above the base", "police opened fire on a drone over the airport", "guards shot at
    the drones": drones shot at were there to be seen."""
    return head.dep_ == "pobj" and head.head.lower_ in TARGET_PREPOSITIONS and head.head.head.i == verb.i and (
        verb.lemma_.lower() in FIRING_VERBS or (verb.lemma_.lower() == "open" and any(
            c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)))


def _appeared_to_be(head: Token) -> Token | None:
    """ "What appeared to be drones were seen over the base", "guards saw what looked like a drone": a free relative
    hedges what was seen and stands where the drones would; the clause it stands in is theirs."""
    node = head
    for _ in range(3):
        node = node.head
        if node.lemma_.lower() in APPEARANCE_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ == "what" for c in node.children):
            return node.head if node.dep_ in {"csubj", "csubjpass", "nsubj", "nsubjpass", "ccomp", "dobj"} else None
    return None


def _reduced_relative(head: Token) -> Token | None:
    """ "Soldiers fired at drones sighted above the base", "used weapons against drones spotted over X": a participle
    of seeing right after the drones, with no subject of its own, says where they were seen, though the parser may
    hang it on a verb above them (as a clause of its own) or read it as a past tense."""
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is None or following.head not in [head, *head.ancestors] or doubted(following) or (
            following.dep_ not in {"advcl", "xcomp", "ccomp", "acl"}):
        return None
    if following.lemma_.lower() not in SEEING_VERBS or following.tag_ not in {"VBD", "VBN"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in following.children):
        return None
    return following if any(c.dep_ == "prep" for c in following.children) else None  # "spotted nearby": the clause
    # it hangs on places them ("flights at X were disrupted due to drones spotted nearby")


def _relative_sighting(head: Token) -> Token | None:
    """ "Police are hunting whoever flew the drones that hovered over X", "claims that Y was behind the drones that
    flew over Z": where the clause around the drones is no sighting, a relative clause on them in the past tense
    tells one of its own (in the present, "drones that fly over airports", it tells of a kind)."""
    return next((c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in SIGHTING_VERBS
                 and c.tag_ in {"VBD", "VBN"} and not doubted(c)), None)


def _flying_participle(head: Token) -> Token | None:
    """ "Police had reports of drones flying over the airport", "drones hovering above the base forced it to close":
    a present participle on the drones, of flying somewhere, tells where they were seen when the clause they are in
    is told in the past ("drones flying over airports pose a risk" tells of a kind)."""
    participle = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"
                       and c.lemma_.lower() in SIGHTING_VERBS and any(p.dep_ == "prep" for p in c.children)), None)
    main = governing_verb(head)
    if participle is None or main is None or main.tag_ not in {"VBD", "VBN"} or doubted(main) or negated(main):
        return None
    return participle


def _tallied(noun: Token) -> bool:
    """Whether a counted noun is a tally of many reports over periods, not a report: "17 and 14 sightings were
    reported in 2021 and 2020, respectively"."""
    return any(t.dep_ == "nummod" for t in noun.subtree if t.i < noun.i) and any(
        t.lower_ == "respectively" for t in noun.sent)


def _downed(verb: Token) -> bool:
    """ "shot down", "brought down", "downed": an unidentified drone brought down somewhere was seen there."""
    lemma = verb.lemma_.lower()
    return lemma == "down" or (lemma in DOWNING_VERBS and any(c.lower_ == "down" for c in verb.children))


def _sighting_places(sentence: Span, scope: set[int], own_only: bool = False,
                     others: frozenset[int] = frozenset()) -> dict[str, str | None]:
    """Each state where the drones were seen, with the place named in it: "near Gdansk Airport in Poland".

    Places in the sighting's own clause (scope) come first, and alone with own_only. A place no state is known
    for ("over Aalborg Airport") belongs to the sentence's only state, if it has one; places in the clauses of
    other sightings it holds (others) belong to those.
    """
    named = places(sentence) + facilities(sentence)
    named += [p for verb in sentence if verb.pos_ in {"VERB", "AUX"} for p in [subject_place(verb)] if p is not None]
    named = [_where_the_site_is(p) for p in named if p.token.i not in others and not _offshore(p)
             and not _owner_of_a_site_elsewhere(p.token)]
    own = [p for p in named if p.token.i in scope]
    if own_only and not own:
        return {}
    named = sorted(own or named, key=lambda p: (regional(p), not _proper(p), p.token.i))
    located: dict[str, str | None] = {}
    unplaced: list[str] = []
    for place in named:
        if place.country and not located.get(place.country):
            located[place.country] = place.name
        elif place.country is None and place.name:
            unplaced.append(place.name)
    described = _describing_words(sentence)
    for ent in entities(sentence):
        if ent.root.i in described or _owner_of_a_site_elsewhere(ent.root) or _intruders_state(ent.root) or (
                _perpetrator(ent.root)) or (
                ent.root.dep_ in {"poss", "compound", "amod"} and _defence_zone(ent.root.head)):
            continue
        if ent.label_ in {"GPE", "NORP"} and ent.root.dep_ != "nsubj" and not _describing(ent.root) and (
                not _whence(ent.root)) and not _of_whence(ent.root) and not _of_people(ent.root) and (
                not destination(ent.root)) and not _beside(ent.root) and not in_backdrop(ent.root):
            code = name_country(ent.root, ent.text)
            if code and code not in located:  # "Helsinki's airport", "Tallinn and Riga airports": the city
                city = ent.label_ == "GPE" and ent.root.dep_ in {"poss", "compound", "nmod", "conj"}
                located[code] = ent.text if city and not is_state_name(ent.text) else None
                if _citys_field(ent.root):  # "X's Y": the field by its own name, with its city's
                    located[code] = sentence.doc[ent.start: ent.root.head.i + 1].text
    for token in sentence:  # a city named before "airport", whatever entity the tagger makes of it
        if token.pos_ == "PROPN" and token.dep_ in {"poss", "compound", "nmod", "conj"} and _of_a_place(token) and (
                not destination(token)) and token.i not in described and not _named_site_placed(token):
            name = whole_name(token)  # "New York airports" are not in York
            code = name_country(token, name)
            if code and code not in located and not is_state_name(name):
                located[code] = name
    if not located:
        located = dict.fromkeys(_reporters_states(sentence))
    if len(located) == 1 and unplaced:
        code = next(iter(located))
        broad = any(p.name == located[code] and regional(p) for p in named)
        located[code] = unplaced[0] if broad or not located[code] else located[code]
    return located


def _reporters_states(sentence: Span) -> list[str]:
    """ "Drones were seen above the base, the Dutch defence ministry said": the state of the authority that reports
    a sighting placed nowhere else, where the entity recogniser makes its demonym part of the authority's name."""
    found = []
    for token in sentence:
        head = token.head
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        if token.dep_ == "amod" and token.pos_ == "ADJ" and token.ent_type_ == "ORG" and is_state_name(token.text) and (
                head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEAKING_VERBS):
            found.append(place_country(token.text))
    return [code for code in dict.fromkeys(found) if code]


def _proper(place: Place) -> bool:
    """Whether a place is named by a name of its own, not only by its state's ("Germany's busiest airport")."""
    return any(word[:1].isupper() and not is_state_name(word) for word in (place.name or "").split())


def _of_people(token: Token) -> bool:
    """Whether a state names whose people or part something is ("Russian citizens", "Russian involvement", "then-US
    House speaker X"), not a place: it modifies a person, a title or a noun of people, other than those reporting
    ("X officials said": the sighting was in their state)."""
    head = token.head
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "US House speaker": up to the speaker
    reporting = head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEAKING_VERBS  # "X officials said": theirs
    return token.dep_ in {"amod", "compound", "nmod", "poss"} and not reporting and (
        (head.ent_type_ == "PERSON" and not _citys_field(token)) or head.lemma_.lower() in ROLE_WORDS | PEOPLE_NOUNS)


def _citys_field(city: Token) -> bool:
    """ "X's Y was closed for hours": news names a city's airport by the city's possessive and the field's own name,
    which the entity recogniser often takes for a surname. It is a field when the register of airports knows the
    name as a field's own, in the state of the city."""
    head = city.head
    code = place_country(city.text) if city.dep_ == "poss" and head.pos_ == "PROPN" else None
    return code is not None and code in airport_countries(head.text, False)


def _whence(token: Token) -> bool:
    """Whether a name is where something came from ("drones from X"), not where it was seen."""
    return token.dep_ == "pobj" and token.head.lower_ == "from"


def _of_whence(token: Token) -> bool:
    """Whether a state's name or demonym modifies where something came from ("flew all the way from the X war
    zone", "from X's east"): it names the origin, not where the thing was seen."""
    return token.dep_ in {"amod", "compound", "poss"} and _whence(token.head)


def _came_from(clauses: list[Token]) -> str | None:
    """The state the drones a sighting clause tells of came from: "vehicles from X were detected"."""
    names = [t.doc[t.left_edge.i: t.i + 1].text for clause in clauses for t in clause.subtree if _whence(t)]
    return next((place_country(name) for name in names if is_state_name(name)), None)


def _describing(token: Token) -> bool:
    """Whether a word is in a relative clause about a place ("the air base, which hosts U.S. weapons" is Belgian;
    "the only base in the country where X troops train on Y-made systems" is neither X's nor Y's) or in an
    apposition that describes something ("X, part of an archipelago close to the Y coast")."""
    return any((a.dep_ in {"relcl", "acl"} and (a.head.lemma_.lower() in PLACE_NOUNS | STATE_NOUNS
                                                or a.head.pos_ == "PROPN"))
               or (a.dep_ == "appos" and a.pos_ == "NOUN") for a in token.ancestors)


def _beside(token: Token) -> bool:
    """Whether a state is named only for an edge something was near: "close to the X coast", "off the X border",
    or for the neighbour across a border: "near the border with X" (it happened on the near side)."""
    edge = token.head
    if token.dep_ == "pobj" and edge.lower_ == "with":  # the parser may hang "with" on the drone, not the border
        before = edge.doc[edge.i - 1] if edge.i > 0 else edge
        if edge.head.lemma_.lower() in BORDER_NOUNS or before.lemma_.lower() in BORDER_NOUNS:
            return True
    if token.dep_ == "pobj" and edge.lower_ == "of":  # "off the shore of X"
        edge = edge.head
        return edge.lemma_.lower() in EDGE_NOUNS and edge.dep_ == "pobj" and edge.head.lower_ in OFFSHORE_PREPOSITIONS
    return (token.dep_ in {"amod", "compound", "poss"} and edge.lemma_.lower() in EDGE_NOUNS
            and edge.dep_ == "pobj" and edge.head.lower_ in PROXIMITY)


def _named_site_placed(token: Token) -> bool:
    """Whether a name is part of a site's name that the site's own phrase places: "X Air Force Base in Y" is where
    "in Y" says, whatever town elsewhere shares the name X."""
    site = token
    while site.dep_ == "compound":
        site = site.head
    return site.i != token.i and bool(own_site_locators(site))


def _of_a_place(token: Token) -> bool:
    """Whether a name modifies a place noun, itself or as one of a list: "Tallinn and Riga airports"."""
    while token.dep_ == "conj":
        token = token.head
    return token.head.lemma_.lower() in PLACE_NOUNS


def _sighting(sentence: Span, clause: Token, others: list[Token], drones: list[Phrase],
              context: Context) -> list[Mention]:
    """The sightings one clause reports, placed by its own words (less those of other sightings it holds), with
    the number of drones its own phrase gives ("a drone was seen": one)."""
    nested = {t.i for other in others if clause.is_ancestor(other) for t in other.subtree}
    scope = {t.i for t in clause.subtree} - nested
    date, dated_here = clause_date(sentence, clause, clause, context.published)
    if date is None and context.counted_day is not None:  # "A day later, drones were seen over the airport again"
        date, dated_here = context.counted_day, True
    counted = next((p for p in drones if p.head.i in scope), None)
    count, stated = (counted.count, counted.count_stated) if counted else (None, False)
    parts = _conjoined_parts(sentence, clause, scope)
    if len(parts) > 1:
        return [Mention(kind="drone_sighting", country=code, field=context.field, sentence=sentence,
                        rule="sighting.conjoined_places", platform="drone", count=count, count_stated=stated,
                        occurred_on=_part_date(sentence, part, context) or date, location=where)
                for part, located in parts for code, where in located]
    by_country = _sighting_places(sentence, scope, others=frozenset(nested))
    sites = _named_sites(sentence, scope) or _host_sites(sentence, clause, scope, nested)
    if len(sites) > 1:  # "drone activity at X Air Base and the Y Regiment": a sighting at each site
        single = next(iter(by_country)) if len(by_country) == 1 else context.main_country
        return [Mention(kind="drone_sighting", country=code, field=context.field, sentence=sentence,
                        rule="sighting.listed_sites", platform="drone", count=count, count_stated=stated,
                        occurred_on=date, location=name)
                for name, code in sites for code in [code or single] if code]
    if not by_country and date is None and not places(sentence):
        date, by_country = _told_before(sentence, context)  # "The closure came after drones were spotted"
    if not by_country and (any(_defence_zone(sentence.doc[i]) for i in scope) or _at_sea(sentence, scope)):
        return []  # "drones flew into X's ADIZ", "over the Y Strait": watched in the zone or at sea, over no state
    if not by_country:
        home = _downers_state(clause) or context.main_country or _site_told_before(sentence, context)
        if home is None or (date is None and not places(sentence)):
            return []
        by_country = {home: location_in(sentence, list(sentence), {home})}
    return [Mention(kind="drone_sighting", country=code, field=context.field, sentence=sentence,
                    rule="sighting.clause", platform="drone", count=count, count_stated=stated, occurred_on=date,
                    date_in_clause=dated_here or not _said_on_a_day(clause), location=where)
            for code, where in by_country.items()]


def _at_sea(sentence: Span, scope: set[int]) -> bool:
    """Whether every place a clause names is open sea or off a coast: "a balloon flew over the X Strait"."""
    own = [p for p in places(sentence) if p.token.i in scope]
    return bool(own) and all(_offshore(p) or (p.country is None and p.token.lemma_.lower() in OPEN_WATER_WORDS)
                             for p in own)


def _downers_state(clause: Token) -> str | None:
    """ "X's air force shot down an unidentified drone near the border", "the drone was brought down by Y troops": a
    state's forces bring down a drone over their own ground, so a downing no place places is in the downers' state
    (before the state the story names most, which may be the neighbour across the border)."""
    if not _downed(clause):
        return None
    downers = [c for c in clause.children if c.dep_ == "nsubj"]
    downers += [o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    words = [word for downer in downers for word in [downer, *downer.lefts]
             if word.dep_ in {"nsubj", "pobj", "poss", "amod", "compound"}]
    return next((code for word in words for code in [state_of(word)] if code), None)


def _site_told_before(sentence: Span, context: Context) -> str | None:
    """ "Drones were seen over X airport on Monday. A day later, drones were seen over the airport again": a site
    named only by its kind ("the airport") is the one the story's last sighting was at, and in its state."""
    if not any(t.lemma_.lower() in SITE_HEADS and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children)
               for t in sentence):
        return None
    return next((m.country for m in reversed(context.reported) if m.kind == "drone_sighting"), None)


def _host_sites(sentence: Span, clause: Token, scope: set[int], nested: set[int]) -> list[tuple[str, str | None]]:
    """ "X Airport and Y Airport suspended flights after drones were sighted nearby": a sighting told in a clause of
    time or cause that names no place of its own is at the sites the clause it hangs on names."""
    if clause.dep_ != "advcl" or _sighting_places(sentence, scope, own_only=True):
        return []
    return _named_sites(sentence, {t.i for t in clause.head.subtree} - nested)


def _said_on_a_day(clause: Token) -> bool:
    """Whether a sighting's clause is reported by a speech verb that has a day of its own: in "drones flew over the
    base, prosecutors said Friday" Friday is the day of saying, which the sighting may well precede."""
    return any(verb.lemma_.lower() in SPEAKING_VERBS and any(
        t.ent_type_ == "DATE" for c in verb.children if c.dep_ in {"npadvmod", "prep", "advmod"} for t in c.subtree)
               for verb in clause.ancestors)


def _told_before(sentence: Span, context: Context) -> tuple[FuzzyDate | None, dict[str, str | None]]:
    """ "Flights at X Airport were suspended on Saturday. The halting of air traffic came after two drones were
    spotted": a sentence whose subject refers back to an event by a definite noun, and gives no place or date of its
    own, tells of the event of the sentence before it, on its day and at its place."""
    subject = next((t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"} and t.head == sentence.root), None)
    if subject is None or sentence.start == 0 or is_platform_word(subject) or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in subject.children):
        return None, {}
    if subject.pos_ == "PROPN" or sentence.root.lemma_.lower() in SPEAKING_VERBS:
        return None, {}  # "..., the X newspaper reports": who tells the sentence, no event it refers back to
    before = sentence.doc[sentence.start - 1].sent
    anchor = before.root
    date, _ = clause_date(before, anchor, anchor, context.published)
    return date, _sighting_places(before, {t.i for t in before})


def _conjoined_parts(sentence: Span, clause: Token, scope: set[int]) -> list[tuple[set[int], list[tuple[str, str | None]]]]:
    """ "seen over X on Friday night and over Y on Saturday evening", "flights over X last week, and over Y": a
    prepositional phrase joined by "and" to another one (or, as the parser may read it, to their verb) reports a sighting of its own, with its own place and day; the first keeps the rest of the clause.
    Only when every part names a place of its own; otherwise the clause is one sighting."""
    joined = [{t.i for t in token.subtree} for token in clause.subtree
              if token.i in scope and token.dep_ == "conj" and token.pos_ == "ADP"]  # joined to the phrase or its verb
    if not joined:
        return []
    parts = [scope - set().union(*joined), *joined]
    located = [(part, _part_places(sentence, part)) for part in parts]
    return located if all(where for _, where in located) else []


def _part_places(sentence: Span, part: set[int]) -> list[tuple[str, str | None]]:
    """ "at airports in X, Y and Z and in W": a part that lists several named places of known states is a sighting
    at each of them, as a clause that lists them is; else the places the part names of its own."""
    sites = [(code, name) for name, code in _named_sites(sentence, part) if code]
    return sites if len(sites) > 1 else list(_sighting_places(sentence, part, own_only=True).items())


def _part_date(sentence: Span, part: set[int], context: Context) -> FuzzyDate | None:
    tokens = [t for t in sentence if t.i in part]
    return date_near(sentence, tokens[0], context.published, tokens, scope_only=True)


def sightings(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """Drones seen over a state with no state named for them: one mention per sighting and state. A state's balloons
    seen, or stopping traffic, over another state ("balloons from X forced Y airport to close") are told as drones
    are, and are a violation of its airspace (balloons of no state are no drone sighting)."""
    drones = [p for p in found if p.platform == "drone" and not p.defender]
    balloons = [p for p in found if p.platform == "balloon" and not p.defender and p.state]
    if not found:
        return _disruption_after_drones(sentence, context)
    if drones or not balloons:
        return _sightings(sentence, drones, context) or ([] if drones else _unidentified_objects(sentence, found,
                                                                                                 context))
    return [replace(m, platform="balloon") for m in _sightings(sentence, balloons, context)
            if m.kind == "airspace_violation"]


def _unidentified_objects(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """ "Unidentified flying objects were seen over the base": a thing in the air no one could name, seen over a
    site, is told as drones are (what it was stays unknown); an object of no state, not one said to be in the air
    ("an object was found on the beach"), is none. Where the story has already said what flew into that state
    ("balloons appear in its airspace", in the headline), the objects are those, told as first seen."""
    objects = [p for p in found if p.platform == "unknown" and not p.defender and p.state is None
               and any(c.lower_ in UNKNOWN | AIRBORNE_WORDS for c in p.head.lefts)]
    named = {m.country for m in context.reported if m.platform not in {None, "unknown"}}
    return [replace(m, platform="unknown", rule="sighting.unidentified_object")
            for m in _sightings(sentence, objects, context)
            if m.kind == "drone_sighting" and m.country not in named] if objects else []


def _sightings(sentence: Span, drones: list[Phrase], context: Context) -> list[Mention]:
    known = context.antecedents.get("drone")
    if known is not None and known.state and any(_definite(p) for p in drones):
        return []  # "the drone had been flying ...": the U.S. drone the story is about, not an unidentified one
    clauses, downed_like_before = _sighting_clauses(drones, context)
    further = _further_sightings(sentence, drones) if clauses else []
    clauses |= {clause.i: clause for clause in further}
    seen = [replace(m, rule="sighting.downed_like_before") if clause.i in downed_like_before else m
            for clause in clauses.values() if clause not in further
            for m in _per_date(_repeated(_sighting(sentence, clause, list(clauses.values()), drones, context), clause),
                               clause, context)
            if clause.i not in downed_like_before or m.country in downed_like_before[clause.i]]
    dated = next((m.occurred_on for m in seen if m.occurred_on), None)
    seen += [m if m.occurred_on else replace(m, occurred_on=dated)  # "in a separate sighting": the same day
             for clause in further for m in _sighting(sentence, clause, list(clauses.values()), drones, context)]
    seen = seen or _disruptions(sentence, drones, context)
    came_from = _came_from(list(clauses.values()))
    owned = next((p for p in drones if p.state), None)
    origin = came_from or (owned.state if owned else None)
    if origin is not None:  # "drones from X were seen over Y", "an X military drone was spotted near Y": Y's airspace
        by_origin = came_from is not None or (owned is not None and owned.by_origin)
        seen = [replace(m, kind="airspace_violation", rule="violation.came_from" if by_origin else "violation.seen",
                        violator=origin, by_origin=by_origin, hedged=any(p.hedged for p in drones))
                for m in seen if m.country != origin]
    blamed = _blamed(sentence)
    if blamed is None:
        return seen
    state, suspected = blamed
    return [replace(m, kind="airspace_violation", violator=state, hedged=suspected) for m in seen
            if m.country != state]  # the state blamed is no place they were seen


def _sighting_clauses(drones: list[Phrase], context: Context) -> tuple[dict[int, Token], dict[int, set[str]]]:
    """The clauses that tell the drones seen, and of them those that do so only as drones of no state brought down
    in a story that has told of unidentified drones already, each with the states it told of them in: "Jets shot
    down a drone in the same province in 2019" after an unidentified drone downed there is another one seen; a
    downing in a state the story saw no unidentified drones in is not ("X shot down 40 drones overnight")."""
    earlier = {m.country for m in context.reported if m.kind == "drone_sighting" and m.platform == "drone"}
    clauses: dict[int, Token] = {}
    only_in: dict[int, set[str]] = {}
    for phrase in drones:
        clause = _sighting_clause(phrase)
        if clause is None and earlier and phrase.state is None:
            clause = _sighting_clause(phrase, unidentified=True)
            if clause is not None and clause.i not in clauses:
                only_in[clause.i] = earlier
        if clause is not None:
            clauses[clause.i] = clause
    return clauses, only_in


def _per_date(mentions: list[Mention], clause: Token, context: Context) -> list[Mention]:
    """ "Drones were seen over the plant on 3, 9 and 12 October", "the airport shut on Monday and Friday, each time
    after drones were seen", "halted flights on Thursday and again on Friday": a sighting on each date."""
    dates = days_told(list(clause.subtree), clause, context.published)
    if len(dates) < 2:
        return mentions
    return [replace(m, occurred_on=date, date_in_clause=True) for m in mentions for date in dates]


def _repeated(mentions: list[Mention], clause: Token) -> list[Mention]:
    """ "Drones were spotted twice over the base", "flights were halted on two successive nights after drones were
    seen": each time seen, each night, is a sighting of its own."""
    times = repetitions(clause) if base_form(clause) in SEEING_VERBS else 1
    times = max(times, successive_periods(clause))
    if times == 1:
        return mentions
    return [replace(m, rule="sighting.repeated", occasion=k) for m in mentions for k in range(times)]


def _further_sightings(sentence: Span, drones: list[Phrase]) -> list[Token]:
    """The clauses of sightings a sentence adds to the drones it names, by a noun alone: "drones were seen over X,
    and Y closed its runway in a separate sighting"."""
    named = {p.head.i for p in drones}
    found = []
    for noun in sentence:
        if (noun.lemma_.lower() in SIGHTING_NOUNS and noun.i not in named and not negated(noun)
                and any(c.dep_ in {"amod", "det"} and c.lower_ in ANOTHER for c in noun.children)):
            verb = governing_verb(noun)
            if verb is not None and not doubted(verb) and verb not in found:
                found.append(verb)
    return found


def _definite(phrase: Phrase) -> bool:
    """ "the drone", and "the drone incursion", "this drone incident": a definite noun the drone word modifies
    refers back to the drones the story told of, as "the drones" does."""
    heads = [phrase.head, *([phrase.head.head] if phrase.head.dep_ == "compound" else [])]
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for head in heads for c in head.children)


def _perpetrator(token: Token) -> bool:
    """Whether a state is named as the one behind a hostile act ("a provocation by X"): who did it, not where."""
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.head.lemma_.lower() in HOSTILE_ACT_NOUNS


def _blamed(sentence: Span) -> tuple[str, bool] | None:
    """ "Drones appeared over five towns, the ministry said, blaming Moldova for the flights": the state a
    sentence blames, and whether only as a suspect. Drones seen and blamed on a state are its violation."""
    for verb in sentence:
        if verb.lemma_.lower() not in ACCUSING or doubted(verb):
            continue
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        state = state_of(target) if target is not None else None
        if state is not None:
            return state, verb.lemma_.lower() == "suspect"
    # "condemned the drone incursions as a provocation by X": the act the sighting is called is X's
    return next(((code, doubted(act)) for token in sentence if _perpetrator(token) for act in [token.head.head]
                 if act.dep_ in {"attr", "oprd"} or (act.dep_ == "pobj" and act.head.lower_ == "as")
                 for code in [state_of(token)] if code), None)


# --- Sightings told by the disruption they caused (patterns/disruption.json) ---------------------------------------


def _disruptions(sentence: Span, drones: list[Phrase], context: Context) -> list[Mention]:
    """ "Flights at X Airport were suspended due to reports of drones", "two sightings of drones prompted the
    authorities to close the airspace over Y": a stop to air traffic caused by drones of no state is a sighting
    at each site the stopped clause names (each airport of a list its own), on that clause's day."""
    mentions: list[Mention] = []
    done: set[int] = set()
    for match in context.matches.get("disruption", []):
        if "cause" not in match.tokens:
            continue  # a stop to traffic with no cause of its own (:func:`_disruption_after_drones`)
        verb, cause = match.tokens["disrupted"], match.tokens["cause"]
        if verb.i in done or not match.within(sentence) or doubted(verb) or negated(verb):
            continue
        counted = _cause_drones(cause, drones)
        if counted is None:
            continue
        done.add(verb.i)
        scope = {t.i for t in verb.subtree} - {t.i for t in cause.subtree}
        date, _ = clause_date(sentence, verb, verb, context.published)
        count, stated = (counted.count, counted.count_stated) if counted.count_stated else (None, False)
        for code, where in _disrupted_sites(sentence, scope, context):
            mentions.append(Mention(kind="drone_sighting", country=code, field=context.field, sentence=sentence,
                                    rule=match.rule, platform="drone", count=count, count_stated=stated,
                                    occurred_on=date, location=where))
    return mentions


def _disruption_after_drones(sentence: Span, context: Context) -> list[Mention]:
    """ "Drones were seen over the depot on Friday. Departures from the airfield were suspended.": a stop to air
    traffic a sentence tells with no cause and no aircraft, right after a sentence that reported drones seen, was
    caused by those drones; it is a sighting at each site the stopped clause names (not the site they were seen
    at, already counted), in the state of that site or of the drones, on the clause's day or theirs."""
    seen = context.reported[-1] if context.reported else None
    if (seen is None or seen.kind != "drone_sighting" or seen.field != context.field
            or seen.sentence.end != sentence.start):
        return []
    mentions: list[Mention] = []
    for match in context.matches.get("disruption", []):
        verb = match.tokens["disrupted"]
        if "cause" in match.tokens or not match.within(sentence) or doubted(verb) or negated(verb) or any(
                c.dep_ in {"prep", "advcl", "mark"} and c.lower_ in CAUSE_PREPOSITIONS for c in verb.children):
            continue  # "halted because of fog" has a cause of its own
        date, _ = clause_date(sentence, verb, verb, context.published)
        scope = {t.i for t in verb.subtree}
        for code, where in _disrupted_sites(sentence, scope, context):
            if where is None or where == seen.location or any(m.location == where for m in mentions):
                continue
            mentions.append(Mention(kind="drone_sighting", country=code, field=context.field, sentence=sentence,
                                    rule=match.rule, platform=seen.platform, occurred_on=date or seen.occurred_on,
                                    date_in_clause=date is not None, location=where))
    return mentions


def _cause_drones(cause: Token, drones: list[Phrase]) -> Phrase | None:
    """The drones a disruption's cause names ("reports of drones", "drone sightings"), if none has a state; or the
    balloons it names, whose state is known."""
    inside = {t.i for t in cause.subtree} | {cause.head.i}
    named = [p for p in drones if p.head.i in inside]
    return named[0] if named and (not any(p.state for p in named) or named[0].platform == "balloon") else None


def _disrupted_sites(sentence: Span, scope: set[int], context: Context) -> list[tuple[str, str | None]]:
    """Where traffic stopped: each named site the stopped clause names ("Brussels Airport and Bierset Airport"
    are two), else the places :func:`_sighting_places` finds in it, else the story's state."""
    by_country = _sighting_places(sentence, scope)
    sites = _named_sites(sentence, scope)
    if len(sites) > 1:
        single = next(iter(by_country)) if len(by_country) == 1 else context.main_country
        return [(code, name) for name, code in sites for code in [code or single] if code]
    if by_country:
        return list(by_country.items())
    return [(context.main_country, None)] if context.main_country else []


def _named_sites(sentence: Span, scope: set[int]) -> list[tuple[str, str | None]]:
    """The sites a clause names one by one, each with the state its name is known in: a proper name before a site
    noun ("Bierset Airport", "Bremen airport", even where the tagger makes one entity of a list), and the names
    listed with a named place ("at X Air Base and the Y Regiment"); never states ("over Poland and Lithuania")."""
    found: dict[int, tuple[str, str | None]] = {}
    described = _describing_words(sentence)
    for token in sentence:
        if token.i not in scope or token.i in described or token.lemma_.lower() not in SITE_HEADS or operated_site(token):
            continue  # "the U.S. Air Force base in X" is named by X (:func:`.locations.operated_site`)
        names = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"} and c.pos_ == "PROPN"
                 and c.i < token.i]
        if names and not all(is_state_name(t.text) for t in names):  # not "Denmark's biggest base"
            found[token.i] = (_site_name(token, min(t.left_edge.i for t in names)),
                              next((code for t in names for code in [place_country(whole_name(t))] if code), None))
    for place in places(sentence):
        listed = [t for t in _conjuncts(place.token) if t.pos_ == "PROPN" and t.i in scope]
        if place.token.i not in scope or len(listed) < 2:
            continue
        for token in listed:
            name = _site_name(token, token.left_edge.i)
            if token.i not in found and not is_state_name(name):
                found[token.i] = (name, place_country(name) or _qualified_state(token))
    return [found[i] for i in sorted(found)]


def _qualified_state(item: Token) -> str | None:
    """ "in Danish X and Y": a town the gazetteer does not know lies in the state a demonym before it names, or
    before the item it is listed with ("Danish" holds for both X and Y)."""
    for word in (item, item.head if item.dep_ == "conj" else None):
        code = next((state_of(c) for c in word.children if c.dep_ in {"compound", "amod"} and c.i < word.i
                     and state_of(c)), None) if word is not None else None
        if code:
            return code
    return None


def _intruders_state(word: Token) -> bool:
    """ "amid anger at X drone incursions": a state that modifies what flew, or its incursions, is whose they
    were, not where they were seen."""
    return word.dep_ in {"amod", "compound", "nmod", "poss"} and (
        is_platform_word(word.head) or word.head.lemma_.lower() in VIOLATION_NOUNS)


def _defence_zone(word: Token) -> bool:
    """ "X's ADIZ", "X's air defence identification zone": a zone a state declares past its airspace, mostly over
    open water; a flight watched in it was in no state's airspace, and the state it is named by is no place."""
    return word.lower_ in DEFENCE_ZONE_NOUNS or (
        word.lemma_.lower() == "zone" and any(c.lower_ in DEFENCE_ZONE_WORDS for c in word.children))


def _offshore(place: Place) -> bool:
    """ "a balloon drifting off the coast of X": a place off a state's coast is at sea beside it, not in it."""
    return place.preposition in OFFSHORE_PREPOSITIONS and place.token.lemma_.lower() in EDGE_NOUNS


def _where_the_site_is(place: Place) -> Place:
    """ "the British air base in Akrotiri, Cyprus" is in the state its own "in ..." names, not its owner's."""
    if place.token.lemma_.lower() not in SITE_HEADS:
        return place
    # a site a state runs ("the US base") is moved by a place the verb names too; one of no state, by its own alone
    locators = site_locators(place.token) if place.country else own_site_locators(place.token)
    code = next(iter(_locators_states(locators)), None)
    return place if code is None else replace(place, country=code)


def _locators_states(locators: list[Token]) -> list[str]:
    """The states a site's locating names give, in order, each name with those set beside it ("in X, Y")."""
    return [code for o in locators for t in [o, *(a for a in o.children if a.dep_ in {"appos", "conj"})]
            for code in [place_country(whole_name(t))] if code]


def _owner_of_a_site_elsewhere(word: Token) -> bool:
    """ "above the British air base in Akrotiri, Cyprus": the state that owns a site which a place of another state
    locates ("in ...", "at ...") is not where the site is ("the Swiss air base at X" is Swiss wherever X is)."""
    site = next((a for a in word.ancestors if a.lemma_.lower() in SITE_HEADS), None)
    if site is None or word.i > site.i or any(t.dep_ not in {"compound", "amod", "nmod", "poss"}
                                              for t in [word, *word.ancestors] if site.is_ancestor(t)):
        return False
    located = _locators_states(site_locators(site))
    return bool(located) and state_of(word) not in located


def _describing_words(sentence: Span) -> set[int]:
    """ "Y Airport, a former army strip that now takes overflow freight from X airports, shut its runway":
    an apposition to a site given by its kind alone, and a relative clause on a site, say what the site is, not
    other sites."""
    return {t.i for token in sentence if (token.dep_ == "relcl" and token.head.lemma_.lower() in SITE_HEADS) or (
        token.dep_ == "appos" and token.head.lemma_.lower() in SITE_HEADS
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.head.children)) for t in token.subtree}


def _conjuncts(token: Token) -> list[Token]:
    """A name and those listed with it ("RAF X, RAF Y and RAF Z"), but not a name that renames a site given by its
    kind ("X Airport, Gardermoen" is one place)."""
    found = [token]
    for word in found:
        found += [c for c in word.children if c.dep_ == "conj"
                  or (c.dep_ == "appos" and word.lemma_.lower() not in SITE_HEADS)]
    return found


def _site_name(head: Token, start: int) -> str:
    """A site's name from its first word to its head, less an article ("the Y Regiment": "Y Regiment")."""
    words = [t for t in head.doc[start: head.i + 1] if not (t.i == start and t.dep_ == "det")]
    return head.doc[words[0].i: head.i + 1].text
