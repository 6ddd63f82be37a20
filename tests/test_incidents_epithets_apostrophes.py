"""A state named again by its membership of a bloc, and a possessive written with the modifier letter apostrophe
(invented sentences, published Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def test_a_bloc_member_epithet_owns_the_airspace_as_the_country_does() -> None:
    body = ("ZAGREB -- A Hungarian MiG-29 interceptor came down in Croatia Tuesday after straying into the NATO "
            "member's airspace, officials in the capital said.")
    found = [(i.kind, i.country, i.violator, i.model) for i in run(body).incidents]
    assert found == [("airspace_violation", "HR", "HU", "MiG-29")]


def test_a_member_of_a_crew_is_no_state() -> None:
    body = ("A Hungarian MiG-29 interceptor came down in Croatia Tuesday after a crew member's error, officials in "
            "the capital said.")
    assert not run(body).incidents


def test_a_day_in_a_possessive_with_the_letter_apostrophe_dates_the_incursion() -> None:
    body = ("Polish guards published a map of yesterday\u02bcs flight, in which a Belarusian drone crossed into Polish "
            "airspace.")
    dates = {i.occurred_on.value for i in run(body).incidents if i.occurred_on}
    assert dates == {"2025-10-07"}


def test_today_in_the_same_possessive_is_the_day_of_publication() -> None:
    body = ("Polish guards published a map of today\u02bcs flight, in which a Belarusian drone crossed into Polish "
            "airspace.")
    dates = {i.occurred_on.value for i in run(body).incidents if i.occurred_on}
    assert dates == {"2025-10-08"}


def test_a_citys_possessive_before_its_fields_own_name_places_a_background_sighting() -> None:
    body = ("Travellers in Norway were stuck on Sunday after a drone closed Bergen airport, officials said. Last "
            "spring, Milan's Linate faced a ten-hour shutdown in March when drones were reported near the runway.")
    found = {(i.country, i.location) for i in run(body).incidents}
    assert ("IT", "Milan's Linate") in found


def test_a_citys_possessive_before_a_surname_of_a_field_elsewhere_places_nothing_there() -> None:
    body = ("Travellers in Norway were stuck on Sunday after a drone closed Bergen airport, officials said. Last "
            "spring, Glasgow's Stewart faced a ten-hour shutdown in March when drones were reported near the runway.")
    assert "GB" not in {i.country for i in run(body).incidents}


def test_a_river_named_like_a_town_across_the_border_still_places_the_incursion() -> None:
    body = ("A drone flown from Estonia was destroyed by Russian air defences on Sunday after it strayed across the "
            "frontier close to the Narva river, Moscow said.")
    assert [i.location for i in run(body).incidents] == ["the Narva river"]


def test_the_neighbours_town_itself_places_nothing() -> None:
    body = ("A drone flown from Estonia was destroyed by Russian air defences on Sunday after it strayed across the "
            "frontier close to the town of Narva, Moscow said.")
    assert [i.location for i in run(body).incidents] == [None]


def test_a_makers_name_and_a_bare_number_in_apposition_is_the_model() -> None:
    body = ("Estonia protested on Friday after a Russian plane entered its airspace near Vaindloo island on Tuesday. "
            "The aircraft, a Saab 340, had no flight plan.")
    assert [i.model for i in run(body).incidents] == ["Saab 340"]


def test_a_makers_name_with_no_number_is_no_model() -> None:
    body = ("Estonia protested on Friday after a Russian plane entered its airspace near Vaindloo island on Tuesday. "
            "The aircraft, built by Saab decades ago, had no flight plan.")
    assert [i.model for i in run(body).incidents] == [None]



LEAD = "Iran's navy has shot down an unidentified drone in the country's north, officials said.\n"


def test_a_clause_on_a_named_place_is_no_part_of_its_name() -> None:
    body = LEAD + ("A navy statement said gunners hit the drone at dawn near the fishing town of Anzali, which sits "
                   "on the Caspian Sea.")
    assert [i.location for i in run(body).incidents] == ["the fishing town of Anzali"]


def test_a_place_named_with_no_clause_keeps_its_whole_name() -> None:
    body = LEAD + "A navy statement said gunners hit the drone at dawn near the fishing town of Anzali."
    assert [i.location for i in run(body).incidents] == ["the fishing town of Anzali"]


def test_a_body_town_replaces_a_headline_site_described_by_its_sea() -> None:
    body = LEAD + "A navy statement said gunners hit the drone at dawn near the fishing town of Anzali."
    found = [i.location for i in run(body, headline="Navy gunners hit drone near Caspian Sea port").incidents]
    assert found == ["the fishing town of Anzali"]


def test_a_headline_site_with_its_own_name_stays() -> None:
    body = LEAD + "A navy statement said gunners hit the drone at dawn near the fishing town of Anzali."
    found = [i.location for i in run(body, headline="Navy gunners hit drone near Anzali port").incidents]
    assert found == ["Anzali port"]


def test_a_length_of_time_joined_to_its_date_is_dated_by_the_date() -> None:
    body = ("Unidentified drones were spotted over Andrews Air Force Base in Maryland for several weeks last December, "
            "Air Force officials confirmed on Friday.")
    assert [i.occurred_on.value for i in run(body).incidents if i.occurred_on] == ["2024-12"]


def test_a_length_of_time_alone_leaves_the_day_it_was_confirmed() -> None:
    body = ("Unidentified drones were spotted over Andrews Air Force Base in Maryland for several weeks, Air Force "
            "officials confirmed on Friday.")
    assert [i.occurred_on.value for i in run(body).incidents if i.occurred_on] != ["2024-12"]


def test_a_states_claim_of_an_overflight_of_its_base_reports_it() -> None:
    body = "Ecuador claims that a Peruvian military plane flew over an Ecuadorian air base early on Monday."
    assert [(i.country, i.violator) for i in run(body).incidents] == [("EC", "PE")]


def test_a_denial_of_the_same_overflight_reports_nothing() -> None:
    body = "Peru denies that a Peruvian military plane flew over an Ecuadorian air base early on Monday."
    assert not run(body).incidents


PROTEST = ("Hanoi lodged a formal complaint with Beijing over a formation of 12 Chinese fighters that had entered "
           "Vietnamese airspace near the Spratly Islands.\n")


def test_the_day_the_intruders_were_tracked_dates_the_incursion() -> None:
    body = PROTEST + "Radar crews say the fighters were tracked by the Vietnamese air force on Sunday."
    assert [i.occurred_on.value for i in run(body).incidents if i.occurred_on] == ["2025-10-05"]


def test_tracking_with_no_day_of_its_own_leaves_the_news_day() -> None:
    body = PROTEST + "Radar crews say the fighters were tracked by the Vietnamese air force."
    assert [i.occurred_on.value for i in run(body).incidents if i.occurred_on] == ["2025-10-08"]


CROSSED = "Bolivian fighters crossed into Peruvian airspace on Saturday night, Lima said.\n"


def test_a_named_province_the_intruders_entered_places_the_incursion() -> None:
    body = CROSSED + ("According to the air force, the fighters penetrated the southern Puno province and stayed "
                      "for ten minutes.")
    assert [i.location for i in run(body).incidents] == ["the southern Puno province"]


def test_an_unnamed_region_entered_places_nothing() -> None:
    body = CROSSED + ("According to the air force, the fighters penetrated the southern region and stayed for ten "
                      "minutes.")
    assert [i.location for i in run(body).incidents] == [None]
