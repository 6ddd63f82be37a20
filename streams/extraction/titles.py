"""Personal names and the titles in front of them, read from the tokens of a parsed Doc.

News text names a person with a title once ("Latvian Foreign Minister Ilze
Ozola", "Secretary of State Ellen Marsh", "Kremlin spokesman Ivan Sorokin",
"Ilze Ozola, Latvia's foreign minister,") and by surname afterwards. The
small tagger misses or mislabels some names, so a name is also recognised by the
title before it, and a name the tagger cut short is extended over the capitalised
words next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.extraction.lexicon import (
    CAPITALS, INSTITUTION_COUNTRIES, INSTITUTION_HEADS, MODIFIER_WORDS, NATIONAL_BODY_HEADS, ORGANISATION_NAMES, OWNER_PREPOSITIONS,
    RANK_QUALIFIERS, RANKS, ROLE_WORDS, TITLE_ABBREVIATIONS,
)
from streams.extraction.places import DEMONYMS, country_code, country_name

BLOCKING_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# unions of word lists read for many tokens, built once rather than at each test
NOT_COUNTRY_WORDS = MODIFIER_WORDS | ROLE_WORDS
NOT_NAME_ENTS = BLOCKING_ENTS | {"GPE", "LOC"}
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
DEMONYM_OF: dict[str, str] = {}
for _word, _code in DEMONYMS.items():
    DEMONYM_OF.setdefault(_code, " ".join(part.capitalize() for part in _word.split()))
for _word, _code in DEMONYMS.items():  # "South Korean", not "Korean", for South Korea
    if len(_word.split()) > 1 and _word.split()[0] == country_name(_code).lower().split()[0]:
        DEMONYM_OF[_code] = " ".join(part.capitalize() for part in _word.split())


@dataclass(frozen=True, slots=True)
class Title:
    role: str | None
    organization: str | None  # a country's common name or an organisation's name


def is_acronym(token: Token) -> bool:
    return bool(ACRONYM.match(token.text)) and token.text.upper() == token.text


def country_of(token: Token) -> str | None:
    """The country a capitalised token names ("Estonian", "Poland", "Moscow"), else None."""
    if not token.text[:1].isupper() or token.lower_ in NOT_COUNTRY_WORDS:
        return None
    return country_code(token.text)


def demonym(code: str) -> str:
    return DEMONYM_OF.get(code, country_name(code))


def is_titleish(token: Token) -> bool:
    """A word that belongs to a title rather than a name: an office, a qualifier, a country, an acronym."""
    lower = token.lower_
    return lower in ROLE_WORDS or lower in MODIFIER_WORDS or country_of(token) is not None or is_acronym(token)


def _namelike(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and not is_titleish(token)
            and token.lower_ not in INSTITUTION_HEADS and token.ent_type_ not in NOT_NAME_ENTS)


def name_span(span: Span) -> Span | None:
    """A personal name without leading title words (the tagger sometimes takes "Minister" in), extended
    over the capitalised words the tagger cut off ("Espen Barth" + "Eide"), without a possessive."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (is_titleish(doc[start]) or doc[start].pos_ == "DET"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    while end < len(doc) and _namelike(doc[end]) and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    if end < len(doc) and doc[end - 1].head.i == end and _surname_mislabelled(doc[end]):
        end += 1  # "Anna van der" + "Linden", which the tagger took for a place: the name hangs on it
    while start > 0 and _namelike(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].head.i in range(start, end):
        start -= 1
    return doc[start:end]


def _surname_mislabelled(token: Token) -> bool:
    """A capitalised proper noun the tagger labelled a place or organisation that names no country."""
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ in {"GPE", "LOC", "ORG", "NORP"}
            and not is_titleish(token) and token.lower_ not in INSTITUTION_HEADS)


def titled_names(doc: Doc) -> list[Span]:
    """Names the tagger missed but a title announces: "General Anna Brandt", "President Ewa Nowicka"."""
    found = []
    for token in doc:
        if token.lower_ not in ROLE_WORDS or not token.text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and _namelike(doc[end]):
            end += 1
        if end > token.i + 1 and not any(doc[i].ent_type_ == "PERSON" for i in range(token.i + 1, end)):
            found.append(doc[token.i + 1:end])
    return found


