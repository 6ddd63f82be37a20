"""Incidents: airspace violations, drone sightings and Article 4 requests, from parsed sentences.

Each sentence yields *mentions* (one per victim country and kind); mentions of one
kind and country in an article are then merged into incidents, because a story
repeats its main event in the headline, the standfirst and the body. Mentions
stay apart only when they carry clearly different dates (a timeline) or
different violators.

The rules read the dependency parse: the victim is what modifies "airspace"
("Estonian airspace", "Estonia's airspace", "its airspace"), the violator is the
nationality on the aircraft or drone phrase, never the victim's own interceptors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pycountry

from spacy.tokens import Doc, Span, Token

from streams.article import Article
from streams.extraction.dates import resolve
from streams.extraction.model import AnalysedArticle, Evidence, FuzzyDate, IncidentFact
from streams.extraction.numbers import duration_minutes, number
from streams.extraction.places import country_code

PLATFORMS: dict[str, str] = {
    "drone": "drone", "uav": "drone", "quadcopter": "drone", "shahed": "drone", "gerbera": "drone",
    "jet": "aircraft", "aircraft": "aircraft", "plane": "aircraft", "warplane": "aircraft", "airplane": "aircraft",
    "fighter": "aircraft", "bomber": "aircraft", "helicopter": "aircraft", "interceptor": "aircraft",
    "balloon": "balloon", "airship": "balloon", "missile": "missile", "rocket": "missile",
}
MODEL = re.compile(r"\b(?:[A-Z][A-Za-z]{0,6}-\d{1,3}[A-Z]{0,3}|Shahed(?:-\d+)?|Gerbera|Geran-\d)\b")
ENTRY_VERBS = {"enter", "violate", "cross", "breach", "penetrate", "intrude", "invade", "stray", "fly", "remain",
               "stay", "spend", "be", "incur", "overfly", "encroach", "approach"}
NOT_ENTRY_VERBS = {"leave", "defend", "protect", "close", "reopen", "patrol", "police", "monitor", "guard",
                   "secure", "open", "restrict", "shut", "deny", "exit", "escort"}
VIOLATION_NOUNS = {"violation", "incursion", "intrusion", "breach", "infringement", "penetration"}
GENERIC = {"repeated", "multiple", "numerous", "frequent", "regular", "previous", "past", "earlier", "further",
           "recent", "many", "several", "constant", "future", "possible", "potential", "any", "such"}
SUSPECTED = re.compile(r"\b(suspected|believed|likely|probabl[ey]|apparently|possibl[ey]|alleged(?:ly)?|presumed|"
                       r"thought to be|appeared to be|seemingly)\b", re.I)
SIGHTING = re.compile(r"\b(sighting|sightings|spotted|seen|sighted|observed)\b", re.I)
ARTICLE4 = re.compile(r"\bArticle\s+(?:4|four|IV)\b", re.I)
REQUEST_VERBS = {"invoke", "request", "ask", "call", "seek", "trigger", "activate", "demand", "use", "apply"}
NOT_ZONE = re.compile(r"identification zone|\bADIZ\b", re.I)
LOCATION_PREPS = {"near", "over", "off", "above", "around", "close"}
KIND_ORDER = ("airspace_violation", "drone_sighting", "article4_request")
INTERCEPTING = {"scramble", "intercept", "shadow", "escort", "shoot", "track", "fire", "chase", "respond", "follow",
                "accompany", "guide", "warn"}
DISPATCHING = {"scramble", "deploy", "send", "dispatch", "launch"}


@dataclass
class Mention:
    kind: str
    country: str
    sentence: Span
    field: str
    violator: str | None = None
    attribution: str | None = None
    platform: str | None = None
    model: str | None = None
    count: int | None = None
    duration_minutes: float | None = None
    occurred_on: FuzzyDate | None = None
    location: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def richness(self) -> int:
        values = (self.violator, self.platform, self.model, self.count, self.duration_minutes, self.occurred_on,
                  self.location)
        return sum(v is not None for v in values)


def _code(token_or_span: Token | Span) -> str | None:
    return country_code(token_or_span.text)


def _entity_countries(span: Span | Doc) -> list[tuple[str, Span]]:
    """Countries named in a span by entities (GPE, NORP, LOC, FAC): "Estonian", "Tallinn", "Copenhagen Airport"."""
    found = []
    for ent in span.ents:
        if ent.label_ not in {"GPE", "NORP", "LOC", "FAC", "ORG"}:
            continue
        code = country_code(ent.text) or next((country_code(t.text) for t in ent if t.pos_ == "PROPN" and country_code(t.text)), None)
        if code and not (ent.label_ == "ORG" and not country_code(ent.text)):
            found.append((code, ent))
    return found


def _nationality(tokens: list[Token]) -> str | None:
    """The state a phrase's modifiers name ("Russian", "China's", "North Korean")."""
    for i, token in enumerate(tokens):
        if token.i + 1 < len(token.doc) and token.text in {"North", "South"}:
            code = country_code(f"{token.text} {token.doc[token.i + 1].text}")
            if code:
                return code
        if token.ent_type_ in {"NORP", "GPE"} or token.pos_ in {"ADJ", "PROPN"}:
            code = _code(token)
            if code:
                return code
    return None


