"""Derived events of the contract, built from extraction facts, as frozen typed values.

Ids are deterministic so that re-processing an article (at-least-once delivery,
a replay, a crash before a commit) yields the very same events, and an update of
an article upserts under the ids its earlier version used.

On the wire an event is the JSON object of ``streams/schemas/incident.schema.json`` or
``statement.schema.json``: the fields of each class below in their order, ``type`` first. A retraction
carries only the routing fields the upsert it withdraws carried (absent ones are UNSET, so not written).
:func:`encode_event` writes those bytes, and :func:`decode_event` reads them back once, where a record of a
derived topic comes in.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import msgspec
import orjson

from streams.extraction import extractor_version
from streams.extraction.model import Evidence, Extraction, FuzzyDate, IncidentFact, Speaker, StatementFact
from streams.model.article import Article
from streams.model.keys import NO_VIOLATOR, IncidentKey

SCHEMA_VERSION = 1


class EventDate(msgspec.Struct, frozen=True):
    """A date known to a precision: ``value`` is YYYY-MM-DD, YYYY-MM or YYYY; ``precision`` day, month or year."""

    value: str
    precision: str


class Span(msgspec.Struct, frozen=True):
    """The evidence of an event: ``article.field(field)[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str


class EventSpeaker(msgspec.Struct, frozen=True):
    name: str
    kind: str
    role: str | None = None
    organization: str | None = None


class IncidentEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="incident"):
    """An incident an article version supports (upsert). ``rules`` is optional in the contract: events written
    before it was recorded have none (UNSET)."""

    op: Literal["upsert"] = "upsert"
    schema_version: int = SCHEMA_VERSION
    incident_id: str
    incident_key: str
    article_id: str
    article_version: int
    kind: str
    country: str
    violator: str | None
    attribution: str | None
    platform: str | None
    model: str | None
    count: int | None
    duration_minutes: int | float | None
    occurred_on: EventDate | None
    location: str | None
    evidence: tuple[Span, ...]
    confidence: float
    extractor_version: str
    rules: tuple[str, ...] | msgspec.UnsetType = msgspec.UNSET

    @property
    def event_id(self) -> str:
        return self.incident_id


class StatementEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="statement"):
    """A statement an article version supports (upsert)."""

    op: Literal["upsert"] = "upsert"
    schema_version: int = SCHEMA_VERSION
    statement_id: str
    article_id: str
    article_version: int
    speaker: EventSpeaker
    mode: str
    quote: str
    cue: str | None
    said_on: EventDate | None
    evidence: tuple[Span, ...]
    confidence: float
    extractor_version: str
    rules: tuple[str, ...] | msgspec.UnsetType = msgspec.UNSET

    @property
    def event_id(self) -> str:
        return self.statement_id


class IncidentRetraction(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="incident"):
    """Withdraws an incident upsert; its routing fields are kept so that tables can find what to remove."""

    incident_id: str
    incident_key: str | msgspec.UnsetType = msgspec.UNSET
    kind: str | msgspec.UnsetType = msgspec.UNSET
    country: str | msgspec.UnsetType = msgspec.UNSET
    violator: str | None | msgspec.UnsetType = msgspec.UNSET
    occurred_on: EventDate | None | msgspec.UnsetType = msgspec.UNSET
    article_id: str
    op: Literal["retract"] = "retract"
    schema_version: int = SCHEMA_VERSION
    article_version: int

    @property
    def event_id(self) -> str:
        return self.incident_id


class StatementRetraction(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="statement"):
    """Withdraws a statement upsert; the speaker is kept so that the speaker's and organisation's cells let go."""

    statement_id: str
    speaker: EventSpeaker | msgspec.UnsetType = msgspec.UNSET
    article_id: str
    op: Literal["retract"] = "retract"
    schema_version: int = SCHEMA_VERSION
    article_version: int

    @property
    def event_id(self) -> str:
        return self.statement_id


Upsert = IncidentEvent | StatementEvent
Retraction = IncidentRetraction | StatementRetraction
Event = Upsert | Retraction
IncidentRecord = IncidentEvent | IncidentRetraction  # what the incident topic holds


class _Head(msgspec.Struct):
    """What tells the four shapes apart: read first, the rest of the record ignored."""

    type: Literal["incident", "statement"]
    op: Literal["upsert", "retract"]


_SHAPES: dict[tuple[str, str], type[Event]] = {
    ("incident", "upsert"): IncidentEvent, ("incident", "retract"): IncidentRetraction,
    ("statement", "upsert"): StatementEvent, ("statement", "retract"): StatementRetraction,
}
_HEAD = msgspec.json.Decoder(_Head)
_DECODERS = {shape: msgspec.json.Decoder(cls) for shape, cls in _SHAPES.items()}


def event_type(event: Event) -> Literal["incident", "statement"]:
    """The event's ``type``: which derived topic it goes to."""
    return "incident" if isinstance(event, IncidentEvent | IncidentRetraction) else "statement"


def decode_event(value: bytes) -> Event:
    """The event a derived topic's record holds, by its ``type`` and ``op``; msgspec.DecodeError (a
    ValidationError included) when it is no derived event."""
    head = _HEAD.decode(value)
    return _DECODERS[(head.type, head.op)].decode(value)


@dataclass(frozen=True)
class NotAnEvent:
    """Why a derived topic's record holds no event: the readers of those topics skip it with this reason, since one
    stray record (not written by newsroom) must not stop a view or a tail."""

    reason: str


