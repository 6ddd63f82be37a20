"""Reading a clause of the dependency parse: its subject, the state it names, and whether it asserts anything.

An incident is only what a sentence asserts happened. "did not enter", "denied that
its jet had violated", "if the incursions continued", "any drone that enters" and
"repeated incursions" assert no event; these helpers tell them apart.
"""

from __future__ import annotations

from spacy.tokens import Token

from streams.extraction.places import country_code
from streams.extraction.platforms import is_platform_word, nationality

AIRSPACE = {"airspace", "territory"}
# Clause heads that deny, doubt or only threaten what their complement says.
DENYING = {"deny", "reject", "dismiss", "refute", "insist", "rebuff", "dispute", "claim", "question", "threaten", "vow",
           "pledge", "promise", "prevent", "deter", "consider", "weigh", "mull", "discuss", "fear", "rule", "decide",
           "refuse"}
CONDITIONS = {"if", "whether", "unless"}
MODALS = {"would", "could", "might", "may", "should", "can", "will", "must", "shall"}
GENERIC = {"repeated", "multiple", "numerous", "frequent", "regular", "previous", "past", "earlier", "further",
           "recent", "many", "several", "constant", "future", "possible", "potential", "any", "such", "other",
           "ongoing", "persistent", "systematic", "dozens", "hundreds"}
GENERIC_OF = {"series", "string", "spate", "wave", "number", "history", "pattern", "dozens", "hundreds"}
RELATIVE = {"which", "that", "who"}
# Dependencies a clause hangs from when it is another clause's complement, condition or object.
EMBEDDING = {"ccomp", "xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp", "acl", "dobj", "attr"}


def state_of(token: Token) -> str | None:
    """The state a single word names, with "North"/"South" before it: "Estonian", "Japan", "South Korean"."""
    left = token.doc[token.i - 1] if token.i > 0 else None
    if left is not None and left.text in {"North", "South"}:
        code = country_code(f"{left.text} {token.text}")
        if code:
            return code
    return country_code(token.text)


def coordinated(token: Token) -> list[Token]:
    """A word with the words listed along with it: "Bulgaria, the Czech Republic, Estonia and Slovakia"."""
    found, todo = [], [token]
    while todo:
        word = todo.pop()
        found.append(word)
        todo += [c for c in word.children if c.dep_ in {"conj", "appos"}]
    return sorted(found, key=lambda t: t.i)


def governing_verb(token: Token) -> Token | None:
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "not", "no"} for c in token.children)


def conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)


def doubted(verb: Token, modals: set[str] = MODALS, doubting: set[str] = DENYING) -> bool:
    """A clause that is negated, modal, conditional, or the complement of a denial, threat or deliberation.

    The climb passes through nouns too: "rejected the account that Russian jets had violated ...".
    """
    if negated(verb) or conditional(verb) or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in modals
                                                  for c in verb.children):
        return True
    node = verb
    while node.dep_ in EMBEDDING:
        node = node.head
        if node.lemma_.lower() in doubting or conditional(node):
            return True
    return False


def generic(noun: Token) -> bool:
    """ "repeated incursions", "a series of violations", "any drone": not one event."""
    if any(c.lower_ in GENERIC for c in noun.children):
        return True
    return noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in GENERIC_OF


def subject(verb: Token) -> Token | None:
    """The subject of a clause ("by X" of a passive), borrowed from the clause it is coordinated with or
    complements when it has none; "drones that crossed" has the drones for subject."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), agent)
        for child in node.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and child.lemma_.lower() not in AIRSPACE):
                return node.head if node.dep_ == "relcl" and child.lower_ in RELATIVE else child
        if node.dep_ == "relcl":
            return node.head
        node = node.head if node.dep_ in {"conj", "xcomp", "pcomp", "advcl", "acl"} else None
        if node is not None and node.pos_ == "ADP":
            node = node.head
    return None


def subject_state(verb: Token | None) -> str | None:
    """The state that is a subject up the clause chain: "Poland shot down drones that crossed into its airspace",
    "Japan's defence ministry said ...", "the army in Seoul said ..."; never what flew."""
    for _ in range(6):
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ not in {"nsubj", "nsubjpass"} or child.lemma_.lower() in AIRSPACE:
                continue
            words = [t for t in child.subtree if t.i <= child.i or t.dep_ == "pobj"]
            if not any(is_platform_word(t) for t in words):
                code = state_of(child) or nationality(words)
                if code:
                    return code
        verb = governing_verb(verb)
    return None
