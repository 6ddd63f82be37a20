"""A bare "the official" after one person was named, on invented sentences: the official is that person; with two
people named, or none, it stays an unnamed official."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


QUOTE = "\"Our crews will stay in the marshes until the last fire is out,\" the official said."


def test_the_official_is_the_one_person_named_just_before() -> None:
    found = _said("Marsh fires burned for a third day, Ruritanian Deputy Interior Minister Ola Berg said.\n" + QUOTE)
    assert ("Ola Berg", "direct", "Our crews will stay in the marshes until the last fire is out") in found


def test_near_miss_the_official_after_two_people_named_is_neither() -> None:
    found = _said("Marsh fires burned for a third day, Ruritanian Deputy Interior Minister Ola Berg said after "
                  "meeting Defence Minister Ivo Petrov.\n" + QUOTE)
    assert not any(name in {"Ola Berg", "Ivo Petrov"} and mode == "direct" for name, mode, _ in found)
