"""An appeal told by a participle, on invented sentences: "condemned the flight, urging the neighbour to halt such
flights", "..., it added, while urging ...", and one the parser hangs on the reported clause, are the speaker's."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


JET = "A Bordurian jet crossed into Ruritanian airspace on Monday. "
APPEAL = ("Ruritanian foreign ministry", "reported", "urging Borduria to halt such flights")


def test_a_participial_appeal_after_a_stance_is_the_speakers() -> None:
    assert APPEAL in _said(JET + "The Ruritanian foreign ministry condemned the flight, urging Borduria to halt such "
                           "flights.")


def test_a_participial_appeal_after_words_set_before_the_speaker_is_the_speakers() -> None:
    assert ("Ruritanian coast guard", "reported", "urging trawler crews to return to port") in _said(
        JET + "Fishing in the bay must stop at once, the Ruritanian coast guard added, while urging trawler crews to "
        "return to port.")


def test_a_participial_appeal_hung_on_the_reported_clause_is_the_reporters() -> None:
    found = _said(JET + "The Ruritanian foreign ministry said the intrusion demanded a response, urging Borduria to "
                  "halt such flights.")
    assert APPEAL in found
    assert not any(name == "intrusion" for name, *_ in found)


def test_near_miss_a_participle_on_a_verb_of_no_speech_is_no_appeal() -> None:
    assert _said(JET + "Farmers watched the jet circle the lake, urging their children to stay inside.") == []
