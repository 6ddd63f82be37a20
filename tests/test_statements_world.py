"""Statement extraction on invented articles of news from beyond Europe, one phenomenon each."""

from __future__ import annotations

from articles import run


def test_a_name_of_two_surnames_is_shortened_to_the_first() -> None:
    found = run("Peruvian Defence Minister Gen. Julio Salazar Quispe visited the border post on Monday.\n"
                '"Our pilots tracked the aircraft for ten minutes," Salazar told reporters.').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Julio Salazar Quispe"]


def test_a_first_or_last_name_still_wins_over_a_middle_name() -> None:
    found = run("Colonel Ana Lucia Torres and her deputy Pedro Lucia spoke on Monday.\n"
                '"We saw nothing unusual," Lucia said.').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Pedro Lucia"]

