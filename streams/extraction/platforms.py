"""What flew: aircraft, drone, balloon and missile phrases of a parsed sentence, with their state, model and number.

A phrase is a platform noun ("drones", "jets", "balloon") with its modifiers:
"two Belarusian Su-25 attack jets", "a balloon believed to be Chinese",
"Shahed drones launched by Russia". The state on the phrase is its nationality;
jets that scramble, shadow, intercept or shoot down are the defenders and never
the intruder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from streams.extraction.lexicon import (AMID_PREPOSITIONS, ARMED_BODIES, ATTACK_NOUNS, ATTRIBUTION_HEDGES, COMPARATIVES, COUNT_HEDGES, DESIGNATION_PREFIXES, DIRECTION_PREFIXES,
                                       DIVIDED_HALVES,
                                       DISPATCHING_VERBS, DRONE_HEAD_NOUNS, DRONE_MODIFIERS, HOME_WORDS, IDENTIFYING,
                                       INTERCEPTING_VERBS, LAND_PLACES, DISRUPTION_NOUNS, LAUNCHING, LIKENESS_WORDS,
                                       SIMILARITY_WORDS, USING_VERBS, MANUFACTURE_PARTICIPLES, MODEL, MODEL_TYPE_WORDS,
                                       NAMED_MODELS, NUMBERED_MAKERS, ORIGIN_PREPOSITIONS, OWNING_VERBS, PAIR_NOUNS, PARTICIPATING_VERBS, PLATFORMS,
                                       QUANTITY_NOUNS, SAME_PLURAL, SINGLE_WORDS, SINGULAR_WORDS)
from streams.extraction.numbers import number
from streams.extraction.places import country_code


@dataclass(frozen=True, slots=True)
class Phrase:
    """One platform phrase: its head noun, kind of platform, and what its words say about it."""

    head: Token
    platform: str
    state: str | None
    hedged: bool
    by_origin: bool  # the state is only where it came from: "a drone from Belarus"
    model: str | None
    count: int | None
    count_stated: bool  # a number was written; otherwise a singular noun implies one
    defender: bool


def platform_of(token: Token) -> str | None:
    """The platform a noun names ("jets" -> aircraft, "Shahed" -> drone, "MiG-31s" -> aircraft), or None."""
    key = token.lemma_.lower()
    if key in DRONE_HEAD_NOUNS and any(c.lower_ in DRONE_MODIFIERS or (c.dep_ == "compound" and PLATFORMS.get(
            c.lemma_.lower()) == "drone") for c in token.children):
        return "drone"  # "unmanned aerial vehicle", "two drone aircraft"
    singular = token.lower_[:-1] if token.lower_.endswith("s") else token.lower_  # "Drones" tagged a proper noun
    for word in (key, token.lower_, singular):
        if word in PLATFORMS:
            return PLATFORMS[word]
    if token.pos_ in {"NOUN", "PROPN", "ADJ"} and MODEL.fullmatch(token.text):
        return next((kind for name, kind in NAMED_MODELS.items() if token.text.startswith(name)), "aircraft")
    return None


def model_name(token: Token) -> str | None:
    """The model designation a token begins, with the pieces the tokenizer split off it: "Tu-22M" (read as "Tu-22"
    and "M"), "Mirage 2000", "Su 30" (the same aircraft as "Su-30"), a maker's name and a bare number ("a Saab 340");
    None when the token names no model."""
    match = MODEL.fullmatch(token.text)
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if match is None and token.text in NUMBERED_MAKERS and token.pos_ == "PROPN":
        return f"{token.text} {nxt.text}" if nxt is not None and re.fullmatch(r"\d{1,4}", nxt.text) else None
    if match is None and token.text not in DESIGNATION_PREFIXES:
        return None
    name = match.group(1) if match else token.text
    if nxt is not None and not token.whitespace_ and re.fullmatch(r"[A-Z]{1,3}", nxt.text):
        return name + nxt.text
    if nxt is not None and name in NAMED_MODELS.keys() | DESIGNATION_PREFIXES and re.fullmatch(r"\d{1,4}", nxt.text):
        return f"{name}{'-' if name in DESIGNATION_PREFIXES else ' '}{nxt.text}"
    return name if match else None


def _identified_as(head: Token) -> list[Token]:
    """The words after a platform noun that say what it was: an apposition ("a plane, a Y-12,") or the complement of
    an identifying verb ("the drone, identified as a Gerbera decoy", "an aircraft resembling an Orlan-10")."""
    return [t for c in head.rights
            if c.dep_ == "appos" or (c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in IDENTIFYING) for t in c.subtree]


def is_platform_word(token: Token) -> bool:
    return platform_of(token) is not None


def _head_noun(token: Token) -> Token:
    """The platform noun a modifier belongs to: "Shahed" and "attack" in "Shahed drones", "Su-25 attack jets".

    A platform word that modifies some other noun ("a drone violation") heads its own phrase.
    """
    head = token
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    return head if head == token or platform_of(head) else token


def _typed(modifiers: list[Token]) -> list[str]:
    """ "a Cessna-type plane", "a Beechcraft type aircraft": a maker's or model's name before "type" says what model
    it was, where the name is none the lexicon knows."""
    return [t.text for t, after in zip(modifiers, modifiers[1:]) if t.pos_ == "PROPN" and t.text[:1].isupper() and (
        after.lower_ in MODEL_TYPE_WORDS or (after.text == "-" and after.i + 1 <= modifiers[-1].i
                                             and after.doc[after.i + 1].lower_ in MODEL_TYPE_WORDS))]


def phrases(span: Span) -> list[Phrase]:
    """Every platform phrase of a sentence, in order, one per head noun."""
    heads: dict[int, Token] = {}
    for token in span:
        if platform_of(token) is not None:
            head = _head_noun(token)
            heads[head.i] = head
    return [_phrase(head) for _, head in sorted(heads.items())]


def _phrase(head: Token) -> Phrase:
    modifiers = list(head.doc[head.left_edge.i: head.i + 1])
    post = [t for c in head.rights if c.dep_ in {"acl", "relcl", "appos", "prep", "amod"} for t in c.subtree]
    verb = own_verb(head.head) if head.dep_ == "nsubj" else None
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() in IDENTIFYING:
        # "the object, thought to be a balloon, drifted ...": the parser makes the aside the clause
        post += [t for c in head.head.children if c.dep_ in {"xcomp", "oprd"} for t in c.subtree]
    if verb is not None:  # "drones launched from Russia entered ...": what the participle says of them
        post += [t for c in head.head.children if c.dep_ in {"prep", "agent"} and c.i < verb.i for t in c.subtree]
    state, hedge, came_from = _state(modifiers, post)
    if state is None:
        state, hedge = _launcher(head)
    models = [name for t in modifiers for name in [model_name(t)] if name] or [
        name for t in _identified_as(head) for name in [model_name(t)] if name] or _typed(modifiers)
    count, stated = _count(head, modifiers)
    platform = platform_of(head) or "unknown"
    if platform == "unknown":
        platform = _likened(head) or platform
    if platform == "unknown":  # "the object, believed to be a balloon": what it was found to be
        platform = next((p for t in post if t.dep_ in {"attr", "appos"} or (t.dep_ == "pobj" and t.head.lower_ == "as")
                         for p in [platform_of(t)]
                         if p not in {None, "unknown"}), platform)
    return Phrase(head=head, platform=platform, state=state, hedged=hedge, by_origin=came_from,
                  model=models[0] if models else None, count=count, count_stated=stated, defender=_defending(head))


def _likened(head: Token) -> str | None:
    """ "a drone-like object", "a balloon-shaped object": what a witness likened a thing of no known kind to is what
    the report says it was seen as."""
    return next((kind for c in head.lefts if c.lower_ in LIKENESS_WORDS for g in c.children
                 for kind in [platform_of(g)] if kind not in {None, "unknown"}), None)


def phrase_of(token: Token, found: list[Phrase]) -> Phrase | None:
    """The phrase a subject or object token stands for: the phrase itself, or "dozens of drones", "one of the jets"
    (numbered as the part: one)."""
    for phrase in found:
        if phrase.head == token:
            return phrase
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            phrase = next((p for p in found for obj in child.children if obj.dep_ == "pobj" and p.head == obj), None)
            part = number(token.text)  # "one of the two jets" is one jet
            return replace(phrase, count=part, count_stated=True) if phrase and part is not None else phrase
    return None


def nationality(tokens: list[Token]) -> str | None:
    """The state that modifiers name: "Russian", "China's", "North Korean"; not "Russian-made"."""
    for token in tokens:
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and token.text in DIRECTION_PREFIXES:
            code = country_code(f"{token.text} {nxt.text}")
            if code:
                return code
        after = token.doc[token.i + 2] if token.i + 2 < len(token.doc) else None
        if nxt is not None and after is not None and nxt.text == "-" and after.lower_ in MANUFACTURE_PARTICIPLES:
            continue
        if token.ent_type_ in {"NORP", "GPE"} or token.pos_ in {"ADJ", "PROPN"}:
            left = token.doc[token.i - 1] if token.i > 0 else None
            named = left is not None and left.dep_ == "compound" and left.head == token  # "DR Congo"
            code = (country_code(f"{left.text} {token.text}") if named else None) or _of_name_state(token) \
                or country_code(token.text) or divided_half(token)
            if code:
                return code
    return None


def divided_half(token: Token) -> str | None:
    """ "the South's airspace", "drones from the North": a divided nation's half, called by its direction alone, is
    the state of that half when the sentence names the nation's states (a word of their names, demonyms or
    capitals); elsewhere "the North" is a region of some state, no state of its own."""
    if token.text not in DIRECTION_PREFIXES or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    for halves in DIVIDED_HALVES:
        if token.text in halves and any(country_code(ent.text) in halves.values()
                                        for ent in token.sent.ents if ent.start != token.i):
            return halves[token.text]
    return None


def attackers_state(head: Token) -> str | None:
    """ "Following a Russian drone attack", "during Russia's missile strikes": the state of an attack that sets the
    scene of a sentence is that of the weapon the platform word before it names."""
    attack = head.head
    if head.dep_ != "compound" or attack.lemma_.lower() not in ATTACK_NOUNS or attack.dep_ != "pobj" \
            or attack.head.lower_ not in AMID_PREPOSITIONS:
        return None
    return nationality([c for c in head.head.children if c.dep_ in {"amod", "compound", "poss"} and c.i < head.i])


def _of_name_state(token: Token) -> str | None:
    """A state whose name has an "of" in it, read whole: "the Democratic Republic of Congo", not Congo."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    name = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of is not None else None
    return country_code(token.doc[token.left_edge.i: name.i + 1].text) if name is not None else None


