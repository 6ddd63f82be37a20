"""Derived events of the contract's shape, built by hand for tests that need no extraction."""

from __future__ import annotations

from typing import Any


def incident(n: int, kind: str = "airspace_violation", country: str = "EE", when: str = "2025-09-19",
             version: int = 1) -> dict[str, Any]:
    return {"type": "incident", "op": "upsert", "schema_version": 1, "incident_id": f"a{n}:{kind}:{country}:RU:1",
            "incident_key": f"{kind}:{country}:RU:{when}", "article_id": f"a{n}", "article_version": version,
            "kind": kind, "country": country, "violator": "RU", "attribution": "attributed", "platform": "aircraft",
            "model": None, "count": None, "duration_minutes": None,
            "occurred_on": {"value": when, "precision": "day" if len(when) == 10 else "month"}, "location": None,
            "evidence": [{"field": "body", "start": 0, "end": 4, "text": "Jets"}], "confidence": 0.9,
            "extractor_version": "test"}


def statement(n: int, name: str, organization: str | None, when: str | None) -> dict[str, Any]:
    return {"type": "statement", "op": "upsert", "schema_version": 1, "statement_id": f"s{n}", "article_id": f"a{n}",
            "article_version": 1, "speaker": {"name": name, "kind": "person", "role": None, "organization": organization},
            "mode": "direct", "quote": "words", "cue": "said",
            "said_on": {"value": when, "precision": "day"} if when else None,
            "evidence": [{"field": "body", "start": 0, "end": 5, "text": "words"}], "confidence": 0.9,
            "extractor_version": "test"}
