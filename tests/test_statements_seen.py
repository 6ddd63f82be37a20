"""Speakers as published news introduces and repeats them, on invented sentences."""

from __future__ import annotations

from articles import run


def _speakers(body: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.quote) for s in run(body).statements]


def test_an_institution_introduced_by_a_description_keeps_it_when_its_kind_is_repeated() -> None:
    found = _speakers("TALLINN, March 4. Ferries to the islands were halted because lights were seen over the "
                      "strait, the regional flood warning centre said. \"The lights were probably kites,\" the "
                      "centre said.")
    assert {name for name, _ in found} == {"Estonian regional flood warning centre"}


def test_a_described_agency_repeated_as_the_agency_is_the_same_agency() -> None:
    found = _speakers("ZAGREB, June 2. Two runways at Split were shut for an hour after the sighting, the national "
                      "air navigation safety agency said on Sunday. All flights to the coast resumed at noon, the "
                      "agency said.")
    assert [name for name, _ in found] == ["Croatian national air navigation safety agency"] * 2


def test_a_kind_repeated_with_a_modifier_of_its_own_is_not_the_described_one() -> None:
    found = _speakers("Ferries were halted after lights were seen over the strait, the regional flood warning "
                      "centre said. The lights were probably kites, the press centre of the navy said.")
    assert "regional flood warning centre" not in next(name for name, q in found if "kites" in q)


def test_a_surname_repeated_with_a_slip_of_spelling_is_the_person_named_before() -> None:
    found = _speakers("Lisbon protested on Monday, Portuguese Defence Minister Rui Valadares said. \"We will not "
                      "accept another flight over our islands,\" Valadarez wrote on Twitter.")
    assert ("Rui Valadares", "We will not accept another flight over our islands") in found


def test_a_surname_missing_a_letter_is_the_person_named_before() -> None:
    found = _speakers("Warsaw lodged a protest, Polish Deputy Foreign Minister Marta Grabowska said on Monday. "
                      "\"This was a deliberate provocation by the pilots,\" Grabowka told reporters.")
    assert ("Marta Grabowska", "This was a deliberate provocation by the pilots") in found


def test_a_misspelt_surname_with_two_people_it_could_be_stays_as_written() -> None:
    found = _speakers("Navy chief Ana Moravec and Foreign Minister Ivo Moravek met on Monday. \"The radar saw "
                      "nothing unusual that night,\" Moravck told reporters.")
    assert ("Moravck", "The radar saw nothing unusual that night") in found


def test_another_surname_that_only_starts_alike_is_another_person() -> None:
    found = _speakers("Defence Minister Karin Lindqvist visited the base on Monday. \"The patrols will be doubled "
                      "this winter,\" Lindgren told reporters.")
    assert ("Lindgren", "The patrols will be doubled this winter") in found


def test_a_capitals_stand_that_a_named_minister_announces_is_the_ministers_statement() -> None:
    found = _speakers("Vienna has condemned the incursion and summoned the Belarusian envoy, Austrian Foreign "
                      "Minister Lena Bauwerk announced on Friday.")
    assert [name for name, _ in found] == ["Lena Bauwerk"]


def test_a_states_stand_announced_by_its_president_is_the_presidents() -> None:
    found = _speakers("Chile has protested the overflight of its Antarctic base, President Tomas Ibarra said on "
                      "Tuesday.")
    assert [name for name, _ in found] == ["Tomas Ibarra"]


def test_a_capitals_stand_on_its_own_stays_the_capitals() -> None:
    found = _speakers("Vienna has condemned the incursion and summoned the envoy of Belarus on Friday.")
    assert [name for name, _ in found] == ["Vienna"]


def test_the_publishers_initials_report_nothing_said_in_the_story() -> None:
    found = run("Ferry crossings were delayed on Tuesday after a drone was seen over the harbour. HC had reported "
                "that the harbour master halted all departures from around 7pm.",
                source="Portside Daily (The Harbour Courier)").statements
    assert not found


def test_the_publishers_name_reports_nothing_said_in_the_story() -> None:
    found = run("The Harbour Courier had reported on Tuesday that the harbour master halted all departures from "
                "around 7pm.", source="The Harbour Courier").statements
    assert not found


def test_initials_of_another_body_still_speak() -> None:
    found = run("HC had reported that the harbour master halted all departures from around 7pm.",
                source="Portside Daily (The Coast Gazette)").statements
    assert [s.speaker.name for s in found] == ["HC"]


def test_a_publisher_named_for_a_state_leaves_the_state_a_speaker() -> None:
    found = run("Moldova said on Tuesday that a drone had crashed near the northern border village overnight.",
                source="Moldova Radio").statements
    assert [s.speaker.name for s in found] == ["Moldova"]


def test_a_denial_that_something_happened_is_the_deniers_statement() -> None:
    found = run("Serbia's army has denied that its drone entered Croatian airspace on Sunday.").statements
    assert [(s.speaker.name, s.mode, s.quote, s.rules) for s in found] == [
        ("Serbian army", "reported", "has denied that its drone entered Croatian airspace on Sunday",
         ("statement.stance.denial",))]


def test_a_denial_the_media_quoted_is_still_the_deniers() -> None:
    found = _speakers("The Georgian interior ministry denied that a Georgian balloon drifted across the border, local "
                      "television quoted the ministry as saying.")
    assert [name for name, _ in found] == ["Georgian interior ministry"]


def test_a_denial_that_goes_on_to_say_what_happened_is_told_by_that() -> None:
    found = _speakers("The Kremlin denied that Russian jets had flown over the island, saying the bombers had kept "
                      "to neutral waters.")
    assert found == [("Kremlin", "the bombers had kept to neutral waters")]


def test_a_denial_held_as_a_standing_position_is_no_statement() -> None:
    assert not run("Peru routinely denies that its patrol planes cross the maritime boundary.").statements


def test_an_unnamed_official_is_of_the_state_that_acted_not_the_neighbour_by_the_border() -> None:
    found = run("Sudan's air defences destroyed two unmanned aircraft late on Monday close to the frontier with "
                "Eritrea, a security official told reporters in the capital.").statements
    assert [(s.speaker.name, s.speaker.organization) for s in found] == [("Sudanese security official", "Sudan")]


def test_an_unnamed_source_is_not_of_the_state_the_drones_came_from() -> None:
    found = run("Kenya closed two airfields on Friday after drones flew in from Somalia, a military source "
                "said.").statements
    assert [s.speaker.organization for s in found] == ["Kenya"]


def test_an_unnamed_official_of_the_state_that_owns_the_agency_stays_its() -> None:
    found = run("Norway's broadcaster quoted a defence official as saying that the patrol plane had landed "
                "safely in Bodo.").statements
    assert [s.speaker.organization for s in found] == ["Norway"]
