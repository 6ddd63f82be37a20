"""Every typed value that goes on a topic or into a table: encoded, checked by the contract's JSON Schema where the
kind has one, decoded, and equal to what it was; and encoded to the very bytes the untyped code wrote."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import msgspec
import orjson
import pytest
from hypothesis import given, strategies as st

from derived import incident, retracted, statement
from streams import schemas
from streams.model.alerts import Alert, cell_alert
from streams.model.article import Article
from streams.model.counting import apply_update, tally_updates
from streams.model.events import (Event, NotAnEvent, decode_event, encode_event, event_to_json, read_event, retraction,
                                  upserts_of)
from streams.model.keys import GroupCell, IncidentCell, IncidentKey, parse_cell
from streams.model.ledger import ArticleState, advance
from streams.model.tallies import Member, TallyUpdate, tally_from_json, tally_to_json
from streams.model.tally_records import TallyRecord, decode_tally
from streams.model.validation import parse_document

from conftest import ROOT

SEED = ROOT / "seeds" / "seed-nato-rutte-2025-09-23.json"
# What the untyped (dict) code wrote for the seed article: its upserts, then their retractions at version 2.
WIRE = Path(__file__).parent / "wire" / "seed-events-v1.jsonl"
T0 = dt.datetime(2031, 5, 30, 8, tzinfo=dt.timezone.utc)
ARTICLE = Article(article_id="a1", version=2, action="update", published_at=T0, headline="Jets near the coast",
                  body="Jets crossed into the airspace.")


def _updates() -> list[tuple[str, TallyUpdate]]:
    """Each shape of update the extraction agent writes: with and without an article, upsert and retraction."""
    gone = retracted(incident(2, when="2031-05"))
    return (tally_updates(incident(1)) + tally_updates(incident(1), ARTICLE) + tally_updates(gone)
            + tally_updates(gone, ARTICLE) + tally_updates(statement(3, "Jane Doe", "NATO", None)))


@pytest.mark.parametrize("cell,update", _updates())
def test_a_tally_update_goes_through_its_schema_and_back_unchanged(cell: str, update: TallyUpdate) -> None:
    value = update.encode()
    assert not schemas.errors("tally", orjson.loads(value))
    assert decode_tally(cell.encode(), value) == TallyRecord(cell, update)


def test_a_tally_update_writes_the_keys_the_untyped_dict_had_in_their_order() -> None:
    (_, bare), = tally_updates(incident(1))
    (_, full), = tally_updates(incident(1), ARTICLE)
    assert list(orjson.loads(bare.encode())) == ["op", "member", "value"]
    assert list(orjson.loads(full.encode())) == ["op", "member", "value", "published_at", "version", "report"]
    (_, gone), = tally_updates(retracted(incident(1)), ARTICLE)
    assert list(orjson.loads(gone.encode())) == ["op", "member", "value", "published_at", "version"]


def test_cell_members_are_stored_as_the_lists_the_table_held_and_read_back_equal() -> None:
    tally = {}
    for offset, (_, update) in enumerate(tally_updates(incident(1), ARTICLE) + tally_updates(incident(2))):
        tally = apply_update(tally, update, offset)
    stored = tally_to_json(tally)
    assert [len(member) for member in stored.values()] == [3, 2]  # [value, offset, report] and [value, offset]
    assert tally_from_json(orjson.loads(orjson.dumps(stored))) == tally
    assert Member.from_json(["v", 4]) == Member("v", 4, None)


def test_a_ledger_state_is_stored_as_the_object_it_was_and_read_back_equal() -> None:
    transition = advance(None, ARTICLE, lambda _: [incident(1)], offset=41, extractor="rules")
    assert transition is not None
    stored = orjson.loads(orjson.dumps(transition.state.to_json()))
    assert list(stored) == ["version", "killed", "extractor", "offset", "live"]
    assert stored["live"] == {incident(1).incident_id: event_to_json(retraction(incident(1), ARTICLE))}
    assert ArticleState.from_json(stored) == transition.state
    assert ArticleState.from_json(None) is None


def test_an_alert_goes_through_its_schema_and_back_unchanged() -> None:
    (cell, update), = tally_updates(incident(1), ARTICLE)
    alert = cell_alert(cell, 0, 1, update, 2, 7, T0)
    assert alert is not None
    value = orjson.loads(alert.encode())
    assert not schemas.errors("alert", value)
    assert list(value)[:2] == ["type", "schema_version"]
    assert msgspec.convert(value, Alert) == alert


@given(st.sampled_from(["airspace_violation", "drone_sighting", "article4_request"]),
       st.from_regex(r"[A-Z]{2}", fullmatch=True), st.from_regex(r"[A-Z]{2}|-", fullmatch=True),
       st.from_regex(r"20[0-9]{2}(-0[1-9](-1[0-9])?)?", fullmatch=True))
def test_an_incident_key_and_its_cell_read_back_what_they_spell(kind: str, country: str, violator: str,
                                                                 when: str) -> None:
    key = IncidentKey(kind, country, violator, when)
    assert IncidentKey.parse(str(key)) == key
    assert parse_cell(str(key.cell)) == key.cell == IncidentCell(kind, country, when[:4])


def test_a_group_cell_keeps_a_name_with_slashes_and_an_unknown_cell_is_none() -> None:
    assert parse_cell("speaker/A/B") == GroupCell("speaker", "A/B")
    assert str(GroupCell("organization", "NATO")) == "organization/NATO"
    assert parse_cell("nowhere/x") is None and parse_cell("incidents/a/b") is None
    with pytest.raises(ValueError):
        IncidentKey.parse("airspace_violation:EE")


def _wire() -> list[bytes]:
    return WIRE.read_bytes().splitlines()


def _seed_events() -> list[Event]:
    """The seed's upserts as extraction derives them now, and the retractions its next version would write."""
    article = parse_document(json.loads(SEED.read_text()))
    assert isinstance(article, Article)
    upserts = upserts_of(article)
    later = dataclasses.replace(article, version=2, action="update")
    return [*upserts, *(retraction(e, later) for e in upserts)]


