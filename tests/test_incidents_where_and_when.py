"""Incidents: whose ground, which place and which day, as news words them (invented sentences, published Wednesday
2025-10-08 unless said), each beside a near miss that must read otherwise."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- What is left of a drone ----------------------------------------------------------------------------------------


def test_the_remains_of_a_drone_found_stand_for_it() -> None:
    found = incidents("The remains of a Belarusian drone were discovered in a forest in eastern Latvia on Sunday.")
    v = found[("airspace_violation", "LV")]
    assert (v.violator, v.occurred_on.value) == ("BY", "2025-10-05")


def test_a_drone_that_remains_somewhere_is_no_find() -> None:
    assert not incidents("The Belarusian drone remains a mystery to investigators in Latvia, officials said on Sunday.")
