"""A fronted clause that dates an event and names whose attack it was, on invented sentences."""

from __future__ import annotations

from articles import run


def _incidents(body: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.kind, i.country, i.violator, i.occurred_on.value if i.occurred_on else None)
            for i in run(body).incidents]


def test_drones_of_a_fronted_attack_that_fell_across_the_border_are_the_attackers() -> None:
    found = _incidents("In the hours after a Russian drone attack on Sept. 4, two drones came down in fields in "
                       "Moldova, the interior ministry reported.")
    assert found == [("airspace_violation", "MD", "RU", "2025-09-04")]


def test_a_fronted_balloon_raid_names_the_state_of_the_balloons_that_came_down() -> None:
    found = _incidents("After a Belarusian balloon raid on the border towns on Friday, two balloons came down in "
                       "Lithuania, the police said.")
    assert found == [("airspace_violation", "LT", "BY", "2025-10-03")]


def test_an_attack_told_as_background_names_no_states_drones() -> None:
    found = _incidents("The port lies across the sea from an island that Finnish drone strikes often target. On "
                       "Sunday a drone was found washed up on a beach near Narva in Estonia.")
    assert not [violator for _, _, violator, _ in found if violator == "FI"]


def test_a_fronted_attack_names_the_state_of_its_own_sentence_only() -> None:
    found = _incidents("Following a Russian drone attack on Odesa on Monday, a drone fell on a farm in Moldova. On "
                       "Friday a drone was found in a lake in Moldova.")
    assert [(violator, day) for _, country, violator, day in found if country == "MD"] == [
        ("RU", "2025-10-06"), (None, "2025-10-03")]


def test_a_fronted_attack_of_no_state_leaves_the_drones_stateless() -> None:
    found = _incidents("In the hours after a drone attack on Sept. 4, two drones came down in fields in Moldova, the "
                       "interior ministry reported.")
    assert [(kind, violator) for kind, _, violator, _ in found] == [("drone_sighting", None)]


def test_unidentified_drones_after_a_states_attack_are_not_that_states() -> None:
    found = _incidents("Following a Russian drone attack on Odesa, unidentified drones were spotted over Moldovan "
                       "airports.")
    assert not [violator for _, country, violator, _ in found if country == "MD" and violator]
