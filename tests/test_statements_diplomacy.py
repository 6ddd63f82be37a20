"""Statement extraction on invented stories where the diplomacy is the news, one phenomenon each."""

from __future__ import annotations

from articles import run


def test_the_statement_that_goes_on_after_an_institution_spoke_is_its_own() -> None:
    found = run("The Azerbaijani Foreign Ministry rejected the protest on Tuesday.\n"
                '"Our aircraft kept to the agreed corridor," the agency APA quoted the ministry as saying. '
                '"No border was crossed at any moment," the statement continued.').statements
    speakers = {s.quote: s.speaker.name for s in found if s.mode == "direct"}
    assert speakers["No border was crossed at any moment"] == "Azerbaijani Foreign Ministry"


def test_statements_in_general_are_no_institution_that_spoke() -> None:
    found = run("The Azerbaijani Foreign Ministry rejected the protest on Tuesday.\n"
                '"Our aircraft kept to the agreed corridor," the agency APA quoted the ministry as saying. '
                '"Tensions are rising," statements by several observers warned.').statements
    assert "Tensions are rising" not in {s.quote for s in found if s.speaker.name == "Azerbaijani Foreign Ministry"}


def test_a_statement_far_from_any_institution_that_spoke_names_nobody() -> None:
    filler = " ".join(["The weather over the lake stayed calm for most of the long afternoon."] * 12)
    found = run('"We track every flight," the Moldovan Border Police said on Sunday. ' + filler +
                ' "Patrols will continue," the statement added.').statements
    assert "Patrols will continue" not in {s.quote for s in found}


def test_a_quote_on_the_second_verb_of_what_a_person_reports_a_state_did_is_the_persons() -> None:
    found = run("Foreign Minister Ana Pop spoke in Bucharest on Monday. She said Romania condemned the breach of its "
                'airspace and also denounced "the reckless conduct of Moscow."').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Ana Pop"]


def test_a_quote_on_the_second_verb_of_a_named_persons_reported_words_stays_theirs() -> None:
    found = run("Foreign Minister Ana Pop spoke in Bucharest on Monday. She said General Ion Rusu condemned the "
                'breach of the airspace and also denounced "the reckless conduct of Moscow."').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Ion Rusu"]
