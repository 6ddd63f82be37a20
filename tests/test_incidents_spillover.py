"""Incidents told the way news tells a war's spillover across several neighbours, on invented sentences (published
Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- One crash clause, several states' ground ----------------------------------------------------------------------


def test_strays_that_crashed_in_a_list_of_states_are_a_violation_of_each() -> None:
    found = incidents("Two Iranian drones crashed in Iraq and Kuwait on Monday, officials said.")
    assert {k for k in found} == {("airspace_violation", "IQ"), ("airspace_violation", "KW")}
    assert found[("airspace_violation", "KW")].violator == "IR"
    assert found[("airspace_violation", "KW")].occurred_on.value == "2025-10-06"
    found = incidents("Iranian drones crashed in Iraq and in Kuwait during the night.")
    assert {k[1] for k in found} == {"IQ", "KW"}


def test_states_that_reported_drones_crashing_on_their_soil_each_had_their_ground_entered() -> None:
    found = incidents("Both Greece and Cyprus said on Tuesday that they had found evidence of Turkish drones "
                      "crashing on their land.")
    assert {k for k in found} == {("airspace_violation", "GR"), ("airspace_violation", "CY")}
    assert all(i.violator == "TR" for i in found.values())
    found = incidents("Greece and Cyprus have logged three reports of Turkish drones crashing on their soil since "
                      "the summer began, the alliance said.")
    assert {k[1] for k in found} == {"GR", "CY"}


def test_a_state_named_beside_the_crash_but_not_as_its_ground_is_no_victim() -> None:
    assert set(incidents("An Iranian drone crashed in Iraq near the border with Kuwait on Monday.")) == {
        ("airspace_violation", "IQ")}
    assert set(incidents("An Iranian drone crashed in Iraq on Monday and Kuwait closed its airspace.")) == {
        ("airspace_violation", "IQ")}
    assert not incidents("Officials showed images of drones crashing into the sea during an exercise.")
