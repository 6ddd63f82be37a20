"""Statements: who is no speaker although a sentence is built as if it spoke (invented sentences)."""

from __future__ import annotations

from articles import run


def speakers(body: str) -> list[str]:
    return [s.speaker.name for s in run(body).statements]


def test_a_rule_text_is_no_speaker() -> None:
    assert speakers("According to Article 5, an attack on one ally is an attack on all.") == []
    assert speakers("According to the treaty, any member may ask for talks when it feels threatened.") == []
    assert speakers("The charter says that no member may be expelled.") == []


def test_an_institution_is_still_a_speaker_after_according_to() -> None:
    assert speakers("According to the Defence Ministry, two drones crossed the border on Monday.") == [
        "Defence Ministry"]
    assert speakers("The law enforcement agency said two drones crossed the border on Monday.") == [
        "law enforcement agency"]


def said_by(body: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.quote) for s in run(body).statements]


def test_he_goes_on_with_the_person_who_spoke_last_not_the_one_named_in_full_last() -> None:
    found = said_by("Poland's interior minister, Tomasz Wrona, spoke in Lublin on Friday. Wrona said the drone had "
                    "been tracked, while Anna Kwiecien, a spokeswoman for the border guard, said patrols were out. "
                    "Roads were closed. Wrona added that the army would stay on alert. He also said that two more "
                    "drones had been seen in May.")
    assert found[-1] == ("Tomasz Wrona", "two more drones had been seen in May")


def test_he_is_still_the_person_named_after_the_last_one_who_spoke() -> None:
    found = said_by("Foreign Minister Ola Berg said the drone was Russian. Jan Novak, the defence minister, arrived "
                    "later. He said that troops would patrol the border.")
    assert found[-1] == ("Jan Novak", "troops would patrol the border")


def test_an_unnamed_source_is_not_of_the_state_a_place_phrase_names() -> None:
    # "near the X-ish border" places the event; the source is of the state whose troops the sentence names
    assert [s.speaker.name for s in run("Polish troops sealed off the area near the Belarusian border, a military "
                                        "source said.").statements] == ["Polish military source"]
    assert [s.speaker.name for s in run("Finnish guards closed two crossings on the Russian border, an army source "
                                        "said.").statements] == ["Finnish army source"]


def test_an_unnamed_source_still_takes_the_state_a_subject_names() -> None:
    assert [s.speaker.name for s in run("Estonian jets were scrambled on Monday, a military source said.").statements] \
        == ["Estonian military source"]


def test_the_statement_added_is_the_institution_that_spoke_last_not_one_whose_verb_contains_a_document_word() -> None:
    found = said_by("Knock Airport paused landings on Sunday after a drone was seen. The Irish Aviation Authority "
                    "said a pilot reported the drone at dusk. Landings resumed once the airport announced the runway "
                    "was clear. \u201cWe are grateful for the patience of travellers,\u201d the statement added.")
    assert found[-1] == ("Knock Airport", "We are grateful for the patience of travellers")


def test_the_statement_read_is_still_the_one_a_sentence_names_as_issued() -> None:
    found = said_by("In a written statement, the Latvian foreign ministry condemned the flight. Police said roads "
                    "were closed. \u201cThis cannot happen again,\u201d the statement read.")
    assert found[-1][0] != "Police"


def test_who_was_told_after_a_speaker_in_apposition_is_no_speaker() -> None:
    assert said_by("The drone flew two miles into Polish airspace, Poland's deputy defence minister, Marek Zielny, "
                   "told reporters in Warsaw.") == [("Marek Zielny", "The drone flew two miles into Polish airspace")]
    assert said_by("The jets turned back at once, the air force commander, Anna Lind, told journalists.") == [
        ("Anna Lind", "The jets turned back at once")]


def test_the_one_told_is_never_the_speaker() -> None:
    assert [name for name, _ in said_by("The balloon drifted east overnight, the border guard's spokesman, Jonas "
                                        "Vilkas, told the national broadcaster.")] == ["Jonas Vilkas"]
