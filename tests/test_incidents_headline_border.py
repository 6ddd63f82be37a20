"""A headline's "near X border": the border with a neighbour, which places nothing; on invented articles."""

from __future__ import annotations

from articles import run


def _places(body: str, headline: str) -> list[tuple[str, str | None]]:
    return [(i.country, i.location) for i in run(body, headline=headline).incidents]


def test_a_headline_border_gives_way_to_the_place_the_story_names() -> None:
    found = _places("An unmarked drone was brought down by Chadian anti-aircraft fire close to the frontier with Sudan "
                    "on Wednesday, an army spokesman announced. Soldiers were collecting the debris of the aircraft in the eastern province of "
                    "Ouaddai, an officer said.", headline="Unmarked drone hit by gunners close to Sudan border")
    assert found == [("TD", "the eastern province of Ouaddai")]


def test_a_headline_border_is_no_place_when_the_story_names_none() -> None:
    found = _places("An unmarked drone was brought down by Chadian anti-aircraft fire close to the frontier with Sudan "
                    "on Wednesday, an army spokesman announced.", headline="Unmarked drone hit by gunners close to Sudan border")
    assert found == [("TD", None)]


def test_a_headline_names_a_town_for_the_story_that_names_no_place() -> None:
    found = _places("An unmarked drone was brought down by Chadian anti-aircraft fire on Wednesday, an army spokesman "
                    "announced.",
                    headline="Unmarked drone hit by gunners over Abeche")
    assert found == [("TD", "Abeche")]
