"""Statement extraction on invented articles of news from beyond Europe, one phenomenon each."""

from __future__ import annotations

from articles import run


def test_a_name_of_two_surnames_is_shortened_to_the_first() -> None:
    found = run("Peruvian Defence Minister Gen. Julio Salazar Quispe visited the border post on Monday.\n"
                '"Our pilots tracked the aircraft for ten minutes," Salazar told reporters.').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Julio Salazar Quispe"]


def test_a_first_or_last_name_still_wins_over_a_middle_name() -> None:
    found = run("Colonel Ana Lucia Torres and her deputy Pedro Lucia spoke on Monday.\n"
                '"We saw nothing unusual," Lucia said.').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Pedro Lucia"]



def test_office_holders_of_an_organisation_named_by_its_initials_speak_as_a_body() -> None:
    found = run("Envoys gathered in Addis Ababa on Friday.\n"
                'The raid "was a grave breach of the truce", the AU ambassadors said in a joint statement. '
                '"We call on both sides to withdraw," the statement added.').statements
    assert [(s.speaker.name, s.speaker.organization) for s in found if s.mode == "direct"] == [
        ("AU ambassadors", "AU"), ("AU ambassadors", "AU")]


def test_office_holders_of_no_organisation_or_several_are_nobody_in_particular() -> None:
    found = run('"The raid was a grave breach of the truce," several ambassadors said on Friday.').statements
    assert not [s for s in found if s.mode == "direct" and "ambassadors" in s.speaker.name]
    found = run('"The raid was a grave breach of the truce," the ambassadors said on Friday.').statements
    assert not [s for s in found if s.mode == "direct" and "ambassadors" in s.speaker.name]


def test_a_quotation_cued_only_by_a_participle_goes_on_with_the_speaker_before() -> None:
    found = run('"We tracked the aircraft for an hour," Defence Minister Rafael Mendes said on Sunday. "It entered '
                'our airspace twice," adding that the crew ignored radio calls.').statements
    assert [(s.speaker.name, s.quote) for s in found if s.mode == "direct"] == [
        ("Rafael Mendes", "We tracked the aircraft for an hour"), ("Rafael Mendes", "It entered our airspace twice")]


def test_a_participle_before_a_quotation_with_its_own_speaker_keeps_that_speaker() -> None:
    found = run('"We tracked the aircraft for an hour," Defence Minister Rafael Mendes said on Sunday. Speaking '
                'later, army chief Julia Castro said: "It entered our airspace twice."').statements
    assert [s.speaker.name for s in found if s.mode == "direct"] == ["Rafael Mendes", "Julia Castro"]


def test_an_office_with_its_qualifier_is_held_by_the_one_given_that_office_not_another_minister() -> None:
    found = run("Bolivia wants an explanation for the overflight, the country's foreign minister said on Monday.\n"
                "The plane was detected on Saturday, Defence Minister Gen. Luis Ortega Diaz said.\n"
                "Foreign Minister Ana Castro said the envoy would be called in.").statements
    first = next(s for s in found if s.quote.startswith("Bolivia wants"))
    assert first.speaker.name == "Ana Castro"


def test_an_office_without_a_qualifier_is_still_the_last_holder_of_that_office() -> None:
    found = run("Defence Minister Luis Ortega Diaz visited the base on Monday.\n"
                "The plane was detected on Saturday, the minister said.").statements
    assert [s.speaker.name for s in found] == ["Luis Ortega Diaz"]


def test_an_office_of_another_state_is_not_held_by_the_minister_named_for_the_first() -> None:
    found = run("The plane was detected on Saturday, Defence Minister Luis Ortega Diaz of Bolivia said.\n"
                "Chile's defence minister denied any incursion.").statements
    assert [s.speaker.name for s in found] == ["Luis Ortega Diaz"]


def test_the_office_of_the_same_state_is_still_its_holder() -> None:
    found = run("The plane was detected on Saturday, Defence Minister Luis Ortega Diaz of Bolivia said.\n"
                "Bolivia's defence minister later said the crew had been warned.").statements
    assert [s.speaker.name for s in found] == ["Luis Ortega Diaz", "Luis Ortega Diaz"]