def _state(modifiers: list[Token], post: list[Token]) -> tuple[str | None, bool, bool]:
    """The phrase's state from its modifiers, else from "launched by Russia", "believed to be Russian",
    "from Belarus"; whether it is hedged, and whether it is only where the thing came from ("from Belarus")."""
    state = nationality(modifiers)
    if state:
        return state, any(ATTRIBUTION_HEDGES.fullmatch(t.text) for t in modifiers), False
    likened = _likened_to_users(post)
    if likened:
        return likened, True, False
    for token in post:
        came_from = token.head.lower_ == "from"
        # "of" on an object the thing acts on is that object's, not the thing's: "flew over the capitals of X"
        passed = token.head.lower_ == "of" and token.head.head.dep_ in {"pobj", "dobj"}
        origin = token.head.dep_ == "agent" or (token.head.lower_ in ORIGIN_PREPOSITIONS and not passed) \
            or token.head.lemma_ == "origin" \
            or (token.head.lower_ == "to" and token.head.head.lemma_.lower() in OWNING_VERBS)  # "belonging to X"
        # "described as a Chinese balloon", "identified as a Russian drone": what it was taken for
        taken_for = token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in IDENTIFYING
        # "a helicopter of the Y navy": the force it belongs to is the state's, wherever the phrase stands
        owned = token.dep_ == "pobj" and token.head.lower_ == "of" and token.lemma_.lower() in ARMED_BODIES
        if owned:
            code = nationality([c for c in token.children if c.dep_ in {"amod", "compound", "poss"}])
            if code:
                return code, any(ATTRIBUTION_HEDGES.fullmatch(t.text) for t in post), False
        if origin or taken_for or token.dep_ in {"acomp", "attr"}:  # "believed to be Russian", "to be a Russian drone"
            described = token.dep_ in {"acomp", "attr"} or taken_for
            code = nationality([token, *(c for c in token.children if described and c.dep_ in {"amod", "compound"})])
            if code:
                return code, any(ATTRIBUTION_HEDGES.fullmatch(t.text) for t in post), came_from
        if came_from and token.dep_ == "pobj" and token.pos_ == "NOUN":
            # "launched from a Russian navy frigate": the state whose ship launched it, unless the noun is its
            # ground ("launched from Belarusian territory" only says where it came from)
            code = nationality([t for t in token.subtree if t.i < token.i])
            if code:
                return code, any(ATTRIBUTION_HEDGES.fullmatch(t.text) for t in post), came_from and (
                    token.lemma_.lower() in HOME_WORDS)
    return None, False, False


