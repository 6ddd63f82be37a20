"""Incidents told against a backdrop or by what they disrupted, on invented sentences (published Wednesday
2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> list[IncidentFact]:
    return list(run(body, **kwargs).incidents)


def kinds(body: str, **kwargs: str) -> set[tuple[str, str]]:
    return {(i.kind, i.country) for i in incidents(body, **kwargs)}


# --- The war a story is set against --------------------------------------------------------------------------------


def test_states_of_the_war_a_sighting_is_set_against_are_not_where_it_was() -> None:
    found = kinds("Dutch police said on Tuesday they were looking into drone sightings over two barracks, at a time "
                  "when Russia's invasion of Ukraine has raised fears of sabotage.")
    assert found == {("drone_sighting", "NL")}


def test_a_story_about_sightings_at_home_is_not_about_the_war_it_mentions_twice() -> None:
    body = ("Investigators in Austria said drones had been seen over the Zeltweg air base, as Russia's war against "
            "Ukraine keeps Europe on edge. On Sunday guards spotted up to eight drones over a depot in Zeltweg. "
            "Officials fear spying in the context of Russia's war of aggression against Ukraine.")
    found = incidents(body, headline="Drones over an air base")
    assert {(i.kind, i.country) for i in found} == {("drone_sighting", "AT")}
    assert "2025-10-05" in {i.occurred_on.value for i in found if i.occurred_on}


def test_a_state_that_is_where_the_war_is_fought_still_places_an_incident_there() -> None:
    found = kinds("A Russian drone crashed in eastern Ukraine's Kharkiv region on Monday and also crossed into "
                  "Moldovan airspace, the ministry in Chisinau said.")
    assert ("airspace_violation", "MD") in found
    assert not any(kind == "drone_sighting" for kind, _ in found)
