"""Incident recall on stories where the diplomacy is the news: remains of a state's missile or drone found on a
neighbour's ground, and Article 4 requests told through the meeting they called or forecast before they are made
(invented sentences, published Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- Article 4: the meeting the story says was held under it; a request forecast is not one made ------------------


def test_a_meeting_said_with_a_finite_verb_to_be_held_under_article4_names_it() -> None:
    found = incidents("Envoys gathered late on Tuesday for an emergency session at the request of Latvia. "
                      "Diplomats said the session was held under Article 4 of the treaty.")
    assert found[("article4_request", "LV")].occurred_on.value == "2025-10-07"


def test_talks_that_have_been_convened_under_article4_name_it() -> None:
    found = incidents("The alliance's ambassadors held talks on Monday upon the request of Slovakia. Those talks "
                      "have been convened under Article 4, a spokesperson confirmed.")
    assert ("article4_request", "SK") in found


def test_a_request_someone_forecasts_is_not_made() -> None:
    assert not incidents("The Czech premier said it was highly likely that Prague would invoke Article 4 at "
                         "Thursday's session.")
    assert not incidents("Bulgaria is expected to request consultations under Article 4 next week.")
    assert not incidents("Analysts think a Hungarian request for talks under Article 4 is unlikely to come soon, "
                         "as Budapest is likely to invoke nothing.")


def test_a_request_announced_with_an_intent_modal_still_counts() -> None:
    found = incidents("The Czech premier said Prague would invoke Article 4 at Thursday's session.")
    assert ("article4_request", "CZ") in found


def test_a_request_made_beside_a_forecast_about_something_else_counts() -> None:
    found = incidents("Croatia requested consultations under Article 4 on Monday, as further drone flights were "
                      "likely.")
    assert ("article4_request", "HR") in found
