"""Count cells and distinct-incident counting."""

from __future__ import annotations

from hypothesis import given, strategies as st

from streams.counting import cells, distinct_incidents, incident_counts, statement_counts

from derived import incident, statement


def key(when: str, violator: str = "RU", kind: str = "airspace_violation", country: str = "PL") -> str:
    return f"{kind}:{country}:{violator}:{when}"


def test_one_incident_reported_at_day_and_month_precision_counts_once():
    assert distinct_incidents([key("2025-09-10"), key("2025-09")]) == 1


def test_an_overnight_incident_dated_on_adjacent_days_counts_once():
    assert distinct_incidents([key("2025-09-09"), key("2025-09-10")]) == 1


def test_incidents_on_distinct_days_count_separately_even_with_a_month_mention():
    assert distinct_incidents([key("2025-09-10"), key("2025-09-19"), key("2025-09")]) == 2


def test_different_violators_are_different_incidents_but_an_unknown_one_is_absorbed():
    assert distinct_incidents([key("2025-09-10", "RU"), key("2025-09-10", "BY")]) == 2
    assert distinct_incidents([key("2025-09", "-"), key("2025-09-10", "RU")]) == 1


def test_a_month_without_any_day_report_counts_once():
    assert distinct_incidents([key("2025-08"), key("2025-08"), key("2025-09-01")]) == 2


def test_an_incident_is_counted_in_the_cell_of_its_latest_version_only():
    first = incident(1, when="2024-12-31")
    corrected = {**first, "incident_key": "airspace_violation:EE:RU:2025-01-01", "article_version": 2,
                 "occurred_on": {"value": "2025-01-01", "precision": "day"}}
    live = {e["incident_id"]: e for e in [first, corrected]}  # what a view holds: the latest per id
    assert incident_counts(cells(live.values()).items())["airspace_violation"] == {"EE/2025": 1}


def test_counts_table_has_the_contract_shape():
    live = [incident(1, country="EE"), incident(2, kind="drone_sighting", country="DK", when="2025-09"),
            statement(3, "Ana Vrabie", "Ministry of Defence", None)]
    table = incident_counts(cells(live).items())
    assert table == {"airspace_violation": {"EE/2025": 1}, "drone_sighting": {"DK/2025": 1}, "article4_request": {}}
    assert statement_counts(cells(live).items()) == {"speaker": {"Ana Vrabie": 1}, "organization": {"Ministry of Defence": 1}}


dates = st.sampled_from(["2025-09", "2025-09-09", "2025-09-10", "2025-09-19", "2025-08", "2025-08-31", "2025"])
violators = st.sampled_from(["RU", "BY", "-"])


@given(st.lists(st.tuples(dates, violators), max_size=8), st.randoms())
def test_the_count_depends_only_on_the_set_of_keys(items, rnd):
    keys = [key(d, v) for d, v in items]
    shuffled = keys[:]
    rnd.shuffle(shuffled)
    assert distinct_incidents(keys) == distinct_incidents(shuffled) == distinct_incidents(set(keys))
    assert distinct_incidents(keys) <= len(set(keys))
