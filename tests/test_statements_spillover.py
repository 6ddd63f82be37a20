"""Statements told the way wire copy tells them, on invented sentences (published Wednesday 2025-10-08)."""

from __future__ import annotations

from articles import run


def said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


def test_words_put_first_and_their_speaker_quoted_by_an_outlet_as_saying_after_them() -> None:
    assert said("Stockholm will reinforce its coastal radar network, Interior Minister Lars Holm was quoted by TT "
                "as saying.") == [("Lars Holm", "reported", "Stockholm will reinforce its coastal radar network")]
    assert said("Oslo has been strengthening its drone defences together with Sweden, Justice Minister Kari Dahl "
                "was cited by the NTB agency as saying.") == [
        ("Kari Dahl", "reported", "Oslo has been strengthening its drone defences together with Sweden")]


def test_a_speech_act_put_first_is_read_as_the_speech_act_it_is() -> None:
    found = said("The Danish navy has denied that its frigate fired at the drones, the broadcaster DR quoted a "
                 "navy officer as saying.")
    assert all(not quote.startswith("The Danish navy has denied") for _, _, quote in found)


def test_a_double_surname_repeated_alone_is_the_person_named_before_not_a_body() -> None:
    found = said("Regional Interior Minister Anna S\u00fctterlund-Waack told a committee on Wednesday that flying "
                 "objects had been spotted.\nThe region has been strengthening its drone defenses, "
                 "S\u00fctterlund-Waack was cited by the TT news agency as saying.")
    assert [name for name, _, _ in found] == ["Anna S\u00fctterlund-Waack"] * 2