def _likened_to_users(post: list[Token]) -> str | None:
    """ "a drone similar to those used by the X army": a thing likened to those a state uses is suspected to be that
    state's (hedged: a likeness, not an identification); the words after the likeness are not the thing's."""
    for word in post:
        if word.lower_ not in SIMILARITY_WORDS:
            continue
        users = [agent for to in word.children if to.dep_ == "prep" and to.lower_ == "to"
                 for obj in to.children if obj.dep_ == "pobj"
                 for verb in obj.children if verb.dep_ == "acl" and verb.lemma_.lower() in USING_VERBS
                 for by in verb.children if by.dep_ == "agent" for agent in by.children if agent.dep_ == "pobj"]
        for user in users:
            code = nationality([user, *(c for c in user.children if c.dep_ in {"amod", "compound", "poss"})])
            if code:
                return code
    return None


def _launcher(head: Token) -> tuple[str | None, bool]:
    """The state of whoever fired or sent the thing, when the sentence's own verb says so: "a missile that crashed
    into a barn ... was probably fired by Ukraine's air defences"; whether that is hedged ("probably")."""
    verb = head.head
    participle = next((c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in LAUNCHING), None)
    if participle is not None:  # "a rocket fired by X's air defences"
        verb = participle
    elif head.dep_ not in {"nsubjpass", "dobj"} or verb.lemma_.lower() not in LAUNCHING:
        return None, False
    if head.dep_ == "dobj" and participle is None:  # "X's air defences had probably fired the rocket"
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        agents = [t for d in doers if not is_platform_word(d) for t in d.subtree if t.i <= d.i]
    else:
        agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    state = nationality(agents)
    hedge = any(ATTRIBUTION_HEDGES.fullmatch(c.text) or c.lower_ == "likely"
                for c in verb.children if c.dep_ == "advmod")
    return state, bool(state) and hedge


