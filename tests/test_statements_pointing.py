"""Statements: who is no speaker although a sentence is built as if it spoke (invented sentences)."""

from __future__ import annotations

from articles import run


def speakers(body: str) -> list[str]:
    return [s.speaker.name for s in run(body).statements]


def test_a_rule_text_is_no_speaker() -> None:
    assert speakers("According to Article 5, an attack on one ally is an attack on all.") == []
    assert speakers("According to the treaty, any member may ask for talks when it feels threatened.") == []
    assert speakers("The charter says that no member may be expelled.") == []


def test_an_institution_is_still_a_speaker_after_according_to() -> None:
    assert speakers("According to the Defence Ministry, two drones crossed the border on Monday.") == [
        "Defence Ministry"]
    assert speakers("The law enforcement agency said two drones crossed the border on Monday.") == [
        "law enforcement agency"]
