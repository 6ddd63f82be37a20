"""The view store answers every query as the in-memory fold does, in any order and with redelivery, and survives
restarts, loss and corruption of its file (plain data; the broker tests run it on real topics)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from streams.config import Settings
from streams.errors import BadSetting, DataDirUnusable, StoreBusy
from streams.model.article import Article
from streams.model.counting import moved_out_of_cells, tally_updates
from streams.model.events import Event, Retraction, encode_event, retraction
from streams.model.tallies import TallyUpdate
from streams.store.db import Identity
from streams.store.fold import Record
from streams.store.view import StoredView
from streams.view.whole import WholeView

from derived import incident, statement

INCIDENTS, STATEMENTS, TALLIES = "t.incidents", "t.statements", "t.tallies"
IDENTITY = Identity((INCIDENTS, STATEMENTS, TALLIES))
FILE_NAME = "view.sqlite3"
T0 = dt.datetime(2025, 9, 1, tzinfo=dt.timezone.utc)
QUERIES = [{}, {"kind": "airspace_violation"}, {"country": "pl"}, {"year": "2025"}, {"kind": "drone_sighting",
           "country": "EE", "year": "2024"}, {"limit": "2", "offset": "1"}, {"offset": "400"}]
STATEMENT_QUERIES = [{}, {"speaker": "ana vrabie"}, {"organization": "NATO"}, {"speaker": "Ion Rusu", "organization": "nato"},
                     {"limit": "1"}]


def _article(n: int, version: int, hours: int) -> Article:
    return Article(article_id=f"a{n}", version=version, action="publish", published_at=T0 + dt.timedelta(hours=hours),
                   headline=f"Headline {n}", body="Jets crossed the border.")


def _records(history: list[tuple[int, int, str, str, str, bool]]) -> list[Record]:
    """What the worker writes for each (article, version, kind, country, date, retracted) step: the event on its
    topic and its tally updates (the moved-out retraction first when a correction moved it to another cell)."""
    records: list[Record] = []
    live: dict[int, Retraction] = {}  # as the ledger keeps them
    offsets = {INCIDENTS: 0, STATEMENTS: 0, TALLIES: 0}

    def write(topic: str, value: Event | TallyUpdate, key: str | None = None, partition: int = 0) -> None:
        encoded = value.encode() if isinstance(value, TallyUpdate) else encode_event(value)
        records.append(Record(topic, partition, offsets[topic], encoded, key.encode() if key else None))
        offsets[topic] += 1

    for step, (n, version, kind, country, when, retracted) in enumerate(history):
        article = _article(n, version, step)
        event: Event = incident(n, kind=kind, country=country, when=when, version=version, incident_id=f"a{n}:1")
        if retracted and n in live:
            event = retraction(live.pop(n), article)
        elif retracted:
            continue
        moved = moved_out_of_cells({event.event_id: live[n]} if n in live and not retracted else None, [event],
                                   article)
        if not retracted:
            live[n] = retraction(event, article)
        write(INCIDENTS, event, partition=n % 2)
        for key, update in moved + tally_updates(event, article):
            write(TALLIES, update, key)
        speaker = statement(n, ["Ana Vrabie", "Ion Rusu"][n % 2], "NATO" if n % 3 else None, when)
        write(STATEMENTS, speaker, partition=n % 2)
        for key, update in tally_updates(speaker):
            write(TALLIES, update, key)
    return records


def _answers(view: WholeView | StoredView) -> dict:
    as_of = [T0 + dt.timedelta(hours=h) for h in (-1, 0, 2, 5, 1000)]
    cells = [(k, c, y) for k in ("airspace_violation", "drone_sighting") for c in ("EE", "PL") for y in ("2024", "2025")]
    return {
        "counts": view.counts(), "statement_counts": view.statement_counts(), "cells": view.cell_counts(),
        "as_of": [view.counts_as_of(t) for t in as_of],
        "drill": [view.drill_down(*cell).to_json() for cell in cells],
        "series": [view.series(), view.series("airspace_violation"), view.series(None, "PL")],
        "incidents": [view.incident_listing(q) for q in QUERIES],
        "statements": [view.statement_listing(q) for q in STATEMENT_QUERIES],
        "snapshot": view.snapshot(view.counts()), "held": view.held(),
    }


def _fold_memory(records: list[Record]) -> WholeView:
    view = WholeView(tally_topic=TALLIES)
    for record in records:
        view.apply(*record[:5])
    return view


def _fold_store(records: list[Record], path: Path, batch: int = 3) -> StoredView:
    view = StoredView(path / FILE_NAME, IDENTITY, TALLIES)
    for start in range(0, len(records), batch):
        view.apply_batch(records[start:start + batch])
    return view


steps = st.lists(st.tuples(st.integers(0, 5), st.integers(1, 3), st.sampled_from(["airspace_violation", "drone_sighting"]),
                           st.sampled_from(["EE", "PL"]), st.sampled_from(["2025-09-19", "2025-09-20", "2024-05", "2025"]),
                           st.booleans()), max_size=14)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=steps, order=st.randoms(use_true_random=False), redelivered=st.integers(0, 10), batch=st.integers(1, 7))
def test_the_store_answers_every_query_as_the_in_memory_fold_in_any_order_and_with_redelivery(
        tmp_path_factory: pytest.TempPathFactory, history, order, redelivered, batch) -> None:
    records = _records(history)
    # Partitions are read in order, but interleaved in any way; a crash redelivers a tail of what was read.
    by_partition: dict[tuple[str, int], list[Record]] = {}
    for record in records:
        by_partition.setdefault((record.topic, record.partition), []).append(record)
    queues = list(by_partition.values())
    shuffled: list[Record] = []
    while any(queues):
        queue = order.choice([q for q in queues if q])
        shuffled.append(queue.pop(0))
    delivered = shuffled + shuffled[len(shuffled) - redelivered:] if redelivered else shuffled
    store = _fold_store(delivered, tmp_path_factory.mktemp("store"), batch)
    try:
        assert _answers(store) == _answers(_fold_memory(records))
    finally:
        store.close()


def _sample() -> list[Record]:
    return _records([(1, 1, "airspace_violation", "EE", "2025-09-19", False), (2, 1, "airspace_violation", "PL", "2025-09-20", False),
                     (1, 2, "airspace_violation", "EE", "2024-05", False), (3, 1, "drone_sighting", "EE", "2025", False),
                     (2, 2, "airspace_violation", "PL", "2025-09-20", True)])


def test_a_restart_resumes_from_the_offsets_stored_with_what_they_applied(tmp_path: Path) -> None:
    records = _sample()
    half = len(records) // 2
    store = _fold_store(records[:half], tmp_path)
    read = store.read
    store.close()
    again = StoredView(tmp_path / FILE_NAME, IDENTITY, TALLIES)
    assert again.read == read  # where the fold resumes: nothing before it is read again
    again.apply_batch(records[half:])
    assert _answers(again) == _answers(_fold_memory(records))
    again.close()


def test_a_caught_up_store_is_ready_only_once_what_the_catch_up_changed_is_counted(tmp_path: Path) -> None:
    """Counting a large catch-up's cells and as-of timelines takes a while: a worker that said it was ready before
    would answer every query behind that work."""
    records = _sample()
    store = _fold_store(records, tmp_path)
    store.starting_ends = {topic: {p: end + 1 for p, end in parts.items()} for topic, parts in store.read.items()}
    assert not store.ready
    while store.settle_when_idle(0.0):  # a slice of no time still counts one cell: the loop ends
        assert not store.ready
    assert store.ready
    assert not store.settle()  # nothing left to count
    assert _answers(store) == _answers(_fold_memory(records))
    store.close()


def test_a_failed_batch_applies_nothing_and_stores_no_offset(tmp_path: Path) -> None:
    store = _fold_store(_sample()[:4], tmp_path)
    before = (_answers(store), dict(store.read))

    def broken():
        yield Record(INCIDENTS, 0, 99, encode_event(incident(9)))
        raise RuntimeError("the process died mid-batch")

    with pytest.raises(RuntimeError):
        store.apply_batch(broken())
    assert (_answers(store), store._stored_offsets()) == before
    store.close()


@pytest.mark.parametrize("damage", ["deleted", "garbage", "truncated", "other topics"])
def test_a_lost_or_damaged_store_is_set_aside_and_rebuilt_empty(tmp_path: Path, damage: str) -> None:
    store = _fold_store(_sample(), tmp_path)
    store.close()
    path = tmp_path / FILE_NAME
    identity = IDENTITY
    if damage == "deleted":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\x13not a database at all" * 500)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    else:
        identity = Identity(("other.incidents", "other.statements", "other.tallies"))
    rebuilt = StoredView(path, identity, TALLIES)
    assert rebuilt.read == {}  # nothing applied: the fold reads the topics from the beginning
    assert rebuilt.counts() == _fold_memory([]).counts()
    for record in _sample():
        rebuilt.apply_batch([record])
    if damage != "other topics":
        assert _answers(rebuilt) == _answers(_fold_memory(_sample()))
        assert (damage == "deleted") == (not list(tmp_path.glob(f"{FILE_NAME}.unusable-*")))
    rebuilt.close()


def test_damage_found_while_folding_rebuilds_the_store(tmp_path: Path) -> None:
    store = _fold_store(_sample(), tmp_path)
    store.rebuild("a damaged page")
    assert store.read == {} and store.held() == {"incidents": 0, "statements": 0, "cells": 0}
    store.close()


def test_a_second_process_on_the_same_store_is_told_which_holds_it(tmp_path: Path) -> None:
    first = StoredView(tmp_path / FILE_NAME, IDENTITY, TALLIES)
    script = ("import sys; from pathlib import Path; from streams.store.view import StoredView; "
              "from streams.store.db import Identity; from streams.errors import StoreBusy\n"
              "try:\n StoredView(Path(sys.argv[1]), Identity(()), 't')\n"
              "except StoreBusy as e:\n print(e); sys.exit(3)")
    other = subprocess.run([sys.executable, "-c", script, str(tmp_path / FILE_NAME)], capture_output=True, text=True)
    assert other.returncode == 3, other.stderr
    assert "in use by process" in other.stdout
    first.close()
    assert StoreBusy.fix


def test_a_stray_record_is_passed_over_as_the_in_memory_view_does(tmp_path: Path) -> None:
    records = [Record(INCIDENTS, 0, 0, b"not json"), Record(INCIDENTS, 0, 1, orjson.dumps({"type": "incident"})),
               Record(TALLIES, 0, 0, orjson.dumps({"member": "x", "op": "upsert", "value": 5}), b"incidents/x"),
               Record(INCIDENTS, 0, 2, encode_event(incident(1)))]
    store = _fold_store(records, tmp_path)
    assert _answers(store) == _answers(_fold_memory(records))
    assert store.read == {INCIDENTS: {0: 2}, TALLIES: {0: 0}}
    store.close()


def test_the_store_is_sqlite_in_wal_mode(tmp_path: Path) -> None:
    _fold_store(_sample(), tmp_path).close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_each_worker_of_a_machine_has_its_own_store_under_the_data_directory(tmp_path: Path) -> None:
    one, two = (Settings(data_dir=tmp_path, web_port=port).view_store_path() for port in (6066, 6067))
    assert one != two and one.is_relative_to(tmp_path) and two.is_relative_to(tmp_path)


def test_an_unusable_data_directory_or_view_store_setting_is_named(tmp_path: Path) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")
    with pytest.raises(DataDirUnusable, match="NEWSROOM_DATA_DIR"):
        Settings(data_dir=in_the_way).view_store_path()
    with pytest.raises(BadSetting, match="NEWSROOM_VIEW_STORE"):
        Settings(view_store="disk")
