"""Incidents: airspace violations, drone sightings and Article 4 requests, from parsed sentences.

Each sentence yields *mentions* (one per kind and state: :mod:`.violations`,
:mod:`.sightings`, :mod:`.article4`); the mentions of one kind and state in an
article are then merged into incidents, because a story repeats its main event in
the headline, the standfirst and the body. Mentions stay apart only when they carry
clearly different dates (a timeline) or violators.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Any

from spacy.tokens import Doc, Span, Token

from streams.model.article import TEXT_FIELDS

from streams.extraction.article4 import ARTICLE4, ARTICLE4_GATHERING, article4_requests
from streams.extraction.clauses import base_form, doubted, governing_verb, in_backdrop, negated, state_of, subject_state
from streams.extraction.dates import (clause_date, date_candidates, heading_date, later_day, later_phrase, resolve,
                                     timestamp_day)
from streams.extraction.lexicon import (WATER_WORDS, AIRSPACE_NOUNS, DISRUPTION_VERBS, AMID_PREPOSITIONS, ATTACK_NOUNS, PLACE_NOUNS, BORDER_KEEPING_VERBS, ANAPHORIC_DAY, BORDER_NOUNS, PROXIMITY, DATELINE, DAY_BEFORE_PHRASES, DAYS_IN_A_ROW,
                                        DESTROYING_VERBS, DOWNING_VERBS, FINDING_VERBS,
                                        DEFINITE, EARLIER_ONE, EARLIER_WORDS, ENTRY_VERBS, LAG_BEFORE, NUMBER_WORDS, RUN_EVENT_NOUNS, RUN_OF,
                                        RUN_ORDINALS, SEEING_VERBS, TRACKING_VERBS, SITE_ON, HOMEWARD_WORDS,
                                        GENERIC_NAME_WORDS, HARDWARE, INSTITUTION_HEADS, LIST_ITEM_OPENERS, MORE, ONE_MORE, RECENT_MONTH_MIN_DAY,
                                        RECENT_PHRASES, SAME_DAY_PHRASES,
                                        OVERFLYING_VERBS, SIGHTING_VERBS, SITE_HEADS, SMALL_HOURS_END, STATE_POSSESSIVES,
                                        EVENING_PHRASES)
from streams.extraction.locations import broad, location_in, named_site, places, site_named
from streams.extraction.mentions import Context, Mention
from streams.extraction.model import AnalysedArticle, Evidence, FuzzyDate, IncidentFact
from streams.extraction.nlp import entities, entity_at, text_of
from streams.extraction.numbers import duration_minutes
from streams.extraction.places import is_state_name, place_country
from streams.extraction.platforms import Phrase, attackers_state, model_name, nationality, phrases
from streams.extraction.rules import rule_matches
from streams.extraction.sightings import sightings
from streams.extraction.violations import (Identification, crashes, downed_before, identification, named_places_overflown,
                                           overflights,
                                           owner_words, sender_state,
                                           shootdowns, violations)

PATTERN_FILES = ("disruption", "background", "retold", "returned")  # the pattern files (patterns/*.json) the incident rules read
BACKGROUND_RULES = "background."  # the rules of patterns/background.json: incidents told as background
OWNED_SPACE_NOUNS = AIRSPACE_NOUNS | {"border"}  # "X's airspace", "the X border": nouns whose owner is the story's state
SIMILAR_ELSEWHERE = {"background.similar_incidents_including", "background.similar_incidents_in_states",
                     "background.similar_incidents_at_sites", "background.follows_a_similar_one_at",
                     "background.follows_a_similar_one_placed_on_the_verb"}
DATE_PARTS = {"nummod", "compound", "quantmod"}  # the words of one date in a list: "June 2020", "May 5"
LEAD_SENTENCES = 2  # the sentences of the lead, at least
KIND_ORDER = ("airspace_violation", "drone_sighting", "article4_request")
PRECISION = {"day": 0, "month": 1, "year": 2}


# --- Merging -------------------------------------------------------------------------------------------------------


def _precision(mention: Mention) -> int:
    return PRECISION[mention.occurred_on.precision] if mention.occurred_on else len(PRECISION)


def _named_apart(a: str | None, b: str | None) -> bool:
    """Two places named with no proper name in common: "the Kalmar plant" and "Visby", not "Oslo Airport"
    and "Oslo"."""
    names = [{word for word in (place or "").split() if word[:1].isupper() and word.lower() not in GENERIC_NAME_WORDS
              and not _acronym(word)} for place in (a, b)]
    return all(names) and names[0].isdisjoint(names[1])


def _acronym(word: str) -> bool:
    """An institution's initials before a site's name ("RAF X", "NAS Y") name none of the sites they precede."""
    return len(word) > 1 and word.isupper()


def _compatible(a: Mention, b: Mention) -> bool:
    """Mentions of one event: no clearly different dates, nor violators (where a drone came from is no
    violator that sets it apart: "crossed from Belarus ... it was probably a Russian decoy")."""
    if a.violator and b.violator and a.violator != b.violator and not (a.by_origin or b.by_origin):
        return False
    if a.model and b.model and a.model != b.model:
        return False  # a Mi-8 and two Su-27s in one month: two events
    if a.platform not in {None, "unknown"} and b.platform not in {None, "unknown"} and a.platform != b.platform and (
            not a.supporting and not b.supporting):
        return False  # a drone on one day and a helicopter the next: two intruders, two events
    if a.occasion != b.occasion:
        return False  # "spotted twice": two events, told in one clause
    if a.heading and b.heading and a.heading != b.heading:
        return False  # two lines of a timeline: two events, even a day apart
    if (a.kind == "drone_sighting" or _listed_place(a) or _listed_place(b)) and _named_apart(a.location, b.location):
        return False  # drones over two plants on consecutive nights, or listed at two villages: two incidents
    if a.occurred_on is None or b.occurred_on is None:
        return True
    if a.rule.startswith(BACKGROUND_RULES) != b.rule.startswith(BACKGROUND_RULES) and a.occurred_on != b.occurred_on:
        return False  # "a similar event at X two days earlier": not the news it is measured against
    if a.sentence == b.sentence and a.date_in_clause and b.date_in_clause and a.occurred_on != b.occurred_on:
        return False  # "intruded on August 11, 12 and 20": the days one sentence lists are events of their own
    if (a.supporting and not b.date_in_clause) or (b.supporting and not a.date_in_clause):
        return True  # "The rocket hit a shed on Monday" adds to a report dated only by "said on Wednesday"
    x, y = a.occurred_on, b.occurred_on
    if x.precision == y.precision == "day":
        gap = (dt.date.fromisoformat(x.value) - dt.date.fromisoformat(y.value)).days
        if (gap > 0 and not a.date_in_clause and b.date_in_clause) or (
                gap < 0 and not b.date_in_clause and a.date_in_clause):
            return True  # "summoned the envoy on Thursday to protest against an incursion" made on Tuesday
        if not (a.date_in_clause or b.date_in_clause):
            return True  # two days someone said something on: neither dates the entry
        # two days each clause names are two events ("on Thursday evening ... late on Friday, the second night in
        # a row"), unless one is counted from publication and may be either side of midnight ("overnight")
        exact = a.date_in_clause and b.date_in_clause and not (_around_midnight(a) or _around_midnight(b))
        return abs(gap) <= (0 if exact else 1)
    return x.value.startswith(y.value) or y.value.startswith(x.value)


def _listed_place(mention: Mention) -> bool:
    return mention.rule.endswith(LISTED_PLACES)


def _around_midnight(mention: Mention) -> bool:
    """Whether a mention's sentence dates it by a night counted from publication ("overnight", "last night")."""
    text = text_of(mention.sentence).lower()
    return bool(SAME_DAY_PHRASES.search(text) or DAY_BEFORE_PHRASES.search(text))


@dataclass
class _Members:
    """A cluster's mentions, and of each likeness (what :func:`_compatible` reads of a mention but its sentence) one
    mention per sentence: whether a mention fits the cluster is then asked once per likeness, not once per member,
    so an article that repeats one report hundreds of times is clustered in linear time."""

    mentions: list[Mention] = field(default_factory=list)
    likenesses: dict[tuple[Any, ...], dict[tuple[int, int, int], Mention]] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.likenesses.setdefault(_likeness(mention), {}).setdefault(_sentence_key(mention), mention)

    def fit(self, mention: Mention) -> bool:
        """``all(_compatible(mention, other) for other in self.mentions)``: a member of a likeness in another sentence
        than the mention's stands for every such member, one in the mention's own sentence for the rest."""
        key = _sentence_key(mention)
        for by_sentence in self.likenesses.values():
            same = by_sentence.get(key)
            other = next((m for k, m in islice(by_sentence.items(), 2) if k != key), None)
            if any(m is not None and not _compatible(mention, m) for m in (same, other)):
                return False
        return True


