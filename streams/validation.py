"""Raw article bytes to an :class:`Article`, or a reason to dead-letter them.

Every way a raw event can be wrong ends in a :class:`Rejected` with a reason a
person can act on; nothing raises past this module, so no input can stop an agent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import orjson

from streams import schemas
from streams.article import Article

DEFAULT_MAX_BODY_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str
    stage: str = "validate"


def _timestamp(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def parse_document(document: Any, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article | Rejected:
    if not isinstance(document, dict):
        return Rejected(f"not a JSON object but {type(document).__name__}")
    problems = schemas.errors("raw", document)
    if problems:
        return Rejected("schema: " + "; ".join(problems[:5]))
    published_at = _timestamp(document["published_at"])
    if published_at is None:
        return Rejected(f"published_at: {document['published_at']!r} is not an ISO 8601 timestamp")
    body = document.get("body") or ""
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > max_body_bytes:
        return Rejected(f"body: {size} bytes exceeds the limit of {max_body_bytes} bytes")
    return Article(
        article_id=document["article_id"], version=document["version"], action=document["action"],
        published_at=published_at.astimezone(dt.timezone.utc), source=document.get("source") or "",
        language=document.get("language") or "en", headline=document.get("headline") or "",
        standfirst=document.get("standfirst") or "", body=body, url=document.get("url"),
    )


def parse_raw(value: bytes | None, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article | Rejected:
    """Validate one raw record value (bytes as they came off the topic)."""
    if value is None:
        return Rejected("empty value (tombstone)")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as error:
        return Rejected(f"invalid UTF-8 at byte {error.start}")
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return Rejected(f"not JSON: {error}")
    return parse_document(document, max_body_bytes)