def _modifier_countries(noun: Token, article_subject: str | None) -> list[str]:
    """Victims modifying "airspace"/"border": amod, compound, poss (with conjuncts), "of X"; "its" resolved."""
    codes: list[str] = []
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            for part in [child, *child.conjuncts]:
                if part.lower_ in {"its", "their", "our"}:
                    codes.append(article_subject) if article_subject else None
                    continue
                code = _code(part) or (country_code(f"{part.text} {part.head.text}") if part.text in {"North", "South"} else None)
                if code:
                    codes.append(code)
        if child.dep_ == "prep" and child.lower_ == "of":
            codes += [c for pobj in child.children if pobj.dep_ == "pobj" for c in [_code(pobj)] if c]
    return list(dict.fromkeys(c for c in codes if c))


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return None


def _negated(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ == "neg" or c.lower_ in {"never", "not"} for c in verb.children)


def _subject_country(verb: Token | None, sentence: Span) -> str | None:
    """The country that is the subject of a clause ("Poland shot down drones that crossed into its airspace")."""
    while verb is not None:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                subtree = list(child.subtree)
                if any(t.lemma_.lower() in PLATFORMS for t in subtree):
                    continue  # "Russian drones crossed its border": the intruder, not the owner of "its"
                code = _code(child) or _nationality(subtree)
                if code:
                    return code
        verb = _governing_verb(verb) if verb.dep_ not in {"ROOT"} else None
    return None


def _airspace_victims(sentence: Span, context_country: str | None) -> list[tuple[str, Token]]:
    """(victim, trigger) pairs for airspace entered or violated, and borders crossed by drones or aircraft."""
    pairs: list[tuple[str, Token]] = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma == "airspace":
            verb = _governing_verb(token)
            head = token.head
            via_violation_noun = head.lemma_.lower() in VIOLATION_NOUNS or (head.dep_ == "prep" and head.head.lemma_.lower() in VIOLATION_NOUNS)
            via_entry = verb is not None and verb.lemma_.lower() in ENTRY_VERBS
            if not (via_violation_noun or via_entry) or (verb is not None and verb.lemma_.lower() in NOT_ENTRY_VERBS):
                continue
            if _negated(verb) and not via_violation_noun:
                continue
            subject = _subject_country(verb, sentence) or context_country
            pairs += [(code, token) for code in _modifier_countries(token, subject)]
        elif lemma == "border" and token.head.lemma_.lower() == "cross":
            subject = _subject_country(token.head, sentence) or context_country
            pairs += [(code, token) for code in _modifier_countries(token, subject)]
        elif lemma in VIOLATION_NOUNS and not any(t.lemma_.lower() == "airspace" for t in token.subtree):
            if any(c.lower_ in GENERIC for c in token.children):
                continue
            # "Romania reported a Russian drone violation": the reporting state is the victim.
            verb = _governing_verb(token)
            subject = _subject_country(verb, sentence) if verb is not None and verb.lemma_.lower() in {"report", "record", "register", "detect", "suffer", "confirm"} else None
            has_platform = any(c.lemma_.lower() in PLATFORMS for c in token.children)
            if subject and has_platform:
                pairs.append((subject, token))
    return pairs


