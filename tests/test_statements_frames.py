"""Attributions as published news frames them, on invented sentences: a spokesperson of the institution just heard,
an office holder named first and given the office later, a document after the words it says, an outlet's tag."""

from __future__ import annotations

from articles import run


def _said(body: str) -> list[tuple[str, str | None, str, str]]:
    return [(s.speaker.name, s.speaker.role, s.mode, s.quote) for s in run(body).statements]


# A spokesperson the sentence gives no institution ---------------------------------------------------------------

def test_a_bare_spokesperson_speaks_for_the_institution_heard_just_before() -> None:
    found = _said("Two patrol boats chased a trawler out of the bay before dawn, the Ruritanian coast guard said on "
                  "Saturday.\n\"The trawler and its crew have now been handed to the port police,\" a spokesperson "
                  "said at noon.")
    assert ("Ruritanian coast guard", "spokesperson", "direct",
            "The trawler and its crew have now been handed to the port police") in found


def test_near_miss_a_bare_spokesperson_after_a_person_spoke_is_not_the_institution() -> None:
    found = _said("Two patrol boats chased a trawler out of the bay before dawn, the Ruritanian coast guard said on "
                  "Saturday. Fisheries Minister Ola Berg said the crew would be questioned.\n"
                  "\"The trawler and its crew have now been handed to the port police,\" a spokesperson said at noon.")
    assert not any(name == "Ruritanian coast guard" and "handed" in quote for name, _, _, quote in found)


# An office holder named first, given the office later ----------------------------------------------------------

def test_the_office_after_one_untitled_name_is_that_person() -> None:
    found = _said("Ola Berg flew home from Vienna on Monday after a summit with Bordurian Foreign Minister Ivo "
                  "Petrov.\nStressing that the talks had done nothing to stop the smuggling flights over the lake, the "
                  "prime minister told parliament that the border would stay closed until the spring.")
    assert [(name, role) for name, role, _, _ in found] == [("Ola Berg", "prime minister")] * 2
    assert {quote for *_, quote in found} == {
        "the talks had done nothing to stop the smuggling flights over the lake",
        "the border would stay closed until the spring"}


def test_near_miss_the_office_after_two_untitled_names_stays_unresolved() -> None:
    found = _said("Ola Berg flew home from Vienna on Monday after a summit with Jan Novak.\nStressing that the talks "
                  "had done nothing to stop the smuggling flights, the prime minister told parliament that the border "
                  "would stay closed.")
    assert not any(name in {"Ola Berg", "Jan Novak"} for name, *_ in found)


# A document after the words it says ---------------------------------------------------------------------------------

BORDURIA = ("Ruritania on Tuesday recalled its envoy from Borduria over the flights.\n"
            "\u201cOur patience with these flights has run out, and the border crossings will close to Bordurian "
            "lorries from Friday,\u201d read a statement from the Ruritanian government.\n"
            "Its coast guard said two patrol boats had been sent to the lake.\n"
            "\u201cThe cabinet sees the flights as an insult to a neighbour that has kept the peace for forty "
            "years,\u201d added the statement.")


def test_a_statement_after_the_quotation_it_reads_is_its_issuers() -> None:
    found = [(name, mode, quote) for name, _, mode, quote in _said(BORDURIA)]
    assert ("Ruritanian government", "direct", "Our patience with these flights has run out, and the border "
            "crossings will close to Bordurian lorries from Friday") in found


def test_the_statement_that_adds_after_a_quotation_is_its_issuers() -> None:
    found = [(name, mode, quote) for name, _, mode, quote in _said(BORDURIA)]
    assert ("Ruritanian government", "direct",
            "The cabinet sees the flights as an insult to a neighbour that has kept the peace for forty years") in found


def test_near_miss_a_statement_read_by_someone_named_is_theirs() -> None:
    found = _said("\u201cOur patience with these flights has run out,\u201d Interior Minister Ola Berg said after "
                  "he read a statement from the government.")
    assert [name for name, *_ in found] == ["Ola Berg"]


# An outlet's tag at the end of the sentence -----------------------------------------------------------------------

