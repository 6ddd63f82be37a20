"""A base or airport named only by who runs it, placed by the town an "in" phrase gives; on invented sentences."""

from __future__ import annotations

from articles import run


def _places(body: str) -> list[tuple[str, str | None]]:
    return [(i.country, i.location) for i in run(body).incidents]


def test_an_air_force_base_in_a_town_is_at_that_town() -> None:
    assert _places("Drones were seen circling over the U.S. Air Force base in Ramstein, Germany, late on Friday.") == [
        ("DE", "Ramstein")]


def test_an_alliance_base_in_a_town_is_at_that_town() -> None:
    assert _places("Two drones hovered above the NATO air base in Geilenkirchen for an hour on Friday night.") == [
        ("DE", "Geilenkirchen")]


def test_a_states_air_force_base_in_a_town_is_at_that_town() -> None:
    assert _places("Soldiers saw three drones over the Danish Air Force base in Skrydstrup on Friday evening.") == [
        ("DK", "Skrydstrup")]


def test_a_base_with_a_name_of_its_own_keeps_it() -> None:
    assert _places("Soldiers saw three drones over Ramstein Air Base in Germany on Friday evening.") == [
        ("DE", "Ramstein Air Base")]


def _reports(body: str) -> list[tuple[str, str, str | None]]:
    return sorted((i.kind, i.country, i.violator) for i in run(body).incidents)


def test_bases_a_state_runs_in_another_state_are_in_the_host_state() -> None:
    assert _reports("Unidentified drones were reported over US bases in Germany on Thursday night, officials said.") == [
        ("drone_sighting", "DE", None)]


def test_a_base_at_a_town_in_another_state_is_in_that_state() -> None:
    assert _places("Drones were spotted over the American air base at Spangdahlem in Germany on Saturday.") == [
        ("DE", "Spangdahlem")]


def test_a_site_whose_host_state_the_verb_names_is_in_it() -> None:
    assert _reports("A drone flew over the US missile defence site in South Korea on Friday, Seoul said.") == [
        ("drone_sighting", "KR", None)]


def test_an_intruder_over_a_foreign_run_base_violates_the_host_state() -> None:
    assert _reports("A Belarusian drone flew over the US base in Rzeszow, Poland, on Friday, the Polish army said.") == [
        ("airspace_violation", "PL", "BY")]


def test_a_base_no_place_locates_stays_with_the_state_that_runs_it() -> None:
    assert _reports("Drones were seen over a US air base on Friday, the Pentagon said.") == [("drone_sighting", "US", None)]
