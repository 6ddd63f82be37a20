"""Counts as of a time served from the store's per-cell timelines equal the fold of each cell's history
(:func:`streams.model.asof.counts_as_of`) at every time, whatever the order, duplication and batching of the tally
updates; and counting a cell block by block equals clustering it whole."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from streams.model.asof import History, counts_as_of, record
from streams.model.counting import CellCount, IncidentMember, distinct_incidents, incident_counts, update_in_place
from streams.model.tallies import Tally, TallyUpdate
from streams.model.tally_records import TallyRecord, decode_tally
from streams.store.db import Identity
from streams.store.fold import Record
from streams.store.view import StoredView

TALLIES = "t.tallies"
IDENTITY = Identity(("t.incidents", "t.statements", TALLIES))
T0 = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
# Dates that join months (the last day of one, the first of the next), a month, the year alone, and a lone day.
DATES = ["2025-01-31", "2025-02-01", "2025-02-02", "2025-02", "2025-01", "2025-01-30", "2025", "2025-03-15"]
VIOLATORS = ["RU", "BY", "-"]
PLACES = [None, "the Alder air base", "Alder airport", "the village of Birch"]
CELLS = [("airspace_violation", "EE"), ("airspace_violation", "PL"), ("drone_sighting", "EE")]

members = st.builds(lambda n, article, when, violator, place: IncidentMember(
    f"a{article}:m{n}", f"airspace_violation:EE:{violator}:{when}", f"a{article}", place),
    st.integers(0, 9), st.integers(0, 3), st.sampled_from(DATES), st.sampled_from(VIOLATORS), st.sampled_from(PLACES))


@given(st.lists(st.tuples(st.integers(0, 9), st.none() | members), max_size=40))
def test_a_cell_counted_block_by_block_after_each_change_is_the_whole_cell_clustered(changes) -> None:
    cell, live = CellCount(), {}
    for member_id, member in changes:
        member = None if member is None else IncidentMember(f"m{member_id}", member.key, member.article, member.location)
        cell.set(f"m{member_id}", member)
        live.pop(f"m{member_id}", None)
        if member is not None:
            live[f"m{member_id}"] = member
        assert cell.count() == distinct_incidents(live.values())


def test_year_only_reports_join_the_incidents_in_the_order_they_were_started_whatever_their_months() -> None:
    """A report dated to a day of February starts its incident before one dated only to January: a year-only report
    that may be either joins the first, and another of its article then goes to the second only if it may be one."""
    reports = [IncidentMember("a0:m0", "airspace_violation:EE:RU:2025-02-01", "a0"),
               IncidentMember("a1:m1", "airspace_violation:EE:BY:2025-01", "a1"),
               IncidentMember("a2:m2", "airspace_violation:EE:-:2025", "a2"),
               IncidentMember("a2:m3", "airspace_violation:EE:RU:2025", "a2")]
    cell = CellCount()
    for report in reports:
        cell.set(report.member, report)
    assert cell.count() == distinct_incidents(reports) == 3


# One change: (cell, member, new version or the same one again, retract, date, violator, place, article, hours).
changes = st.lists(st.tuples(st.integers(0, len(CELLS) - 1), st.integers(0, 3), st.booleans(), st.booleans(),
                             st.sampled_from(DATES), st.sampled_from(VIOLATORS), st.sampled_from(PLACES),
                             st.integers(0, 3), st.integers(-3, 40)), max_size=40)


def _tally_records(history: list[tuple]) -> list[Record]:
    """Each change as the tally agent's record: one partition per cell, offsets in order, a member's versions rising
    with its offsets (as the ledger writes them), publication times in any order."""
    records, offsets, versions = [], [0] * len(CELLS), {}
    for cell, member, new_version, retract, when, violator, place, article, hours in history:
        kind, country = CELLS[cell]
        version = versions.get((cell, member), 0) + (new_version or (cell, member) not in versions)
        versions[(cell, member)] = version
        update = TallyUpdate("retract" if retract else "upsert", f"a{article}:{kind}:{country}:x:{member}",
                             f"{kind}:{country}:{violator}:{when}",
                             (T0 + dt.timedelta(hours=hours)).isoformat().replace("+00:00", "Z"), version,
                             {"article_id": f"a{article}", "location": place})
        records.append(Record(TALLIES, cell, offsets[cell], update.encode(), f"incidents/{kind}/{country}/2025".encode()))
        offsets[cell] += 1
    return records


def _delivered(records: list[Record], rnd: random.Random, redelivered: int, stale: int) -> list[Record]:
    """Partitions read in parallel (interleaved any way, each in order), then a tail read again after a crash, then
    some older records again in any order (which change nothing)."""
    queues: dict[int, list[Record]] = {}
    for record in records:
        queues.setdefault(record.partition, []).append(record)
    shuffled = []
    while any(queues.values()):
        queue = rnd.choice([q for q in queues.values() if q])
        shuffled.append(queue.pop(0))
    tail = shuffled[len(shuffled) - redelivered:] if redelivered else []
    return shuffled + tail + rnd.sample(records, min(stale, len(records)))


def _folded(delivered: list[Record]) -> tuple[dict[str, History], dict[str, Tally]]:
    """The histories (:func:`streams.model.asof.record`) and live tallies the tally agent folds from the records."""
    histories: dict[str, History] = {}
    tallies: dict[str, Tally] = {}
    for tally in delivered:
        decoded = decode_tally(tally.key, tally.value)
        assert isinstance(decoded, TallyRecord)
        histories[decoded.cell] = record(histories.get(decoded.cell), decoded.update, tally.offset)
        update_in_place(tallies.setdefault(decoded.cell, {}), decoded.update, tally.offset)
    return histories, tallies


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=changes, order=st.randoms(use_true_random=False), redelivered=st.integers(0, 30), stale=st.integers(0, 6),
       batch=st.integers(1, 9), asked=st.lists(st.integers(-4, 42), max_size=4))
def test_counts_as_of_from_the_timelines_equal_the_fold_of_the_histories_at_every_time(
        tmp_path_factory: pytest.TempPathFactory, history, order, redelivered, stale, batch, asked) -> None:
    delivered = _delivered(_tally_records(history), order, redelivered, stale)
    histories, tallies = _folded(delivered)
    store = StoredView(tmp_path_factory.mktemp("store") / "view.sqlite3", IDENTITY, TALLIES)
    try:
        for start in range(0, len(delivered), batch):
            store.apply_batch(delivered[start:start + batch])
            if asked:  # a query between batches counts the timelines so far; later changes may precede it in time
                store.counts_as_of(T0 + dt.timedelta(hours=asked[start % len(asked)]))
        times = sorted({T0 + dt.timedelta(hours=h, minutes=m) for h in range(-4, 42) for m in (-1, 0, 1)})
        for as_of in times:
            assert store.counts_as_of(as_of) == counts_as_of(histories.items(), as_of), as_of
        after = T0 + dt.timedelta(days=3)
        if not stale:  # the live table forgets a retracted member, so an older record re-read after it revives it
            assert store.counts_as_of(after) == store.counts() == incident_counts(tallies.items())
    finally:
        store.close()


def test_a_change_published_before_the_timeline_so_far_counts_it_again_from_there(tmp_path: Path) -> None:
    """Two reports of one incident by different articles count once from the later one's publication; a third
    article's report of another place published between them, arriving last, makes two from its own time."""
    history = [(0, 0, True, False, "2025-02-01", "RU", "the Alder air base", 0, 10),
               (0, 1, True, False, "2025-02-01", "RU", None, 1, 20),
               (0, 2, True, False, "2025-02-01", "RU", "the village of Birch", 2, 15)]
    records = _tally_records(history)
    store = StoredView(tmp_path / "view.sqlite3", IDENTITY, TALLIES)
    try:
        store.apply_batch(records[:2])
        at = [store.counts_as_of(T0 + dt.timedelta(hours=h))["airspace_violation"] for h in (9, 10, 16, 20)]
        assert at == [{}, {"EE/2025": 1}, {"EE/2025": 1}, {"EE/2025": 1}]
        store.apply_batch(records[2:])
        at = [store.counts_as_of(T0 + dt.timedelta(hours=h))["airspace_violation"] for h in (9, 10, 16, 20)]
        assert at == [{}, {"EE/2025": 1}, {"EE/2025": 2}, {"EE/2025": 2}]
    finally:
        store.close()


def test_a_version_published_again_later_moves_its_change_point(tmp_path: Path) -> None:
    """An article version's record written again with another publication time replaces the first: the incident is
    no longer counted from the first time."""
    records = _tally_records([(0, 0, True, False, "2025-02-01", "RU", None, 0, 10),
                              (0, 0, False, False, "2025-02-01", "RU", None, 0, 20)])
    store = StoredView(tmp_path / "view.sqlite3", IDENTITY, TALLIES)
    try:
        store.apply_batch(records[:1])
        assert store.counts_as_of(T0 + dt.timedelta(hours=15))["airspace_violation"] == {"EE/2025": 1}
        store.apply_batch(records[1:])
        at = [store.counts_as_of(T0 + dt.timedelta(hours=h))["airspace_violation"] for h in (15, 20)]
        assert at == [{}, {"EE/2025": 1}]
    finally:
        store.close()