def test_an_outlets_tag_is_no_part_of_the_words_nor_their_frame() -> None:
    found = _said("Ruritania will close its airspace to light aircraft at night, Transport Minister Ada Lind said on "
                  "Tuesday, as she confirmed that the government was drafting a ban on private drones near airports, "
                  "after two unlicensed drones were sighted over the capital's main runway, Reuters reports.")
    quotes = [quote for *_, quote in found]
    assert "Ruritania will close its airspace to light aircraft at night" in quotes
    assert any(q.startswith("the government was drafting a ban on private drones") for q in quotes)
    assert not any("Reuters" in q for q in quotes)


def test_near_miss_a_speaker_after_the_comma_is_no_outlet_tag() -> None:
    found = _said("Two unlicensed drones were sighted over the main runway on Monday night, the Ruritanian airport "
                  "authority said.")
    assert [(mode, quote) for _, _, mode, quote in found] == [
        ("reported", "Two unlicensed drones were sighted over the main runway on Monday night")]


def test_words_the_parser_hangs_on_an_outlets_tag_are_still_the_speakers() -> None:
    found = _said("Transport Minister Ada Lind said on Tuesday the drones seen over the runway had been flown from a "
                  "car park, Reuters reports.")
    assert [(name, quote) for name, _, _, quote in found] == [
        ("Ada Lind", "the drones seen over the runway had been flown from a car park")]


def test_near_miss_a_clause_of_time_before_an_outlets_tag_is_nobodys_statement() -> None:
    found = _said("Borduria will add night patrols along the river, Interior Minister Ivo Petrov told reporters on "
                  "Thursday, as he confirmed that the cabinet was considering a request for help from its neighbours, "
                  "after a cargo drone was found in a vineyard outside the town of Meli, not far from the river, "
                  "Reuters reports.")
    assert found and not any(quote.startswith("after") or "Reuters" in quote for *_, quote in found)


# A stand taken as the means of a response ------------------------------------------------------------------------

def test_a_stand_taken_as_the_means_of_a_response_is_the_responders_statement() -> None:
    found = _said("Bordurian Interior Minister Ivo Petrov reacted on Tuesday by blaming Ruritanian smugglers for the "
                  "flights.")
    assert [(name, quote) for name, _, _, quote in found] == [
        ("Ivo Petrov", "blaming Ruritanian smugglers for the flights")]


def test_near_miss_a_response_by_an_act_is_no_statement() -> None:
    assert _said("Bordurian Interior Minister Ivo Petrov reacted on Tuesday by closing two crossings on the "
                 "river.") == []



# An unknown word opening the sentence before a time ----------------------------------------------------------------

def test_an_unknown_word_before_a_time_and_a_comma_is_no_speaker() -> None:
    found = _said("Earlyer on Sunday, Ruritania PM, speaking at a rally, said \"Nobody will lose a harvest to these "
                  "flights.\"")
    assert {name for name, *_ in found} == {"Ruritania PM"}


def test_near_miss_a_name_before_a_time_stays_the_speaker() -> None:
    found = _said("Novak on Sunday, in a speech to farmers, promised help and said the state would pay for every "
                  "field.")
    assert {name for name, *_ in found} == {"Novak"}


# Informed that ---------------------------------------------------------------------------------------------------------

def test_an_institution_that_informed_that_reports_the_clause() -> None:
    found = _said("The port authority has informed that the ferry service to the islands will resume on Monday.")
    assert [(mode, quote) for _, _, mode, quote in found] == [
        ("reported", "the ferry service to the islands will resume on Monday")]


def test_near_miss_who_was_informed_or_told_said_nothing() -> None:
    assert _said("The harbour office was informed that the ferry service to the islands will resume on Monday.") == []
    assert _said("The harbour office was told that the ferry service to the islands will resume on Monday.") == []


# A rejection told with what the speaker says instead ---------------------------------------------------------------

def test_a_rejection_followed_by_what_the_speaker_says_instead_is_that_saying() -> None:
    found = _said("Rebel commanders said on Friday they had captured a Ruritanian patrol boat. Ruritania rejected the "
                  "report within the hour, saying all its boats were accounted for.")
    assert [(name, quote) for name, _, _, quote in found if name == "Ruritania"] == [
        ("Ruritania", "all its boats were accounted for")]


def test_near_miss_a_rejection_told_alone_is_the_stand() -> None:
    found = _said("Ruritania rejected the report on Friday.")
    assert [quote for *_, quote in found] == ["rejected the report on Friday"]


# A description set off by commas before an institution's name -------------------------------------------------------

