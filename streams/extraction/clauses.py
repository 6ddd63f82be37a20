"""Reading a clause of the dependency parse: its subject, the state it names, and whether it asserts anything.

An incident is only what a sentence asserts happened. "did not enter", "denied that
its jet had violated", "if the incursions continued", "any drone that enters" and
"repeated incursions" assert no event; these helpers tell them apart.
"""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.lexicon import (BACKDROP_LINKS, BACKDROP_NOUNS, AFTER_PREPOSITIONS, AIRSPACE_NOUNS, COMPANION_ADVERBS, CONDITION_CONJUNCTIONS,
                                        COUNTING_WORDS, DIRECTION_PREFIXES, DOUBTING_HEADS, GENERIC_COLLECTIVES,
                                        GENERIC_MODIFIERS, HEDGING_MODIFIERS, IRREGULAR_FORMS, JOINING_VERBS, MODALS,
                                        NEGATIONS, NEGATIVE_OCCASIONS, RELATIVE_PRONOUNS, SINGLE_ARTICLES, TREND_NOUNS)
from streams.extraction.places import country_code
from streams.extraction.platforms import divided_half, is_platform_word, nationality

# Clauses inside a clause that report another event: its date is not the clause's ("asked for talks after
# drones crossed the border on Friday", "consultations, which are held on Tuesday").
OTHER_EVENTS = {"relcl", "acl", "advcl", "conj"}
# Dependencies a clause hangs from when it is another clause's complement, condition or object.
EMBEDDING = {"ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp", "acl", "dobj", "attr"}


BASE_FORMS = {form: base for base, forms in IRREGULAR_FORMS.items() for form in forms}


def base_form(token: Token) -> str:
    """A word's lemma, with the irregular forms the lemmatizer leaves as they are ("overflew" tagged a present)."""
    lemma = token.lemma_.lower()
    return BASE_FORMS.get(lemma, lemma)


def state_of(token: Token) -> str | None:
    """The state a single word names, with "North"/"South" (or another word of its name) before it: "Estonian",
    "Japan", "South Korean", "DR Congo"."""
    left = token.doc[token.i - 1] if token.i > 0 else None
    if left is not None and (left.text in DIRECTION_PREFIXES or (left.dep_ == "compound" and left.head == token)):
        code = country_code(f"{left.text} {token.text}")
        if code:
            return code
    return country_code(token.text) or divided_half(token)


def _objects(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ == "pobj"]


def _comitative(head: Token) -> list[Token]:
    """Who a word or clause goes with: "together with X", "along with X", "jointly with X", "alongside X",
    and "joined by X" / "backed by X" hanging from it."""
    found: list[Token] = []
    for child in head.children:
        lower = child.lower_
        if child.dep_ == "prep" and lower in COMPANION_ADVERBS:
            found += [o for prep in child.children if prep.lower_ == "with" for o in _objects(prep)]
        elif (child.dep_ == "prep" and lower == "with" and child.i > 0
              and child.doc[child.i - 1].lower_ in COMPANION_ADVERBS):
            found += _objects(child)
        elif child.dep_ == "prep" and lower == "alongside":
            found += _objects(child)
        elif child.dep_ in {"acl", "relcl", "conj"} and child.lemma_.lower() in JOINING_VERBS:
            found += [o for agent in child.children if agent.dep_ == "agent" for o in _objects(agent)]
    return found


def coordinated(token: Token) -> list[Token]:
    """A word with the words listed along with it, however the list is written: "Greece, North Macedonia
    and Albania", "four allies - A, B and C -", "Norway, joined by Iceland,", "X together with Y"."""
    found, todo = [], [token]
    while todo:
        word = todo.pop()
        if word in found:
            continue
        found.append(word)
        todo += [c for c in word.children if c.dep_ in {"conj", "appos"}] + _comitative(word)
    return sorted(found, key=lambda t: t.i)


def partners(verb: Token) -> list[Token]:
    """Who did what a clause says together with its subject: "made the request together with Poland, and were
    joined by Bulgaria and Romania" (with the words listed along with them)."""
    return [t for partner in _comitative(verb) for t in coordinated(partner)]


