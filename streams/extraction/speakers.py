"""Who a speech verb's subject is: the full name first given, the kind, the role and organisation.

News text names a person in full once, with a title ("Estonian Foreign Minister
Margus Tsakhna"), then by surname or pronoun; institutions appear in full once
("The North Atlantic Council") and then as "the council" or "the statement".
The resolver reads the whole article first, so a later mention finds the first.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from streams.extraction.incidents import PLATFORMS
from streams.extraction.model import AnalysedArticle, Speaker
from streams.extraction.places import DEMONYMS, country_code, country_name

TITLE_WORDS = {"minister", "president", "secretary", "general", "chancellor", "spokesman", "spokeswoman",
               "spokesperson", "chief", "ambassador", "commander", "governor", "mayor", "senator", "king", "queen",
               "premier", "director", "chairman", "chairwoman", "head", "envoy", "representative", "leader",
               "deputy", "prime", "foreign", "defence", "defense", "admiral", "colonel", "lieutenant", "officer"}
INTERNATIONAL_TITLES = ("secretary general", "secretary-general")
MOUTHPIECES = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "source", "aide"}
DOCUMENTS = {"statement", "communique", "communiqué", "declaration", "release", "note", "letter", "post"}
PERSON_PRONOUNS = {"he", "she"}
ORG_PRONOUNS = {"it", "they", "we"}
DEMONYM_OF: dict[str, str] = {}
for _word, _code in DEMONYMS.items():
    DEMONYM_OF.setdefault(_code, _word.title())


def _title_tokens(ent: Span) -> list[Token]:
    """Capitalised words right before a name: "NATO Secretary General", "Secretary of State"."""
    tokens: list[Token] = []
    i = ent.start - 1
    doc = ent.doc
    while i >= 0:
        token = doc[i]
        if token.lower_ == "of" and tokens:
            tokens.insert(0, token)
        elif token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"} and not token.is_sent_start or (
                token.is_sent_start and token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.lower_ != "the"):
            tokens.insert(0, token)
        else:
            break
        i -= 1
    while tokens and tokens[0].lower_ == "of":
        tokens = tokens[1:]
    return tokens


def _split_title(tokens: list[Token]) -> tuple[str | None, str | None]:
    """(role, organisation) of a title: a leading nationality or organisation, then the office."""
    if not tokens or not any(t.lower_ in TITLE_WORDS for t in tokens):
        return None, None
    first = tokens[0]
    code = country_code(first.text)
    if code and first.lower_ not in TITLE_WORDS:
        return " ".join(t.text for t in tokens[1:]) or None, country_name(code)
    if first.ent_type_ == "ORG" and first.lower_ not in TITLE_WORDS:
        return " ".join(t.text for t in tokens[1:]) or None, first.text
    return " ".join(t.text for t in tokens), None


class SpeakerResolver:
    """Resolves speech-verb subjects against everything the article names."""

    def __init__(self, analysed: AnalysedArticle) -> None:
        self.full_names: dict[str, str] = {}
        self.titles: dict[str, tuple[str | None, str | None]] = {}
        self.org_names: list[str] = []
        self.acronym_orgs: list[str] = []
        self.country_counts: Counter[str] = Counter()
        self.first_seen: dict[str, int] = {}
        self.org_of_speaker: dict[str, str] = {}
        self.last_person: Speaker | None = None
        self.last_org: Speaker | None = None
        self.doc: Doc | None = None
        position = 0
        for _, doc in analysed.fields():
            for ent in doc.ents:
                position += 1
                if ent.label_ == "PERSON":
                    self._learn_person(ent)
                elif ent.label_ == "ORG":
                    name = ent.text.removeprefix("The ").removeprefix("the ")
                    self.org_names.append(name)
                    if name.isupper() and 2 <= len(name) <= 6:
                        self.acronym_orgs.append(name)
                for code in self._countries(ent):
                    self.country_counts[code] += 1
                    self.first_seen.setdefault(code, position)

    def _learn_person(self, ent: Span) -> None:
        tokens = ent.text.split()
        full = ent.text.removesuffix("'s").removesuffix("\u2019s")
        if len(tokens) >= 2 and tokens[-1] not in self.full_names:
            self.full_names[tokens[-1].removesuffix("'s")] = full
        name = self.full_names.get(tokens[-1].removesuffix("'s"), full)
        role, org = _split_title(_title_tokens(ent))
        if role and name not in self.titles:
            self.titles[name] = (role, org or self._context_org(ent, role))

    @staticmethod
    def _countries(ent: Span) -> list[str]:
        if ent.label_ not in {"GPE", "NORP"}:
            return []
        if ent.label_ == "NORP" and ent.root.head.lemma_.lower() in PLATFORMS:
            return []  # "Russian jets": the intruder's flag, not the speaker's country
        code = country_code(ent.text)
        return [code] if code else []

    def start_field(self, field_name: str, doc: Doc) -> None:
        self.doc = doc

    def _context_org(self, ent: Span, role: str) -> str | None:
        """An untitled office's organisation: the alliance for a Secretary General, else the nearest country."""
        if role.lower() in INTERNATIONAL_TITLES:
            before = [e.text for e in ent.doc.ents if e.label_ == "ORG" and e.end <= ent.start and e.text.isupper()]
            return before[-1] if before else (self.acronym_orgs[0] if self.acronym_orgs else None)
        same = [c for e in ent.sent.ents if e.end <= ent.start for c in self._countries(e)]
        if same:
            return country_name(same[0])
        return self.home_country(ent)

    def home_country(self, near: Span | Token | None = None) -> str | None:
        """The country the article mentions most; between equals, the one named last before ``near``."""
        if not self.country_counts:
            return None
        top = max(self.country_counts.values())
        leaders = {c for c, n in self.country_counts.items() if n == top}
        if near is not None and len(leaders) > 1:
            doc, start = near.doc, near.start if isinstance(near, Span) else near.i
            before = [c for e in doc.ents if e.end <= start for c in self._countries(e) if c in leaders]
            if before:
                return country_name(before[-1])
        return country_name(min(leaders, key=lambda c: self.first_seen[c]))

    def speaker(self, subject: Token | None, verb: Token | None) -> Speaker | None:
        if subject is None:
            return None
        if subject.lower_ in PERSON_PRONOUNS:
            named = [e for e in subject.doc.ents if e.label_ == "PERSON" and e.end <= subject.i]
            return self._remember(self._person(named[-1])) if named else self.last_person
        if subject.lower_ in ORG_PRONOUNS:
            return self.last_org if subject.lower_ == "it" else None
        phrase = subject.doc[subject.left_edge.i: subject.i + 1]
        person = next((e for e in subject.doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None)
        person = person or next((e for e in phrase.ents if e.label_ == "PERSON"), None)
        if person is not None:
            return self._remember(self._person(person))
        if subject.text in self.full_names:  # a surname the tagger missed as a name
            return self._remember(self._person(subject.doc[subject.i: subject.i + 1]))
        return self._organisation(subject, phrase)

    def _remember(self, speaker: Speaker) -> Speaker:
        if speaker.organization:
            self.org_of_speaker.setdefault(speaker.name, speaker.organization)
        if speaker.kind == "person":
            self.last_person = speaker
        else:
            self.last_org = speaker
        return speaker

    def _person(self, ent: Span) -> Speaker:
        surname = ent.text.split()[-1].removesuffix("'s")
        name = self.full_names.get(surname, ent.text)
        role, org = self.titles.get(name, (None, None))
        return Speaker(name=name, kind="person", role=role, organization=org)

    def _organisation(self, subject: Token, phrase: Span) -> Speaker | None:
        head = subject.lemma_.lower()
        if head in MOUTHPIECES:
            owner = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}
                          for p in c.children if p.dep_ == "pobj"), None)
            return self._organisation(owner, owner.doc[owner.left_edge.i: owner.i + 1]) if owner is not None else None
        if head in DOCUMENTS:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if owner is not None:
                return self._organisation(owner, owner.doc[owner.left_edge.i: owner.i + 1])
            return self._issuer(subject) or self.last_org
        words = [t for t in phrase if t.pos_ != "DET" and t.dep_ != "poss" or t.dep_ == "poss"]
        if subject.tag_ in {"NNS"} and not any(t.pos_ == "PROPN" or country_code(t.text) for t in words):
            return None  # "officials said": nobody in particular
        nationality = next((country_code(t.text) for t in words if country_code(t.text)), None)
        name = " ".join(w for w in (self._demonym(t) for t in words) if w)
        proper = any(t.pos_ == "PROPN" for t in words) or nationality
        if not proper:
            earlier = self._earlier_org(subject.text)
            if earlier is None:
                return None
            return self._remember(earlier)
        if nationality and len(words) == 1:  # "Moscow insisted": the state speaking by its capital
            return self._remember(Speaker(name=name, kind="organization", organization=country_name(nationality)))
        org = country_name(nationality) if nationality else self._apposition_org(subject) or self.org_of_speaker.get(name)
        if org is None and not name.isupper():
            org = self.home_country(subject)  # "the Pentagon said": a national institution
        return self._remember(Speaker(name=name, kind="organization", organization=org))

    def _issuer(self, document: Token) -> Speaker | None:
        """ "..., the statement read": whoever the last earlier sentence about a statement has speaking."""
        earlier = [s for s in document.doc.sents if s.end <= document.sent.start
                   and any(t.lemma_.lower() in DOCUMENTS for t in s)]
        for sentence in reversed(earlier):
            subject = next((c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.lemma_.lower() not in DOCUMENTS:
                return self.speaker(subject, sentence.root)
        return None

    @staticmethod
    def _demonym(token: Token) -> str:
        """ "Japan's defence ministry" -> "Japanese defence ministry"; other words as written."""
        if token.dep_ == "poss" or token.tag_ == "POS":
            if token.tag_ == "POS":
                return ""
            code = country_code(token.text)
            return DEMONYM_OF.get(code, token.text) if code else token.text
        return token.text

    def _earlier_org(self, head: str) -> Speaker | None:
        """ "the council" -> the organisation named earlier whose name ends in that word."""
        if self.last_org and self.last_org.name.lower().split()[-1] == head.lower():
            return self.last_org
        for name in self.org_names:
            if name.lower().split()[-1] == head.lower():
                return Speaker(name=name, kind="organization", organization=self._org_of(name))
        return None

    def _org_of(self, name: str) -> str | None:
        for doc in [self.doc] if self.doc is not None else []:
            for ent in doc.ents:
                if ent.label_ == "ORG" and ent.text.removeprefix("The ").removeprefix("the ") == name:
                    return self._apposition_org(ent.root)
        return None

    @staticmethod
    def _apposition_org(token: Token) -> str | None:
        """ "The North Atlantic Council, NATO's principal decision-making body": NATO."""
        for child in token.children:
            if child.dep_ == "appos":
                owner = next((c for c in child.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return owner.text
        return None
