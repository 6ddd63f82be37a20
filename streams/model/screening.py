"""Article events checked before they are sent or extracted, by the worker's own validation.

``publish`` refuses what the worker would dead-letter, and what no producer could send,
instead of sending it: the author learns which record is wrong, where it is and why,
while the file is still open in front of them, not later from a dead-letter topic. The
worker still dead-letters such records when another producer sends them.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from aiokafka.record.default_records import DefaultRecordBatchBuilder

from streams.inputs.loader import Loaded
from streams.model.article import Article
from streams.model.validation import Limits, Rejected, parse_raw

# The largest record a producer sends: Kafka's default for a broker and a topic (message.max.bytes,
# max.message.bytes: about 1 MiB) and aiokafka's default max_request_size. A larger record fails on the
# way out with a traceback (MessageSizeTooLargeError): refused here instead, naming its size.
MAX_MESSAGE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Accepted:
    """A record the worker would apply: its raw bytes as they will be sent, keyed by article id."""

    origin: str
    article: Article
    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class Refusal:
    """A record not sent (or not extracted): where it is, the problem, and what to do about it."""

    origin: str
    article_id: str
    problem: str
    fix: str


def record_size(key: bytes, value: bytes) -> int:
    """The size the producer counts against its limit: the record with its framing in a batch."""
    size: int = DefaultRecordBatchBuilder.estimate_size_in_bytes(key, value, [])
    return size


def too_large(origin: str, article_id: str, size: int, limit: int) -> Refusal:
    return Refusal(origin, article_id, f"the record is {size} bytes, over the broker's message size limit of {limit} bytes",
                   "shorten its body: the worker accepts bodies up to NEWSROOM_MAX_BODY_BYTES, "
                   f"and no record over {limit} bytes can be sent")


def screen(loaded: Loaded, limits: Limits, max_record_bytes: int | None = MAX_MESSAGE_BYTES,
           ) -> tuple[list[Accepted], list[Refusal]]:
    """Each document as the worker would see it (its JSON bytes through :func:`parse_raw`), and as the
    producer would: accepted, or refused with the reason the worker would dead-letter it or its size.
    ``max_record_bytes`` None: nothing is sent (offline extraction), so size is the worker's limit alone."""
    accepted: list[Accepted] = []
    refused: list[Refusal] = []
    for origin, document in zip(loaded.origins, loaded.documents, strict=True):
        value = orjson.dumps(document)
        article_id = str(document.get("article_id"))
        parsed = parse_raw(value, limits)
        if isinstance(parsed, Rejected):
            refused.append(Refusal(origin, article_id, f"the worker would dead-letter it: {parsed.reason}",
                                   _fix(parsed.reason)))
            continue
        key = parsed.article_id.encode()
        size = record_size(key, value)
        if max_record_bytes is not None and size > max_record_bytes:
            refused.append(too_large(origin, article_id, size, max_record_bytes))
            continue
        accepted.append(Accepted(origin, parsed, key, value))
    return accepted, refused


def _fix(reason: str) -> str:
    """What to do about a refusal: a text field over its limit names the setting that raises it."""
    for field in ("body", "headline", "standfirst"):
        if reason.startswith(f"{field}:"):
            return f"correct the record (or raise NEWSROOM_MAX_{field.upper()}_BYTES for a longer {field})"
    return "correct the record"
