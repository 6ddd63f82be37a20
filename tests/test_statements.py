"""Statement extraction on invented articles, one phenomenon each."""

from __future__ import annotations

from articles import run

from streams.extraction.speakers import spelling_key, spells


def statements(body: str, **kwargs: str) -> list:
    return list(run(body, **kwargs).statements)


def by_mode(found: list, mode: str) -> list:
    return [s for s in found if s.mode == mode]


def test_a_quote_after_its_cue_resolves_the_surname_and_splits_the_title():
    found = statements("Latvian Defence Minister Andris Ozols visited the base on Monday.\n"
                       '"We will not be intimidated," Ozols told journalists.')
    [quote] = by_mode(found, "direct")
    assert quote.speaker.name == "Andris Ozols" and quote.quote == "We will not be intimidated"
    assert (quote.speaker.role, quote.speaker.organization) == ("Defence Minister", "Latvia")


def test_a_multi_sentence_quote_before_the_cue():
    found = statements('"The drones came from the east. We tracked all of them," said army spokesman Colonel '
                       'Jan Novak.')
    [quote] = by_mode(found, "direct")
    assert quote.quote.startswith("The drones came from the east. We tracked all of them")


def test_a_partial_quote_in_reported_speech_is_direct():
    found = statements('Polish President Anna Nowak said the attack was planned and called it "a test of our '
                       'resolve".')
    direct = by_mode(found, "direct")
    assert [(s.speaker.name, s.quote) for s in direct] == [("Anna Nowak", "a test of our resolve")]
    assert any(s.quote == "the attack was planned" for s in by_mode(found, "reported"))


def test_reported_speech_with_the_content_clause_as_quote():
    found = statements("Czech Prime Minister Petr Dvorak said the government would raise defence spending next year.")
    [said] = found
    assert said.mode == "reported" and said.quote == "the government would raise defence spending next year"
    assert said.speaker.role == "Prime Minister" and said.speaker.organization == "Czech Republic"


def test_an_institution_named_in_full_once_then_as_the_statement():
    found = statements("The European Council, the EU's top political body, met on Friday. In a written statement, "
                       'the council said the attack was unacceptable.\n"We stand united," the statement read.')
    speakers = {s.speaker.name for s in found}
    assert speakers == {"European Council"}
    assert any(s.mode == "direct" and s.quote == "We stand united" for s in found)


def test_a_ministry_by_possessive_takes_the_demonym_and_the_country():
    found = statements("Hungary's foreign ministry said it had summoned the ambassador.")
    [said] = found
    assert said.speaker.name == "Hungarian foreign ministry" and said.speaker.organization == "Hungary"
    assert said.speaker.kind == "organization"


def test_an_unnamed_spokesman_speaks_for_the_organisation():
    found = statements("A spokesman for the Pentagon said the aircraft had been tracked for hours.")
    [said] = found
    assert said.speaker.name == "Pentagon" and said.speaker.kind == "organization"


def test_pronouns_and_according_to():
    found = statements("German Chancellor Klaus Weber arrived in Vilnius on Tuesday. He said the brigade would stay. "
                       "The drones flew low, according to the Lithuanian army.")
    names = [s.speaker.name for s in found]
    assert names == ["Klaus Weber", "Lithuanian army"]


def test_non_speech_and_anonymous_plurals_are_not_statements():
    assert statements("Officials said the airport would reopen. The minister postponed a trip to Beijing.") == []


def test_evidence_slices_the_field_exactly():
    body = 'The mayor met residents.\n"This must never happen again," Mayor Eva Lind said on Sunday.'
    for fact in statements(body):
        for span in fact.evidence:
            assert body[span.start:span.end] == span.text


def test_the_statement_read_means_whoever_issued_one_before():
    found = statements("The Lithuanian army issued a statement on Thursday evening. Heavy rain is expected.\n"
                       '"Two Russian jets violated our airspace for three minutes," the statement read.')
    [quote] = by_mode(found, "direct")
    assert (quote.speaker.name, quote.speaker.kind, quote.speaker.organization) == (
        "Lithuanian army", "organization", "Lithuania")


def test_it_said_after_an_institution_put_out_a_statement():
    [reported] = statements("The Finnish Border Guard put out a statement on Monday. It said two aircraft had "
                            "entered Finnish airspace.")
    assert reported.speaker.name == "Finnish Border Guard" and reported.mode == "reported"