def _likeness(mention: Mention) -> tuple[Any, ...]:
    return (mention.kind, mention.violator, mention.by_origin, mention.model, mention.heading, mention.location,
            mention.occurred_on, mention.date_in_clause, mention.supporting, _around_midnight(mention))


def _sentence_key(mention: Mention) -> tuple[int, int, int]:
    return id(mention.sentence.doc), mention.sentence.start, mention.sentence.end


def _months_before(mention: Mention, published: dt.date) -> bool:
    """Whether a mention is dated to a month (or year) before the one before publication: "In March, debris of a
    drone fell near X" in a story of May tells an earlier event, not the news."""
    if mention.occurred_on is None:
        return False
    month_before = (published.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]
    return mention.occurred_on.value[:7] < month_before[:len(mention.occurred_on.value[:7])]


def _cluster(mentions: list[Mention], published: dt.date) -> list[list[Mention]]:
    """Mentions of one kind and state: together unless dates or violators tell them apart.

    Reports seed the clusters, the news before events dated months earlier (an undated retelling is of the
    news, not of a background event), dated ones first (by their own clause before by the day it was said or
    protested) and most precise first, so an undated repeat joins the event it repeats and a supporting mention
    joins the event it adds to. A mention joins the first cluster whose every member it is compatible with.
    """
    clusters: list[_Members] = []
    for mention in sorted(mentions, key=lambda m: (m.supporting, _months_before(m, published), not m.date_in_clause,
                                                   _precision(m), m.order)):
        home = next((c for c in clusters if c.fit(mention)), None)
        if home is None:
            home = _Members()
            clusters.append(home)
        home.add(mention)
    return [c.mentions for c in clusters]


def _evidence(mention: Mention) -> Evidence:
    """The mention's sentence, trimmed of surrounding whitespace, as a slice of its field."""
    text = text_of(mention.sentence)
    start = mention.sentence.start_char + len(text) - len(text.lstrip())
    trimmed = text.strip()
    return Evidence(mention.field, start, start + len(trimmed), trimmed)


def _body_first(mention: Mention) -> tuple[bool, tuple[int, int]]:
    """Headlines compress ("near Aland", an unedited "9 minutes"): values come from the body first."""
    return mention.field != "body", mention.order


def _merge(group: list[Mention], published: dt.date, headline: Span | None) -> IncidentFact:
    """One incident from its mentions: for each field the first value, body first, then the standfirst and the
    headline; a date the trigger's own clause gives and the most precise; stated counts before implied ones."""
    group = sorted(group, key=_body_first)
    kind, country = group[0].kind, group[0].country
    dated = sorted((m for m in group if m.occurred_on), key=lambda m: (not m.date_in_clause, _precision(m)))
    date = dated[0].occurred_on if dated else _news_day(group, published)
    evidence = tuple(dict.fromkeys(_evidence(m) for m in sorted(group, key=lambda m: m.order)))
    if kind == "article4_request":
        return IncidentFact(kind=kind, country=country, violator=None, attribution=None, platform=None, model=None,
                            count=None, duration_minutes=None, occurred_on=date, location=None, evidence=evidence,
                            confidence=min(0.95, 0.8 + 0.05 * len(evidence)), rules=_rules(group))
    violator = next((m.violator for m in sorted(group, key=lambda m: m.by_origin) if m.violator), None)
    attribution = "unattributed"
    if violator:
        naming = [m for m in group if m.violator == violator]
        naming = [m for m in naming if not m.by_origin] or naming  # what it was, before where it came from
        attribution = "attributed" if any(not m.hedged for m in naming) else "suspected"
    counts = [m.count for m in group if m.count is not None]
    stated = [m.count for m in group if m.count is not None and m.count_stated]
    platform = next((m.platform for m in group if m.platform not in {None, "unknown"}), "unknown")
    # where the entry's own clause puts it before where a sentence dated otherwise does ("the balloon downed near the
    # coast on Sunday had drifted into its airspace over Lapland on May 2"); a site before a region; body first
    located = [m for m in group if m.location]
    dated_entry = any(m.occurred_on and m.date_in_clause for m in located)
    located.sort(key=lambda m: (broad(m.location or ""), _unnamed(m.location or ""),
                                dated_entry and not (m.occurred_on and m.date_in_clause)))
    location = located[0].location if located else _context_place(group, country, headline)
    filled = sum(v is not None for v in (violator, counts or None, date, location)) + (platform != "unknown")
    return IncidentFact(
        kind=kind, country=country, violator=violator, attribution=attribution, platform=platform,
        model=next((m.model for m in group if m.model), None), count=(stated or counts or [None])[0],
        duration_minutes=next((m.duration for m in group if m.duration is not None), None), occurred_on=date,
        location=location, evidence=evidence,
        confidence=min(0.95, 0.5 + 0.06 * filled + 0.05 * min(len(evidence), 3)), rules=_rules(group),
    )


def _unnamed(place: str) -> bool:
    """A place described by common nouns alone ("the country's northwestern coast", "a French port"): vaguer than
    any place another sentence calls by its name ("X Island")."""
    return not any(word[:1].isupper() for word in place.split() if word.lower() not in DEFINITE)


def _context_place(group: list[Mention], country: str, headline: Span | None) -> str | None:
    """Where an incident no clause places happened: a site its own sentences name elsewhere, else, for the story's
    news (told in the lead), the site its headline names: a story's headline and sentences place their event."""
    spans = [m.sentence for m in group]
    if headline is not None and any(_leading(m) for m in group if not m.rule.startswith(BACKGROUND_RULES)):
        spans.append(headline)
    return next((name for span in spans for name in [site_named(span, {country}, borders=span is not headline)] if name),
                None)


def _news_day(group: list[Mention], published: dt.date) -> FuzzyDate | None:
    """An event the headline or the lead paragraph reports with no date at all is the news of the day: news
    writing dates what happened before the day it is published, so an undated lead is the publication day. An
    undated event told as recent ("recently accused", "just days after") is of the month of publication."""
    news = [m for m in group if not m.rule.startswith(BACKGROUND_RULES)]  # "similar incidents ...": not today's
    if any(_leading(m) for m in news):
        return FuzzyDate(published.isoformat(), "day")
    recent = any(RECENT_PHRASES.search(text_of(m.sentence)) for m in group)
    return FuzzyDate(published.strftime("%Y-%m"), "month") if recent and published.day >= RECENT_MONTH_MIN_DAY else None


def _leading(mention: Mention) -> bool:
    """Whether a mention is in the headline, the standfirst or the lead: the body's first paragraph, or its first
    sentences where the paragraphs are shorter than that (one sentence each)."""
    if mention.field != "body":
        return True
    first_break, lead_end = _lead_bounds(mention.sentence.doc)
    start = mention.sentence.start_char
    return start <= first_break or start <= lead_end


LEAD = "newsroom.lead"  # the key of a body's lead bounds in its doc's user_data


def _lead_bounds(doc: Doc) -> tuple[float, float]:
    """Where a body's first paragraph ends (its first line break) and where its last lead sentence starts (the
    LEAD_SENTENCES-th that is neither blank nor a dateline), infinite where there is none; read once per doc, as
    every mention of a long body asks."""
    cached: tuple[float, float] | None = doc.user_data.get(LEAD)
    if cached is None:
        text = doc.text
        first_break = text.index("\n") if "\n" in text else math.inf
        starts = [s.start_char for s in doc.sents if s.text.strip() and not _dateline(s)]
        lead_end = starts[LEAD_SENTENCES - 1] if len(starts) >= LEAD_SENTENCES else math.inf
        cached = doc.user_data[LEAD] = (first_break, lead_end)
    return cached


def _rules(group: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({m.rule for m in group}))


# --- The article ---------------------------------------------------------------------------------------------------


def _main_country(analysed: AnalysedArticle) -> str | None:
    """The state an article is about: the first one named as the owner of airspace, else the one whose places it
    names most ("Russia" named once as a suspect in a story about Copenhagen airport does not make it Russian), less
    the states of the war it is set against (:func:`.clauses.in_backdrop`).

    It resolves "its airspace" and "the border" when a sentence names no state.
    """
    docs = [doc for _, doc in analysed.fields()]
    for doc in docs:
        for token in doc:
            if token.lemma_.lower() in OWNED_SPACE_NOUNS and not _landmark_border(token):
                named = [c for w in owner_words(token) for c in [state_of(w)] if c]
                if named and not _neighbours_border(token, named[0]):
                    return named[0]
    named = [code for doc in docs for token in doc if token.pos_ == "PROPN" and not _institution_owner(token)
             and not in_backdrop(token) for code in [_name_country(token)] if code]
    return max(dict.fromkeys(named), key=named.count) if named else None  # the most named, the first of equals


