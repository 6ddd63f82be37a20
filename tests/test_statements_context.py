"""Statements told by verbs of speaking the first rules lacked, on invented sentences."""

from __future__ import annotations

from articles import run


def test_what_a_named_person_reminded_is_reported_speech() -> None:
    found = run("Defence Minister Anna Berg reminded that the cabinet had approved two new radars last spring.").statements
    assert [(s.speaker.name, s.mode, s.quote) for s in found] == [
        ("Anna Berg", "reported", "the cabinet had approved two new radars last spring")]


def test_reminding_someone_of_something_says_nothing_reported() -> None:
    assert not run("The minister reminded officers of their duty on Monday.").statements


def test_a_that_clause_after_a_time_clause_is_what_was_said() -> None:
    found = run("According to local radio, police said after the drones were spotted that there was no danger "
                "to the harbour.").statements
    assert [(s.speaker.name, s.quote) for s in found] == [("police", "there was no danger to the harbour")]


def test_a_that_clause_of_an_added_remark_stays_the_added_remark() -> None:
    found = run("The jets stayed in international airspace, the agency said in a statement, adding that such "
                "flights occur often.").statements
    assert "such flights occur often" in {s.quote for s in found}
    assert "The jets stayed in international airspace" in {s.quote for s in found}


def test_a_that_clause_of_a_speech_verb_in_a_time_clause_is_that_verbs() -> None:
    found = run("\"We will not back down,\" Ines Moreau said, while stressing that the border guard had acted within "
                "the law.").statements
    cues = {s.quote: s.cue for s in found}
    assert cues.get("the border guard had acted within the law") == "stressing"
