"""Flights that were watched but entered no state's airspace, and sites placed by their own phrase; on invented
sentences, each beside a near miss that does report."""

from __future__ import annotations

from articles import run


def _reports(body: str) -> list[tuple[str, str, str | None]]:
    return sorted((i.kind, i.country, i.violator) for i in run(body).incidents)


def test_a_drone_in_a_states_air_defence_zone_is_in_no_airspace() -> None:
    assert _reports("An Iranian drone circled inside Oman's ADIZ for an hour on Monday before heading home, Muscat "
                    "said.") == []
    assert _reports("A Chinese drone flew into the Philippines' air defence identification zone on Tuesday.") == []


def test_a_drone_over_a_states_island_beside_its_zone_still_reports() -> None:
    assert _reports("A Chinese drone flew over Japan's Yonaguni island on Monday, the defence ministry said.") == [
        ("airspace_violation", "JP", "CN")]


def test_a_negative_adverbial_before_a_long_subject_denies_the_entry() -> None:
    assert _reports("At no stage did the intruders - a tanker and the pair of fighters guarding it - stray into "
                    "Latvian airspace, according to officials.") == []


def test_the_same_entry_without_the_negative_reports() -> None:
    assert _reports("Two Russian planes - a tanker and the fighter guarding it - strayed into Latvian airspace on "
                    "Monday, according to officials.") == [("airspace_violation", "LV", "RU")]


def test_a_named_base_its_own_phrase_places_is_not_where_a_town_of_that_name_lies() -> None:
    # Kingston is also a capital elsewhere; the base's own "in Canada" says where this one is
    found = run("Drones hovered over Kingston Air Base in Canada for two nights, officials said on Friday.")
    assert sorted(i.country for i in found.incidents) == ["CA"]


def test_plural_bases_a_state_runs_are_placed_like_one() -> None:
    found = run("Drones were seen near British bases in Cyprus on Sunday night, the ministry said.")
    assert [(i.kind, i.country) for i in found.incidents] == [("drone_sighting", "CY")]


def test_an_entry_a_drill_stages_is_no_incident() -> None:
    assert _reports("The drill simulated an enemy helicopter entering Latvian airspace near the border.") == []
    assert _reports("Finnish pilots practised downing drones entering the country's airspace from the east.") == []


def test_an_entry_during_a_drill_is_one() -> None:
    assert _reports("A Belarusian helicopter entered Latvian airspace during the drill, the army said.") == [
        ("airspace_violation", "LV", "BY")]


def test_a_habit_told_on_the_verb_an_entry_is_the_purpose_of_reports_none() -> None:
    assert _reports("Drones are increasingly used to fly contraband across the border into Latvia, the police say.") == []


def test_an_entry_that_was_the_purpose_of_a_dated_flight_reports_one() -> None:
    assert [c for _, c, _ in _reports(
        "Drones were used to fly contraband across the border into Latvia on Friday, the police said.")] == ["LV"]


def test_a_drone_radars_tracked_crossing_into_a_state_entered_it() -> None:
    assert [c for _, c, _ in _reports("Radars tracked a drone crossing into Estonia on Sunday, the army said.")] == [
        "EE"]


def test_a_drone_radars_tracked_crossing_open_water_entered_nothing() -> None:
    assert _reports("Radars tracked a drone crossing the Baltic Sea on Sunday, the army said.") == []


def test_a_balloon_seen_only_over_a_strait_named_after_a_state_is_in_no_state() -> None:
    assert _reports("A Chinese balloon flew over the Korea Strait on Monday, Seoul said.") == []


def test_a_balloon_seen_over_a_strait_and_a_town_is_over_the_town() -> None:
    assert _reports("A Chinese balloon flew over the Korea Strait and then over Busan on Monday, Seoul said.") == [
        ("airspace_violation", "KR", "CN")]
