"""A speaker named inside a relative clause, on invented sentences: "..., which the ministry said endangered an
airliner" is the ministry's claim, the rest of the relative clause; a pronoun for the sentence's own speaker ("jets
that it said had entered ...") is no speaker of its own."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


def test_a_speaker_named_in_a_relative_clause_says_its_predicate() -> None:
    found = _said("Ruritania said on Tuesday it would close two crossings after the night flights, which the "
                  "interior ministry said had frightened farmers near the border.")
    assert ("interior ministry", "reported", "had frightened farmers near the border") in found


def test_a_relative_clause_after_a_plain_account_gives_its_speaker_the_predicate_only() -> None:
    found = _said("Border guards counted six balloons over the marshes overnight, which the interior ministry said "
                  "carried spare radio parts.")
    assert found == [("interior ministry", "reported", "carried spare radio parts")]


def test_near_miss_a_pronoun_in_the_relative_clause_is_the_sentence_speaker() -> None:
    found = _said("Ruritania said Tuesday it had summoned the ambassador over two Bordurian jets that it said had "
                  "entered its airspace.")
    assert [name for name, *_ in found] == ["Ruritania"]


def test_near_miss_an_unnamed_group_in_a_relative_clause_says_nothing() -> None:
    assert _said("The two jets, which the pilots said were flying at low altitude, landed at the base.") == []
