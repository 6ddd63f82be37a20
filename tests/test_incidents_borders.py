"""Where a drone brought down near a border was: on the side of the state telling, not the neighbour across the
line, nor the place of the war the story is set against (invented sentences, published Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def kinds(body: str, headline: str = "Border incident") -> set[tuple[str, str]]:
    return {(i.kind, i.country) for i in run(body, headline=headline).incidents}


def test_the_border_with_a_neighbour_names_the_state_across_it() -> None:
    found = kinds("Thai rangers reported an unidentified drone hovering near the border with Myanmar on Monday "
                  "evening, a provincial spokesman said.")
    assert ("drone_sighting", "TH") in found and ("drone_sighting", "MM") not in found


def test_a_border_with_phrase_the_parser_hangs_on_the_drone_still_names_the_neighbour() -> None:
    found = kinds("Myanmar is in turmoil. Myanmar has many militias. Thailand's army has brought down an unmarked "
                  "drone close to the frontier with war-ravaged Myanmar, a Bangkok spokesman said on Tuesday.")
    assert found == {("drone_sighting", "TH")}


def test_a_possessive_says_whose_side_of_the_border() -> None:
    found = kinds("An unidentified drone was observed over Kenya's border with Somalia near Mandera on Sunday, the "
                  "county police said.")
    assert ("drone_sighting", "KE") in found and ("drone_sighting", "SO") not in found


def test_a_downing_no_place_places_is_in_the_state_of_the_forces_that_made_it() -> None:
    body = ("Somalia has been unstable for decades. Somalia held elections. Somalia borrowed money. Kenya's gunners "
            "shot down an unmarked drone on Tuesday close to the frontier with Somalia, an officer said.")
    assert kinds(body, headline="Drone downed near Somalia border") == {("drone_sighting", "KE")}


def test_a_passive_downing_takes_the_state_of_its_agent() -> None:
    body = ("Somalia has been unstable for decades. Somalia held elections. On Friday an unmarked drone was brought "
            "down by Kenya's air defences near the frontier with Somalia, officials said.")
    assert kinds(body, headline="Drone downed near Somalia border") == {("drone_sighting", "KE")}


def test_the_place_of_the_war_that_dates_the_news_is_no_sighting() -> None:
    body = ("For the first time since the civil war erupted in neighbouring Myanmar in 2021, Thai soldiers downed "
            "an unmarked drone as it circled above Mae Sot on Monday, the army said.")
    found = kinds(body)
    assert ("drone_sighting", "TH") in found and ("drone_sighting", "MM") not in found


def test_near_miss_a_drone_seen_across_the_border_in_the_neighbour_stays_there() -> None:
    found = kinds("Drones were seen over Myawaddy in Myanmar on Monday, residents told reporters.")
    assert ("drone_sighting", "MM") in found and ("drone_sighting", "TH") not in found


def test_near_miss_a_private_downing_names_no_force() -> None:
    found = kinds("A Thai farmer near Mae Sot shot down a toy drone with a slingshot on Monday.")
    assert ("drone_sighting", "MM") not in found