def test_a_clause_the_parser_hung_on_the_object_of_said():
    [reported] = statements("Japan's defense ministry said a Chinese surveillance plane intruded into Japanese "
                            "airspace for about two minutes on Monday.")
    assert reported.mode == "reported" and reported.quote.startswith("a Chinese surveillance plane intruded")
    assert reported.speaker.organization == "Japan"


def test_an_institution_belongs_to_the_state_whose_airspace_the_story_is_about():
    [reported] = statements("Three drones entered Lithuanian airspace from Belarus overnight, the National Crisis "
                            "Management Centre said.")
    assert (reported.speaker.name, reported.speaker.organization) == ("National Crisis Management Centre", "Lithuania")


def test_initials_spell_a_name_from_the_starts_of_its_words():
    assert spells("CORAC", "Combined Regional Airspace Command")
    assert spells("BTO", "Baltic Treaty Organisation")
    assert not spells("BTO", "Baltic Air Council")  # no word gives the T a start
    assert not spells("EU", "European Commission")  # two letters: only exact initials


def test_spelling_variants_and_word_order_share_one_key():
    assert spelling_key("Ministry of Defense") == spelling_key("defence ministry")
    assert spelling_key("Coordination Center") == spelling_key("coordination centre")
    assert spelling_key("foreign ministry") != spelling_key("defence ministry")


def test_a_paragraph_break_ends_the_sentence_before_the_next_speaker():
    found = statements('Prime Minister Lena Berg rejected the claims. "We are calm," she wrote on X.\n'
                       'Hungary\'s embassy in Oslo rejected what it called "baseless rumours".')
    speakers = {s.quote: s.speaker.name for s in found}
    assert speakers == {"rejected the claims": "Lena Berg", "We are calm": "Lena Berg",
                        "baseless rumours": "Hungarian embassy"}


def test_speech_under_a_modal_or_declined_or_without_is_no_statement():
    found = statements("Defence Minister Ivo Maric said the jets had landed, but declined to say whether they had "
                       "fired. The army would say only that the pilots were safe. The air force issued a report, "
                       "without saying where the drone had come from.")
    assert [s.quote for s in found] == ["the jets had landed"]


def test_a_quoted_source_speaks_not_the_agency_that_quotes_it():
    found = statements("Croatia's state news agency quoted a navy source as saying the patrol boat had returned "
                       "to port after the chase.")
    [said] = found
    assert (said.speaker.name, said.speaker.kind, said.speaker.organization) == (
        "Croatian navy source", "person", "Croatia")


def test_a_pronoun_aside_reports_the_clause_before_it():
    found = statements("The Slovenian army said a drone had fallen near Maribor. It had crossed the border from "
                       "the north, it said.")
    assert [(s.speaker.name, s.quote) for s in found] == [
        ("Slovenian army", "a drone had fallen near Maribor"),
        ("Slovenian army", "It had crossed the border from the north")]


def test_a_rank_yields_to_the_office_held():
    [said] = statements("Croatia's air force commander, Brigadier General Marko Horvat, said the radar had "
                        "tracked the drone for ten minutes.")
    assert (said.speaker.name, said.speaker.role, said.speaker.organization) == (
        "Marko Horvat", "air force commander", "Croatia")


def test_a_speaker_named_in_apposition_between_commas_before_the_cue():
    [said] = statements("A drone crossed into Croatian airspace overnight and fell near a farm, the chief of "
                        "Croatia's general staff, General Ivo Babic, said.")
    assert (said.speaker.name, said.speaker.role, said.speaker.organization) == ("Ivo Babic", "chief", "Croatia")
    assert said.quote == "A drone crossed into Croatian airspace overnight and fell near a farm"


def test_a_denied_clause_is_not_what_the_speaker_said():
    found = statements("Belarus's defence ministry denied that its helicopters had crossed the border, saying the "
                       "crews had stayed over Belarusian territory.")
    assert [s.quote for s in found] == ["the crews had stayed over Belarusian territory"]


def test_the_military_is_not_a_foreign_military_named_only_later():
    found = statements("Greek jets intercepted two drones over Greek airspace near Rhodes on Sunday, the military "
                       "said. Later, Turkey's military said its drones had stayed in international airspace.")
    assert [s.speaker.name for s in found] == ["Greek military", "Turkish military"]


