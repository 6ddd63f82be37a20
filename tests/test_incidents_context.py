"""Incidents told against a backdrop or by what they disrupted, on invented sentences (published Wednesday
2025-10-08 unless said)."""

from __future__ import annotations

from articles import run

from streams.extraction.model import IncidentFact


def incidents(body: str, **kwargs: str) -> list[IncidentFact]:
    return list(run(body, **kwargs).incidents)


def kinds(body: str, **kwargs: str) -> set[tuple[str, str]]:
    return {(i.kind, i.country) for i in incidents(body, **kwargs)}


# --- The war a story is set against --------------------------------------------------------------------------------


def test_states_of_the_war_a_sighting_is_set_against_are_not_where_it_was() -> None:
    found = kinds("Dutch police on Tuesday were investigating drone sightings over two barracks, with fears of "
                  "sabotage running high since Russia's invasion of Ukraine.")
    assert found == {("drone_sighting", "NL")}


def test_a_story_about_sightings_at_home_is_not_about_the_war_it_mentions_twice() -> None:
    body = ("Investigators in Austria said drones had been seen over the Zeltweg air base, as Russia's war against "
            "Ukraine keeps Europe on edge. On Sunday guards spotted up to eight drones over a depot in Zeltweg. "
            "Investigators suspect espionage tied to Russia's war against Ukraine.")
    found = incidents(body, headline="Drones over an air base")
    assert {(i.kind, i.country) for i in found} == {("drone_sighting", "AT")}
    assert "2025-10-05" in {i.occurred_on.value for i in found if i.occurred_on}


def test_a_state_that_is_where_the_war_is_fought_still_places_an_incident_there() -> None:
    found = kinds("A Russian drone crashed in eastern Ukraine's Kharkiv region on Monday and also crossed into "
                  "Moldovan airspace, the ministry in Chisinau said.")
    assert ("airspace_violation", "MD") in found
    assert not any(kind == "drone_sighting" for kind, _ in found)


# --- Airports and bases named without their town or state ----------------------------------------------------------


def test_an_airport_known_by_its_own_name_places_a_sighting_in_its_state() -> None:
    found = incidents("Departures from Stansted Airport were halted for about an hour on Monday after a suspected "
                      "drone sighting.")
    assert [(i.kind, i.country, i.occurred_on.value) for i in found] == [("drone_sighting", "GB", "2025-10-06")]
    assert "Stansted" in (found[0].location or "")


def test_the_small_town_of_an_air_base_places_a_sighting_in_its_state() -> None:
    found = kinds("Drones were spotted over the air base in Spangdahlem late on Sunday.")
    assert found == {("drone_sighting", "DE")}


def test_a_surname_some_airport_is_named_after_places_nothing() -> None:
    assert not incidents("Drones could one day close a runway for hours, Kennedy told reporters on Monday.")
    found = kinds("Drones were spotted over a depot near Hasselt on Sunday, Reagan told reporters.")
    assert found == {("drone_sighting", "BE")}


# --- Drones of no state told in the words of a violation -----------------------------------------------------------


def test_drones_of_no_state_spotted_in_a_states_airspace_are_a_sighting_there() -> None:
    found = incidents("Billund Airport was shut late on Monday after drones were spotted in its airspace, police said.")
    assert [(i.kind, i.country, i.violator, i.occurred_on.value) for i in found] == [
        ("drone_sighting", "DK", None, "2025-10-06")]
    found = kinds("Police in Slovenia said several drones had been observed in the country's airspace near Maribor.")
    assert found == {("drone_sighting", "SI")}


def test_drones_of_no_state_said_to_enter_a_states_airspace_stay_an_unattributed_violation() -> None:
    found = incidents("Several unidentified drones entered Slovenian airspace near Maribor on Sunday night.")
    assert [(i.kind, i.country, i.attribution) for i in found] == [("airspace_violation", "SI", "unattributed")]


def test_drones_a_story_names_a_state_for_stay_its_violation() -> None:
    found = incidents("A drone entered Latvian airspace near Daugavpils on Monday and crashed in a field.",
                      headline="Belarusian drone enters Latvian airspace")
    assert [(i.kind, i.country, i.violator) for i in found] == [("airspace_violation", "LV", "BY")]


# --- Earlier incidents called like the story's, at dates listed ----------------------------------------------------


def test_similar_violations_on_listed_days_are_one_incident_each() -> None:
    found = incidents("Norway said a Russian plane entered its airspace on Tuesday. Norwegian officials had "
                      "already protested similar violations on Saturday and Sunday.")
    days = sorted(i.occurred_on.value for i in found if i.kind == "airspace_violation" and i.country == "NO")
    assert days == ["2025-10-04", "2025-10-05", "2025-10-07"]
    assert {i.violator for i in found} == {"RU"}


def test_comparable_incursions_in_listed_months_each_count_once() -> None:
    found = incidents("A Belarusian helicopter crossed into Lithuanian airspace on Monday, the border guard said. "
                      "The guard had reported comparable incursions in June and August.")
    months = sorted(i.occurred_on.value for i in found if i.country == "LT")
    assert months == ["2025-06", "2025-08", "2025-10-06"]


