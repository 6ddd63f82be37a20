"""Airspace violations in a sentence: what entered whose airspace, when, where and for how long.

A violation is airspace (or territory, a border, a state's own name) that something
entered: "entered Estonian airspace", "Polish airspace was violated by", "crossed
into its airspace", "an intrusion of a Chinese drone into its airspace", "19
violations of Polish airspace", "crossed into Poland". The victim is the owner of
the airspace ("Estonian", "Estonia's", "of Romania", "its" resolved to the state
that is the clause's subject); the intruder is what entered, never the victim's
own interceptors. Negated, denied, hypothetical, habitual and generic clauses,
air defence identification zones and a state's "own airspace" report nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from streams.extraction.clauses import (base_form, coordinated, doubted, generic, governing_verb, negated, own_clause,
                                        state_of, subject, subject_state, without_other_clauses)
from streams.extraction.dates import clause_date, date_near, days_told
from streams.extraction.lexicon import (
    ALLIANCE_WORDS, ACCUSING, AIRSPACE_NOUNS, AUTHOR_PREPOSITIONS, CALLING, DEMONYMS, ENVOY_NOUNS, GROUND_FORCES, SUMMONING_VERBS,
    ARMED_BODIES, CLAIMING, CONTROLLING_VERBS, DESTROYING_VERBS, DOWNING_VERBS, NATIONAL_BODY_HEADS, LIKE_WORDS, DOUBTING_HEADS, NATIONAL_WORDS, CRASHING_PARTICLES,
    CRASHING_VERBS, DEFINITE, DIRECTION_WORDS, DOWNED_WORDS, ENTRY_VERBS,
    FINDING_VERBS, FLIER_PRONOUNS, FLYING_VERBS, FREE_CHOICE_DETERMINERS, FREE_CHOICE_PRONOUNS, GROUND_PREPOSITIONS,
    HABITUAL_ADVERBS, HOVERING_PREPOSITIONS, HOVERING_VERBS, INTRUDER_PREPOSITIONS, LAND_PLACES, LISTED_SITE_PREPOSITIONS, LEAVING_VERBS, MINUTES_PER_UNIT, MOTION_VERBS,
    NEGATIVE_PRONOUNS, NON_ENTRY_VERBS, OUTWARD_VERBS, OWNING_VERBS, OVER_PREPOSITIONS, OVERFLOWN_PREPOSITIONS, OVERFLYING_VERBS,
    PLACE_PHRASE_PREPOSITIONS, POSSESSIVE_PRONOUNS, MEMBER_NOUNS, BLOC_WORDS, QUANTITY_NOUNS, REMAINS_NOUNS, REMAINS_PREPOSITIONS, REPEATED_ADVERBS, SEARCHING_BODIES, SENDING_VERBS, STATE_ENTRY_VERBS, STATE_POSSESSIVES, STATE_NOUNS, CAPITAL_NOUNS, STAY_PREPOSITIONS,
    UNKNOWN, UNMANNED_PLATFORMS, VIOLATED_PREPOSITIONS, VIOLATION_NOUNS, WATER_WORDS,
)
from streams.extraction.locations import location_in, places, site_locators, whole_name
from streams.extraction.mentions import Context, Mention
from streams.extraction.model import FuzzyDate
from streams.extraction.nlp import text_of
from streams.extraction.numbers import duration_minutes, number
from streams.extraction.places import is_state_name, place_country
from streams.extraction.platforms import Phrase, hedged, is_platform_word, model_name, nationality, phrase_of


@dataclass(frozen=True)
class Trigger:
    """Where a sentence says airspace was entered: the airspace noun (or the state's name), its clause verb, and a
    violation noun if any. A supporting trigger ("left Romanian airspace after 50 minutes") only adds detail."""

    noun: Token
    verb: Token | None
    violation: Token | None
    supporting: bool = False
    destination: str | None = None  # "crossed into Poland": the state entered, named by itself
    inbound: bool = False  # "flew in from Belarus": the state entered is the one the sentence or story is in
    place: str | None = None  # "flew into X" (a town, a capital): the named place of another state entered


# --- Triggers ------------------------------------------------------------------------------------------------------


def _misread_verb(word: Token, verbs: set[str]) -> bool:
    """Whether the tagger read a present-tense verb of a timeline line ("A drone crosses into X", "A drone
    crashes in a field") as a plural noun, or a participle after what flew ("radars tracked a drone crossing into
    X") as a noun the platform modifies, one of the verbs given."""
    if word.pos_ == "NOUN" and word.tag_ == "NN" and word.lower_.endswith("ing"):
        stem = word.lower_[:-3]
        return bool({stem, stem + "e", stem[:-1]} & verbs)
    base = word.lower_[:-2] if word.lower_.endswith("es") else word.lower_[:-1]
    return word.pos_ == "NOUN" and word.tag_ == "NNS" and bool({base, base + "e", word.lower_[:-1]} & verbs)


def _violation_of(intruder: Token) -> Token | None:
    """The violation noun whose intruder a word names, the "into" phrase hanging on the intruder: in "the incursion
    of a helicopter into X airspace" the helicopter's "into X airspace" is where the incursion went."""
    prep = intruder.head
    if intruder.dep_ == "pobj" and prep.lower_ in INTRUDER_PREPOSITIONS and prep.head.lemma_.lower() in VIOLATION_NOUNS:
        return prep.head
    return None


def _misread_flier(word: Token) -> Token | None:
    """For a verb form read as a noun ("drone crosses"), the platform it was given as a modifier."""
    if not _misread_verb(word, MOTION_VERBS):
        return None
    return next((c for c in word.children if c.dep_ in {"compound", "nmod"} and is_platform_word(c)), None)


def _flier(verb: Token) -> Token | None:
    """What flew: the subject of the clause, what a participle describes ("balloons carrying ..."), or the
    platform of a verb the tagger read as a noun."""
    if verb.dep_ == "acl" and is_platform_word(verb.head):
        return verb.head
    return subject(verb) or _misread_flier(verb)


def _past_duration(word: Token) -> Token:
    """ "spends about 25 minutes over Latvian soil": the parser hangs the place from the time the stay took;
    the verb that took the time is what governs it."""
    if word.lemma_.lower() in MINUTES_PER_UNIT and word.dep_ in {"dobj", "npadvmod"} and word.head.pos_ == "VERB":
        return word.head
    return word


def _entry(noun: Token) -> Trigger | None:
    """How "airspace" is governed, if it is entered: object of "enter"/"violate", "into", "violation of"."""
    anchor = noun
    while anchor.dep_ == "conj":
        anchor = anchor.head
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out" and head.head.dep_ == "conj" \
            and head.head.head.lower_ == "into" and head.head.head.dep_ == "prep":
        head = head.head.head  # "passed into and out of X airspace": both prepositions take the one object
    if anchor.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in ENTRY_VERBS:
        return Trigger(noun, head, None)
    if anchor.dep_ == "dobj" and head.lemma_.lower() in LEAVING_VERBS:
        return Trigger(noun, head, None, supporting=True)
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "out" and head.head.head.pos_ == "VERB" \
            and head.head.head.lemma_.lower() in OUTWARD_VERBS:
        return Trigger(noun, head.head.head, None, supporting=True)  # "drifted out of X airspace": leaving it
    if anchor.dep_ in {"compound", "nmod"} and head.lemma_.lower() in VIOLATION_NOUNS:
        return Trigger(noun, governing_verb(head), head)
    over = next((c for c in head.children if c.dep_ in {"prt", "prep"} and c.lower_ in OVER_PREPOSITIONS
                 and not any(o.dep_ == "pobj" for o in c.children)), None)
    if anchor.dep_ == "dobj" and over is not None:
        prep, governor = over.lower_, head  # "flew over Libyan territory" parsed as a particle and its object
    elif anchor.dep_ != "pobj":
        return None
    else:
        prep, governor = head.lower_, _past_duration(head.head)
    if governor.lemma_.lower() in VIOLATION_NOUNS and prep in VIOLATED_PREPOSITIONS:
        return Trigger(noun, governing_verb(governor), governor)
    violation = _violation_of(governor)
    if prep == "into" and violation is not None:  # "the incursion of a helicopter into X airspace"
        return Trigger(noun, governing_verb(violation), violation)
    violation = next((c for c in governor.children if c.dep_ == "dobj" and c.lemma_.lower() in VIOLATION_NOUNS), None)
    if prep == "into" and violation is not None:  # "protested an incursion by a helicopter into its airspace"
        return Trigger(noun, governor, violation)
    if (governor.pos_ not in {"VERB", "AUX"} and _misread_flier(governor) is None) or \
            governor.lemma_.lower() in NON_ENTRY_VERBS:
        return None
    if prep == "into" or (prep in STAY_PREPOSITIONS and noun.lemma_.lower() == "airspace"):
        return Trigger(noun, governor, None)
    flier = subject(governor)
    if prep in STAY_PREPOSITIONS and flier is not None and is_platform_word(flier):
        return Trigger(noun, governor, None)  # "a drone spent 40 minutes over Lithuanian territory"
    watched = base_form(governor) in OVERFLYING_VERBS and any(c.dep_ == "dobj" and is_platform_word(c)
                                                               for c in governor.children)
    if prep in STAY_PREPOSITIONS and watched:
        return Trigger(noun, governor, None)  # "radars tracked a drone over X territory"
    return None


def _attributed_violation(noun: Token) -> bool:
    """ "a Belarusian balloon violation", "the violation by a Russian Il-20", "the incursion of two X jets": a
    violation noun that names what flew and whose it was.

    Without a state it is no violation ("a drone incursion over the airport" is a sighting).
    """
    modifiers = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}]
    if any(is_platform_word(c) for c in modifiers) and nationality(modifiers) is not None:
        return True
    heads = [noun]
    if noun.dep_ == "dobj" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in noun.head.children):
        heads.append(noun.head)  # "protested the violation by X": the parser hangs "by X" on the verb
    doers = [o for head in heads for prep in head.children if prep.dep_ == "prep"
             and prep.lower_ in (INTRUDER_PREPOSITIONS if head is noun else {"by"})
             for o in prep.children if o.dep_ == "pobj"]
    return any(is_platform_word(o) and nationality(list(o.lefts)) is not None for o in doers)


