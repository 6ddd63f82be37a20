"""Invented articles, one per kind of news writing (tests/corpus/*.json), each with the incidents it reports.

Every article is written for these tests (no corpus text, no corpus names): a timeline, a roundup
of background incidents, a state's drones over its neighbour, a drone that crosses one state and
falls in another, air defence zones and threats. Each expected incident must be found with every
field the file gives, and nothing else may be found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from streams.extraction.model import IncidentFact
from streams.extraction.run import extract
from streams.model.validation import parse_document

CORPUS = Path(__file__).parent / "corpus"
FIELDS = ("violator", "attribution", "platform", "model", "count", "duration_minutes", "location")


def _articles() -> list[Path]:
    return sorted(CORPUS.glob("*.json"))


def _key(incident: IncidentFact) -> tuple[str, str, str | None]:
    return incident.kind, incident.country, incident.occurred_on.value if incident.occurred_on else None


def _expected_key(expected: dict[str, Any]) -> tuple[str, str, str | None]:
    return expected["kind"], expected["country"], expected.get("date")


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.stem)
def test_the_article_reports_exactly_its_incidents(path: Path) -> None:
    document = json.loads(path.read_text())
    article = parse_document(document["article"])
    found = {_key(i): i for i in extract(article).incidents}
    expected = {_expected_key(e): e for e in document["incidents"]}
    assert sorted(found, key=str) == sorted(expected, key=str)
    for key, wanted in expected.items():
        got = found[key]
        for name in FIELDS:
            if name in wanted:
                assert getattr(got, name) == wanted[name], (key, name)


def test_the_corpus_covers_every_kind_of_incident() -> None:
    kinds = {e["kind"] for path in _articles() for e in json.loads(path.read_text())["incidents"]}
    assert kinds == {"airspace_violation", "drone_sighting", "article4_request"}
