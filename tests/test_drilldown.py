"""Drill-down from a count to its incidents and evidence, and counts per month: pure functions over tally cells."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache

import pytest
from jsonschema import Draft202012Validator

from streams.inputs.loader import read_documents
from streams.model.article import Article
from streams.model.counting import IncidentMember, apply_update, incident_clusters, incident_counts, tally_updates
from streams.model.drilldown import cell_incidents, drill_down, merge_fields, monthly_series, render_drilldown
from streams.model.events import EventDate, IncidentEvent, Span, retraction, upserts_of
from streams.model.tallies import Tally
from streams.model.validation import parse_document
from streams.view import openapi

from conftest import DEV_CORPUS
from derived import incident
from simulation import Simulation


BODY = "First paragraph.\nJets crossed the line. They left.\nLast paragraph."
SPAN = {"field": "body", "start": 17, "end": 39, "text": "Jets crossed the line."}


def _article(article_id: str, published: str, version: int = 1, headline: str = "A headline") -> Article:
    return Article(article_id=article_id, version=version, action="publish",
                   published_at=dt.datetime.fromisoformat(published), headline=headline, body=BODY)


def _incident(article: Article, ordinal: int, when: str, violator: str | None = "RU", **fields) -> IncidentEvent:
    return incident(0, country="LV", incident_id=f"{article.article_id}:{ordinal}",
                    incident_key=f"airspace_violation:LV:{violator or '-'}:{when}", article_id=article.article_id,
                    article_version=article.version, violator=violator,
                    occurred_on=EventDate(when, {10: "day", 7: "month", 4: "year"}[len(when)]),
                    evidence=(Span(**SPAN),), **{"confidence": 0.8, "attribution": None, "platform": None, **fields})


def _cell(*reports: tuple[IncidentEvent, Article]) -> Tally:
    tally: Tally | None = None
    for offset, (event, article) in enumerate(reports):
        for _, update in tally_updates(event, article):
            tally = apply_update(tally, update, offset)
    return tally or {}


def test_reports_of_one_incident_at_day_and_month_precision_are_one_incident_with_both_reports():
    early, late = _article("wire-a", "2031-03-05T09:00:00+00:00"), _article("wire-b", "2031-03-07T09:00:00+00:00")
    other = _article("wire-c", "2031-03-20T09:00:00+00:00", headline="Another one")
    tally = _cell((_incident(early, 1, "2031-03-04", platform="drone"), early),
                  (_incident(late, 1, "2031-03", violator=None, platform="drone"), late),
                  (_incident(other, 1, "2031-03-19", platform="aircraft"), other))
    first, second = cell_incidents(tally)
    assert [r.article_id for r in first.reports] == ["wire-a", "wire-b"]
    assert first.incident_key == "airspace_violation:LV:RU:2031-03-04"
    assert first.first_reported == "2031-03-05T09:00:00Z"
    assert first.merged["occurred_on"] == {"value": "2031-03-04", "precision": "day"}
    assert (first.merged["violator"], first.merged["platform"]) == ("RU", "drone")
    assert [(r.article_id, r.headline) for r in second.reports] == [("wire-c", "Another one")]
    assert first.reports[0].evidence == [{**SPAN, "context": "Jets crossed the line. They left.", "context_start": 17}]


def test_a_retracted_report_leaves_the_drill_down_and_the_count_together():
    article = _article("wire-a", "2031-03-05T09:00:00+00:00")
    event = _incident(article, 1, "2031-03-04")
    tally = _cell((event, article))
    (key, update), = tally_updates(retraction(event, article), article)
    emptied = apply_update(tally, update, 9)
    assert drill_down("airspace_violation", "LV", "2031", [(key, tally)]).count == 1
    assert drill_down("airspace_violation", "LV", "2031", [(key, emptied)]).incidents == []


def test_merged_fields_follow_most_reports_and_a_tie_goes_to_the_most_confident():
    article = _article("a", "2031-01-01T00:00:00+00:00")
    tally = _cell((_incident(article, 1, "2031-01-01", count=3, confidence=0.5), article),
                  (_incident(_article("b", "2031-01-02T00:00:00+00:00"), 1, "2031-01-01", count=4, confidence=0.9),
                   _article("b", "2031-01-02T00:00:00+00:00")))
    (incident,) = cell_incidents(tally)
    assert merge_fields(incident.reports)["count"] == 4


def test_incidents_per_month_by_occurrence_and_by_first_report():
    march, april = _article("a", "2031-04-02T00:00:00+00:00"), _article("b", "2031-04-20T00:00:00+00:00")
    undated = _article("c", "2031-05-01T00:00:00+00:00")
    tally = _cell((_incident(march, 1, "2031-03-30"), march), (_incident(april, 1, "2031-04-19"), april),
                  (_incident(undated, 1, "2031", violator="BY"), undated))
    (series,) = monthly_series([("incidents/airspace_violation/LV/2031", tally), ("speaker/X", {})])
    assert series.by_occurrence == {"2031-03": 1, "2031-04": 1}
    assert series.by_first_report == {"2031-04": 2, "2031-05": 1}
    assert series.year_only == {"2031": 1}
    assert monthly_series([("incidents/airspace_violation/LV/2031", tally)], country="EE") == []


def test_the_terminal_rendering_shows_each_report_and_its_evidence():
    article = _article("wire-a", "2031-03-05T09:00:00+00:00", headline="Jets over the coast")
    tally = _cell((_incident(article, 1, "2031-03-04"), article))
    text = render_drilldown(drill_down("airspace_violation", "LV", "2031",
                                       [("incidents/airspace_violation/LV/2031", tally)]).to_json())
    assert "1 incident(s)" in text and "wire-a v1" in text and "'Jets over the coast'" in text and "[body 17-39]" in text


def test_drill_down_and_series_match_their_openapi_schemas():
    def component(name: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                     "components": openapi.document()["components"]})

    article = _article("wire-a", "2031-03-05T09:00:00+00:00")
    cells = [("incidents/airspace_violation/LV/2031", _cell((_incident(article, 1, "2031-03-04"), article)))]
    component("CellDrilldown").validate(drill_down("airspace_violation", "LV", "2031", cells).to_json())
    component("CountSeries").validate({"series": [dataclasses.asdict(s) for s in monthly_series(cells)]})


def _gold_key(kind: str, country: str, violator: str | None, when: str) -> str:
    return f"{kind}:{country}:{violator or '-'}:{when}"


@lru_cache(maxsize=1)
def _dev_tallies() -> tuple[tuple[str, Tally], ...]:
    simulation = Simulation(upserts_of)
    for document in read_documents([DEV_CORPUS]):
        simulation.feed(document)
    return tuple(simulation.tallies.items())


def _gold_cells() -> dict[str, list[IncidentMember]]:
    """Gold incidents per cell ``kind/CC/YYYY`` as reports; undated ones under the publication month."""
    cells: dict[str, list[IncidentMember]] = {}
    for path in sorted(DEV_CORPUS.glob("*.json")):
        document = json.loads(path.read_text())
        if "article" not in document:
            continue
        article = parse_document(document["article"])
        assert isinstance(article, Article)
        for index, gold in enumerate(document["incidents"]):
            if gold.get("optional"):
                continue
            dates = gold["date"] if isinstance(gold["date"], list) else [gold["date"]]
            when = dates[0] or article.published_at.strftime("%Y-%m")
            key = _gold_key(gold["kind"], gold["country"], gold["violator"], when)
            member = IncidentMember(member=f"{article.article_id}:{index}", key=key,
                                    article=article.article_id, location=gold["location"])
            cells.setdefault(f"{gold['kind']}/{gold['country']}/{when[:4]}", []).append(member)
    return cells


@pytest.mark.shared
def test_the_drill_down_of_every_dev_cell_lists_exactly_its_gold_incidents():
    expected = json.loads((DEV_CORPUS / "expected_counts.json").read_text())
    tallies = list(_dev_tallies())
    assert incident_counts(tallies) == {kind: dict(sorted(cells.items())) for kind, cells in expected.items()}
    gold_cells = _gold_cells()
    for kind, cells in expected.items():
        for cell, count in cells.items():
            country, year = cell.split("/")
            found = drill_down(kind, country, year, tallies)
            gold = gold_cells[f"{kind}/{cell}"]
            clusters = incident_clusters(gold)
            assert found.count == len(found.incidents) == count == len(clusters), cell
            wanted = sorted(sorted({m.article for m in cluster}) for cluster in clusters)
            listed = sorted(sorted({r.article_id for r in incident.reports}) for incident in found.incidents)
            assert listed == wanted, (kind, cell)
            for incident in found.incidents:
                gold_violators = {m.violator for m in gold if m.article in {r.article_id for r in incident.reports}}
                assert (incident.merged["violator"] or "-") in gold_violators, (kind, cell)
                assert all(r.headline and r.published_at and r.evidence for r in incident.reports), (kind, cell)
                for evidence in (e for r in incident.reports for e in r.evidence):
                    start = evidence["start"] - evidence["context_start"]
                    assert evidence["context"][start:start + len(evidence["text"])] == evidence["text"]