def appositive_names(doc: Doc) -> list[Span]:
    """Names set off after an office, which the tagger may take for places: "the envoy for Cyprus, Jan Novak,"."""
    found = []
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or token.ent_type_ == "PERSON" or country_of(token):
            continue
        head = token.head
        while head.dep_ in {"pobj", "prep"} and head.head is not head and head.lower_ not in ROLE_WORDS:
            head = head.head
        start = token.left_edge.i
        words = doc[start: token.i + 1]
        if head.lower_ in ROLE_WORDS and head.i < start and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and not country_of(t) for t in words):
            name = name_span(words)  # without a rank before it: "General Jan Novak"
            if name is not None and len(name) > 1:
                found.append(name)
    return found


def title_before(name: Span) -> list[Token]:
    """The words of the title right before a name: "NATO Secretary General", "Estonia's foreign minister"."""
    doc = name.doc
    tokens: list[Token] = []
    i = name.start - 1
    while i >= 0:
        token = doc[i]
        attached = (token.head.i in range(i - 1, name.end) or token.i == name.root.head.i
                    or any(token.head.i == t.i for t in tokens))
        if token.tag_ == "POS" and tokens:
            tokens.insert(0, token)
        elif token.lower_ == "of" and tokens and i > 0 and doc[i - 1].text[:1].isupper():
            tokens.insert(0, token)
        elif (token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.ent_type_ not in BLOCKING_ENTS and attached
              and (token.ent_type_ != "PERSON" or is_titleish(token))
              and (token.text[:1].isupper() or token.lower_ in ROLE_WORDS | MODIFIER_WORDS | INSTITUTION_HEADS)):
            tokens.insert(0, token)
        else:
            break
        i -= 1
    while tokens and (tokens[0].lower_ == "of" or tokens[0].tag_ == "POS"):
        tokens = tokens[1:]
    return tokens if any(t.lower_ in ROLE_WORDS for t in tokens) else []


def title_after(name: Span) -> list[Token]:
    """An appositive title: "Ilze Ozola, Latvia's foreign minister, said"."""
    head = name.root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= name.end and child.lower_ in ROLE_WORDS:
            return [t for t in child.subtree if t.pos_ != "DET" and not t.is_punct]
    return []


def office_held(name: Span) -> list[Token]:
    """The office a name stands in apposition to: "the army's chief of staff, General Jan Novak," -> "army's chief
    of staff"; else an appositive title after the name."""
    head = name.root.head
    while head.dep_ in {"pobj", "prep"} and head.head is not head and head.lower_ not in ROLE_WORDS:
        head = head.head  # "the envoy for Cyprus, Anna Moretti,": the parser may hang the name on "Cyprus"
    if name.root.dep_ == "appos" and head.i < name.start and head.lower_ in ROLE_WORDS:
        inside = {t.i for t in name.root.subtree}
        return [t for t in head.subtree if t.i < name.start and t.i not in inside
                and (t.pos_ != "DET" and not t.is_punct or t.tag_ == "POS")]
    return title_after(name)


def office_named_before(name: Span) -> list[Token]:
    """The office of a name given no title, when the sentence just before has the office as its subject and names
    nobody: "The chief engineer of the port said the cranes stopped. Ana Ruiz said ...": news writing introduces
    the office holder by the office first, then by name."""
    doc = name.doc
    sentence = name.sent
    if name.root.dep_ not in {"nsubj", "nsubjpass"} or sentence.start == 0:
        return []
    before = doc[sentence.start - 1].sent
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"]
    if len(subjects) != 1 or any(t.ent_type_ == "PERSON" for t in before):
        return []
    office = subjects[0]
    if office.lower_ not in ROLE_WORDS or not any(c.dep_ == "det" and c.lower_ == "the" for c in office.children) \
            or not any(c.dep_ == "prep" and c.lower_ in OWNER_PREPOSITIONS for c in office.children):
        return []
    return [t for t in office.subtree if t.pos_ != "DET" and not t.is_punct]


def is_rank(tokens: list[Token]) -> bool:
    """A title that is only a military grade ("Lieutenant General"), which an office held outranks as a role."""
    return bool(tokens) and all(t.lower_ in RANKS for t in tokens) and any(
        t.lower_ in RANKS - RANK_QUALIFIERS for t in tokens)


def title_of(name: Span) -> list[Token]:
    """A person's title: the words before the name, unless they only give a rank and an office is stated too."""
    before = title_before(name)
    office = office_held(name)
    if office and (not before or is_rank(before)):
        return office
    return before


