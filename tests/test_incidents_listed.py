"""What a sentence reports spread over the places a list after its colon names, on invented sentences."""

from __future__ import annotations

from articles import run


def _incidents(body: str) -> list[tuple[str, str | None, str | None, int | None, tuple[str, ...]]]:
    return [(i.country, i.violator, i.location, i.count, i.rules) for i in run(body).incidents]


def test_crashes_listed_after_a_colon_are_one_incident_a_place() -> None:
    found = _incidents("Two crashed Russian drones were found in Bulgaria on Monday: one near the village of Dolna "
                       "Reka, and the other near Gorni Lom.")
    assert sorted((country, violator, place, count) for country, violator, place, count, _ in found) == [
        ("BG", "RU", "Gorni Lom", 1), ("BG", "RU", "the village of Dolna Reka", 1)]
    assert all(rules == ("violation.crash.listed_places",) for *_, rules in found)


def test_three_items_opened_by_one_another_and_a_third() -> None:
    found = _incidents("Three Russian drones came down in Romania overnight: one in a field outside Tulcea, another "
                       "near the port of Galati and a third near the village of Plopu.")
    assert sorted(place or "" for _, _, place, _, _ in found) == ["Tulcea", "the port of Galati",
                                                                  "the village of Plopu"]


def test_sightings_listed_after_a_colon_are_one_a_site() -> None:
    found = _incidents("Drones were seen over two Norwegian airports on Saturday night: one over Bergen Airport, the "
                       "other over Stavanger Airport.")
    assert sorted(place or "" for _, _, place, _, _ in found) == ["Bergen Airport", "Stavanger Airport"]


def test_a_later_sentence_about_the_listed_drones_adds_no_incident() -> None:
    found = _incidents("Two Russian drones crashed in Latvia on Monday: one hit a barn near Rezekne and another fell "
                       "into a lake outside Ludza. Both drones were decoys without warheads, the army said.")
    assert sorted(place or "" for _, _, place, _, _ in found) == ["Ludza", "Rezekne"]


def test_one_of_them_after_a_colon_is_no_list() -> None:
    found = _incidents("Two Russian drones crashed in Latvia on Monday: one of them near the town of Rezekne.")
    assert len(found) == 1 and "listed_places" not in found[0][4][0]


def test_a_list_whose_items_name_no_place_leaves_the_report_whole() -> None:
    found = _incidents("Two Russian drones crashed in Estonia on Monday: one broke apart on landing and the other "
                       "burnt out.")
    assert len(found) == 1 and found[0][:2] == ("EE", "RU")
