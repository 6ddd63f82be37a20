"""Counts as of a time (a fold of each cell's history) and count-change alerts: pure functions."""

from __future__ import annotations

import datetime as dt

import msgspec
from hypothesis import given, strategies as st

from streams import schemas
from streams.model.alerts import cell_alert
from streams.model.article import Article
from streams.model.asof import counts_as_of, members_as_of, record
from streams.model.counting import apply_update, incident_counts, moved_out_of_cells, tally_count, tally_updates
from streams.model.events import Event, retraction

from derived import incident

T0 = dt.datetime(2031, 6, 1, 12, tzinfo=dt.timezone.utc)


def _article(version: int, hours: float, action: str = "publish") -> Article:
    return Article(article_id="wire-9", version=version, action=action, published_at=T0 + dt.timedelta(hours=hours),
                   headline="Jets near the coast", body="Two jets crossed into the airspace of Lumeria on Monday.")


def _event(article: Article, when: str, op: str = "upsert") -> Event:
    upsert = incident(0, country="LV", incident_id="wire-9:airspace_violation:LV:RU:1",
                      incident_key=f"airspace_violation:LV:RU:{when}", article_id=article.article_id,
                      article_version=article.version, attribution=None, platform=None, occurred_on=None, evidence=())
    return retraction(upsert, article) if op == "retract" else upsert


def _fold(changes: list[tuple[Event, Article]]) -> tuple[dict, dict]:
    """Tallies and histories after the changes, as the tally agent keeps them."""
    tallies: dict = {}
    histories: dict = {}
    live: dict = {}  # the ledger's view: the incident's latest version, as its retraction template
    for offset, (event, article) in enumerate(changes):
        for key, update in moved_out_of_cells(live, [event], article) + tally_updates(event, article):
            tallies[key] = apply_update(tallies.get(key), update, offset)
            histories[key] = record(histories.get(key), update, offset)
        if (known := live.get(event.event_id)) is None or known.article_version < article.version:
            live[event.event_id] = retraction(event, article)
    return tallies, histories


def test_as_of_before_a_kill_counts_the_incident_and_after_it_does_not():
    first, kill = _article(1, 0), _article(2, 5, "kill")
    tallies, histories = _fold([(_event(first, "2031-05-30"), first),
                                (_event(kill, "2031-05-30", "retract"), kill)])
    before = counts_as_of(histories.items(), T0 + dt.timedelta(hours=1))
    after = counts_as_of(histories.items(), T0 + dt.timedelta(hours=6))
    assert before["airspace_violation"] == {"LV/2031": 1}
    assert after == incident_counts(tallies.items()) == {"airspace_violation": {}, "drone_sighting": {},
                                                          "article4_request": {}}
    assert counts_as_of(histories.items(), T0 - dt.timedelta(days=1))["airspace_violation"] == {}


def test_as_of_a_correction_that_moves_the_date_to_another_year_uses_the_version_published_by_then():
    first, corrected = _article(1, 0), _article(2, 3)
    _, histories = _fold([(_event(first, "2030-12-31"), first), (_event(corrected, "2031-01-02"), corrected)])
    assert counts_as_of(histories.items(), T0 + dt.timedelta(hours=1))["airspace_violation"] == {"LV/2030": 1}
    assert counts_as_of(histories.items(), T0 + dt.timedelta(hours=4))["airspace_violation"] == {"LV/2031": 1}


def test_recording_is_idempotent_and_an_older_record_read_again_changes_nothing():
    article = _article(1, 0)
    ((_, update),) = tally_updates(_event(article, "2031-05-30"), article)
    once = record(None, update, 4)
    assert record(once, update, 4) == once
    assert record(record(once, update, 7), update, 4) == record(once, update, 7)
    assert record(None, msgspec.structs.replace(update, published_at=msgspec.UNSET), 4) == {}


@given(st.permutations(range(4)))
def test_as_of_any_time_gives_the_latest_version_published_by_then_whatever_the_processing_order(order):
    versions = [_article(v + 1, v * 2) for v in range(4)]  # published at hours 0, 2, 4, 6
    dates = ["2031-05-01", "2031-05-20", "2031-05-07", "2031-05-02"]
    _, histories = _fold([(_event(versions[i], dates[i]), versions[i]) for i in order])
    history = histories["incidents/airspace_violation/LV/2031"]
    assert members_as_of(history, T0 - dt.timedelta(hours=1)) == []
    for hours in (0, 1, 3, 5, 7):
        latest = min(hours // 2, 3)
        live = members_as_of(history, T0 + dt.timedelta(hours=hours))
        assert [m.key for m in live] == [f"airspace_violation:LV:RU:{dates[latest]}"]


def test_an_alert_says_which_cell_moved_which_way_and_is_valid_against_its_schema():
    article = _article(1, 0)
    ((key, update),) = tally_updates(_event(article, "2031-05-30"), article)
    before, after = {}, apply_update(None, update, 3)
    alert = cell_alert(key, tally_count(key, before), tally_count(key, after), update, 2, 3, T0)
    assert alert is not None and not schemas.errors("alert", alert.to_json())
    assert (alert.change, alert.previous, alert.count, alert.alert_id) == (
        "new_incident", 0, 1, "airspace_violation/LV/2031@2:3")
    assert alert.headline == "Jets near the coast"
    gone = cell_alert(key, 1, 0, update.retracted(), 2, 9, T0)
    assert gone is not None and gone.change == "retraction"
    assert cell_alert(key, 1, 1, update, 2, 4, T0) is None
