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


# --- Whose story: a border as a landmark or kept, a state in apposition -------------------------------------------


def test_a_site_on_a_neighbours_border_does_not_make_the_story_the_neighbours() -> None:
    found = incidents("Police in Austria opened an inquiry on Tuesday. Drones were spotted above three power stations "
                      "across the country on Sunday night. Protesters broke into a power station on the Czech border "
                      "in May.")
    assert ("drone_sighting", "AT") in found and ("drone_sighting", "CZ") not in found


def test_a_border_something_hovered_on_is_still_the_named_states() -> None:
    found = incidents("Police opened an inquiry on Tuesday. Drones were spotted above three power stations across "
                      "the country on Sunday night. A week earlier one had hovered on the Czech border for an hour.")
    assert ("drone_sighting", "CZ") in found


def test_a_state_closing_a_border_named_by_its_neighbour_keeps_its_own() -> None:
    found = incidents("The national carrier halted two flights on Friday after balloons drifted into its airspace.",
                      headline="Lithuania shuts Belarus border")
    assert ("airspace_violation", "LT") in found and ("airspace_violation", "BY") not in found


def test_a_border_another_state_violated_is_the_named_states() -> None:
    found = incidents("The national carrier halted two flights on Friday after balloons drifted into its airspace.",
                      headline="Belarus warplanes violate Lithuanian border")
    assert ("airspace_violation", "LT") in found


def test_a_subject_that_names_its_state_in_apposition_owns_its_airspace() -> None:
    found = incidents("The Baltic state, Lithuania, closed two airports on Friday after balloons drifted into its "
                      "airspace. Belarus denied sending them, and Belarus state media in Minsk called the claim "
                      "absurd.")
    assert ("airspace_violation", "LT") in found and ("airspace_violation", "BY") not in found


def test_a_subject_whose_apposition_is_no_state_leaves_its_airspace_to_the_story() -> None:
    found = incidents("The national carrier, airBaltic, halted two flights on Friday after balloons drifted into its "
                      "airspace. Belarus denied sending them, and Belarus state media in Minsk called the claim "
                      "absurd.")
    assert ("airspace_violation", "LT") not in found


# --- Where: not where it came from; at the place whose edge it was on ----------------------------------------------


def test_a_state_named_on_where_a_drone_came_from_is_no_place_it_was_seen() -> None:
    found = incidents("Two drones flew over Gozo on Monday all the way from the Libyan war zone, Maltese officials "
                      "said.")
    assert ("drone_sighting", "MT") in found and ("drone_sighting", "LY") not in found


def test_a_state_named_on_where_a_drone_flew_is_a_place_it_was_seen() -> None:
    found = incidents("Two drones flew over the Libyan war zone on Monday, Maltese officials said.")
    assert ("drone_sighting", "LY") in found


def test_the_outskirts_of_a_town_place_a_crash_at_the_town() -> None:
    found = incidents("A drone crashed on the outskirts of Tartu on Sunday, Estonian police said.")
    assert found[("drone_sighting", "EE")].location == "Tartu"
    found = incidents("Estonian soldiers found pieces of a Russian drone in the vicinity of the village of Kiili on "
                      "Sunday.")
    assert "Kiili" in (found[("airspace_violation", "EE")].location or "")


def test_the_edge_of_an_unnamed_forest_names_no_place() -> None:
    found = incidents("A drone crashed on the edge of a forest in southern Estonia on Sunday.")
    assert "forest" not in (found[("drone_sighting", "EE")].location or "")


# --- When: a period, not a list; a count's period, not the day ----------------------------------------------------


def test_two_dates_between_which_drones_flew_bound_one_period() -> None:
    found = run("Drones flew over four wind farms in Belgium between 3 and 17 September, officials said.").incidents
    assert len(found) == 1 and found[0].occurred_on.value == "2025-09-03"
    assert len(run("Drones flew over wind farms in Belgium between September 3 and 17, officials said.").incidents) == 1