def _count(head: Token, modifiers: list[Token]) -> tuple[int | None, bool]:
    """A written number ("20 drones", "about 19", "three jets"), else one for a singular noun, else None. "Two more
    jets than first reported" counts a difference, not the jets."""
    if any(c.lower_ in COMPARATIVES for c in head.children) and any(t.lower_ == "than" for t in head.subtree):
        return None, False
    for child in head.children:
        if child.dep_ == "nummod" and number(child.text) is not None:
            return number(child.text), True
    leading = [t for t in modifiers
               if t.dep_ not in {"det", "advmod", "quantmod", "punct"} and t.lower_ not in COUNT_HEDGES]
    if leading and leading[0].like_num and leading[0].dep_ == "nummod" and number(leading[0].text) is not None:
        return number(leading[0].text), True  # "Two Russian Tu-142 patrol planes": the number heads the phrase
    quantity = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if quantity is not None and quantity.lemma_.lower() in PAIR_NOUNS:  # "a pair of jets", "three pairs of Su-27s"
        pairs = next((number(c.text) for c in quantity.children if c.dep_ == "nummod" and number(c.text)), 1)
        return 2 * pairs, True
    if quantity is not None and quantity.lower_ in QUANTITY_NOUNS:
        return None, False  # "dozens of drones"
    if any(c.lower_ == "both" for c in head.children):
        return 2, True  # "both drones"
    if head.tag_ not in {"NN", "NNP"}:
        return None, False
    # "the aircraft" may be several: a noun whose plural is itself is one only by "an", "one", "this"
    single = SINGLE_WORDS - {"the"} if head.lower_ in SAME_PLURAL else SINGLE_WORDS
    if modifiers[0].lower_ in single or any(c.dep_ == "det" and c.lower_ in single for c in head.children):
        return 1, False  # "a plane", and "In May, a plane, ..." where the parse hangs the date on the plane
    if head.dep_ in {"compound", "nmod"} and head.head.i > head.i:  # "the RF-4E Phantom", "a drone incursion"
        first = head.doc[head.head.left_edge.i]
        singular = first.lower_ in SINGULAR_WORDS or (first.lower_ in SINGLE_WORDS and head.head.tag_ in {"NN", "NNP"})
        return (1, False) if singular else (None, False)
    if head.tag_ == "NN" and head.lower_ not in SAME_PLURAL and not any(c.dep_ == "det" for c in head.children):
        return 1, False  # a headline drops the article: "Navy helicopter strays into ..."
    return None, False


