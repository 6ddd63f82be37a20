"""Incident recall on how news narrates and hedges: days counted on from the last one named, timeline headings,
repetition, hedged objects, places named by their sites (invented sentences, published Wednesday 2025-10-08 unless
said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> list[IncidentFact]:
    return list(run(body, **kwargs).incidents)


def days(body: str, kind: str, country: str, **kwargs: str) -> list[str | None]:
    return sorted(i.occurred_on.value if i.occurred_on else None for i in incidents(body, **kwargs)
                  if (i.kind, i.country) == (kind, country))


# --- Days counted on from the day named before ---------------------------------------------------------------------


def test_a_day_or_days_later_counts_on_from_the_last_day_named() -> None:
    assert days("A Belarusian drone crossed into Latvian airspace on Sept. 14. A day later, another Belarusian drone "
                "entered Latvian airspace near Daugavpils.", "airspace_violation", "LV") == ["2025-09-14", "2025-09-15"]
    assert days("Russian jets crossed into Finnish airspace on Monday. Two days later, a Russian helicopter entered "
                "Finnish airspace near Kotka.", "airspace_violation", "FI") == ["2025-10-06", "2025-10-08"]


def test_the_next_or_following_day_or_night_is_the_day_after_the_last_named() -> None:
    assert days("Drones were seen over Copenhagen airport on Aug. 21. The next day, drones were spotted over Aalborg "
                "air base.", "drone_sighting", "DK") == ["2025-08-21", "2025-08-22"]
    assert days("Drones were reported over Eindhoven airport on 12 July. The following night, drones were seen over "
                "Volkel air base.", "drone_sighting", "NL") == ["2025-07-12", "2025-07-13"]


def test_a_second_night_is_the_night_after_the_one_named() -> None:
    assert days("Drones were seen over Bremen airport on Oct. 2. Drones were spotted over Munich airport for a "
                "second night, the police said.", "drone_sighting", "DE") == ["2025-10-02", "2025-10-03"]


def test_a_day_counted_on_does_not_move_a_date_the_clause_gives_nor_stand_without_a_day_before() -> None:
    assert days("A Russian jet entered Estonian airspace on May 3. A week later, a Russian helicopter crossed into "
                "Estonian airspace near Narva on May 9.", "airspace_violation", "EE") == ["2025-05-03", "2025-05-09"]
    # a month named before is no day to count on from
    assert days("Drones were reported over Turku in August. The next day, a drone was spotted over Turku airport.",
                "drone_sighting", "FI") != ["2025-08-02"]
    # an event of what comes next is no incident
    assert days("Drones were spotted over Oslo airport on Monday. Officials will meet the next day.",
                "drone_sighting", "NO") == ["2025-10-06"]


# --- Timeline headings and nights across two dates ------------------------------------------------------------------


def test_a_dash_bulleted_date_heading_dates_its_line() -> None:
    body = ("Incidents so far:\n- Aug. 25: Drones were spotted over Aalborg airport overnight.\n"
            "\u2013 Aug. 28: A drone was seen over Karup air base overnight.")
    assert days(body, "drone_sighting", "DK") == ["2025-08-25", "2025-08-28"]


def test_a_night_across_two_dates_is_the_first_nights_date_not_the_night_before_publication() -> None:
    assert days("Belarusian balloons drifted into Lithuanian airspace overnight on Sept. 19-20, the border guard "
                "said.", "airspace_violation", "LT") == ["2025-09-19"]
    assert days("Russian drones violated Romanian airspace overnight on Sept. 3.", "airspace_violation",
                "RO") == ["2025-09-03"]
    # "overnight" with no date after it is still the night before publication
    assert days("Russian drones violated Romanian airspace overnight, officials said on Sept. 30.",
                "airspace_violation", "RO") != ["2025-10-08"]
