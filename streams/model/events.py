"""Derived events of the contract, built from extraction facts.

Ids are deterministic so that re-processing an article (at-least-once delivery,
a replay, a crash before a commit) yields the very same events, and an update of
an article upserts under the ids its earlier version used.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict
from typing import Any

from streams.extraction import extractor_version
from streams.extraction.model import Evidence, Extraction, FuzzyDate, IncidentFact, StatementFact
from streams.model.article import Article
from streams.model.keys import NO_VIOLATOR, IncidentKey

SCHEMA_VERSION = 1
Event = dict[str, Any]


def _date(value: FuzzyDate | None) -> dict[str, str] | None:
    return None if value is None else {"value": value.value, "precision": value.precision}


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [asdict(e) for e in items]


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


def incident_events(article: Article, facts: tuple[IncidentFact, ...], extractor_version: str) -> list[Event]:
    """Incidents numbered within (kind, country, violator) in date order, so ids survive edits of other fields."""
    ordinal: dict[tuple[str, str, str | None], int] = defaultdict(int)
    events = []
    for fact in sorted(facts, key=lambda f: (f.kind, f.country, f.violator or "", f.occurred_on.value if f.occurred_on else "")):
        group = (fact.kind, fact.country, fact.violator)
        ordinal[group] += 1
        incident_id = f"{article.article_id}:{fact.kind}:{fact.country}:{fact.violator or '-'}:{ordinal[group]}"
        events.append({
            "type": "incident", "op": "upsert", "schema_version": SCHEMA_VERSION,
            "incident_id": incident_id, "incident_key": incident_key(fact, article),
            "article_id": article.article_id, "article_version": article.version,
            "kind": fact.kind, "country": fact.country, "violator": fact.violator,
            "attribution": fact.attribution, "platform": fact.platform, "model": fact.model,
            "count": fact.count, "duration_minutes": fact.duration_minutes,
            "occurred_on": _date(fact.occurred_on), "location": fact.location,
            "evidence": _evidence(fact.evidence), "confidence": round(fact.confidence, 3),
            "extractor_version": extractor_version, "rules": list(fact.rules),
        })
    return events


def statement_id(article: Article, fact: StatementFact) -> str:
    digest = hashlib.sha1(f"{fact.speaker.name}\x00{fact.mode}\x00{fact.quote}".encode()).hexdigest()[:16]
    return f"{article.article_id}:statement:{digest}"


def statement_events(article: Article, facts: tuple[StatementFact, ...], extractor_version: str) -> list[Event]:
    events, seen = [], set()
    for fact in facts:
        sid = statement_id(article, fact)
        if sid in seen:
            continue
        seen.add(sid)
        events.append({
            "type": "statement", "op": "upsert", "schema_version": SCHEMA_VERSION,
            "statement_id": sid, "article_id": article.article_id, "article_version": article.version,
            "speaker": asdict(fact.speaker), "mode": fact.mode, "quote": fact.quote, "cue": fact.cue,
            "said_on": _date(fact.said_on), "evidence": _evidence(fact.evidence),
            "confidence": round(fact.confidence, 3), "extractor_version": extractor_version,
            "rules": list(fact.rules),
        })
    return events


def derived_events(article: Article, extraction: Extraction, extractor_version: str) -> list[Event]:
    return incident_events(article, extraction.incidents, extractor_version) + statement_events(
        article, extraction.statements, extractor_version
    )


def retraction(previous: Event, article: Article) -> Event:
    """Withdraws an earlier upsert; routing fields are kept so tables can find what to remove."""
    keep = ("type", "incident_id", "statement_id", "incident_key", "kind", "country", "violator",
            "occurred_on", "speaker", "article_id")
    event = {k: previous[k] for k in keep if k in previous}
    event.update(op="retract", schema_version=SCHEMA_VERSION, article_version=article.version)
    return event


def event_id(event: Event) -> str:
    found: str = event["incident_id"] if event["type"] == "incident" else event["statement_id"]
    return found


def upserts_of_each(articles: list[Article]) -> list[list[Event]]:
    """Extraction as the agents run it: the upsert events each article version supports (one batched parse)."""
    from streams.extraction.run import extract_many  # loads spaCy: only where extraction runs

    version = extractor_version()
    return [derived_events(a, e, version) for a, e in zip(articles, extract_many(articles))]


def upserts_of(article: Article) -> list[Event]:
    return upserts_of_each([article])[0]