def _landmark_border(token: Token) -> bool:
    """ "the base, near the town of X close to the Y border", "a plant on the Y border": a border a place is said to
    lie near or on is a landmark on the near side, whose named state is the neighbour across it, not the state the
    story is in (a border something crossed or flew along is still the story state's own)."""
    if token.lemma_.lower() not in BORDER_NOUNS or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in PROXIMITY or (prep.lower_ in SITE_ON and prep.head.lemma_.lower() in SITE_HEADS)


def _neighbours_border(token: Token, named: str) -> bool:
    """ "X closes Y border", "X reinforced the Y frontier": a border a state closes, opens or guards, named by
    another state, is its own border with that neighbour; the state the story is in is the one acting (not "X
    violated the Y border", which crossed the neighbour's)."""
    verb = governing_verb(token)
    if token.lemma_.lower() not in BORDER_NOUNS or verb is None or verb.lemma_.lower() not in BORDER_KEEPING_VERBS:
        return False
    actor = subject_state(verb)
    return actor is not None and actor != named


def _name_country(token: Token) -> str | None:
    """The state a proper noun places the story in, read with the rest of its name when the name as a whole is a
    place ("New York" is no "York"; "South Korea" is one state): counted once, at the name's head."""
    name = entity_at(token.doc, token.i)
    whole = place_country(name.text) if name is not None and len(name) > 1 else None
    if whole is not None:
        return whole if token == name.root else None
    return place_country(token.text)


def _institution_owner(token: Token) -> bool:
    """A state's name in the name of its institution ("US Air Force bases in the UK"): whose, not where."""
    if not is_state_name(token.text):
        return False
    while token.dep_ in {"compound", "nmod"} and token.head is not token:
        token = token.head
        if token.lower_ in INSTITUTION_HEADS - {"airport"}:
            return True
    return False


def _lines(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, cut at line breaks: a timeline's lines are separate reports."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if text_of(doc[start:token.i]).strip():
                    yield doc[start:token.i]
                start = token.i + 1
        if text_of(doc[start:sentence.end]).strip():
            yield doc[start:sentence.end]


def _dateline(span: Span) -> bool:
    """A fragment that is only a date heading ("Sept. 13:"), which dates the line it heads, or a dateline ("OSLO
    (AP) —", parsed apart), which places it."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return bool(words) and (all(t.ent_type_ == "DATE" for t in words)
                            or DATELINE.fullmatch(text_of(span).strip()) is not None)


SENTENCES = "newsroom.report_sentences"  # the key of a doc's sentences as reports in its user_data


def _sentences(doc: Doc) -> tuple[Span, ...]:
    """Sentences as reports (:func:`_report_sentences`), cut once per doc: the rules read them several times."""
    cached = doc.user_data.get(SENTENCES)
    if cached is None:
        cached = doc.user_data[SENTENCES] = tuple(_report_sentences(doc))
    return cached


def _report_sentences(doc: Doc) -> Iterator[Span]:
    """Sentences as reports: split at line breaks, a dateline joined to the sentence it heads."""
    pending: Span | None = None
    for line in _lines(doc):
        if pending is not None:
            between = doc[pending.end:line.start]
            line = doc[pending.start:line.end] if not any("\n" in t.text for t in between) else line
            pending = None
        if _dateline(line):
            pending = line
            continue
        yield line


def _with_possessor(phrase: Phrase) -> Phrase:
    """ "Russia said its Su-24 had been shot down": a phrase owned by "its"/"their" belongs to the subject state."""
    owned = any(c.dep_ == "poss" and c.lower_ in STATE_POSSESSIVES for c in phrase.head.children)
    if phrase.state is not None or not owned:
        return phrase
    verb = governing_verb(phrase.head)
    if verb is not None and phrase.head.dep_ == "dobj" and _brings_down(verb):
        verb = verb.head if verb.dep_ == "ccomp" else None  # "X said Y shot down its jet": X's, never the shooter's
    owner = subject_state(verb)
    return phrase if owner is None else replace(phrase, state=owner)


def _brings_down(verb: Token) -> bool:
    """Whether a verb says its subject brought its object down: what one brings down is another's."""
    lemma = verb.lemma_.lower()
    return lemma == "down" or lemma in DESTROYING_VERBS or (
        lemma in DOWNING_VERBS and any(c.lower_ == "down" for c in verb.children))


def _named_before(found: Iterable[Phrase]) -> list[Phrase]:
    """ "X warplanes struck targets, and Y said the jets had violated its airspace": a definite phrase with no state
    of its own refers back to the aircraft (or drones) the sentence gave a state before it, as a later sentence's
    does to an earlier one's."""
    named: dict[str, Phrase] = {}
    resolved = []
    for phrase in sorted(found, key=lambda p: p.head.i):
        earlier = named.get(phrase.platform)
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in phrase.head.children)
        if phrase.state is None and definite and earlier is not None and not phrase.defender:
            phrase = replace(phrase, state=earlier.state, by_origin=earlier.by_origin,
                             model=phrase.model or earlier.model)
        elif phrase.state and not phrase.defender:
            named[phrase.platform] = phrase
        resolved.append(phrase)
    return resolved


def _sentence_mentions(sentence: Span, context: Context) -> list[Mention]:
    found = _named_before(_with_possessor(p) for p in phrases(sentence))
    reported = _suspected_attackers(_dated_by_attack(_reported_in_attack(sentence, found, context), sentence, context),
                                    sentence)
    for phrase in found:
        if phrase.state and not phrase.defender:
            context.antecedents[phrase.platform] = context.antecedents["any"] = phrase
            if phrase.model and not phrase.by_origin:
                context.model_states[phrase.model] = phrase.state
            _remember_day(phrase, sentence, context)
    _remember_senders(found, reported, context)
    said = identification(sentence, found, context.model_states)
    if said is not None:
        reported = [_as_identified(m, said) for m in reported] or _identified(said, sentence, context)
    reported = reported or _more_of_them(found, sentence, context) or _sites_overflown(found, sentence, context) or \
        _told_later(found, sentence, context)
    reported = reported or ([] if found else _one_more(sentence, context))
    reported = reported or _similar_elsewhere(sentence, context) or _retold_with_time(sentence, context) or _came_back(
        sentence, context)
    reported += _earlier_ones(sentence, reported, context) + _earlier_one(sentence, context)
    reported += _days_in_a_row(sentence, reported, context)
    return _spread_over_named_places(_spread_over_places(_itemised(reported, sentence, found, context), sentence),
                                     sentence, context) + article4_requests(sentence, context)


def _remember_senders(found: list[Phrase], reported: list[Mention], context: Context) -> None:
    """ "X launched balloons that drifted into Y ... Later the balloons reached Z": drones of no state of their own, which
    the sentence's violation gives to the state that sent them (or is accused of it), are that state's for a later
    "the drones", as if their own words had named it."""
    for phrase in found:
        if phrase.state or phrase.defender:
            continue
        sent = next((m for m in reported if m.kind == "airspace_violation" and m.violator and not m.by_origin
                     and not m.supporting and m.platform == phrase.platform
                     and sender_state(phrase, m.country) == m.violator), None)
        if sent is not None:
            context.antecedents[phrase.platform] = replace(phrase, state=sent.violator, hedged=sent.hedged)


def _measured_against(reported: list[Mention], context: Context) -> Mention | None:
    """The incident a sentence's "again", "similar" or "previous" measures against: the first the sentence itself
    reported, else the last the story did. An Article 4 request is no incident another can be like."""
    return next((m for m in chain(reported, reversed(context.reported)) if m.kind != "article4_request"), None)


def _another_like(earlier: Mention, rule: str, sentence: Span, context: Context, occurred_on: FuzzyDate | None,
                  date_in_clause: bool) -> Mention:
    """Another incident like one the story reported ("they returned for a second night", "a similar incident at X",
    "a third night in a row"). A new report of the same kind of event keeps who did it, with what, and whose
    airspace, but none of the earlier report's per-report facts: its number, duration, timeline line, whether it
    only supported another, left, or was one of several times told in one clause were said of that event, not this
    one; its day is this sentence's."""
    return replace(earlier, rule=rule, sentence=sentence, field=context.field, occurred_on=occurred_on,
                   date_in_clause=date_in_clause, count=None, count_stated=False, duration=None, supporting=False,
                   heading=None, left=False, occasion=0)


