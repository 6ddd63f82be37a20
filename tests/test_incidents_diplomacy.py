"""Incident recall on stories where the diplomacy is the news: remains of a state's missile or drone found on a
neighbour's ground, and Article 4 requests told through the meeting they called or forecast before they are made
(invented sentences, published Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- Remains named by what they came from, placed by the finder, or by the verb they share a place with -----------


def test_remains_named_by_the_missile_they_came_from() -> None:
    v = incidents("Pieces from a Belarusian missile were recovered on Sunday in a meadow near the Lithuanian "
                  "town of Varena.")[("airspace_violation", "LT")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("BY", "missile", "2025-10-05")


def test_fragments_from_a_drone_came_down_on_named_ground() -> None:
    v = incidents("Fragments from an Iranian drone landed on Monday in an orchard in northern Iraq, "
                  "the Kurdish authorities said.")[("airspace_violation", "IQ")]
    assert (v.violator, v.platform) == ("IR", "drone")


def test_the_place_of_what_the_finder_found_hangs_on_the_remains() -> None:
    v = incidents("Slovak police discovered Hungarian drone wreckage beside the Slovak village of Velky Meder "
                  "on Tuesday.")[("airspace_violation", "SK")]
    assert (v.violator, v.occurred_on.value) == ("HU", "2025-10-07")


def test_a_place_closing_two_joined_verbs_places_both() -> None:
    v = incidents("Three Azerbaijani drones fell and burned on Armenian soil overnight into Saturday, "
                  "the ministry in Yerevan said.")[("airspace_violation", "AM")]
    assert (v.violator, v.platform) == ("AZ", "drone")


def test_a_state_finds_remains_on_its_own_ground_where_the_place_names_no_state() -> None:
    found = incidents("Georgian rangers recovered the wreckage of a Russian missile near a farm outside Zugdidi "
                      "on Thursday.")
    v = found[("airspace_violation", "GE")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("RU", "missile", "2025-10-02")


def test_the_place_found_names_its_own_state_over_the_finders() -> None:
    found = incidents("Estonian sappers found Russian drone debris near the Latvian town of Ainazi last week.")
    assert ("airspace_violation", "LV") in found and ("airspace_violation", "EE") not in found


def test_remains_denied_or_of_a_states_own_drone_are_no_incident() -> None:
    assert not incidents("Officials denied that fragments from a Belarusian missile had landed near Varena.")
    assert not incidents("Finnish engineers found Finnish drone debris near the Finnish town of Kotka after a test.")
    assert not incidents("Danish hikers found Swedish missile fragments beside a lake near a farm on Sunday.")


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


# --- An undated retelling is of the news, not of an event told months before ----------------------------------------


def test_an_undated_retelling_joins_the_news_not_an_earlier_months_event() -> None:
    body = ("Lithuania protested on Monday after a Belarusian missile crossed its airspace, the ministry in Vilnius "
            "said. Border guards said the missile flew into Lithuanian airspace over the village of Salcininkai. "
            "In June, fragments from a Belarusian missile landed near the Lithuanian town of Druskininkai.")
    facts = [i for i in run(body).incidents if i.kind == "airspace_violation" and i.country == "LT"]
    by_day = {i.occurred_on.value: i for i in facts if i.occurred_on is not None}
    assert set(by_day) == {"2025-10-06", "2025-06"}
    assert "Salcininkai" in (by_day["2025-10-06"].location or "")
    assert "Druskininkai" in (by_day["2025-06"].location or "")


# --- "The first since <date>, when ...": the when-clause tells the earlier incident -----------------------------------


def test_the_first_since_a_date_whose_when_clause_tells_the_earlier_one() -> None:
    facts = run("A Turkish drone violated Greek airspace over Rhodes on Monday. The incursion was the first since "
                "March 2016, when a Turkish drone flew over the island of Kos.").incidents
    days = sorted(i.occurred_on.value for i in facts if i.country == "GR" and i.occurred_on is not None)
    assert days == ["2016-03", "2025-10-06"]


def test_the_first_time_since_a_date_when_names_the_earlier_one() -> None:
    facts = run("A Belarusian helicopter entered Polish airspace on Monday. It was the first time such an aircraft "
                "had crossed the border since May 2021, when two Mi-8s were escorted out near Hajnowka.").incidents
    assert "2021-05" in {i.occurred_on.value for i in facts if i.country == "PL" and i.occurred_on is not None}


def test_a_bare_first_since_or_a_since_when_about_something_else_counts_nothing_more() -> None:
    for tail in ("It was the first violation since 2016.",
                 "Relations have been tense since March 2016, when the talks collapsed."):
        facts = run("A Turkish drone violated Greek airspace over Rhodes on Monday. " + tail).incidents
        assert [i.occurred_on.value for i in facts if i.occurred_on is not None] == ["2025-10-06"]


# --- A state named on the violation noun is the intruder's, not the owner "the nation" stands for --------------------


def test_the_nation_whose_airspace_a_states_incursion_entered_is_the_storys() -> None:
    found = incidents("Norway scrambled two F-35s on Monday. A Russian incursion into the Arctic nation's airspace "
                      "took place near Vardo that morning.")
    assert found[("airspace_violation", "NO")].violator == "RU"
    assert ("airspace_violation", "RU") not in found


def test_a_states_intrusions_of_the_nations_airspace_never_make_it_the_victim() -> None:
    found = incidents("Estonian jets were on alert on Friday. Belarusian intrusions of the Baltic nation's airspace "
                      "have been rare, officials said.")
    assert ("airspace_violation", "BY") not in found
