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


# --- What came down, and where -------------------------------------------------------------------------------------


def test_debris_or_wreckage_of_a_states_drone_found_on_anothers_ground_is_its_violation() -> None:
    v = incidents("Pieces of an Iranian drone were found on Iraqi territory near Erbil on Friday.")[
        ("airspace_violation", "IQ")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("IR", "drone", "2025-10-03")
    v = incidents("Sudanese drone wreckage was recovered in a field in eastern Chad on Thursday.")[
        ("airspace_violation", "TD")]
    assert v.violator == "SD"


def test_who_owned_a_drone_found_is_no_drone_that_came_down() -> None:
    assert not incidents("The owner of a drone was found near the harbour in Gdansk on Monday.")


def test_a_drone_of_no_state_that_came_down_near_a_town_given_by_its_demonym_was_seen_in_that_state() -> None:
    s = incidents("An unidentified drone blew up near the Slovak village of Ruska Bystra late on Tuesday.")[
        ("drone_sighting", "SK")]
    assert s.occurred_on.value == "2025-10-07" and "Ruska Bystra" in s.location


# --- Sent in numbers ----------------------------------------------------------------------------------------------


def test_hundreds_of_balloons_a_state_launched_into_its_neighbour() -> None:
    v = incidents("Pyongyang launched hundreds of balloons into South Korea over the weekend.")[
        ("airspace_violation", "KR")]
    assert (v.violator, v.platform) == ("KP", "balloon")


# --- Whose airspace, and who flew -----------------------------------------------------------------------------------


def test_a_state_entered_by_name_even_where_the_recogniser_takes_it_for_an_organisation() -> None:
    v = incidents("A Russian drone entered Moldova late on Saturday, officials in Chisinau said.")[
        ("airspace_violation", "MD")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("RU", "drone", "2025-10-04")


def test_an_airspace_violation_with_no_owner_named_is_of_the_state_that_reports_it() -> None:
    v = incidents("The Latvian army is looking into a suspected airspace violation by a Russian helicopter near "
                  "Zilupe on Monday.")[("airspace_violation", "LV")]
    assert (v.violator, v.platform) == ("RU", "aircraft")


def test_the_victims_own_jets_the_parser_makes_a_second_subject_are_not_the_intruder() -> None:
    v = incidents("The Korean air force scrambled jets after a Chinese Y-8 plane violated South Korean airspace "
                  "near Jeju on Monday.")[("airspace_violation", "KR")]
    assert v.violator == "CN"


# --- Requests listed by date ----------------------------------------------------------------------------------------


def test_requests_a_clause_lists_the_dates_of_are_one_request_a_date() -> None:
    found = run("Latvia asked for Article 4 talks on Monday. Lithuania has invoked Article 4 twice before, in "
                "2014 and 2022.").incidents
    days = sorted(i.occurred_on.value for i in found if (i.kind, i.country) == ("article4_request", "LT"))
    assert days == ["2014", "2022"]
    assert [i.occurred_on.value for i in found if i.country == "LV"] == ["2025-10-06"]


# --- Earlier incidents the news is measured against ----------------------------------------------------------------


def test_earlier_violations_after_or_followed_on_listed_dates_are_one_incident_a_date() -> None:
    found = run("Two Syrian helicopters entered Jordanian airspace on Sunday. It was the third breach this year, "
                "after intrusions in January and April.").incidents
    days = sorted(i.occurred_on.value for i in found if (i.kind, i.country) == ("airspace_violation", "JO"))
    assert days == ["2025-01", "2025-04", "2025-10-05"]
    found = run("An Iranian drone crossed into Iraqi airspace on Friday. The breach followed incursions on "
                "June 4 and August 21.").incidents
    days = sorted(i.occurred_on.value for i in found if i.country == "IQ")
    assert days == ["2025-06-04", "2025-08-21", "2025-10-03"]


def test_a_violation_by_a_states_aircraft_needs_no_airspace_named() -> None:
    v = incidents("Armenia protested the violation by an Azerbaijani drone on Thursday.")[("airspace_violation", "AM")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("AZ", "drone", "2025-10-02")
    assert not incidents("Police are looking into a violation by a drone near the stadium.")


# --- Sightings told by the stop they caused ------------------------------------------------------------------------


def test_drones_that_force_the_closure_of_airports_were_seen_at_each() -> None:
    found = incidents("Drones forced the closure of airports in Tallinn and Riga late on Friday.")
    assert {k for k in found} == {("drone_sighting", "EE"), ("drone_sighting", "LV")}
    assert found[("drone_sighting", "LV")].occurred_on.value == "2025-10-03"


def test_sites_that_stopped_flights_after_drones_were_seen_nearby_are_a_sighting_each() -> None:
    found = run("Gothenburg Landvetter Airport and Malmo Airport halted departures on Sunday after drones were "
                "observed nearby, Swedish police said.").incidents
    places = sorted(i.location for i in found if (i.kind, i.country) == ("drone_sighting", "SE"))
    assert len(places) == 2 and "Landvetter" in places[0] and "Malmo" in places[1]


# --- Who flew, told by a noun or a pronoun; who reports ------------------------------------------------------------


def test_the_incursion_of_a_states_aircraft_needs_no_airspace_named() -> None:
    v = incidents("Latvia summoned the Belarusian charge d'affaires over the incursion of a Belarusian helicopter "
                  "on Wednesday morning.")[("airspace_violation", "LV")]
    assert (v.violator, v.platform) == ("BY", "aircraft")


def test_it_as_the_subject_of_an_entry_is_the_aircraft_an_earlier_sentence_named() -> None:
    v = incidents("A Russian Tu-142 was tracked off the Danish island of Bornholm on Monday. It then crossed into "
                  "Danish airspace for about a minute.")[("airspace_violation", "DK")]
    assert (v.violator, v.platform) == ("RU", "aircraft")


def test_a_sighting_placed_nowhere_else_is_in_the_state_of_the_authority_reporting_it() -> None:
    s = incidents("Drones were observed over the Orland air base on Friday, the Norwegian defence ministry "
                  "said.")[("drone_sighting", "NO")]
    assert s.platform == "drone"


# --- A state's balloons told as drones are ------------------------------------------------------------------------


def test_a_states_balloons_that_stop_traffic_at_a_neighbours_airport_violate_its_airspace() -> None:
    v = incidents("Balloons from Belarus forced Kaunas airport to halt flights late on Thursday.")[
        ("airspace_violation", "LT")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("BY", "balloon", "2025-10-02")


def test_balloons_of_no_state_that_stop_traffic_are_no_drone_sighting() -> None:
    assert not incidents("Party balloons forced Kaunas airport to halt flights late on Thursday.")


def test_a_state_a_sentence_opens_with_owns_its_airspace() -> None:
    found = incidents("Drones closed Riga airport on Friday. In Finland, officials said a Russian helicopter had "
                      "violated its airspace on Saturday.")
    assert found[("airspace_violation", "FI")].violator == "RU"
    assert ("airspace_violation", "LV") not in found


# --- The same violation again on another day -----------------------------------------------------------------------


def test_a_violation_on_one_day_and_again_on_another_is_two_violations() -> None:
    found = run("Turkish jets violated Greek airspace over Lesbos on Tuesday and again on Thursday.").incidents
    days = sorted(i.occurred_on.value for i in found if (i.kind, i.country) == ("airspace_violation", "GR"))
    assert days == ["2025-10-02", "2025-10-07"]


def test_what_a_state_is_accused_of_sending_over_a_city_where_the_parser_hangs_over_on_it() -> None:
    v = incidents("Armenia accused Azerbaijan of launching drones over Kapan on October 2.")[
        ("airspace_violation", "AM")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("AZ", "drone", "2025-10-02")


def test_a_states_drone_that_crossed_and_was_shot_down_by_anothers_forces() -> None:
    v = incidents("A Sudanese drone crossed the frontier and was brought down by Chadian forces on Sunday.")[
        ("airspace_violation", "TD")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("SD", "drone", "2025-10-05")


def test_alliance_airspace_over_a_member_is_the_members() -> None:
    v = incidents("Two Russian bombers entered NATO airspace over Latvia late on Sunday.")[
        ("airspace_violation", "LV")]
    assert (v.violator, v.count) == ("RU", 2)
    assert not incidents("Russian bombers flew close to NATO airspace on Sunday.")


# --- Who asks for Article 4 ----------------------------------------------------------------------------------------


def test_it_in_what_a_state_says_is_the_state_asking() -> None:
    found = incidents("Latvia said on Thursday that it was invoking Article 4 of the alliance's treaty.")
    assert found[("article4_request", "LV")].occurred_on.value == "2025-10-02"


def test_consultations_requested_by_a_state() -> None:
    found = incidents("The Article 4 talks requested by Romania took place in Brussels on Monday.")
    assert ("article4_request", "RO") in found


def test_a_states_drone_tracked_over_anothers_territory_was_in_its_airspace() -> None:
    v = incidents("Slovak radars tracked a Russian drone over Slovak territory for ten minutes on Friday.")[
        ("airspace_violation", "SK")]
    assert (v.violator, v.duration_minutes, v.occurred_on.value) == ("RU", 10.0, "2025-10-03")


# --- Background: the states where similar incidents were reported --------------------------------------------------


def test_similar_incidents_reported_in_listed_states_are_one_each() -> None:
    found = incidents("Two Russian helicopters violated Finnish airspace on Monday. Comparable intrusions were "
                      "recorded in Sweden and Norway last month.")
    assert {k for k in found} == {("airspace_violation", c) for c in ("FI", "SE", "NO")}
    assert found[("airspace_violation", "NO")].violator == "RU" and found[("airspace_violation", "NO")].location is None


def test_their_airspace_of_states_listed_as_the_subject_is_each_ones() -> None:
    found = incidents("Latvia and Lithuania said Belarusian balloons had drifted into their airspace on Sunday.")
    assert found[("airspace_violation", "LV")].violator == found[("airspace_violation", "LT")].violator == "BY"