def governing_verb(token: Token) -> Token | None:
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def negated(token: Token) -> bool:
    """ "did not enter", "never entered", and a negative adverbial ("at no time did they enter", "in no way"), which
    the parser may hang on the fronted "did" when a long subject stands between."""
    words = [*token.children, *(c for a in token.children if a.dep_ == "aux" for c in a.children)]
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS or (c.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in NEGATIVE_OCCASIONS
        and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children) for o in c.children))
        for c in words)


def conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_CONJUNCTIONS for c in token.children)


def doubted(verb: Token, modals: set[str] = MODALS, doubting: set[str] = DOUBTING_HEADS) -> bool:
    """A clause that is negated, modal, conditional, the complement of a denial, threat or deliberation, or of a
    negated noun ("no intention of ...").

    The climb passes through nouns too: "rejected the account that Russian jets had violated ...".
    """
    if negated(verb) or conditional(verb) or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in modals
                                                  for c in verb.children):
        return True
    if (verb.dep_ == "relcl" and verb.tag_ in {"VBP", "VBZ"} and verb.head.head.tag_ == "VB"
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)):
        return True  # "ready to shoot down drones that stray into their airspace": a kind, not an event
    node = verb
    while node.dep_ in EMBEDDING:
        controlled = node.dep_ == "xcomp"
        node = node.head
        if node.lemma_.lower() in doubting or conditional(node):
            return True
        if controlled and negated(node):
            return True  # "does not intend to seek", "did not try to enter": the aim denied
        if node.pos_ == "NOUN" and negated(node):
            return True  # "has no wish to enter", "no plan to enter"
    return False


def generic(noun: Token, flown: bool = False) -> bool:
    """ "repeated incursions", "a series of violations", "a rise in incursions", "any drone": not one event. Of what
    flew (``flown``), words that count it say how many flew in one report, not that the events were many: "several
    drones violated its airspace", "dozens of balloons crossed" is one incident, "several violations" are many."""
    counting = COUNTING_WORDS if flown else frozenset()
    hedging = HEDGING_MODIFIERS if _one_report(noun) else frozenset()
    if any(c.lower_ in GENERIC_MODIFIERS - counting - hedging for c in noun.children):
        return True
    governor = noun.head.head.lemma_.lower()
    return (noun.head.lower_ == "of" and governor in GENERIC_COLLECTIVES - counting) or (
        noun.head.lower_ in {"of", "in"} and governor in TREND_NOUNS)


def _one_report(noun: Token) -> bool:
    """ "a possible violation", "a potential incursion": a singular noun after "a" is one report, hedged; without
    the article ("possible violations", "any possible incursion") it is a kind of event that may happen."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in SINGLE_ARTICLES for c in noun.children)


def subject(verb: Token) -> Token | None:
    """The subject of a clause ("by X" of a passive), borrowed from the clause it is coordinated with or
    complements when it has none; "drones that crossed" has the drones for subject."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        run_on = _subject_run_into_date(node)
        if run_on is not None:
            return run_on
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), agent)
        for child in node.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and child.lemma_.lower() not in AIRSPACE_NOUNS):
                return node.head if node.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS else child
        if node.dep_ == "relcl":
            return node.head
        node = node.head if node.dep_ in {"conj", "xcomp", "pcomp", "advcl", "acl"} else None
        if node is not None and node.pos_ == "ADP":
            node = node.head
    return None


