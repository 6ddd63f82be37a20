"""A speaker who cites unnamed sources, on invented sentences: "X said ..., citing unnamed sources" leaves the words
X's, as sources nobody names say nothing of their own; an outlet "quoting a spokesman" still passes the words on."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str, str]]:
    return [(s.speaker.name, s.mode, s.quote) for s in run(body).statements]


JET = "A Bordurian jet crossed into Ruritanian airspace on Monday. "


def test_a_named_speaker_citing_unnamed_sources_keeps_the_words() -> None:
    found = _said("Marsh fires burned for a third day. Ola Berg told reporters that two villages near the lake had "
                  "been evacuated, citing unnamed sources.")
    assert ("Ola Berg", "reported", "two villages near the lake had been evacuated") in found


def test_near_miss_an_outlet_quoting_a_spokesman_passes_the_words_on() -> None:
    found = _said(JET + "The state news agency reported that the jet had been shot at, quoting a border guard "
                  "spokesman.")
    assert [quote for *_, quote in found] == ["the jet had been shot at"]
    assert not any("agency" in name for name, *_ in found)
