"""Stands passed on by a quoting outlet or told by placing the blame, on invented sentences: "was quoted as denying
...", "quoted the minister as blaming ...", "put the blame for ... on ..."."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


LEAD = "A Bordurian jet crossed into Ruritanian airspace on Monday. "


def test_a_denial_the_speaker_is_quoted_as_making_is_his() -> None:
    found = _said(LEAD + "Army spokesman Ivo Petrov was quoted by a state news agency as denying that any Bordurian "
                  "pilot had flown that day.")
    assert ("Ivo Petrov", "reported", "denying that any Bordurian pilot had flown that day") in found


def test_a_quoted_denial_keeps_the_clause_the_parser_hangs_on_the_citing_verb() -> None:
    found = _said(LEAD + "Army spokesman Ivo Petrov was quoted by a state radio station as denying the pilots who "
                  "trained near the border that week were his.")
    assert ("Ivo Petrov", "reported", "denying the pilots who trained near the border that week were his") in found


def test_an_outlet_quoting_a_minister_as_blaming_gives_the_minister_the_stand() -> None:
    found = _said(LEAD + "A state news agency quoted Defence Minister Ivo Petrov as blaming faulty radar for the "
                  "confusion.")
    assert ("Ivo Petrov", "reported", "blaming faulty radar for the confusion") in found


def test_near_miss_seen_as_denying_is_no_quotation() -> None:
    found = _said(LEAD + "Army spokesman Ivo Petrov was seen by reporters as denying any knowledge of the flight.")
    assert not any("denying" in quote for *_, quote in found)
