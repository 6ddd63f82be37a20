"""Incidents told in constructions of wire and regional news (invented sentences, published Wednesday 2025-10-08
unless said): a reported clause whose "that" is dropped after a day, a state's drones flown into a town of another,
a definite retelling of drones told before."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- "The ministry said on Friday X sent ...": the reported clause's subject run into the day ------------------------


def test_a_state_named_right_after_the_day_of_saying_is_the_reported_clauses_subject() -> None:
    found = incidents("The Kenyan army told reporters on Monday Somalia had sent two drones into Kenyan airspace near "
                      "Mandera.")
    v = found[("airspace_violation", "KE")]
    assert v.violator == "SO"


def test_a_day_phrase_followed_by_no_state_gives_the_clause_no_subject() -> None:
    found = incidents("Kenya's army said on Monday morning two drones had been flown into Kenyan airspace near "
                      "Mandera.")
    assert found[("airspace_violation", "KE")].violator is None
