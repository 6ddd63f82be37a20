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