def test_an_envoy_named_after_the_place_of_the_office_even_when_the_tagger_takes_the_name_for_a_place():
    [quote] = statements('The U.N. special envoy for Cyprus, Anna Moretti, told reporters in Nicosia that the talks '
                         'were "at a delicate stage".')
    assert (quote.speaker.name, quote.speaker.role, quote.speaker.organization, quote.mode) == (
        "Anna Moretti", "special envoy for Cyprus", "United Nations", "direct")
    [said] = statements("The U.N. special coordinator for Malta, Petra Lind, said the harbour dispute could be "
                        "settled by spring.")
    assert (said.speaker.name, said.speaker.role, said.speaker.organization) == (
        "Petra Lind", "special coordinator for Malta", "United Nations")


def test_the_alliance_is_the_organisation_known_by_initials_named_most():
    found = statements("EU ministers met in Riga. NATO ambassadors met in Brussels and NATO jets flew over the "
                       "Baltic. The alliance said its air policing mission would be reinforced.")
    assert [(s.speaker.name, s.quote) for s in found] == [("NATO", "its air policing mission would be reinforced")]


def test_the_words_around_an_interrupting_cue_keep_their_space():
    found = statements("Defence Minister Ivo Maric visited the base. The jets, Maric added, had been on patrol "
                       "since dawn.")
    assert [s.quote for s in found] == ["The jets had been on patrol since dawn"]



def test_a_country_inside_a_named_day_or_place_says_whose_story_it_is():
    [said] = statements("Trains stopped near Utrecht on the Dutch Liberation Day holiday after drones were seen over "
                        "the tracks, and some travellers were sent on to Brussels.\nInterior Minister Piet Smit said "
                        "patrols along the line would be doubled.")
    assert (said.speaker.name, said.speaker.organization) == ("Piet Smit", "Netherlands")


def test_an_unqualified_office_holder_belongs_to_the_state_his_words_make_the_subject():
    found = statements("After Russia shot down a Norwegian drone close to Russian airspace on Friday, Norway will seek "
                       "talks with its allies, Foreign Minister Ola Berg said on Sunday. Berg said the drone had strayed "
                       "into Russian airspace by mistake but had left Russian airspace when it was hit.")
    berg = [s for s in found if s.speaker.name == "Ola Berg"]
    assert berg and all(s.speaker.organization == "Norway" for s in berg)


def test_a_state_that_is_the_subject_of_a_quote_is_not_the_speakers():
    found = statements('A Russian drone entered Latvian airspace on Saturday. "Nobody sends a drone this far by '
                       'mistake," Defence Minister Andris Ozols told reporters on Sunday, "and Russia wants to see '
                       'what NATO will do."')
    assert {s.speaker.organization for s in found if s.speaker.name == "Andris Ozols"} == {"Latvia"}


def test_the_north_named_short_after_its_full_name_is_that_state():
    found = statements("North Korea fired two missiles on Monday. The North's defence ministry said in a statement "
                       "that the launches were routine drills.")
    assert {(s.speaker.name, s.speaker.organization) for s in found} == {("North Korean defence ministry",
                                                                           "North Korea")}


def test_a_full_quotation_after_a_fragment_of_it_is_a_statement_of_its_own():
    found = statements('The coast guard said the swarm "moved back and forth along the shore" before dawn.\n'
                       'A coast guard spokeswoman said: "We saw lights that moved back and forth along the shore '
                       'for two hours and we informed the police at once."')
    quotes = [s.quote for s in found if s.mode == "direct"]
    assert "moved back and forth along the shore" in quotes
    assert any(q.startswith("We saw lights") for q in quotes)


def test_initials_defined_in_brackets_stand_for_the_full_name_of_a_national_body():
    found = statements("Two Polish fighters were scrambled over Suwalki, the Territorial Defence Staff (SZTO) "
                       "said.\n"
                       '"The crews acted at once and by the book," SZTO said.')
    assert {s.speaker.name for s in found} == {"Territorial Defence Staff"}
    assert {s.speaker.organization for s in found} == {"Poland"}


def test_initials_defined_after_or_name_the_body_without_the_words_describing_it():
    found = statements("Patrol jets were sent up over the gulf, the joint Finnish-Estonian Gulf Air Watch Centre, "
                       "or GAWC, said.\nThe bombers posed no threat to either country, GAWC said.")
    assert {s.speaker.name for s in found} == {"Gulf Air Watch Centre"}


