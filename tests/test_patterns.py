"""The pattern engine (patterns/*.json run by spaCy's DependencyMatcher) and the constructions stated in it, on
invented sentences (published Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

import json

import pytest
from articles import run

from streams.extraction.nlp import load_pipeline
from spacy.matcher import DependencyMatcher

from streams.extraction.rules import PATTERN_DIR, GatedMatcher, PatternError, _compile, read_patterns, rule_matches
from streams.extraction.speech_patterns import load_patterns


def sightings(body: str, **kwargs: str) -> list:
    return [i for i in run(body, **kwargs).incidents if i.kind == "drone_sighting"]


# --- The engine ----------------------------------------------------------------------------------------------------


def test_every_pattern_file_loads_and_names_each_pattern() -> None:
    for path in PATTERN_DIR.iterdir():
        if path.name.endswith(".json"):
            spec = json.loads(path.read_text(encoding="utf-8"))
            names = [p["name"] for p in spec["patterns"]]
            assert names and len(names) == len(set(names))
            assert all(name.startswith(path.name.removesuffix(".json") + ".") for name in names)
            _compile(path.name, path.read_text(encoding="utf-8"))


def test_a_pattern_reads_its_word_list_from_the_lexicon() -> None:
    doc = load_pipeline()("Departures were halted after reports of a drone near the runway.")
    matched = rule_matches(doc, "disruption")
    assert sorted(m.rule for m in matched) == ["disruption.after_drones", "disruption.stopped_because_of_drones"]
    assert all(m.tokens["disrupted"].lemma_ == "halt" for m in matched)
    assert [m.tokens["traffic"].lemma_ for m in matched if "traffic" in m.tokens] == ["departure"]


def test_a_pattern_naming_no_lexicon_list_is_refused() -> None:
    spec = {"matcher": "dependency", "patterns": [{"name": "x.y", "pattern": [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"IN": "$NO_SUCH_WORDS"}}}]}]}
    with pytest.raises(PatternError, match="NO_SUCH_WORDS"):
        _compile("broken.json", json.dumps(spec))


def test_an_unknown_matcher_is_refused() -> None:
    with pytest.raises(PatternError, match="unknown matcher"):
        _compile("broken.json", json.dumps({"matcher": "regex", "patterns": []}))


# Invented texts: some with the words of no pattern, some with those of several, some with a pattern's words on
# tokens of the wrong kind ("a call", "the statement said").
SCREENED_TEXTS = (
    "The weather stayed mild all week and the ferries ran to time.",
    "The defence minister condemned the flight and called on Minsk to explain it, the ministry said.\n"
    "Earlier incursions, which happened in May, were protested by the government.",
    "Flights at Kestrel Airport were suspended on Friday because of drones, and the mayor called it a warning.",
    "A call from the embassy went unanswered. The statement by the navy said that the boat had left.",
    "The ministry denounced the incursion as a provocation and urged calm, Lind's office said.",
)


def test_a_matcher_screened_by_the_words_of_its_patterns_finds_what_the_full_matcher_finds() -> None:
    nlp = load_pipeline()
    groups = [read_patterns(path) for path in sorted(PATTERN_DIR.glob("*.json"))] + [load_patterns()]
    for patterns in groups:
        full = DependencyMatcher(nlp.vocab)
        for pattern in patterns:
            full.add(pattern.name, [pattern.pattern])
        screened = GatedMatcher(nlp.vocab, patterns)
        for text in SCREENED_TEXTS:
            doc = nlp(text)
            assert screened(doc) == full(doc), (patterns[0].name, text)


# --- Sightings told by the disruption they caused ------------------------------------------------------------------


def test_traffic_stopped_because_of_drones_is_a_sighting_at_the_airport() -> None:
    found = sightings("Landings at Tampere Airport were halted for an hour on Monday because of reports of drones "
                      "over the runway.")
    assert [(s.country, s.location, s.occurred_on.value) for s in found] == [("FI", "Tampere Airport", "2025-10-06")]


def test_each_airport_of_a_disrupted_list_is_its_own_sighting() -> None:
    found = sightings("On Sunday night the operation of Gothenburg Airport and Malmo Airport was disrupted due to "
                      "drones seen close to the terminals.")
    assert sorted((s.country, s.location) for s in found) == [("SE", "Gothenburg Airport"), ("SE", "Malmo Airport")]
    assert {s.rules for s in found} == {("disruption.stopped_because_of_drones",)}


def test_sightings_that_made_authorities_close_the_airspace_are_placed_by_the_sentence() -> None:
    found = sightings("In Trondheim, three sightings of drones led the authorities to close the airspace over the "
                      "airport late on Tuesday.")
    assert [(s.country, s.location) for s in found] == [("NO", "Trondheim")]
    assert found[0].rules == ("disruption.drones_stopped_it",)


def test_a_disruption_caused_by_a_states_drones_is_no_sighting() -> None:
    assert sightings("Flights at Vilnius Airport were suspended on Monday after Belarusian drones crossed the "
                     "border.") == []


def test_a_disruption_without_drones_is_no_sighting() -> None:
    assert sightings("Flights at Bergen Airport were suspended on Monday because of a storm.") == []


def test_a_disruption_that_did_not_happen_is_no_sighting() -> None:
    assert sightings("Officials said flights at Oslo Airport would not be suspended because of the drone reports.") == []


# --- Background lists: similar incidents at the places listed -------------------------------------------------------


def test_similar_incidents_at_listed_places_copy_the_story_incident_to_each_place() -> None:
    body = ("Departures at Oslo Airport were halted on Sunday after drones were seen close to the runway.\n"
            "Police reviewed radar logs overnight.\n"
            "Comparable incidents have hit other airports in recent weeks, including Bergen and Trondheim.")
    found = sorted((s.country, s.location, s.occurred_on.value if s.occurred_on else None, s.rules)
                   for s in sightings(body))
    assert ("NO", "Bergen", None, ("background.similar_incidents_including",)) in found
    assert ("NO", "Trondheim", None, ("background.similar_incidents_including",)) in found


def test_a_list_without_similar_incidents_adds_nothing() -> None:
    body = ("Departures at Oslo Airport were halted on Sunday after drones were seen close to the runway.\n"
            "Airlines have added flights to other cities, including Bergen and Trondheim.")
    assert [s.location for s in sightings(body)] == ["Oslo Airport"]


def test_similar_incidents_at_sites_in_listed_states_are_one_in_each_state() -> None:
    body = ("Soldiers saw drones above the Swiss air base at Payerne on Sunday night.\n"
            "Comparable sightings were reported at army barracks in Austria and Hungary in September.")
    found = sorted((s.country, s.occurred_on.value if s.occurred_on else None, s.rules) for s in sightings(body))
    assert ("AT", "2025-09", ("background.similar_incidents_at_sites",)) in found
    assert ("HU", "2025-09", ("background.similar_incidents_at_sites",)) in found


def test_sightings_at_sites_called_like_nothing_are_not_background() -> None:
    body = ("Soldiers saw drones above the Swiss air base at Payerne on Sunday night.\n"
            "Troops were sent to army barracks in Austria and Hungary in September.")
    assert [s.country for s in sightings(body)] == ["CH"]


def test_each_patterns_example_is_matched_by_that_pattern() -> None:
    nlp = load_pipeline()
    for path in PATTERN_DIR.iterdir():
        if path.name.endswith(".json"):
            spec = json.loads(path.read_text(encoding="utf-8"))
            for pattern in spec["patterns"]:
                matched = rule_matches(nlp(pattern["example"]), path.name.removesuffix(".json"))
                assert pattern["name"] in [m.rule for m in matched], pattern["name"]


# --- Background: earlier incidents the story measures its news against, one at each date given --------------------


LATVIAN_LEAD = "A Russian drone strayed into Latvian airspace near Rezekne on Monday, the army said.\n"


def incursions(body: str) -> list[tuple[str, str | None, str | None, tuple[str, ...]]]:
    return sorted((i.country + "/" + str(i.violator), i.occurred_on.value if i.occurred_on else None, i.location,
                   i.rules) for i in run(body).incidents if i.kind == "airspace_violation")


def test_the_previous_violation_dated_by_its_own_clause_is_an_earlier_incident() -> None:
    body = ("Two Belarusian helicopters crossed into Lithuanian airspace near Druskininkai on Tuesday, the border "
            "guard said.\nThe previous violation by Belarusian aircraft occurred in March 2024, according to the "
            "guard.")
    assert incursions(body) == [("LT/BY", "2024-03", None, ("background.earlier_one_occurred",)),
                                ("LT/BY", "2025-10-07", "Druskininkai", ("violation.entry",))]


def test_earlier_incursions_with_a_list_of_dates_are_one_incident_at_each() -> None:
    found = incursions(LATVIAN_LEAD + "Earlier incursions, which happened in July 2024 and February 2025, led to "
                                      "protests from Riga.")
    assert [(state, date) for state, date, _, rules in found if rules == ("background.earlier_ones_which_occurred",)] \
        == [("LV/RU", "2024-07"), ("LV/RU", "2025-02")]
    assert ("LV/RU", "2025-10-06", "Rezekne", ("violation.entry",)) in found


def test_an_earlier_event_that_is_no_incident_adds_nothing() -> None:
    body = LATVIAN_LEAD + "The previous meeting of the two defence ministers took place in March 2024."
    assert incursions(body) == [("LV/RU", "2025-10-06", "Rezekne", ("violation.entry",))]


def test_an_earlier_incursion_only_thought_possible_adds_nothing() -> None:
    body = LATVIAN_LEAD + ("The army said the previous incursion may have occurred in June 2024 but could not "
                           "confirm it.")
    assert incursions(body) == [("LV/RU", "2025-10-06", "Rezekne", ("violation.entry",))]


# --- Retold: the story's event retold by a definite event noun, with its own time ------------------------------------


def test_the_incursion_retold_with_its_own_time_dates_the_reported_incident() -> None:
    body = ("A Russian drone strayed into Latvian airspace near Rezekne, the army said.\n"
            "Border guards tracked it for several minutes.\n"
            "According to the army, the incursion happened at about 10pm on Monday.")
    assert [(c, d) for c, d, _, _ in incursions(body)] == [("LV/RU", "2025-10-06")]


def test_a_retold_incursion_without_a_time_of_its_own_changes_nothing() -> None:
    body = ("A Russian drone strayed into Latvian airspace near Rezekne, the army said.\n"
            "Border guards tracked it for several minutes.\n"
            "The army did not say where the incursion happened.")
    assert [(c, d) for c, d, _, _ in incursions(body)] == [("LV/RU", "2025-10-08")]