def _intercepting(noun: Token) -> bool:
    """Jets that scramble, shadow or shoot down are the defenders: "Italian F-35s were scrambled"."""
    head = noun.head.lemma_.lower()
    if noun.dep_ in {"nsubj", "nsubjpass"} and head in INTERCEPTING | DISPATCHING:
        return noun.dep_ == "nsubj" or head in DISPATCHING
    return noun.dep_ == "dobj" and head in DISPATCHING


def _platform_phrases(sentence: Span) -> list[tuple[Token, list[Token]]]:
    """Each aircraft/drone/balloon/missile noun with the tokens of its phrase (up to the noun); defenders left out."""
    phrases = []
    for token in sentence:
        if token.lemma_.lower() in PLATFORMS or token.lower_ in PLATFORMS:
            noun = token
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head
            if _intercepting(noun):
                continue
            tokens = [t for t in sentence.doc[noun.left_edge.i: noun.i + 1]]
            phrases.append((token, tokens))
    return phrases


def _phrase_count(platform: Token, tokens: list[Token]) -> int | None:
    noun = tokens[-1]
    for child in noun.children:
        if child.dep_ == "nummod":
            value = number(child.text)
            if value is not None:
                return value
    if tokens and tokens[0].lower_ in {"a", "an", "one", "single", "lone"} and noun.tag_ in {"NN", "NNP"}:
        return 1
    return None


def _violation_count(trigger: Token) -> int | None:
    """ "19 violations of Polish airspace": the number of violations reported."""
    noun = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head
    if noun.lemma_.lower() in VIOLATION_NOUNS and noun.tag_ == "NNS":
        for child in noun.children:
            if child.dep_ == "nummod" and number(child.text):
                return number(child.text)
    return None


def _date_near(sentence: Span, anchor: Token, published: dt.date) -> FuzzyDate | None:
    """The resolvable date expression of the sentence closest to the trigger."""
    candidates = [(abs(ent.start - anchor.i), ent.text) for ent in sentence.ents if ent.label_ in {"DATE", "TIME"}
                  and not (ent.start > 0 and sentence.doc[ent.start - 1].lower_ in {"since", "until", "before", "by"})]
    candidates += [(abs(t.i - anchor.i), t.text) for t in sentence if t.lower_ == "overnight"]
    for _, text in sorted(candidates):
        resolved = resolve(text, published)
        if resolved is not None:
            return resolved
    return None


def _location(sentence: Span, anchor: Token, victims: set[str]) -> str | None:
    """A place by a locative preposition ("near X island", "over Alaska"), preferring the trigger's clause."""
    verb = _governing_verb(anchor)
    scopes = [list(verb.subtree)] if verb is not None else []
    scopes.append(list(sentence))
    for scope in scopes:
        for token in scope:
            if token.dep_ != "prep" or token.lower_ not in LOCATION_PREPS:
                continue
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if pobj is None and token.lower_ == "close":
                continue
            if pobj is None or not (pobj.pos_ == "PROPN" or pobj.ent_type_ or any(c.pos_ == "PROPN" or c.ent_type_ for c in pobj.children)):
                continue
            words = [t for t in sentence.doc[pobj.left_edge.i: pobj.i + 1]]
            text = sentence.doc[words[0].i: words[-1].i + 1].text
            if country_code(text) and country_code(text) in victims and pobj.ent_type_ == "GPE" and len(words) == 1:
                continue
            return text
    return None


def _evidence(field_name: str, sentence: Span) -> Evidence:
    return Evidence(field_name, sentence.start_char, sentence.end_char, sentence.text)


