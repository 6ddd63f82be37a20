"""Who a cue's subject is: the full name first given, the kind, the role and organisation.

News text names a person in full once, with a title, then by surname or pronoun;
an institution appears in full once ("The North Atlantic Council", "Japan's
defence ministry") and then as "the council", "the ministry" or "the statement";
an unnamed spokesman speaks for the institution he is the spokesman of. An
institution named only by its kind takes its country's demonym ("the defence
ministry in Oslo": Norwegian defence ministry); initials stand for the name they
spell; spelling variants, word order and a missing country resolve to the name first
written; international bodies and companies speak for themselves; an anonymous
source is named by its description ("a U.S. official"). The
:class:`ArticleIndex` reads the whole article first so that a later mention finds
the first; the :class:`SpeakerResolver` then resolves subjects in reading order,
remembering who spoke last (for "he said", "it said", "the statement read").
"""

from __future__ import annotations

import re

import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from streams.extraction.lexicon import (
    ACRONYM_SKIPPED_WORDS, ANONYMOUS_SOURCES, CAPITALS, DIRECTION_PREFIXES, DOCUMENT_ISSUERS, DOCUMENTS, HARDWARE,
    HONORIFICS, HOME_WORDS, LEGAL_TEXTS, RANKS, SURNAME_PARTICLES,
    INSTITUTION_COUNTRIES, INSTITUTION_HEADS, INTERNATIONAL_ROLES, ISSUER_PREPOSITIONS, KINDS, MODIFIER_WORDS,
    MOUTHPIECE_PREPOSITIONS,
    MOUTHPIECES, NATIONAL_BODY_HEADS, NEWS_HEADS, NEWS_WORDS, OUTLETS, PARENT_ORGANISATIONS, PRESS_OFFICES, PRESS_WORDS, PERSON_PRONOUNS, PLURAL_BODIES, PRIVATE_HEADS, REGIONAL_ADJECTIVES,
    RELATIVE_PRONOUNS, ROLE_WORDS, SEATED_BODIES, SOURCE_PAGES, SPELLING_VARIANTS, SPOKESPEOPLE, STATE_NOUNS,
    VAGUE_ADJECTIVES, VAGUE_PLURALS,
)
from streams.extraction.model import AnalysedArticle, Speaker
from streams.extraction.nlp import doc_entities, doc_text, entity_at
from streams.extraction.places import country_code, country_name
from streams.extraction.titles import (
    Title, appositive_names, country_of, demonym, is_acronym, name_span, office_named_before, split_title, title_of,
    titled_names,
)
from streams.model.article import TEXT_FIELDS

# Fields in the order a reader meets the article's names; the headline's capitalisation misleads the tagger.
READING_ORDER = ("standfirst", "body", "headline")
NEARBY_BONUS = 3
OFFICE_NAMED_REACH = 600  # characters on from "the minister said" in which the minister may first be named
ISSUER_REACH = 600  # characters back from "the statement read" in which its issuer is looked for
ADDRESS_WORDS = RANKS | HONORIFICS  # built once: every name read is stripped of them
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a mention is: the field's rank in the article and a character offset in it."""

    rank: int
    char: int


def place(token: Token | Span, field_name: str) -> Place:
    char = token.idx if isinstance(token, Token) else token.start_char
    return Place(TEXT_FIELDS.index(field_name), char)


@dataclass(frozen=True, slots=True)
class PersonMention:
    where: Place
    name: str
    subject: bool


@dataclass(frozen=True, slots=True)
class OrgMention:
    where: Place
    head: str
    speaker: Speaker


def _unaddressed(words: list[str]) -> list[str]:
    """A name less the ranks and words of address before it: "Lt Col Bayu" -> "Bayu"."""
    while len(words) > 1 and words[0].lower() in ADDRESS_WORDS:
        words = words[1:]
    return words


def _without_particle(words: list[str]) -> str | None:
    """The last word of a full name less a particle it carries ("al-Hamdan", "van Berg"): how the name is repeated."""
    last = words[-1]
    head, hyphen, rest = last.partition("-")
    if hyphen and rest[:1].isupper() and head.lower() in SURNAME_PARTICLES:
        return rest
    if len(words) > 2 and words[-2].lower() in SURNAME_PARTICLES:
        return last  # "Ludwig van Berg": "Berg" already keys it, as the last word
    return None


MIN_MISSPELT_SURNAME = 5  # shorter surnames are too alike for a slip of spelling to be told from another name
MAX_SURNAME_EDITS = 2