def _state_name(token: Token) -> str | None:
    """The state a proper noun names by itself ("Poland", "South Korea"), not by its capital."""
    state = state_of(token)
    words = token.doc[max(token.i - 1, 0): token.i + 1].text
    return state if state and (is_state_name(token.text) or is_state_name(words)) else None


def _sends_platform(verb: Token) -> bool:
    """ "launched balloons", "launched hundreds of balloons": what the verb sends flies."""
    return any(c.dep_ == "dobj" and is_platform_word(_counted(c)) for c in verb.children)


def _coordinated_sender(verb: Token) -> Token | None:
    """ "sent 40 balloons carrying cigarettes and what looked like leaflets across the border into X": the parser
    splits the clause at the "and" and hangs "into X" from the second half, whose subject flies nothing; the
    sending verb it is coordinated with is the one that sent something there."""
    if _sends_platform(verb) or is_platform_word(_flier(verb) or verb):
        return None
    node = verb
    while node.dep_ in {"conj", "xcomp"}:
        node = node.head
        if node.lemma_.lower() in SENDING_VERBS and _sends_platform(node):
            return node
    return None


def _state_entered(name: Token) -> Trigger | None:
    """ "Belarusian helicopters crossed into Poland", "a drone entered Romania": a state's own name entered by
    something that flies."""
    state = _state_name(name)
    return _entered(name, state) if state is not None else None


def _place_entered(name: Token) -> Trigger | None:
    """ "X launched drones that drifted into the capital Y", "the drones reached Z": a named place of a state (a town, a
    capital read as the city, not as its government) that something flew into lies in that state's airspace. Only a
    violation where the intruder's state is known (:func:`violations`): drones of no state flying into a town are a
    sighting there."""
    if name.pos_ != "PROPN" or name.ent_type_ != "GPE" or is_state_name(name.text) or name.text.isupper():
        return None  # not "entered the ADIZ": initials name a zone or a body, not a town
    place = whole_name(name)
    state = place_country(place)
    governed = name  # "into X", or "into the capital X", "into the town of X": the place noun the name is of
    if name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.lemma_.lower() in CAPITAL_NOUNS | LAND_PLACES:
        governed = name.head.head
    elif name.dep_ == "appos" and name.head.lemma_.lower() in CAPITAL_NOUNS | LAND_PLACES:
        governed = name.head
    trigger = _entered(governed, state) if state is not None and not is_state_name(place) else None
    return replace(trigger, place=place) if trigger is not None else None


def _entered(name: Token, state: str) -> Trigger | None:
    """The entry of something that flies into a state, or a place of one, named by ``name``: "crossed into X",
    "entered Y"."""
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "into" and (head.head.pos_ in {"VERB", "AUX"} or
                                                          _misread_flier(head.head)):
        verb = head.head
    elif name.dep_ == "dobj" and head.lemma_.lower() in STATE_ENTRY_VERBS:
        verb = head
    else:
        return None
    verb = _coordinated_sender(verb) or verb
    flier = _flier(verb)
    if base_form(verb) in OVERFLYING_VERBS and not (flier is not None and is_platform_word(flier)):
        # "radars tracked a drone crossing into X": the participle read as a noun, "into X" hung on the watching verb
        flier = next((f for c in verb.children if c.dep_ == "dobj" for f in [_misread_flier(c)] if f), flier)
    sent = _sends_platform(verb)  # "sent 260 balloons into X"
    if verb.lemma_.lower() in NON_ENTRY_VERBS or flier is None or not (
            is_platform_word(flier) or flier.lower_ in FLIER_PRONOUNS or sent):
        return None
    return Trigger(name, verb, None, destination=state)


def _flown_in_from(name: Token) -> Trigger | None:
    """ "a drone that flew in from Belarus", "balloons drifted in from X": something that flies came in from a
    state, into the one the sentence places it in or the story is about (:func:`_victims`)."""
    prep = name.head
    if _state_name(name) is None or name.dep_ != "pobj" or prep.lower_ != "from":
        return None
    verb = prep.head
    inward = any(c.lower_ == "in" and (c.dep_ in {"prt", "advmod"} or (c.dep_ == "prep" and not list(c.children)))
                 for c in verb.children)  # "in" as a particle, or a preposition with no object
    if verb.pos_ != "VERB" or not inward or verb.lemma_.lower() not in MOTION_VERBS | {"come"}:
        return None
    flier = _flier(verb)
    if flier is None or not (is_platform_word(flier) or flier.lower_ in FLIER_PRONOUNS):
        return None
    return Trigger(name, verb, None, inbound=True)


def _triggers(sentence: Span) -> Iterator[Trigger]:
    """Airspace or territory entered; borders crossed; "a Belarusian balloon violation"; a state entered by name."""
    for token in sentence:
        lemma = token.lemma_.lower()
        trigger: Trigger | None = None
        if lemma in AIRSPACE_NOUNS:
            trigger = _entry(token)
        elif lemma == "border" and token.dep_ == "dobj" and token.head.lemma_.lower() == "cross":
            trigger = Trigger(token, token.head, None)
        elif lemma in VIOLATION_NOUNS and not any(t.lemma_.lower() in AIRSPACE_NOUNS for t in token.subtree):
            trigger = Trigger(token, governing_verb(token), token) if _attributed_violation(token) else None
        elif token.pos_ == "PROPN" and token.ent_type_ in {"GPE", "ORG"}:  # "entered Moldova", read as an organisation
            trigger = _state_entered(token) or _flown_in_from(token) or _place_entered(token)
        if trigger is not None:
            yield trigger


