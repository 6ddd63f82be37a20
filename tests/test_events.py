"""Derived events: schema-valid, evidence that slices the article exactly, ids stable across runs and edits."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import pytest

from newsroom_dev.generator import generate
from streams import schemas
from streams.inputs.loader import read_documents
from streams.model.article import Article
from streams.model.events import IncidentEvent, StatementEvent, event_to_json, upserts_of_each
from streams.model.validation import parse_document

from conftest import DEV_CORPUS


@lru_cache(maxsize=1)
def articles() -> tuple[Article, ...]:
    documents = read_documents([DEV_CORPUS]) + generate(30, seed=3)
    return tuple(a for a in map(parse_document, documents) if isinstance(a, Article))


@lru_cache(maxsize=1)
def events() -> tuple[tuple[Article, list], ...]:
    found = tuple(zip(articles(), upserts_of_each(list(articles()))))
    assert sum(len(e) for _, e in found) > 20, "extraction yields events on the corpus"
    return found


@pytest.mark.shared
def test_every_derived_event_is_valid_against_its_schema():
    for _, derived in events():
        for event in derived:
            value = event_to_json(event)
            assert not schemas.errors(value["type"], value), event


@pytest.mark.shared
def test_every_evidence_span_slices_its_article_field_exactly():
    for article, derived in events():
        for event in derived:
            assert event.evidence, event
            for span in event.evidence:
                assert article.field(span.field)[span.start:span.end] == span.text, (event, span)


@pytest.mark.shared
def test_ids_are_deterministic_and_unique_within_an_article():
    again = upserts_of_each(list(articles()))
    for (_, first), second in zip(events(), again):
        assert first == second
        ids = [e.event_id for e in first]
        assert len(ids) == len(set(ids))


@pytest.mark.shared
@pytest.mark.parametrize("edit", ["duration"])
def test_an_edit_of_a_field_keeps_the_incident_id(edit):
    article = next(a for a in articles() if "12 minutes" in a.body)
    edited = dataclasses.replace(article, version=2, body=article.body.replace("12 minutes", "14 minutes"))
    before, after = upserts_of_each([article, edited])
    ids = lambda evs: {e.incident_id for e in evs if isinstance(e, IncidentEvent)}  # noqa: E731
    assert ids(before) and ids(before) == ids(after)
    durations = {e.duration_minutes for e in after if isinstance(e, IncidentEvent) and e.kind == "airspace_violation"}
    assert 14 in durations


@pytest.mark.shared
def test_every_derived_event_names_the_rules_that_produced_it():
    for _, derived in events():
        for event in derived:
            assert event.rules and all(isinstance(rule, str) and rule for rule in event.rules), event


def test_rules_tell_an_entry_from_a_quotation():
    from articles import article

    story = article("Two Belarusian military helicopters entered Latvian airspace near Daugavpils on Monday, the "
                    "border guard said. \"We will not accept this,\" the prime minister Ana Vell told reporters.")
    derived = upserts_of_each([story])[0]
    incidents = [e for e in derived if isinstance(e, IncidentEvent)]
    statements = [e for e in derived if isinstance(e, StatementEvent)]
    assert incidents and all(e.rules == ("violation.entry",) for e in incidents), incidents
    assert any(e.rules == ("statement.quotation",) for e in statements), statements