def split_title(tokens: list[Token]) -> Title:
    """(role, organisation) of a title: a leading country or organisation, then the office.

    "Estonian Foreign Minister" -> ("Foreign Minister", "Estonia"); "NATO Secretary General" ->
    ("Secretary General", "NATO"); "head of the Polish armed forces" -> ("head", "Poland").
    """
    tokens = [t for t in tokens if t.pos_ != "DET"]
    organization: str | None = None
    while tokens:
        first = tokens[0]
        pair = country_code(f"{first.text} {tokens[1].text}") if len(tokens) > 1 and first.text[:1].isupper() else None
        if pair:  # "South Korea's Defence Minister"
            first, tokens = tokens[1], tokens[1:]
        code = pair or country_of(first)
        if code:
            organization = country_name(code)
        elif is_acronym(first) or first.lower_ in INSTITUTION_COUNTRIES:
            organization = ORGANISATION_NAMES.get(first.text.replace(".", ""), first.text)
        elif organization is None and first.ent_type_ == "ORG" and first.lower_ not in ROLE_WORDS and (
                named := _leading_org(tokens)) and all(t.text[:1].isupper() for t in named) and any(
                t.lower_ not in MODIFIER_WORDS for t in named):
            organization = " ".join(t.text for t in named)  # "State Department deputy spokesman"
            tokens = tokens[len(named) - 1:]
        else:
            break
        tokens = tokens[1:]
        while tokens and tokens[0].tag_ == "POS":
            tokens = tokens[1:]
    if organization is None:  # "NATO envoy for Ukraine": the leading organisation is the owner
        for of in (k for k, t in enumerate(tokens) if t.lower_ in OWNER_PREPOSITIONS and k > 0):
            following = tokens[of + 1:]
            stop = next((k for k, t in enumerate(following) if t.lower_ in OWNER_PREPOSITIONS | {"in"}
                         and not (k + 1 < len(following) and following[k + 1].text[:1].isupper()
                                  and t.lower_ == "of")), len(following))  # "Institute of Security Studies"
            owner = _owner(following[:stop])
            if owner is not None:
                organization, tokens = owner, tokens[:of]
                break
    if not tokens:
        return Title(None, organization)
    role = " ".join(TITLE_ABBREVIATIONS.get(word.lower(), word)
                    for word in tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text.split(" "))
    return Title(role, organization)


def _leading_org(tokens: list[Token]) -> list[Token]:
    """The organisation's words at the start of a title: "European Commission" in "European Commission President"."""
    named = [t for t in tokens if t.ent_type_ == "ORG" and t.lower_ not in ROLE_WORDS]
    return named[: next((k for k, t in enumerate(named) if t.i != tokens[0].i + k), len(named))]


def _owner(tokens: list[Token]) -> str | None:
    """The organisation after "of" in a title, if it is one: "President of Finland", "chief of Latvia's general
    staff" (Latvia: a national body speaks for its country), "fellow at the Royal Institute", "chief minister of
    Northshire" (a region), but not "Secretary of State" or "Minister of Foreign Affairs" (a portfolio)."""
    tokens = [t for t in tokens if t.pos_ != "DET" and not t.is_punct]
    if not tokens or all(t.lower_ in MODIFIER_WORDS | {"and"} for t in tokens):
        return None
    code = country_code(" ".join(t.text for t in tokens)) if tokens[0].text[:1].isupper() else None
    if country_of(tokens[0]) and tokens[0].lower_ not in CAPITALS:
        # "Latvia's general staff", "the Latvian Air Force": the state; "the Warsaw Institute": itself
        code = code or country_of(tokens[0])
    if code:
        return country_name(code)
    head = next((tokens[k - 1] for k, t in enumerate(tokens) if t.lower_ == "of" and k > 0), tokens[-1])
    if head.lower_ in NATIONAL_BODY_HEADS and not any(is_acronym(t) for t in tokens):
        return None  # "duty officer at the Central Region Police", "spokesman of the Ministry of Defence": a state's
        # body, so the state (from the context)
    if tokens[-1].lower_ in INSTITUTION_HEADS or all(is_acronym(t) for t in tokens) or tokens[0].ent_type_ in {
            "ORG", "GPE", "LOC"}:
        return " ".join(t.text for t in tokens)
    return None
