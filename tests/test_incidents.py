"""Incident extraction on invented articles, one phenomenon each."""

from __future__ import annotations

from articles import run


def incidents(body: str, **kwargs: str) -> dict[tuple[str, str], object]:
    return {(i.kind, i.country): i for i in run(body, **kwargs).incidents}


def test_a_violation_with_count_model_duration_date_and_location():
    found = incidents("Four Belarusian Mi-24 helicopters entered Lithuanian airspace near the village of Druskininkai "
                      "on Monday and stayed for nine minutes, the Lithuanian army said.")
    v = found[("airspace_violation", "LT")]
    assert (v.violator, v.platform, v.model, v.count, v.duration_minutes) == ("BY", "aircraft", "Mi-24", 4, 9.0)
    assert v.occurred_on.value == "2025-10-06" and v.attribution == "attributed"


def test_interceptors_are_not_violators():
    found = incidents("Finnish F/A-18 jets were scrambled after a Russian Il-20 reconnaissance plane violated "
                      "Finnish airspace over the Gulf of Finland on Tuesday.")
    v = found[("airspace_violation", "FI")]
    assert v.violator == "RU" and v.model == "Il-20" and v.count == 1


def test_allied_jets_scrambled_in_the_same_sentence_are_not_the_violator():
    found = incidents("Italian F-35 jets were scrambled after three Russian MiG-31 jets entered Estonian airspace "
                      "on Friday.")
    v = found[("airspace_violation", "EE")]
    assert (v.violator, v.model, v.count) == ("RU", "MiG-31", 3)


def test_seconds_become_minutes_and_its_refers_to_the_subject_state():
    found = incidents("Greece said a Turkish drone crossed into its airspace for 40 seconds on Sunday.")
    v = found[("airspace_violation", "GR")]
    assert v.violator == "TR" and abs(v.duration_minutes - 40 / 60) < 0.01 and v.platform == "drone"


def test_a_suspected_violation():
    found = incidents("Suspected Russian drones violated Moldovan airspace overnight, officials in Chisinau said.")
    v = found[("airspace_violation", "MD")]
    assert v.attribution == "suspected" and v.violator == "RU"


def test_drone_sightings_with_no_state_named_one_per_country():
    found = incidents("Unidentified drones were spotted on Saturday evening over an air base in Belgium and near "
                      "Munich Airport in Germany, forcing flights to be suspended.")
    assert set(found) == {("drone_sighting", "BE"), ("drone_sighting", "DE")}
    assert found[("drone_sighting", "DE")].location == "Munich Airport"
    assert found[("drone_sighting", "DE")].attribution == "unattributed"


def test_several_article4_requesters_in_one_sentence_and_none_without_article4():
    found = incidents("Latvia, Lithuania and Finland requested consultations under Article 4 on Friday. "
                      "Allies later met in Brussels at Slovakia's request.")
    assert {k for k in found if k[0] == "article4_request"} == {("article4_request", c) for c in ("LV", "LT", "FI")}
    assert ("article4_request", "SK") not in found


def test_hard_negatives_yield_nothing():
    found = incidents("Chinese bombers entered South Korea's air defence identification zone on Tuesday. "
                      "Russian jets flew in international airspace over the Baltic Sea. "
                      "Ministers condemned the repeated incursions into allied airspace.")
    assert not found


def test_a_denial_does_not_add_a_second_incident():
    found = incidents("A Russian Su-30 jet entered Swedish airspace east of Gotland on Thursday, Sweden said. "
                      "Moscow denied that its jet had violated Swedish airspace.")
    assert list(found) == [("airspace_violation", "SE")]


def test_a_timeline_keeps_dated_incidents_apart():
    found = run("Estonia has recorded these intrusions this year:\n"
                "On March 3, a Russian Il-76 transport plane entered Estonian airspace near Vaindloo.\n"
                "On June 14, two Russian MiG-29 jets violated Estonian airspace over the Gulf of Finland.\n").incidents
    dates = sorted(i.occurred_on.value for i in found if i.kind == "airspace_violation" and i.country == "EE")
    assert dates == ["2025-03-03", "2025-06-14"]


def test_north_korean_drones_and_a_chinese_balloon():
    found = incidents("Five North Korean drones crossed into South Korean airspace on Monday. "
                      "Separately, a Chinese balloon entered Taiwanese airspace last month.")
    assert found[("airspace_violation", "KR")].violator == "KP" and found[("airspace_violation", "KR")].count == 5
    balloon = found[("airspace_violation", "TW")]
    assert balloon.violator == "CN" and balloon.platform == "balloon" and balloon.occurred_on.value == "2025-09"


def test_one_incident_however_often_it_is_mentioned():
    found = run("Three Russian jets entered Latvian airspace on Monday for twelve minutes.",
                headline="Russian jets violate Latvian airspace",
                standfirst="Latvia says three Russian jets violated its airspace.").incidents
    assert len([i for i in found if i.kind == "airspace_violation"]) == 1
    assert found[0].duration_minutes == 12 and len(found[0].evidence) == 3