def test_a_headline_running_a_name_into_a_verb_does_not_rename_the_institution():
    found = statements("The Kremlin on Friday dismissed claims that Moscow had sent the drones.",
                       headline="Kremlin Dismisses Drone Claims")
    assert {s.speaker.name for s in found} == {"Kremlin"}


def test_a_claim_inside_what_a_speaker_said_is_part_of_that_statement():
    found = statements("Latvia on Monday said it would expel two Belarusian diplomats after Riga claimed that a "
                       "balloon had carried contraband across the border.")
    assert [s.speaker.name for s in found] == ["Latvia"]


def test_speech_inside_words_attributed_after_them_keeps_its_own_speaker():
    found = statements("Lithuania's envoy to the alliance, Ona Vaitkute, said she would study the offer, the "
                       "alliance said.")
    assert "Ona Vaitkute" in {s.speaker.name for s in found}


def test_an_outlet_the_article_introduced_by_name_carries_the_story_and_says_nothing():
    found = statements("Swedish news agency TT said Visby airport had been shut for two hours on Friday.\n"
                       "Near Visby, a second drone was reported over a harbour, TT said.\n"
                       "A third drone was seen near the port, according to Nordic Wire News.")
    assert found == []


def test_agencies_quoting_a_named_spokesman_pass_on_his_words():
    [quote] = statements("Belarusian news agencies reported quoting Defence Ministry spokesman Colonel Ivan Petrov: "
                         "\u201cOur aircraft have not crossed the border.\u201d")
    assert quote.speaker.name == "Ivan Petrov" and quote.mode == "direct"


def test_a_speaker_citing_something_is_still_the_speaker():
    [quote] = statements("\u201cIt is a deliberate test,\u201d Jonas Kairys, head of the opposition party, told "
                         "reporters, citing the place where the balloon landed.")
    assert quote.speaker.name == "Jonas Kairys"


def test_a_page_speaks_for_its_owner_and_an_unnamed_report_for_nobody():
    found = statements("Two jets were scrambled over the sea, according to the Facebook page of the Allied Air "
                       "Command.\nA leaked internal report claimed that balloon crossings had tripled since May.")
    assert [s.speaker.name for s in found] == ["Allied Air Command"]


def test_who_refers_to_the_person_before_a_long_apposition():
    found = statements("Reporters were briefed by Maria Lind, spokeswoman for the coastal sector of the southern "
                       "naval command's logistics division, who said two drones had hovered near the pier for an hour.")
    assert [s.speaker.name for s in found] == ["Maria Lind"]


def test_an_institution_that_reported_in_a_post_is_who_the_statement_then_means():
    found = statements("Two Polish fighters met a Russian spy plane over the Baltic on Monday, the Territorial "
                       "Defence Staff (SZTO) told reporters.\nLater that evening the staff also reported the encounter "
                       "in a statement.\n"
                       '"The crews shadowed the aircraft until it turned east," said the statement.\n'
                       '"Our pilots are ready every hour of the day," it added.')
    direct = [s for s in found if s.mode == "direct"]
    assert len(direct) == 2 and {s.speaker.name for s in direct} == {"Territorial Defence Staff"}


def test_an_outlet_reporting_a_clause_while_quoting_someone_passes_on_that_persons_words():
    [said] = statements("Swedish public broadcaster SVT reported that two drones hovered above the runway in Lulea, "
                        "quoting Anna Berg, the duty officer at the Norrbotten police.")
    assert said.speaker.name == "Anna Berg" and said.speaker.organization == "Sweden"
    assert said.quote == "two drones hovered above the runway in Lulea"


def test_an_anonymous_source_is_named_with_what_qualifies_it():
    found = statements("French investigators met on Friday. One source close to the inquiry told Reuters that three "
                       "drones had been seen. The drones flew off to the west, the source added.")
    assert {s.speaker.name for s in found} == {"French source close to the inquiry"}


def test_states_speaking_together_are_one_joint_speaker():
    [said] = statements("Norway and Sweden confirmed on Friday that their coast guards would share radar data from now "
                        "on.")
    assert said.speaker.name == "Norway and Sweden" and said.speaker.organization is None