def _class_of_intruders(verb: Token) -> bool:
    """ "would bring down any drone that enters their airspace", "will intercept aircraft that enter it": a relative
    clause in the present on what a state would or will do something to names a kind of intruder, no event."""
    if verb.dep_ != "relcl" or verb.tag_ not in {"VBP", "VBZ"}:
        return False
    treated = governing_verb(verb.head)
    return treated is not None and doubted(treated)


def _blocked(trigger: Trigger, published: dt.date) -> bool:
    """Negated, denied, hypothetical, habitual or generic: no incident. "never its territorial airspace" neither."""
    violation = trigger.violation
    if negated(trigger.noun) or (violation is not None and (generic(violation) or negated(violation))):
        return True
    if trigger.noun.lemma_.lower() == "airspace" and trigger.noun.head.lemma_.lower() == "zone":
        return True
    if any(c.lower_ == "own" for c in trigger.noun.children) and not _foreign_intruder(trigger):
        return True  # "operating in China's own airspace": a claim of being at home
    if trigger.verb is None:
        return False
    # the habit may be told on the verb the entry is the purpose of: "drones are increasingly used to carry ..."
    habit = [trigger.verb, *([trigger.verb.head] if trigger.verb.dep_ == "xcomp" else [])]
    if doubted(trigger.verb, doubting=DOUBTING_HEADS - CLAIMING) or (any(
            c.lower_ in HABITUAL_ADVERBS for verb in habit for c in verb.children) and not _repeated_then(
                trigger.verb, published)):
        return True
    if _class_of_intruders(trigger.verb):
        return True
    if any(c.lower_ == "back" and c.dep_ in {"advmod", "prt"} for c in trigger.verb.children):
        return True  # "crossing back into Belarus afterwards", "flew back into Russian airspace": a return, no entry
    flier = subject(trigger.verb)
    if flier is None and trigger.verb.dep_ in {"acl", "relcl"}:
        flier = trigger.verb.head  # "any object violating its airspace"
    if flier is None:
        return False
    return (negated(flier) or generic(flier, flown=True) or flier.lower_ in NEGATIVE_PRONOUNS | FREE_CHOICE_PRONOUNS
            or any(c.lower_ in FREE_CHOICE_DETERMINERS for c in flier.children))


def _foreign_intruder(trigger: Trigger) -> bool:
    """ "A Russian jet violated Finland's own airspace": "own" only stresses whose airspace it was when the intruder
    is named for another state; without one ("jets operating in China's own airspace") it claims being at home."""
    owner = nationality(owner_words(trigger.noun))
    flier = nationality([t for word in _intruder_words(trigger) for t in word.subtree if t.i <= word.i])
    return owner is not None and flier is not None and owner != flier


def _repeated_then(verb: Token, published: dt.date) -> bool:
    """ "Russian jets repeatedly crossed into its airspace in September": a repetition told in the past and dated
    by its own clause is what happened then (one report of that time); "repeatedly violate", or "repeatedly
    violated ... in recent years", tells of a habit."""
    if verb.tag_ != "VBD" or not any(c.lower_ in REPEATED_ADVERBS for c in verb.children):
        return False
    return date_near(verb.sent, verb, published, own_clause(verb), scope_only=True) is not None


# --- Victims -------------------------------------------------------------------------------------------------------


def owner_words(noun: Token) -> list[Token]:
    """The words that say whose airspace (or border): modifiers with their conjuncts, and "of X"."""
    words: list[Token] = []
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            words += coordinated(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words += coordinated(obj) + [c for c in obj.children if c.dep_ == "compound"]
        elif child.dep_ == "acl" and child.lemma_.lower() in CONTROLLING_VERBS:  # "the airspace controlled by X"
            words += [t for agent in child.children if agent.dep_ == "agent" for obj in agent.children
                      if obj.dep_ == "pobj" for t in [*coordinated(obj), *obj.children]
                      if t.dep_ in {"pobj", "conj", "amod", "compound"}]
    return words


def _over(word: Token) -> list[Token]:
    """The named places a word is over: "the airspace above Vilnius", "sending drones over Vilnius", "over
    several towns, including Kaunas"."""
    objects = _overflown(word)
    named = [t for obj in objects for t in coordinated(obj) if t.pos_ == "PROPN" and not _sea_of_a_list(t)]
    named = named or [t for obj in objects for t in [_possessor_place(obj)] if t is not None]  # "over X's barracks"
    # "the island of X"; "several cities, including X and Y"
    return named or [t for obj in objects for prep in obj.children if prep.lower_ in OVERFLOWN_PREPOSITIONS
                     for pobj in prep.children if pobj.dep_ == "pobj" for t in coordinated(pobj) if t.pos_ == "PROPN"]


def _possessor_place(obj: Token) -> Token | None:
    """ "flew over X's barracks", "over Y's main square": a site named by the proper name of the place it belongs
    to, which is where the flight was (a state's own name says whose, not where: "over Poland's territory")."""
    return next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN" and not is_state_name(c.text)),
                None)


def _sea_of_a_list(item: Token) -> bool:
    """Whether a demonym is one of a list that ends in a word of open water all its items share: "over the Barents,
    Norwegian and North Sea" names three seas, none of them a state's territory though one is named after a state."""
    first = item
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return item.lower_ in DEMONYMS and any(t.lower_ in WATER_WORDS for t in coordinated(first))


def _intruder_words(trigger: Trigger) -> list[Token]:
    """The words naming what entered: "by X" / "of X" of a violation noun, else the clause's subject."""
    if trigger.violation is not None:
        heads = [trigger.violation]
        verb = trigger.violation.head
        if trigger.violation.dep_ == "dobj" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            heads.append(verb)  # "condemned a violation of its airspace by X": the parser hung "by X" on the verb
        return [obj for head in heads for prep in head.children if prep.dep_ == "prep"
                and prep.lower_ in (INTRUDER_PREPOSITIONS if head is trigger.violation else {"by"})
                for obj in prep.children if obj.dep_ == "pobj" and obj.lemma_.lower() not in AIRSPACE_NOUNS]
    flier = _flier(trigger.verb) if trigger.verb is not None else None
    return [flier] if flier is not None else []


def _owner(trigger: Trigger, context: Context) -> str | None:
    """Whose "its airspace": the state subject up the clause chain, else the article's; never the intruder's own
    ("the Kremlin rejected the account that Russian jets had violated its airspace")."""
    own = nationality([t for word in _intruder_words(trigger) for t in word.subtree if t.i <= word.i]) or (
        _violation_state(trigger.violation) if trigger.violation is not None else None)
    for owner in (subject_state(trigger.verb), _fronted_state(trigger.noun), context.main_country):
        if owner and owner != own:
            return owner
    return None


def _violation_state(violation: Token) -> str | None:
    """ "Russian incursions of the Nordic nation's airspace": a state named on the violation noun is the intruder's,
    so "the nation" whose airspace it was is another."""
    return nationality([c for c in violation.children if c.dep_ in {"amod", "compound"}])


def _subject_states(verb: Token) -> list[str]:
    """The states listed as the subject up the clause chain: "Romania and Moldova reported drones entering ..."."""
    node: Token | None = verb
    for _ in range(6):
        if node is None:
            return []
        subject_word = next((c for c in node.children if c.dep_ == "nsubj" and not is_platform_word(c)), None)
        if subject_word is not None and subject_word.lower_ == "they":
            node = governing_verb(node)  # "A and B said they had found ...": the states the pronoun stands for
            continue
        if subject_word is not None:
            return list(dict.fromkeys(code for t in coordinated(subject_word) for code in [state_of(t)] if code))
        node = governing_verb(node)
    return []


def _fronted_state(word: Token) -> str | None:
    """ "In X, officials said jets had violated its airspace": a state a sentence opens with, as the scene of what
    it tells, is whose "its" means where no subject says."""
    root = word.sent.root
    return next((code for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i < root.i
                 for obj in prep.children if obj.dep_ == "pobj" and is_state_name(obj.text)
                 for code in [state_of(obj)] if code), None)


