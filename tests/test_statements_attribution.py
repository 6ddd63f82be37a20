"""Attributions that name their source without a verb of speaking of their own, and a state's government called
after its seat, on invented sentences."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str | None, str, str]]:
    return [(s.speaker.name, s.speaker.organization, s.mode, s.quote) for s in run(body).statements]


def test_as_reported_by_an_institution_before_the_clause_is_its_statement() -> None:
    found = run("As reported by the interior ministry in Bratislava on Tuesday, a small drone fell into a vineyard "
                "outside the town overnight.").statements
    assert [(s.speaker.name, s.mode, s.quote) for s in found] == [
        ("Slovak interior ministry", "reported", "a small drone fell into a vineyard outside the town overnight")]
    assert found[0].rules == ("statement.according_to",) and found[0].cue == "as reported by"


def test_as_announced_by_after_the_clause_attributes_the_clause() -> None:
    found = _said("Three passenger jets were diverted to Tampere while the lights hovered over the runway, as announced "
                  "by the Finnish transport agency on Sunday evening.")
    assert [(name, mode) for name, _, mode, _ in found] == [("Finnish transport agency", "reported")]
    assert found[0][3] == "Three passenger jets were diverted to Tampere while the lights hovered over the runway"


def test_as_stated_by_a_named_official_is_the_officials_statement() -> None:
    found = _said("As stated by border guard spokesman Tomas Varga, the helicopter stayed inside the country for about "
                  "four minutes before turning back.")
    assert [(name, mode) for name, _, mode, _ in found] == [("Tomas Varga", "reported")]


def test_as_reported_by_a_news_agency_is_no_statement() -> None:
    assert not run("As reported by Reuters, the port was closed for six hours after the sighting.").statements
    found = _said("Two balloons drifted over the harbour, the coast guard said, as reported by the Associated Press "
                  "on Friday.")
    assert [name for name, *_ in found] == ["coast guard"]


def test_as_reported_earlier_without_a_source_is_no_statement() -> None:
    assert not run("The drone, as reported earlier, broke apart in a maize field near the village.").statements


def test_the_government_in_a_capital_is_named_as_written_for_its_state() -> None:
    found = _said("The government in Tallinn said on Friday that the balloon had drifted in from the east.")
    assert [(name, org) for name, org, *_ in found] == [("government in Tallinn", "Estonia")]


def test_the_government_in_a_capital_speaks_for_the_state_of_that_capital() -> None:
    found = _said("Vilnius closed two crossings on Monday. Within hours the government in Minsk rejected the "
                  "accusation and said the flights had been approved by nobody in Belarus.")
    assert ("government in Minsk", "Belarus") in [(name, org) for name, org, *_ in found]


def test_a_government_in_a_state_named_as_a_state_keeps_its_nationality() -> None:
    found = _said("The government in Estonia said on Friday that the balloon had drifted in from the east.")
    assert [(name, org) for name, org, *_ in found] == [("Estonian government", "Estonia")]


def test_a_ministry_in_a_capital_is_still_named_by_its_nationality() -> None:
    found = _said("The defence ministry in Oslo said the two fighters had been sent up twice that week.")
    assert [(name, org) for name, org, *_ in found] == [("Norwegian defence ministry", "Norway")]


def test_an_office_holder_the_story_names_only_later_is_that_person() -> None:
    found = _said("Peru will ask the regional security council to meet, the defence minister said on Sunday. The "
                  "minister added that the jets had crossed the coast twice. In a radio interview, Carlos Mendoza said "
                  'the flights "broke every rule".')
    assert [(name, mode) for name, _, mode, _ in found] == [("Carlos Mendoza", "reported")] * 2 + [
        ("Carlos Mendoza", "direct")]
    assert all(org == "Peru" for _, org, _, _ in found)


def test_he_after_an_office_holder_named_later_is_that_person() -> None:
    found = _said("Peru will ask the regional security council to meet, the defence minister said on Sunday. He said "
                  "the jets had crossed the coast twice. In a radio interview, Carlos Mendoza said the flights had been "
                  "tracked from the start.")
    assert {name for name, *_ in found} == {"Carlos Mendoza"} and len(found) == 3


def test_a_person_named_later_with_another_office_is_not_the_office_holder() -> None:
    found = _said("Peru will ask the regional security council to meet, the defence minister said on Sunday. In a "
                  "radio interview, opposition leader Carlos Mendoza said the flights had been tracked from the start.")
    assert [name for name, *_ in found] == ["Carlos Mendoza"]
    assert "council" not in found[0][3]


def test_an_office_holder_with_a_person_named_before_is_not_the_next_person() -> None:
    found = _said("Carlos Mendoza visited the base on Friday. Peru will ask the regional security council to meet, the "
                  "defence minister said on Sunday. In a radio interview, Jorge Salinas said the flights had been "
                  "tracked from the start.")
    assert ("Jorge Salinas", "Peru", "reported",
            "Peru will ask the regional security council to meet") not in found


def test_people_speaking_together_each_make_the_statement() -> None:
    found = _said("Estonian Prime Minister Kai Tamm and Latvian Prime Minister Juris Ozols said in a joint statement "
                  "on Monday that the night flights had been planned in Minsk.")
    assert [(name, org) for name, org, *_ in found] == [("Kai Tamm", "Estonia"), ("Juris Ozols", "Latvia")]
    assert len({quote for *_, quote in found}) == 1
    assert run("Estonian Prime Minister Kai Tamm and Latvian Prime Minister Juris Ozols said in a joint statement on "
               "Monday that the night flights had been planned in Minsk.").statements[1].rules == (
        "statement.reported_clause.joint",)


def test_a_quotation_two_people_give_together_is_each_ones() -> None:
    found = _said('"No one will fly over our farms again," President Alar Kask and Defence Minister Mari Lepp told '
                  "farmers in Tartu.")
    assert [name for name, *_ in found] == ["Alar Kask", "Mari Lepp"]


def test_a_person_with_an_institution_is_the_persons_statement_alone() -> None:
    found = _said("Kai Tamm and the border guard said the night flights had been planned in Minsk.")
    assert [name for name, *_ in found] == ["Kai Tamm"]
