"""Incident recall on ways news tells an incident that the first rules missed, on invented sentences (published
Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- Words that count what flew ------------------------------------------------------------------------------------


def test_several_or_dozens_of_intruders_are_one_report_not_a_class() -> None:
    found = incidents("Several Iranian drones violated Iraqi airspace near Halabja on Monday, the army said.")
    assert found[("airspace_violation", "IQ")].violator == "IR"
    found = incidents("Dozens of Belarusian balloons crossed into Lithuanian airspace late on Sunday.")
    assert found[("airspace_violation", "LT")].occurred_on.value == "2025-10-05"
    found = incidents("Greek jets shot down multiple Turkish drones that violated Greek airspace on Tuesday.")
    assert found[("airspace_violation", "GR")].violator == "TR"


def test_events_counted_as_many_or_a_class_of_intruders_stay_no_incident() -> None:
    assert not incidents("The army said it would destroy any drone that enters Latvian airspace.")
    assert not incidents("Officials complain that several violations of Latvian airspace go unpunished.")