def _victims(trigger: Trigger, context: Context) -> list[str]:
    """Whose airspace: its owner named or resolved; for "Hungary logged a Belarusian balloon violation", the
    reporting state; for a border crossed that no word assigns, the article's state."""
    if trigger.destination is not None:
        return [trigger.destination]
    if trigger.inbound:
        origin = state_of(trigger.noun)
        placed = [p.country for p in places(trigger.noun.sent) if p.country and p.country != origin]
        entered = placed[0] if placed else context.main_country
        return [entered] if entered and entered != origin else []
    if trigger.violation is not None and trigger.noun == trigger.violation:
        reporter = subject_state(trigger.verb) if trigger.verb is not None else None
        return [reporter] if reporter else []
    codes: list[str] = []
    national = False
    for word in owner_words(trigger.noun):
        if word.lower_ in POSSESSIVE_PRONOUNS and trigger.verb is not None and _accused(trigger.verb):
            codes += _accusers(trigger.verb.head.head)  # "A, B and C accused X of breaching their airspace"
        elif word.lower_ in NATIONAL_WORDS:
            national = True  # "violated national airspace": the owner's, unless a state is named ("X sovereign")
        elif word.lower_ == "their" and trigger.verb is not None and len(_subject_states(trigger.verb)) > 1:
            codes += _subject_states(trigger.verb)  # "A and B reported drones entering their airspace"
        elif word.lower_ in POSSESSIVE_PRONOUNS or word.lemma_.lower() in STATE_NOUNS | CAPITAL_NOUNS or _bloc_member(word):
            codes += [code for code in [_owner(trigger, context)] if code]
        elif word.lower_ not in DIRECTION_WORDS or word.dep_ == "poss":  # "the South's airspace" names a state
            codes += [code for code in [state_of(word)] if code]
    owners = owner_words(trigger.noun)
    named = any(word.pos_ == "PROPN" for word in owners)
    codes = codes or [code for code in [_owner(trigger, context)] if national and not named and code]
    if not owners and not codes and trigger.noun.lemma_.lower() == "airspace" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in trigger.noun.children) and not _over(trigger.noun):
        codes = [code for code in [_owner(trigger, context)] if code]  # "entered the airspace": the story state's
    if not owners and not codes and trigger.violation is not None:
        codes = _listed_sites(trigger.violation)
    if not owners and not codes and trigger.violation is not None and trigger.noun.dep_ in {"compound", "nmod"}:
        codes = [code for code in [_owner(trigger, context)] if code]  # "reported an airspace violation": its own
    codes = codes or [code for word in _over(trigger.noun) for code in [place_country(word.text)] if code]
    if not codes and trigger.verb is not None and any(w.lower_ in ALLIANCE_WORDS for w in owners):
        # "entered NATO airspace over Estonia": the alliance's airspace is that of the member it was over
        codes = [code for word in _over(trigger.verb) for code in [place_country(word.text)] if code]
    if codes or trigger.noun.lemma_.lower() != "border" or context.main_country is None or trigger.verb is None:
        return list(dict.fromkeys(codes))
    flier = subject(trigger.verb)
    crossed = flier is not None and (is_platform_word(flier) or flier.lower_ in FLIER_PRONOUNS)
    return [context.main_country] if crossed else []


def _bloc_member(word: Token) -> bool:
    """ "after straying into the NATO member's airspace": news writing names a state a second time by its membership
    of a bloc, as it does by "the country"; the epithet stands for the state the story is about, not for the bloc."""
    return word.lemma_.lower() in MEMBER_NOUNS and any(
        t.lower_ in BLOC_WORDS for t in word.subtree if t.i < word.i and t.dep_ in {"compound", "amod", "nmod"})


def _listed_sites(violation: Token) -> list[str]:
    """ "dozens of airspace violations in X and Y", "incursions over A, B and C": a violation noun placed in a list
    of places sums up one violation in each, the state of every place (a state, a capital or a town) its own
    victim. A single place is left to the owner rules; only a list of two or more states spreads."""
    sites = [t for prep in violation.children if prep.dep_ == "prep" and prep.lower_ in LISTED_SITE_PREPOSITIONS
             for obj in prep.children if obj.dep_ == "pobj" for t in coordinated(obj)]
    codes = [code for t in sites if t.pos_ in {"PROPN", "ADJ"} for code in [place_country(t.text) or state_of(t)]
             if code]
    unique = list(dict.fromkeys(codes))
    return unique if len(sites) > 1 and len(unique) > 1 else []


# --- Intruders -----------------------------------------------------------------------------------------------------


def _foreign(state: str | None, victim: str) -> str | None:
    return state if state and state != victim else None


