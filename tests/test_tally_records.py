"""Records of the internal tally topic are checked before any fold: forged or keyless ones are refused."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings, strategies as st

from derived import incident, retracted, statement
from streams.model.counting import tally_updates
from streams.model.tally_records import BadTally, TallyRecord, decode_tally
from streams.view.whole import WholeView

CELL = b"incidents/airspace_violation/EE/2025"
TALLIES = "t.newsroom.internal.tallies"


@pytest.mark.parametrize("key, value, fragment", [
    (CELL, orjson.dumps({"member": "evil", "op": "upsert", "value": 5}), "value: 5 is not of type 'string'"),
    (None, orjson.dumps({"member": "m", "op": "upsert", "value": "v"}), "no key"),
    (b"", orjson.dumps({"member": "m", "op": "upsert", "value": "v"}), "no key"),
    (CELL, None, "tombstone"),
    (b"\xff", b"{}", "UTF-8"),
    (CELL, b"{not json", "not JSON"),
    (CELL, b"[]", "not a JSON object"),
    (b"nowhere/x", orjson.dumps({"member": "m", "op": "upsert", "value": "v"}), "no count cell"),
    (CELL, orjson.dumps({"member": "m", "op": "upsert", "value": "not-a-key"}), "no incident key"),
    (CELL, orjson.dumps({"member": "m", "op": "upsert", "value": "airspace_violation:EE:RU:2025-02-30"}), "no incident key"),
    (CELL, orjson.dumps({"member": "m", "op": "upsert", "value": "airspace_violation:LV:RU:2025-02-03"}), "another cell"),
    (CELL, orjson.dumps({"member": "m", "op": "erase", "value": "airspace_violation:EE:RU:2025"}), "op"),
    (CELL, orjson.dumps({"member": "m", "op": "upsert", "value": "airspace_violation:EE:RU:2025",
                         "published_at": "2025-09-01T00:00:00", "version": 1}), "published_at"),
    (CELL, orjson.dumps({"member": "m", "op": "upsert", "value": "airspace_violation:EE:RU:2025",
                         "report": {"occurred_on": "yesterday"}}), "occurred_on"),
])
def test_a_record_that_is_no_tally_update_is_refused_with_a_reason(key, value, fragment) -> None:
    found = decode_tally(key, value)
    assert isinstance(found, BadTally) and fragment in found.reason, found


def test_every_update_the_worker_writes_is_accepted() -> None:
    for event in [incident(1), retracted(incident(2, when="2025-09")), statement(3, "Jane Doe", "NATO", None)]:
        for key, update in tally_updates(event):
            assert update.encode() == orjson.dumps(update.to_json())
            assert decode_tally(key.encode(), update.encode()) == TallyRecord(key, update)


@settings(max_examples=300, deadline=None)
@given(st.none() | st.binary(max_size=40), st.none() | st.binary(max_size=200))
def test_arbitrary_records_never_raise(key, value) -> None:
    assert isinstance(decode_tally(key, value), (TallyRecord, BadTally))


def test_the_whole_view_skips_a_forged_and_a_keyless_record_and_still_counts() -> None:
    view = WholeView(tally_topic=TALLIES)
    key, update = tally_updates(incident(1))[0]
    view.apply(TALLIES, 0, 0, update.encode(), key.encode())
    view.apply(TALLIES, 0, 1, orjson.dumps({"member": "evil", "op": "upsert", "value": 5}), CELL)
    view.apply(TALLIES, 1, 0, update.encode(), None)
    assert view.counts()["airspace_violation"] == {"EE/2025": 1}
    assert list(view.tallies[key]) == [update.member]
    assert view.read == {TALLIES: {0: 1, 1: 0}}