def test_two_dates_listed_are_two_sightings() -> None:
    found = run("Drones flew over wind farms in Belgium on 3 and 17 September, officials said.").incidents
    assert sorted(i.occurred_on.value for i in found) == ["2025-09-03", "2025-09-17"]


def test_the_period_an_ordinal_counts_incidents_over_does_not_date_this_one() -> None:
    v = incidents("Estonia shut its biggest airport after balloons floated into its airspace, the fourth such "
                  "incident this month.")[("airspace_violation", "EE")]
    assert v.occurred_on.precision == "day"


def test_a_period_that_dates_the_clause_dates_it() -> None:
    v = incidents("Estonia shut its biggest airport after balloons floated into its airspace this month."
                  )[("airspace_violation", "EE")]
    assert v.occurred_on.value == "2025-10"


# --- Where, when several: drones placed in places listed each by noun and name -------------------------------------


def test_drones_recovered_in_a_town_and_a_village_named_each_are_one_incident_a_place() -> None:
    found = run("Two Russian drones crashed in Estonia on Sunday. Police said the drones were recovered in the "
                "coastal town of Sillamae and the farming village of Toila.").incidents
    assert sorted(i.location for i in found) == ["the coastal town of Sillamae", "the farming village of Toila"]
    assert {(i.country, i.violator, i.occurred_on.value) for i in found} == {("EE", "RU", "2025-10-05")}


def test_one_drones_pieces_or_one_place_in_another_are_one_incident() -> None:
    assert len(run("A Russian drone crashed in Estonia on Sunday. Police said pieces of the drone were recovered in "
                   "the coastal town of Sillamae and the farming village of Toila.").incidents) == 1
    assert len(run("Two Russian drones crashed in Estonia on Sunday. Police said the drones were recovered near the "
                   "coastal town of Sillamae in the county of Ida-Viru.").incidents) == 1


# --- Set in an attack, found from a drone, like a state's drones --------------------------------------------------


def test_the_attack_a_sentence_is_set_in_dates_what_fell_in_it() -> None:
    v = incidents("Moldova said on Friday that Russian drones had crashed on its soil. Following a Russian drone attack "
                  "on 30 September, Ukraine said several drones had strayed into Moldovan airspace."
                  )[("airspace_violation", "MD")]
    assert v.occurred_on.value == "2025-09-30"


def test_a_meeting_a_sentence_opens_with_does_not_date_what_fell() -> None:
    v = incidents("Moldova said on Friday that Russian drones had crashed on its soil. After a meeting on 30 "
                  "September, Ukraine said several drones had strayed into Moldovan airspace.")[("airspace_violation", "MD")]
    assert v.occurred_on.value == "2025-10-03"


def test_debris_found_from_a_states_drone_is_its_crash() -> None:
    v = incidents("On Monday, Latvian soldiers found debris from a Russian drone at Rezekne.")[("airspace_violation", "LV")]
    assert (v.violator, v.occurred_on.value) == ("RU", "2025-10-06")


def test_debris_found_from_a_storm_is_no_drones() -> None:
    assert not incidents("On Monday, Latvian soldiers found debris from the storm beside a Russian drone base near "
                         "Rezekne.")


def test_a_drone_like_those_a_states_army_uses_is_suspected_to_be_its() -> None:
    v = incidents("Latvian troops recovered the wreck of a drone comparable to models employed by Russian forces near "
                  "Rezekne on Monday.")[("airspace_violation", "LV")]
    assert (v.violator, v.attribution) == ("RU", "suspected")


def test_a_drone_like_a_model_sold_in_a_states_shops_is_no_states() -> None:
    assert not incidents("Latvian troops recovered the wreck of a drone comparable to models sold in Russian shops near "
                         "Rezekne on Monday.")