def test_words_attributed_on_to_another_speaker_are_that_speakers_statement_only():
    found = statements("The Finnish coast guard says it is sure that the vessel dragged its anchor on purpose, a "
                       "senior police official said on Monday.\nAccording to reports, the crew had been detained.")
    assert [s.speaker.name for s in found] == ["Finnish coast guard"]
    assert "dragged its anchor" in found[0].quote


def test_a_name_after_coordinated_titles_is_who_he_means_next():
    found = statements("Police chief Anna Kask said a second drone had been found near Daugavpils.\n"
                       "After a long cabinet meeting on Sunday, Latvia\u2019s Deputy Prime Minister and Foreign "
                       "Minister Andris Kalnins drove out to see the damaged barn. "
                       'He promised that Latvia would "send a note to the offender" within days.')
    [quote] = [s for s in found if s.mode == "direct"]
    assert quote.speaker.name == "Andris Kalnins"


def test_a_name_ending_an_office_phrase_after_the_cue_is_the_speaker():
    [quote] = statements("Observers in Vienna expect \u201cweeks of hard bargaining over the mandate,\u201d said "
                         "Canadian Ambassador to the OSCE Michael Carter on Tuesday.")
    assert quote.speaker.name == "Michael Carter"


def test_an_aside_between_subject_and_verb_does_not_make_the_object_a_speaker():
    found = statements("The foreign minister summoned Belarus's ambassador Ivan Sokal on Monday. Sokal has, in turn, "
                       "dismissed the whole story as a \u201cfabrication cooked up in Vilnius,\u201d Belarusian state "
                       "television reported on Tuesday evening.")
    assert [(s.speaker.name, s.quote) for s in found] == [("Ivan Sokal", "fabrication cooked up in Vilnius")]


def test_a_quoted_clause_in_a_sentence_without_a_cue_goes_on_with_the_speaker_before():
    found = statements("The balloon crossed at dawn, according to border guard spokesman Peeter Tamm.\n"
                       'Its crew had "dropped ballast twice and drifted south of the checkpoint" before landing. '
                       'Locals called it a "show".')
    direct = [(s.speaker.name, s.quote) for s in found if s.mode == "direct"]
    assert direct == [("Peeter Tamm", "dropped ballast twice and drifted south of the checkpoint")]


def test_a_document_named_by_a_body_speaks_for_that_body():
    [said] = statements("Poland closed two airports on Monday. Drones were seen over the port of Gdansk, a police "
                        "statement said.")
    assert (said.speaker.name, said.speaker.organization) == ("Polish police", "Poland")


def test_single_quotation_marks_quote_but_apostrophes_do_not():
    found = statements("In the \u201890s the base hosted Soviet bombers.\n"
                       "\u2018We will not be bullied by Russia\u2019s games,\u2019 Latvian Defence Minister Andris "
                       "Ozols told reporters on Monday.\n"
                       "Ozols called the flight \u2018a deliberate test of our resolve\u2019.")
    assert [s.quote for s in found if s.mode == "direct"] == [
        "We will not be bullied by Russia\u2019s games", "a deliberate test of our resolve"]


def test_a_plural_body_named_by_its_kind_is_the_countrys_and_other_ones_are_nobody():
    [quote] = statements("Sweden faces a \u201cgrowing risk of attacks on cables\u201d, security services said on "
                         "Friday.")
    assert (quote.speaker.name, quote.speaker.organization) == ("Swedish security services", "Sweden")
    assert statements("Several security services said the divers had been Russian.") == []


def test_an_institutions_press_service_speaks_for_it_but_a_news_agency_does_not():
    found = statements("The press service of the Ukrainian Air Force said nine drones had been downed over Sumy.\n"
                       "The Kremlin press service said the president had phoned his Turkish counterpart.\n"
                       "The state news agency said the talks had lasted an hour.")
    assert [s.speaker.name for s in found] == ["Ukrainian Air Force", "Kremlin"]


def test_abbreviated_titles_are_written_out_and_a_dateline_is_no_speaker():
    [said] = statements("TRENTON, N.J. (AP) \u2014 Gov. Anna Reed said the lights over the shore were not a threat.")
    assert (said.speaker.name, said.speaker.role) == ("Anna Reed", "Governor")


