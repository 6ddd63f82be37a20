"""Incidents told the way news tells a war's spillover across several neighbours, on invented sentences (published
Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], IncidentFact]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


# --- One crash clause, several states' ground ----------------------------------------------------------------------


def test_strays_that_crashed_in_a_list_of_states_are_a_violation_of_each() -> None:
    found = incidents("Two Iranian drones crashed in Iraq and Kuwait on Monday, officials said.")
    assert {k for k in found} == {("airspace_violation", "IQ"), ("airspace_violation", "KW")}
    assert found[("airspace_violation", "KW")].violator == "IR"
    assert found[("airspace_violation", "KW")].occurred_on.value == "2025-10-06"
    found = incidents("Iranian drones crashed in Iraq and in Kuwait during the night.")
    assert {k[1] for k in found} == {"IQ", "KW"}


def test_states_that_reported_drones_crashing_on_their_soil_each_had_their_ground_entered() -> None:
    found = incidents("Both Greece and Cyprus said on Tuesday that they had found evidence of Turkish drones "
                      "crashing on their land.")
    assert {k for k in found} == {("airspace_violation", "GR"), ("airspace_violation", "CY")}
    assert all(i.violator == "TR" for i in found.values())
    found = incidents("Greece and Cyprus have logged three reports of Turkish drones crashing on their soil since "
                      "the summer began, the alliance said.")
    assert {k[1] for k in found} == {"GR", "CY"}


def test_a_state_named_beside_the_crash_but_not_as_its_ground_is_no_victim() -> None:
    assert set(incidents("An Iranian drone crashed in Iraq near the border with Kuwait on Monday.")) == {
        ("airspace_violation", "IQ")}
    assert set(incidents("An Iranian drone crashed in Iraq on Monday and Kuwait closed its airspace.")) == {
        ("airspace_violation", "IQ")}
    assert not incidents("Officials showed images of drones crashing into the sea during an exercise.")


# --- One cause, each time, on every day a clause lists ------------------------------------------------------------


def test_a_closure_on_listed_days_each_time_because_of_intruders_is_one_violation_a_day() -> None:
    found = run("Riga airport also shut on Monday and Thursday, as well as on September 9, each time because of "
                "balloons entering the capital's airspace, officials said.").incidents
    assert sorted(i.occurred_on.value for i in found) == ["2025-09-09", "2025-10-02", "2025-10-06"]
    assert all((i.kind, i.country, i.platform) == ("airspace_violation", "LV", "balloon") for i in found)
    found = run("Tallinn's airport had to halt flights on Friday, Saturday and Sunday, every time due to Russian "
                "drones crossing into Estonian airspace.").incidents
    assert sorted(i.occurred_on.value for i in found) == ["2025-10-03", "2025-10-04", "2025-10-05"]
    assert all(i.violator == "RU" for i in found)


def test_days_listed_without_each_time_or_for_another_verb_stay_one_event() -> None:
    assert len(run("Riga airport shut on Monday and Thursday because of balloons entering the capital's "
                   "airspace.").incidents) == 1
    assert len(run("The airport shut on Monday and reopened on Thursday after balloons from Belarus crossed into "
                   "Latvian airspace.").incidents) == 1


def test_flights_halted_on_listed_days_each_time_after_drones_were_seen_are_a_sighting_a_day() -> None:
    found = run("Aarhus airport suspended flights on Monday and Thursday, each time after drones were spotted near "
                "the runway.").incidents
    assert sorted((i.kind, i.country, i.occurred_on.value) for i in found) == [
        ("drone_sighting", "DK", "2025-10-02"), ("drone_sighting", "DK", "2025-10-06")]
    assert len(run("Aarhus airport suspended flights on Monday and Thursday after drones were spotted near the "
                   "runway.").incidents) == 1


# --- States that describe a site, or lie across a border near it, are not where it is ------------------------------


def test_nationalities_in_a_clause_describing_the_country_of_a_site_place_no_sighting() -> None:
    found = incidents("Swedish police are investigating drone sightings near an air base in the country where "
                      "Polish pilots are trained to fly US-made jets.")
    assert set(found) == {("drone_sighting", "SE")}


def test_a_border_a_site_lies_near_does_not_make_the_neighbour_the_story_state() -> None:
    found = incidents("Unidentified drones were seen near the base on four occasions last month, a newspaper said.\n"
                      "Extra radars have been deployed to the base in Lulea, close to the Finnish border.")
    assert set(found) == {("drone_sighting", "SE")}
    assert not incidents("Unidentified drones were seen near the base on four occasions last month, a newspaper "
                         "said.\nExtra radars have been deployed to the base, near the Finnish border.")
    found = incidents("Unidentified drones were seen near the base on four occasions last month, a newspaper said.\n"
                      "The drones are believed to have crossed the Finnish border.")
    assert ("drone_sighting", "FI") in found  # a border crossed, not a landmark: the story's state


# --- The state behind a hostile act is who, not where --------------------------------------------------------------


def test_drone_incursions_called_a_provocation_by_a_state_are_its_violation_not_a_sighting_there() -> None:
    found = incidents("On Sunday night Lithuania condemned the drone incursions over Vilnius as a deliberate "
                      "provocation by Belarus.")
    assert set(found) == {("airspace_violation", "LT")}
    assert found[("airspace_violation", "LT")].violator == "BY"


def test_a_state_behind_another_act_is_neither_the_place_nor_the_violator_of_a_sighting() -> None:
    assert not incidents("Drones were seen over the refinery on Monday, days after an attack by Russia.")


# --- A drone "breach" is told as an incursion is ------------------------------------------------------------------


def test_a_states_drone_breach_a_state_reports_is_its_violation() -> None:
    found = incidents("On Sunday the Bulgarian defence ministry logged a brief Russian drone breach near Varna.")
    assert set(found) == {("airspace_violation", "BG")}
    assert (found[("airspace_violation", "BG")].violator, found[("airspace_violation", "BG")].occurred_on.value) == (
        "RU", "2025-10-05")
    assert set(incidents("Bulgaria reported a drone breach near Varna on Sunday.")) == {("drone_sighting", "BG")}
    assert not incidents("The minister said a security breach at the base was being investigated.")


# --- Nights in a row are occasions ---------------------------------------------------------------------------------


def test_drones_seen_on_a_number_of_consecutive_nights_are_a_sighting_each_night() -> None:
    found = run("Drones were spotted over the Hamburg port on three consecutive nights last week.").incidents
    assert [(i.kind, i.country) for i in found] == [("drone_sighting", "DE")] * 3
    found = run("There were long queues on two successive evenings when departures were suspended at Hamburg "
                "airport because of drone sightings.").incidents
    assert [(i.kind, i.country) for i in found] == [("drone_sighting", "DE")] * 2


def test_a_closure_lasting_consecutive_days_is_one_sighting() -> None:
    assert len(run("Hamburg airport stayed shut for two consecutive days after drones were seen over the runway on "
                   "Monday.").incidents) == 1


# --- A violation noun placed in a list of places: one violation in each ----------------------------------------------


def test_violations_in_a_list_of_states_are_a_violation_of_each() -> None:
    found = incidents("Officials have logged dozens of Russian airspace violations in Estonia and Lithuania this year.")
    assert set(found) == {("airspace_violation", "EE"), ("airspace_violation", "LT")}
    assert all(i.violator == "RU" for i in found.values())
    found = incidents("The alliance counted more than 300 Russian airspace violations in Finland, Sweden and Norway "
                      "last year.")
    assert {k[1] for k in found} == {"FI", "SE", "NO"}
    assert all(i.occurred_on.value == "2024" for i in found.values())


def test_violations_over_a_list_of_capitals_each_fall_to_the_capital_s_state() -> None:
    found = incidents("There were 14 Russian airspace violations over Tallinn, Riga and Vilnius in March.")
    assert {k[1] for k in found} == {"EE", "LV", "LT"}
    assert all(i.occurred_on.value == "2025-03" for i in found.values())


def test_a_list_beside_the_violations_but_not_their_place_does_not_spread() -> None:
    assert {k[1] for k in incidents("Ministers discussed Russian airspace violations at meetings in Brussels and "
                                    "Paris on Monday.")} <= {"BE"}
    assert set(incidents("Latvia reported Russian airspace violations near the Estonian and Lithuanian borders.")) == {
        ("airspace_violation", "LV")}
    assert set(incidents("Russian airspace violations in Estonia worried the Latvian and Lithuanian ministers.")) == {
        ("airspace_violation", "EE")}


# --- Drones that shut airports in several places, one part of the list after another ------------------------------


def test_airports_listed_in_each_part_of_a_conjoined_place_phrase_are_each_a_sighting() -> None:
    found = run("Last month, drones halted flights at airports in Oslo, Danish Aalborg and Billund and in "
                "Tallinn.").incidents
    assert sorted((i.country, i.location) for i in found) == [
        ("DK", "Billund"), ("DK", "Danish Aalborg"), ("EE", "Tallinn"), ("NO", "Oslo")]
    assert all(i.kind == "drone_sighting" and i.occurred_on.value == "2025-09" for i in found)


def test_a_demonym_places_the_towns_listed_after_it_in_its_state() -> None:
    found = run("In October alone, drones shut airports in Gothenburg, Danish Esbjerg and Odense.").incidents
    assert sorted((i.country, i.location) for i in found) == [
        ("DK", "Danish Esbjerg"), ("DK", "Odense"), ("SE", "Gothenburg")]


def test_drones_that_blocked_airports_in_listed_places_were_seen_at_each() -> None:
    found = run("Swarms of UAVs blocked regional airports in Bremen and Danish Esbjerg and Odense over the "
                "summer.").incidents
    assert sorted((i.country, i.location) for i in found) == [
        ("DE", "Bremen"), ("DK", "Danish Esbjerg"), ("DK", "Odense")]


def test_places_where_officials_met_are_no_sites_of_drones() -> None:
    assert not run("Ministers met in Oslo, Danish Aalborg and Billund to discuss drone defences.").incidents