def _violations(sentence: Span, field_name: str, article: Article, context_country: str | None) -> list[Mention]:
    if NOT_ZONE.search(sentence.text) and "airspace" not in sentence.text.lower():
        return []
    mentions = []
    for victim, trigger in _airspace_victims(sentence, context_country):
        phrases = _platform_phrases(sentence)
        chosen: tuple[Token, list[Token]] | None = None
        violator = None
        for platform, tokens in phrases:
            nationality = _nationality(tokens)
            if nationality and nationality != victim:
                chosen, violator = (platform, tokens), nationality
                break
            if nationality is None and chosen is None:
                chosen = (platform, tokens)
        if violator is None:
            modifiers = [c for c in trigger.children if c.dep_ in {"amod", "compound", "poss"}]
            trigger_noun = trigger if trigger.lemma_.lower() in VIOLATION_NOUNS else trigger.head
            modifiers += [c for c in trigger_noun.children if c.dep_ in {"amod", "compound", "poss"}]
            found = _nationality(modifiers)
            violator = found if found != victim else None
        platform_token = chosen[0] if chosen else None
        platform = PLATFORMS.get(platform_token.lemma_.lower(), PLATFORMS.get(platform_token.lower_)) if platform_token else None
        model_match = MODEL.search(" ".join(t.text for t in chosen[1])) if chosen else None
        count = _violation_count(trigger) or (_phrase_count(*chosen) if chosen else None)
        duration = duration_minutes(sentence.text)
        mentions.append(Mention(
            kind="airspace_violation", country=victim, sentence=sentence, field=field_name,
            violator=violator,
            attribution=("suspected" if SUSPECTED.search(sentence.text) else "attributed") if violator else "unattributed",
            platform=platform, model=model_match.group(0) if model_match else None, count=count,
            duration_minutes=duration[0] if duration else None,
            occurred_on=_date_near(sentence, trigger, article.published_on),
            location=_location(sentence, trigger, {victim}), evidence=[_evidence(field_name, sentence)],
        ))
    return mentions


def _sightings(sentence: Span, field_name: str, article: Article) -> list[Mention]:
    drones = [t for t in sentence if t.lemma_.lower() in {"drone", "uav"}]
    if not drones or not SIGHTING.search(sentence.text) or "airspace" in sentence.text.lower():
        return []
    if any(_nationality(tokens) for platform, tokens in _platform_phrases(sentence) if platform in drones):
        return []  # a state is named: that is a violation, found by the airspace rules or not at all
    places = _entity_countries(sentence)
    countries = list(dict.fromkeys(code for code, _ in places))
    mentions = []
    for code in countries:
        own = [ent for c, ent in places if c == code and ent.label_ != "NORP"]
        location = next((ent.text for ent in own if not _is_country_name(ent.text)), None)
        location = location or next((p.text for ent in own for p in [_place_before_in(ent)] if p is not None), None)
        mentions.append(Mention(
            kind="drone_sighting", country=code, sentence=sentence, field=field_name, attribution="unattributed",
            platform="drone", occurred_on=_date_near(sentence, drones[0], article.published_on), location=location,
            evidence=[_evidence(field_name, sentence)],
        ))
    return mentions