def test_similar_incursions_that_might_come_are_no_incidents() -> None:
    found = incidents("A Belarusian helicopter crossed into Lithuanian airspace on Monday. The guard warned that "
                      "similar incursions could follow in the winter.")
    assert [i.occurred_on.value for i in found] == ["2025-10-06"]


# --- Drones seen, told by a participle after them ------------------------------------------------------------------


def test_drones_a_participle_of_seeing_places_are_a_sighting_there() -> None:
    found = incidents("Guards used jammers against drones spotted near the Spangdahlem base late on Sunday.")
    assert [(i.kind, i.country, i.occurred_on.value) for i in found] == [("drone_sighting", "DE", "2025-10-05")]
    found = incidents("On Friday night soldiers fired at drones sighted above the air base in Volkel.")
    assert [(i.kind, i.country, i.location) for i in found] == [("drone_sighting", "NL", "Volkel")]


def test_drones_a_participle_sees_only_in_the_future_or_nearby_are_no_new_sighting() -> None:
    assert not incidents("Guards will use jammers against any drones sighted near the Spangdahlem base.")
    found = incidents("Flights at Billund Airport and Aarhus Airport were halted on Monday due to drones spotted "
                      "nearby.")
    assert sorted(i.location or "" for i in found) == ["Aarhus Airport", "Billund Airport"]


# --- Runs of days -------------------------------------------------------------------------------------------------


def test_a_closure_for_the_nth_evening_in_a_row_happened_on_each_evening_before() -> None:
    found = incidents("Drones were seen over Billund Airport on Tuesday evening. It was the third evening in a row "
                      "that flights were halted.")
    assert sorted(i.occurred_on.value for i in found) == ["2025-10-05", "2025-10-06", "2025-10-07"]
    assert {(i.kind, i.location) for i in found} == {("drone_sighting", "Billund Airport")}


def test_a_run_counted_back_from_the_news_of_the_day() -> None:
    found = incidents("Operations at the airport were halted for a second night running.",
                      headline="Drones shut Aarhus Airport")
    assert sorted(i.occurred_on.value for i in found) == ["2025-10-07", "2025-10-08"]


def test_a_run_of_some_other_event_adds_no_incident() -> None:
    found = incidents("Drones were seen over Billund Airport on Tuesday evening, on a third straight night of "
                      "protests in the city.")
    assert [i.occurred_on.value for i in found] == ["2025-10-07"]
    found = incidents("Drones were seen over Billund Airport on Tuesday. The second day of the summit went ahead.")
    assert [i.occurred_on.value for i in found] == ["2025-10-07"]


# --- Holidays on a fixed day ---------------------------------------------------------------------------------------


def test_a_sighting_on_a_holiday_is_on_its_last_day_before_publication() -> None:
    found = incidents("Guards saw drones over the Laage air base near Rostock in the early hours of Christmas Day.",
                      published_at="2025-01-09T12:00:00Z")
    assert [(i.kind, i.country, i.occurred_on.value) for i in found] == [("drone_sighting", "DE", "2024-12-25")]


def test_a_list_of_days_that_goes_on_to_a_holiday_dates_each() -> None:
    found = incidents("Witnesses saw drones over the Laage air base near Rostock on Dec. 20 and 22, as well as on "
                      "New Year's Eve.", published_at="2025-01-09T12:00:00Z")
    assert sorted(i.occurred_on.value for i in found) == ["2024-12-20", "2024-12-22", "2024-12-31"]


def test_a_holiday_of_a_year_named_is_that_years() -> None:
    found = incidents("Drones were seen over the Laage air base near Rostock on Christmas Eve 2022.")
    assert [i.occurred_on.value for i in found] == ["2022-12-24"]


# --- The earlier incident the news follows -------------------------------------------------------------------------


def test_a_similar_event_the_news_follows_is_an_incident_at_its_place_and_lagged_day() -> None:
    found = incidents("Billund Airport was shut late on Tuesday after drones were spotted over it, police said. Police "
                      "said the shutdown follows a similar incident at Copenhagen Airport two days earlier.")
    assert sorted((i.occurred_on.value, i.location) for i in found) == [
        ("2025-10-05", "Copenhagen Airport"), ("2025-10-07", "Billund Airport")]
    assert {(i.kind, i.country) for i in found} == {("drone_sighting", "DK")}


def test_a_similar_event_told_after_drones_seen_in_airspace_is_a_sighting_too() -> None:
    found = incidents("Aarhus Airport was shut late on Tuesday after drones were spotted in its airspace. The "
                      "incident follows a similar event at Aalborg Airport a week earlier.")
    assert sorted((i.kind, i.occurred_on.value) for i in found) == [
        ("drone_sighting", "2025-09-30"), ("drone_sighting", "2025-10-07")]


def test_a_similar_gathering_the_news_follows_is_no_incident() -> None:
    found = incidents("Billund Airport was shut late on Tuesday after drones were spotted over it. The talks follow "
                      "a similar meeting in Copenhagen two days earlier.")
    assert [i.location for i in found] == ["Billund Airport"]
