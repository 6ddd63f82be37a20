"""A state's office holders speaking together, on invented sentences: "Peru's military leaders said ..." speak as
one body of that state; office holders of no state named ("military leaders said") are no one in particular."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


def test_a_states_office_holders_speak_as_one_body() -> None:
    found = _said("Peru's military leaders said on Wednesday that a Bolivian jet had breached the ban.")
    assert ("Peru's military leaders", "reported", "a Bolivian jet had breached the ban") in found


def test_a_states_office_holders_take_a_stand_together() -> None:
    found = _said("Chile's naval commanders condemned the Bolivian patrol boats that had sailed into the bay.")
    assert ("Chile's naval commanders", "reported", "condemned the Bolivian patrol boats that had sailed into the bay") \
        in found


def test_near_miss_office_holders_of_no_state_are_no_one_in_particular() -> None:
    assert _said("Naval commanders condemned the Bolivian patrol boats that had sailed into the bay.") == []
