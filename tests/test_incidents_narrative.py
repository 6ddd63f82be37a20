"""Incident recall on how news narrates and hedges: days counted on from the last one named, timeline headings,
repetition, hedged objects, places named by their sites (invented sentences, published Wednesday 2025-10-08 unless
said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> list[IncidentFact]:
    return list(run(body, **kwargs).incidents)


def days(body: str, kind: str, country: str, **kwargs: str) -> list[str | None]:
    return sorted(i.occurred_on.value if i.occurred_on else None for i in incidents(body, **kwargs)
                  if (i.kind, i.country) == (kind, country))


# --- Days counted on from the day named before ---------------------------------------------------------------------


def test_a_day_or_days_later_counts_on_from_the_last_day_named() -> None:
    assert days("A Belarusian drone crossed into Latvian airspace on Sept. 14. A day later, another Belarusian drone "
                "entered Latvian airspace near Daugavpils.", "airspace_violation", "LV") == ["2025-09-14", "2025-09-15"]
    assert days("Russian jets crossed into Finnish airspace on Monday. Two days later, a Russian helicopter entered "
                "Finnish airspace near Kotka.", "airspace_violation", "FI") == ["2025-10-06", "2025-10-08"]


def test_the_next_or_following_day_or_night_is_the_day_after_the_last_named() -> None:
    assert days("Drones were seen over Copenhagen airport on Aug. 21. The next day, drones were spotted over Aalborg "
                "air base.", "drone_sighting", "DK") == ["2025-08-21", "2025-08-22"]
    assert days("Drones were reported over Eindhoven airport on 12 July. The following night, drones were seen over "
                "Volkel air base.", "drone_sighting", "NL") == ["2025-07-12", "2025-07-13"]
    assert days("Drones were reported over Aarhus harbour on June 3. The day after, drones were seen over Aalborg "
                "airport.", "drone_sighting", "DK") == ["2025-06-03", "2025-06-04"]
    # "the day after" something is a clause of its own, no day counted on from the last
    assert days("Drones were reported over Aarhus harbour on June 3. The day after the sighting, police said drones "
                "were seen over Aalborg airport on June 6.", "drone_sighting", "DK") == ["2025-06-03", "2025-06-06"]


def test_a_second_night_is_the_night_after_the_one_named() -> None:
    assert days("Drones were seen over Bremen airport on Oct. 2. Drones were spotted over Munich airport for a "
                "second night, the police said.", "drone_sighting", "DE") == ["2025-10-02", "2025-10-03"]
    assert days("Drones were seen over Esbjerg harbour on Sept. 20. Drones were spotted over Karup air base for the "
                "second night running.", "drone_sighting", "DK") == ["2025-09-20", "2025-09-21"]


def test_a_day_counted_on_does_not_move_a_date_the_clause_gives_nor_stand_without_a_day_before() -> None:
    assert days("A Russian jet entered Estonian airspace on May 3. A week later, a Russian helicopter crossed into "
                "Estonian airspace near Narva on May 9.", "airspace_violation", "EE") == ["2025-05-03", "2025-05-09"]
    # a month named before is no day to count on from
    assert days("Drones were reported over Turku in August. The next day, a drone was spotted over Turku airport.",
                "drone_sighting", "FI") != ["2025-08-02"]
    # an event of what comes next is no incident
    assert days("Drones were spotted over Oslo airport on Monday. Officials will meet the next day.",
                "drone_sighting", "NO") == ["2025-10-06"]


# --- Timeline headings and nights across two dates ------------------------------------------------------------------


def test_a_dash_bulleted_date_heading_dates_its_line() -> None:
    body = ("Incidents so far:\n- Aug. 25: Drones were spotted over Aalborg airport overnight.\n"
            "\u2013 Aug. 28: A drone was seen over Karup air base overnight.")
    assert days(body, "drone_sighting", "DK") == ["2025-08-25", "2025-08-28"]


def test_a_night_across_two_dates_is_the_first_nights_date_not_the_night_before_publication() -> None:
    assert days("Belarusian balloons drifted into Lithuanian airspace overnight on Sept. 19-20, the border guard "
                "said.", "airspace_violation", "LT") == ["2025-09-19"]
    assert days("Russian drones violated Romanian airspace overnight on Sept. 3.", "airspace_violation",
                "RO") == ["2025-09-03"]
    # "overnight" with no date after it is still the night before publication
    assert days("Russian drones violated Romanian airspace overnight, officials said on Sept. 30.",
                "airspace_violation", "RO") != ["2025-10-08"]


# --- Hedged objects ---------------------------------------------------------------------------------------------------


def only(body: str, kind: str, country: str) -> IncidentFact:
    found = [i for i in incidents(body) if (i.kind, i.country) == (kind, country)]
    assert len(found) == 1, found
    return found[0]


def test_an_object_likened_to_a_drone_or_balloon_is_seen_as_one() -> None:
    s = only("A drone-like object was spotted above the Estonian town of Tapa on Sunday evening.", "drone_sighting",
             "EE")
    assert (s.platform, s.occurred_on.value if s.occurred_on else None) == ("drone", "2025-10-05")
    v = only("A balloon-like object from Belarus drifted into Lithuanian airspace on Thursday, the army said.",
             "airspace_violation", "LT")
    assert (v.violator, v.platform) == ("BY", "balloon")


def test_a_possible_violation_after_a_is_one_hedged_report_but_possible_violations_are_none() -> None:
    v = only("Latvian officials are examining a possible airspace violation by a Russian jet near Ludza on Saturday.",
             "airspace_violation", "LV")
    assert (v.violator, v.occurred_on.value if v.occurred_on else None) == ("RU", "2025-10-04")
    v = only("The Finnish defence ministry reported a potential incursion by a Russian helicopter over the Gulf "
             "of Finland on Friday.", "airspace_violation", "FI")
    assert v.violator == "RU"
    assert not incidents("The army warned it would shoot down any possible intruder over Latvian territory.")
    assert not incidents("Possible airspace violations by Russian jets are examined by the Finnish border guard.")


def test_what_appeared_to_be_drones_were_seen() -> None:
    s = only("Officers said what appeared to be drones were seen over Copenhagen airport late on Monday.",
             "drone_sighting", "DK")
    assert s.occurred_on is not None and s.occurred_on.value == "2025-10-06"
    assert "Copenhagen" in (s.location or "")
    only("Guards saw what looked like a drone above Aalborg air base on Friday.", "drone_sighting", "DK")
    only("What seemed to be several drones were spotted over the Swedish town of Lulea on Thursday night.",
         "drone_sighting", "SE")
    assert not incidents("What appeared to be a drone turned out to be a bird, police in Oslo said.")


def test_unidentified_flying_objects_over_a_site_are_seen_as_drones_are() -> None:
    s = only("Unidentified flying objects were reported over the Danish town of Esbjerg on Friday.", "drone_sighting",
             "DK")
    assert s.platform == "unknown" and s.rules == ("sighting.unidentified_object",)
    only("Soldiers saw unknown objects over the Norwegian port of Bergen on Saturday night.", "drone_sighting", "NO")
    assert not incidents("An object was found on a beach near Esbjerg on Friday, police said.")
    assert not incidents("A suspicious object was found at Copenhagen airport on Tuesday.")


def test_unidentified_objects_are_what_the_story_already_said_flew_into_that_state() -> None:
    found = incidents("Finnish officials shut Helsinki Airport on Friday evening after unidentified objects appeared "
                      "in the sky, the border guard said.", headline="Helsinki airport closed as balloons drift "
                      "into Finland's airspace")
    assert {(i.kind, i.platform) for i in found} == {("airspace_violation", "balloon")}
    unnamed = incidents("Finnish officials shut Helsinki Airport on Friday evening after unidentified objects "
                        "appeared in the sky, the border guard said.", headline="Helsinki airport closed")
    assert {(i.kind, i.platform) for i in unnamed} == {("drone_sighting", "unknown")}


# --- Whose airspace: a divided nation's halves, and a state's "own" airspace ------------------------------------------


def test_the_south_or_the_north_is_a_korean_state_where_the_sentence_names_the_koreas() -> None:
    v = only("South Korea said a North Korean drone crossed into the South's airspace near Paju on Sunday.",
             "airspace_violation", "KR")
    assert (v.violator, v.occurred_on.value if v.occurred_on else None) == ("KP", "2025-10-05")
    v = only("Seoul said balloons sent from the North drifted into South Korean airspace on Friday.",
             "airspace_violation", "KR")
    assert v.violator == "KP"
    assert not incidents("A storm in the North of England grounded planes at Leeds Bradford airport on Sunday.")


def test_a_states_own_airspace_entered_by_another_states_aircraft_is_violated() -> None:
    v = only("Two Russian helicopters violated Norway's own airspace over Finnmark on Thursday.",
             "airspace_violation", "NO")
    assert v.violator == "RU"
    v = only("A Chinese drone entered Japan's own airspace near Yonaguni on Tuesday.", "airspace_violation", "JP")
    assert v.violator == "CN"
    # "own" of the intruder's state, or of no intruder named, claims being at home
    assert not incidents("Beijing said its jets had flown only in China's own airspace on Monday.")
    assert not incidents("The bombers stayed in Russia's own airspace throughout the drill on Tuesday.")


# --- Airports and air bases by their own names ------------------------------------------------------------------------


def test_an_airport_or_air_base_no_town_locates_is_found_by_its_own_name_or_its_town() -> None:
    s = only("A drone was sighted near Stansted airport late on Tuesday.", "drone_sighting", "GB")
    assert s.location == "Stansted airport"
    s = only("Drones were seen above the Florennes air base overnight, the defence minister said.", "drone_sighting",
             "BE")
    assert "Florennes" in (s.location or "")
    only("Drones were seen over Flesland airport on Monday evening.", "drone_sighting", "NO")
    v = only("A Russian drone came down near the Tapa airfield on Sunday.", "airspace_violation", "EE")
    assert v.violator == "RU"


def test_a_field_name_two_states_share_is_the_one_its_sentence_names_and_none_without() -> None:
    only("Portuguese officials said drones were seen over Santa Cruz airport on Tuesday.", "drone_sighting", "PT")
    assert not [i for i in incidents("Drones were seen over Santa Cruz airport on Tuesday.")
                if i.country in {"PT", "BR"}]


# --- Drones told by what they were doing ------------------------------------------------------------------------------


def test_drones_flying_or_hovering_somewhere_in_a_past_report_were_seen_there() -> None:
    s = only("Police received reports of drones flying over Aalborg airport on Friday.", "drone_sighting", "DK")
    assert (s.location, s.occurred_on.value if s.occurred_on else None) == ("Aalborg airport", "2025-10-03")
    only("Residents posted videos of drones hovering above the Norwegian town of Tromso on Sunday night.",
         "drone_sighting", "NO")
    only("Guards saw drones circling over Karup air base on Saturday.", "drone_sighting", "DK")


def test_drones_flying_somewhere_in_the_present_tense_or_a_denied_report_are_no_sighting() -> None:
    assert not incidents("Drones flying over airports pose a growing risk, Danish officials say.")
    assert not incidents("Police did not receive any reports of drones flying over Aalborg airport on Friday.")


# --- Repetition ------------------------------------------------------------------------------------------------------


def test_a_repetition_told_in_the_past_and_dated_is_a_report_of_that_time() -> None:
    v = only("Belarusian helicopters repeatedly crossed into Polish airspace in August.", "airspace_violation", "PL")
    assert (v.violator, v.occurred_on.value if v.occurred_on else None) == ("BY", "2025-08")
    v = only("Chinese drones repeatedly violated Japanese airspace near Yonaguni on Sunday, Tokyo said.",
             "airspace_violation", "JP")
    assert (v.violator, v.occurred_on.value if v.occurred_on else None) == ("CN", "2025-10-05")


def test_a_habit_in_the_present_or_over_years_is_no_incident() -> None:
    assert not incidents("Russian jets repeatedly violate Estonian airspace, officials say.")
    assert not incidents("Russian jets repeatedly violated Estonian airspace in recent years.")
    assert not incidents("Turkish jets have repeatedly violated Greek airspace since 2014.")
    assert not incidents("Turkish jets regularly violated Greek airspace in May.")


# --- Article 4 called again by another name, and asked for before ----------------------------------------------------


def requests(body: str) -> list[tuple[str, str | None]]:
    return sorted((i.country, i.occurred_on.value if i.occurred_on else None) for i in incidents(body)
                  if i.kind == "article4_request")


def test_the_option_or_the_clause_in_a_story_naming_article_4_is_article_4() -> None:
    assert requests("Latvia asked for consultations under Article 4 on Monday. Turkey has used the option twice, in "
                    "2012 and 2015.") == [("LV", "2025-10-06"), ("TR", "2012"), ("TR", "2015")]
    assert requests("Romania sought talks under Article 4 on Friday. Lithuania invoked the clause in 2022.") == [
        ("LT", "2022"), ("RO", "2025-10-03")]


def test_it_asking_again_is_the_state_whose_request_the_story_told_last() -> None:
    assert requests("Estonia requested consultations under Article 4 on Tuesday. It has invoked it once before, in "
                    "2014.") == [("EE", "2014"), ("EE", "2025-10-07")]


def test_an_option_a_phrase_of_its_own_describes_is_no_article_4() -> None:
    assert requests("Estonia requested consultations under Article 4 on Tuesday. Poland used the option to close its "
                    "border in 2021.") == [("EE", "2025-10-07")]
    assert requests("Estonia requested consultations under Article 4 on Tuesday. Finland has an option to ask for "
                    "help.") == [("EE", "2025-10-07")]


# --- A day counted on dates a sighting at an unnamed site, and what came back ----------------------------------------


def test_a_sighting_over_the_site_named_before_on_a_day_counted_on_is_one_of_its_own() -> None:
    assert days("Drones were seen over Billund airport on Aug. 14. A day later, drones were seen over the airport "
                "again.", "drone_sighting", "DK") == ["2025-08-14", "2025-08-15"]


def test_what_flew_coming_back_on_a_day_of_its_own_is_another_incident_like_the_last() -> None:
    found = [i for i in incidents("Drones were spotted over Frankfurt airport on Tuesday evening. They returned the "
                                  "following night, halting flights again.") if i.kind == "drone_sighting"]
    assert sorted((i.occurred_on.value if i.occurred_on else None, i.location) for i in found) == [
        ("2025-10-07", "Frankfurt airport"), ("2025-10-08", "Frankfurt airport")]
    assert found[-1].rules == ("returned.they_came_back",) or found[0].rules == ("returned.they_came_back",)
    assert days("Drones were seen over Esbjerg harbour on Sept. 2. The drones reappeared over Skagen three days "
                "later.", "drone_sighting", "DK") == ["2025-09-02", "2025-09-05"]
    assert days("A Belarusian helicopter crossed into Polish airspace on Monday. It returned on Wednesday, the "
                "border guard said.", "airspace_violation", "PL") == ["2025-10-06", "2025-10-08"]


def test_a_return_home_or_one_with_no_day_of_its_own_is_no_new_incident() -> None:
    assert days("A Russian jet violated Latvian airspace on Thursday. It returned to Russian airspace on Friday.",
                "airspace_violation", "LV") == ["2025-10-02"]
    assert days("A Russian jet violated Latvian airspace on Thursday. It returned home on Friday.",
                "airspace_violation", "LV") == ["2025-10-02"]
    assert days("Drones were spotted over Frankfurt airport on Tuesday evening. They did not return on Wednesday.",
                "drone_sighting", "DE") == ["2025-10-07"]
    assert days("Drones were spotted over Frankfurt airport on Tuesday evening. Flights returned to normal on "
                "Wednesday.", "drone_sighting", "DE") == ["2025-10-07"]


def test_a_name_of_a_province_in_one_state_and_a_town_in_another_lies_in_the_one_its_sentence_names() -> None:
    s = only("German police said a drone was spotted over Hanover airport late on Sunday.", "drone_sighting", "DE")
    assert s.location == "Hanover airport"
    only("Officers in Germany said drones had been seen above Hanover on Saturday night.", "drone_sighting", "DE")
    only("Jamaican police said a drone was seen over Hanover on Saturday.", "drone_sighting", "JM")