def read_event(value: bytes | None) -> Event | NotAnEvent:
    """The event a derived topic's record holds, or why it holds none; never raises."""
    if value is None:
        return NotAnEvent("empty value (tombstone)")
    try:
        return decode_event(value)
    except msgspec.DecodeError as error:
        return NotAnEvent(str(error))


def encode_event(event: Event) -> bytes:
    """The record's value on its derived topic (orjson, as every value the agents write)."""
    return orjson.dumps(msgspec.to_builtins(event))


def event_to_json(event: Event) -> dict[str, Any]:
    """The event as the JSON object its record holds, lists for its tuples (for answers that embed it, such as the
    API's lists and the reports a tally update carries)."""
    decoded: dict[str, Any] = orjson.loads(encode_event(event))
    return decoded


def _date(value: FuzzyDate | None) -> EventDate | None:
    return None if value is None else EventDate(value.value, value.precision)


def _evidence(items: tuple[Evidence, ...]) -> tuple[Span, ...]:
    return tuple(Span(e.field, e.start, e.end, e.text) for e in items)


def _speaker(speaker: Speaker) -> EventSpeaker:
    return EventSpeaker(speaker.name, speaker.kind, speaker.role, speaker.organization)


def incident_key(fact: IncidentFact, article: Article) -> str:
    """Identity of the real-world incident across articles.

    Kind, country and violator with the date as reported. When the text gives no
    date, the month of publication stands in for it, so that two articles about one
    undated incident still meet. Counting merges keys whose dates are compatible
    (see :mod:`streams.model.counting`).
    """
    when = fact.occurred_on.value if fact.occurred_on else article.published_at.strftime("%Y-%m")
    return str(IncidentKey(fact.kind, fact.country, fact.violator or NO_VIOLATOR, when))


def incident_article(incident_id: str) -> str:
    """The article an incident id was derived from (the id is the article id and four parts, see below)."""
    return incident_id.rsplit(":", 4)[0]


def incident_events(article: Article, facts: tuple[IncidentFact, ...], extractor_version: str) -> list[IncidentEvent]:
    """Incidents numbered within (kind, country, violator) in date order, so ids survive edits of other fields."""
    ordinal: dict[tuple[str, str, str | None], int] = defaultdict(int)
    events = []
    for fact in sorted(facts, key=lambda f: (f.kind, f.country, f.violator or "", f.occurred_on.value if f.occurred_on else "")):
        group = (fact.kind, fact.country, fact.violator)
        ordinal[group] += 1
        incident_id = f"{article.article_id}:{fact.kind}:{fact.country}:{fact.violator or '-'}:{ordinal[group]}"
        events.append(IncidentEvent(
            incident_id=incident_id, incident_key=incident_key(fact, article),
            article_id=article.article_id, article_version=article.version,
            kind=fact.kind, country=fact.country, violator=fact.violator,
            attribution=fact.attribution, platform=fact.platform, model=fact.model,
            count=fact.count, duration_minutes=fact.duration_minutes,
            occurred_on=_date(fact.occurred_on), location=fact.location,
            evidence=_evidence(fact.evidence), confidence=round(fact.confidence, 3),
            extractor_version=extractor_version, rules=tuple(fact.rules),
        ))
    return events


def statement_id(article: Article, fact: StatementFact) -> str:
    digest = hashlib.sha1(f"{fact.speaker.name}\x00{fact.mode}\x00{fact.quote}".encode()).hexdigest()[:16]
    return f"{article.article_id}:statement:{digest}"


def statement_events(article: Article, facts: tuple[StatementFact, ...], extractor_version: str) -> list[StatementEvent]:
    events, seen = [], set()
    for fact in facts:
        sid = statement_id(article, fact)
        if sid in seen:
            continue
        seen.add(sid)
        events.append(StatementEvent(
            statement_id=sid, article_id=article.article_id, article_version=article.version,
            speaker=_speaker(fact.speaker), mode=fact.mode, quote=fact.quote, cue=fact.cue,
            said_on=_date(fact.said_on), evidence=_evidence(fact.evidence),
            confidence=round(fact.confidence, 3), extractor_version=extractor_version,
            rules=tuple(fact.rules),
        ))
    return events


def derived_events(article: Article, extraction: Extraction, extractor_version: str) -> list[Upsert]:
    incidents: list[Upsert] = list(incident_events(article, extraction.incidents, extractor_version))
    return incidents + statement_events(article, extraction.statements, extractor_version)


def retraction(previous: Event, article: Article) -> Retraction:
    """Withdraws an earlier upsert (or re-dates a retraction) for ``article``'s version."""
    if isinstance(previous, IncidentEvent | IncidentRetraction):
        return IncidentRetraction(incident_id=previous.incident_id, incident_key=previous.incident_key,
                                  kind=previous.kind, country=previous.country, violator=previous.violator,
                                  occurred_on=previous.occurred_on, article_id=previous.article_id,
                                  article_version=article.version)
    return StatementRetraction(statement_id=previous.statement_id, speaker=previous.speaker,
                               article_id=previous.article_id, article_version=article.version)


def upserts_of_each(articles: list[Article]) -> list[list[Upsert]]:
    """Extraction as the agents run it: the upsert events each article version supports (one batched parse)."""
    from streams.extraction.run import extract_many  # loads spaCy: only where extraction runs

    version = extractor_version()
    return [derived_events(a, e, version) for a, e in zip(articles, extract_many(articles))]


def upserts_of(article: Article) -> list[Upsert]:
    return upserts_of_each([article])[0]