def test_a_description_of_what_came_before_is_not_the_named_subject() -> None:
    found = _said("Writing to Interpol, the global police body, the Ruritanian Border Agency (RBA) said smugglers had "
                  "flown a light plane across the lake.")
    assert [(name, quote) for name, _, _, quote in found] == [
        ("Ruritanian Border Agency", "smugglers had flown a light plane across the lake")]


def test_near_miss_a_list_joined_by_and_keeps_its_first_item() -> None:
    found = _said("The inspectorate, the Transport Board and the navy said a light plane had crossed the lake.")
    assert "Transport Board" not in {name for name, *_ in found}


# A pronoun inside "in what he said was" --------------------------------------------------------------------------------

MEDINA = ("\"We will take this to the United Nations,\" Foreign Minister Ola Berg said on Tuesday.\n"
          "Ties have soured since the election of Bordurian President Luis Medina in 2019.\n"
          "Medina banned night flights over the delta in May in what he said was a measure against drug "
          "traffickers.")


def test_he_in_what_he_said_was_is_the_clauses_subject_though_tagged_as_a_place() -> None:
    found = _said(MEDINA)
    assert ("Luis Medina", "what was a measure against drug traffickers") in [
        (name, quote) for name, _, _, quote in found]


def test_near_miss_a_place_not_named_as_a_person_elsewhere_is_no_antecedent_of_he() -> None:
    found = _said(MEDINA.replace("Bordurian President Luis Medina", "Bordurian President Luis Ortega"))
    assert not any(name == "Medina" for name, *_ in found)


# A spokesman of a state described, not named -----------------------------------------------------------------------------

def test_a_spokesman_of_a_described_state_speaks_for_that_states_institution() -> None:
    found = _said("Chile said on Tuesday that one of its patrol planes had been fired on over the southern fjords.\n"
                  "\"The crew saw tracer fire from a fishing boat below them,\" a news agency quoted an army spokesman "
                  "of the Andean nation as saying.")
    assert ("Chilean army", "spokesman") in [(name, role) for name, role, _, _ in found]


def test_near_miss_a_spokesman_of_a_state_named_by_its_adjective_keeps_that_state() -> None:
    found = _said("Chile said on Tuesday that one of its patrol planes had been fired on.\n\"No boat of ours was near "
                  "the fjords that night,\" a spokesman of the Argentine state said.")
    assert [name for name, *_ in found if name != "Chile"] == ["Argentine state"]


# A denial of what the sentence before says -------------------------------------------------------------------------------

def test_a_denial_of_the_claim_before_told_by_a_pronoun_is_read_whole() -> None:
    found = _said("Ruritanian officials say Bordurian drones have been mapping the dams on the river for weeks. "
                  "Borduria has denied this.")
    assert ("Borduria", "reported", "Borduria has denied this") in [
        (name, mode, quote) for name, _, mode, quote in found]


def test_near_miss_a_present_denial_of_something_named_is_no_such_statement() -> None:
    assert _said("Borduria denies any part in the mapping of the dams.") == []


# The day a statement was made, right after its verb -----------------------------------------------------------------

def test_a_day_right_after_the_verb_is_when_it_was_said_not_part_of_the_clause() -> None:
    found = run("A ferry operator spokeswoman said Tuesday the crossing was cancelled for the whole afternoon because "
                "of fog.").statements
    assert [s.quote for s in found] == ["the crossing was cancelled for the whole afternoon because of fog"]


def test_near_miss_a_day_that_is_the_clauses_subject_stays() -> None:
    found = _said("The Vienna police said Tuesday was the quietest night at the main station in a decade.")
    assert [quote for *_, quote in found] == ["Tuesday was the quietest night at the main station in a decade"]


# Words quoted as what a protest is about -------------------------------------------------------------------------------

def test_words_quoted_as_the_object_of_a_protest_are_the_protesters() -> None:
    found = _said("The Danish foreign ministry summoned the Swedish envoy on Friday evening to protest \u201cthe "
                  "reckless conduct of its coast guard\u201d.")
    assert [(name, mode, quote) for name, _, mode, quote in found] == [
        ("Danish foreign ministry", "direct", "the reckless conduct of its coast guard")]


def test_near_miss_words_quoted_without_a_protest_or_a_verb_of_speaking_are_nobodys() -> None:
    assert _said("Denmark recalled its envoy on Friday. Crowds near the harbour sang \u201cwe shall overcome\u201d "
                 "until dusk.") == []
