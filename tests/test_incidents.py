"""Incident extraction on invented articles, one phenomenon each (published Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

import pytest
from articles import article, run

from streams.extraction.model import IncidentFact
from streams.extraction.nlp import load_pipeline
from streams.extraction.numbers import duration_minutes, number
from streams.extraction.places import place_country


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


def violation(body: str, country: str, **kwargs: str) -> IncidentFact:
    return incidents(body, **kwargs)[("airspace_violation", country)]


# --- Violations: victim, violator, platform, model, count ---------------------------------------------------------


def test_a_violation_with_count_model_duration_date_and_location():
    v = violation("Four Belarusian Mi-24 helicopters entered Lithuanian airspace near the village of Druskininkai "
                  "on Monday and stayed for nine minutes, the Lithuanian army said.", "LT")
    assert (v.violator, v.platform, v.model, v.count, v.duration_minutes) == ("BY", "aircraft", "Mi-24", 4, 9.0)
    assert (v.occurred_on.value, v.occurred_on.precision) == ("2025-10-06", "day")
    assert v.attribution == "attributed" and "Druskininkai" in v.location


def test_states_of_every_region_are_named_by_their_demonyms_and_capitals():
    v = violation("A Bolivian army helicopter strayed into Paraguayan airspace on Friday, Asuncion said.", "PY")
    assert (v.violator, v.platform) == ("BO", "aircraft")
    v = violation("Three Chadian drones entered Nigerien airspace near the border on Saturday.", "NE")
    assert (v.violator, v.count) == ("TD", 3)


def test_flying_over_a_states_territory_whichever_way_the_parser_hangs_over():
    v = violation("Two Egyptian fighter jets flew over Libyan territory near the coast on Sunday, Tripoli said.", "LY")
    assert (v.violator, v.count, v.occurred_on.value) == ("EG", 2, "2025-10-05")
    assert violation("Russian bombers flew over Finnish territory.", "FI").violator == "RU"


def test_a_strike_on_a_state_at_war_is_no_airspace_violation_by_itself():
    """A war's strikes are told as attacks, not as violations of airspace: only an entry, an overflight or a
    protest about the airspace makes one."""
    assert not incidents("Russian drones attacked Kyiv overnight, and missiles hit targets in western Ukraine.")


def test_a_states_drone_brought_down_over_another_state_with_no_shooter_named_was_in_its_airspace():
    v = violation("A Sudanese surveillance drone was shot down over eastern Chad late on Saturday.", "TD")
    assert (v.violator, v.platform, v.occurred_on.value) == ("SD", "drone", "2025-10-04")
    v = violation("An Iranian drone was brought down over the Iraqi town of Halabja on Friday.", "IQ")
    assert v.violator == "IR"


def test_what_flew_belongs_to_the_state_it_is_said_to_belong_to():
    v = violation("The Algerian army said it had downed an armed drone belonging to Mali near the frontier on Tuesday.",
                  "DZ")
    assert (v.violator, v.platform) == ("ML", "drone")
    v = violation("A drone crossed into Azerbaijani airspace near Fuzuli on Monday, the army said. The drone most "
                  "likely belonged to Iran, officials added.", "AZ")
    assert (v.violator, v.attribution) == ("IR", "suspected")


def test_a_states_drone_that_hovered_near_a_place_of_another_state_was_over_it():
    v = violation("A Sudanese army drone hovered near the Chadian town of Adre for an hour on Tuesday.", "TD")
    assert (v.violator, v.location, v.occurred_on.value) == ("SD", "Adre", "2025-10-07")
    v = violation("A Chinese drone hovered close to the Taiwanese island of Kinmen on Tuesday.", "TW")
    assert v.violator == "CN"
    assert not incidents("A Russian jet flew near the Estonian island of Vaindloo on Tuesday.")


def test_incursions_listed_with_a_month_for_each_day_are_one_incident_a_day():
    found = run("Quito said Peruvian helicopters had entered Ecuadorian airspace on 3 March, 11 March and 2 April, "
                "2024.").incidents
    assert sorted(i.occurred_on.value for i in found) == ["2024-03-03", "2024-03-11", "2024-04-02"]


def test_a_drone_downed_by_a_states_air_defences_was_in_its_airspace():
    v = violation("An Iranian drone was downed by Iraqi air defences near Khanaqin on Sunday.", "IQ")
    assert (v.violator, v.platform, v.occurred_on.value) == ("IR", "drone", "2025-10-05")


def test_a_flight_over_a_states_military_outpost_violates_it():
    v = violation("Two Venezuelan jets flew over a Guyanese army outpost on Tuesday.", "GY")
    assert (v.violator, v.count) == ("VE", 2)


def test_what_an_object_is_described_as_gives_a_suspected_state_and_its_platform():
    v = violation("An object described as a Chinese balloon drifted over the Colombian city of Cali on Sunday.", "CO")
    assert (v.violator, v.attribution, v.platform) == ("CN", "suspected", "balloon")


def test_interceptors_are_not_violators():
    v = violation("Finnish F/A-18 jets were scrambled after a Russian Il-20 reconnaissance plane violated "
                  "Finnish airspace over the Gulf of Bothnia on Tuesday.", "FI")
    assert (v.violator, v.model, v.count) == ("RU", "Il-20", 1)


def test_allied_jets_that_shadow_the_intruders_are_not_the_violator():
    v = violation("Spanish Eurofighters shadowed two Russian Su-30 jets after they entered Latvian airspace on Friday.",
                  "LV")
    assert (v.violator, v.model, v.count) == ("RU", "Su-30", 2)


def test_allied_jets_taking_part_in_the_response_are_not_the_intruders():
    v = violation("Russian drones crossed into Latvian airspace on Friday. Jets from Sweden and Denmark took part in "
                  "the hunt for them while departures from Riga were held for an hour.", "LV")
    assert v.violator == "RU"


def test_seconds_become_minutes_and_its_refers_to_the_subject_state():
    v = violation("Greece said a Turkish drone crossed into its airspace for 40 seconds on Sunday.", "GR")
    assert v.violator == "TR" and v.platform == "drone" and v.duration_minutes == pytest.approx(40 / 60, abs=0.001)


def test_numbers_written_as_words():
    v = violation("Twelve Russian drones crossed into Moldovan airspace overnight and one stayed for twenty-two "
                  "minutes.", "MD")
    assert (v.count, v.duration_minutes) == (12, 22.0)
    assert v.occurred_on.value == "2025-10-08"


def test_the_number_of_violations_counts_when_the_aircraft_are_not_numbered():
    v = violation("Turkish warplanes committed 23 violations of Greek airspace over the Dodecanese on Tuesday.", "GR")
    assert (v.violator, v.count, v.occurred_on.value) == ("TR", 23, "2025-10-07")


def test_a_model_known_by_name_and_a_count_of_violations_in_another_clause():
    v = violation("Two Russian Kalibr missiles crossed Moldovan airspace on Friday.", "MD")
    assert (v.platform, v.model, v.count) == ("missile", "Kalibr", 2)
    v = violation("After logging at least 14 violations overnight, Latvia shot down drones that had entered its "
                  "airspace.", "LV")
    assert v.count == 14


def test_one_platform_from_a_determiner_on_the_noun_it_modifies_or_a_headline_without_one():
    # "the Tu-22M Backfire": the model modifies a name the lexicon does not know; the article belongs to both.
    v = violation("Officials said the unarmed Tu-22M Backfire had wandered into Norwegian airspace on Monday.", "NO")
    assert (v.model, v.count) == ("Tu-22M", 1)
    # A headline drops the article: a bare singular noun is one.
    v = violation("Belarusian army helicopter strays into Polish airspace near Bialowieza", "PL")
    assert (v.violator, v.count) == ("BY", 1)
    # "aircraft" is its own plural: a bare one is no number.
    v = violation("Syrian aircraft violated Turkish airspace near Hatay on Tuesday.", "TR")
    assert v.count is None


def test_a_later_sentence_about_the_intruder_adds_its_site_and_stay():
    v = violation("Tokyo said a Chinese military plane intruded into Japanese airspace near Saga prefecture on Monday."
                  "\nOfficials said the Y-8 surveillance plane spent about three minutes in the airspace over the "
                  "Goto Islands before turning back.", "JP")
    assert (v.violator, v.model, v.duration_minutes, v.location) == ("CN", "Y-8", 3.0, "the Goto Islands")
    assert v.occurred_on.value == "2025-10-06"


def test_the_lead_retells_the_headline_incident_with_its_details():
    v = violation("A Russian navy helicopter based on a frigate hovered over the Aland Islands for about 12 minutes on "
                  "Sunday, Finnish officials said, and Finland sent fighter jets to meet it.", "FI",
                  headline="Finland scrambles jets after Russian helicopter breaches its airspace")
    assert (v.violator, v.duration_minutes, v.occurred_on.value) == ("RU", 12.0, "2025-10-05")
    assert v.location == "the Aland Islands"


def test_a_town_places_an_incident_better_than_its_region():
    v = violation("On Sunday a Russian drone flew into Estonia and came down in the east of the country.\n"
                  "The drone came down near Tartu, the defence forces said.", "EE")
    assert v.location == "Tartu"


def test_who_fired_it_in_the_main_clause_and_a_later_sentence_with_the_site_and_day():
    body = ("The Slovak president said on Wednesday that Hungary's air defences had probably fired the rocket "
            "that fell into an orchard in southern Slovakia.\n"
            "The rocket hit a storage shed in the village of Dolny Kubin on Monday evening, police said.")
    v = violation(body, "SK")
    assert (v.violator, v.attribution, v.platform) == ("HU", "suspected", "missile")
    assert (v.location, v.occurred_on.value) == ("the village of Dolny Kubin", "2025-10-06")


def test_a_hedge_in_the_clause_above_an_identification_makes_it_suspected():
    body = ("A drone crossed into Latvian airspace near the town of Ludza on Sunday, the army said.\n"
            "\"It is very likely that it was a drone sent by Russian forces,\" the minister said.")
    v = violation(body, "LV")
    assert (v.violator, v.attribution) == ("RU", "suspected")


def test_a_date_in_a_since_clause_does_not_date_the_incident():
    v = violation("In May 2019 a Russian An-26 patrol plane crossed into Finnish airspace over the Aland Islands, "
                  "something no Russian aircraft had done since Finnish records began in 1995.", "FI")
    assert (v.occurred_on.value, v.model, v.count) == ("2019-05", "An-26", 1)


def test_one_of_the_jets_is_one():
    v = violation("Two Syrian MiG-21 jets approached the border, the army said. One of the two aircraft violated "
                  "Turkish airspace near Hatay on Sunday.", "TR")
    assert (v.violator, v.count, v.model) == ("SY", 1, "MiG-21")


def test_both_are_two_and_the_aircraft_may_be_several():
    v = violation("Two drones struck a depot near Tartu on Sunday. According to the Estonian army, both drones had "
                  "crossed into Estonian airspace from the east.", "EE")
    assert v.count == 2
    v = violation("Helsinki says the aircraft stayed inside Finnish airspace for 12 minutes.", "FI")
    assert v.count is None


def test_pairs_of_aircraft_count_two_each():
    v = violation("Three pairs of Russian Su-24 jets entered Finnish airspace near Hanko on Monday.", "FI")
    assert (v.violator, v.count) == ("RU", 6)
    v = violation("A pair of Russian Su-24 jets entered Finnish airspace near Hanko on Monday.", "FI")
    assert v.count == 2


def test_model_names_the_tokenizer_splits_or_writes_apart():
    v = violation("Two Russian Su 27 jets entered Finnish airspace near Kotka on Thursday.", "FI")
    assert (v.model, v.count) == ("Su-27", 2)
    v = violation("Greek Mirage 2000 jets crossed into Turkish airspace on Thursday, Ankara said.", "TR")
    assert (v.violator, v.model) == ("GR", "Mirage 2000")


def test_a_model_in_apposition_or_given_by_an_identifying_verb():
    v = violation("A Russian patrol plane, an An-26, entered Estonian airspace on Tuesday.", "EE")
    assert (v.violator, v.model) == ("RU", "An-26")
    v = violation("A Belarusian drone, identified by the army as a Shahed decoy, crossed into Latvia on Sunday.", "LV")
    assert (v.violator, v.model) == ("BY", "Shahed")


def test_a_later_definite_phrase_names_the_model_of_the_last_intruder():
    v = violation("A Russian drone crossed into Polish airspace on Sunday, the army said.\n"
                  "The drone, identified by investigators as a Geran-2, later came down in a field.", "PL")
    assert (v.violator, v.model) == ("RU", "Geran-2")
    v = violation("A Russian drone crossed into Polish airspace on Sunday, the army said.\n"
                  "The aircraft that chased it, an F-16, landed safely.", "PL")
    assert v.model is None


def test_balloons_a_state_sent_into_its_neighbour():
    v = violation("Since Tuesday night North Korea has sent at least 60 balloons over the frontier into South Korea, "
                  "many of them carrying waste paper, officials in Seoul said on Wednesday.", "KR")
    assert (v.violator, v.platform, v.count, v.occurred_on.value) == ("KP", "balloon", 60, "2025-10-08")
    v = violation("Dozens of balloons from Belarus floated into Latvia's airspace on Friday night.", "LV")
    assert (v.violator, v.platform) == ("BY", "balloon")


def test_balloons_over_an_island():
    v = violation("On Tuesday two Chinese balloons passed over the island of Taiwan.", "TW")
    assert (v.violator, v.count, v.occurred_on.value) == ("CN", 2, "2025-10-07")


def test_a_suspected_violation():
    v = violation("Suspected Russian drones violated Moldovan airspace overnight, officials in Chisinau said.", "MD")
    assert v.attribution == "suspected" and v.violator == "RU"


def test_a_drone_believed_to_be_of_a_state_is_suspected():
    v = violation("A drone believed to be Belarusian entered Polish airspace on Saturday and fell near Sokolka.", "PL")
    assert (v.violator, v.attribution, v.occurred_on.value) == ("BY", "suspected", "2025-10-04")


def test_a_drone_from_nowhere_named_is_unattributed():
    v = violation("An unidentified drone entered Estonian airspace from the east on Thursday, the army said.", "EE")
    assert (v.violator, v.attribution, v.platform, v.count) == (None, "unattributed", "drone", 1)


def test_north_korean_drones_and_a_chinese_balloon():
    found = incidents("On Monday five North Korean drones flew into South Korean airspace. "
                      "Separately, a Chinese balloon entered Taiwanese airspace last month.")
    korea, balloon = found[("airspace_violation", "KR")], found[("airspace_violation", "TW")]
    assert (korea.violator, korea.count) == ("KP", 5)
    assert (balloon.violator, balloon.platform, balloon.occurred_on.value, balloon.occurred_on.precision) == (
        "CN", "balloon", "2025-09", "month")


def test_a_passive_violation_names_the_intruder_after_by():
    v = violation("Slovak airspace was violated on Sunday by a Hungarian military helicopter flying near Komarno.",
                  "SK")
    assert (v.violator, v.platform, v.count, v.location) == ("HU", "aircraft", 1, "Komarno")


def test_a_missile_that_flew_into_the_airspace():
    v = violation("A Russian cruise missile flew into Polish airspace early on Tuesday and left it again after about "
                  "three minutes, the army said.", "PL")
    assert (v.platform, v.violator, v.duration_minutes) == ("missile", "RU", 3.0)


def test_several_victims_in_one_sentence():
    found = incidents("Russian drones violated Bulgarian and Romanian airspace on Monday night.")
    assert {k for k in found} == {("airspace_violation", "BG"), ("airspace_violation", "RO")}


def test_a_reported_drone_violation_belongs_to_the_reporting_state():
    found = incidents("Officials in Budapest said Hungary had logged a Russian drone violation of its own last month.")
    v = found[("airspace_violation", "HU")]
    assert (v.violator, v.platform, v.occurred_on.value) == ("RU", "drone", "2025-09")
    assert ("airspace_violation", "RU") not in found


def test_the_jet_of_a_later_sentence_is_the_one_named_before():
    found = incidents("Syrian forces shot down a Turkish F-4 jet on Friday. "
                      "Damascus said the jet had strayed into Syrian airspace.")
    v = found[("airspace_violation", "SY")]
    assert (v.violator, v.model) == ("TR", "F-4")


def test_its_airspace_is_never_the_intruders_own():
    found = incidents("Minsk rejected claims that Belarusian helicopters had entered its airspace on Monday.",
                      headline="Lithuania says Belarusian helicopters crossed into Lithuanian airspace")
    assert ("airspace_violation", "BY") not in found and ("airspace_violation", "LT") in found


# --- Dates, durations and places ----------------------------------------------------------------------------------


def test_a_day_after_dates_the_incident_before_the_report():
    v = violation("Sweden summoned the Russian ambassador on Tuesday, a day after a Russian Su-24 entered Swedish "
                  "airspace east of Oland.", "SE")
    assert v.occurred_on.value == "2025-10-06" and v.location == "east of Oland"


def test_the_trigger_clause_date_beats_the_day_it_was_said():
    found = incidents("Norway said on Wednesday that a Russian Il-38 had entered Norwegian airspace on Sunday.")
    assert found[("airspace_violation", "NO")].occurred_on.value == "2025-10-05"


def test_the_previous_day_counts_back_from_the_report():
    v = violation("Tokyo protested on Tuesday after a Chinese Y-8 plane violated Japanese airspace twice the previous "
                  "day off the island of Tsushima.", "JP")
    assert (v.occurred_on.value, v.violator, v.model) == ("2025-10-06", "CN", "Y-8")


def test_overnight_in_a_reported_clause_is_the_night_of_the_report():
    found = incidents("Police in Finland said on Monday that drones had been seen over the Pirkkala air base "
                      "overnight.")
    sighting = found[("drone_sighting", "FI")]
    assert sighting.occurred_on.value == "2025-10-06" and "Pirkkala" in sighting.location


def test_its_plane_belongs_to_the_state_that_speaks_of_it():
    found = incidents("Belarus said its An-26 plane had landed safely on Friday. "
                      "Lithuania said the plane had violated its airspace near Medininkai.")
    v = found[("airspace_violation", "LT")]
    assert (v.violator, v.model) == ("BY", "An-26")


def test_a_later_sentence_saying_how_long_the_intruder_stayed_adds_the_duration():
    v = violation("A Russian drone entered Romanian airspace on Monday. "
                  "Romanian jets tracked the drone until it left Romanian airspace after 35 minutes.", "RO")
    assert v.duration_minutes == 35.0


def test_leaving_airspace_alone_reports_no_incident():
    assert not incidents("The Russian jets left Finnish airspace after four minutes.")


def test_a_place_in_another_state_is_not_the_location():
    v = violation("Two Russian drones violated Moldovan airspace during an attack on the Ukrainian port of Reni and "
                  "one crashed near the village of Ocnita.", "MD")
    assert "Ocnita" in v.location


def test_something_that_flew_in_from_a_state_entered_the_one_the_sentence_places_it_in():
    v = violation("The drone that landed on a farm in eastern Latvia on Monday had flown in from Belarus and carried "
                  "explosives, the army said on Tuesday.", "LV")
    assert (v.violator, v.platform, v.occurred_on.value) == ("BY", "drone", "2025-10-06")
    found = incidents("Balloons drifted in from Belarus overnight and circled over army bases in eastern Latvia, the "
                      "army said.")
    assert list(found) == [("airspace_violation", "LV")] and found[("airspace_violation", "LV")].violator == "BY"
    assert incidents("Flights came in from Belarus on Monday, the airport said.") == {}


def test_an_entry_in_a_clause_on_the_subject_is_dated_by_what_the_subject_did_then():
    found = run("A Russian Orlan drone crashed in a field in eastern Latvia on Monday, the army said.\n"
                "On June 3, a drone that crossed into Latvian airspace was followed on radar until it vanished east "
                "of Riga.", published_at="2025-06-25T10:00:00Z").incidents
    assert sorted(i.occurred_on.value for i in found) == ["2025-06-03", "2025-06-23"]


def test_a_model_an_earlier_sentence_gave_a_state_identifies_a_later_intruder():
    found = run("A Russian Orlan drone crashed in a field in eastern Latvia on Monday, the army said.\n"
                "On June 3, a drone came into Latvia from Belarus and flew towards Riga; the army said it was "
                "probably an Orlan as well.", published_at="2025-06-25T10:00:00Z").incidents
    earlier = next(i for i in found if i.occurred_on.value == "2025-06-03")
    assert (earlier.violator, earlier.model, earlier.attribution) == ("RU", "Orlan", "suspected")


def test_a_kind_of_aircraft_described_in_the_present_identifies_no_intruder():
    found = run("On June 3, a drone crossed into Latvia from Belarus and was tracked heading towards Riga.\n"
                "Orlan drones are cheap reconnaissance aircraft that Russia flies over the front line.",
                published_at="2025-06-25T10:00:00Z").incidents
    assert [(i.violator, i.model) for i in found] == [("BY", None)]


def test_a_drone_of_no_known_state_that_came_down_in_a_named_state_was_sighted_there():
    found = incidents("A drone came down on farmland outside the village of Kowale in eastern Poland on Tuesday.")
    assert list(found) == [("drone_sighting", "PL")]
    assert "Kowale" in found[("drone_sighting", "PL")].location
    found = incidents("SEPTEMBER 2 - A drone falls onto farmland outside Kowale, a village in eastern Poland.")
    assert found[("drone_sighting", "PL")].occurred_on.value == "2025-09-02"


def test_an_official_who_calls_it_a_provocation_by_a_state_makes_the_sighting_its_violation():
    v = violation("A drone came down on farmland outside the village of Kowale in eastern Poland on Tuesday. The "
                  'defence minister called it "a provocation by the Russian Federation".', "PL")
    assert (v.violator, v.attribution, v.occurred_on.value) == ("RU", "attributed", "2025-10-07")
    found = incidents("A drone came down on farmland outside the village of Kowale in eastern Poland on Tuesday. "
                      "Officials would not yet say whether it was Russian.")
    assert list(found) == [("drone_sighting", "PL")]


def test_the_intruders_an_earlier_clause_dated_keep_that_day_in_a_later_undated_sentence():
    found = run("Armenian air defences downed two Azerbaijani military jets near the border on Wednesday, Yerevan said.\n"
                "On Tuesday, Azerbaijani warplanes flew into Armenian territory and struck a fuel depot outside "
                "Goris.\nAccording to an army spokesman, the two Azerbaijani aircraft had entered Armenian "
                "airspace before they were hit.", published_at="2025-10-09T10:00:00Z").incidents
    assert sorted((i.occurred_on.value, i.count) for i in found) == [("2025-10-07", None), ("2025-10-08", 2)]


def test_an_object_said_to_have_left_a_states_airspace_and_then_owned_had_been_inside_it():
    v = violation("Peru's air force said it had followed an unidentified object across the country on Friday. The "
                  "object, thought to be a balloon, drifted out of Peruvian airspace that evening, the air force "
                  "said.\nOn Monday China's foreign ministry admitted the balloon was Chinese.", "PE")
    assert (v.violator, v.platform) == ("CN", "balloon")


def test_what_an_object_is_believed_to_be_gives_its_state_and_platform():
    from streams.extraction.nlp import load_pipeline
    from streams.extraction.platforms import phrases

    sentence = next(load_pipeline()("The object, which is thought to be a Chinese balloon, drifted away.").sents)
    found = next(p for p in phrases(sentence) if p.head.text == "object")
    assert (found.state, found.platform) == ("CN", "balloon")
    # Leaving, with nothing said of whose it was, reports nothing.
    assert incidents("Peru's air force said the object drifted out of Peruvian airspace harmlessly.") == {}


# --- Drone sightings ----------------------------------------------------------------------------------------------


def test_drone_sightings_with_no_state_named_one_per_country():
    found = incidents("Unidentified drones were spotted on Saturday evening over an air base in Belgium and near "
                      "Munich Airport in Germany, forcing flights to be suspended.")
    assert set(found) == {("drone_sighting", "BE"), ("drone_sighting", "DE")}
    sighting = found[("drone_sighting", "DE")]
    assert (sighting.location, sighting.attribution, sighting.platform) == ("Munich Airport", "unattributed", "drone")
    assert sighting.occurred_on.value == "2025-10-04"


def test_a_sighting_counts_the_drones_its_own_clause_numbers():
    found = incidents("Norwegian police said a drone had been seen over Flesland airport on Monday evening.")
    assert found[("drone_sighting", "NO")].count == 1
    found = incidents("Danish police said drones were seen over Aarhus airport on Monday evening.")
    assert found[("drone_sighting", "DK")].count is None


def test_conjoined_phrases_of_place_and_day_are_two_sightings():
    found = run("Drones were seen on Friday night over the Loviisa plant and on Saturday evening over the Olkiluoto "
                "plant, according to Finnish police.").incidents
    got = sorted((i.kind, i.country, i.occurred_on.value, i.location) for i in found)
    assert got == [("drone_sighting", "FI", "2025-10-03", "the Loviisa plant"),
                   ("drone_sighting", "FI", "2025-10-04", "the Olkiluoto plant")]
    # One place with two days is one sighting, unless "again" tells a second one (as it does of an entry).
    found = run("Finnish police said drones were seen over the Loviisa plant on Friday night and Saturday.").incidents
    assert [(i.kind, i.location) for i in found] == [("drone_sighting", "the Loviisa plant")]
    found = run("Finnish police said drones were seen over the Loviisa plant on Friday night and again on Saturday.").incidents
    assert [(i.kind, i.location) for i in found] == [("drone_sighting", "the Loviisa plant")] * 2


def test_sightings_at_two_named_places_on_consecutive_days_stay_apart():
    found = run("Danish police said drones were seen over Aarhus airport on Friday.\n"
                "On Saturday, drones were spotted over Odense airport, police said.").incidents
    assert sorted(i.location for i in found) == ["Aarhus airport", "Odense airport"]


def test_drones_seen_and_blamed_on_a_state_are_its_violation():
    found = incidents("Drones appeared over 14 sites in eastern Greece on Friday night, and the defence ministry in Athens "
                      "blamed Turkey for the incursions.")
    assert list(found) == [("airspace_violation", "GR")]
    v = found[("airspace_violation", "GR")]
    assert (v.violator, v.attribution, v.occurred_on.value) == ("TR", "attributed", "2025-10-03")
    found = incidents("A group of drones was seen over Odense airport on Friday night, Danish police said.")
    assert list(found) == [("drone_sighting", "DK")]


def test_drones_sent_by_a_state_over_cities_it_lists():
    v = violation("On Thursday Turkish forces destroyed 12 drones sent by Greece over Izmir, Bodrum and several other "
                  "cities, the defence ministry in Ankara said.", "TR")
    assert (v.violator, v.count, v.location, v.occurred_on.value) == ("GR", 12, "Izmir", "2025-10-02")


def test_a_later_sentence_says_what_model_the_drones_were():
    v = violation("Greek officials said Turkish drones tried to infiltrate Greek airspace on Thursday night.\n"
                  "According to a Greek colonel, the drones were probably Kargu models.", "GR")
    assert (v.violator, v.model) == ("TR", "Kargu")


def test_infiltrating_airspace_is_entering_it():
    v = violation("A Greek colonel said 200 Turkish drones had tried to infiltrate Greek airspace on Thursday.", "GR")
    assert (v.violator, v.platform, v.count) == ("TR", "drone", 200)


def test_a_town_that_is_no_capital_places_a_sighting_in_its_state():
    found = incidents("Police said drones were seen over Tampere airport on Monday evening.")
    assert set(found) == {("drone_sighting", "FI")}
    assert "Tampere" in found[("drone_sighting", "FI")].location


def test_the_gazetteer_keeps_towns_but_not_words_or_given_names():
    assert (place_country("Kharkiv"), place_country("Liège"), place_country("Liege")) == ("UA", "BE", "BE")
    assert (place_country("Police"), place_country("Nice"), place_country("George")) == (None, None, None)


def test_two_sightings_in_one_sentence_keep_their_own_days_and_places():
    found = run("Drones were observed over Billund Airport late on Friday, Danish police said, two days after drone "
                "sightings shut Esbjerg Airport for three hours.").incidents
    seen = sorted((i.occurred_on.value, i.location) for i in found if i.kind == "drone_sighting")
    assert seen == [("2025-10-01", "Esbjerg Airport"), ("2025-10-03", "Billund Airport")]


def test_an_airport_that_names_the_state_places_the_sighting():
    found = incidents("Oslo Airport halted flights on Monday night after drones were spotted nearby, police said.")
    assert found[("drone_sighting", "NO")].location == "Oslo Airport"


def test_a_sighting_placed_by_the_authority_that_reports_it():
    found = incidents("Swedish police said drones had been observed over Lulea Airport late on Monday.")
    assert found[("drone_sighting", "SE")].location == "Lulea Airport"


def test_a_sighting_is_placed_by_the_named_site_not_by_a_bearing_or_a_relative_clause():
    found = incidents("Late on Friday a large drone hovered over the Loviisa plant east of Helsinki, its operator said.")
    assert found[("drone_sighting", "FI")].location == "the Loviisa plant"
    found = incidents("Police in Norway received reports of drone flights at the weekend over the Rygge air base, which "
                      "is used by U.S. aircraft.")
    assert set(found) == {("drone_sighting", "NO")}


def test_a_separate_sighting_at_a_place_a_subject_names_is_a_sighting_of_its_own_that_day():
    found = run("Danish officials said Billund Airport shut its runway on Friday evening once drones were seen close "
                "by, and that the port of Aarhus stopped work after a separate sighting.").incidents
    got = sorted((i.kind, i.country, i.occurred_on.value, i.location) for i in found)
    assert got == [("drone_sighting", "DK", "2025-10-03", "Billund Airport"),
                   ("drone_sighting", "DK", "2025-10-03", "the port of Aarhus")]
    # A sighting noun with nothing that makes it another one is the drones already named.
    found = run("Danish officials said Billund Airport shut its runway on Friday evening once drones were seen close "
                "by, and that the port of Aarhus stopped work after the sighting.").incidents
    assert len(found) == 1


def test_an_unidentified_drone_shot_down_over_a_place_was_sighted_in_the_state_of_the_forces_that_downed_it():
    found = incidents("Finnish forces shot down an unidentified drone in March 2021 above Hailuoto island, which lies "
                      "not far from the Swedish coast.")
    assert list(found) == [("drone_sighting", "FI")]
    sighting = found[("drone_sighting", "FI")]
    assert (sighting.location, sighting.count, sighting.occurred_on.value) == ("Hailuoto island", 1, "2021-03")
    found = incidents("Finnish forces shot down an unidentified civilian drone in March 2021 above Hailuoto island, one "
                      "of a group of islands near the Swedish coast.")
    assert list(found) == [("drone_sighting", "FI")]
    # Drones shot down with nothing unknown about them are a war's, no sighting.
    assert incidents("Finnish forces shot down two drones over Hailuoto island on Monday.") == {}


def test_a_unit_named_with_a_hyphen_places_a_sighting_in_its_state():
    found = incidents("Drones were seen over army depots in the southern state of Baden-Württemberg on Monday, "
                      "police said.")
    assert set(found) == {("drone_sighting", "DE")}
    assert "Baden-Württemberg" in found[("drone_sighting", "DE")].location


def test_drone_flights_over_places_in_several_states_are_a_sighting_in_each():
    found = incidents("Similar drone flights were reported last week over army depots in the southern state of "
                      "Baden-Württemberg and over ports in Belgium and the Netherlands.",
                      published_at="2025-10-16T10:00:00Z")
    assert set(found) == {("drone_sighting", "DE"), ("drone_sighting", "BE"), ("drone_sighting", "NL")}
    assert found[("drone_sighting", "DE")].occurred_on.value == "2025-10"
    assert "Baden-Württemberg" in found[("drone_sighting", "DE")].location


# --- Article 4 ----------------------------------------------------------------------------------------------------


def test_several_article4_requesters_in_one_sentence_and_none_without_article4():
    found = incidents("Latvia, Lithuania and Finland requested consultations under Article 4 on Friday. "
                      "Allies later met in Brussels at Slovakia's request.")
    assert {k for k in found if k[0] == "article4_request"} == {("article4_request", c) for c in ("LV", "LT", "FI")}
    assert found[("article4_request", "LV")].occurred_on.value == "2025-10-03"


def test_article4_requested_by_a_state_or_at_its_request():
    found = incidents("Article 4 consultations were requested by Croatia on Monday. "
                      "Ambassadors met under Article 4 at the request of Albania.")
    assert {k[1] for k in found if k[0] == "article4_request"} == {"HR", "AL"}


def test_one_article4_request_and_one_violation_from_one_sentence():
    found = incidents("Earlier in September, 14 Russian drones crossed into Danish airspace, prompting Denmark to invoke "
                      "Article 4.")
    assert ("article4_request", "DK") in found
    v = found[("airspace_violation", "DK")]
    assert (v.violator, v.count, v.occurred_on.value, v.occurred_on.precision) == ("RU", 14, "2025-09", "month")


@pytest.mark.parametrize("verb", ["spurring", "compelling", "pushing"])
def test_a_state_an_event_moved_to_invoke_article4_requests_it(verb: str):
    found = incidents(f"Two Belarusian helicopters crossed into Latvian airspace on Monday, {verb} Latvia to invoke "
                      "Article 4.")
    assert requesters(found) == {"LV"}


def test_a_request_the_parser_misreads_still_counts():
    found = incidents("Slovenia has since requested consultations under Article 4 of the treaty.")
    assert ("article4_request", "SI") in found


def test_a_state_that_will_ask_for_article4_requests_it():
    assert ("article4_request", "NO") in incidents("Norway would ask for consultations under Article 4, its prime "
                                                   "minister said.")


def test_article4_considered_or_ruled_out_is_no_request():
    found = incidents("Portugal is considering whether to request consultations under Article 4. "
                      "Belgium said there was no need to invoke Article 4. Canada has not invoked Article 4. "
                      "Several lawmakers urged Estonia to invoke Article 4.")
    assert not found


def requesters(found: dict[tuple[str, str], IncidentFact]) -> set[str]:
    return {country for kind, country in found if kind == "article4_request"}


def test_requesters_listed_in_apposition_between_dashes():
    found = incidents("After a missile strike, four members — Norway, Denmark, Iceland and Portugal — asked on Monday "
                      "for consultations under Article 4.")
    assert requesters(found) == {"NO", "DK", "IS", "PT"}
    assert {found[("article4_request", c)].occurred_on.value for c in ("NO", "PT")} == {"2025-10-06"}


def test_requesters_in_apposition_after_a_collective_noun():
    found = incidents("Three allies, Greece, Italy and Spain, asked for consultations under Article 4 on Tuesday.")
    assert requesters(found) == {"GR", "IT", "ES"}


@pytest.mark.xfail(strict=True, reason="companions written 'asked for the talks together with X', 'X later joined the"
                                       " request', 'Denmark sought a meeting, joined by Iceland'")
def test_companions_of_a_requester_request_too():
    found = incidents("Talks under Article 4 were held on Friday. Hungary and Croatia had asked for them together with "
                      "Slovenia, and Albania and Montenegro were joined to the request later, according to "
                      "diplomats. Denmark sought a meeting under Article 4, joined by Iceland.")
    assert requesters(found) == {"HU", "HR", "SI", "AL", "ME", "DK", "IS"}


def test_requesters_named_after_a_dated_request_share_its_date():
    found = incidents("Five allies requested consultations under Article 4 on Tuesday. Norway and Denmark filed the "
                      "request jointly with Iceland, Portugal and Spain, according to diplomats. The treaty allows any ally "
                      "to call consultations, and envoys will meet at Norway's request on Friday.")
    assert requesters(found) == {"NO", "DK", "IS", "PT", "ES"}
    assert {found[("article4_request", c)].occurred_on.value for c in requesters(found)} == {"2025-10-07"}


def test_a_request_is_dated_by_its_own_clause_not_by_what_prompted_it():
    found = incidents("Norway will ask its allies for consultations under Article 4 after a drone hit a depot on "
                      "Saturday, the minister said on Monday.")
    assert found[("article4_request", "NO")].occurred_on.value == "2025-10-06"


def test_a_meeting_still_to_come_does_not_date_the_request():
    reported = run("Spain requested consultations under Article 4 on Monday. "
                   "At Spain's request, the allies' envoys will convene under Article 4 on Friday.").incidents
    assert [(i.kind, i.country, i.occurred_on.value) for i in reported] == [("article4_request", "ES", "2025-10-06")]


# --- Timelines and roundups ---------------------------------------------------------------------------------------


def test_a_timeline_line_is_dated_by_its_heading():
    found = incidents("The incidents so far:\n"
                      "JULY 2 - A Russian drone enters Latvian airspace near Rezekne.\n"
                      "SEPTEMBER 14 - A drone that entered Hungarian airspace near Zahony overnight is shot down. "
                      "Hungary asks for talks under Article 4, which open on Sept. 16.\n"
                      "* MARCH 2023 - Slovakia invoked Article 4 after a missile fell near Kosice.")
    assert found[("airspace_violation", "LV")].occurred_on.value == "2025-07-02"
    hungary = found[("airspace_violation", "HU")]
    assert (hungary.occurred_on.value, hungary.location) == ("2025-09-14", "Zahony")
    assert found[("article4_request", "HU")].occurred_on.value == "2025-09-14"
    assert found[("article4_request", "SK")].occurred_on.value == "2023-03"


def test_present_tense_timeline_lines_the_tagger_reads_as_noun_phrases():
    found = incidents("Timeline:\nJULY 10 - A drone from Belarus enters Latvia and heads for Riga. Investigators later "
                      "say it was probably a Russian Gerbera decoy.\n"
                      "AUGUST 2 - A drone strays into Finnish airspace near Kotka.")
    latvia, finland = found[("airspace_violation", "LV")], found[("airspace_violation", "FI")]
    assert (latvia.violator, latvia.attribution, latvia.model, latvia.occurred_on.value) == (
        "RU", "suspected", "Gerbera", "2025-07-10")
    assert (finland.occurred_on.value, finland.location) == ("2025-08-02", "Kotka")


def test_a_date_range_heading_and_a_capitalised_plural_platform():
    found = incidents("Roundup:\nOct. 6-7 — Drones are seen near Helsinki Airport; officials call it a hybrid attack.")
    sighting = found[("drone_sighting", "FI")]
    assert (sighting.occurred_on.value, sighting.location) == ("2025-10-06", "Helsinki Airport")


# --- Whose drones, where they came from, what they were -----------------------------------------------------------


def test_a_states_drones_over_a_neighbours_city_are_a_violation_not_a_sighting():
    found = incidents("Latvia on Monday accused Belarus of repeatedly flying drones above Riga.")
    assert set(found) == {("airspace_violation", "LV")}
    v = found[("airspace_violation", "LV")]
    assert (v.violator, v.attribution, v.platform, v.location) == ("BY", "attributed", "drone", "Riga")


def test_drones_seen_over_a_city_of_another_state_than_theirs():
    found = incidents("Belarusian drones were spotted over Vilnius on Tuesday night.")
    assert set(found) == {("airspace_violation", "LT")} and found[("airspace_violation", "LT")].violator == "BY"


def test_the_airspace_over_a_city_and_a_list_of_days_reports_one_incident_a_day():
    reported = run("According to the ministry, Belarusian drones entered the airspace above Riga on September 2, 5 "
                   "and 9.").incidents
    assert sorted(i.occurred_on.value for i in reported) == ["2025-09-02", "2025-09-05", "2025-09-09"]
    assert {(i.country, i.violator, i.location) for i in reported} == {("LV", "BY", "Riga")}


def test_what_a_drone_was_outweighs_where_it_came_from():
    found = incidents("A drone flew into Lithuania from Belarus on Monday. The army said on Tuesday the drone had "
                      "probably been a Russian Gerbera decoy.")
    v = found[("airspace_violation", "LT")]
    assert (v.violator, v.attribution, v.model, v.occurred_on.value) == ("RU", "suspected", "Gerbera", "2025-10-06")


def test_a_drone_that_came_from_a_state_is_that_states_when_nothing_else_is_said():
    v = violation("A drone flew into Lithuania from Belarus on Monday.", "LT")
    assert (v.violator, v.attribution) == ("BY", "attributed")


def test_a_drone_spending_time_over_a_states_territory():
    v = violation("A Belarusian drone spent about 40 minutes over Lithuanian territory on Sunday.", "LT")
    assert (v.violator, v.duration_minutes, v.occurred_on.value) == ("BY", 40.0, "2025-10-05")


def test_a_request_the_parser_reads_as_a_noun_phrase():
    assert requesters(incidents("Latvia requests Article 4 consultations.")) == {"LV"}


def test_a_states_drone_that_crashed_on_another_states_ground():
    found = incidents("A Russian Shahed-type drone that had come in from Latvia crashed in Estonia's eastern Valga "
                      "region last October, Tallinn said.")
    v = found[("airspace_violation", "EE")]
    assert (v.violator, v.model, v.occurred_on.value, v.occurred_on.precision) == ("RU", "Shahed", "2024-10", "month")
    assert "Valga" in v.location


def test_background_crashes_keep_their_own_years():
    reported = run("Russian drones crossed into Finnish airspace on Monday. Several Russian drones crashed on "
                   "Finnish territory in 2016, and in 2019 a drone carrying a camera came down near the town of "
                   "Imatra.").incidents
    assert sorted(i.occurred_on.value for i in reported) == ["2016", "2019", "2025-10-06"]
    assert {i.violator for i in reported} == {"RU"}
    assert next(i for i in reported if i.occurred_on.value == "2019").location == "the town of Imatra"


def test_a_base_one_state_runs_in_another_is_in_the_host_state():
    found = run("Drones were seen on Sunday night near two US Navy bases in Spain, officials said. A US Navy spokesman "
                "said the US Navy was aware of the flights. The US Navy later said drones had also been seen over the "
                "bases on Monday.").incidents
    assert sorted((i.country, i.occurred_on.value) for i in found) == [("ES", "2025-10-05"), ("ES", "2025-10-06")]


def test_a_shot_down_jet_that_crashed_abroad_is_no_violation_of_where_it_fell():
    found = incidents("Turkish jets shot down a Russian Su-24 bomber that had violated Turkish airspace on Tuesday; "
                      "the plane crashed in the Syrian province of Idlib.")
    assert set(found) == {("airspace_violation", "TR")}


def test_two_airports_halted_by_sightings_and_two_timeline_days_a_day_apart():
    found = run("Roundup of the week.\nOct. 5 — Tallinn Airport is closed for part of the evening over drone "
                "sightings.\nOCTOBER 6 - After more drone sightings, flights are suspended at the Tallinn and "
                "Helsinki airports.").incidents
    assert sorted((i.country, i.occurred_on.value, i.location) for i in found) == [
        ("EE", "2025-10-05", "Tallinn Airport"), ("EE", "2025-10-06", "Tallinn"), ("FI", "2025-10-06", "Helsinki")]


# --- Negatives ----------------------------------------------------------------------------------------------------


def test_hard_negatives_yield_nothing():
    found = incidents("Chinese bombers entered South Korea's air defence identification zone on Tuesday. "
                      "Russian jets flew in international airspace over the Baltic Sea. "
                      "Ministers condemned the repeated incursions into allied airspace. "
                      "Russian aircraft have repeatedly violated Latvian airspace since 2022. "
                      "Any drone that enters Romanian airspace will be shot down, the minister said.")
    assert not found


def test_anyone_at_all_and_a_denied_intention_are_no_incident():
    found = incidents('"Whoever enters our airspace without permission will be shot down, wherever they come '
                      'from," the Finnish prime minister said. Norway has no plan to violate the airspace of its '
                      "neighbours, the Norwegian minister said.")
    assert not found


def test_crossing_back_is_a_return_not_an_entry():
    found = incidents("On Sunday a Russian missile flew into Polish territory near the village of Kolo and stayed for "
                      "39 seconds, crossing back into Ukraine afterwards, the army said.")
    assert list(found) == [("airspace_violation", "PL")]
    assert found[("airspace_violation", "PL")].duration_minutes == 0.65


def test_an_aircraft_that_did_not_enter_or_claims_its_own_airspace_is_no_incident():
    found = incidents("The Chinese aircraft did not enter Japanese airspace. "
                      "Beijing said its helicopter had been flying in China's own airspace.")
    assert not found


def test_a_denial_does_not_add_a_second_incident():
    found = incidents("A Russian Su-30 jet entered Swedish airspace east of Gotland on Thursday, Sweden said. "
                      "Russia rejected the claim that its jet had crossed into Swedish airspace. "
                      "According to Moscow, the plane was in Russian airspace for the entire flight.")
    assert list(found) == [("airspace_violation", "SE")]


# --- Merging and evidence -----------------------------------------------------------------------------------------


def test_a_timeline_keeps_dated_incidents_apart():
    found = run("Estonia has recorded these intrusions this year:\n"
                "On March 3, a Russian Il-76 transport plane entered Estonian airspace near Ruhnu.\n"
                "June 14: Two Russian MiG-29 jets violated Estonian airspace over the Gulf of Riga.\n").incidents
    dated = sorted((i.occurred_on.value, i.count) for i in found if i.kind == "airspace_violation")
    assert dated == [("2025-03-03", 1), ("2025-06-14", 2)]


def test_one_incident_however_often_it_is_mentioned():
    found = run("On Monday three Russian jets spent twelve minutes in Latvian airspace.",
                headline="Russian jets violate Latvian airspace",
                standfirst="Latvia says three Russian jets violated its airspace.").incidents
    assert len(found) == 1
    assert (found[0].duration_minutes, found[0].count, len(found[0].evidence)) == (12, 3, 3)


def test_evidence_is_an_exact_slice_of_its_field():
    body = ("Officials met on Monday.\n\nTwo Russian Ka-52 helicopters crossed into Finnish airspace on Sunday, "
            "the border guard said.\nLater, Finland asked for consultations under Article 4.")
    story = article(body, headline="Russian helicopters cross into Finland", standfirst="Helsinki protests.")
    found = run(body, headline=story.headline, standfirst=story.standfirst).incidents
    assert {i.kind for i in found} == {"airspace_violation", "article4_request"}
    for incident in found:
        assert incident.evidence and 0 < incident.confidence <= 1
        for evidence in incident.evidence:
            assert story.field(evidence.field)[evidence.start:evidence.end] == evidence.text
            assert evidence.text == evidence.text.strip()


# --- Numbers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, minutes", [
    ("was inside for a total of 8 minutes", 8.0),
    ("stayed for twelve minutes", 12.0),
    ("inside its airspace for 17 seconds", 0.2833),
    ("left the country's airspace after roughly 50 minutes", 50.0),
    ("a 12-minute incursion", 12.0),
    ("for half an hour", 30.0),
    ("was called on the radio 6 times over three minutes before jets fired", None),
    ("lingered for a combined total of a few minutes", None),
    ("came in at dawn and left it again some four minutes later", 4.0),
    ("about 90 seconds after crossing the border, the drone was shot down", 1.5),
    ("a drone lingers for about 40 minutes near the border", 40.0),
    ("two hours later, the minister said it was Russian", None),
])
def test_durations(text: str, minutes: float | None):
    assert duration_minutes(text) == minutes


@pytest.mark.parametrize("text, value", [("three", 3), ("20", 20), ("twenty-one", 21), ("1,200", 1200), ("few", None)])
def test_numbers(text: str, value: int | None):
    assert number(text) == value


def test_a_state_entered_by_its_name():
    v = violation("Two Belarusian military helicopters crossed into Latvia near Kraslava on Tuesday.", "LV")
    assert (v.violator, v.count, v.location) == ("BY", 2, "Kraslava")


def test_a_drone_incursion_with_no_state_is_a_sighting():
    found = incidents("Danish police investigated a drone incursion over Billund Airport on Friday.")
    assert list(found) == [("drone_sighting", "DK")]


def test_a_threat_against_any_intruder_is_no_incident_but_a_named_one_is():
    assert not run("Poland's foreign minister warned that Poland would shoot down any object violating its "
                   "airspace.").incidents
    v = violation("A Russian drone violating Polish airspace was shot down near Lublin on Friday.", "PL")
    assert (v.violator, v.platform) == ("RU", "drone")


def test_the_state_the_intruders_came_from_is_the_violator():
    v = violation("Three drones entered Lithuanian airspace from Belarus overnight, the crisis centre said.", "LT")
    assert (v.violator, v.count, v.platform) == ("BY", 3, "drone")


# --- Reading past the parser's attachments ------------------------------------------------------------------------


def test_a_stay_whose_place_hangs_from_the_duration_noun():
    found = incidents("Timeline:\nAPRIL 4 - Finnish radar tracks a Russian drone that spends about 25 minutes over "
                      "Finnish territory and then turns back.")
    v = found[("airspace_violation", "FI")]
    assert (v.violator, v.platform, v.duration_minutes, v.occurred_on.value) == ("RU", "drone", 25.0, "2025-04-04")


def test_days_listed_in_one_sentence_stay_separate_incidents_even_a_day_apart():
    found = run("Georgia said on Monday that Armenia had sent drones over Tbilisi several times this month. "
                "Armenian drones entered the airspace above Tbilisi on August 11, 12 and 20, the interior "
                "ministry said.", published_at="2025-08-25T09:00:00Z").incidents
    days = sorted(i.occurred_on.value for i in found if i.kind == "airspace_violation")
    assert days == ["2025-08-11", "2025-08-12", "2025-08-20"]


def test_what_was_sent_into_a_state_when_the_parser_splits_the_clause_at_a_coordination():
    v = violation("Belarus has sent at least 40 balloons with contraband cigarettes and what appeared to be "
                  "propaganda leaflets into Lithuania since Sunday night, officials in Vilnius said on Monday.", "LT")
    assert (v.violator, v.platform, v.count) == ("BY", "balloon", 40)
    assert v.attribution == "attributed"  # "what appeared to be" hedges the cargo, not whose balloons they were


def test_a_list_after_a_colon_spells_out_earlier_violations_one_incident_an_item():
    found = [i for i in run("Twice before, Finland has shot down Russian aircraft that entered its airspace: a Ka-52 "
                            "helicopter in October 2019 and a MiG-21 jet in May last year.").incidents]
    assert sorted((i.country, i.violator, i.model, i.count, i.occurred_on.value) for i in found) == [
        ("FI", "RU", "Ka-52", 1, "2019-10"), ("FI", "RU", "MiG-21", 1, "2024-05")]


def test_saying_nothing_of_an_entry_reports_none():
    found = incidents("A Su-27 of unknown origin shadowed two Norwegian F-35s for ten minutes on Sunday, the army "
                      "reported, without saying whether the jet had crossed into Norwegian airspace.")
    assert not found


def test_a_protest_days_later_is_dated_by_the_protest_yet_reports_the_same_incursion():
    found = run("On Thursday Norway called in Russia's envoy over a Russian helicopter's incursion into Norwegian "
                "airspace. A Russian Mi-8 helicopter crossed into Norwegian airspace near Kirkenes on "
                "Tuesday, the foreign ministry said.", published_at="2025-10-10T12:00:00Z").incidents
    assert [(i.country, i.model, i.occurred_on.value) for i in found] == [("NO", "Mi-8", "2025-10-07")]


def test_where_the_entry_itself_happened_before_where_the_intruder_was_later_shot_down():
    v = violation("Before it was shot down off Gotland on Saturday, the Russian balloon had also crossed Finland, the "
                  "Finnish defence minister said on Monday. According to the minister, the balloon drifted into "
                  "Finnish airspace over Lapland on Oct. 1 and out again a day later.", "FI")
    assert (v.violator, v.location, v.occurred_on.value) == ("RU", "Lapland", "2025-10-01")


def test_a_drone_launched_from_a_states_ship_is_that_states():
    v = violation("Sweden said a drone launched from a Finnish navy ship had strayed into its airspace over the "
                  "archipelago in May.", "SE")
    assert (v.violator, v.attribution, v.platform, v.occurred_on.value) == ("FI", "attributed", "drone", "2025-05")


def test_a_drone_launched_from_a_states_territory_only_came_from_there():
    v = violation("A drone launched from Belarusian territory flew into Latvian airspace on Monday. It was probably a "
                  "Russian Gerbera decoy, according to the army.", "LV")
    assert (v.violator, v.attribution, v.model) == ("RU", "suspected", "Gerbera")


def test_a_participle_the_parser_takes_for_the_verb_describes_the_intruder():
    v = violation("Drones launched from Russia entered Estonian airspace near Narva on Friday night.", "EE")
    assert (v.violator, v.platform, v.location) == ("RU", "drone", "Narva")


def test_a_request_for_something_else_beside_consultations_it_is_not_seeking():
    found = incidents("Finland wants allies to send more air defence systems, the minister said, though it is not "
                      "seeking consultations under Article 4 of the treaty. Norway will ask its partners for help on "
                      "its northern border, she said, but does not intend to seek consultations under Article 4.")
    assert not found


def test_what_a_state_would_do_to_drones_that_violate_its_airspace_is_no_incident():
    found = incidents("If a drone were to stray into Latvian airspace, the army would decide. Governments across "
                      "the region have warned they are ready to shoot down drones that stray into their airspace. Oslo says it will "
                      "intercept aircraft that enter Norwegian airspace without permission.")
    assert not found


def test_two_nights_in_a_row_each_named_in_its_own_clause_are_two_sightings():
    found = run("For a second night running, drones seen near the runway stopped flights at Tallinn airport late on "
                "Friday. The airport had already closed on Thursday evening because of drone sightings, and six "
                "flights were sent on to Riga, Helsinki and Tartu.", published_at="2025-10-11T09:00:00Z").incidents
    assert sorted((i.kind, i.country, i.occurred_on.value) for i in found) == [
        ("drone_sighting", "EE", "2025-10-09"), ("drone_sighting", "EE", "2025-10-10")]


def test_a_clause_coordinated_with_the_entry_keeps_its_own_date():
    found = run("According to the Swedish military, the balloon came into Swedish airspace over Kiruna on Jan. 12, "
                "crossed into Finland, and flew back into Sweden near Lulea on Jan. 14. Finland's defence minister "
                "said the balloon had drifted into Finnish airspace over Lapland on Jan. 13.",
                published_at="2025-01-20T09:00:00Z").incidents
    finland = [i for i in found if i.country == "FI"]
    assert [(i.occurred_on.value, i.location) for i in finland] == [("2025-01-13", "Lapland")]


def test_days_on_which_something_was_said_or_done_about_an_entry_do_not_split_it():
    found = run("Poland's army said on Monday that a Russian drone had crossed into its airspace. Warsaw summoned "
                "the Russian envoy on Wednesday to protest against the incursion into Polish airspace by the drone. "
                "The drone entered Polish airspace near Lublin on Sunday, the army said.",
                published_at="2025-10-09T09:00:00Z").incidents
    assert [(i.country, i.violator, i.occurred_on.value, i.location) for i in found] == [
        ("PL", "RU", "2025-10-05", "Lublin")]


def test_what_was_used_to_try_to_enter_is_the_intruder():
    v = violation("On Tuesday night Turkey used dozens of drones to try to break into Greek airspace along the "
                  "border, officials said.", "GR")
    assert (v.violator, v.platform, v.occurred_on.value) == ("TR", "drone", "2025-10-07")


def test_a_state_named_once_as_a_suspect_is_not_what_the_story_is_about():
    found = run("This page follows the drone sightings that shut a major Baltic airport on Friday night, days after "
                "Russia issued warnings to its neighbours.\n20:10 - Police in Gdansk say drones have been spotted "
                "near the runway at Gdansk Airport, which has halted flights.\n21:30 - The Gdansk police chief says "
                "he cannot rule out that Russia is behind the flights.", published_at="2025-10-11T06:00:00Z",
                headline="LIVE: Drone sightings shut an airport").incidents
    assert [(i.kind, i.country, i.occurred_on.value) for i in found] == [("drone_sighting", "PL", "2025-10-10")]


def test_a_live_blog_entry_is_dated_by_its_time_before_or_after_midnight():
    found = run("Live updates on the drone sightings at two airports.\n"
                "22:40 - A drone is reported over Riga Airport, according to Riga police.\n"
                "00:15 - Drones are spotted near the runway at Vilnius Airport, and flights are halted, police say.",
                published_at="2025-10-11T07:00:00Z").incidents
    assert sorted((i.country, i.occurred_on.value) for i in found) == [("LT", "2025-10-11"), ("LV", "2025-10-10")]


def test_what_someone_believes_an_intruder_was_is_only_a_suspicion():
    v = violation("A drone that violated Greek airspace near Samos on Friday was shot down by Greek jets. According to "
                  "a U.S. official, Washington thinks the drone was Turkish.", "GR")
    assert (v.violator, v.attribution) == ("TR", "suspected")


def test_jets_that_overfly_a_states_islands_violate_its_airspace():
    found = incidents("Finland protested on Tuesday after Russian fighter jets flew over two of its inhabited islands "
                      "in the Gulf, the military said. According to the military, two pairs of Russian "
                      "Su-27s passed low over the islands of Kuuskari and Haapasaari.", published_at="2025-10-09T09:00:00Z")
    v = found[("airspace_violation", "FI")]
    assert (v.violator, v.model, v.count, v.occurred_on.value, v.location) == ("RU", "Su-27", 4, "2025-10-07", "Kuuskari")


def test_jets_over_open_water_violate_nobody():
    found = incidents("The Finnish military said Russian jets flew over the Gulf of Bothnia on Tuesday. Russian "
                      "bombers flew over international waters near the Finnish islands.")
    assert not found


def test_where_the_entry_itself_happened_not_where_a_later_clause_of_the_sentence_went():
    v = violation("The Swedish military said the balloon had come into Swedish airspace north of Kiruna on Jan. 12, "
                  "then drifted east until it came down near Lulea on Jan. 14.", "SE",
                  published_at="2025-01-20T09:00:00Z")
    assert (v.location, v.occurred_on.value) == ("north of Kiruna", "2025-01-12")


def test_the_drone_a_story_already_gave_a_state_is_no_unidentified_sighting():
    found = incidents("A Russian fighter clipped a U.S. reconnaissance drone above the Black Sea on Tuesday. According "
                      "to Moscow, the drone was flying near the coast of Ukraine without its transponder.")
    assert ("drone_sighting", "UA") not in found


def test_drones_that_force_an_airport_to_shut_are_seen_not_defending():
    found = run("Drones were spotted over Kaunas airport late on Wednesday. On Monday night, two days earlier, "
                "drones had forced Vilnius Airport to close for three hours.",
                published_at="2025-10-10T09:00:00Z").incidents
    assert sorted((i.kind, i.country, i.occurred_on.value) for i in found) == [
        ("drone_sighting", "LT", "2025-10-06"), ("drone_sighting", "LT", "2025-10-08")]


@pytest.mark.xfail(strict=True, reason="more intruders picked up another day ('radar picked up about a dozen more "
                                       "balloons') are missed")
def test_more_of_the_same_intruders_seen_another_day_are_another_incident():
    found = run("Riga airport closed on Friday night when dozens of balloons floated into Latvian airspace from "
                "Belarus. On Saturday evening radar picked up about a dozen more balloons and flights were stopped "
                "again.", published_at="2025-10-13T09:00:00Z").incidents
    assert sorted((i.occurred_on.value, i.country, i.violator, i.platform, i.count) for i in found) == [
        ("2025-10-10", "LV", "BY", "balloon", None), ("2025-10-11", "LV", "BY", "balloon", 12)]


def test_a_named_sector_places_an_incursion():
    v = violation("Tbilisi said Armenian jets crossed into Georgian airspace over the Lagodekhi sector.",
                  "GE")
    assert v.violator == "AM" and "Lagodekhi" in v.location


def test_overnight_and_late_on_the_day_before_are_one_night():
    for body in ("Russian drones crossed into Polish airspace overnight, the army said on Wednesday. The drones "
                 "entered Polish airspace late on Tuesday near Lublin and were shot down.",
                 "Russian drones entered Polish airspace late on Tuesday, the army said. Some of the drones crossed "
                 "into Polish airspace overnight near Lublin, it added."):
        assert [(i.country, i.location) for i in run(body).incidents] == [("PL", "Lublin")], body


def test_a_list_of_what_interceptors_did_keeps_them_defenders():
    v = violation("Two Russian drones entered Latvian airspace on Monday. Latvian jets scrambled, tracked the drones "
                  "and shot them down near Rezekne.", "LV")
    assert (v.violator, v.platform, v.count) == ("RU", "drone", 2)


def test_jets_over_their_own_states_city_violate_nobody():
    found = incidents("Lithuania said on Monday that Russian jets had been flying over the city of Kaliningrad during "
                      "an exercise, close to Lithuanian airspace.")
    assert not found


# --- Accusations made by several states -----------------------------------------------------------------------------


def test_states_listed_as_accusers_are_each_a_victim_of_the_state_they_accuse() -> None:
    found = incidents("The talks follow weeks in which Finland, Latvia and Lithuania accused Belarus of violating "
                      "their airspace with helicopters.")
    victims = {country: i.violator for (kind, country), i in found.items() if kind == "airspace_violation"}
    assert victims == {"FI": "BY", "LV": "BY", "LT": "BY"}


def test_the_governments_of_listed_states_accuse_for_their_states() -> None:
    found = incidents("In a joint letter, the governments of Sweden and Norway both accused Moscow of violating "
                      "their airspace.")
    victims = {country: i.violator for (kind, country), i in found.items() if kind == "airspace_violation"}
    assert victims == {"SE": "RU", "NO": "RU"}


def test_one_accuser_with_its_airspace_is_the_victim_not_the_violator() -> None:
    v = violation("Moldova accused Russia on Friday of violating its airspace with a cruise missile.", "MD")
    assert v.violator == "RU"


# --- An undated lead is the news of the day -----------------------------------------------------------------------


def test_an_undated_event_in_the_lead_is_dated_the_publication_day() -> None:
    found = incidents("Hungary and Croatia have both requested consultations under Article 4 of the NATO treaty.\n"
                      "Diplomats expect the allies to meet within days.")
    assert {key: i.occurred_on.value for key, i in found.items()} == {
        ("article4_request", "HU"): "2025-10-08", ("article4_request", "HR"): "2025-10-08"}


def test_an_undated_event_later_in_the_story_stays_undated() -> None:
    body = ("Ministers met in Vienna on Wednesday to discuss the budget.\n"
            "Talks on farm subsidies went on late into the night.\n"
            "Customs staff reported delays at the border.\n"
            "Separately, Slovakia has in the past accused Hungary of violating its airspace with a helicopter.")
    v = violation(body, "SK")
    assert v.occurred_on is None


# --- Named sites listed in one clause are separate sightings -------------------------------------------------------


def sighted(body: str) -> list[tuple[str, str | None]]:
    return sorted((i.country, i.location) for i in run(body).incidents if i.kind == "drone_sighting")


def test_each_site_listed_in_a_sighting_is_its_own_sighting() -> None:
    assert sighted("Swedish police said drones were observed on Tuesday night at Ronneby Air Base and the "
                   "Karlskrona naval station.") == [("SE", "Karlskrona naval station"), ("SE", "Ronneby Air Base")]


def test_sites_listed_by_apposition_are_separate_but_a_renamed_airport_is_one() -> None:
    assert len(sighted("Drones were seen overnight over Norfolk bases RAF Marham, RAF Coningsby and RAF "
                       "Wittering, British police said.")) == 3
    assert sighted("Finnish police said a drone had been seen on Monday over Helsinki Airport, Vantaa.") == [
        ("FI", "Helsinki Airport")]


def test_a_state_named_as_the_owner_of_a_site_makes_no_second_site() -> None:
    assert sighted("A drone was seen on Friday over Orland Air Base, which is Norway's main fighter base.") == [
        ("NO", "Orland Air Base")]


def test_operations_at_an_airport_are_no_other_event_to_keep_its_place_from() -> None:
    assert sighted("Operations at Finland's busiest airport in Vantaa were halted in late August because of "
                   "drone sightings.") == [("FI", "Vantaa")]


# --- A sighting told as repeated ----------------------------------------------------------------------------------


def test_drones_seen_twice_are_two_sightings() -> None:
    assert sighted("Late in September, drones were seen twice above an army depot near Ypres, Belgian officials "
                   "said.") == [("BE", "Ypres"), ("BE", "Ypres")]


def test_drones_seen_three_times_are_three_sightings() -> None:
    assert len(sighted("Swedish police said drones were observed three times over the Forsmark plant last week.")) == 3


def test_traffic_suspended_twice_is_one_disruption() -> None:
    assert len(sighted("Departures at Aalborg Airport were suspended twice on Monday because of reports of "
                       "drones.")) == 1


# --- Claims of a violation; "national airspace" -------------------------------------------------------------------


def test_a_violation_a_state_claims_is_reported() -> None:
    v = violation("The Norwegian defence ministry claimed in early March that a Russian transport plane had entered "
                  "Norwegian airspace near Kirkenes.", "NO")
    assert (v.violator, v.occurred_on.value) == ("RU", "2025-03")


def test_national_airspace_is_the_story_states_own() -> None:
    body = ("Finland's border guard said on Tuesday that two Russian Su-35 jets are alleged to have violated national "
            "airspace near the town of Kotka.")
    assert violation(body, "FI").violator == "RU"


def test_sovereign_airspace_of_a_named_state_is_that_states() -> None:
    found = incidents("According to the ministry, the pair of Chinese bombers kept to international airspace over "
                      "the sea and never crossed into Japanese sovereign airspace.")
    assert ("airspace_violation", "CN") not in found


# --- "That day": a day named by reference to the last one -----------------------------------------------------------


def test_that_day_is_the_day_the_text_named_before() -> None:
    body = ("On September 30, hikers reported seeing drones near the Olkiluoto plant in Finland.\n"
            "Late on that day, departures at Turku Airport were halted because of reports of drones.")
    found = sorted((i.location, i.occurred_on.value) for i in run(body).incidents if i.kind == "drone_sighting")
    assert ("Turku Airport", "2025-09-30") in found


def test_the_same_evening_with_no_day_named_before_is_the_publication_day() -> None:
    found = [i for i in run("Departures at Turku Airport were halted the same evening after drones were reported "
                            "near the runway.").incidents if i.kind == "drone_sighting"]
    assert [i.occurred_on.value for i in found] == ["2025-10-08"]


# --- Drones seen that came from a state ----------------------------------------------------------------------------


def test_drones_from_a_state_seen_in_another_are_its_violation_not_a_sighting_there() -> None:
    found = incidents("The army said soldiers detected several unidentified objects suspected to be drones from "
                      "Belarus over the Varena district in Lithuania on Sunday.")
    assert ("drone_sighting", "BY") not in found
    v = found[("airspace_violation", "LT")]
    assert (v.violator, v.occurred_on.value) == ("BY", "2025-10-05")


# --- A list of dates: one incident a date --------------------------------------------------------------------------


def test_a_list_of_days_before_the_month_is_one_violation_a_day() -> None:
    found = [i for i in run("Lithuania said balloons from Belarus entered its airspace on 2, 14 and 19 September.",
                            ).incidents if i.kind == "airspace_violation"]
    assert sorted(i.occurred_on.value for i in found) == ["2025-09-02", "2025-09-14", "2025-09-19"]


def test_a_list_of_years_is_one_violation_a_year() -> None:
    found = [i for i in run("Greek officials said Turkish drones had entered Greek airspace in 2019 and 2022.",
                            ).incidents if i.kind == "airspace_violation"]
    assert sorted(i.occurred_on.value for i in found) == ["2019", "2022"]


def test_a_list_of_months_is_one_sighting_a_month() -> None:
    found = [i for i in run("Drones were spotted over the Ringhals plant in Sweden in March 2024, July 2024 and "
                            "January 2025, police said.").incidents if i.kind == "drone_sighting"]
    assert sorted(i.occurred_on.value for i in found) == ["2024-03", "2024-07", "2025-01"]


# --- Requests counted out with their dates -------------------------------------------------------------------------


def requests(body: str, **kwargs: str) -> list[tuple[str, str | None]]:
    return sorted((i.country, i.occurred_on.value if i.occurred_on else None) for i in run(body, **kwargs).incidents
                  if i.kind == "article4_request")


def test_requests_counted_out_with_dates_are_one_request_a_time() -> None:
    assert requests("Lithuania has invoked Article 4 before: twice in 2016 and once in 2021.") == [
        ("LT", "2016"), ("LT", "2016"), ("LT", "2021")]


def test_years_ago_date_a_counted_request() -> None:
    assert requests("Only Latvia has asked for Article 4 consultations before, once during the 2009 crisis and twice, "
                    "three years ago, over the border dispute.", published_at="2020-05-01T12:00:00Z") == [
        ("LV", "2009"), ("LV", "2017"), ("LV", "2017")]


def test_a_count_without_dates_stays_one_request() -> None:
    assert requests("Estonia requested Article 4 consultations on Monday, and it did so twice.") == [
        ("EE", "2025-10-06")]


# --- "air space"; "Turkish ones" ---------------------------------------------------------------------------------


def test_air_space_written_apart_is_airspace() -> None:
    v = violation("Bulgarian officials said two Russian helicopters had violated the country's air space on Monday.",
                  "BG")
    assert (v.violator, v.occurred_on.value) == ("RU", "2025-10-06")


def test_ones_after_a_contrast_takes_the_state_of_its_modifier() -> None:
    body = ("Norway's air force said on Sunday that Norwegian jets had escorted Russian ones that had entered "
            "Norwegian airspace near Vardo.")
    assert violation(body, "NO").violator == "RU"


def test_a_states_jets_over_the_island_the_story_named_violate_the_story_states_airspace() -> None:
    body = ("Cyprus protested on Monday after a flight near the small island of Kleidia.\n"
            "Officials said two Turkish jets flew over the island at low altitude.")
    v = violation(body, "CY")
    assert (v.violator, v.count) == ("TR", 2)


# --- Airspace held by a state's authorities; two kinds of intruder -------------------------------------------------


def test_airspace_controlled_by_a_states_authorities_is_that_states() -> None:
    v = violation("Moldovan officials said a Russian drone violated the airspace controlled by the Moldovan "
                  "authorities near Varnita on Tuesday.", "MD")
    assert (v.violator, v.platform) == ("RU", "drone")


def test_a_drone_and_a_helicopter_on_different_days_are_two_violations() -> None:
    body = ("Azerbaijan said an Armenian drone entered Azerbaijani airspace on 3 May.\n"
            "An Armenian helicopter intruded into Azerbaijani airspace near Tovuz, officials said in a later "
            "statement.")
    found = [i for i in run(body).incidents if i.kind == "airspace_violation"]
    assert sorted(i.platform for i in found) == ["aircraft", "drone"]


def test_a_state_that_names_whose_people_are_involved_is_no_place_of_a_sighting() -> None:
    found = incidents("Drones were seen over Aalborg Airport on Friday, and the prime minister did not rule out "
                      "Russian involvement, while three Chinese citizens were questioned.")
    assert sorted(country for kind, country in found if kind == "drone_sighting") == ["DK"]


def test_a_time_opening_a_crash_sentence_is_no_ground_it_fell_on() -> None:
    body = ("Lithuania's army said on Monday a drone had entered Lithuanian airspace from Belarus.\n"
            "In March 2023, Estonian farmers found a Russian drone that had crashed in Estonia.")
    found = incidents(body)
    v = found[("airspace_violation", "EE")]
    assert (v.violator, v.occurred_on.value) == ("RU", "2023-03")


def test_a_similar_drone_from_a_neighbour_is_the_earlier_intruders_state() -> None:
    body = ("A Russian drone crashed in a field in eastern Latvia on Sunday, the army said.\n"
            "On August 2 another drone of the same type flew into Latvian airspace, coming from Belarus.")
    found = [i for i in run(body).incidents if i.kind == "airspace_violation" and i.occurred_on
             and i.occurred_on.value == "2025-08-02"]
    assert [(i.country, i.violator) for i in found] == [("LV", "RU")]


def test_the_airspace_with_no_owner_named_is_the_state_that_responded() -> None:
    v = violation("Poland scrambled jets on Monday after two Russian drones entered the airspace near Lublin.", "PL")
    assert (v.violator, v.count) == ("RU", 2)


# --- A state's aircraft brought down by another -------------------------------------------------------------------


def test_a_state_that_shoots_down_anothers_drone_had_it_in_its_airspace() -> None:
    v = violation("Georgian forces have shot down an Armenian drone near Marneuli, the defence ministry said on "
                  "Tuesday.", "GE")
    assert (v.violator, v.platform) == ("AM", "drone")


def test_a_jet_shot_down_over_open_water_shows_no_airspace_entered() -> None:
    found = incidents("Greece changed its rules after Libya shot down a Greek transport plane over the Ionian Sea in "
                      "2019.")
    assert ("airspace_violation", "LY") not in found


# --- A place or day told in the sentence before --------------------------------------------------------------------


def test_a_sentence_referring_back_takes_the_day_and_place_of_the_one_before() -> None:
    body = ("Departures at Cork Airport were halted for half an hour on Sunday afternoon.\n"
            "The closure was ordered after three drones were seen near the runway.")
    found = sightings_of(body)
    assert [(s.country, s.location, s.occurred_on.value, s.count) for s in found] == [
        ("IE", "Cork Airport", "2025-10-05", 3)]


def test_the_airport_is_the_one_the_story_named() -> None:
    body = ("Drones were seen over Cork Airport in Ireland on Sunday, police said.\n"
            "Residents spent the evening at home.\n"
            "Departures were halted at the airport on Friday after another drone was seen on the runway.")
    assert sorted((s.location, s.occurred_on.value) for s in sightings_of(body)) == [
        ("Cork Airport", "2025-10-03"), ("Cork Airport", "2025-10-05")]


def sightings_of(body: str) -> list[IncidentFact]:
    return [i for i in run(body).incidents if i.kind == "drone_sighting"]


def test_an_undated_event_told_as_recent_is_of_the_month_of_publication() -> None:
    body = ("Ministers met in Vienna on Wednesday to discuss the budget.\n"
            "Talks on farm subsidies went on late into the night.\n"
            "Customs staff reported delays at the border.\n"
            "Croatia recently accused Serbia of violating its airspace with a drone.")
    assert violation(body, "HR").occurred_on.value == "2025-10"


def test_recent_early_in_a_month_may_be_last_month_and_stays_undated() -> None:
    body = ("Ministers met in Vienna on Monday to discuss the budget.\n"
            "Talks on farm subsidies went on late into the night.\n"
            "Customs staff reported delays at the border.\n"
            "Croatia recently accused Serbia of violating its airspace with a drone.")
    assert violation(body, "HR", published_at="2025-10-03T12:00:00Z").occurred_on is None


def test_a_tally_of_sightings_over_years_is_no_sighting() -> None:
    found = sightings_of("Drones were seen over Tromso Airport in Norway on Tuesday, police said.\n"
                         "Its yearly figures list 21 drone sightings for 2023 and 9 for 2022, respectively.")
    assert [s.occurred_on.value for s in found] == ["2025-10-07"]


def test_an_undated_incident_after_a_dated_one_of_its_kind_and_state_happened_then_too() -> None:
    body = ("Swedish police said drones were seen on Friday over Ronneby Air Base.\n"
            "Officials would not say how many were seen.\n"
            "Drones were also noticed over Kallinge Airport in Sweden, police said.")
    found = sorted((s.location, s.occurred_on.value if s.occurred_on else None) for s in sightings_of(body))
    assert found == [("Kallinge Airport", "2025-10-03"), ("Ronneby Air Base", "2025-10-03")]


# --- Coordinated prepositions; seas named after a state -------------------------------------------------------------


def test_into_and_out_of_airspace_is_an_entry_each_preposition_taking_the_one_object() -> None:
    v = violation("Radar showed two Belarusian helicopters moving into and out of Latvian airspace east of Daugavpils "
                  "on Sunday, the border guard said.", "LV")
    assert (v.violator, v.count, v.occurred_on.value, v.location) == ("BY", 2, "2025-10-05", "east of Daugavpils")


def test_drifting_only_out_of_airspace_is_still_no_entry_by_itself() -> None:
    assert not incidents("A weather balloon drifted out of Slovak airspace on Monday, officials said.")


def test_a_sea_named_after_a_state_lies_off_its_coast_and_places_another_states_incident() -> None:
    v = violation("Two Russian patrol planes violated Estonian airspace over the Gulf of Riga on Thursday.", "EE")
    assert v.location == "the Gulf of Riga"


# --- The story's own sentences and headline place an incident its clause does not --------------------------------


def headline_sightings(body: str, headline: str) -> list[IncidentFact]:
    return [i for i in run(body, headline=headline).incidents if i.kind == "drone_sighting"]


def test_a_site_the_headline_names_places_the_lead_event_no_clause_places() -> None:
    found = headline_sightings("Danish police said drones were spotted on Tuesday evening, and flights were halted "
                               "for two hours.", headline="Drone scare: Skagen Airport shuts its runway")
    assert [s.location for s in found] == ["Skagen Airport"]


def test_a_headline_site_is_not_given_to_an_incident_told_after_the_lead() -> None:
    body = ("Danish ministers met on Monday to discuss airport security.\n"
            "They agreed to buy new radar systems for the coming winter.\n"
            "Drones were also seen over a Danish ferry port on Sunday, police said.")
    found = headline_sightings(body, headline="Drone scare: Skagen Airport shuts its runway")
    assert found and "Skagen Airport" not in {s.location for s in found}


# --- The day of saying; clock times ---------------------------------------------------------------------------------


def test_the_day_a_sighting_was_told_gives_way_to_the_day_a_later_sentence_gives_it() -> None:
    """ "Drones flew over the base, prosecutors said Friday": Friday is when it was said; a later sentence's own
    day (Thursday) dates the one sighting both tell of."""
    body = ("The Dutch navy used jammers as several drones flew over a guarded naval base, prosecutors said Friday.\n"
            "Officials were not sure who had sent them.\n"
            "Radar logs show that a group of four drones circled above the Dutch base on Thursday evening.")
    found = [(s.occurred_on.value, s.count) for s in run(body).incidents if s.kind == "drone_sighting"]
    assert found == [("2025-10-02", 4)]


def test_a_clock_time_with_its_time_zone_is_no_place() -> None:
    found = [i for i in run("Four drones were seen over a French port on Tuesday at 2100 GMT.").incidents]
    assert found and all("GMT" not in (i.location or "") for i in found)


def test_a_list_of_seas_sharing_its_last_noun_is_open_water_though_one_is_named_after_a_state() -> None:
    assert not incidents("Russian Il-38 maritime patrol aircraft flew over the Chukchi, Japanese and Bering Sea.")


def test_a_city_listed_with_a_sea_is_still_overflown() -> None:
    v = violation("Belarusian balloons drifted over Vilnius and the Baltic Sea on Monday.", "LT")
    assert (v.violator, v.location) == ("BY", "Vilnius")


# --- Violation nouns with their "into" phrase; ground incursions; "the jets" of the same sentence -------------------


def test_an_incursion_whose_into_phrase_hangs_on_the_intruder_or_on_the_verb() -> None:
    v = violation("Cairo protested the incursion of a Sudanese helicopter into Egyptian airspace near the Nile.", "EG")
    assert (v.violator, v.platform, v.count) == ("SD", "aircraft", 1)
    v = violation("Ecuador denounced an incursion by a Peruvian military helicopter into its territory on Friday.", "EC")
    assert (v.violator, v.occurred_on.value) == ("PE", "2025-10-03")


def test_an_incursion_of_troops_into_territory_is_on_the_ground_not_in_the_air() -> None:
    assert not incidents("Moscow condemned the incursion of Ukrainian troops into Russian territory in August.")
    assert not incidents("Kyiv launched an incursion by armoured units into Russian territory last summer.")


def test_the_aircraft_a_sentence_named_before_are_those_its_definite_phrase_refers_to() -> None:
    v = violation("Turkish warplanes struck targets in northern Iraq, and Baghdad said the jets had violated Iraqi "
                  "airspace.", "IQ")
    assert (v.violator, v.platform) == ("TR", "aircraft")


def test_a_violation_by_a_state_that_the_parser_hung_on_the_verb() -> None:
    v = violation("Pakistan condemned an unprovoked violation of its airspace by Iran that killed two children on "
                  "Tuesday.", "PK")
    assert (v.violator, v.occurred_on.value) == ("IR", "2025-10-07")


def test_the_state_whose_envoy_is_summoned_over_a_violation_is_held_responsible() -> None:
    v = violation("Sweden summoned the Russian ambassador after two jets violated Swedish airspace south of Gotland.",
                  "SE")
    assert (v.violator, v.count) == ("RU", 2)
    v = violation("Iraq summoned Turkey's ambassador over air strikes on a camp near Mosul that violated Iraqi airspace.",
                  "IQ")
    assert v.violator == "TR"


def test_a_passive_violation_keeps_its_agent_and_no_envoy_overrides_a_named_intruder() -> None:
    v = violation("Finland summoned the Swedish ambassador, saying its airspace had been violated by a Russian jet.", "FI")
    assert v.violator == "RU"


# --- Which place: a named site before the region it lies in, land before sea, no continent, no institution -------


def test_a_named_site_in_a_region_is_placed_at_the_site() -> None:
    found = run("Maxwell Air Force Base in Alabama had to shut its airspace on Friday because of drones flying over "
                "the base.").incidents
    assert [(i.kind, i.location) for i in found] == [("drone_sighting", "Maxwell Air Force Base")]


def test_a_continent_is_no_place_in_a_state() -> None:
    found = run("Drones were spotted over Europe on Friday and over the French naval base.").incidents
    assert {i.location for i in found} == {"the French naval base"}


def test_islands_in_a_sea_place_an_incident_better_than_the_sea() -> None:
    v = violation("A Russian A-50 plane violated South Korean airspace over the Sea of Japan, the ministry said. "
                  "The plane flew near the Ulleung islets for seven minutes.", "KR")
    assert v.location == "the Ulleung islets"


def test_a_body_of_people_is_no_place() -> None:
    v = violation("A Russian drone flew into Latvian airspace on Saturday, and the authorities, including the Border "
                  "Police, are investigating.", "LV")
    assert v.location is None


def test_a_rise_in_incursions_is_a_trend_not_an_incident() -> None:
    assert not incidents("Vilnius noted an increase in Belarusian balloon incursions over the summer.")


def test_a_single_incursion_beside_a_trend_word_elsewhere_still_counts() -> None:
    v = violation("Despite a rise in tension, a Russian drone incursion into Latvian airspace on Sunday was the only "
                  "one this month.", "LV")
    assert v.violator == "RU"


# --- States by their other names; "at no time" --------------------------------------------------------------------


def test_states_named_by_initials_or_a_name_with_of_in_it() -> None:
    assert violation("A DRC fighter jet violated Rwandan airspace on Tuesday, the government said.", "RW").violator == "CD"
    v = violation("Kigali said a Su-25 from DR Congo entered Rwandan airspace over Lake Kivu on Monday.", "RW")
    assert v.violator == "CD"
    v = violation("A fighter jet from the Democratic Republic of Congo violated Rwandan airspace on Tuesday.", "RW")
    assert v.violator == "CD"
    v = violation("Doha told the Security Council that a UAE military plane had breached its airspace.", "QA")
    assert v.violator == "AE"


def test_at_no_time_negates_the_entry_but_with_no_warning_does_not() -> None:
    assert not incidents("The Russian bombers kept to neutral waters, and at no point did they cross into Norwegian "
                         "airspace.")
    assert violation("Two Russian jets entered Finnish airspace with no warning on Monday.", "FI").count == 2


def test_an_overflight_whose_over_phrase_hangs_on_the_height_flown_at() -> None:
    v = violation("Syrian helicopters flew at low altitude over the Jordanian town of Ramtha on Sunday.", "JO")
    assert (v.violator, v.platform, v.occurred_on.value) == ("SY", "aircraft", "2025-10-05")


def test_this_evening_in_a_story_stamped_before_dawn_is_the_evening_before() -> None:
    body = "Flights at Aalborg airport in Denmark were halted after a drone was seen near the runway this evening."
    before_dawn = sightings_of_at(body, "2025-10-08T01:30:00Z")
    afternoon = sightings_of_at(body, "2025-10-08T17:30:00Z")
    assert [s.occurred_on.value for s in before_dawn] == ["2025-10-07"]
    assert [s.occurred_on.value for s in afternoon] == ["2025-10-08"]


def sightings_of_at(body: str, published_at: str) -> list[IncidentFact]:
    return [i for i in run(body, published_at=published_at).incidents if i.kind == "drone_sighting"]


def test_a_place_called_by_its_name_before_one_described_by_common_nouns() -> None:
    body = ("A Chinese patrol plane violated Japanese airspace near the country’s southwestern coast twice on Monday.\n"
            "Officials said the plane flew over Yonaguni Island for two minutes.")
    assert violation(body, "JP").location == "Yonaguni Island"


# --- A dateline is parsed apart from the sentence it heads ---------------------------------------------------------


def test_a_dateline_is_its_own_parse_and_the_sentence_after_it_keeps_its_subject() -> None:
    doc = load_pipeline()("KIRUNA, Sweden — Military drones hovered above the naval base on Monday night, police "
                          "said.\nGDANSK, Poland (AP) -- A second paragraph opens with its own dateline.")
    assert [s.text.strip() for s in doc.sents][:3] == ["KIRUNA, Sweden —", "Military drones hovered above the naval "
                                                       "base on Monday night, police said.", "GDANSK, Poland (AP) --"]
    assert next(t for t in doc if t.lower_ == "drones").dep_ == "nsubj"


def test_a_capitalised_opening_or_a_dash_inside_a_paragraph_is_no_dateline() -> None:
    doc = load_pipeline()("NATO said two jets - both Italian - were scrambled.\nThe base — a radar site — was shut.")
    assert [s.text.strip() for s in doc.sents] == ["NATO said two jets - both Italian - were scrambled.",
                                                   "The base — a radar site — was shut."]


def test_drones_seen_in_a_sentence_under_a_dateline_are_a_sighting_there() -> None:
    found = [(i.kind, i.country, i.occurred_on.value if i.occurred_on else None) for i in run(
        "KIRUNA, Sweden — Military drones hovered above the naval base on Monday night, police said.").incidents]
    assert found == [("drone_sighting", "SE", "2025-10-06")]


# --- A state's drones seen in another state --------------------------------------------------------------------------


def test_a_states_drone_seen_near_a_place_in_another_state_is_a_violation_there() -> None:
    found = [(i.kind, i.country, i.violator, i.occurred_on.value, i.location, i.rules) for i in run(
        "A Belarusian military drone was spotted near Vilnius Airport on Tuesday, the army said.").incidents]
    assert found == [("airspace_violation", "LT", "BY", "2025-10-07", "Vilnius Airport", ("violation.seen",))]


def test_a_states_drone_seen_in_its_own_state_or_only_perhaps_seen_is_nothing() -> None:
    assert run("A Russian military drone was spotted near Pskov Airport on Tuesday, the Russian army said.").incidents \
        == ()
    assert run("Lithuanian officials said a Belarusian drone might have been spotted near Kaunas Airport on "
               "Tuesday.").incidents == ()


# --- Sightings told in a relative clause on the drones ---------------------------------------------------------------


def test_drones_that_flew_somewhere_are_a_sighting_there_in_each_state_named() -> None:
    found = [(i.kind, i.country, i.occurred_on.value) for i in run(
        "Police are still hunting for whoever flew the drones that hovered over the naval bases of Finland and "
        "Sweden on Monday night.").incidents]
    assert sorted(found) == [("drone_sighting", "FI", "2025-10-06"), ("drone_sighting", "SE", "2025-10-06")]


def test_a_relative_clause_of_a_kind_or_only_perhaps_is_no_sighting() -> None:
    assert run("Drones that fly over airports pose a growing risk, the aviation authority warned.").incidents == ()
    assert run("Coastguards are tracking the drones that may have flown over the port of Turku on Monday.").incidents \
        == ()


# --- The story's state from its place names, each read whole -------------------------------------------------------


def test_a_place_name_of_several_words_gives_the_story_its_state_whole() -> None:
    body = ("Drones were seen above Fort Drum late on Monday, officials said.\n"
            "Fort Drum in New York also had to close its airspace on Friday because of drones.")
    found = [(i.country, i.occurred_on.value) for i in run(body).incidents if i.kind == "drone_sighting"]
    assert found == [("US", "2025-10-06"), ("US", "2025-10-03")]  # "New York" is no "York"


def test_an_unplaced_incident_takes_the_place_another_sentence_about_the_aircraft_names():
    body = ("A Belarusian surveillance drone was tracked over the lakes near Kalvarija on Sunday, border guards said.\n"
            "Officials later confirmed the drone had violated Lithuanian airspace for about ten minutes.")
    v = violation(body, "LT")
    assert v.violator == "BY" and v.location is not None and "Kalvarija" in v.location


def test_a_place_from_another_sentence_is_not_given_when_the_state_has_two_such_incidents():
    body = ("A Belarusian drone entered Lithuanian airspace on Monday, the army said.\n"
            "Another Belarusian drone crossed into Lithuanian airspace on Thursday.\n"
            "Pieces of a drone were later found in a field near Birstonas.")
    found = [i for i in run(body).incidents if i.kind == "airspace_violation"]
    assert len(found) == 2 and all(i.location is None or "Birstonas" not in i.location for i in found)


@pytest.mark.parametrize("body, place", [
    # a site on a named island or peninsula: the name after "on" places it
    ("Several drones circled over the naval base on Hailuoto on Tuesday night, the Finnish navy said.", "Hailuoto"),
    # a municipality or a section of a border, named before its noun, is a place
    ("A Belarusian drone came down in Zarasai municipality on Monday after entering Lithuanian airspace.", "Zarasai"),
    ("A Belarusian helicopter entered Lithuanian airspace in the Medininkai section of the border on Monday.",
     "Medininkai"),
])
def test_places_named_on_an_island_or_as_a_municipality_or_border_section(body, place):
    found = [i for i in run(body).incidents if i.kind != "article4_request"]
    assert found and found[0].location is not None and place in found[0].location


def test_on_after_a_verb_or_an_event_names_no_place():
    v = violation("A Belarusian drone entered Lithuanian airspace on Monday, the army said on Telegram.", "LT")
    assert v.location is None


def test_a_town_named_at_the_border_places_the_incident_better_than_the_border():
    v = violation("An Eritrean helicopter entered Ethiopian airspace at the frontier in Zalambessa on Sunday, "
                  "officials in Addis Ababa said.", "ET")
    assert v.violator == "ER" and v.location == "Zalambessa"


def test_the_border_is_the_place_when_nothing_in_it_is_named():
    v = violation("An Eritrean helicopter entered Ethiopian airspace near the Eritrean border on Sunday, officials said.", "ET")
    assert v.location is not None and "border" in v.location


def test_a_number_compared_with_an_earlier_report_is_a_difference_not_the_count():
    from streams.extraction.platforms import phrases
    sentence = load_pipeline()("Estonia now says five Russian helicopters crossed into its airspace on Monday, two "
                               "more helicopters than the border guard first announced.")[:]
    assert [(p.head.text, p.count) for p in phrases(sentence)] == [("helicopters", 5), ("helicopters", None)]


def test_a_number_of_more_aircraft_without_a_comparison_is_their_count():
    v = violation("Three more Russian helicopters crossed into Estonian airspace on Monday, the border guard said.",
                  "EE")
    assert v.count == 3


LEAD_DATED = ("Latvia on Friday protested what it called reckless flying by Russian jets near its coast.\n"
              "The foreign ministry summoned the Russian charge d'affaires to explain.\n"
              "{event}")


def test_an_undated_incident_the_story_tells_after_its_lead_is_of_the_leads_day():
    v = violation(LEAD_DATED.format(event="Two Russian fighter jets had entered Latvian airspace near Ventspils, "
                                          "officials said."), "LV")
    assert (v.violator, v.occurred_on.value, v.occurred_on.precision) == ("RU", "2025-10-03", "day")


def test_an_incident_with_its_own_date_keeps_it_whatever_the_lead_says():
    v = violation(LEAD_DATED.format(event="Two Russian fighter jets had entered Latvian airspace near Ventspils "
                                          "on Thursday, officials said."), "LV")
    assert v.occurred_on.value == "2025-10-02"


def test_an_undated_incident_stays_undated_when_the_lead_gives_no_day():
    body = LEAD_DATED.replace(" on Friday", "").format(
        event="Two Russian fighter jets had entered Latvian airspace near Ventspils, officials said.")
    assert violation(body, "LV").occurred_on is None



def test_a_sighting_in_the_last_hour_is_of_the_day_of_publication_not_a_later_day_the_sentence_names():
    found = incidents("A drone was seen near the runway at Birmingham Airport in the past hour, its managing "
                      "director said, warning that the disruption could last into Saturday.")
    assert found[("drone_sighting", "GB")].occurred_on.value == "2025-10-08"


def test_an_aircraft_called_a_drone_aircraft_is_a_drone():
    v = violation("Lithuania said a Belarusian drone aircraft strayed into its airspace near Vilnius on Monday.", "LT")
    assert (v.violator, v.platform) == ("BY", "drone")
    v = violation("Lithuania said a Belarusian transport aircraft strayed into its airspace on Monday.", "LT")
    assert v.platform == "aircraft"


def test_a_day_on_the_verb_coordinated_with_the_entry_dates_the_entry_before_the_day_it_was_told():
    body = ("An Azerbaijani drone flew over Armenian army posts near the border, Yerevan said on Tuesday.\n"
            "According to the ministry, the drone crossed into Armenian airspace from the east and circled over the "
            "positions near the village of Tegh at about 9pm on October 4.")
    assert violation(body, "AM").occurred_on.value == "2025-10-04"