def _intruder(trigger: Trigger, found: list[Phrase], victim: str) -> tuple[Phrase | None, str | None, bool]:
    """The phrase that entered, its state, and whether the parse links it to the trigger.

    Linked are the clause's subject (a pronoun resolved to the last intruder before it), "by X", and
    "a drone violation"; otherwise the sentence's first intruder is the best guess.
    """
    candidates = _intruder_words(trigger)
    if trigger.verb is not None:  # "North Korea sent balloons into the South": what was sent, then who sent it
        # "used dozens of drones to try to break into X": the platform the quantity counts
        candidates = [t for verb in _purposes(trigger.verb) for c in verb.children if c.dep_ == "dobj"
                      for t in [c, *(o for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                     for o in prep.children if o.dep_ == "pobj")]
                      if is_platform_word(t)][:1] + candidates
    if trigger.violation is not None:
        doer = subject(trigger.verb) if trigger.verb is not None else None  # "Turkish jets carried out violations"
        candidates += [c for c in trigger.violation.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
        candidates += [doer] if doer is not None else []
    states: list[str] = []
    pronoun = False
    for token in candidates:
        if token.lower_ in FLIER_PRONOUNS:
            before = [p for p in found if p.head.i < token.i and not p.defender and p.state != victim]
            if before:
                return before[-1], _foreign(before[-1].state, victim), True
            pronoun = token.head.dep_ == "ROOT"  # "It entered X airspace", not "from the moment it crossed"
            continue
        phrase = phrase_of(token, found)
        if phrase is not None and phrase.state == victim:
            continue  # the victim's own aircraft, taken for the subject where the parser gave the clause two
        if phrase is not None and not phrase.defender:
            return phrase, (_foreign(phrase.state, victim) or next(iter(states), None) or sender_state(phrase, victim)
                            or _origin(trigger, victim)), True
        # "Turkish ones" (jets, as the sentence said of others): the state its modifiers name
        states += [state for state in [_foreign(state_of(token) or nationality(list(token.lefts)), victim)] if state]
    if states:
        return None, states[0], True
    intruders = [p for p in found if not p.defender and p.state != victim]
    if pronoun and not intruders:
        return None, None, True  # "It entered X airspace": what an earlier sentence told of
    best = next((p for p in intruders if p.state), intruders[0] if intruders else None)
    return best, _foreign(best.state, victim) if best else None, False


def _purposes(verb: Token) -> list[Token]:
    """A verb and those it is the purpose of: in "used 300 drones to try to infiltrate X airspace", what was used
    is what entered."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp":
        chain.append(chain[-1].head)
    return chain


def sender_state(phrase: Phrase, victim: str) -> str | None:
    """ "North Korea sent balloons ...", "Minsk launched drones ...": the state that sent what flew."""
    head = _quantified(phrase.head)  # "used dozens of drones"
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in SENDING_VERBS:
        return None
    sender = subject(verb)
    return _foreign(state_of(sender), victim) if sender is not None else None


def _origin(trigger: Trigger, victim: str) -> str | None:
    """ "entered Latvian airspace from Russia": the state the intruder came from."""
    holders = [trigger.noun] if trigger.verb is None else [trigger.verb, trigger.noun]  # "into X airspace from Y"
    return next((state for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "from"
                 for obj in prep.children if obj.dep_ == "pobj" for state in [_foreign(state_of(obj), victim)] if state),
                None)


def _antecedent(phrase: Phrase | None, linked: bool, context: Context) -> Phrase | None:
    """The earlier phrase "the jet", "60 balloons" (or a bare "it") refers back to, if an earlier sentence gave
    it a state; never for an "unidentified drone"."""
    if phrase is None:
        return context.antecedents.get("any") if linked else None
    unknown = any(t.lower_ in UNKNOWN for t in phrase.head.lefts)
    return None if unknown or phrase.state else context.antecedents.get(phrase.platform)


def _like_before(phrase: Phrase | None, context: Context) -> Phrase | None:
    """ "A similar X drone entered from Belarus": one like the intruder told before is that intruder's state's, not
    that of where it came from."""
    if phrase is None or not (phrase.by_origin or phrase.state is None) or not any(
            c.lower_ in LIKE_WORDS for c in phrase.head.children):
        return None
    earlier = context.antecedents.get(phrase.platform)
    return earlier if earlier is not None and earlier.state and not earlier.by_origin else None


def _hedged_clause(trigger: Trigger) -> bool:
    """ "is suspected of having entered", "probably entered", "a suspected incursion": the attribution is hedged."""
    # not a clause coordinated with it: "sent 40 balloons and what appeared to be leaflets into X" is no hedge
    words = [*(c for c in (trigger.verb.children if trigger.verb is not None else []) if c.dep_ != "conj"),
             *(trigger.verb.ancestors if trigger.verb is not None else []),
             *(trigger.violation.children if trigger.violation is not None else [])]
    return any(hedged(word.text) for word in words)


def _violation_count(noun: Token | None) -> int | None:
    """ "7 violations of Latvian airspace": the number of violations reported."""
    if noun is None or noun.tag_ != "NNS":
        return None
    return next((number(c.text) for c in noun.children if c.dep_ == "nummod" and number(c.text)), None)


# --- Mentions ------------------------------------------------------------------------------------------------------


def _violation(sentence: Span, trigger: Trigger, victim: str, found: list[Phrase], context: Context
               ) -> Mention | None:
    if _by_ground_forces(trigger):
        return None
    phrase, violator, linked = _intruder(trigger, found, victim)
    earlier = _antecedent(phrase, linked, context) if violator is None else _like_before(phrase, context)
    if earlier is not None and earlier.state == victim and not earlier.by_origin and trigger.verb is not None \
            and trigger.verb.lemma_ == "be":
        return None  # "the plane was in Russian airspace" of a Russian plane: at home, a denial
    model = phrase.model if phrase else None
    if trigger.verb is not None and _accused(trigger.verb):  # the state accused, not one of its accusers
        violator = _foreign(_accused_state(trigger.verb), victim) or violator
    if trigger.place is not None and violator is None and (earlier is None or earlier.state == victim):
        return None  # drones of no state known flying into a town: a sighting there, not a state's violation
    if violator is None and earlier is None:
        violator = _summoned_envoy(sentence, victim)
    if earlier is not None and earlier.state != victim:
        violator, phrase, model = earlier.state, phrase or earlier, model or earlier.model
        # the state the earlier sentence gave, as surely as it gave it
        phrase = replace(phrase, state=earlier.state, by_origin=earlier.by_origin,
                         hedged=phrase.hedged or earlier.hedged)
    violations = _violation_count(trigger.violation)
    count, stated = (phrase.count, phrase.count_stated) if phrase else (None, False)
    if violations and not (stated and linked):
        count, stated = violations, True
    elif count is None:  # "downed drones that entered its airspace, having counted 7 violations"
        count = next((n for t in sentence if t.lemma_.lower() in VIOLATION_NOUNS for n in [_violation_count(t)] if n),
                     None)
        stated = count is not None
    anchor = trigger.violation or trigger.verb or trigger.noun
    date, dated_here = clause_date(sentence, trigger.verb or trigger.noun, anchor, context.published)
    if date is None and phrase is not None and violator is not None:  # the sentence gives no day at all
        date, dated_here = _referred_day(phrase, violator, context) or (date, dated_here)
    came_from = (phrase is not None and phrase.by_origin and phrase.state == violator) or (
        (phrase is None or phrase.state is None) and violator == _origin(trigger, victim))
    by_origin = violator is not None and came_from
    return Mention(
        kind="airspace_violation", country=victim, field=context.field, sentence=sentence,
        rule="violation.supporting" if trigger.supporting else "violation.entry", violator=violator,
        by_origin=by_origin,
        hedged=bool(violator) and ((phrase is not None and phrase.hedged) or _hedged_clause(trigger)),
        platform=phrase.platform if phrase else None, model=model,
        count=count, count_stated=stated, duration=duration_minutes(text_of(sentence)),
        occurred_on=date, date_in_clause=dated_here,
        location=trigger.place or location_in(sentence, without_other_clauses(anchor), {victim}),
        supporting=trigger.supporting, left=trigger.supporting and trigger.verb is not None,
    )


def _summoned_envoy(sentence: Span, victim: str) -> str | None:
    """ "Iraq summoned Turkey's ambassador over strikes that violated its airspace": the state whose envoy the victim
    summons over a violation is the one it holds responsible for it."""
    for envoy in sentence:
        if envoy.lemma_.lower() in ENVOY_NOUNS and envoy.head.lemma_.lower() in SUMMONING_VERBS:
            state = nationality([c for c in envoy.children if c.dep_ in {"poss", "amod", "compound", "nmod"}])
            if state and state != victim:
                return state
    return None


def _by_ground_forces(trigger: Trigger) -> bool:
    """ "the incursion of X troops into Y territory": an entry into territory (not airspace) by soldiers, units or
    tanks is a ground incursion, not a flight into a state's airspace."""
    return trigger.noun.lemma_.lower() != "airspace" and any(
        word.lemma_.lower() in GROUND_FORCES for word in _intruder_words(trigger))


def _referred_day(phrase: Phrase, violator: str, context: Context) -> tuple[FuzzyDate, bool] | None:
    """ "both X jets had entered ..." after "downed two X jets on Friday": a definite phrase with no
    day of its own refers back to the state's aircraft an earlier clause dated, the latest numbered as many."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in phrase.head.children):
        return None
    days = context.intruder_days.get((phrase.platform, violator), [])
    if phrase.count_stated:
        days = [(day, count) for day, count in days if count == phrase.count]
    return (days[-1][0], True) if days else None


def _accused(verb: Token) -> bool:
    """ "accused Seoul of flying drones": the verb is what one state accuses another of."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in ACCUSING


def _accusers(accusing: Token) -> list[str]:
    """The states that accuse, every one of a list: "Poland, Estonia and Romania accused X", "the governments of A
    and B accused X": the owners of the "their airspace" they accuse X of breaching."""
    who = subject(accusing)
    if who is None:
        return []
    words = coordinated(who) + [t for prep in who.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                for obj in prep.children if obj.dep_ == "pobj" for t in coordinated(obj)]
    return list(dict.fromkeys(code for word in words for code in [state_of(word)] if code))


def _accused_state(verb: Token) -> str | None:
    """The state accused "of violating" something: "accused Moscow of violating their airspace"."""
    accused = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    return state_of(accused) if accused is not None else None


def _flier_state(phrase: Phrase, verb: Token) -> str | None:
    """The state that flew it: its own ("South Korean drones"), the subject of "fly"/"send", or the one accused
    "of flying" it."""
    if phrase.state:
        return phrase.state
    if _accused(verb):
        return _accused_state(verb)
    doer = subject(verb) if verb.lemma_.lower() in FLYING_VERBS else None
    return state_of(doer) if doer is not None and not is_platform_word(doer) else None


def _quantified(head: Token) -> Token:
    """The noun that stands in the clause for a phrase counted by another: "three pairs of jets passed"."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {"NOUN", "NUM", "PRON"}:
        return head.head.head
    return head


def _counted(head: Token) -> Token:
    """The noun a quantity picks from: "two of its islands" stands for islands."""
    if head.pos_ in {"NUM", "PRON"} or head.lower_ in QUANTITY_NOUNS:
        return next((obj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for obj in prep.children if obj.dep_ == "pobj"), head)
    return head


def _overflown(verb: Token) -> list[Token]:
    """What a flight went over: the objects of "over"/"above", and what "overflew" takes (or "flew over" with
    "over" left without an object of its own, the place read as the verb's)."""
    particle = any(c.dep_ in {"prt", "prep"} and c.lower_ in OVER_PREPOSITIONS
                   and not any(o.dep_ == "pobj" for o in c.children) for c in verb.children)
    above = OVER_PREPOSITIONS | (HOVERING_PREPOSITIONS if base_form(verb) in HOVERING_VERBS else set())
    # "flew at low altitude over X", "at 3,000 feet above Y": the parser hangs "over" on the height
    heights = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for o in c.children
               if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep" and p.lower_ in above]
    # "sending drones over X": the parser hangs "over" on what was sent
    carried = [p for o in verb.children if o.dep_ == "dobj" and is_platform_word(o) for p in o.children
               if p.dep_ == "prep" and p.lower_ in OVER_PREPOSITIONS]
    preps = [*(c for c in verb.children if c.dep_ in {"prep", "advmod"} and c.lower_ in above), *heights, *carried]
    return [obj for prep in preps
            for obj in [*prep.children, *(o for c in prep.children if c.dep_ == "prep" for o in c.children)]
            if obj.dep_ == "pobj"] + (
        [c for c in verb.children if c.dep_ == "dobj"] if particle or base_form(verb) == "overfly" else [])


def named_places_overflown(verb: Token) -> list[Token]:
    """The places a flight went over that are named by a proper name of no state: "flew over Makronisi"."""
    return [obj for obj in _overflown(verb) if obj.pos_ == "PROPN" and not is_state_name(obj.text)]


def _land_owner(verb: Token, context: Context) -> str | None:
    """Whose land a flight went over when no name there is known: "two Greek islands" by its nationality, "the
    islands of X" or "the town of Y" the article's state's; never open water ("over the Gulf of X")."""
    for obj in map(_counted, _overflown(verb)):
        possessor = _possessor_place(obj)
        if possessor is not None and place_country(whole_name(possessor)) is None:
            return context.main_country  # "over X's barracks", X a town no gazetteer knows: the story's state's
        if obj.lemma_.lower() not in LAND_PLACES and obj.lower_ not in LAND_PLACES:
            continue
        # "over the US base in X": a site is where its own place is, not in the state that owns it
        located = next((code for t in site_locators(obj) for code in [place_country(whole_name(t))] if code), None)
        named = located or nationality([t for t in obj.subtree if t.i < obj.i])
        if named:
            return named
        if any(c.dep_ == "poss" and c.lower_ in STATE_POSSESSIVES for c in obj.children):
            return subject_state(verb) or context.main_country  # "Finland protested after jets flew over its islands"
        names = [t for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for t in prep.subtree if t.pos_ == "PROPN"]
        if names and not any(place_country(t.text) for t in names):  # not "the city of Kaliningrad": Russian
            return context.main_country
        if not names and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
            return context.main_country  # "flew over the island": the one the story named, in the story's state
    return None


def overflights(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """A state's drones or aircraft flown, or seen, over another state's place: "Minsk sent drones over Vilnius",
    "Latvia accused Moscow of sending drones over Riga", "Russian drones were seen over Riga"."""
    mentions: list[Mention] = []
    for phrase in found:
        # "Minsk sent drones over ...", or the drones' own clause: "downed drones sent by Moldova over Kaunas"
        sent = next((c for c in phrase.head.children if c.dep_ == "acl" and c.lemma_.lower() in OVERFLYING_VERBS), None)
        noun = _quantified(phrase.head)
        if phrase.defender or (noun.dep_ not in {"dobj", "nsubj", "nsubjpass"} and sent is None):
            continue
        verb = sent or noun.head
        # "X claims Y's jets flew over its base": a state's claim of an overflight reports it, as its claim of an
        # entry does; a denial ("Y denies its jets flew over ...") still does not
        if base_form(verb) not in OVERFLYING_VERBS or doubted(verb, doubting=DOUBTING_HEADS - CLAIMING) or negated(
                phrase.head):
            continue
        flier = _flier_state(phrase, verb)
        over = _over(verb)
        victims = [code for word in over for code in [place_country(word.text)] if code and code != flier]
        victims = victims or [code for code in [_land_owner(verb, context)] if code and code != flier]
        if flier is None or not victims:
            continue
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        if not dated_here and _accused(verb):
            date = None  # "Riga on Friday accused Minsk of sending drones": the day of the accusation
        where = next((w.text for w in over if not is_state_name(w.text)), None)
        mentions.append(Mention(
            kind="airspace_violation", country=victims[0], field=context.field, sentence=sentence,
            rule="violation.overflight", violator=flier, hedged=phrase.hedged, platform=phrase.platform, model=phrase.model, count=phrase.count,
            count_stated=phrase.count_stated, duration=duration_minutes(text_of(sentence)), occurred_on=date,
            date_in_clause=dated_here, location=where))
    return mentions


def _per_day(mention: Mention, scope: list[Token], context: Context, anchor: Token) -> list[Mention]:
    """ "entered on May 4, 9 and 12", "violated it on May 4 and again on June 2", "closed on Monday and Friday, each
    time because of balloons entering its airspace": one mention a day."""
    days = days_told(scope, anchor, context.published)
    return [replace(mention, occurred_on=day, date_in_clause=True) for day in days] if days else [mention]


def _remains(head: Token) -> Token:
    """The noun that stands in the clause for what came down: "debris of a drone was found", "drone wreckage was
    found", "two of the drones crashed"."""
    if head.dep_ == "compound" and head.head.lemma_.lower() in REMAINS_NOUNS:
        return head.head
    link = head.head
    if head.dep_ == "pobj" and link.lower_ in REMAINS_PREPOSITIONS and link.head.lemma_.lower() in REMAINS_NOUNS:
        return link.head  # "fragments from a drone were found": a story names the remains by what they came from
    found = next((c for c in link.head.children if c.dep_ == "dobj" and c.lemma_.lower() in REMAINS_NOUNS), None) if (
        head.dep_ == "pobj" and link.lower_ in REMAINS_PREPOSITIONS and link.head.lemma_.lower() in FINDING_VERBS) else None
    if found is not None:
        return found  # "soldiers found debris from a drone", the parser hanging "from a drone" on the verb
    governor = _quantified(head)
    if governor.pos_ in {"NUM", "PRON"} or governor.lemma_.lower() in REMAINS_NOUNS | QUANTITY_NOUNS:
        return governor
    return head


def _came_down(verb: Token) -> bool:
    """ "crashed", "exploded", and phrasal verbs of coming down: "came down", "blew up"."""
    lemma = verb.lemma_.lower()
    return lemma in CRASHING_VERBS or any(c.lower_ == CRASHING_PARTICLES.get(lemma) for c in verb.children)


def _crash_verb(head: Token) -> Token | None:
    """The verb saying the thing came down: "crashed", "fell", "came down", "were found" (passive)."""
    verb = head.head
    if head.dep_ in {"nsubj"} and _came_down(verb):
        return verb
    relative = next((c for c in head.children if c.dep_ == "relcl"), None)  # "a drone that came down near X"
    if relative is not None and _came_down(relative):
        return relative
    participle = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    if head.dep_ == "pobj" and participle is not None and _came_down(participle):
        return participle  # "reported cases of X drones crashing on their soil": what the report was instances of
    if head.dep_ in {"nsubjpass", "dobj"} and verb.lemma_.lower() in FINDING_VERBS:
        return verb  # "a drone was found near X", "border guards recovered a drone near X"
    if head.dep_ in {"compound", "nmod"} and _misread_verb(verb, CRASHING_VERBS):
        return verb  # a timeline's "A drone crashes in a field near X", read as a noun phrase
    return None


def _ground_holders(verb: Token, remains: Token) -> list[Token]:
    """The words a place of coming down may hang on: the verb; a verb joined to it ("fell and exploded on its
    soil": the place closes the pair); what was found, when the finding verb takes it as object ("soldiers found
    drone fragments near the village": the place tells where the remains lay)."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    found = [remains] if remains.dep_ == "dobj" and remains.head.i == verb.i else []
    return [verb, *joined, *found]


def _ground_state(verb: Token, context: Context, remains: Token | None = None) -> tuple[str | None, Token | None]:
    """The state whose ground it came down on, and the word that places it: "on Finnish territory", "in its
    eastern region" (its: the state that says so), "near the Estonian town of X", "in Valga", "into an orchard in
    southern Slovakia"."""
    holders = _ground_holders(verb, remains) if remains is not None else [verb]
    unnamed: Token | None = None  # "in a field": a place that names no state, the story's unless a later one does
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ != "prep" or prep.lower_ not in GROUND_PREPOSITIONS:
            continue
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}):
            # "near the Estonian town of X", "into a farm in eastern Poland"
            words = [t for t in obj.subtree if t.i <= obj.i or t.head.lower_ in PLACE_PHRASE_PREPOSITIONS]
            if any(t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss" for t in words):
                listed = _subject_states(verb) if any(t.lower_ == "their" for t in words) else []
                return (listed[0] if listed else subject_state(verb)), obj  # "A and B reported ... on their soil"
            code = nationality(words) or next((place_country(t.text) for t in words if t.pos_ == "PROPN"
                                               and place_country(t.text)), None)
            if code:
                return code, obj
            unnamed = unnamed or obj
    # "crashed in a field in eastern X", the parser hanging both places on the verb: the one that names a state
    return (context.main_country, unnamed) if unnamed is not None else (None, None)


def _grounds_listed_with(verb: Token, where: Token | None, first: str) -> list[str]:
    """The other states one crash clause places what came down in: "crashed in X and Y", "fell in X and in Y",
    "X and Y reported drones crashing on their territory". News tells one night's strays across a border in one
    clause for every state they came down in; each state's ground is its own violation."""
    if where is None:
        return []
    if any(t.lower_ == "their" and t.dep_ == "poss" for t in where.children):
        listed = _subject_states(verb)
    else:
        prep = where.head
        words = coordinated(where) + [o for c in prep.children if c.dep_ == "conj" and c.lower_ == prep.lower_
                                      for o in c.children if o.dep_ == "pobj"]
        listed = [code for t in words if is_state_name(t.text) for code in [state_of(t)] if code]
    return [code for code in dict.fromkeys(listed) if code != first]


def _finder_state(verb: Token) -> str | None:
    """The state whose forces, soldiers, crews or officials found remains, the subject of an active finding verb:
    a state searches its own ground, so where the place found names no state ("near a village"), the ground is
    theirs; private people ("hikers") may be anywhere."""
    if verb.lemma_.lower() not in FINDING_VERBS:
        return None
    searchers = ARMED_BODIES | NATIONAL_BODY_HEADS | SEARCHING_BODIES
    for finder in (c for c in verb.children if c.dep_ == "nsubj"):
        words = [t for t in finder.subtree if t.i <= finder.i]
        if finder.lemma_.lower() in searchers or finder.lower_ in searchers:
            code = state_of(finder) or nationality(words)
            if code:
                return code
    return None


def _names_state(where: Token | None, state: str) -> bool:
    """Whether the words placing something name its state ("in a field in eastern X"), not leave it to the story."""
    return where is not None and (any(t.pos_ == "PROPN" and place_country(t.text) == state for t in where.subtree)
                                  or nationality(list(where.subtree)) == state)  # "near the X-ish town of Y"


def downed_before(head: Token) -> bool:
    """ "the wrecked drone", "the downed balloon", "the fallen drone": a definite phrase that refers back to what
    the story told came down before the clause it is in; found or recovered on a later day, it is found on the day
    of the search, which is not the day of the event ("herders discovered three crashed drones last year" tells of
    drones the story had not told of: the finding dates them)."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) and any(c.dep_ in {"amod", "acl", "compound"} and (c.lower_ in DOWNED_WORDS or base_form(c) in DOWNING_VERBS
                                                          | DESTROYING_VERBS | CRASHING_VERBS) for c in head.children)


def crashes(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """A state's drone, missile or balloon that crashed, fell or was found on another state's ground; a drone of no
    known state that came down is a sighting where it did."""
    mentions: list[Mention] = []
    for phrase in found:
        remains = _remains(phrase.head)  # "X drone wreckage": the state may modify the remains
        own = phrase.state or (nationality([c for c in remains.children if c.dep_ in {"amod", "compound", "poss"}])
                               if remains is not phrase.head else None)
        # what is left of a drone of no state named may be of any drone told before: only a state's stands for it
        verb = _crash_verb(remains if own else phrase.head) if phrase.platform in UNMANNED_PLATFORMS else None
        if verb is None or phrase.defender or doubted(verb) or negated(phrase.head):
            continue
        earlier = None if own else _antecedent(phrase, True, context)
        flier = own or (earlier.state if earlier else None)
        victim, where = _ground_state(verb, context, remains if own else phrase.head)
        if victim is None and verb.lemma_.lower() in FINDING_VERBS and _own_force(verb):
            victim = context.main_country  # "the rangers recovered a drone sent across the frontier": the story's
        finder = _finder_state(verb)
        if finder is not None and not (victim is not None and _names_state(where, victim)):
            victim = finder  # "Latvian troops found drone debris near a village": they searched their own ground
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        if verb.lemma_.lower() in FINDING_VERBS and downed_before(phrase.head):
            date, dated_here = None, False  # "police retrieved the wrecked drone on Tuesday": the search's day
        for other in _grounds_listed_with(verb, where, victim) if flier is not None and victim is not None else []:
            mentions.append(Mention(
                kind="airspace_violation", country=other, field=context.field, sentence=sentence,
                rule="violation.crash_listed", violator=flier, by_origin=phrase.by_origin,
                hedged=phrase.hedged or bool(earlier and earlier.hedged), platform=phrase.platform,
                model=phrase.model or (earlier.model if earlier else None), occurred_on=date, date_in_clause=dated_here))
        if flier is None and victim is not None and phrase.platform == "drone" and (
                victim == context.main_country or _names_state(where, victim)):
            mentions.append(Mention(  # a drone of no known state came down there: it was over that state
                kind="drone_sighting", country=victim, field=context.field, sentence=sentence,
                rule="sighting.crash", platform="drone",
                count=phrase.count, count_stated=phrase.count_stated, occurred_on=date, date_in_clause=dated_here,
                location=location_in(sentence, own_clause(verb), {victim}, scope_only=True)))
        if flier is None or victim is None or victim == flier:
            continue
        mentions.append(Mention(
            kind="airspace_violation", country=victim, field=context.field, sentence=sentence,
            rule="violation.crash", violator=flier, by_origin=phrase.by_origin, hedged=phrase.hedged or bool(earlier and earlier.hedged),
            platform=phrase.platform, model=phrase.model or (earlier.model if earlier else None), count=phrase.count,
            count_stated=phrase.count_stated, occurred_on=date, date_in_clause=dated_here,
            location=location_in(sentence, own_clause(verb), {victim}, scope_only=True)))
    return mentions


def _shot_down(phrase: Phrase) -> Token | None:
    """The verb that says a state's forces brought the thing down: "shot down an X drone", "downed an X balloon"."""
    head = _quantified(phrase.head)
    verb = head.head
    if head.dep_ == "nsubj":  # "an X drone crossed the border and was shot down": the passive verb it is subject of
        verb = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and any(a.dep_ == "auxpass" for a in c.children)
                     and not any(a.dep_ in {"nsubj", "nsubjpass"} for a in c.children)), verb)
        if verb is head.head:
            return None
    elif head.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma == "down" or lemma in DESTROYING_VERBS or (lemma in DOWNING_VERBS and any(c.lower_ == "down" for c in verb.children)):
        return verb
    return None


