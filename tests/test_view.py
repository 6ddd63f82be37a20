"""The whole view: a fold of derived-topic records, on plain data (the broker tests run it on real topics)."""

from __future__ import annotations

import msgspec
from hypothesis import given, strategies as st

from streams.model.counting import tally_updates
from streams.model.events import Event, encode_event, event_type
from streams.view.whole import WholeView

from derived import incident, retracted, statement

INCIDENTS, STATEMENTS, TALLIES = "t.incidents", "t.statements", "t.tallies"


def _fold(records: list[tuple[str, int, Event]]) -> WholeView:
    """Each derived event as the worker writes it: on its topic, and its tally updates on the tally topic."""
    view = WholeView(tally_topic=TALLIES)
    for offset, (topic, partition, event) in enumerate(records):
        view.apply(topic, partition, offset, encode_event(event))
        for key, update in tally_updates(event):
            view.apply(TALLIES, partition, offset, update.encode(), key.encode())
    return view


def test_the_latest_upsert_per_id_is_live_and_a_retraction_removes_it() -> None:
    first, second = incident(1, when="2025-09-19"), incident(2, country="PL", when="2025-09-10")
    corrected = msgspec.structs.replace(first, article_version=2, duration_minutes=12.0)
    view = _fold([(INCIDENTS, 0, first), (INCIDENTS, 1, second), (INCIDENTS, 0, corrected),
                  (INCIDENTS, 1, retracted(second)), (STATEMENTS, 2, statement(3, "Ana Vrabie", None, None))])
    assert list(view.incidents.values()) == [corrected]
    assert view.counts() == {"airspace_violation": {"EE/2025": 1}, "drone_sighting": {}, "article4_request": {}}
    assert view.statement_counts() == {"speaker": {"Ana Vrabie": 1}, "organization": {}}
    assert view.read == {INCIDENTS: {0: 2, 1: 3}, STATEMENTS: {2: 4}, TALLIES: {0: 2, 1: 3, 2: 4}}


events = st.sampled_from([incident(1), incident(2, country="PL"), incident(3, kind="drone_sighting", when="2025-09"),
                          statement(4, "Ana Vrabie", "Ministry of Defence", "2025-09-20")])


@given(st.lists(st.tuples(events, st.booleans()), max_size=10), st.lists(st.integers(0, 9), max_size=5))
def test_a_record_delivered_again_right_after_itself_changes_nothing(items, repeats) -> None:
    records = [(INCIDENTS if event_type(e) == "incident" else STATEMENTS, 0, retracted(e) if gone else e) for e, gone in items]
    doubled = []
    for n, record in enumerate(records):  # at-least-once: a record written twice lands twice, in order
        doubled += [record, record] if n in repeats else [record]
    once, twice = _fold(records), _fold(doubled)
    assert (once.incidents, once.statements, once.counts()) == (twice.incidents, twice.statements, twice.counts())


def test_ready_only_once_everything_written_before_the_start_has_been_read() -> None:
    view = WholeView()
    assert not view.ready  # not begun
    view.starting_ends = {INCIDENTS: {0: 2, 1: 0}, STATEMENTS: {0: 1}}
    view.apply(INCIDENTS, 0, 0, encode_event(incident(1)))
    view.apply(STATEMENTS, 0, 0, encode_event(statement(2, "Ana Vrabie", None, None)))
    assert not view.ready  # incidents partition 0 has offset 1 still unread
    view.apply(INCIDENTS, 0, 1, encode_event(incident(3)))
    assert view.ready  # an empty partition (end 0) needs nothing read


def test_a_record_that_is_no_event_is_passed_over_and_the_view_goes_on() -> None:
    view = WholeView()
    for offset, value in enumerate([b"{not json", b"[1, 2]", b'{"type": "incident"}', None, encode_event(incident(1))]):
        view.apply(INCIDENTS, 0, offset, value)
    assert list(view.incidents) == [incident(1).incident_id]
    assert view.read == {INCIDENTS: {0: 4}}


def test_a_record_on_the_tally_topic_that_is_no_update_is_passed_over() -> None:
    view = WholeView(tally_topic=TALLIES)
    for offset, value in enumerate([b"{not json", b"[1]", b'{"op": "upsert"}']):
        view.apply(TALLIES, 0, offset, value, b"incidents/airspace_violation/EE/2025")
    view.apply(TALLIES, 0, 3, tally_updates(incident(1))[0][1].encode(), b"incidents/airspace_violation/EE/2025")
    assert view.counts()["airspace_violation"] == {"EE/2025": 1}
    assert view.read == {TALLIES: {0: 3}}
