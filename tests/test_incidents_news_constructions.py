"""Incidents told in constructions of wire and regional news (invented sentences, published Wednesday 2025-10-08
unless said): a reported clause whose "that" is dropped after a day, a state's drones flown into a town of another,
a definite retelling of drones told before."""

from __future__ import annotations

from articles import run

from streams.extraction.dates import date_candidates
from streams.extraction.locations import places
from streams.extraction.model import IncidentFact
from streams.extraction.nlp import load_pipeline


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


# --- A state's drones flown into a town of another state -------------------------------------------------------------


def test_drones_a_state_sent_into_a_city_of_another_are_its_violation_there() -> None:
    found = incidents("Eritrea launched two drones on Sunday night, and both flew deep into the city of Mekelle, "
                      "Ethiopian officials said.")
    v = found[("airspace_violation", "ET")]
    assert (v.violator, v.platform, v.location) == ("ER", "drone", "Mekelle")
    assert ("drone_sighting", "ET") not in found and ("drone_sighting", "ER") not in found


def test_the_drones_a_sender_gave_a_state_stay_its_own_in_a_later_sentence() -> None:
    found = incidents("Ethiopia said Eritrea had sent drones across the border overnight. Later the drones entered "
                      "Mekelle before dawn and circled the airport.")
    assert found[("airspace_violation", "ET")].violator == "ER"
    assert ("drone_sighting", "ET") not in found


def test_drones_of_no_state_flying_into_a_town_are_a_sighting_there() -> None:
    found = incidents("Residents said drones flew into Mekelle on Monday night and hovered over the market.")
    assert ("airspace_violation", "ET") not in found
    assert ("drone_sighting", "ET") in found


def test_initials_of_a_zone_entered_are_no_town() -> None:
    found = incidents("Japan said Chinese aircraft entered the JADIZ on Monday but stayed outside its airspace.")
    assert not any(kind == "airspace_violation" for kind, _ in found)


# --- "The drone incursion": a definite retelling of drones told before -----------------------------------------------


def test_a_definite_noun_the_drone_word_modifies_retells_the_states_drones() -> None:
    found = incidents("Eritrea launched two drones on Sunday night, and both flew deep into the city of Mekelle, "
                      "Ethiopian officials said. The drone incursion demands a firm answer, the ministry added.")
    assert set(found) == {("airspace_violation", "ET")}


def test_an_indefinite_drone_noun_after_them_is_a_sighting_of_its_own() -> None:
    found = incidents("Eritrea launched two drones on Sunday night, and both flew deep into the city of Mekelle, "
                      "Ethiopian officials said. In Bahir Dar, guards reported a drone near the airport on Tuesday.")
    assert ("drone_sighting", "ET") in found


# --- "..., the X newspaper reports": who tells a sentence is no event it refers back to -----------------------------


def test_a_sentence_told_by_a_named_outlet_does_not_take_the_previous_sentences_day_and_place() -> None:
    found = run("A review released on Saturday found security gaps at the Hadera power station. According to the "
                "review, officials cannot say who flew a drone above the plant, the Jerusalem Post writes.").incidents
    assert not any(i.occurred_on and i.occurred_on.value == "2025-10-04" for i in found)


def test_a_definite_event_noun_still_refers_back_to_the_sentence_before() -> None:
    found = incidents("A review released on Saturday found security gaps at the Hadera power station. The review "
                      "came after a drone was seen over the plant.")
    assert found[("drone_sighting", "IL")].occurred_on.value == "2025-10-04"


# --- "at the same point as the evening before": the standard of a comparison dates nothing ----------------------------


def _candidates(text: str) -> list[str]:
    doc = load_pipeline()(text)
    return [phrase for _, phrase in date_candidates(doc[:])]


def test_a_day_a_comparison_measures_against_is_no_date_of_the_clause() -> None:
    assert "the previous night" not in _candidates("Patrols logged the lights at the same point as the previous night.")
    assert "the previous night" not in _candidates("Guards counted more lights than the previous night.")


def test_a_day_outside_a_comparison_still_dates_the_clause() -> None:
    assert "the previous night" in _candidates("Patrols logged the lights the previous night.")


# --- A clock time is no place ----------------------------------------------------------------------------------------


def _place_names(text: str) -> list[str | None]:
    return [p.name for p in places(load_pipeline()(text)[:])]


def test_a_clock_time_after_a_locative_preposition_is_no_place() -> None:
    assert _place_names("The guards lost sight of the drone after it vanished around 11:40pm.") == []


def test_a_town_after_the_same_preposition_is_a_place() -> None:
    assert _place_names("The guards lost sight of the drone after it vanished around Hadera.") == ["Hadera"]


# --- "from 9:12 to 10:05 a.m.": the clock times a stay began and ended measure it -----------------------------------


