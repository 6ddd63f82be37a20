"""Tallies and distinct-incident counting."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import msgspec
from hypothesis import given, strategies as st

from streams.model.article import Article
from streams.model.counting import (IncidentMember, apply_update, distinct_incidents, incident_clusters, incident_counts,
                              moved_out_of_cells, tally_updates)
from streams.model.events import retraction
from streams.model.tallies import Member, TallyUpdate

from derived import incident


def key(when: str, violator: str = "RU", kind: str = "airspace_violation", country: str = "PL") -> str:
    return f"{kind}:{country}:{violator}:{when}"


def report(when: str, violator: str = "RU", article: str = "", location: str | None = None) -> IncidentMember:
    """A report of an incident; each comes from an article of its own unless one is named."""
    article = article or f"wire-{when}-{violator}-{location}"
    return IncidentMember(member=f"{article}:airspace_violation:PL:{violator}:1", key=key(when, violator),
                          article=article, location=location)


def test_one_incident_reported_at_day_and_month_precision_counts_once():
    assert distinct_incidents([report("2025-09-10"), report("2025-09")]) == 1


def test_an_overnight_incident_dated_on_adjacent_days_counts_once():
    assert distinct_incidents([report("2025-09-09"), report("2025-09-10")]) == 1


def test_incidents_on_distinct_days_count_separately_even_with_a_month_mention():
    assert distinct_incidents([report("2025-09-10"), report("2025-09-19"), report("2025-09")]) == 2


def test_different_violators_are_different_incidents_but_an_unknown_one_is_absorbed():
    assert distinct_incidents([report("2025-09-10", "RU"), report("2025-09-10", "BY")]) == 2
    assert distinct_incidents([report("2025-09", "-"), report("2025-09-10", "RU")]) == 1


def test_a_month_without_any_day_report_counts_once():
    assert distinct_incidents([report("2025-08"), report("2025-08", article="wire-b"), report("2025-09-01")]) == 2


def test_incidents_one_article_tells_apart_stay_apart_however_close_their_dates():
    nights = [report("2025-09-09", article="wire-a"), report("2025-09-10", article="wire-a")]
    assert distinct_incidents(nights) == 2
    same_night = [report("2025-09-09", article="wire-a", location="Alder airport"),
                  report("2025-09-09", article="wire-a", location="Birch air base")]
    assert distinct_incidents(same_night) == 2


def test_another_article_dating_one_of_them_a_day_off_joins_the_incident_at_its_site():
    reports = [report("2025-09-09", article="wire-a", location="Alder airport"),
               report("2025-09-10", article="wire-a", location="the Birch air base"),
               report("2025-09-10", article="wire-b", location="Alder Airport")]
    assert distinct_incidents(reports) == 2


def test_two_named_sites_the_same_day_are_two_incidents_a_vague_place_is_either():
    assert distinct_incidents([report("2025-09-09", location="Alder airport"),
                               report("2025-09-09", location="the village of Birch")]) == 2
    assert distinct_incidents([report("2025-09-09", location="the village of Birch"),
                               report("2025-09-09", location="the river delta"),
                               report("2025-09-09")]) == 1


def test_a_site_and_its_state_are_one_place():
    assert distinct_incidents([report("2025-09-09", location="Alder airport"),
                               report("2025-09-09", location="northern Poland")]) == 1


def test_a_chain_of_adjacent_days_is_not_one_incident():
    assert distinct_incidents([report("2025-09-09"), report("2025-09-10"), report("2025-09-11")]) == 2


def test_upsert_and_retract_are_idempotent_and_an_older_record_cannot_undo_a_newer_one():
    upsert = TallyUpdate("upsert", "a:1", key("2025-09-10"))
    retract = TallyUpdate("retract", "a:1", key("2025-09-10"))
    tally = apply_update(apply_update(None, upsert, 5), upsert, 5)
    assert tally == {"a:1": Member(key("2025-09-10"), 5)}
    newer = apply_update(tally, msgspec.structs.replace(upsert, value=key("2025-09-11")), 9)
    assert apply_update(newer, upsert, 5) == newer
    assert apply_update(newer, retract, 10) == {}


def test_counts_table_has_the_contract_shape():
    tallies = [("incidents/airspace_violation/EE/2025", {"x": Member(key("2025-09-19", country="EE"), 1)}),
               ("incidents/drone_sighting/DK/2025", {}), ("speaker/Mark Rutte", {"s": Member("s", 2)})]
    assert incident_counts(tallies) == {"airspace_violation": {"EE/2025": 1}, "drone_sighting": {}, "article4_request": {}}


dates = st.sampled_from(["2025-09", "2025-09-09", "2025-09-10", "2025-09-19", "2025-08", "2025-08-31", "2025"])
violators = st.sampled_from(["RU", "BY", "-"])
articles = st.sampled_from(["wire-a", "wire-b", "wire-c"])
places = st.sampled_from([None, "Alder airport", "Alder", "the village of Birch", "the river delta"])


@given(st.lists(st.tuples(dates, violators, articles, places), max_size=8), st.randoms())
def test_the_count_depends_only_on_the_set_of_reports(items, rnd):
    reports = [IncidentMember(member=f"{a}:airspace_violation:PL:{v}:{n}", key=key(d, v), article=a, location=p)
               for n, (d, v, a, p) in enumerate(items)]
    shuffled = reports[:]
    rnd.shuffle(shuffled)
    assert distinct_incidents(reports) == distinct_incidents(shuffled) == distinct_incidents(set(reports + shuffled))
    most_from_one_article = max(Counter(r.article for r in set(reports)).values(), default=0)
    assert most_from_one_article <= distinct_incidents(reports) <= len(set(reports))
    assert all(len({r.article for r in c}) == len(c) for c in incident_clusters(reports))


def test_a_correction_that_moves_an_incident_to_another_year_takes_it_out_of_the_old_cell():
    article = Article(article_id="w", version=2, action="update", published_at=dt.datetime(2031, 1, 3, tzinfo=dt.timezone.utc))
    first = incident(0, country="PL", incident_id="w:1", incident_key=key("2030-12-31"))
    corrected = msgspec.structs.replace(first, incident_key=key("2031-01-02"))
    ((old_cell, update),) = moved_out_of_cells({"w:1": retraction(first, article)}, [corrected], article)
    assert (old_cell, update.op, update.member) == ("incidents/airspace_violation/PL/2030", "retract", "w:1")
    assert moved_out_of_cells({"w:1": retraction(first, article)}, [msgspec.structs.replace(first, count=2)], article) == []
    assert moved_out_of_cells(None, [corrected], article) == []
    tallies = {}
    for cell, change in tally_updates(first) + [(old_cell, update)] + tally_updates(corrected):
        tallies[cell] = apply_update(tallies.get(cell), change, len(tallies))
    assert incident_counts(tallies.items())["airspace_violation"] == {"PL/2031": 1}
