"""Incident recall on what a story points back to or lists after a count: "this article was invoked by X", "several
times: in 2003, and twice in 2012" (invented sentences, published Wednesday 2025-10-08 unless said)."""

from __future__ import annotations

from articles import run


def requests(body: str) -> list[tuple[str, str | None]]:
    return sorted((i.country, i.occurred_on.value if i.occurred_on else None) for i in run(body).incidents
                  if i.kind == "article4_request")


# --- Article 4 called "this article", asked for by a passive "by X", and a list opened after its count ------------


def test_this_article_invoked_by_a_state_is_its_request_of_article_4() -> None:
    assert requests("Slovakia requested consultations under Article 4 on Monday. This article was used twice by "
                    "Poland, in 2014 and 2022.") == [("PL", "2014"), ("PL", "2022"), ("SK", "2025-10-06")]
    assert requests("Denmark asked for talks under Article 4 on Friday. This article was invoked mainly by Lithuania "
                    "in 2021.") == [("DK", "2025-10-03"), ("LT", "2021")]


def test_a_list_opened_by_a_colon_after_a_count_gives_each_date_before_the_next_count_one_request() -> None:
    assert requests("Denmark asked for talks under Article 4 on Friday. The clause has been invoked several times by "
                    "Turkey: in 2003, and twice in 2012.") == [("DK", "2025-10-03"), ("TR", "2003"), ("TR", "2012"),
                                                               ("TR", "2012")]
    assert requests("Norway sought consultations under Article 4 on Monday. This article has been triggered a few "
                    "times, mostly by Latvia: in 2016 over a pipeline, then once in 2019.") == [
        ("LV", "2016"), ("LV", "2019"), ("NO", "2025-10-06")]


def test_the_article_written_or_shared_by_someone_is_no_request() -> None:
    # "the article" may be the story itself, and what was done to it is no request
    assert requests("Croatia invoked Article 4 on Monday. The article was shared by Poland in 2020.") == [
        ("HR", "2025-10-06")]
    assert requests("Slovakia requested consultations under Article 4 on Monday. This article was written in 1949 by "
                    "the founders.") == [("SK", "2025-10-06")]


# --- A state's airspace left is a detail, not the violation a shoot-down or a crash beside it reports -------------


def violations(body: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((i.country, i.violator, i.occurred_on.value if i.occurred_on else None) for i in run(body).incidents
                  if i.kind == "airspace_violation")


def test_a_shoot_down_stands_beside_a_clause_about_airspace_left() -> None:
    assert violations("After Romania shot down a Russian drone on Monday, officials said earlier drones had been "
                      "spotted only after they had exited Romanian airspace.") == [("RO", "RU", "2025-10-06")]
    assert violations("When the Polish army brought down a Belarusian balloon on Friday, ministers said similar "
                      "balloons were seen only once they had left Polish airspace.") == [("PL", "BY", "2025-10-03")]


def test_airspace_left_alone_is_no_incident() -> None:
    assert violations("The balloon left Polish airspace after twenty minutes, the ministry said.") == []


def test_a_crash_is_placed_in_the_state_a_later_place_names_not_the_one_whose_airspace_it_left() -> None:
    assert violations("A Russian drone crashed in a field in eastern Latvia on Sunday after it had flown out of "
                      "Belarusian airspace.") == [("LV", "RU", "2025-10-05")]
    assert violations("A Belarusian drone came down in an orchard near Kaunas on Saturday.") == [
        ("LT", "BY", "2025-10-04")]


# --- The intruders called back by "the" and sent over two or more named places: an incident at each -------------


def sites(body: str) -> list[tuple[str, str | None, str | None]]:
    return sorted((i.country, i.violator, i.location) for i in run(body).incidents if i.kind == "airspace_violation")


def test_the_intruders_sent_over_two_named_places_are_an_incident_at_each() -> None:
    assert sites("Six Chinese drones entered Taiwanese airspace on Friday. The two drones flew over Beigan while the "
                 "other drones flew over Dongyin.") == [("TW", "CN", "Beigan"), ("TW", "CN", "Dongyin")]
    assert sites("Three Russian helicopters crossed into Estonian airspace on Sunday. The two Mi-8 helicopters flew "
                 "over Ruhnu, and the Ka-52 helicopter flew over Kihnu.") == [("EE", "RU", "Kihnu"), ("EE", "RU", "Ruhnu")]


def test_one_named_place_is_where_the_incident_reported_went() -> None:
    assert sites("Two Russian Su-30 jets entered Finnish airspace on Thursday. The jets flew over Suursaari before "
                 "turning back.") == [("FI", "RU", "Suursaari")]


def test_places_the_intruders_did_not_fly_over_are_no_incidents() -> None:
    assert len(sites("Six Chinese drones entered Taiwanese airspace on Friday. The drones did not fly over Beigan or "
                     "Dongyin, officials said.")) == 1


# --- One more, or an earlier one, of a series brought down, its noun left out ------------------------------------


def downed(body: str, published: str = "2025-10-08T09:00:00Z") -> list[tuple[str, str | None, str | None]]:
    return sorted((i.country, i.violator, i.occurred_on.value if i.occurred_on else None)
                  for i in run(body, published_at=published).incidents if i.kind == "airspace_violation")


def test_another_one_brought_down_is_one_more_incident_like_the_last() -> None:
    assert downed("Latvian soldiers shot down a Russian drone near Rezekne on Monday. Another one was shot down on "
                  "Tuesday near Ludza.") == [("LV", "RU", "2025-10-06"), ("LV", "RU", "2025-10-07")]


def test_the_first_one_downed_on_a_day_of_its_own_is_an_earlier_incident_of_the_series() -> None:
    assert downed("Indian troops shot down a Pakistani quadcopter near Poonch on Tuesday. Officials said it was the "
                  "third this month; the first one had been brought down near Rajouri on October 2.") == [
        ("IN", "PK", "2025-10-02"), ("IN", "PK", "2025-10-07")]


def test_the_first_one_with_no_day_of_its_own_may_be_the_same_and_adds_none() -> None:
    assert downed("Indian troops shot down a Pakistani quadcopter near Poonch on Tuesday. The first one was downed "
                  "by a patrol.") == [("IN", "PK", "2025-10-07")]
    assert downed("Indian troops shot down a Pakistani quadcopter near Poonch on Tuesday. The first one was not "
                  "downed on October 2.") == [("IN", "PK", "2025-10-07")]
