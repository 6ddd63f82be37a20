"""Placing the blame is blaming, on invented sentences: "put the blame for ... on ...", "laid the blame on ..."."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


LEAD = "A Bordurian jet crossed into Ruritanian airspace on Monday. "


def test_putting_the_blame_on_someone_is_a_stand() -> None:
    found = _said(LEAD + "Army spokesman Ivo Petrov denied any role. He put the blame on a weather service "
                  "that had misread the winds.")
    assert ("Ivo Petrov", "reported", "put the blame on a weather service that had misread the winds") in found


def test_laying_the_blame_is_a_stand() -> None:
    found = _said(LEAD + "Interior Minister Ola Berg laid the blame on smugglers.")
    assert ("Ola Berg", "reported", "laid the blame on smugglers") in found


def test_near_miss_putting_something_else_somewhere_is_no_stand() -> None:
    assert _said(LEAD + "Interior Minister Ola Berg put the cargo on the truck.") == []
