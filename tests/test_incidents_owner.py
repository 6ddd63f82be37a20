"""Whose aircraft "its" names when one state brings down another's: never the shooter's (invented sentences,
published Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def violators(body: str) -> dict[str, str | None]:
    return {i.country: i.violator for i in run(body).incidents if i.kind == "airspace_violation"}


def test_its_jet_that_another_state_shot_down_is_the_speakers() -> None:
    body = ("Peru said that Ecuador had shot down its patrol plane over the river on Monday. The aircraft had "
            "strayed into Ecuadorian airspace minutes earlier, Peruvian officers admitted.")
    assert violators(body) == {"EC": "PE"}


def test_its_drone_that_another_state_destroyed_is_the_speakers() -> None:
    body = ("Chile claims Bolivia destroyed its surveillance drone on Tuesday. The drone had crossed into Bolivian "
            "airspace near Ollague, Chilean commanders conceded.")
    assert violators(body) == {"BO": "CL"}


def test_near_miss_its_own_aircraft_entering_stays_the_subjects() -> None:
    assert violators("Peru admitted its patrol plane entered Ecuadorian airspace on Monday.") == {"EC": "PE"}


def test_near_miss_a_foreign_drone_brought_down_is_the_foreigners() -> None:
    assert violators("Ecuador said it shot down a Peruvian drone near Macara on Monday.") == {"EC": "PE"}
