"""Incident recall on ways news from beyond Europe tells incidents (invented sentences, published Wednesday
2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- Brought down: by whom, and whose it was ------------------------------------------------------------------------


def test_a_force_named_without_its_state_brings_down_a_foreign_drone_for_the_story_state() -> None:
    found = incidents("Colombia reinforced its eastern frontier this week. The Coastal Rangers shot down a Venezuelan "
                      "drone near Maicao on Saturday, officials in Colombia said.")
    v = found[("airspace_violation", "CO")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("VE", "drone", "2025-10-04")


def test_the_force_made_to_bring_it_down_is_the_story_states() -> None:
    found = incidents("Thailand tightened patrols in Surin. On Tuesday a Cambodian drone was noticed near the "
                      "village of Ban Khok, forcing the Border Patrol Police to shoot down the drone.")
    assert found[("airspace_violation", "TH")].violator == "KH"


def test_destroyed_a_drone_of_another_states_armed_forces() -> None:
    v = incidents("On Monday a drone of the Eritrean army was destroyed near Zalambessa by Ethiopian air defence "
                  "units.")[("airspace_violation", "ET")]
    assert (v.violator, v.occurred_on.value) == ("ER", "2025-10-06")


def test_a_states_claim_to_have_destroyed_a_drone_is_its_claim_of_a_violation() -> None:
    found = incidents("Kenya claims its forces brought down a Somali army drone near Mandera on Friday.")
    v = found[("airspace_violation", "KE")]
    assert (v.violator, v.occurred_on.value) == ("SO", "2025-10-03")


def test_a_denied_or_private_or_own_downing_is_no_incident() -> None:
    assert not incidents("The ministry denied reports that Kenyan troops had brought down a Somali army drone.")
    assert not incidents("A farmer in Nakuru brought down a toy drone with a broom on Sunday.")
    assert not incidents("In a test near Nanyuki, Kenyan engineers destroyed an old drone belonging to the Kenyan army.")