def test_an_intruder_of_no_state_in_a_states_attack_on_a_neighbour_is_suspected_to_be_its() -> None:
    v = incidents("Romania's defence ministry said on Tuesday its airspace had been breached by a drone during a "
                  "Russian raid on Ukrainian ports.")[("airspace_violation", "RO")]
    assert (v.violator, v.attribution) == ("RU", "suspected")
    v = incidents("An unidentified object crossed into Moldovan airspace on Sunday as Russian strikes pounded the "
                  "Odesa region.")[("airspace_violation", "MD")]
    assert (v.violator, v.attribution) == ("RU", "suspected")


def test_an_intruder_after_a_states_visit_is_of_no_state() -> None:
    v = incidents("Romania's defence ministry said on Tuesday its airspace had been breached by a drone after a "
                  "Russian delegation toured Ukrainian ports.")[("airspace_violation", "RO")]
    assert v.violator is None


# --- Where: "the airport" of a story that named one --------------------------------------------------------------


def test_the_airport_is_the_one_the_story_named_before_though_no_report_placed_it() -> None:
    found = incidents("Operations resumed at Bergen airport on Sunday after a short halt. Last week flights were "
                      "halted at the airport after drones were spotted nearby, Norwegian police said.")
    assert found[("drone_sighting", "NO")].location == "Bergen airport"


def test_the_airport_of_a_story_that_named_only_an_air_base_is_unnamed() -> None:
    found = incidents("Operations resumed at Orland air base on Sunday after a short halt. Last week flights were "
                      "halted at the airport after drones were spotted nearby, Norwegian police said.")
    assert found[("drone_sighting", "NO")].location is None


# --- When: the next sentence dates the disruption the report caused -----------------------------------------------


def test_an_undated_report_is_of_the_day_the_next_sentence_dates_its_disruption() -> None:
    found = incidents("Drones were seen over Aalborg airport on Tuesday, Danish police said. In Norway, Bergen airport "
                      "halted departures for two hours once a drone had been reported near the runway. Three incoming "
                      "planes were diverted to Stavanger on 5 October.")
    assert found[("drone_sighting", "NO")].occurred_on.value == "2025-10-05"


def test_a_next_sentence_of_another_paragraph_or_deed_does_not_date_it() -> None:
    found = incidents("Drones were seen over Aalborg airport on Tuesday, Danish police said. In Norway, Bergen airport "
                      "halted departures for two hours once a drone had been reported near the runway. Police "
                      "questioned two men in Stavanger on 5 October.")
    assert found[("drone_sighting", "NO")].occurred_on.value != "2025-10-05"
    found = incidents("Drones were seen over Aalborg airport on Tuesday, Danish police said. In Norway, Bergen airport "
                      "halted departures for two hours once a drone had been reported near the runway.\nThree "
                      "incoming planes were diverted to Stavanger on 5 October.")
    assert found[("drone_sighting", "NO")].occurred_on.value != "2025-10-05"


def test_a_capital_named_in_apposition_is_where_its_name_says() -> None:
    found = incidents("Police said on Monday that a Russian drone had come down near the Slovenian capital, Ljubljana.")
    assert found[("airspace_violation", "SI")].location == "Ljubljana"


def test_a_capital_described_but_not_named_places_nothing() -> None:
    found = incidents("Police said on Monday that a Russian drone had come down near the Slovenian capital.")
    assert found[("airspace_violation", "SI")].location is None


# --- Remains collected; a village named with its county --------------------------------------------------------------


def test_pieces_of_a_states_drone_retrieved_or_collected_are_its_crash() -> None:
    v = incidents("Soldiers retrieved pieces of a Russian drone near the village of Dolhobyczow in Poland on Monday."
                  )[("airspace_violation", "PL")]
    assert (v.violator, v.occurred_on.value) == ("RU", "2025-10-06")


def test_statements_collected_about_drones_are_no_crash() -> None:
    assert not incidents("Soldiers collected statements about Russian drones near the village of Dolhobyczow in Poland "
                         "on Monday.")


def test_a_village_named_with_the_county_it_lies_in_is_a_site_not_a_region() -> None:
    from streams.extraction.locations import broad
    assert not broad("the village of Dolhobyczow in Hrubieszow County")
    assert broad("the Polish county of Hrubieszow")
