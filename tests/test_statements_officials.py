"""Several unnamed officials of a named institution, on invented sentences: "officials at the agency said" speaks for
the agency, as "an official at the agency said" does; officials of no institution in particular name no speaker."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.quote) for s in run(body).statements]


LEAD = "A drone was seen over the main runway on Monday evening. "


def test_officials_at_an_institution_speak_for_it() -> None:
    found = _said(LEAD + "Officials at the Ruritanian aviation agency said the runway had been shut for forty minutes.")
    assert ("Ruritanian aviation agency", "the runway had been shut for forty minutes") in found


def test_officials_from_an_institution_speak_for_it() -> None:
    found = _said(LEAD + "Officials from the airport authority said on the radio that the ferry flights would resume "
                  "at noon.")
    assert ("airport authority", "the ferry flights would resume at noon") in found


def test_near_miss_officials_of_no_institution_name_no_speaker() -> None:
    assert _said(LEAD + "Ruritanian officials said they would work with the police to find the operator.") == []
    assert _said(LEAD + "Officials from several agencies said they would work with the police.") == []
    assert _said(LEAD + "Officials at the scene said the runway would reopen soon.") == []