def _intruders_reported(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """What a sentence's own intruders did: entered, flew over, crashed, were shot down, else were seen."""
    reported = violations(sentence, found, context) or overflights(sentence, found, context)
    # a state's airspace left ("until after they had exited X airspace") only adds detail to a violation told
    # elsewhere: it does not stand for one a crash or a shoot-down in the same sentence reports
    named = {m.country for m in reported if not m.supporting}
    reported += [m for m in crashes(sentence, found, context) if m.country not in named]
    named = {m.country for m in reported if not m.supporting}
    reported += [m for m in shootdowns(sentence, found, context) if m.country not in named]
    return reported or sightings(sentence, found, context)


def _reported_in_attack(sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """ "Following a Russian drone attack overnight, drones fell on X soil": the drones of a sentence set in a
    state's attack are that state's, as if an earlier sentence had named them (for this sentence only: the attack
    is the scene, not the intruder told)."""
    attackers = {phrase.platform: replace(phrase, state=state) for phrase in found
                 if not phrase.state and not phrase.defender for state in [attackers_state(phrase.head)] if state}
    if not attackers:
        return _intruders_reported(sentence, found, context)
    told = {platform: context.antecedents.get(platform) for platform in attackers}
    context.antecedents.update(attackers)
    try:
        return _intruders_reported(sentence, found, context)
    finally:
        for platform, earlier in told.items():
            if earlier is None:
                del context.antecedents[platform]
            else:
                context.antecedents[platform] = earlier


def _dated_by_attack(reported: list[Mention], sentence: Span, context: Context) -> list[Mention]:
    """ "Following a drone attack overnight on May 4, officials said drones had fallen on X soil": the attack a
    sentence is set in dates what came down or flew in during it, where the clause gives no date of its own (the
    parser hangs the attack on the verb of saying, whose day it is not)."""
    if all(m.date_in_clause for m in reported):
        return reported
    scope = {t.i for prep in sentence if prep.dep_ == "prep" and prep.lower_ in AMID_PREPOSITIONS - {"in"}
             and any(o.dep_ == "pobj" and o.lemma_.lower() in ATTACK_NOUNS for o in prep.children)
             for t in _attack_phrase(prep, sentence)}
    day = next((d for token, text in date_candidates(sentence) if token.i in scope
                for d in [resolve(text, context.published)] if d is not None), None)
    if day is None:
        return reported
    return [m if m.date_in_clause else replace(m, occurred_on=day, date_in_clause=True) for m in reported]


def _suspected_attackers(reported: list[Mention], sentence: Span) -> list[Mention]:
    """ "Its airspace was violated, probably by a drone, after Russian strikes battered Ukraine", "... by a drone
    during a Russian attack on X": an intruder of no state told as coming in a state's attack on a neighbour is
    suspected to be that state's (the story sets it there, without saying whose it was)."""
    if all(m.kind != "airspace_violation" or m.violator for m in reported):
        return reported
    attacks = [t for t in sentence if t.lemma_.lower() in ATTACK_NOUNS and t.pos_ == "NOUN" and _setting(t)]
    states = [code for attack in attacks for code in [nationality(
        [c for c in attack.children if c.dep_ in {"amod", "compound", "poss"}])] if code]
    if not states:
        return reported
    return [replace(m, violator=states[0], hedged=True, by_origin=False)
            if m.kind == "airspace_violation" and not m.violator and states[0] != m.country else m for m in reported]


def _setting(attack: Token) -> bool:
    """Whether an attack sets the scene of a clause: "after/during/amid an attack", "after strikes battered X"."""
    if attack.dep_ == "pobj":
        return attack.head.lower_ in AMID_PREPOSITIONS - {"in"}
    clause = attack.head
    return attack.dep_ == "nsubj" and clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in AMID_PREPOSITIONS | {"as", "when"} for c in clause.children)


def _attack_phrase(prep: Token, sentence: Span) -> list[Token]:
    """The words of an attack phrase: a fronted one up to its comma ("Following an attack overnight on May 4, ...",
    whatever the parser hangs its date on), else the preposition's own words."""
    if prep.i != sentence.start:
        return list(prep.subtree)
    end = next((t.i for t in sentence if t.text == ","), sentence.end)
    return list(sentence.doc[prep.i:end])


def _similar_elsewhere(sentence: Span, context: Context) -> list[Mention]:
    """ "Similar incidents affected other airports, including A and B" (patterns/background.json): an incident like
    the last one the story reported at each place listed, with the sentence's own date if it gives one."""
    earlier = _measured_against([], context)
    if earlier is None:
        return []
    mentions = []
    for match in context.matches.get("background", []):
        if match.rule not in SIMILAR_ELSEWHERE or not match.within(sentence) or doubted(match.tokens["verb"]):
            continue
        verb, site = match.tokens["verb"], match.tokens["site"]
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        if date is None:
            date = _lagged(sentence, earlier)
            dated_here = date is not None
        for place in [site, *(t for t in site.subtree if t.dep_ == "conj" and t.head.i >= site.i)]:
            place = _named_in(place)  # "the capital's airport in X": X
            name = sentence.doc[min(c.i for c in place.subtree if c.dep_ == "compound" or c == place): place.i + 1].text
            code = place_country(name) or earlier.country
            mentions.append(replace(_another_like(earlier, match.rule, sentence, context, date, dated_here),
                                    country=code, location=None if is_state_name(name) else name))
    return mentions


def _named_in(site: Token) -> Token:
    """A site given by a common noun and the named place it is in ("the airport in X", "a base near Y"): the name."""
    if site.pos_ == "PROPN":
        return site
    return next((o for p in site.children if p.dep_ == "prep" and p.lower_ in {"in", "near", "outside"}
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), site)


def _lagged(sentence: Span, earlier: Mention) -> FuzzyDate | None:
    """ "A similar event at X two days earlier": the day that lag before the day of the incident it is measured
    against."""
    lag = LAG_BEFORE.search(text_of(sentence))
    if lag is None or earlier.occurred_on is None or earlier.occurred_on.precision != "day":
        return None
    number = lag["number"].lower()
    days = (int(number) if number.isdigit() else NUMBER_WORDS[number]) * (7 if lag["unit"].lower() == "week" else 1)
    day = dt.date.fromisoformat(earlier.occurred_on.value) - dt.timedelta(days=days)
    return FuzzyDate(day.isoformat(), "day")


def _retold_with_time(sentence: Span, context: Context) -> list[Mention]:
    """ "The incursions occurred at around 11pm on Wednesday", "the incident happened near X on Sunday", "the
    violation lasted two minutes" (patterns/retold.json): the story retells the incident it reported last by a
    definite event noun and says when (and where) it happened, or how long it took; the clause's own day is that incident's, ahead of the day it was reported, and its place
    that incident's where it had none. Not "the previous incursion", which is background."""
    earlier = _measured_against([], context)
    if earlier is None:
        return []
    for match in context.matches.get("retold", []):
        verb, event = match.tokens["verb"], match.tokens["event"]
        if not match.within(sentence) or doubted(verb) or any(c.lower_ in EARLIER_WORDS for c in event.children):
            continue
        if match.rule == "retold.the_event_lasted":  # how long it took, and nothing else of its own
            duration = duration_minutes(text_of(sentence))
            if duration is not None:
                return [replace(earlier, rule=match.rule, sentence=sentence, field=context.field, duration=duration,
                                supporting=True, heading=None, left=False)]
            continue
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        if date is not None and dated_here:
            location = earlier.location or location_in(sentence, list(verb.subtree), {earlier.country})
            return [replace(earlier, rule=match.rule, sentence=sentence, field=context.field, occurred_on=date,
                            date_in_clause=True, supporting=True, heading=None, left=False, occasion=0,
                            location=location)]
    return []


def _came_back(sentence: Span, context: Context) -> list[Mention]:
    """ "They returned for a second night", "the drones reappeared over the base on Friday" (patterns/returned.json):
    what the story reported last came back, another incident like it, in its state and at its place unless the
    sentence names another, on the day the sentence gives; none on no day of its own or on the same day."""
    earlier = _measured_against([], context)
    if earlier is None:
        return []
    for match in context.matches.get("returned", []):
        verb = match.tokens["verb"]
        if not match.within(sentence) or doubted(verb) or negated(verb) or any(
                c.lower_ in HOMEWARD_WORDS for c in verb.children):
            continue  # "it returned to Russian airspace on Friday": the way home
        date, dated_here = clause_date(sentence, verb, verb, context.published)
        if context.counted_day is not None and not (date is not None and dated_here):
            date = context.counted_day
        elif not dated_here:
            date = None
        if date is None or date == earlier.occurred_on:
            continue
        place = location_in(sentence, list(verb.subtree), {earlier.country}, scope_only=True)
        return [replace(_another_like(earlier, match.rule, sentence, context, date, True),
                        location=place or earlier.location)]
    return []


def _earlier_ones(sentence: Span, reported: list[Mention], context: Context) -> list[Mention]:
    """ "The previous incursion occurred in May 2020", "such intrusions, which took place in A, B and C"
    (patterns/background.json): the story measures its news against earlier incidents, each an incident like the one
    the sentence (else the story, last) reported, at each date given. ("The first violation since 2019" is left out:
    the project's annotated stories count no incident at its date.)"""
    earlier = _measured_against(reported, context)
    if earlier is None:
        return []
    mentions: list[Mention] = []
    for match in context.matches.get("background", []):
        if match.rule in SIMILAR_ELSEWHERE or not match.within(sentence) or doubted(match.tokens["verb"]):
            continue
        if "date" not in match.tokens:  # "a week after an earlier closure": one earlier incident, its day not given
            mentions.append(replace(_another_like(earlier, match.rule, sentence, context, None, False),
                                    location=None, model=None, occasion=-1))
            continue
        for date in _listed_dates(match.tokens["date"], context.published):
            if any(m.occurred_on == date and m.rule == match.rule for m in mentions):
                continue  # one date reached by two matches
            mentions.append(replace(_another_like(earlier, match.rule, sentence, context, date, True),
                                    location=None, model=None))
    return mentions


def _days_in_a_row(sentence: Span, reported: list[Mention], context: Context) -> list[Mention]:
    """ "The airport was shut for the second evening in a row", "a third consecutive night of drone sightings": a run
    of days says the incident the sentence (else the story, last) reported also happened on each day before its own
    in the run, one incident a day, at the same place."""
    text = text_of(sentence)
    run = DAYS_IN_A_ROW.search(text)
    if run is None or not (run["consecutive"] or run["row"]) or _run_of_another_event(text[run.end():]):
        return []
    earlier = _measured_against(reported, context)
    if earlier is None or (earlier.occurred_on is not None and earlier.occurred_on.precision != "day"):
        return []
    # an undated report is the news of the day (:func:`_news_day`): the run ends on it, and counts back from it
    last = dt.date.fromisoformat(earlier.occurred_on.value) if earlier.occurred_on else context.published
    first = 1 if earlier.occurred_on else 0
    days = [FuzzyDate((last - dt.timedelta(days=k)).isoformat(), "day")
            for k in range(first, RUN_ORDINALS[run["ordinal"].lower()])]
    told = {(m.kind, m.country, m.occurred_on) for m in context.reported}  # a day of the run the story told already
    return [_another_like(earlier, "repeated.days_in_a_row", sentence, context, day, True)
            for day in days if (earlier.kind, earlier.country, day) not in told]


def _run_of_another_event(rest: str) -> bool:
    """ "On a third straight night of hostilities": a run of days of some other event than the incident's own ("of
    drone sightings", "of closures")."""
    named = RUN_OF.match(rest)
    return named is not None and named["noun"].lower().rstrip("s") not in RUN_EVENT_NOUNS


def _listed_dates(first: Token, published: dt.date) -> list[FuzzyDate]:
    """The dates of a date and those coordinated with it ("in November 2019, June 2020 and May 2021"), each read
    from its own words (the entity recogniser may run two of a list into one)."""
    heads = [first, *(t for t in first.subtree if t.dep_ in {"conj", "appos"} and t.ent_type_ == "DATE")]
    dates = []
    for head in heads:
        words = [head, *(c for c in head.children if c.dep_ in DATE_PARTS)]
        date = resolve(head.doc[min(w.i for w in words):max(w.i for w in words) + 1].text, published)
        if date is not None and date not in dates:
            dates.append(date)
    return dates


def _remember_day(phrase: Phrase, sentence: Span, context: Context) -> None:
    """The day the clause of a state's aircraft gives it, for a later "the two X jets" that refers back to them."""
    verb = governing_verb(phrase.head)
    if verb is None or phrase.state is None:
        return
    date, own = clause_date(sentence, verb, verb, context.published)
    if date is not None and own:
        context.intruder_days.setdefault((phrase.platform, phrase.state), []).append((date, phrase.count))


def _itemised(reported: list[Mention], sentence: Span, found: list[Phrase], context: Context) -> list[Mention]:
    """ "has shot down Russian aircraft that violated its airspace twice before: a MiG-21 jet in May last year and a
    Ka-52 helicopter in October 2019": a list after a colon spells out the violation the clause before it sums up,
    one incident an item, each with its own platform, model, number and date."""
    colon = next((t.i for t in sentence if t.text == ":"), None)
    violations = [m for m in reported if m.kind == "airspace_violation"]
    items = sorted((p for p in found if colon is not None and p.head.i > colon and not p.defender),
                   key=lambda p: p.head.i)
    if len(violations) != 1 or len(items) < 2:
        return reported
    summed = violations[0]
    starts = [min(t.i for t in (*item.head.lefts, item.head)) for item in items]
    ends = [*starts[1:], sentence.end]
    listed = []
    for item, start, end in zip(items, starts, ends):
        date = next((d for token, text in date_candidates(sentence) if start <= token.i < end
                     for d in [resolve(text, context.published)] if d), None)
        listed.append(replace(summed, rule="violation.listed_intruders", violator=item.state or summed.violator, platform=item.platform,
                              model=item.model, count=item.count, count_stated=item.count_stated,
                              occurred_on=date or summed.occurred_on,
                              date_in_clause=bool(date) or summed.date_in_clause))
    return [m for m in reported if m is not summed] + listed


LISTED_PLACES = ".listed_places"  # the suffix of a rule's name once :func:`_spread_over_places` spread its report


def _spread_over_places(reported: list[Mention], sentence: Span) -> list[Mention]:
    """ "Two drones had crashed in the east: one near X, and the other near Y": a list after a colon whose items
    open with "one", "the other", "a second" spreads what the clause before it reports over the places its items
    name, one incident a place."""
    colon = next((t.i for t in sentence if t.text == ":"), None)
    if colon is None or len(reported) != 1:
        return reported
    openers = [t.i for t in sentence if t.i > colon and t.lower_ in LIST_ITEM_OPENERS
               and not (t.i + 1 < sentence.end and t.doc[t.i + 1].lower_ == "of")]  # "one of them": not an item
    if len(openers) < 2 or sentence.doc[openers[0]].lower_ != "one":
        return reported
    named = [p for p in places(sentence) if p.name and p.token.i > colon and any(w[:1].isupper() for w in p.name.split())]
    bounds = [*openers[1:], sentence.end]
    sites = [next((p.name for p in named if start <= p.token.i < end), None) for start, end in zip(openers, bounds)]
    if any(site is None for site in sites):
        return reported
    summed = reported[0]
    each = 1 if summed.count in (None, len(sites)) else None
    return [replace(summed, rule=f"{summed.rule}{LISTED_PLACES}", location=site, count=each,
                    count_stated=each is not None and summed.count_stated) for site in sites]


def _spread_over_named_places(reported: list[Mention], sentence: Span, context: Context) -> list[Mention]:
    """ "The drones were found in the northern village of X and the southern village of Y": drones of one report
    placed in places listed each by its own noun and name ("the town of X and the village of Y") came down, or were
    seen, at each: one incident a place, as a list after a colon spreads them (:func:`_spread_over_places`). Told
    with no date, they are of the day of the event the story told before, which "the drones" go back to."""
    if len(reported) != 1 or _listed_place(reported[0]) or not any(
            t.tag_ == "NNS" and t.lemma_.lower() in HARDWARE for t in sentence):  # drones, not "a drone"
        return reported
    named = [(noun, name) for noun in sentence for name in [_of_named_place(noun)] if name is not None]
    joined = {t.i for noun, _ in named for other in _place_conjuncts(noun) if other.i in {n.i for n, _ in named}
              for t in (noun, other)}
    listed = [(noun, name) for noun, name in named if noun.i in joined]
    if len(listed) < 2 or len(listed) != len(named):
        return reported
    summed = reported[0]
    each = 1 if summed.count in (None, len(listed)) else None
    day = summed.occurred_on or next((m.occurred_on for m in reversed(context.reported) if m.kind == summed.kind
                                      and m.country == summed.country and m.occurred_on is not None), None)
    return [replace(summed, rule=f"{summed.rule}{LISTED_PLACES}", location=name, count=each, occurred_on=day,
                    count_stated=each is not None and summed.count_stated) for _, name in listed]


def _of_named_place(noun: Token) -> str | None:
    """ "the northern village of X": a place noun named by its "of" phrase, read from its determiner to the name."""
    if noun.lemma_.lower() not in PLACE_NOUNS or noun.pos_ != "NOUN":
        return None
    name = next((o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
    if name is None:
        return None
    start = min([noun.i, *(c.i for c in noun.lefts)])
    return noun.doc[start: name.i + 1].text


def _place_conjuncts(noun: Token) -> list[Token]:
    """The place nouns listed with one: joined to it, or (as the parser may hang them) to the name of its "of"
    phrase ("the village of X and the village of Y")."""
    holders = [noun, *(o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for o in prep.children if o.dep_ == "pobj")]
    return [c for holder in holders for c in holder.children if c.dep_ == "conj"]


def _as_identified(mention: Mention, said: Identification) -> Mention:
    """ "A drone that flew in from Belarus was a Russian decoy": what it was, over where it came from."""
    if mention.kind != "airspace_violation" or said.state == mention.country or not (
            mention.violator is None or mention.by_origin):
        return mention
    return replace(mention, violator=said.state, by_origin=False, hedged=said.hedged,
                   model=said.model or mention.model)


def _identified(said: Identification, sentence: Span, context: Context) -> list[Mention]:
    """ "It was probably a Russian decoy": the state (and model) of the intruder the last mention reported.

    Drones only sighted until then, which an official puts down to a state, become its violation: the sighting
    is taken back from the mentions so far, and this sentence reports the violation in its place.
    """
    kinds = {"airspace_violation", "drone_sighting"} if said.blamed else {"airspace_violation"}
    earlier = next((m for m in reversed(context.reported) if m.kind in kinds), None)
    if earlier is None or said.state == earlier.country:
        return []
    sighted = earlier.kind == "drone_sighting"
    if sighted:
        context.reported.remove(earlier)
    return [replace(earlier, kind="airspace_violation", rule="violation.identified_later", sentence=sentence if not sighted else earlier.sentence,
                    field=context.field if not sighted else earlier.field, violator=said.state, by_origin=False,
                    hedged=said.hedged, model=said.model or earlier.model, supporting=not sighted, left=False)]


def _more_of_them(found: list[Phrase], sentence: Span, context: Context) -> list[Mention]:
    """ "Radar picked up a dozen more balloons on Sunday and the airport shut again": more of the intruders the
    last violation of that platform reported, seen again, are another incident of the same state, on the day of
    the sentence."""
    for phrase in found:
        verb = phrase.head.head
        if phrase.defender or phrase.head.dep_ not in {"nsubj", "nsubjpass"} or base_form(verb) not in SIGHTING_VERBS:
            continue
        if doubted(verb) or not any(t.lower_ in MORE for t in phrase.head.subtree if t.i < phrase.head.i):
            continue
        earlier = next((m for m in reversed(context.reported)
                        if m.kind == "airspace_violation" and m.platform == phrase.platform and m.violator), None)
        if earlier is None or phrase.state not in {None, earlier.violator}:
            continue
        date, _ = clause_date(sentence, verb, verb, context.published)
        return [replace(_another_like(earlier, "violation.more_of_them", sentence, context, date, date is not None),
                        count=phrase.count, count_stated=phrase.count_stated, location=None, left=earlier.left,
                        occasion=earlier.occasion)]
    return []


def _one_more(sentence: Span, context: Context) -> list[Mention]:
    """ "Another hovered over the port an hour later", "a second was seen near the runway", "another one was shot
    down on Friday": one more of what the story reported last, its noun left out, seen somewhere or brought down:
    another incident like it (same kind, state and intruder), at the place its own clause names, on its clause's day
    or else on the day of the one before."""
    return _another_like_the_last(sentence, context, ONE_MORE, dated_apart=False)


def _earlier_one(sentence: Span, context: Context) -> list[Mention]:
    """ "It is the second this year, as the first one was downed on May 2 near X": an earlier one of the series the
    story reports, called back by an ordinal with its noun left out, is an incident like the last one reported where
    its clause gives it a day of its own (without one, "the first one" may be the same)."""
    return _another_like_the_last(sentence, context, EARLIER_ONE, dated_apart=True)


def _another_like_the_last(sentence: Span, context: Context, ordinals: set[str], dated_apart: bool) -> list[Mention]:
    earlier = next((m for m in reversed(context.reported)
                    if m.kind in {"drone_sighting", "airspace_violation"} and m.field == context.field), None)
    if earlier is None:
        return []
    for word in sentence:
        verb = word.head
        elided = (word.lower_ in ordinals and not dated_apart) or (
            word.lower_ == "one" and any(c.lower_ in ordinals for c in word.children))
        told = base_form(verb) in SIGHTING_VERBS or (earlier.kind == "airspace_violation" and _brings_down(verb))
        if not elided or word.dep_ not in {"nsubj", "nsubjpass"} or not told or doubted(verb) or negated(verb):
            continue
        scope = list(verb.subtree)
        where = location_in(sentence, scope, {earlier.country}, scope_only=True)
        date, _ = clause_date(sentence, verb, verb, context.published)
        if dated_apart and (date is None or date == earlier.occurred_on):
            continue
        rule = "incident.earlier_one" if dated_apart else "incident.one_more"
        return [replace(_another_like(earlier, rule, sentence, context, date or earlier.occurred_on, date is not None),
                        count=1, location=where, occasion=earlier.occasion + 1)]
    return []


def _told_later(found: list[Phrase], sentence: Span, context: Context) -> list[Mention]:
    """ "The Mi-8 helicopter circled over the islands and stayed for four minutes", "the drones were
    Kargu models": a definite phrase of a later sentence (or the lead retelling the headline) that reports no
    incident itself adds the model, place, duration and its clause's own day to the last intruder of its platform
    (not one of another model)."""
    for phrase in found:
        earlier = next((m for m in reversed(context.reported)
                        if m.kind == "airspace_violation" and m.platform == phrase.platform), None)
        verb = governing_verb(phrase.head)
        if phrase.defender or earlier is None or (verb is not None and doubted(verb)):
            continue  # "without saying whether the jet had crossed into it" adds nothing
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in phrase.head.children)
        if not (definite or _retold(phrase, earlier, context)):
            continue
        model = phrase.model or _complement_model(phrase.head)
        if model and earlier.model and model != earlier.model:
            continue
        duration = duration_minutes(text_of(sentence))
        location = location_in(sentence, list(sentence), {earlier.country})
        date, dated_here = clause_date(sentence, phrase.head.head, phrase.head.head, context.published)
        if verb is not None and verb.lemma_.lower() in FINDING_VERBS and downed_before(phrase.head):
            dated_here = False  # "police retrieved the wrecked drone on Tuesday": the search's day, not the event's
        if model or duration is not None or location:
            # "The balloon drifted on Sunday over the lighthouse on Rock Island": a retelling with a day and a place
            # of its own reports the event on that day, as the lead of a story retells its headline
            reports = bool(dated_here and date and location)
            return [replace(earlier, rule="detail.told_later", sentence=sentence, field=context.field,
                            model=earlier.model or model,
                            duration=duration, location=location, supporting=not reports,
                            **({"occurred_on": date, "date_in_clause": True} if dated_here and date else {}))]
        if verb is not None and base_form(verb) in SEEING_VERBS | TRACKING_VERBS and phrase.head.dep_ in {
                "dobj", "nsubjpass"} and dated_here and date:
            # "The balloon was first detected by guards at dusk on Sunday": when the intruder reported was first seen,
            # the day of the event, ahead of the day it was reported ("the army said on Monday")
            return [replace(earlier, rule="detail.first_seen", sentence=sentence, field=context.field,
                            occurred_on=date, date_in_clause=True, supporting=True, location=None, duration=None)]
    return []


def _sites_overflown(found: list[Phrase], sentence: Span, context: Context) -> list[Mention]:
    """ "The two F-16s flew over A, with the F-4s flying over B": where a later sentence sends the intruders the story
    reported, called back by "the", over two or more named places (islands, towns), each place is an incident of
    its own, of the same state and intruder, as named sites are; one place named so is a detail of the one reported
    (:func:`_told_later`)."""
    earlier = next((m for m in reversed(context.reported) if m.kind == "airspace_violation"), None)
    if earlier is None:
        return []
    flights: list[tuple[Phrase, Token]] = []
    for phrase in found:
        verb = phrase.head.head
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in phrase.head.children)
        if (phrase.defender or not definite or phrase.head.dep_ != "nsubj" or phrase.platform != earlier.platform
                or phrase.state not in {None, earlier.violator} or base_form(verb) not in OVERFLYING_VERBS
                or doubted(verb) or negated(verb)):
            continue
        flights += [(phrase, place) for place in named_places_overflown(verb)]
    sites = list({place.text: (phrase, place) for phrase, place in flights}.values())
    if len(sites) < 2:
        return []
    # the first place is where the incident reported went; each further one is another (told apart as occasions are)
    return [replace(earlier, rule="detail.sites_overflown", sentence=sentence, field=context.field, location=place.text,
                    model=phrase.model or earlier.model, count=phrase.count if phrase.count_stated else None,
                    count_stated=phrase.count_stated, supporting=False, occasion=earlier.occasion if k == 0 else k)
            for k, (phrase, place) in enumerate(sites)]


def _retold(phrase: Phrase, earlier: Mention, context: Context) -> bool:
    """The lead retells the headline: "Coast guard helicopter intrudes into airspace near X" and then "A helicopter
    that took off from a coast guard vessel flew over waters near X for 15 minutes": the body's first report of
    the same platform, from no other state, is the headline's incident."""
    return (earlier.field != context.field and context.field == "body" and phrase.state in {None, earlier.violator}
            and all(m.field != "body" for m in context.reported))


def _complement_model(subject: Token) -> str | None:
    """ "the drones were Kargu models": the model a subject is said to be."""
    if subject.dep_ != "nsubj" or subject.head.lemma_ != "be":
        return None
    return next((name for c in subject.head.children if c.dep_ == "attr" for t in c.subtree
                 for name in [model_name(t)] if name), None)


def _under_heading(mentions: list[Mention], dated: FuzzyDate | None) -> list[Mention]:
    """A timeline line's heading ("SEPTEMBER 13 - ...") dates what the line reports unless its own clause does."""
    if dated is None:
        return mentions
    return [replace(m, heading=dated) if m.date_in_clause and m.occurred_on else
            replace(m, occurred_on=dated, date_in_clause=True, heading=dated) for m in mentions]


def _chained(mentions: list[Mention], day: FuzzyDate | None) -> list[Mention]:
    """A sentence dated by counting on from the text's last day ("Two days later, ...") dates what it reports, unless
    a mention's own clause gives a date: the phrase itself resolves to no day, and publication is not its day."""
    if day is None:
        return mentions
    return [m if m.date_in_clause and m.occurred_on else replace(m, occurred_on=day, date_in_clause=True)
            for m in mentions]


def _dated_apart(mentions: list[Mention], named: dt.date, counted: FuzzyDate) -> list[Mention]:
    """ "A plane overflew the town on May 5 and several jets violated the airspace two days later": a sentence that
    names a day and counts on from it tells two events. When what it reports came out as one report at the later
    day, that report is the first event, on the named day and at the place named with it, and the counted day's is
    another like it, whose place the sentence leaves untold."""
    if not mentions or any(m.occurred_on != counted or m.kind == "article4_request" for m in mentions):
        return mentions
    first = FuzzyDate(named.isoformat(), "day")
    return [replace(m, occurred_on=first) for m in mentions] + [
        replace(m, location=None, count=None, count_stated=False, duration=None, occasion=1) for m in mentions]


def _timestamped(mentions: list[Mention], day: FuzzyDate | None) -> list[Mention]:
    """A live-blog entry's time ("23:55 - ...") gives the day of what it reports, unless its own clause dates it;
    only as a guess, for the next entry past midnight may still tell of the same drones."""
    if day is None:
        return mentions
    return [m if m.occurred_on else replace(m, occurred_on=day, date_in_clause=False) for m in mentions]


def _that_day(context: Context, sentence: Span, last_day: dt.date | None) -> Context:
    """ "On the evening of that day", "the same day": a day named by reference to the one the text named last; the
    sentence's relative dates count from that day, not from publication."""
    if last_day is None or not ANAPHORIC_DAY.search(text_of(sentence)):
        return context
    return replace(context, published=last_day)


def _evening_before(context: Context, sentence: Span, published_at: dt.datetime) -> Context:
    """ "A drone was spotted near the airport this evening" in a story stamped in the small hours (UTC): no evening
    falls between midnight and dawn, so the evening the story speaks of is the day before its stamp."""
    if published_at.hour >= SMALL_HOURS_END or not EVENING_PHRASES.search(text_of(sentence)):
        return context
    return replace(context, published=published_at.date() - dt.timedelta(days=1))


def _last_day(sentence: Span, published: dt.date, before: int | None = None) -> dt.date | None:
    """The last day a sentence names (up to the character ``before``), for a later "that day" to refer to."""
    days = [date for ent in entities(sentence) if ent.label_ == "DATE" and (before is None or ent.end_char <= before)
            for date in [resolve(ent.text, published)] if date is not None and date.precision == "day"]
    return dt.date.fromisoformat(days[-1].value) if days else None


def _day_before_counting(sentence: Span, later: re.Match[str] | None, published: dt.date) -> dt.date | None:
    """ "A plane overflew the town on May 5 and two more crossed the border two days later": a sentence that names a
    day before it counts on ("two days later", "the next day") counts from that day, not from an earlier sentence's."""
    return None if later is None else _last_day(sentence, published, sentence.start_char + later.start())


def _line_context(context: Context, line: str) -> tuple[Context, FuzzyDate | None]:
    """The context of a sentence on a line headed by a date: relative dates ("overnight", "on Friday") count
    from the heading's day, not from publication."""
    dated = heading_date(line, context.published)
    if dated is None or dated.precision != "day":
        return context, dated
    return replace(context, published=dt.date.fromisoformat(dated.value)), dated


def extract_incidents(analysed: AnalysedArticle) -> list[IncidentFact]:
    """The incidents an article reports, one per real-world event however often it is mentioned."""
    main = _main_country(analysed)
    published = analysed.article.published_on
    article4_named = any(ARTICLE4.search(text_of(doc[:])) for _, doc in analysed.fields())
    article4_meeting = article4_named and any(ARTICLE4_GATHERING.search(text_of(doc[:])) for _, doc in analysed.fields())
    antecedents: dict[str, Phrase] = {}
    mentions: list[Mention] = []
    request_dates: list[FuzzyDate] = []
    model_states: dict[str, str] = {}
    intruder_days: dict[tuple[str, str], list[tuple[FuzzyDate, int | None]]] = {}
    for name, doc in analysed.fields():
        context = Context(field=name, published=published, main_country=main, article4_named=article4_named,
                          antecedents=antecedents, reported=mentions, request_dates=request_dates,
                          model_states=model_states, intruder_days=intruder_days, article4_meeting=article4_meeting,
                          matches={pattern: rule_matches(doc, pattern) for pattern in PATTERN_FILES})
        text = analysed.article.field(name)
        last_day: dt.date | None = None
        for sentence in _sentences(doc):
            line = text[text.rfind("\n", 0, sentence.start_char) + 1:]  # from the start of the sentence's line
            in_the_night = _evening_before(context, sentence, analysed.article.published_at)
            line_context, dated = _line_context(_that_day(in_the_night, sentence, last_day), line)
            later = later_phrase(text_of(sentence))
            named_day = _day_before_counting(sentence, later, line_context.published)
            counted_from = named_day or last_day
            chained = later_day(later, counted_from) if later and counted_from is not None else None
            line_context = replace(line_context, counted_day=chained) if chained else line_context
            reported = _chained(_sentence_mentions(sentence, line_context), chained)
            reported = _dated_apart(reported, named_day, chained) if named_day and chained else reported
            mentions += _timestamped(_under_heading(reported,
                                                    dated), timestamp_day(line, analysed.article.published_at))
            counted_to = dt.date.fromisoformat(chained.value) if chained and chained.precision == "day" else None
            last_day = counted_to or _last_day(sentence, line_context.published) or last_day
    mentions = _stateless_drones(_definite_sites(_dated_by_next(mentions, published), _story_sites(analysed)))
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault((mention.kind, mention.country), []).append(mention)
    headline = analysed.docs["headline"][:] if "headline" in analysed.docs else None
    facts = [_merge(cluster, published, headline)
             for key in sorted(groups, key=lambda k: (KIND_ORDER.index(k[0]), k[1]))
             for cluster in _cluster(groups[key], published) if _reported(cluster)]
    # The story's sentences about aircraft and its lead's day are read only when an incident lacks a place or a date.
    headline_doc = analysed.docs.get("headline")
    story = _aircraft_sentences(analysed) if any(fact.location is None or _headline_description(fact, headline_doc)
                                                  for fact in facts) else []
    lead = next(iter(_sentences(analysed.docs["body"])), None) if "body" in analysed.docs else None
    lead_day = _lead_day(lead, published) if lead is not None and any(f.occurred_on is None for f in facts) else None
    return [_dated_by_lead(_placed_by_story(_dated_as_before(fact, facts), facts, story, headline_doc), facts, lead_day)
            for fact in facts]


def _dated_by_next(mentions: list[Mention], published: dt.date) -> list[Mention]:
    """ "The airspace above X was closed for hours after drones were seen nearby. Several flights were diverted on
    the evening of May 3.": a report with no date of its own, followed in its paragraph by a sentence that tells
    only the disruption it caused, and dates it, happened on that day (the story goes on with the same event)."""
    told = {_sentence_key(m) for m in mentions}
    following: dict[tuple[int, int, int], Span] = {}
    for doc in {id(m.sentence.doc): m.sentence.doc for m in mentions if m.occurred_on is None}.values():
        sentences = list(_sentences(doc))
        following.update({(id(doc), a.start, a.end): b for a, b in zip(sentences, sentences[1:])
                          if not any("\n" in t.text_with_ws for t in doc[a.start:b.start])})
    dated: list[Mention] = []
    for mention in mentions:
        after = following.get(_sentence_key(mention)) if mention.occurred_on is None else None
        day = None
        if after is not None and (id(after.doc), after.start, after.end) not in told and (
                after.root.lemma_.lower() in DISRUPTION_VERBS):
            day, own = clause_date(after, after.root, after.root, published)
            day = day if own else None
        dated.append(replace(mention, occurred_on=day, date_in_clause=True) if day else mention)
    return dated


def _stateless_drones(mentions: list[Mention]) -> list[Mention]:
    """ "The airport was shut after drones were spotted in its airspace": drones seen, not said to have entered, in
    a state's airspace are a sighting there told in the words of a violation, where no mention in the story names a
    state for that state's intruders (a violation is a state's)."""
    named = {m.country for m in mentions if m.kind == "airspace_violation" and m.violator}
    stateless = [m.kind == "airspace_violation" and m.platform == "drone" and m.violator is None
                 and m.country not in named for m in mentions]
    seen = {m.country for m, free in zip(mentions, stateless) if free and _seen_not_entered(m.sentence)}
    # background incidents told like a sighting so converted ("a similar event at X") are sightings like it
    return [replace(m, kind="drone_sighting", rule=m.rule if m.rule.startswith(BACKGROUND_RULES) else
                    "sighting.seen_in_airspace")
            if free and (_seen_not_entered(m.sentence) or (m.rule.startswith(BACKGROUND_RULES) and m.country in seen))
            else m for m, free in zip(mentions, stateless)]


def _seen_not_entered(sentence: Span) -> bool:
    verbs = {t.lemma_.lower() for t in sentence if t.pos_ == "VERB"}
    return bool(verbs & SEEING_VERBS) and not verbs & ENTRY_VERBS


def _aircraft_sentences(analysed: AnalysedArticle) -> list[Span]:
    """The story's sentences about aircraft, headline first, where :func:`_placed_by_story` looks for its place."""
    return [sentence for _, doc in analysed.fields() for sentence in _sentences(doc)
            if any(t.lemma_.lower() in HARDWARE for t in sentence)]


def _story_event(fact: IncidentFact, facts: list[IncidentFact]) -> bool:
    """Whether an incident is the story's one event of its kind in its state: not background, not one of several."""
    return (fact.kind != "article4_request" and not all(r.startswith(BACKGROUND_RULES) for r in fact.rules)
            and sum(other.kind == fact.kind and other.country == fact.country for other in facts) == 1)


def _placed_by_story(fact: IncidentFact, facts: list[IncidentFact], story: list[Span],
                     headline: Doc | None) -> IncidentFact:
    """ "A balloon was seen over X" in the lead, "the balloon entered the country's airspace" later: a story tells
    where its one event happened in any sentence about the aircraft, not always in the one that reports the
    intrusion. An incident no sentence of its own places, the only one of its kind in its state, is at the first
    place in that state the story's sentences about aircraft name (headline first)."""
    described = _headline_description(fact, headline)
    if (fact.location is not None and not described) or not _story_event(fact, facts):
        return fact
    place = next((name for sentence in story if not (described and sentence.doc is headline)
                  for name in [site_named(sentence, {fact.country}, borders=sentence.doc is not headline)] if name), None)
    return fact if place is None else replace(fact, location=place)


def _headline_description(fact: IncidentFact, headline: Doc | None) -> bool:
    """ "Drone downed over Black Sea port": a headline places its event by a description, a site named by the water it
    lies on, where the story names the town itself ("at the port city of X"). A place only the headline gives, so
    described, yields to a place the story's sentences name in the state."""
    if fact.location is None or headline is None or fact.location not in headline.text:
        return False
    words = fact.location.split()
    return words[-1].islower() and any(word.lower() in WATER_WORDS for word in words[:-1])


def _lead_day(lead: Span, published: dt.date) -> FuzzyDate | None:
    """The day a lead about aircraft gives: "X on Sunday condemned the harassment ... by jets", the day of the
    story's news (a lead about something else dates no incident the story turns to later)."""
    if not any(t.lemma_.lower() in HARDWARE | AIRSPACE_NOUNS for t in lead):
        return None
    return next((date for _, text in date_candidates(lead) for date in [resolve(text, published)]
                 if date is not None and date.precision == "day"), None)


def _dated_by_lead(fact: IncidentFact, facts: list[IncidentFact], lead_day: FuzzyDate | None) -> IncidentFact:
    """News writing dates its news in the lead ("Greece on Sunday condemned the harassment ...") and tells the event
    itself later without a date: an undated incident, the story's one event of its kind in its state, is of the
    lead's day."""
    if fact.occurred_on is not None or lead_day is None or not _story_event(fact, facts):
        return fact
    return replace(fact, occurred_on=lead_day)


def _evidence_order(fact: IncidentFact) -> tuple[int, int]:
    first = fact.evidence[0]
    return TEXT_FIELDS.index(first.field), first.start


def _dated_as_before(fact: IncidentFact, facts: list[IncidentFact]) -> IncidentFact:
    """ "Drones were seen overnight at two bases ... Drone activity was also noticed at a third site": an incident
    the story tells with no date of its own, after one of the same kind in the same state that has one, happened
    then too (the story goes on with the event it opened with)."""
    if fact.occurred_on is not None or not fact.evidence or all(r.startswith(BACKGROUND_RULES) for r in fact.rules):
        return fact  # "similar incidents ... in recent weeks": background, not the story's event
    before = [other for other in facts if other.kind == fact.kind and other.country == fact.country
              and other.occurred_on is not None and other.evidence
              and _evidence_order(other) < _evidence_order(fact)]
    if not before:
        return fact
    return replace(fact, occurred_on=max(before, key=_evidence_order).occurred_on)


def _definite_sites(mentions: list[Mention], sites: list[tuple[tuple[int, int], str, str]]) -> list[Mention]:
    """ "Flights were suspended at the airport": a site named only by its kind is the one of that kind the story
    named last in the same state ("Dublin Airport"), so that reports at two named sites are not confused; where no
    report named one, the site of that kind the story named last before it in any sentence ("Operations resumed at
    X airport ... in early October flights were halted at the airport after drones were seen")."""
    named: dict[tuple[str, str], str] = {}
    placed = []
    for mention in sorted(mentions, key=lambda m: m.order):
        kind = _definite_site(mention.sentence) if mention.location is None else None
        told = [name for order, site_kind, name in sites if site_kind == kind and order < mention.order]
        if kind is not None and (mention.country, kind) in named:
            mention = replace(mention, location=named[(mention.country, kind)])
        elif kind is not None and told and place_country(told[-1]) in {None, mention.country}:
            mention = replace(mention, location=told[-1])
        elif mention.location:
            named[(mention.country, mention.location.split()[-1].lower())] = mention.location
        placed.append(mention)
    return placed


def _story_sites(analysed: AnalysedArticle) -> list[tuple[tuple[int, int], str, str]]:
    """The sites a story names by a name before their kind ("X airport"), in reading order, with their kind."""
    return [((TEXT_FIELDS.index(name), token.idx), token.lower_, site.name)
            for name, doc in analysed.fields() for token in doc if token.lemma_.lower() in SITE_HEADS
            for site in [named_site(token)] if site is not None and site.name]


def _definite_site(sentence: Span) -> str | None:
    """The kind of site a sentence names by "the" and its kind alone ("at the airport"), if it does."""
    return next((t.lower_ for t in sentence if t.lemma_.lower() in SITE_HEADS and t.pos_ == "NOUN"
                 and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                 and not any(c.dep_ in {"compound", "amod", "poss", "nmod"} for c in t.children)), None)


def _reported(cluster: list[Mention]) -> bool:
    """Whether mentions report an incident: one that is no mere detail, or something said to have left a state's
    airspace ("the object ... left Colombian airspace"), which it can only have done from inside, once another
    sentence says whose it was ("X acknowledged the object was its own"). A sentence that only says "the X jets
    left" adds to a report the article gives, or leaves to others."""
    return any(not m.supporting for m in cluster) or (any(m.left for m in cluster)
                                                      and any(m.violator and not m.left for m in cluster))