def test_a_naval_rank_and_a_state_legislator_are_titles():
    found = statements("Assemblywoman Kate Lowe said residents were scared. Coast guard spokesman Commodore Jose "
                       "Reyes said the plane had been hit.")
    assert [s.speaker.name for s in found] == ["Kate Lowe", "Jose Reyes"]


def test_an_untitled_office_belongs_to_the_state_whose_airspace_its_sentence_is_about():
    [said] = statements("Romanian airspace was breached twice last week. Romanian airspace was closed. Russian drones "
                        "violated Moldovan airspace overnight, according to President Ana Lupu.")
    assert said.speaker.organization == "Moldova"


def test_words_quoted_inside_what_an_outlet_reports_are_the_speakers_not_the_outlets():
    found = statements("Lithuania expelled a Belarusian diplomat on Monday. Minsk has dismissed the expulsion as "
                       "\u201ca stunt staged for Brussels,\u201d state television reported.")
    assert [(s.speaker.name, s.mode) for s in found] == [("Minsk", "direct")]


def test_an_institution_described_by_its_states_and_kind_is_the_one_named_before():
    found = statements('The Joint Air Defense Command (JADC) said it tracked two bombers. The joint Norwegian-Danish '
                       'command said in a statement that it would "meet presence with presence."')
    assert {s.speaker.name for s in found} == {"Joint Air Defense Command"}


def test_a_state_named_inside_the_quotation_is_what_was_said_not_the_speakers_side():
    found = statements('Balloons drifted over the Latvian border town of Kraslava on Monday.\n'
                       '"Belarus keeps testing our patience, and Minsk must stop," Andris Kalnins told reporters.')
    [quote] = by_mode(found, "direct")
    assert quote.speaker.name == "Andris Kalnins" and quote.speaker.organization == "Latvia"


def test_a_bare_verb_after_a_partial_quote_is_part_of_its_frame_not_a_statement_of_its_own():
    found = statements('The Latvian defence ministry said that the flight showed Moscow\u2019s "contempt for its neighbours" '
                       'and also endangers the safety of civilian flights.')
    assert [(s.mode, s.quote) for s in found] == [("direct", "contempt for its neighbours")]


def test_a_quotation_in_a_coordinated_bare_verb_leaves_the_clause_before_it_reported():
    found = statements('The Latvian defence ministry said the flight was part of a routine exercise and "fully complied '
                       'with international rules".')
    assert [(s.mode, s.quote) for s in found] == [("reported", "the flight was part of a routine exercise"),
                                                   ("direct", "fully complied with international rules")]


def test_the_department_is_the_ministry_named_before():
    found = statements('Two Russian bombers flew along the Norwegian coast on Monday, escorted by Norwegian jets, '
                       'Russia\u2019s Defence Ministry said.\n'
                       'The department noted that its long-range aircraft routinely patrol over neutral waters.')
    noted = next(s for s in found if s.quote.startswith("its long-range aircraft"))
    assert noted.speaker.name == "Russian Defence Ministry" and noted.speaker.organization == "Russia"


def test_a_spokesman_of_a_ministry_of_something_speaks_for_the_state_of_the_story():
    found = statements('Two jets crossed into Maltese airspace on Sunday.\n'
                       'Paul Grech, a spokesman of the Ministry of Home Affairs, told reporters in Valletta that the '
                       'coast guard had tracked both jets.')
    [told] = found
    assert told.speaker.name == "Paul Grech" and told.speaker.organization == "Malta"


def test_a_quoted_word_in_a_clause_of_time_after_the_cue_is_the_narrators_not_the_speakers():
    found = statements('Norway faced a \u201cserious risk of disruption\u201d, the police said on Monday after a "highly '
                       'trained" operator flew several drones over the harbour.')
    assert [s.quote for s in by_mode(found, "direct")] == ["serious risk of disruption"]


def test_an_office_holder_introduced_by_the_office_then_by_name_holds_that_office():
    found = statements('Drones forced Leeds Bradford Airport to halt all flights on Friday.\n'
                       'The chief operating officer of Leeds Bradford Airport said the runway would stay shut overnight.\n'
                       'Tom Baxter said some 9,000 travellers had been affected.')
    baxter = next(s for s in found if s.speaker.name == "Tom Baxter")
    assert (baxter.speaker.role, baxter.speaker.organization) == ("chief operating officer", "Leeds Bradford Airport")