def test_the_clock_times_an_entry_began_and_ended_give_its_duration() -> None:
    found = incidents("Kenya said a Somali military aircraft lingered inside its airspace from 9:12-10:05 a.m. on "
                      "Monday.")
    assert found[("airspace_violation", "KE")].duration_minutes == 53


def test_a_span_past_noon_counts_across_it() -> None:
    found = incidents("Kenya said a Somali military aircraft entered its airspace on Monday and flew there from 11:40 "
                      "a.m. to 1:10 p.m.")
    assert found[("airspace_violation", "KE")].duration_minutes == 90


def test_a_span_of_years_is_no_duration() -> None:
    found = incidents("Kenya said a Somali military aircraft entered its airspace on Monday, the third such flight "
                      "between 2023 and 2025.")
    assert found[("airspace_violation", "KE")].duration_minutes is None


# --- "The balloon was first detected at dusk": when the intruder reported was first seen -----------------------------


def test_the_day_the_reported_intruder_was_first_seen_dates_it() -> None:
    found = incidents("Kenyan troops shot down a Somali drone near Mandera, the army said on Wednesday. The drone was "
                      "first detected by border guards late on Monday.")
    assert found[("airspace_violation", "KE")].occurred_on.value == "2025-10-06"


def test_a_day_the_intruder_was_only_shown_on_does_not_date_it() -> None:
    found = incidents("Kenyan troops shot down a Somali drone near Mandera, the army said on Wednesday. Officials "
                      "showed the drone to reporters on Monday evening.")
    assert found[("airspace_violation", "KE")].occurred_on.value == "2025-10-08"


# --- "The downed drone was recovered on Wednesday": the day of the search --------------------------------------------


def test_the_day_a_downed_drone_told_before_was_recovered_is_no_new_event() -> None:
    found = run("Kenyan troops shot down a Somali drone near Mandera on Monday. Police recovered the wrecked drone "
                "from a maize farm outside Elwak on Wednesday.").incidents
    assert [(i.kind, i.country, i.occurred_on.value) for i in found] == [("airspace_violation", "KE", "2025-10-06")]


def test_crashed_drones_the_story_had_not_told_of_are_dated_by_their_finding() -> None:
    found = run("Kenyan troops shot down a Somali drone near Mandera on Monday. Herders discovered three crashed "
                "Somali drones near Wajir in 2023.").incidents
    assert {i.occurred_on.value for i in found} == {"2025-10-06", "2023"}


# --- "flew over X's market": a site named by the place it belongs to -------------------------------------------------


def test_a_site_named_by_its_towns_possessive_places_an_overflight_in_the_story_state() -> None:
    found = incidents("On Thursday, Algerian military helicopters circled above Tessit's market for twenty minutes, "
                      "Mali's army said.")
    v = found[("airspace_violation", "ML")]
    assert (v.violator, v.location, v.occurred_on.value) == ("DZ", "Tessit", "2025-10-02")


def test_a_states_own_possessive_on_the_site_places_the_flight_at_home() -> None:
    found = incidents("On Thursday, Algerian military helicopters circled above Algeria's desert for twenty minutes, "
                      "Mali's army said.")
    assert ("airspace_violation", "ML") not in found


# --- "an X-type aircraft": a name before "type" is the model ---------------------------------------------------------


def test_a_name_before_type_is_the_intruders_model() -> None:
    found = incidents("Uganda said a Cessna-type plane from South Sudan crossed into Ugandan airspace on Friday.")
    assert found[("airspace_violation", "UG")].model == "Cessna"


def test_a_makers_name_alone_names_no_model() -> None:
    found = incidents("Uganda said a Cessna plane from South Sudan crossed into Ugandan airspace on Friday.")
    assert found[("airspace_violation", "UG")].model is None


# --- "made an unplanned landing in X": a noun of what the aircraft did places it -------------------------------------


def test_in_on_a_noun_of_what_the_aircraft_did_places_the_incident() -> None:
    found = incidents("Niger said the Malian transport plane, which had entered its airspace without clearance, "
                      "carried out an emergency landing in Agadez on Sunday.")
    assert found[("airspace_violation", "NE")].location == "Agadez"


def test_in_on_a_speakers_office_places_nothing() -> None:
    found = incidents("A Malian air force plane entered Nigerien airspace on Sunday, a spokesman for the government in "
                      "Niamey said.")
    assert found[("airspace_violation", "NE")].location is None


# --- A word that opens a longer name is no town of its own ------------------------------------------------------------


def test_the_first_word_of_a_sites_longer_name_places_nothing_by_itself() -> None:
    found = incidents("Colorado police said a drone circled over the Alta Vista Solar station on Monday night.")
    assert set(found) == {("drone_sighting", "US")}


def test_a_town_named_before_a_generic_site_word_is_still_read() -> None:
    found = incidents("Police said a drone circled over Alta Airport on Monday night.")
    assert found[("drone_sighting", "NO")].location == "Alta Airport"
