"""Derived events of the contract's shape, built by hand for tests that need no extraction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from streams.model.article import Article
from streams.model.events import (EventDate, EventSpeaker, IncidentEvent, Retraction, Span, StatementEvent, Upsert,
                                  retraction)


def incident(n: int, kind: str = "airspace_violation", country: str = "EE", when: str = "2025-09-19",
             version: int = 1, **fields: Any) -> IncidentEvent:
    event = IncidentEvent(
        incident_id=f"a{n}:{kind}:{country}:RU:1", incident_key=f"{kind}:{country}:RU:{when}", article_id=f"a{n}",
        article_version=version, kind=kind, country=country, violator="RU", attribution="attributed",
        platform="aircraft", model=None, count=None, duration_minutes=None,
        occurred_on=EventDate(when, "day" if len(when) == 10 else "month"), location=None,
        evidence=(Span("body", 0, 4, "Jets"),), confidence=0.9, extractor_version="test")
    return msgspec.structs.replace(event, **fields)


def statement(n: int, name: str, organization: str | None, when: str | None, **fields: Any) -> StatementEvent:
    event = StatementEvent(
        statement_id=f"s{n}", article_id=f"a{n}", article_version=1,
        speaker=EventSpeaker(name, "person", None, organization), mode="direct", quote="words", cue="said",
        said_on=EventDate(when, "day") if when else None, evidence=(Span("body", 0, 5, "words"),), confidence=0.9,
        extractor_version="test")
    return msgspec.structs.replace(event, **fields)


def retracted(event: Upsert, version: int | None = None) -> Retraction:
    """The retraction the ledger writes when ``event``'s article moves on to ``version`` (default: the next one)."""
    later = Article(article_id=event.article_id, version=version or event.article_version + 1, action="update",
                    published_at=dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc))
    return retraction(event, later)
