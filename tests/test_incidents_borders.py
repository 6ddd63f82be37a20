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


# --- Brought down, and said to come from a state ----------------------------------------------------------------------


def violations(body: str) -> dict[str, str | None]:
    return {i.country: i.violator for i in run(body).incidents if i.kind == "airspace_violation"}


def test_a_drone_from_a_state_that_a_force_brings_down_crossed_from_it() -> None:
    assert violations("Chilean air defences brought down three drones from Bolivia near Ollague on Saturday.") == {
        "CL": "BO"}


def test_the_state_a_drone_came_from_may_hang_on_its_cargo() -> None:
    body = "Chile has reinforced its northern posts. The navy reported on Monday that it had downed a drone " \
           "transporting rifles from Peru."
    assert violations(body) == {"CL": "PE"}


def test_a_state_speaking_of_its_own_downing_is_the_state_it_happened_in() -> None:
    assert violations("Peru announced on Sunday that it had brought down a drone ferrying cash from Chile.") == {
        "PE": "CL"}


def test_near_miss_a_drone_from_a_state_destroyed_on_the_ground_crossed_nothing() -> None:
    assert not violations("Chilean technicians destroyed a captured drone from Bolivia at a depot in Arica on Friday.")


def test_near_miss_a_person_who_downed_a_drone_is_no_state_force() -> None:
    body = "Chile has reinforced its northern posts. A rancher told reporters he had downed a drone hauling cocaine " \
           "from Peru."
    assert not violations(body)
