"""Incident recall on phenomena of published news (invented sentences, published Wednesday 2025-10-08): a stop to
air traffic told right after the sentence that reported drones seen."""

from __future__ import annotations

from articles import run

from streams.extraction.focus import focus
from streams.extraction.model import IncidentFact


def sightings(body: str) -> list[IncidentFact]:
    return [i for i in run(body).incidents if i.kind == "drone_sighting"]


def sites(body: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((i.country, i.location, i.occurred_on.value if i.occurred_on else None) for i in sightings(body))


# --- A stop to air traffic right after a sentence about drones -----------------------------------------------------


def test_a_stop_to_traffic_after_drones_were_seen_elsewhere_is_a_sighting_at_the_stopped_site() -> None:
    assert sites("Several drones hovered over the Alder naval base in Norway on Sunday evening. Flights at Tromsø "
                 "airport were suspended for 40 minutes.") == [("NO", "Tromsø", "2025-10-05"),
                                                                 ("NO", "the Alder naval base", "2025-10-05")]
    stopped = [i for i in sightings("Two drones circled over the Vela power plant in Finland late on Friday. The "
                                    "nearby Pori airport closed its airspace on Saturday.") if i.location == "Pori"]
    assert [(i.country, i.occurred_on.value if i.occurred_on else None) for i in stopped] == [("FI", "2025-10-04")]
    assert "disruption.after_drones" in stopped[0].rules


def test_the_stopped_site_places_drones_seen_where_no_site_was_named() -> None:
    assert sites("A drone was seen near the Morr barracks in Denmark on Sunday. Hours later, traffic at Billund "
                 "Airport was suspended.") == [("DK", "Billund Airport", "2025-10-05")]


def test_a_stop_with_a_cause_of_its_own_or_not_right_after_the_drones_or_at_their_site_adds_none() -> None:
    assert sites("Several drones hovered over the Alder naval base in Norway on Sunday evening. Flights at Tromsø "
                 "airport were suspended for 40 minutes because of fog.") == [
        ("NO", "the Alder naval base", "2025-10-05")]
    assert sites("Several drones hovered over the Alder naval base in Norway on Sunday evening. The mayor thanked "
                 "the police. Flights at Tromsø airport were suspended for 40 minutes.") == [
        ("NO", "the Alder naval base", "2025-10-05")]
    assert sites("Drones were seen over Arlanda airport in Sweden on Saturday. Flights at Arlanda airport were "
                 "halted for two hours.") == [("SE", "Arlanda airport", "2025-10-04")]
    assert sites("Flights at Gardermoen airport were halted for two hours on Saturday.") == []


def test_a_stop_after_aircraft_of_a_state_or_a_stop_denied_is_no_sighting() -> None:
    assert sightings("Russian jets flew near Estonian airspace on Monday. Flights at Tallinn airport were not "
                     "halted.") == []
    assert sightings("Russian jets flew near Estonian airspace on Monday. Flights at Tallinn airport were halted "
                     "for an hour.") == []


def test_the_cheap_pass_keeps_a_stop_to_traffic_after_a_cued_sentence_only() -> None:
    body = "A drone was seen near the depot. Flights at the airport were halted. Schools were closed on Monday."
    kept = focus(body)
    assert "Flights at the airport were halted." in kept
    assert "Schools were closed" not in kept
    assert "Flights" not in focus("The mayor opened a museum. Flights at the airport were halted.")


# --- A sentence that names a day and then counts on from it ---------------------------------------------------------


def violations(body: str, country: str) -> list[tuple[str | None, str | None]]:
    return sorted(((i.location, i.occurred_on.value if i.occurred_on else None) for i in run(body).incidents
                   if (i.kind, i.country) == ("airspace_violation", country)), key=lambda found: found[1] or "")


def test_a_sentence_counting_on_from_a_day_it_names_dates_each_clause_apart() -> None:
    assert violations("Warsaw said a Belarusian helicopter entered Polish airspace near Kleszczele on March 3 and two "
                      "Belarusian jets violated Polish airspace near Hajnowka two days later.", "PL") == [
        ("Kleszczele", "2025-03-03"), ("Hajnowka", "2025-03-05")]
    assert violations("Vilnius said a Russian helicopter crossed into Lithuanian airspace near Druskininkai on June 9, "
                      "and a Russian jet entered Lithuanian airspace near Nida the next day.", "LT") == [
        ("Druskininkai", "2025-06-09"), ("Nida", "2025-06-10")]


def test_the_day_a_sentence_names_outweighs_an_earlier_sentences_but_not_a_day_named_after_the_count() -> None:
    assert violations("Russian jets crossed into Finnish airspace on Monday. A Russian helicopter entered Finnish "
                      "airspace near Kotka on Sept. 20 and a Russian drone violated Finnish airspace near Hamina a day "
                      "later.", "FI") == [
        ("Kotka", "2025-09-20"), ("Hamina", "2025-09-21"), (None, "2025-10-06")]
    assert violations("Russian jets crossed into Finnish airspace on Monday. Two days later, a Russian helicopter "
                      "entered Finnish airspace near Kotka, officials said on Friday.", "FI") == [
        (None, "2025-10-06"), ("Kotka", "2025-10-08")]


def test_one_report_of_a_sentence_that_names_a_day_and_counts_on_is_two_events_dated_apart() -> None:
    found = violations("The ministry said a Syrian helicopter flew over the Turkish border town of Yayladagi on "
                       "April 2 and that Syrian jets also violated Turkey's airspace three days later.", "TR")
    assert [day for _, day in found] == ["2025-04-02", "2025-04-05"]
    assert "Yayladagi" in (found[0][0] or "")
    assert [day for _, day in violations("Syrian jets violated Turkey's airspace on April 2, the ministry said three "
                                          "days later.", "TR")] == ["2025-04-02"]


# --- A drone of no state brought down, in a story of unidentified drones -------------------------------------------


def test_a_drone_of_no_state_brought_down_after_unidentified_ones_were_told_is_another_seen() -> None:
    found = sightings("Kenyan jets shot down an unidentified drone near the Somali border on Tuesday, the army said. "
                      "Back in 2019, Kenyan air defences brought down a small drone over Mandera.")
    background = [i for i in found if i.location == "Mandera"]
    assert [(i.country, i.occurred_on.value if i.occurred_on else None) for i in background] == [("KE", "2019")]
    assert "sighting.downed_like_before" in background[0].rules
    assert sites("An unidentified drone was spotted over the Vela plant in Finland on Friday. Finnish troops brought "
                 "down a drone near Kotka in March 2021.") == [("FI", "Kotka", "2021-03"),
                                                               ("FI", "the Vela plant", "2025-10-03")]


def test_a_drone_brought_down_in_a_story_with_none_unidentified_or_in_another_state_is_no_sighting() -> None:
    assert sightings("Kenyan jets shot down a drone near Mandera on Tuesday.") == []
    assert sites("Drones were seen over the Alder base in Norway on Monday. Ukraine shot down 40 drones overnight, "
                 "its air force said.") == [("NO", "the Alder base", "2025-10-06")]


# --- One more, its noun left out ------------------------------------------------------------------------------------


def test_one_more_with_its_noun_left_out_is_another_incident_like_the_last_at_its_own_place() -> None:
    assert sites("A drone was seen over the Alder naval base in Norway on Sunday. Another hovered over the port of "
                 "Bodø an hour later.") == [("NO", "the Alder naval base", "2025-10-05"),
                                             ("NO", "the port of Bodø", "2025-10-05")]
    found = violations("A Russian drone was spotted over Latvian territory near Daugavpils on Sunday. A second was "
                       "seen near Rezekne on Monday.", "LV")
    assert found == [("Daugavpils", "2025-10-05"), ("Rezekne", "2025-10-06")]
    assert [i.violator for i in run("A Russian drone was spotted over Latvian territory near Daugavpils on Sunday. "
                                    "A second was seen near Rezekne on Monday.").incidents] == ["RU", "RU"]
    assert len(sightings("Two drones circled the Vela power plant in Finland on Friday. Another one flew over the "
                         "harbour of Kotka the same night.")) == 2


def test_another_of_something_else_or_one_more_not_seen_is_no_incident() -> None:
    assert len(sightings("A drone was seen over the Alder naval base in Norway on Sunday. Another minister was seen "
                         "at the ceremony on Monday.")) == 1
    assert len(sightings("A drone was seen over the Alder naval base in Norway on Sunday. Another was not seen.")) == 1


# --- "Days later" with no number ------------------------------------------------------------------------------------


def test_days_later_with_no_number_dates_to_the_month_a_few_days_on_not_to_publication() -> None:
    found = [(i.occurred_on.value, i.occurred_on.precision) for i in run(
        "A Russian drone entered Latvian airspace near Daugavpils on Sept. 14. Days later, a Russian helicopter "
        "crossed into Latvian airspace.").incidents if i.occurred_on]
    assert sorted(found) == [("2025-09", "month"), ("2025-09-14", "day")]
    found = [(i.occurred_on.value, i.occurred_on.precision) for i in run(
        "Belarusian balloons drifted into Lithuanian airspace on May 30. Several days later, more Belarusian balloons "
        "violated Lithuanian airspace.").incidents if i.occurred_on]
    assert sorted(found) == [("2025-05-30", "day"), ("2025-06", "month")]


def test_days_later_beside_a_day_of_its_own_keeps_that_day() -> None:
    assert violations("A Russian drone entered Latvian airspace near Daugavpils on Sept. 14. A few days later, a Russian "
                      "helicopter crossed into Latvian airspace near Rezekne on Sept. 19.", "LV") == [
        ("Daugavpils", "2025-09-14"), ("Rezekne", "2025-09-19")]
