"""A whole clause reported beside a quotation that closes or opens the sentence, on invented sentences: the clause
is reported speech of its own and the quotation a direct statement beside it; a frame the quotation completes is
none."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


JET = "A Bordurian jet crossed into Ruritanian airspace on Monday. "
DRONE = "A drone was seen over the main runway on Monday evening. "


def test_a_clause_ending_on_a_noun_the_quotation_describes_is_reported() -> None:
    found = _said(JET + "Prime Minister Ola Berg announced that the cabinet would meet on Friday to discuss new tariffs "
                  "\u201csteep enough to empty the warehouses across the river.\u201d")
    assert ("Ola Berg", "reported", "the cabinet would meet on Friday to discuss new tariffs") in found
    assert ("Ola Berg", "direct", "steep enough to empty the warehouses across the river") in found


def test_a_clause_before_a_quoted_coordinated_verb_is_reported() -> None:
    found = _said(DRONE + "The airport authority said its staff had searched the fields beyond the fence and "
                  "\"found nothing but a broken kite.\"")
    assert ("airport authority", "reported", "its staff had searched the fields beyond the fence") in found
    assert ("airport authority", "direct", "found nothing but a broken kite") in found


def test_near_miss_a_quotation_that_completes_the_clause_leaves_no_frame() -> None:
    for body in (JET + "The foreign ministry said the jets from the neighbouring base were \"a grave provocation.\"",
                 JET + "The foreign ministry said the crew of the jet had shown \"utter contempt for the rules.\"",
                 JET + "The foreign ministry said the Bordurian jets had flown over the lake \"without any "
                       "permission.\""):
        assert [mode for _, mode, _ in _said(body)] == ["direct"]


def test_near_miss_a_quoted_verb_whose_subject_is_before_it_leaves_no_frame() -> None:
    found = _said(JET + "The foreign minister said the first analysis of the radar showed the jet was \"probably "
                  "flown by a trainee who lost his way\".")
    assert not any(quote.endswith("showed the jet") for *_, quote in found)


def test_near_miss_a_quoted_condition_completes_the_clause() -> None:
    found = _said(JET + "The defence minister said the army would be allowed to shoot down such jets over the lake "
                  "\"if there is a clear threat\".")
    assert not any(quote == "the army would be allowed to shoot down such jets over the lake" for *_, quote in found)


def test_near_miss_words_before_their_speaker_are_read_whole() -> None:
    found = _said(JET + "The jet flew along the border for an hour but \"never crossed into our airspace\", the "
                  "Bordurian air force said.")
    assert not any(quote == "The jet flew along the border for an hour" for *_, quote in found)


def test_a_clause_after_a_quoted_comment_on_it_is_reported() -> None:
    found = _said(JET + "Ruritanian President Ola Berg said \"we have no doubt at all\" the pilot had been ordered to "
                  "cross.")
    assert ("Ola Berg", "direct", "we have no doubt at all") in found
    assert ("Ola Berg", "reported", "the pilot had been ordered to cross") in found


def test_near_miss_a_quoted_subject_leaves_no_frame() -> None:
    found = _said(JET + "Ruritanian President Ola Berg said \"the jet\" came from Borduria.")
    assert [mode for _, mode, _ in found] == ["direct"]
