"""No raw record stops the extract agent: validation rejects the hostile ones, and the per-record guard
dead-letters a record whose handling raises anyway, while the rest of the batch goes on."""

from __future__ import annotations

import asyncio
import uuid
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from streams.agents import extract_agent, intake
from streams.agents.app import Newsroom
from streams.agents.offload import ExtractionPool
from streams.agents.run_extraction import RawRecord
from streams.config import Settings, Topics
from streams.model.article import Article
from streams.model.validation import Rejected, parse_raw

from hostile import VALID, hostile_values, named_cases


@pytest.mark.parametrize("key, value, fragment", named_cases(), ids=[key for key, _, _ in named_cases()])
def test_each_named_hostile_record_is_rejected_with_a_reason(key: str, value: bytes, fragment: str) -> None:
    result = parse_raw(value)
    assert isinstance(result, Rejected), key
    assert fragment in result.reason and len(result.reason) < 2000, result.reason


@hypothesis_settings(max_examples=500, deadline=None)
@given(hostile_values())
def test_hostile_values_are_validated_without_raising(value: bytes) -> None:
    assert isinstance(parse_raw(value), (Article, Rejected))


class DeadLetters(list):
    """What the newsroom below dead-letters, instead of the topic (no broker in a unit test)."""


def newsroom() -> tuple[Newsroom, DeadLetters]:
    tenant = uuid.uuid4().hex[:8]
    room = Newsroom(Settings(bootstrap="127.0.0.1:9", app_id=f"hostile-{tenant}", topics=Topics(f"{tenant}."),
                             broker_profile="kafka"), ExtractionPool(0))
    letters = DeadLetters()

    async def dead_letter(key: bytes | None, value: bytes | None, reason: str, stage: str) -> None:
        letters.append((key, value, reason, stage))

    async def send_raw(article_id: str, value: bytes) -> None:
        letters.append((article_id.encode(), value, "re-keyed", "rekey"))

    room.letters.dead_letter = dead_letter  # type: ignore[method-assign]
    room.intake.send_raw = send_raw  # type: ignore[method-assign]
    return room, letters


class Event:
    """Stands in for a faust event (the ledger table takes the partition of its reads from it, by weak reference)."""

    def __init__(self, message: Any) -> None:
        self.message = message


def message(offset: int, key: bytes | None, value: bytes | None) -> Any:
    return SimpleNamespace(topic="raw", partition=0, offset=offset, key=key, value=value)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.none() | st.binary(max_size=8), hostile_values()), min_size=1, max_size=8))
def test_every_hostile_record_of_a_batch_is_applied_or_dead_lettered_and_validate_never_raises(records) -> None:
    room, letters = newsroom()
    messages = [message(offset, key, value) for offset, (key, value) in enumerate(records)]
    prepared = asyncio.run(room.intake.validate(messages))
    assert len(prepared) == len(messages)
    for msg, article in zip(messages, prepared):
        expected = parse_raw(msg.value)
        if isinstance(expected, Rejected):
            assert article is None and (msg.key, msg.value, expected.reason, "validate") in letters
        elif msg.key == expected.article_id.encode():
            assert article == expected
        else:  # sent again under its article id, applied when it comes back
            assert article is None and (expected.article_id.encode(), msg.value, "re-keyed", "rekey") in letters


def test_a_record_whose_validation_raises_is_dead_lettered_and_the_batch_goes_on(monkeypatch) -> None:
    room, letters = newsroom()
    real = intake.parse_raw

    def parse(value: bytes | None, limits: Any) -> Any:
        if value == b"poison":
            raise RecursionError("maximum recursion depth exceeded")
        return real(value, limits)

    monkeypatch.setattr(intake, "parse_raw", parse)
    good = orjson.dumps(VALID)
    prepared = asyncio.run(room.intake.validate([message(0, b"x", good), message(1, b"p", b"poison"), message(2, b"x", good)]))
    assert [isinstance(a, Article) for a in prepared] == [True, False, True]
    assert letters == [(b"p", b"poison", "RecursionError: maximum recursion depth exceeded", "validate")]


def test_an_article_whose_transition_raises_is_dead_lettered_with_the_stage_extract(monkeypatch) -> None:
    room, letters = newsroom()

    def broken(*_: Any, **__: Any) -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(extract_agent, "moved_out_of_cells", broken)

    async def step() -> Any:
        article = parse_raw(orjson.dumps(VALID))
        assert isinstance(article, Article)
        event = Event(message(5, b"k", b"v"))
        return await room.letters.guarded(event.message, "extract",
                                          lambda: room.extract.apply_step(RawRecord(event, article, []), article, {}))

    class Table(dict):
        pass

    room.ledger.table = Table()  # the faust table needs a running app
    assert asyncio.run(step()) is None
    assert letters == [(b"k", b"v", "OverflowError: date value out of range", "extract")]