def _subject_run_into_date(verb: Token) -> Token | None:
    """ "The agency told reporters on Monday Y had launched balloons ...": news drops the "that" of reported speech
    after a day, and the parser runs the reported clause's subject into the day's phrase ("on Monday Y"), leaving the
    clause with none.
    The name of a state ending that phrase, right before a reported verb that has no subject, is the verb's."""
    if verb.dep_ != "ccomp" or any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children):
        return None
    start = min((c.i for c in verb.lefts if c.dep_ in {"aux", "auxpass", "neg", "advmod"}), default=verb.i)
    if start == 0:
        return None
    name = verb.doc[start - 1]  # "Y had launched": before the verb and its auxiliaries
    phrase = name.head
    if name.dep_ != "pobj" or name.pos_ != "PROPN" or name.ent_type_ == "DATE" or phrase.dep_ != "prep" or (
            phrase.head != verb.head):
        return None
    days = [t for t in name.subtree if t.i < name.i and t.ent_type_ == "DATE"]
    return name if days and state_of(name) else None


def subject_state(verb: Token | None) -> str | None:
    """The state that is a subject up the clause chain: "Poland shot down drones that crossed into its airspace",
    "Japan's defence ministry said ...", "the army in Seoul said ..."; never what flew. A subject that describes the
    state before naming it ("NATO member X", "the Baltic state, X,") names it in apposition."""
    for _ in range(6):
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or child.lemma_.lower() in AIRSPACE_NOUNS:
                continue
            words = [t for t in child.subtree if t.i <= child.i or t.dep_ == "pobj"]
            if not any(is_platform_word(t) for t in words):
                code = state_of(child) or nationality(words) or next(
                    (code for a in child.children if a.dep_ == "appos" and a.pos_ == "PROPN"
                     for code in [state_of(a)] if code), None)
                if code:
                    return code
        verb = governing_verb(verb)
    return None


def own_clause(verb: Token) -> list[Token]:
    """The words of a clause less the clauses inside it that report other events: relative clauses,
    adverbial clauses of time or cause ("after ...", "as ...", "when ...") and clauses coordinated with it."""
    embedded = [t for t in verb.subtree if t != verb and (t.dep_ in OTHER_EVENTS or
                                                          (t.dep_ == "prep" and t.lower_ in AFTER_PREPOSITIONS))]
    nested = {word.i for clause in embedded for word in clause.subtree}
    return [t for t in verb.subtree if t.i not in nested]


def without_other_clauses(anchor: Token) -> list[Token]:
    """The words of a clause less the clauses coordinated with it or hung from it by a conjunction or preposition:
    in "entered X airspace north of Y on Jan. 28 before crossing into Z and re-entering over W on Jan. 31" the
    place and the day of the re-entry are not the entry's."""
    other = {t.i for c in anchor.subtree if c != anchor and c.dep_ in {"conj", "advcl", "pcomp"}
             and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
    return [t for t in anchor.subtree if t.i not in other]


def preceding_subject(verb: Token) -> Token | None:
    """The noun phrase right before a finite verb the parser left without a subject: in "met for talks after four
    allies - A, B and C - requested them" the parser makes "met" a clause of "requested", or hangs "requested"
    on "met", yet "four allies" did the asking."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0:
        return None
    noun = verb.doc[before]
    while noun.dep_ in {"conj", "appos"} and noun.head.i < noun.i:
        noun = noun.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ in {"nsubj", "nsubjpass", "dobj"} or noun.head == verb.head:
        return None
    return noun



def in_backdrop(token: Token) -> bool:
    """Whether a name is part of the war a story is set against: "at a time when X's invasion of Y has put the
    country on alert", "in the context of X's war against Y". Such a phrase dates and motivates the news, and the
    states in it are neither where the drones were seen nor the state the story is about. So is a clause the war is
    the subject of: "since the conflict erupted in neighbouring X", "after the war broke out in Y" place the war."""
    name = token
    while token.dep_ in BACKDROP_LINKS and token.head is not token:
        token = token.head
        if token.lemma_.lower() in BACKDROP_NOUNS:
            return True
    return _in_war_clause(name)


def _in_war_clause(token: Token) -> bool:
    """Whether the clause a word is in has a war for its subject; a participle on the way ("neighbouring X", which
    the tagger may read as a verb) is no clause of its own."""
    clause = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ not in {"pcomp", "amod"}), None)
    return clause is not None and any(c.dep_ == "nsubj" and c.lemma_.lower() in BACKDROP_NOUNS for c in clause.children)
