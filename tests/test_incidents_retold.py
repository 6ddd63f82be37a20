"""The story's incident called back by "the incident" with its own day and place; on invented sentences (published
Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def _incidents(body: str, headline: str = "Test story") -> list[tuple[str, str, str | None, str | None]]:
    return sorted((i.kind, i.country, i.occurred_on.value if i.occurred_on else None, i.location)
                  for i in run(body, headline=headline).incidents)


def test_the_incident_happened_on_a_day_near_a_place_dates_and_places_the_headline_violation() -> None:
    found = _incidents("Norway's air force said the incident happened near Kirkenes on Sunday. It did not say how "
                       "long the aircraft stayed.", headline="Russian helicopter violates Norwegian airspace")
    assert found == [("airspace_violation", "NO", "2025-10-05", "Kirkenes")]


def test_the_sighting_occurred_on_a_day_dates_the_sighting_reported() -> None:
    found = _incidents("Drones were reported above Aarhus airport, Danish police said on Tuesday.\n"
                       "The sighting occurred shortly before midnight on Monday, they added.")
    assert found == [("drone_sighting", "DK", "2025-10-06", "Aarhus airport")]


def test_an_incident_with_no_day_of_its_own_leaves_the_report_as_it_was() -> None:
    found = _incidents("Norway's air force said the incident was being investigated.",
                       headline="Russian helicopter violates Norwegian airspace")
    assert found == [("airspace_violation", "NO", "2025-10-08", None)]


def _durations(body: str, headline: str = "Test story") -> list[float | None]:
    return [i.duration_minutes for i in run(body, headline=headline).incidents]


def test_the_violation_lasted_some_minutes_gives_the_reported_violation_its_duration() -> None:
    assert _durations("A Belarusian helicopter crossed into Latvian airspace near Kraslava on Sunday.\n"
                      "The violation lasted roughly six minutes, the border guard said.") == [6.0]


def test_a_previous_violation_that_lasted_some_minutes_is_no_duration_of_this_one() -> None:
    assert _durations("A Belarusian helicopter crossed into Latvian airspace near Kraslava on Sunday.\n"
                      "The previous violation lasted roughly six minutes, the border guard said.") == [None]


def test_drones_first_noted_over_a_base_on_a_day_were_seen_there_then() -> None:
    found = _incidents("Drones were first noted over Aalborg air base on Oct. 3, 2025, Danish officials confirmed "
                       "on Tuesday.")
    assert found == [("drone_sighting", "DK", "2025-10-03", "Aalborg air base")]


def test_a_speaker_who_noted_that_drones_are_a_risk_reports_none() -> None:
    assert _incidents("Danish officials noted that drones are a growing risk to air bases.") == []
