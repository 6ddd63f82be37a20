"""The cheap pass before parsing: it blanks what extraction cannot use and nothing it can."""

from __future__ import annotations

import pytest
from articles import article

import streams.extraction.run
from streams.extraction.focus import focus
from streams.extraction.model import Extraction
from streams.extraction.run import extract

BACKGROUND = ("The city council approved a new budget for its schools. Ticket prices for the opera rose by "
              "four percent. Heavy rain is expected over the weekend.")

# Invented stories whose facts lean on sentences that carry no cue themselves.
STORIES = {
    "surname introduced by an uncued sentence": (
        BACKGROUND + " Latvian Defence Minister Andris Ozols arrived in Riga on Monday after a trip abroad. " +
        BACKGROUND + "\nOzols said the two Russian jets that entered Latvian airspace on Sunday had switched off their "
        "transponders."),
    "a pronoun whose person is in the sentence before": (
        BACKGROUND + "\nGeneral Piotr Zielinski visited a tank regiment in Orzysz on Friday. He told soldiers that "
        "a Belarusian helicopter had crossed into Polish airspace for five minutes."),
    "an office named by its title only": (
        BACKGROUND + " Finland's Interior Minister Liisa Rantanen opened a hospital wing on Wednesday. " + BACKGROUND +
        "\nThe minister said border guards had counted four drones over Finnish territory near Imatra."),
    "a statement whose issuer is named earlier": (
        BACKGROUND + " In a statement on Thursday, the Lithuanian Defence Ministry said Russia was testing the "
        "alliance. " + BACKGROUND +
        '\n"Two Russian Su-30 jets violated our airspace for three minutes," the statement read.'),
    "a dateline and a timeline of lines": (
        "VILNIUS, Lithuania \u2014 Officials gave a tally of the year on Friday.\n" + BACKGROUND +
        "\nOn March 3, a Russian Il-20 entered Lithuanian airspace.\nOn June 14, three drones flew over the "
        "border from Belarus."),
}


def _unfocused(monkeypatch: pytest.MonkeyPatch, body: str) -> Extraction:
    monkeypatch.setattr(streams.extraction.run, "focus", lambda text: text)
    return extract(article(body))


@pytest.mark.parametrize("body", STORIES.values(), ids=STORIES.keys())
def test_focused_extraction_equals_parsing_everything(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    focused = extract(article(body))
    assert focused.incidents or focused.statements  # each story has something to find
    assert focused == _unfocused(monkeypatch, body)


def test_names_and_offices_resolve_through_uncued_sentences() -> None:
    [ozols] = extract(article(STORIES["surname introduced by an uncued sentence"])).statements
    assert (ozols.speaker.name, ozols.speaker.role) == ("Andris Ozols", "Defence Minister")
    [general] = extract(article(STORIES["a pronoun whose person is in the sentence before"])).statements
    assert general.speaker.name == "Piotr Zielinski"
    [minister] = extract(article(STORIES["an office named by its title only"])).statements
    assert minister.speaker.name == "Liisa Rantanen"
    quoted = extract(article(STORIES["a statement whose issuer is named earlier"])).statements
    assert {s.speaker.name for s in quoted} == {"Lithuanian Defence Ministry"}


def test_background_is_blanked_in_place() -> None:
    body = STORIES["surname introduced by an uncued sentence"]
    focused = focus(body)
    assert len(focused) == len(body)
    assert focused.count("Ticket prices") == 0 and focused.count("council approved") == 1  # the opening one stays
    kept = [i for i, char in enumerate(focused) if not char.isspace()]
    assert all(focused[i] == body[i] for i in kept)  # every kept character sits where it was
    assert "Andris Ozols" in focused and "entered Latvian airspace" in focused


def test_an_article_with_nothing_to_extract_is_not_parsed() -> None:
    assert focus(BACKGROUND) == ""
    assert extract(article(BACKGROUND, headline="Council passes budget")) == Extraction((), ())


@pytest.mark.parametrize("sentence", [
    "Prices rose, the central bank reported.",  # reported speech: a statement
    '"We are ready," the coach added.',  # a quotation
    "An unidentified object hovered near the airport.",  # something flying
    "Poland requested consultations under Article 4.",
    "A Su-24 was shot down near the frontier.",
])
def test_a_cue_keeps_its_sentence(sentence: str) -> None:
    assert focus(sentence) == sentence
