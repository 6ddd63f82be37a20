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


# --- Where a sighting was: the site's own place, not its owner's, its description's or a coast it was off ----------


def test_a_site_owned_by_one_state_is_where_its_own_in_phrase_puts_it() -> None:
    found = incidents("On Sunday night a drone circled for an hour above the British air base in Akrotiri, Cyprus.")
    assert ("drone_sighting", "CY") in found and ("drone_sighting", "GB") not in found


def test_a_city_of_several_words_before_a_site_noun_is_read_whole() -> None:
    found = incidents("Arrivals at New Hampshire airports were halted on Monday after drones were seen nearby.")
    assert ("drone_sighting", "US") in found and ("drone_sighting", "GB") not in found


def test_what_an_apposition_or_relative_clause_says_a_closed_site_is_adds_no_site() -> None:
    found = incidents("Lakefield Airport in Ohio, a former army airfield that now takes overflow freight from New "
                      "Hampshire airports, shut its runway for an hour on Friday after a drone sighting.")
    assert {k for k in found} == {("drone_sighting", "US")}


def test_a_drone_off_a_states_coast_was_not_seen_in_that_state() -> None:
    found = incidents("Vietnamese sailors spotted a small drone hovering off the coast of Cambodia on Monday.")
    assert ("drone_sighting", "KH") not in found


def test_the_state_of_drones_complained_of_is_not_where_one_was_seen() -> None:
    found = incidents("An unmarked drone was seen near Tartus on Monday, amid Syrian anger at Turkish drone "
                      "incursions.")
    assert ("drone_sighting", "SY") in found and ("drone_sighting", "TR") not in found


# --- A request for the meeting the story says was held under Article 4 -----------------------------------------------


def test_a_meeting_at_a_states_request_is_an_article4_request_where_the_story_says_it_was_one() -> None:
    found = incidents("Envoys held an urgent meeting late on Tuesday at Norway's request to discuss the shelling. It "
                      "was only the fifth meeting under Article 4 in the alliance's history.")
    assert found[("article4_request", "NO")].occurred_on.value == "2025-10-07"


def test_asking_for_the_meeting_the_story_says_was_under_article4() -> None:
    found = incidents("Slovakia requested Monday's meeting of envoys. It was only the third meeting under Article 4 "
                      "this decade.")
    assert ("article4_request", "SK") in found


def test_a_meeting_the_story_does_not_put_under_article4_is_no_request() -> None:
    assert not incidents("Envoys held an urgent meeting on Tuesday at Norway's request. The talks were not held under "
                         "Article 4, officials stressed.")
    assert not incidents("Envoys held an urgent meeting on Tuesday at Norway's request to discuss the shelling.")


# --- A retelling with its own day and place reports the event on that day --------------------------------------------


def test_a_retelling_with_its_own_day_and_place_stays_apart_from_earlier_background() -> None:
    found = run("Marines on the island fired flares at an unidentified drone this week. The drone flew on Monday "
                "evening over Pag-asa Island, the navy said. The coast guard says Chinese drones entered Philippine "
                "airspace near several islands after the August drills.",
                headline="Philippines says Chinese drone flew over its island outpost").incidents
    days = sorted(i.occurred_on.value for i in found if (i.kind, i.country, i.violator) == ("airspace_violation", "PH", "CN"))
    assert days == ["2025-08", "2025-10-06"]


def test_a_detail_with_no_report_before_it_is_no_incident() -> None:
    found = run("The drone flew on Monday evening over the Ayungin shoal, the navy said.").incidents
    assert not [i for i in found if i.kind == "airspace_violation"]


# --- Found on the ground: by the story state's own force -------------------------------------------------------------


def test_a_force_recovering_a_drone_sent_from_across_the_border_found_a_violation() -> None:
    found = incidents("Nepal's border police were on alert. On 3 October the Armed Police Force recovered a drone "
                      "coming from the Chinese side along with packets of contraband.")
    v = found[("airspace_violation", "NP")]
    assert (v.violator, v.occurred_on.value) == ("CN", "2025-10-03")


def test_an_active_find_on_named_ground_is_placed_there() -> None:
    found = incidents("Farmers found a Sudanese drone in a field near Abeche, Chad, on Thursday.")
    assert found[("airspace_violation", "TD")].violator == "SD"


def test_a_drone_recovered_by_people_not_a_force_or_of_the_story_state_is_no_violation() -> None:
    assert not incidents("Nepal's hikers recovered a drone lost by a tourist on Sunday.")
    assert not incidents("Nepal's Armed Police Force recovered one of its own drones after a test flight.")


# --- Measured against one earlier incident, its day not given ---------------------------------------------------------


def test_days_after_a_previous_incident_is_an_incident_of_its_own() -> None:
    found = [i for i in run("Flights at Oslo airport were halted on Friday because of drones, a week after an earlier "
                            "incident had closed the runway.").incidents if (i.kind, i.country) == ("drone_sighting", "NO")]
    assert sorted(i.occurred_on.value if i.occurred_on else "" for i in found) == ["", "2025-10-03"]


def test_days_after_something_else_or_the_same_incident_adds_none() -> None:
    for body in ("Flights at Oslo airport were halted on Friday because of drones, a week after the minister had "
                 "visited the runway.",
                 "Flights at Oslo airport were halted on Friday because of drones, an hour after the incident had begun."):
        assert len([i for i in run(body).incidents if i.kind == "drone_sighting"]) == 1