def _checked(value: bytes) -> Event:
    """The event ``value`` holds, after checking it against its schema and that it encodes back to ``value``."""
    document = orjson.loads(value)
    assert not schemas.errors(document["type"], document), document
    event = decode_event(value)
    assert encode_event(event) == value
    assert event_to_json(event) == document
    return event


@pytest.mark.parametrize("value", _wire(), ids=lambda v: f"{orjson.loads(v)['type']}-{orjson.loads(v)['op']}")
def test_an_event_the_untyped_code_wrote_decodes_and_encodes_to_the_same_bytes(value: bytes) -> None:
    _checked(value)


def test_every_event_derived_now_goes_through_its_schema_and_back_unchanged() -> None:
    events = _seed_events()
    assert {(type(e).__name__, e.op) for e in events} == {
        ("IncidentEvent", "upsert"), ("StatementEvent", "upsert"),
        ("IncidentRetraction", "retract"), ("StatementRetraction", "retract")}
    for event in events:
        assert _checked(encode_event(event)) == event


def _orders(value: Any, path: str = "") -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each JSON object within ``value`` by where it stands, with its keys in their order."""
    if isinstance(value, dict):
        yield path, tuple(value)
        for key, item in value.items():
            yield from _orders(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _orders(item, f"{path}[]")


def _key_orders(documents: Iterable[dict[str, Any]]) -> dict[tuple[str, str, str], set[tuple[str, ...]]]:
    found: dict[tuple[str, str, str], set[tuple[str, ...]]] = defaultdict(set)
    for document in documents:
        for path, keys in _orders(document):
            found[(document["type"], document["op"], path)].add(keys)
    return found


def test_events_derived_now_write_the_keys_the_untyped_code_wrote_in_its_order() -> None:
    """Each kind of object (an upsert, a retraction, a speaker, a date, a span) has the keys, in the order, of
    the same kind in what the untyped code wrote: a retraction carries no key its upsert did not route by."""
    written = _key_orders(orjson.loads(v) for v in _wire())
    now = _key_orders(orjson.loads(encode_event(e)) for e in _seed_events())
    assert {key for key in now if key[2] == ""} == {key for key in written if key[2] == ""}
    for key, orders in now.items():
        assert orders == written.get(key), key


@pytest.mark.parametrize("value", [b'{"type": "incident"}', b'{"type": "incident", "op": "upsert", "incident_id": "x"}',
                                   b'{"type": "alert", "op": "upsert"}', b'[1, 2]', b"{not json",
                                   b'{"type": "statement", "op": "retract", "statement_id": "s", "article_version": "2"}'])
def test_a_record_that_is_no_derived_event_is_refused_on_decoding(value: bytes) -> None:
    with pytest.raises(msgspec.DecodeError):
        decode_event(value)
    assert isinstance(read_event(value), NotAnEvent)


def test_reading_a_derived_record_never_raises_and_says_why_it_holds_no_event() -> None:
    assert read_event(None) == NotAnEvent("empty value (tombstone)")
    assert "incident_id" in cast(NotAnEvent, read_event(b'{"type": "incident", "op": "upsert"}')).reason
    value = _wire()[0]
    assert read_event(value) == decode_event(value)
