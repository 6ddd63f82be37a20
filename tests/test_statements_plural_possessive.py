"""A speaker set after the words with a plural's possessive, on invented sentences: "..., the Coastal Rangers' press
office added" names the speaker as "the army's press office" does; the bare apostrophe is no punctuation."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


JET = "A Bordurian jet crossed into Ruritanian airspace on Monday. "


def test_a_plural_possessive_speaker_after_the_words_says_them() -> None:
    found = _said(JET + "Patrols along the shore will be doubled until the spring, the Coastal Rangers' press office "
                  "added.")
    assert ("Coastal Rangers", "reported", "Patrols along the shore will be doubled until the spring") in found


def test_a_plural_possessive_spokesman_speaks_for_the_body() -> None:
    found = _said(JET + "The border guard will keep watch over the lake, the Ruritanian Border Guards' spokesman said.")
    assert ("Ruritanian Border Guards", "reported", "The border guard will keep watch over the lake") in found


def test_near_miss_a_clause_with_a_plural_possessive_is_no_speaker_phrase() -> None:
    found = _said(JET + "The jet flew low over the lake, and its pilots' radios were silent, the air force said.")
    assert not any(name.endswith("radios") for name, *_ in found)
