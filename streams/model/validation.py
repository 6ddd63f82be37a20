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
from streams.model.article import Article

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
# A headline or standfirst is a line or a paragraph; these leave a hundred times the room one takes.
DEFAULT_MAX_HEADLINE_BYTES = 4 * 1024
DEFAULT_MAX_STANDFIRST_BYTES = 16 * 1024
# A raw article is one flat object; a deeper value is no article, and jsonschema recurses once per level
# (about 990 levels exhaust Python's stack while it words its error).
MAX_DEPTH = 32
MAX_REASON_CHARS = 300  # per problem: a reason quotes the offending value, which may be megabytes


@dataclass(frozen=True, slots=True)
class Limits:
    """The largest text fields (UTF-8 bytes) an article may carry: extraction's work grows with them."""

    body_bytes: int = DEFAULT_MAX_BODY_BYTES
    headline_bytes: int = DEFAULT_MAX_HEADLINE_BYTES
    standfirst_bytes: int = DEFAULT_MAX_STANDFIRST_BYTES

    def of(self, name: str) -> int:
        return {"body": self.body_bytes, "headline": self.headline_bytes, "standfirst": self.standfirst_bytes}[name]


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str
    stage: str = "validate"


def _timestamp(text: str) -> dt.datetime | None:
    """The time in UTC; None when it is no ISO 8601 timestamp or lies outside what a datetime holds in UTC
    (``0001-01-01T00:00:00+01:00`` is in year 0)."""
    try:
        value = dt.datetime.fromisoformat(text)
        return value.astimezone(dt.timezone.utc) if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    except (ValueError, OverflowError):
        return None


def too_deep(document: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether arrays and objects nest more than ``limit`` levels (walked without recursion)."""
    pending = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                pending.append((child, depth + 1))
    return False


def _short(text: str) -> str:
    return text if len(text) <= MAX_REASON_CHARS else f"{text[:MAX_REASON_CHARS]}... ({len(text)} characters)"


def parse_document(document: Any, limits: Limits = Limits()) -> Article | Rejected:
    if not isinstance(document, dict):
        return Rejected(f"not a JSON object but {type(document).__name__}")
    if too_deep(document):
        return Rejected(f"nested more than {MAX_DEPTH} levels deep: a raw article is a flat object")
    problems = schemas.errors("raw", document)
    if problems:
        return Rejected("schema: " + "; ".join(_short(problem) for problem in problems[:5]))
    published_at = _timestamp(document["published_at"])
    if published_at is None:
        return Rejected(f"published_at: {_short(repr(document['published_at']))} is not an ISO 8601 timestamp "
                        "of a time between the years 1 and 9999 in UTC")
    for name in ("headline", "standfirst", "body"):
        size = len((document.get(name) or "").encode("utf-8", "surrogatepass"))
        if size > limits.of(name):
            return Rejected(f"{name}: {size} bytes exceeds the limit of {limits.of(name)} bytes")
    return Article(
        article_id=document["article_id"], version=document["version"], action=document["action"],
        published_at=published_at, source=document.get("source") or "",
        language=document.get("language") or "en", headline=document.get("headline") or "",
        standfirst=document.get("standfirst") or "", body=document.get("body") or "", url=document.get("url"),
    )


def parse_raw(value: bytes | None, limits: Limits = Limits()) -> Article | Rejected:
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
    return parse_document(document, limits)
