"""Statements told by verbs of speaking the first rules lacked, on invented sentences."""

from __future__ import annotations

from articles import run


def test_what_a_named_person_reminded_is_reported_speech() -> None:
    found = run("Defence Minister Anna Berg reminded that the cabinet had approved two new radars last spring.").statements
    assert [(s.speaker.name, s.mode, s.quote) for s in found] == [
        ("Anna Berg", "reported", "the cabinet had approved two new radars last spring")]


def test_reminding_someone_of_something_says_nothing_reported() -> None:
    assert not run("The minister reminded officers of their duty on Monday.").statements
