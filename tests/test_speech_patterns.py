"""Stances, appeals and labels stated as speech patterns (patterns/speech/*.json), on invented sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from articles import run

from streams.extraction.speech_patterns import PatternError, load_patterns


def statements(body: str) -> list:
    return list(run(body).statements)


def test_a_stance_taken_on_something_named_is_a_reported_statement_with_its_pattern_as_rule():
    [stance] = statements("The Kremlin on Thursday dismissed reports that Russian drones had strayed into Finland.")
    assert stance.speaker.name == "Kremlin" and stance.mode == "reported"
    assert stance.quote == "dismissed reports that Russian drones had strayed into Finland"
    assert stance.rules == ("statement.stance.object",)


def test_a_protest_against_something_is_a_stance():
    [stance] = statements("Bulgaria on Friday formally protested over eleven low passes by unmarked drones near the "
                          "port of Varna.")
    assert stance.speaker.name == "Bulgaria" and stance.rules == ("statement.stance.preposition",)
    assert stance.quote.startswith("formally protested over eleven low passes")


def test_an_appeal_shares_the_subject_of_the_speech_verb_it_is_coordinated_with():
    found = statements("In a short note the Latvian foreign ministry protested and called on Minsk to halt the "
                       "balloon flights at once.")
    [appeal] = [s for s in found if s.rules == ("statement.appeal.preposition.shared_subject",)]
    assert appeal.speaker.name == "Latvian foreign ministry"
    assert appeal.quote == "called on Minsk to halt the balloon flights at once"


def test_a_label_put_on_something_is_what_was_said():
    [label] = statements("Finnish President Ilse Tamm called the overflight of the border zone a deliberate test.")
    assert label.speaker.name == "Ilse Tamm" and label.rules == ("statement.label.predicate",)


def test_a_quotation_inside_a_stance_is_the_statement_and_the_stance_is_not_repeated():
    found = statements('Slovak President Eva Hornakova condemned what she called "reckless and dangerous games".')
    assert [(s.mode, s.quote) for s in found] == [("direct", "reckless and dangerous games")]


def test_a_habitual_position_in_the_present_and_a_joint_stand_are_not_statements():
    assert statements("Beijing routinely rejects criticism of its coast guard patrols near the reef.") == []
    assert statements("Latvia and Lithuania condemned the balloon flights from Belarus on Sunday.") == []


def test_an_act_coordinated_with_a_stance_is_not_the_stance_but_a_speech_act_is_part_of_it():
    [blame] = statements("The Polish minister Jan Wrona directly blamed Belarus but offered no proof at all.")
    assert blame.quote == "directly blamed Belarus"
    [joined] = statements("The Greek foreign ministry on Monday condemned the overflights, and stressed that Turkey "
                          "must respect international law.")
    assert joined.quote.startswith("condemned the overflights") and joined.quote.endswith("international law")


def test_a_dateline_before_the_subject_is_not_the_speaker():
    [ask] = statements("SPRING LAKE, N.J. (AP) — Gov. Anna Reed has asked the federal government to send more "
                       "investigators to the shore towns.")
    assert ask.speaker.name == "Anna Reed" and ask.rules == ("statement.appeal.object",)


def test_a_ministry_called_by_its_country_is_the_one_of_that_country_named_before():
    found = statements("Estonian border radar logged a Russian transport plane inside the country's airspace for "
                       "forty seconds.\nOfficials of the Ministry of Foreign Affairs handed a note to the Russian "
                       "charge d'affaires.\nIn the same note, the Estonian ministry also strongly condemned the "
                       "shelling of Ukrainian towns.")
    assert {s.speaker.name for s in found} == {"Ministry of Foreign Affairs"}


def _write(directory: Path, patterns: list) -> Path:
    (directory / "cues.json").write_text(json.dumps({"matcher": "dependency", "patterns": patterns}))
    return directory


def test_every_shipped_pattern_is_named_once_and_binds_a_cue_and_a_speaker():
    patterns = load_patterns()
    assert patterns and len({p.name for p in patterns}) == len(patterns)
    assert all({"cue", "speaker"} <= set(p.nodes) for p in patterns)


def test_a_pattern_naming_a_list_the_lexicon_lacks_fails_at_load_with_its_name(tmp_path: Path):
    cue = {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": {"IN": "$NO_SUCH_WORDS"}}}
    speaker = {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "speaker", "RIGHT_ATTRS": {"DEP": "nsubj"}}
    with pytest.raises(PatternError, match="cues.json: statement.x.*NO_SUCH_WORDS"):
        load_patterns(_write(tmp_path, [{"name": "statement.x", "pattern": [cue, speaker]}]))


def test_a_pattern_without_a_speaker_node_fails_at_load(tmp_path: Path):
    cue = {"RIGHT_ID": "cue", "RIGHT_ATTRS": {"LEMMA": "say"}}
    with pytest.raises(PatternError, match="binds no speaker"):
        load_patterns(_write(tmp_path, [{"name": "statement.y", "pattern": [cue]}]))


def test_a_stance_inside_another_speakers_reported_clause_is_part_of_that_statement():
    found = statements("Prime Minister Tiit Saar said Latvia had called on Minsk to halt the balloon flights.")
    assert [(s.speaker.name, s.rules) for s in found] == [("Tiit Saar", ("statement.reported_clause",))]


def test_a_stand_on_what_the_speaker_calls_something_keeps_the_label():
    [stance] = statements("Cyprus on Monday condemned what it called intimidation of its fishermen by Turkish "
                          "helicopters.")
    assert stance.rules == ("statement.stance.what_called",)
    assert stance.quote.startswith("condemned what it called intimidation")


def test_a_speech_act_told_as_a_noun_reports_its_that_clause():
    [by] = statements("Border checks were tightened hours before a televised announcement by Latvia's security "
                      "service that Moscow was trying to stir unrest.")
    assert (by.speaker.name, by.quote, by.rules) == (
        "Latvian security service", "Moscow was trying to stir unrest", ("statement.noun.by",))
    [own] = statements("Finland's warning that the flights could escalate went unheeded for weeks.")
    assert (own.speaker.name, own.quote, own.rules) == (
        "Finland", "the flights could escalate", ("statement.noun.possessive",))


def test_a_quotation_inside_a_clause_a_noun_reports_stays_in_the_clause():
    [noun] = statements("Markets fell on remarks by Polish President Jan Nowak that his guards had uncovered smugglers "
                        "\u201cusing balloons as cover.\u201d")
    assert noun.speaker.name == "Jan Nowak" and noun.mode == "reported" and "uncovered smugglers" in noun.quote