def own_verb(participle: Token) -> Token | None:
    """The clause's own verb when the parser took a participle for it: in "the balloon shot down off the coast on
    Saturday had passed through X" or "drones launched from Y entered X", "shot down" and "launched" describe the
    subject, and the verb that follows with no "and" between them ("had passed", "entered") is the clause's own."""
    if participle.tag_ not in {"VBD", "VBN"}:
        return None
    # no "and", nor a comma of a list of actions ("jets took off, intercepted the drones"), between them
    return next((conj for conj in participle.children
                 if conj.dep_ == "conj" and conj.pos_ in {"VERB", "AUX"} and conj.i > participle.i
                 and not any(c.dep_ in {"cc", "punct"} and participle.i < c.i < conj.i for c in participle.children)),
                None)


def _defending(head: Token) -> bool:
    """Jets that scramble, shadow, intercept or shoot down are the defenders: "Italian F-35s were scrambled"."""
    noun = head
    while noun.dep_ == "conj":
        noun = noun.head
    verb = noun.head.lemma_.lower()
    if noun.dep_ == "nsubj" and own_verb(noun.head) is not None:
        return False  # "the balloon shot down off the coast had passed through ...": what was shot down
    if noun.dep_ == "nsubj":
        return (verb in INTERCEPTING_VERBS and not _acts_on_a_place(noun.head)) or _taking_part(noun.head)
    if noun.dep_ in {"nsubjpass", "dobj"}:
        return verb in DISPATCHING_VERBS
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return noun.head.head.lemma_.lower() in INTERCEPTING_VERBS - DISPATCHING_VERBS
    return False


def _acts_on_a_place(verb: Token) -> bool:
    """ "drones forced Vilnius Airport to shut", "drones forced the closure of the airport": interceptors force,
    escort or engage aircraft; what forces an airport or a base to close is what was seen there."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in {"FAC", "GPE", "LOC"}
                                     or c.lemma_.lower() in LAND_PLACES | DISRUPTION_NOUNS) for c in verb.children)


def _taking_part(verb: Token) -> bool:
    """Jets that take part in, or assist, the response ("took part in the hunt for them") are among the defenders."""
    if verb.lemma_.lower() in PARTICIPATING_VERBS:
        return True
    return verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


def hedged(text: str) -> bool:
    """Whether a text hedges its attribution ("suspected", "believed to be", "likely")."""
    return ATTRIBUTION_HEDGES.search(text) is not None