def _edits(first: str, second: str) -> int:
    """Levenshtein distance: the letters inserted, deleted or replaced to spell one word as the other."""
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(second, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


def _key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.removesuffix("'s").removesuffix("\u2019s"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_subject(token: Token) -> bool:
    """A name that is its clause's subject, or stands in apposition to it ("Croatia's President, Ivo Maric,"), or
    follows coordinated titles ("Deputy Prime Minister and Foreign Minister X acknowledged ...")."""
    subjects = {"nsubj", "nsubjpass"}
    return token.dep_ in subjects or token.dep_ in {"appos", "compound"} and token.head.dep_ in subjects \
        or token.dep_ == "conj" and token.head.dep_ in subjects and token.head.lower_ in ROLE_WORDS


def _hardware_adjective(ent: Span) -> bool:
    return ent.root.dep_ in {"amod", "compound", "conj"} and ent.root.head.lemma_.lower() in HARDWARE


def _ent_countries(doc: Doc) -> list[tuple[Span, str]]:
    """Countries the article mentions: names, demonyms, capitals."""
    found = []
    for ent in doc_entities(doc)[0]:
        if ent.label_ in {"GPE", "NORP", "LOC", "ORG"}:
            code = country_code(ent.text)
            if code:
                found.append((ent, code))
    return found


def _home_weight(ent: Span) -> int:
    """How much a mention says the article is about this country's side: its airspace or territory counts
    most, the flag on an intruding aircraft ("Russian jets") counts against."""
    if _hardware_adjective(ent):
        return -1
    if ent.root.head.lemma_.lower() in HOME_WORDS and ent.root.dep_ in {"amod", "poss", "compound"}:
        return 4
    return 1


@dataclass
class ArticleIndex:
    """Everything the article names: people (full names, titles), institutions, countries."""

    analysed: AnalysedArticle
    full_names: dict[str, str] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    people: list[PersonMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    defined: dict[str, str] = field(default_factory=dict)  # the acronyms the text itself defines
    weights: Counter[str] = field(default_factory=Counter)
    first_seen: dict[str, Place] = field(default_factory=dict)
    outlets: frozenset[str] = frozenset()  # names the article gives news outlets ("news agency TT")

    def build(self) -> ArticleIndex:
        docs = [(name, self.analysed.docs[name]) for name in READING_ORDER if name in self.analysed.docs]
        for name, doc in docs:
            self._learn_countries(name, doc)
            self._learn_acronyms(doc)
        names = [(name, span) for name, doc in docs for span in self._name_spans(doc)]
        self._learn_names([span for _, span in names])
        for name, span in names:
            full = self.full_name(span)
            self.people.append(PersonMention(place(span, name), full, _is_subject(span.root)))
            title = split_title(title_of(span) or (office_named_before(span) if full not in self.titles else []))
            if title.role and full not in self.titles:
                self.titles[full] = Title(title.role, title.organization or self.context_org(span, title.role, name))
        self.people.sort(key=lambda m: (m.where.rank, m.where.char))
        for name, doc in docs:
            self._learn_orgs(name, doc)
        self.outlets = frozenset(name for _, doc in docs for name in outlet_names(doc)) | publisher_names(
            self.analysed.article.source)
        return self

    @staticmethod
    def _name_spans(doc: Doc) -> list[Span]:
        spans = [name_span(ent) for ent in doc_entities(doc)[0] if ent.label_ == "PERSON"] + titled_names(doc) + appositive_names(doc)
        return [s for s in spans if s is not None and s.text[:1].isupper()]

    def _learn_names(self, spans: list[Span]) -> None:
        """Surname (and, failing that, first name) -> the longest full name; surnames take precedence."""
        full = sorted((s for s in spans if len(_unaddressed(s.text.split())) > 1), key=lambda s: -len(s))
        for position in (-1, 0):
            for span in full:
                self.full_names.setdefault(_key(_unaddressed(span.text.split())[position]), span.text)
        for span in full:  # "Tariq al-Hamdan ... Hamdan said": the surname without its particle
            bare = _without_particle(span.text.split())
            if bare is not None:
                self.full_names.setdefault(_key(bare), span.text)
        # "Gen. Luis Ortega Diaz ... Ortega said": a name of two surnames is shortened to the first of them
        for span in full:
            words = span.text.split()
            if len(words) == 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) and not any(
                    w.lower() in INSTITUTION_HEADS | MODIFIER_WORDS for w in words):
                self.full_names.setdefault(_key(words[1]), span.text)

    def full_name(self, span: Span) -> str:
        """The full name first given for a mention: "Lind" -> "Petra Lind", "Lt Col Petra" -> "Petra Lind" (a rank
        or a word of address before a repeated name is no part of it)."""
        words = _unaddressed(span.text.split())
        known = self.full_names.get(_key(words[-1]))
        if known and (len(words) == 1 or _key(words[-1]) == _key(known.split()[-1])):
            return known
        if len(words) == 1 and known is None:
            return self.misspelt(words[0]) or span.text
        return span.text

    def misspelt(self, word: str) -> str | None:
        """ "Anna Kovac ... Kovacs wrote": a surname repeated with a letter or two wrong is the one full name given
        before whose surname it nearly spells (same opening, at most two edits), when only one does."""
        key = _key(word)
        if len(key) < MIN_MISSPELT_SURNAME:
            return None
        close = {full for full in self.full_names.values() if len(_unaddressed(full.split())) > 1
                 for surname in [_key(_unaddressed(full.split())[-1])]
                 if surname[:3] == key[:3] and _edits(surname, key) <= MAX_SURNAME_EDITS}
        return close.pop() if len(close) == 1 else None

    def _learn_countries(self, field_name: str, doc: Doc) -> None:
        resolved = set()
        for ent, code in _ent_countries(doc):
            self.weights[code] += _home_weight(ent)
            self.first_seen.setdefault(code, place(ent, field_name))
            resolved.update(range(ent.start, ent.end))
        for token in doc:  # "Lithuanian airspace" where the tagger saw no nationality: it still says whose side
            if not token.ent_type_ and token.dep_ in {"amod", "compound", "poss"} \
                    and token.head.lemma_.lower() in HOME_WORDS and (code := country_of(token)):
                self.weights[code] += 4
                self.first_seen.setdefault(code, place(token, field_name))
            elif token.ent_type_ and token.i not in resolved and (code := country_of(token)):
                self.weights[code] += 1  # "the Dutch Liberation Day holiday", "Brussels Airport": a place in a name
                self.first_seen.setdefault(code, place(token, field_name))

    def _learn_acronyms(self, doc: Doc) -> None:
        """ "Joint Chiefs of Staff" -> JCS; "the North American Aerospace Defense Command (NORAD)" -> NORAD; an
        acronym the text defines ("the Air Defence Command (ADC)", "..., or ADC,") first."""
        for acronym, name in defined_acronyms(doc):
            self.acronyms.setdefault(acronym, name)
            self.defined.setdefault(acronym, name)
        for ent in doc_entities(doc)[0]:
            words = [t for t in ent if t.text[:1].isupper() and t.pos_ != "DET"]
            if ent.label_ != "ORG" or len(words) < 2:
                continue
            name = ent.text.removeprefix("The ").removeprefix("the ")
            self.acronyms.setdefault("".join(t.text[0] for t in words), name)
            after = doc[ent.end: ent.end + 3]
            if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and is_acronym(after[1]):
                self.acronyms.setdefault(after[1].text, name)

    def _learn_orgs(self, field_name: str, doc: Doc) -> None:
        named = [ent for ent in doc_entities(doc)[0] if ent.label_ == "ORG"]
        inner = {t.i for ent in named for t in ent if t.i != ent.root.i}
        heads = {ent.root.i for ent in named}
        heads |= {t.i for t in doc if t.pos_ in {"NOUN", "PROPN"} and t.dep_ not in {"compound", "amod", "nmod"}
                  and t.lemma_.lower() in INSTITUTION_HEADS and t.i not in inner}  # not "a military drone"
        for i in sorted(heads):
            token = doc[i]
            speaker = self.org_speaker(token, field_name)
            if speaker is not None and _specific(token):
                self.orgs.append(OrgMention(place(token, field_name), _kind(token), speaker))
        self.orgs.sort(key=lambda m: (m.where.rank, m.where.char))

    def organization_of(self, name: str) -> str | None:
        """The organisation an institution belongs to, as any mention of it says ("The Nordic Council,
        the region's forum of parliaments" tells it for every later "Nordic Council")."""
        return next((m.speaker.organization for m in self.orgs if m.speaker.name == name and m.speaker.organization), None)

    def home_country(self) -> str | None:
        """The country the article mentions most; between equals, the one named first."""
        if not self.weights:
            return None
        return max(self.weights, key=lambda c: (self.weights[c], -self._order(c)))

    def context_org(self, span: Span, role: str, field_name: str) -> str | None:
        """An office whose title does not say whose: the alliance for a Secretary General, else the country
        of the sentence and the one before it that the article mentions most, else the article's country."""
        doc = span.doc
        if any(role.lower().startswith(t) for t in INTERNATIONAL_ROLES):
            before = [e for e in doc_entities(doc)[0] if e.label_ == "ORG" and e.end <= span.start and is_acronym(e.root)]
            anywhere = [e for e in doc_entities(doc)[0] if e.label_ == "ORG" and is_acronym(e.root)]
            chosen = (before[-1:] or anywhere[:1])
            return chosen[0].text if chosen else None
        code = self.nearby_country(span)
        return country_name(code) if code else None

    def nearby_country(self, span: Span) -> str | None:
        """The country of the article's side, preferring one named just before: "Malta won a delay.
        Prime Minister Carmen Vella said ..."."""
        sentence = span.sent
        previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
        window_start = previous.start_char if previous is not None else sentence.start_char
        said = span.root.head if span.root.dep_ in {"nsubj", "nsubjpass"} else None
        voiced = [code for ent, code in _ent_countries(span.doc) if ent.sent == sentence and said is not None
                  and ent.root.dep_ in {"nsubj", "nsubjpass"} and ent.root.head.dep_ == "ccomp"
                  and ent.root.head.head == said and not _quoted(ent.root)]
        # "Norway will ask its allies for talks, Foreign Minister X said": the state his reported words speak for
        # (not a quote of his: '"and Russia is testing NATO," the minister said')
        if voiced:
            return voiced[0]
        before = [(ent, code) for ent, code in _ent_countries(span.doc)
                  if window_start <= ent.start_char < span.start_char and not _quoted(ent.root)]
        # '"Moscow is testing us," the minister said': a state named in a quotation is what was said, not the side
        acting = [code for ent, code in before
                  if ent.root.dep_ in {"nsubj", "nsubjpass"} and ent.root.head.dep_ in {"ROOT", "conj"}]
        if acting:  # "Japan protested to Seoul. Chief Cabinet Secretary X said ...": the state that acted
            return acting[-1]
        nearby = {code for ent, code in before if not _hardware_adjective(ent)}
        owning = {code for token in sentence if token.dep_ in {"amod", "compound", "poss"}
                  and token.head.lemma_.lower() in HOME_WORDS and (code := country_of(token))}
        if len(owning) == 1:  # "balloons entered Latvian airspace, according to President X": the state whose
            return owning.pop()  # airspace or territory the sentence is about
        scores = {c: w + (NEARBY_BONUS if c in nearby else 0) for c, w in self.weights.items()}
        scores.update({c: NEARBY_BONUS for c in nearby if c not in scores})
        if not scores:
            return None
        return max(scores, key=lambda c: (scores[c], -self._order(c)))

    def _order(self, code: str) -> int:
        seen = self.first_seen.get(code)
        return seen.rank * 1_000_000 + seen.char if seen else 10**9

    def org_speaker(self, head: Token, field_name: str) -> Speaker | None:
        """An institution named by a noun phrase: "Japan's defence ministry" -> Japanese defence ministry (Japan)."""
        words: list[str] = []
        nationality: str | None = None
        owner: str | None = None
        for group in _word_groups(_org_phrase(head)):
            token = group[-1]
            if token.pos_ == "DET" or token.tag_ == "POS" or token.is_punct and token.text != "-":
                continue
            if not words and (token.is_punct or token.is_space or any(c.isdigit() for c in token.text)):
                continue  # a live blog's time stamp before the name: "22:15 - Riga police"
            if _described_as_company(head) and token.i != head.i and token.text.islower():
                continue  # "the airport operator Skyport": the company's name
            if token.dep_ == "poss" and token.pos_ == "NOUN" and token.lemma_.lower() not in INSTITUTION_HEADS:
                nationality = nationality or self.nearby_country(head.doc[head.i: head.i + 1])
                continue  # "the island's coast guard", "the country's foreign ministry": the article's state
            text = " ".join(t.text for t in group)
            if token.is_sent_start and token.pos_ == "NOUN":
                text = text.lower()  # "Police said ...": capitalised only by its place
            code = country_code(text) if len(group) > 1 else country_of(token) or self.short_name(token)
            if token.pos_ == "PRON" and token.dep_ == "poss":
                code = _country_before(token)  # "Russia denied involvement. Its embassy ..."
                if code is None:
                    continue
            if code and token.dep_ == "poss" and token.i != head.i:  # "Japan's ministry", not "Japan's warning"
                words.append(demonym(code))
            else:
                words.append(text)
            if code and token.i != head.i:
                nationality = nationality or code
            elif token.dep_ == "poss" and (is_acronym(token) or token.ent_type_ == "ORG"):
                owner = owner or token.text
        if not words:
            return None
        name = " ".join(words)
        if len(words) == 1 and is_acronym(head):
            name = self.long_form(head.text) or name
        elif (defined := self._defined_within(name)) is not None:
            name, nationality = defined, None  # "the joint Finnish-Estonian Gulf Air Watch Centre, or GAWC"
        alone = country_of(head) if len(words) == 1 else None
        if alone:
            return Speaker(name=name, kind="organization", organization=country_name(alone))
        organization = self._organization_of(head, name, nationality, owner, field_name)
        code = country_code(organization) if organization else None
        seat = _seat(head)
        if code and seat is not None and head.lemma_.lower() in SEATED_BODIES and name == head.lower_:
            name = f"{name} in {seat}"  # "the government in Minsk": the capital's own name for the state's government
        elif code and name == name.lower() and not any(country_of(t) for t in _org_phrase(head)):
            name = f"{demonym(code)} {name}"  # "the defence ministry in Oslo": Norwegian defence ministry
        return Speaker(name=name, kind="organization", organization=organization)

    def _defined_within(self, name: str) -> str | None:
        """The name an acronym was defined for, when a longer phrase ends with it: the words before it only
        describe the institution."""
        return next((long for long in self.defined.values() if len(long.split()) > 1 and name != long
                     and name.endswith(f" {long}")), None)

    def short_name(self, token: Token) -> str | None:
        """ "the North" in a story that names North Korea: a state called by the first word of its name, which
        the article has given in full."""
        if token.text not in DIRECTION_PREFIXES or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
            return None
        return next((code for code in self.weights if country_name(code).startswith(f"{token.text} ")), None)

    def long_form(self, acronym: str) -> str | None:
        """The full name of an organisation the article also calls by its initials: given in brackets, or an
        organisation it names whose words spell the acronym (:func:`spells`)."""
        known = self.acronyms.get(acronym)
        if known:
            return known
        names = [ent.text.removeprefix("The ").removeprefix("the ") for doc in self.analysed.docs.values()
                 for ent in doc_entities(doc)[0] if ent.label_ == "ORG" and len(ent) > 1]
        return next((n for n in names if spells(acronym, n)), None)

    def acronym_of(self, name: str) -> str | None:
        """The initials the article itself uses for an organisation's name."""
        used = {t.text for doc in self.analysed.docs.values() for t in doc if is_acronym_name(t.text)}
        return next((short for short in sorted(used) if self.acronyms.get(short) == name or spells(short, name)), None)

    def _organization_of(self, head: Token, name: str, nationality: str | None, owner: str | None,
                         field_name: str) -> str | None:
        lower = name.lower()
        parent = next((org for body, org in PARENT_ORGANISATIONS.items() if lower.startswith(body)), None)
        if parent:
            return parent
        regional = any(lower.startswith(region) for region in REGIONAL_ADJECTIVES)
        if nationality and not regional:  # "North American" names no state
            return country_name(nationality)
        if owner or (owner := _apposition_owner(head)):
            return owner
        known = next((code for inst, code in INSTITUTION_COUNTRIES.items() if inst in lower), None)
        if known:
            return country_name(known)
        located = _located_in(head)
        if located:
            return country_name(located)
        if is_acronym(head) and not regional and name != head.text:
            # a national body by its initials, named in full before ("the Territorial Defence Staff (SZTO)"): the state
            # its full name names, else the article's
            code = next((c for w in name.split() if w[:1].isupper() and (c := country_code(w))), None)
            if code or any(w.lower() in NATIONAL_BODY_HEADS for w in name.split()):
                home = code or self.home_country()
                return country_name(home) if home else None
        if is_acronym(head) or regional:
            # an international body: its own initials ("BASNET"), else whatever the article says it belongs to
            return self.organization_of(name) or (name if is_acronym_name(name) else self.acronym_of(name) or name)
        if head.lemma_.lower() in INSTITUTION_HEADS - PRIVATE_HEADS:
            home = self.home_country()
            return country_name(home) if home else None
        if head.pos_ == "PROPN" and head.ent_type_ == "ORG" or head.lemma_.lower() in PRIVATE_HEADS and _specific(head) \
                or _described_as_company(head):
            return name  # a company or an airport speaks for itself
        return None


def outlet_names(doc: Doc) -> list[str]:
    """Names the text gives news outlets by calling them one: "Swedish news agency TT", "the broadcaster SVT",
    "SVT, the public broadcaster"; a later "TT said" is then the outlet carrying the story."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        described = [token.head] if token.dep_ in {"appos", "compound", "npadvmod"} else []
        described += [c for c in token.children if c.dep_ in {"appos", "compound", "nmod"}]
        if any(_outlet_noun(t) for t in described if t.pos_ == "NOUN"):
            found.append(token.text)
    return found


def publisher_names(source: str) -> frozenset[str]:
    """How a story may name the outlets that publish it ("Harbour Post (The Coast Herald)"): each name's last word,
    as a phrase's head is matched, and its initials ("HP ... understands"). They carry the story; they say nothing in
    it."""
    found: set[str] = set()
    for name in re.split(r"[()/,;|]", source):
        words = [w for w in name.split() if w[:1].isupper() and w.lower() != "the"]
        if not words or country_code(words[-1]) or name.split()[-1].isdigit():
            continue  # "Radio of Ruritania", "Channel 1": the head is no outlet's word
        found.add(words[-1])
        if len(words) > 1:
            found.add("".join(w[0] for w in words))
    return frozenset(found)


def _outlet_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in OUTLETS or lemma in NEWS_HEADS and any(t.lower_ in NEWS_WORDS for t in token.subtree if t.i < token.i)


COMMA_OR = re.compile(r",\s*or\b", re.IGNORECASE)  # ", or X": where a text may define an acronym after a name


def defined_acronyms(doc: Doc) -> list[tuple[str, str]]:
    """Acronyms the text defines by writing them after a name, in brackets or after ", or": (acronym, name). The
    name is the run of capitalised words (and "of", "the", "and", "for") before it, from its longest part that the
    acronym spells from its first word ("the joint Finnish-Estonian Gulf Air Watch Centre, or GAWC"
    -> "Gulf Air Watch Centre"), or all of it when the acronym is of a name in another
    language."""
    text = doc_text(doc)
    if "(" not in text and COMMA_OR.search(text) is None:
        return []  # no acronym is defined in a text without either mark: most texts are read no further
    found = []
    for token in doc:
        if not is_acronym(token) or token.i < 2:
            continue
        before, previous = doc[token.i - 1], doc[token.i - 2]
        if before.text == "(" and token.i + 1 < len(doc) and doc[token.i + 1].text == ")":
            end = token.i - 1
        elif before.lower_ == "or" and previous.text == ",":
            end = token.i - 2
        else:
            continue
        run = _capitalised_run(doc, end)
        if not run:
            continue
        spelled = [k for k in range(len(run)) if run[k].text[:1] == token.text[:1] and spells(token.text, _joined(run[k:]))]
        found.append((token.text, _joined(run[spelled[0]:] if spelled else run)))
    return found


def _capitalised_run(doc: Doc, end: int) -> list[Token]:
    """The capitalised words (with the small words inside a name) that end right before ``end``."""
    start = end
    while start > 0 and (doc[start - 1].text[:1].isupper() and not doc[start - 1].is_punct
                         or doc[start - 1].lower_ in ACRONYM_SKIPPED_WORDS or doc[start - 1].text == "-"):
        start -= 1
    run = list(doc[start:end])
    while run and (run[0].lower_ in ACRONYM_SKIPPED_WORDS or run[0].text == "-"):
        run = run[1:]
    return run if len([t for t in run if t.text[:1].isupper()]) >= 2 else []


def _joined(tokens: list[Token]) -> str:
    return "".join(t.text + t.whitespace_ for t in tokens).strip()


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates an organisation's name: its letters, in order, start the words they come
    from (a word may give several: "BAltic ... NETwork" -> BASNET), skipping at most half as many words
    as it has letters (Schwartz and Hearst's test for abbreviation definitions, anchored at word starts). "North
    Atlantic Council" does not spell NATO: no word gives its O a start."""
    letters = acronym.replace(".", "").lower()
    words = [w.lower() for w in name.split() if w.lower() not in ACRONYM_SKIPPED_WORDS]
    if len(letters) < 3:  # too short to tell: "EU" is not "European Commission"
        return "".join(w[0] for w in words) == letters
    return bool(words) and _spelled(letters, tuple(words), len(letters) // 2)


def _spelled(letters: str, words: tuple[str, ...], skips: int) -> bool:
    if not letters:
        return len(words) <= skips
    if not words or skips < 0:
        return False
    word, rest = words[0], words[1:]
    if _spelled(letters, rest, skips - 1):
        return True
    if word[0] != letters[0]:
        return False
    taken, position = 1, 1
    while True:  # the word gives letters[:taken]; try each count
        if _spelled(letters[taken:], rest, skips):
            return True
        if taken == len(letters):
            return False
        position = word.find(letters[taken], position)
        if position < 0:
            return False
        taken, position = taken + 1, position + 1


def _word_groups(tokens: list[Token]) -> list[list[Token]]:
    """Tokens, with a country named in several words kept together ("South Korea")."""
    groups: list[list[Token]] = []
    for token in tokens:
        previous = groups[-1][-1] if groups else None
        if (previous is not None and token.ent_type_ in {"GPE", "NORP"} and token.ent_iob_ == "I"
                and token.tag_ != "POS" and previous.i == token.i - 1):
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


COUNTRY_ENDS = "newsroom.country_ends"  # a doc's country mentions other than hardware flags: their ends and codes


def _country_before(token: Token) -> str | None:
    """The country named last before a possessive pronoun, which it most likely stands for (by bisection over
    the doc's country mentions, listed once per doc: entities never overlap, so their ends are in order)."""
    doc = token.doc
    if COUNTRY_ENDS not in doc.user_data:
        named = [(ent.end, code) for ent, code in _ent_countries(doc) if not _hardware_adjective(ent)]
        doc.user_data[COUNTRY_ENDS] = ([end for end, _ in named], [code for _, code in named])
    ends, codes = doc.user_data[COUNTRY_ENDS]
    found = bisect_right(ends, token.i)
    return codes[found - 1] if found else None


def _quoted(token: Token) -> bool:
    """Whether a word stands between quotation marks of its sentence (an odd number of them before it)."""
    return sum(t.is_quote for t in token.doc[token.sent.start: token.i]) % 2 == 1


def _kind(head: Token) -> str:
    lemma = head.lemma_.lower()
    return KINDS.get(lemma, lemma)


def _kind_of_word(word: str) -> str:
    return KINDS.get(word.lower(), word.lower())


def _org_phrase(head: Token) -> list[Token]:
    """The words naming an institution: its pre-modifiers, and "of ..." in "Ministry of Foreign Affairs"."""
    doc = head.doc
    tokens = [t for t in doc[head.left_edge.i: head.i + 1]]
    nxt = head.i + 1
    if head.text[:1].isupper() and nxt + 1 < len(doc) and doc[nxt].lower_ == "of" and doc[nxt + 1].text[:1].isupper():
        end = nxt + 1
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ == "and") and doc[end].ent_type_ == head.ent_type_:
            end += 1
        tokens += list(doc[nxt:end])
    return tokens


def _specific(head: Token) -> bool:
    """Whether a phrase names one institution ("the Turkish military"), not just its kind ("the ministry")."""
    phrase = _org_phrase(head)
    return head.pos_ == "PROPN" or any(
        t.pos_ == "PROPN" or country_of(t) or t.dep_ == "poss" and t.pos_ != "PRON"
        or t.ent_type_ in {"NORP", "GPE"} and t.text[:1].isupper() for t in phrase if t.i != head.i)  # "Flemish police"


def _apposition_owner(head: Token) -> str | None:
    """ "The Nordic Council, a forum of the region's parliaments": the region; "..., the executive
    arm of the European Union": European Union."""
    for child in head.children:
        if child.dep_ != "appos":
            continue
        for grandchild in child.children:
            if grandchild.dep_ == "poss" and grandchild.pos_ == "PROPN":
                code = country_of(grandchild)
                return country_name(code) if code else grandchild.text
            if grandchild.dep_ == "prep" and grandchild.lower_ == "of":
                target = next((c for c in grandchild.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                if target is not None:
                    return " ".join(t.text for t in target.subtree if t.pos_ != "DET")
    return None


def _seat(head: Token) -> str | None:
    """The capital of "the government in Minsk", as written (not a state's name: "the government in Belarus")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and target.lower_ in CAPITALS and country_of(target):
                return target.text
    return None


def _located_in(head: Token) -> str | None:
    """ "The Foreign Ministry in Vilnius": the capital says whose ministry it is."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and country_of(target):
                return country_of(target)
    return None


@dataclass
class SpeakerResolver:
    """Resolves cue subjects in reading order, remembering who spoke last."""

    analysed: AnalysedArticle
    index: ArticleIndex = field(init=False)
    last_org: Speaker | None = None
    last_org_at: Place | None = None  # where the organisation that spoke last spoke: a statement named after it is its
    issuers: list[tuple[Place, Speaker]] = field(default_factory=list)
    last_person: Speaker | None = None  # the person who spoke last, and where: "he also said" goes on with them
    last_person_at: Place | None = None
    sources: list[tuple[str, Speaker]] = field(default_factory=list)  # anonymous sources met, by head noun
    spellings: dict[str, Speaker] = field(default_factory=dict)  # institutions as first written, by spelling key
    full_forms: dict[str, Speaker] = field(default_factory=dict)  # _named_before's answers by name: one scan per name
    holder_named_later: Speaker | None = None  # "the foreign minister said" of a minister the story names later

    def __post_init__(self) -> None:
        self.index = ArticleIndex(self.analysed).build()

    def spoke(self, speaker: Speaker, where: Place, sentence: str) -> None:
        """Records a statement: "it said" then means this organisation, and "the statement read" its issuer
        when its sentence names a statement ("In a written statement, the board pledged ...")."""
        if speaker.kind == "organization":
            self.last_org, self.last_org_at = speaker, where
        if speaker.kind == "person":
            self.last_person, self.last_person_at = speaker, where
        # a document named as a word ("in a statement", "the notes"), not a verb that merely contains one ("a pilot
        # reported", "he noted", "it posted"): only then is a later "the statement said" the speaker's
        words = set(WORD.findall(sentence.lower()))
        if any(document in words or document + "s" in words for document in DOCUMENTS):
            self.issuers.append((where, speaker))

    def speaker(self, subject: Token | None, field_name: str) -> Speaker | None:
        if subject is None:
            return None
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = _person_before(subject.head.head) if subject.lower_ == "who" else subject.head.head
        lower = subject.lower_
        where = place(subject, field_name)
        if lower in PERSON_PRONOUNS:  # "he said": the last person named, else an office holder named only later
            return self._last_person(where) or self.holder_named_later
        if lower == "it":
            return self.last_org
        if lower == "they" and self.last_org is not None and _plural_body(self.last_org.name):
            return self.last_org  # "Police said ... . The area was closed, they said."
        if subject.pos_ == "PRON" or subject.lemma_.lower() in LEGAL_TEXTS:
            return None  # "according to Article 5": a rule's text, no one's statement
        joint = [subject, *(c for c in subject.children if c.dep_ == "conj")]
        if len(joint) > 1 and all(country_of(t) and t.ent_type_ in {"GPE", "NORP", ""} for t in joint):
            # "China and Russia confirmed ...": the states together, no one of them
            names = [country_name(country_of(t)) for t in joint]
            return Speaker(name=f"{', '.join(names[:-1])} and {names[-1]}", kind="organization")
        person = self._named_person(subject)
        if person is not None:
            return self.person(person)
        found = self._unnamed(subject, field_name, where)
        return self._as_first_written(found) if found is not None else None

    def co_speakers(self, subject: Token | None) -> list[Speaker]:
        """ "Prime Minister A and President B said in a joint statement": each person of a coordinated subject says
        it, as the first does (states speaking together are one speaker: :meth:`speaker`)."""
        if subject is None or subject.pos_ == "PRON":
            return []
        people = (self._named_person(c) for c in subject.children if c.dep_ == "conj")
        return [self.person(span) for span in people if span is not None]

    def _as_first_written(self, speaker: Speaker) -> Speaker:
        """One institution, one name: "the Defense Ministry" or "the Ministry of Defence" after "the Norwegian
        defence ministry" is the speaker first written (spelling variants, word order and capitals aside)."""
        key = spelling_key(speaker.name).split()
        earlier = [s for k, s in self.spellings.items() if _contains(k.split(), key)]
        if earlier:
            first = earlier[-1]  # the latest of those it can be
            return Speaker(name=first.name, kind=first.kind, role=speaker.role or first.role,
                           organization=first.organization or speaker.organization)
        self.spellings[" ".join(key)] = speaker
        return speaker

    def person(self, span: Span) -> Speaker:
        name = self.index.full_name(span)
        title = self.index.titles.get(name)
        if title is None:
            code = self.index.nearby_country(span)
            return Speaker(name=name, kind="person", organization=country_name(code) if code else None)
        return Speaker(name=name, kind="person", role=title.role, organization=title.organization)

    def _last_person(self, where: Place) -> Speaker | None:
        before = [m for m in self.index.people if (m.where.rank, m.where.char) < (where.rank, where.char)]
        same_field = [m for m in before if m.where.rank == where.rank]
        pool = same_field or before
        chosen = next((m for m in reversed(pool) if m.subject), pool[-1] if pool else None)
        spoke = self.last_person_at
        if self.last_person is not None and spoke is not None and spoke.rank == where.rank and spoke.char < where.char \
                and (chosen is None or (chosen.where.rank, chosen.where.char) < (spoke.rank, spoke.char)):
            # "Berg said ..., but Novak said .... Berg noted that .... He also noted": the one who spoke last, named
            # by a surname the index of names may not hold, not the one whose full name came last
            return self.last_person
        if chosen is None:
            return None
        title = self.index.titles.get(chosen.name, Title(None, None))
        return Speaker(name=chosen.name, kind="person", role=title.role, organization=title.organization)

    def _named_person(self, subject: Token) -> Span | None:
        """A personal name in the subject phrase, or in its apposition ("the foreign minister, Ola Berg,")."""
        doc = subject.doc
        candidates = [subject] + [c for c in subject.children if c.dep_ == "appos"] + [
            t for t in subject.subtree if t.dep_ == "appos" and t.head.dep_ == "pobj" and t.head.head.head == subject]
        edge = subject.right_edge
        if subject.lower_ in ROLE_WORDS and edge.ent_type_ == "PERSON" and edge.i > subject.i:
            candidates.append(edge)  # "said Ambassador to NATO Jan Novak": the parser hangs the name on "to"
        if subject.lemma_.lower() in INSTITUTION_HEADS | PRIVATE_HEADS:
            candidates = [subject]  # "the airport operator Skyport": the appositive names the institution
        for token in candidates:
            ent = entity_at(doc, token.i)
            ent = ent if ent is not None and ent.label_ == "PERSON" else None
            span = name_span(ent) if ent is not None else None
            if span is None and token.text[:1].isupper() and self._known_name(token):
                span = name_span(doc[token.i: token.i + 1])
            whole = entity_at(doc, token.i)
            if span is None and whole is not None and _key(whole.text) in self.index.full_names:
                span = whole  # "Berg-Lund said" after "Anna Berg-Lund": a double surname the tagger took for a body
            if span is None and token.pos_ == "PROPN" and token.lower_ not in INSTITUTION_HEADS:
                span = self._titled(token)
            if span is None and token.pos_ == "PROPN" and not country_of(token) and self.index.misspelt(token.text):
                span = doc[token.i: token.i + 1]  # a misspelt surname the tagger took for a place or a body
            if span is not None and span.text[:1].isupper():
                return span
        return None

    def _known_name(self, token: Token) -> bool:
        return _key(token.text) in self.index.full_names

    @staticmethod
    def _titled(token: Token) -> Span | None:
        """A name the tagger missed but its title announces ("General Anna Brandt")."""
        return next((s for s in titled_names(token.doc) if s.start <= token.i < s.end), None)

    def _unnamed(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        lemma = subject.lemma_.lower()
        named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None and lemma in PRIVATE_HEADS:  # "the airport operator Skyport": a company by its name
            name = " ".join(t.text for t in named.subtree if t.pos_ == "PROPN")
            return Speaker(name=name, kind="organization", organization=name)
        if lemma in DOCUMENTS or lemma in SOURCE_PAGES:
            return self._document(subject, field_name, where)
        if lemma in ANONYMOUS_SOURCES and subject.tag_ in {"NN", "NNP"}:
            return self._anonymous(subject, field_name, where)
        if lemma in MOUTHPIECES:
            if subject.tag_ == "NNS":
                return self._mouthpieces_of(subject, field_name, where)
            if subject.tag_ not in {"NN", "NNP"}:
                return None
            held = self._office_holder(subject, where) if any(
                c.dep_ == "det" and c.lower_ == "the" for c in subject.children) else None
            return held or self._mouthpiece(subject, field_name, where)  # "the chief operating officer of X": a person
        if is_press_office(subject):  # "the press service of the air force", "the Kremlin press service"
            named = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            return self._owner(named[-1], field_name, where) if named else self._mouthpiece_of(subject, field_name, where)
        if lemma in ROLE_WORDS and subject.tag_ == "NNS":
            group = _group_of_office_holders(subject)
            if group is not None:
                return group
        if lemma in ROLE_WORDS:
            return self._office_holder(subject, where)
        if subject.pos_ == "PROPN" and subject.ent_type_ in {"", "PERSON"} and not is_acronym(subject) and not country_of(subject) \
                and subject.lower_ not in INSTITUTION_HEADS and subject.lower_ not in INSTITUTION_COUNTRIES \
                and not _described_as_company(subject):
            return self.person(subject.doc[subject.i: subject.i + 1])
        return self._institution(subject, field_name, where)

    def _institution(self, head: Token, field_name: str, where: Place) -> Speaker | None:
        lemma = head.lemma_.lower()
        proper = _specific(head) or head.pos_ == "PROPN" or is_acronym(head)
        if head.is_sent_start and head.pos_ == "PROPN" and lemma in INSTITUTION_HEADS and not _specific(head):
            proper = False  # "Police said ...": capitalised only by its place
        if not proper:
            named_kind = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children) and not any(
                c.dep_ == "det" or c.dep_ == "amod" and c.lower_ in VAGUE_PLURALS for c in head.children)
            if lemma not in INSTITUTION_HEADS or head.tag_ == "NNS" and head.lower_ not in PLURAL_BODIES and not named_kind:
                return None  # "some governments", "ministries": no one in particular; "intelligence services": the
                # country's
            return self._earlier(_kind(head), where) or self._alliance(lemma) or self._described_before(head) or \
                self.index.org_speaker(head, field_name)
        if head.tag_ in {"NNS"} and lemma not in INSTITUTION_HEADS and not is_acronym(head):
            return None  # "Estonian officials", "Polish authorities": nobody in particular
        speaker = self.index.org_speaker(head, field_name)
        if speaker is None:
            return None
        speaker = self._named_before(speaker)
        speaker = self._by_nationality(speaker, head, where)
        speaker = self._described(speaker, head, where)
        if speaker.organization:
            return speaker
        return Speaker(name=speaker.name, kind=speaker.kind, organization=self.index.organization_of(speaker.name))

    def _described_before(self, head: Token) -> Speaker | None:
        """ "the centre said" after "the regional crisis coordination centre said": an institution the article
        introduced by a description, not a name, is that description when its kind noun is repeated alone."""
        if [c.lower_ for c in head.children if c.dep_ in {"det", "amod", "compound"}] != ["the"]:
            return None
        kind = _kind(head)
        return next((s for s in reversed(self.spellings.values()) if s.kind == "organization"
                     and len(s.name.split()) > 2 and _kind_of_word(s.name.split()[-1]) == kind), None)

    def _named_before(self, speaker: Speaker) -> Speaker:
        """ "the General Staff" after "the Latvian General Staff", "Operational Command" after "the Operational
        Command of the Armed Forces": an institution's short name stands for its full one (not as a headline's
        capitals run it into a verb: "Kremlin Denies Role")."""
        if speaker.name not in self.full_forms:
            words = speaker.name.split()
            headline = TEXT_FIELDS.index("headline")
            longer = [m.speaker for m in self.index.orgs if len(m.speaker.name.split()) > len(words)
                      and _contains(m.speaker.name.split(), words) and m.where.rank != headline]
            self.full_forms[speaker.name] = longer[0] if longer else speaker
        found = self.full_forms[speaker.name]
        return speaker if found.name == speaker.name else found

    def _by_nationality(self, speaker: Speaker, head: Token, where: Place) -> Speaker:
        """ "the Latvian ministry" after "the Ministry of the Interior" of a Latvian story: an institution
        called only by its country and its kind is the one of that kind and country the article named before."""
        words = speaker.name.split()
        if len(words) != 2 or not speaker.organization or words[0] != demonym(country_code(speaker.organization) or ""):
            return speaker
        earlier = self._earlier(_kind(head), where)
        if earlier is not None and earlier.organization == speaker.organization and earlier.name != speaker.name \
                and words[1].lower() in earlier.name.lower().split():  # "the ministry" is a Ministry of ...
            return earlier
        return speaker

    def _described(self, speaker: Speaker, head: Token, where: Place) -> Speaker:
        """ "The joint U.S.-Canadian command said" after "the North American Aerospace Defense Command": an
        institution described by "the", its states and a common noun for its kind, not called by its name, is the
        one of that kind the article named before."""
        if head.pos_ == "PROPN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or not any(
                t.is_lower and t.is_alpha for t in _org_phrase(head) if t.i != head.i and t.dep_ != "det"):
            return speaker
        earlier = self._earlier(_kind(head), where)
        if earlier is not None and earlier.name != speaker.name and head.lower_ in earlier.name.lower().split():
            return earlier
        return speaker

    def _anonymous(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        """ "a U.S. official", "a military source", "a senior Latvian officer": one unnamed person, named by the
        phrase, of the state it names or, failing that, the one the sentence is about; "an official at the
        ministry" speaks for the ministry."""
        owner = self._mouthpiece(subject, field_name, where) if any(
            c.dep_ in {"prep", "poss"} for c in subject.children) else None
        if owner is not None:
            return owner
        if [c.lower_ for c in subject.children] == ["the"]:  # "the source said": the one quoted before
            earlier = [s for lemma, s in self.sources if lemma == subject.lemma_.lower()]
            if earlier:
                return earlier[-1]
            person = self._one_person_just_named(where)
            if person is not None:
                return person
        words = [t for t in subject.subtree if t.i <= subject.i and t.pos_ in {"ADJ", "NOUN", "PROPN"}
                 and t.lower_ not in VAGUE_ADJECTIVES]
        code = next((country_of(t) for t in words if country_of(t)), None)
        text = " ".join(t.text for t in words)
        if code is None:
            # "near the border with Ruritania", "along the Ruritanian border": a place, not the source's state
            named = [c for ent, c in _ent_countries(subject.doc) if subject.sent.start <= ent.start < subject.i
                     and ent.root.dep_ != "pobj" and not (ent.root.dep_ in {"amod", "compound"}
                                                          and ent.root.head.dep_ == "pobj")]
            # "Ruritania's state agency quoted a military source": the agency's state, else the story's
            code = named[-1] if named else self.index.nearby_country(subject.doc[subject.i: subject.i + 1])
            if code is None:
                return None
            text = f"{demonym(code)} {text}"
        qualifier = next((c for c in subject.children if c.dep_ == "amod" and c.i > subject.i), None)
        if qualifier is not None:  # "a source close to the case", "a diplomat familiar with the talks"
            text = f"{text} {subject.doc[qualifier.i: qualifier.right_edge.i + 1].text}"
        speaker = Speaker(name=text, kind="person", organization=country_name(code))
        self.sources.append((subject.lemma_.lower(), speaker))
        return speaker

    def _earlier(self, kind: str, where: Place) -> Speaker | None:
        """ "the council" -> the council the article named before ("The Nordic Council"); one named only
        later when it is the article's own country's ("the military said" in a story about a foreign one's)."""
        key = (where.rank, where.char)
        headline = TEXT_FIELDS.index("headline")
        told = [m for m in self.index.orgs if m.head == kind and m.where.rank != headline]  # the headline paraphrases
        mentions = told or [m for m in self.index.orgs if m.head == kind]
        before = [m for m in mentions if (m.where.rank, m.where.char) < key]
        if before:
            return before[-1].speaker
        home = self.index.home_country()  # named only later: the article's own, not a foreign one
        later = [m for m in mentions if home and m.speaker.organization == country_name(home)]
        return later[0].speaker if later else None

    def _alliance(self, lemma: str) -> Speaker | None:
        """ "the alliance said": the organisation known by its initials that the article names most often."""
        if lemma != "alliance":
            return None
        named = Counter(m.speaker for m in self.index.orgs if is_acronym_name(m.speaker.name))
        return named.most_common(1)[0][0] if named else None

    def _mouthpiece(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        """ "a spokesman for the foreign ministry", "a ministry spokesman", "the Pentagon's spokesman": the institution,
        with the spokesman's office as the role."""
        speaker = self._mouthpiece_of(subject, field_name, where)
        if speaker is None and subject.lemma_.lower() in SPOKESPEOPLE:
            speaker = self._institution_just_heard(subject, where)
        if speaker is None or subject.lemma_.lower() not in SPOKESPEOPLE or speaker.role:
            return speaker
        return Speaker(name=speaker.name, kind=speaker.kind, role=subject.lower_, organization=speaker.organization)

    def _institution_just_heard(self, subject: Token, where: Place) -> Speaker | None:
        """ "The coast guard said ... . '...,' a spokesperson said": a spokesperson the sentence gives no institution
        speaks for the institution heard just before (in the same field, within a paragraph or two, no person having
        spoken since); not when someone else spoke last, whose office the text does not name."""
        if any(c.dep_ != "det" for c in subject.children):
            return None  # "a spokesperson for ...", "a military spokesperson": the phrase says whose
        org, at = self.last_org, self.last_org_at
        if org is None or at is None or at.rank != where.rank or not 0 <= where.char - at.char <= ISSUER_REACH:
            return None
        person_at = self.last_person_at
        if person_at is not None and person_at.rank == where.rank and person_at.char > at.char:
            return None
        return org

    def _mouthpieces_of(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        """ "officials at the port authority said": several unnamed mouthpieces speak for the institution the
        preposition names, as one does; "officials said", "Estonian officials said" name no one in particular."""
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in MOUTHPIECE_PREPOSITIONS:
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if owner is not None and owner.tag_ != "NNS" and not _described_state(owner):
                    return self._owner(owner, field_name, where)
        return None

    def _mouthpiece_of(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in MOUTHPIECE_PREPOSITIONS:
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if owner is not None and _described_state(owner):
                    return self._of_described_state(subject, owner)
                if owner is not None:
                    return self._owner(owner, field_name, where)
        for child in subject.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return self._owner(child, field_name, where)
        modifiers = [c for c in subject.children if c.dep_ in {"compound", "amod", "nmod"} and not country_of(c)]
        if modifiers:
            return self._owner(modifiers[-1], field_name, where)
        return None

    def _of_described_state(self, subject: Token, owner: Token) -> Speaker | None:
        """ "an army spokesman of the Andean nation": a state described, not named, is the one the story is about
        there; the spokesman speaks for the institution the words before him name (its army), else for the state."""
        code = self.index.nearby_country(owner.doc[owner.i: owner.i + 1])
        if code is None:
            return None
        kind = [t for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN" for t in c.subtree]
        if not kind:
            return Speaker(name=country_name(code), kind="organization", organization=country_name(code))
        name = " ".join(t.text for t in sorted(kind, key=lambda t: t.i))
        return Speaker(name=f"{demonym(code)} {name}", kind="organization", organization=country_name(code))

    def _owner(self, token: Token, field_name: str, where: Place) -> Speaker | None:
        person = self._named_person(token)
        if person is not None:
            return None  # a person's spokesman speaks for an office the text does not name
        if token.pos_ == "PROPN" or country_of(token) or _specific(token):
            return self.index.org_speaker(token, field_name)
        return self._institution(token, field_name, where)

    def _document(self, subject: Token, field_name: str, where: Place) -> Speaker | None:
        """ "the statement read": the ministry's statement, or whoever was last said to have issued one nearby."""
        # '"...," read a statement from the government': the parser hangs "from" on the verb the document follows
        hung = [c for c in subject.head.children if c.dep_ == "prep" and c.i > subject.i] if subject.dep_ == "dobj" else []
        for child in [*subject.children, *hung]:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return self._owner(child, field_name, where)
            if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if owner is not None:
                    return self._owner(owner, field_name, where)
        if subject.tag_ == "NNS":
            return None  # "according to reports": whose, the text does not say
        recent = [s for p, s in self.issuers if p.rank == where.rank and 0 <= where.char - p.char <= ISSUER_REACH]
        if recent:
            return recent[-1]
        last = self.last_org_at
        if self.last_org is not None and last is not None and last.rank == where.rank and (
                0 <= where.char - last.char <= ISSUER_REACH) and any(c.dep_ == "det" and c.lower_ == "the"
                                                                      for c in subject.children):
            # '"...," the ministry was quoted as saying. "...," the statement added': "the statement" just after an
            # institution spoke is what it said, though no sentence said it issued one
            return self.last_org
        modifiers = [c for c in subject.children if c.dep_ in {"compound", "amod"}]
        issuer = next((m for m in reversed(modifiers) if m.lemma_.lower() in DOCUMENT_ISSUERS), None)
        if issuer is not None:  # "a police statement said", "a defence ministry statement": the body it names
            return self._institution(issuer, field_name, where)
        if any(m.text[:1].isupper() for m in modifiers):
            # "the Vilnius summit communique": the organisation the document's own words name, if any; "an earlier
            # report" names nobody
            words = [t for t in subject.subtree if t.i <= subject.i and t.pos_ != "DET"]
            owner = next((t.text for t in words if is_acronym(t) or t.ent_type_ == "ORG"), None)
            return Speaker(name=" ".join(t.text for t in words), kind="organization", organization=owner)
        return None

    def _office_holder(self, subject: Token, where: Place) -> Speaker | None:
        """ "the minister said": the person the article last gave that office, or, when the article names
        them only later ("..., the speaker of parliament said. ... Speaker Saulius Skvernelis"), first."""
        key = (where.rank, where.char)
        before = [m for m in self.index.people if (m.where.rank, m.where.char) < key]
        after = [m for m in self.index.people if (m.where.rank, m.where.char) > key]
        # "the foreign minister said": the holder of that office, not the defence minister named before
        qualifiers = {spelling_key(c.text) for c in subject.children
                      if c.dep_ in {"amod", "compound"} and c.lower_ in MODIFIER_WORDS}
        # "Chile's defence minister" is not the defence minister of the state the story gave one to before
        states = {code for c in subject.children if c.dep_ in {"poss", "amod", "compound"} for code in [country_of(c)]
                  if code}
        for mention in list(reversed(before)) + after:
            title = self.index.titles.get(mention.name)
            held_for = country_code(title.organization) if title is not None and title.organization else None
            if title is not None and title.role and subject.lower_ in title.role.lower().split() and (
                    qualifiers <= set(spelling_key(title.role).split())) and not (
                    states and held_for and held_for not in states):
                return Speaker(name=mention.name, kind="person", role=title.role, organization=title.organization)
        return self._named_later(subject, where, before, after) or self._named_untitled_before(subject, where, before)

    def _one_person_just_named(self, where: Place) -> Speaker | None:
        """ "Deputy Minister Ola Berg spoke of the flight. '...,' the official wrote": a bare "the official" with no
        one unnamed quoted before is the one person the story named just before (same field, within a paragraph or
        two), with the title given there; two people named leave it open."""
        key = (where.rank, where.char)
        near = {m.name for m in self.index.people if (m.where.rank, m.where.char) < key
                and m.where.rank == where.rank and where.char - m.where.char <= OFFICE_NAMED_REACH}
        if len(near) != 1:
            return None
        name = near.pop()
        title = self.index.titles.get(name)
        return Speaker(name=name, kind="person", role=title.role if title else None,
                       organization=title.organization if title else None)

    def _named_untitled_before(self, subject: Token, where: Place, before: list[PersonMention]) -> Speaker | None:
        """ "Ola Berg flew home after a summit with Foreign Minister Ivo Petrov. ... the prime minister told parliament":
        an office holder the story gave no one that office is the one person it named just before (same field, within
        a paragraph or two) without a title of their own; a person named with another office ("Foreign Minister Ivo
        Petrov") is not them, and two untitled people leave it open."""
        near = [m for m in before if m.where.rank == where.rank and where.char - m.where.char <= OFFICE_NAMED_REACH]
        untitled = {m.name for m in near if not (title := self.index.titles.get(m.name)) or not title.role}
        if len(untitled) != 1 or any(c.dep_ in {"poss", "prep"} or country_of(c) for c in subject.children):
            return None  # "Latvia's prime minister", "the prime minister of Latvia": maybe another state's
        name = untitled.pop()
        office = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det" and t.tag_ != "POS"]
        code = self.index.nearby_country(subject.doc[subject.i: subject.i + 1])
        return Speaker(name=name, kind="person", role=" ".join(t.text for t in office),
                       organization=country_name(code) if code else None)

    def _named_later(self, subject: Token, where: Place, before: list[PersonMention],
                     after: list[PersonMention]) -> Speaker | None:
        """ "..., the foreign minister said. ... Speaking on television, X said ...": an office holder the story has
        not named is the next person it names speaking in the same field, when that person comes with no title of
        their own and no one was named before."""
        if before or not after:
            return None
        nxt = after[0]
        title = self.index.titles.get(nxt.name)
        if not nxt.subject or nxt.where.rank != where.rank or nxt.where.char - where.char > OFFICE_NAMED_REACH or (
                title is not None and title.role):
            return None
        office = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det" and t.tag_ != "POS"]
        organization = title.organization if title is not None else None
        code = organization and country_code(organization) or self.index.nearby_country(subject.doc[subject.i: subject.i + 1])
        self.holder_named_later = Speaker(name=nxt.name, kind="person", role=" ".join(t.text for t in office),
                                          organization=organization or (country_name(code) if code else None))
        return self.holder_named_later


def is_press_office(head: Token) -> bool:
    """ "The press service of the ministry", "the Kremlin's press office": an institution's mouthpiece, which speaks
    for it (not a news outlet, though its words are "press" and "service")."""
    return head.lemma_.lower() in PRESS_OFFICES and any(c.dep_ == "compound" and c.lower_ in PRESS_WORDS
                                                         for c in head.children)


def _described_state(owner: Token) -> bool:
    """ "the Andean nation", "the Baltic country": a state called by its kind and a region or a trait, not by its
    name nor as anyone's ("its neighbour's state")."""
    return owner.lemma_.lower() in STATE_NOUNS and owner.pos_ == "NOUN" and not country_of(owner) and any(
        c.dep_ == "det" and c.lower_ == "the" for c in owner.children) and not any(
        c.dep_ == "poss" or country_of(c) for c in owner.children)


def _person_before(noun: Token) -> Token:
    """What "who" refers to: a person, so "X, spokeswoman for the coastal sector of the naval command, who said ..." is X
    even where the parser hangs the clause on the last noun of the apposition."""
    chain = []
    for token in [noun, *noun.ancestors]:
        chain.append(token)
        if token.dep_ not in {"pobj", "prep", "appos", "compound"}:
            break
    named = [t for t in chain if t.ent_type_ == "PERSON"]
    offices = [t for t in chain if t.lemma_.lower() in ROLE_WORDS | MOUTHPIECES]
    return (named or offices or [noun])[0]


def _group_of_office_holders(holders: Token) -> Speaker | None:
    """ "the AU ambassadors said in a joint statement", "EU foreign ministers said": the holders of one office in an
    organisation named by its initials speak together, as a body of that organisation (not "the ambassadors", nor
    "several ambassadors": no one in particular)."""
    owners = [c for c in holders.children if c.dep_ in {"compound", "nmod"} and is_acronym(c)]
    if any(c.dep_ == "amod" and c.lower_ in VAGUE_PLURALS for c in holders.children):
        return None
    states = [c for c in holders.children if c.dep_ == "poss" and country_of(c)]
    if not owners and len(states) == 1:  # "X's military leaders said": a state's office holders, as one body
        start = min(t.i for t in states[0].subtree)
        code = country_of(states[0])
        return Speaker(name=holders.doc[start: holders.i + 1].text, kind="organization",
                       organization=country_name(code) if code else None)
    if len(owners) != 1:
        return None
    words = [t for t in holders.subtree if t.i <= holders.i and t.dep_ not in {"det", "predet", "nummod"}]
    return Speaker(name=" ".join(t.text for t in words), kind="organization", organization=owners[0].text)


def _described_as_company(token: Token) -> bool:
    """A proper name that a common noun before it describes as a company: "the airport operator Skyport"."""
    return token.pos_ == "PROPN" and any(c.dep_ in {"compound", "appos", "nmod"} and c.lemma_.lower() in PRIVATE_HEADS
                                         for c in token.children)


def _plural_body(name: str) -> bool:
    """Whether an institution's name is one a plural pronoun refers to: the police, the armed forces."""
    return name.split()[-1].lower() in PLURAL_BODIES


def spelling_key(name: str) -> str:
    """A name without case and with British and American spellings made one: "Defense Ministry" and
    "defence ministry" have the same key."""
    words = [SPELLING_VARIANTS.get(w, w) for w in _key(name).split()]
    if len(words) > 2 and words[1] == "of" and words[0] in INSTITUTION_HEADS:  # "ministry of defence"
        words = words[2:] + words[:1]
    return " ".join(words)


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` occurs in ``words`` as a run of consecutive words, ignoring case."""
    lower, sub = [w.lower() for w in words], [w.lower() for w in part]
    return any(lower[i: i + len(sub)] == sub for i in range(len(lower) - len(sub) + 1))


def is_acronym_name(name: str) -> bool:
    return name.isupper() and 2 <= len(name) <= 6 and name.isalpha()
