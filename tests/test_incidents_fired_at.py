"""Drones shot at, and sightings and Article 4 requests told for a day "and again" another; on invented sentences
(published Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def _sightings(body: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((i.country, i.location, i.occurred_on.value if i.occurred_on else None)
                  for i in run(body).incidents if i.kind == "drone_sighting")


def test_drones_soldiers_fired_at_over_a_base_were_seen_there() -> None:
    assert _sightings("Belgian soldiers fired at drones above Florennes air base on Saturday night.") == [
        ("BE", "Florennes air base", "2025-10-04")]


def test_opening_fire_on_drones_over_a_base_is_a_sighting() -> None:
    assert [c for c, _, _ in _sightings(
        "Guards opened fire on two drones over the Leeuwarden air base on Sunday, the Dutch ministry said.")] == ["NL"]


def test_firing_at_something_else_near_a_base_is_none() -> None:
    assert _sightings("Belgian soldiers fired warning shots at protesters near Florennes air base on Saturday.") == []


def test_a_sighting_told_for_one_day_and_again_another_is_one_each_day() -> None:
    assert _sightings("Drones halted flights at Hamburg airport on Monday and again on Tuesday night.") == [
        ("DE", "Hamburg airport", "2025-10-06"), ("DE", "Hamburg airport", "2025-10-07")]


def test_a_sighting_on_one_day_is_one() -> None:
    assert _sightings("Drones halted flights at Hamburg airport on Monday night.") == [
        ("DE", "Hamburg airport", "2025-10-06")]


def _requests(body: str) -> list[tuple[str, str | None]]:
    return sorted((i.country, i.occurred_on.value if i.occurred_on else None)
                  for i in run(body).incidents if i.kind == "article4_request")


def test_article_4_invoked_in_one_year_and_again_in_another_is_two_requests() -> None:
    assert _requests("Latvia asked for Article 4 consultations in 2014 and again in 2022, officials said.") == [
        ("LV", "2014"), ("LV", "2022")]


def test_days_and_again_told_of_what_prompted_a_request_leave_it_one() -> None:
    found = _requests("Drones crossed the border on Monday and again on Tuesday, and Latvia asked for Article 4 "
                      "consultations on Wednesday.")
    assert found == [("LV", "2025-10-08")]