def _place_before_in(ent: Span) -> Span | None:
    """ "near Munich Airport in Germany": the place a country name locates."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "in":
        return None
    return next((e for e in doc.ents if e.end == ent.start - 1 and e.label_ in {"FAC", "LOC", "GPE", "ORG"}
                 and not _is_country_name(e.text)), None)


def _is_country_name(text: str) -> bool:
    code = country_code(text)
    if code is None:
        return False
    country = pycountry.countries.get(alpha_2=code)
    names = {getattr(country, n, "").lower() for n in ("name", "common_name", "official_name")} if country else set()
    return text.lower().removeprefix("the ") in names or text.isupper() or text.lower() in {
        "russia", "britain", "america", "turkey", "moldova", "syria", "iran", "south korea", "north korea", "taiwan",
        "czechia", "the netherlands", "united states", "united kingdom", "us", "uk"}


def _article4(sentence: Span, field_name: str, article: Article) -> list[Mention]:
    match = ARTICLE4.search(sentence.text)
    if not match:
        return []
    anchor = next((t for t in sentence if t.idx >= sentence.start_char + match.start()), sentence[0])
    verbs = [t for t in sentence if t.lemma_.lower() in REQUEST_VERBS and t.pos_ in {"VERB", "NOUN"}]
    codes: list[str] = []
    for verb in verbs:
        if _negated(verb):
            continue
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
                subtree = list(child.subtree)
                codes += [c for t in subtree for c in [_code(t)] if c]
                codes += [c for c in [_nationality(subtree)] if c]
        if verb.pos_ == "NOUN":  # "Poland's request for Article 4 consultations"
            codes += [c for ch in verb.children if ch.dep_ == "poss" for c in [_code(ch)] if c]
    mentions = []
    for code in dict.fromkeys(codes):
        mentions.append(Mention(kind="article4_request", country=code, sentence=sentence, field=field_name,
                                occurred_on=_date_near(sentence, anchor, article.published_on),
                                evidence=[_evidence(field_name, sentence)]))
    return mentions


def _compatible(a: Mention, b: Mention) -> bool:
    if a.violator and b.violator and a.violator != b.violator:
        return False
    if a.occurred_on and b.occurred_on and a.occurred_on.precision == b.occurred_on.precision == "day":
        return abs((_day(a.occurred_on) - _day(b.occurred_on)).days) <= 1
    if a.occurred_on and b.occurred_on:
        return a.occurred_on.value.startswith(b.occurred_on.value) or b.occurred_on.value.startswith(a.occurred_on.value)
    return True


def _day(value: FuzzyDate) -> dt.date:
    return dt.date.fromisoformat(value.value)


def _merge(group: list[Mention]) -> IncidentFact:
    ranked = sorted(group, key=lambda m: -m.richness())

    def first(name: str):
        return next((getattr(m, name) for m in ranked if getattr(m, name) is not None), None)

    dates = [m.occurred_on for m in ranked if m.occurred_on]
    precision = {"day": 0, "month": 1, "year": 2}
    date = min(dates, key=lambda d: precision[d.precision]) if dates else None
    violator = first("violator")
    attribution = first("attribution")
    if group[0].kind == "airspace_violation":
        suspected = any(m.attribution == "suspected" for m in group) and not any(m.attribution == "attributed" and m.violator for m in group)
        attribution = "suspected" if suspected and violator else ("attributed" if violator else "unattributed")
    evidence = sorted({e for m in group for e in m.evidence}, key=lambda e: (("headline", "standfirst", "body").index(e.field), e.start))
    filled = sum(x is not None for x in (violator, first("platform"), first("count"), date, first("location")))
    return IncidentFact(
        kind=group[0].kind, country=group[0].country, violator=violator, attribution=attribution if group[0].kind != "article4_request" else None,
        platform=(first("platform") or "unknown") if group[0].kind != "article4_request" else None,
        model=first("model"), count=first("count"), duration_minutes=first("duration_minutes"), occurred_on=date,
        location=first("location"), evidence=tuple(evidence), confidence=min(0.95, 0.55 + 0.08 * filled),
    )


def _cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one kind and country: together unless dates or violators tell them apart.
    Dated mentions seed the clusters, so an undated repeat joins the event it repeats."""
    clusters: list[list[Mention]] = []
    for mention in sorted(mentions, key=lambda m: (m.occurred_on is None, m.occurred_on.precision != "day" if m.occurred_on else True)):
        home = next((c for c in clusters if all(_compatible(mention, other) for other in c)), None)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    return clusters


def _main_country(analysed: AnalysedArticle) -> str | None:
    """The country an article is mostly about: the resolver of "its" when a sentence names none."""
    for name, doc in analysed.fields():
        for code, ent in _entity_countries(doc):
            if ent.label_ == "GPE":
                return code
    return None


def extract_incidents(analysed: AnalysedArticle) -> list[IncidentFact]:
    article = analysed.article
    context = _main_country(analysed)
    mentions: list[Mention] = []
    for field_name, doc in analysed.fields():
        for sentence in doc.sents:
            mentions += _violations(sentence, field_name, article, context)
            mentions += _sightings(sentence, field_name, article)
            mentions += _article4(sentence, field_name, article)
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault((mention.kind, mention.country), []).append(mention)
    facts = [_merge(cluster) for key in sorted(groups, key=lambda k: (KIND_ORDER.index(k[0]), k[1]))
             for cluster in _cluster(groups[key])]
    return facts