def _sent_from(phrase: Phrase) -> Phrase:
    """ "Shot down two drones from X", "downed a drone carrying rifles from X": where the parser hangs the state a
    drone came from on the verb that brought it down, or on the cargo it carried, it is still the drone's origin."""
    verb = _quantified(phrase.head).head
    holders = [verb] + [c for c in phrase.head.children if c.dep_ == "acl"]
    holders += [o for acl in holders[1:] for o in acl.children if o.dep_ == "dobj"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from" and prep.i > phrase.head.i:
                state = next((place_country(o.text) for o in prep.children
                              if o.dep_ == "pobj" and is_state_name(o.text)), None)
                if state:
                    return replace(phrase, state=state, by_origin=True)
    return phrase


def _own_force(verb: Token) -> bool:
    """ "The Coastal Rangers brought down a drone", "ordered the coast guard to shoot it down": the one that
    brought it down is a force named without a state (an agency's own name, "the troops"), which in the story of a
    state is that state's own; not a state's name, nor people ("a farmer brought down a drone")."""
    shooters = [c for c in verb.children if c.dep_ == "nsubj"]
    if not shooters and verb.dep_ == "xcomp":  # "forced the guards to shoot it down": the one made to
        shooters = [c for c in verb.head.children if c.dep_ == "dobj"]
    shooters += [a for s in shooters for a in s.children if a.dep_ == "appos"]  # "Tarn Taran: the Border Force ..."
    if verb.dep_ == "ccomp" and any(s.lower_ in {"it", "they"} for s in shooters):  # "the army said it had downed"
        shooters += [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in ARMED_BODIES | NATIONAL_BODY_HEADS or s.lower_ in ARMED_BODIES
               or (s.ent_type_ == "ORG" and s.pos_ == "PROPN") for s in shooters)


def _over_water(verb: Token) -> bool:
    """ "shot down a jet over the Mediterranean": over open water, in no state's airspace that the words show."""
    return any(t.lower_ in WATER_WORDS for prep in verb.subtree if prep.dep_ == "prep" and prep.lower_ in
               OVER_PREPOSITIONS for t in prep.subtree)


def shootdowns(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """ "X's forces have shot down a Y drone", "the Americans shooting down a Y balloon": a state that brings down
    another state's drone, balloon or aircraft over its own ground had it in its airspace."""
    mentions: list[Mention] = []
    for phrase in found:
        if phrase.state is None and not phrase.defender:
            phrase = _sent_from(phrase)
        verb = _shot_down(phrase) if phrase.state and not phrase.defender else None
        # a state's claim to have brought down another's drone is its claim of a violation, as a claimed entry is;
        # so is one "from" a state ("downed a drone carrying arms from X"): it came across, as a crash from X does
        if verb is None or doubted(verb, doubting=DOUBTING_HEADS - CLAIMING) or negated(phrase.head) or _over_water(verb):
            continue
        if phrase.by_origin and verb.lemma_.lower() in DESTROYING_VERBS:
            continue  # "destroyed a drone from X" may be on the ground, long after; brought down, it was in the air
        shooter = subject_state(verb) or nationality([t for c in verb.children if c.dep_ == "agent" for t in c.subtree]) \
            or (context.main_country if verb.dep_ in {"acl", "pcomp", "advcl"} else None)  # "downed by X air defences"
        if shooter is None:  # "an X drone was shot down over southern Y": brought down in Y's airspace
            shooter = next((code for word in _over(verb) for code in [place_country(word.text)]
                            if code and code != phrase.state), None) or _land_owner(verb, context)
            shooter = None if shooter == phrase.state else shooter
        if shooter is None and _own_force(verb) and not any(place_country(w.text) for w in _over(verb)):
            shooter = context.main_country
        if shooter is None or shooter == phrase.state:
            continue
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        mentions.append(Mention(
            kind="airspace_violation", country=shooter, field=context.field, sentence=sentence,
            rule="violation.shot_down", violator=phrase.state, by_origin=phrase.by_origin, hedged=phrase.hedged,
            platform=phrase.platform,
            model=phrase.model, count=phrase.count, count_stated=phrase.count_stated, occurred_on=date,
            date_in_clause=dated_here, location=location_in(sentence, own_clause(verb), {shooter}, scope_only=True)))
    return mentions


def violations(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """One mention per violation the sentence reports, victim it names and day it lists (given its platform
    phrases)."""
    return [mention for trigger in _triggers(sentence) if not _blocked(trigger, context.published)
            for victim in _victims(trigger, context)
            for found_one in [_violation(sentence, trigger, victim, found, context)] if found_one is not None
            for mention in _per_day(found_one, list((trigger.verb or trigger.noun).subtree), context,
                                    trigger.verb or trigger.noun)]


@dataclass(frozen=True)
class Identification:
    """What a sentence says an earlier intruder was: "it was probably a Russian decoy", "they were most likely
    Belarusian"."""

    state: str
    hedged: bool
    model: str | None
    blamed: bool = False  # an official put it down to the state ("called it a provocation by X"): drones only
    # sighted until then become its violation; "it was Russian" may be an aside on something else


def _called(sentence: Span) -> Identification | None:
    """ "The minister called it another provocation by X": what an earlier intruder was, named by its state
    through "by" or "from" in the description given it."""
    for verb in sentence:
        if verb.lemma_.lower() not in CALLING or doubted(verb):
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in FLIER_PRONOUNS for c in verb.children):
            continue
        for description in (c for c in verb.children if c.dep_ in {"oprd", "attr", "xcomp", "dobj"}
                            and c.lower_ not in FLIER_PRONOUNS):  # the parser may read the description as an object
            for prep in (t for t in description.subtree if t.dep_ == "prep" and t.lower_ in AUTHOR_PREPOSITIONS):
                named = [o.doc[o.left_edge.i: o.i + 1].text for o in prep.children if o.dep_ == "pobj"]
                state = next((place_country(n) for n in named if is_state_name(n)), None)
                if state is not None:
                    return Identification(state, False, None, blamed=True)
    return None


def _kind_described(verb: Token, subject: Token) -> bool:
    """ "Drones of this kind are cheap decoys that X launches": a bare plural in the present describes a kind of
    aircraft, not the intruder an earlier sentence reported."""
    bare = subject.tag_ in {"NNS", "NNPS"} and not any(c.dep_ in {"det", "poss", "nummod"} for c in subject.children)
    return bare and verb.tag_ == "VBP"


def identification(sentence: Span, found: list[Phrase], model_states: dict[str, str] | None = None
                   ) -> Identification | None:
    """A sentence that names the state of something an earlier sentence reported: "it"/"they"/"the drone" as the
    subject of "be" with a nationality for complement, or a model an earlier sentence gave a state (model_states:
    "it was also an X" after "a Russian X"), or "called it a provocation by X"; "probably", "most likely" hedge it."""
    called = _called(sentence)
    if called is not None:
        return called
    for verb in sentence:
        if (verb.lemma_ != "be" and verb.lemma_.lower() not in OWNING_VERBS) or doubted(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or not (subjects[0].lower_ in FLIER_PRONOUNS or is_platform_word(subjects[0])):
            continue
        if _kind_described(verb, subjects[0]):
            continue
        if subjects[0].lower_ not in FLIER_PRONOUNS and any(p.head == subjects[0] and p.state and not p.by_origin
                                                       for p in found):
            continue
        complement = [t for c in verb.children if c.dep_ in {"attr", "acomp"} or (
            c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_ != "be") for t in c.subtree]  # "belonged to X"
        models = [name for t in complement for name in [model_name(t)] if name]
        state = nationality(complement) or next(((model_states or {}).get(m) for m in models
                                                 if (model_states or {}).get(m)), None)
        if state is not None:
            # "probably", "most likely", a clause it hangs from ("it is very likely that it was ..."), and a
            # verb of belief it is the object of ("Oslo believed the balloon was Chinese")
            words = [*complement, *(c for v in (verb, *verb.ancestors) for c in v.children
                                    if c.dep_ in {"advmod", "acomp"}), *(a for a in verb.ancestors if a.pos_ == "VERB")]
            return Identification(state, any(hedged(t.text) or t.lower_ == "likely" for t in words),
                                  models[0] if models else None)
    return None
