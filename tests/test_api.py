"""The HTTP API's query logic and its OpenAPI description, on plain data (no broker, no server)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator
from multidict import MultiDict
from openapi_spec_validator import validate

from streams.view import api, openapi
from streams.view.analysis import parse_as_of
from streams.view.live import sse_message

from derived import incident, statement


INCIDENTS = [incident(1, when="2025-09-19"), incident(2, country="PL", when="2025-09-10"),
             incident(3, kind="drone_sighting", country="DK", when="2025-09"), incident(4, country="TR", when="2015-11-24"),
             incident(5, when="2025-09-19", version=3)]
STATEMENTS = [statement(1, "Mark Rutte", "NATO", "2025-09-23"), statement(2, "Kristen Michal", "Estonia", "2025-09-19"),
              statement(3, "Mark Rutte", "NATO", None)]
COUNTS = {"airspace_violation": {"EE/2025": 1, "PL/2025": 2, "TR/2015": 1}, "drone_sighting": {"DK/2025": 1},
          "article4_request": {}}


def _component(name: str) -> Draft202012Validator:
    """A validator for one of the document's component schemas, its refs resolved within the document."""
    document = openapi.document()
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def test_the_openapi_document_is_valid_openapi_3_1() -> None:
    document = openapi.document()
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert {"/api/counts", "/api/incidents", "/api/statements", "/api/events", "/metrics", "/"} <= set(document["paths"])


def test_listings_and_counts_match_their_openapi_schemas() -> None:
    _component("IncidentPage").validate(api.incident_listing(INCIDENTS, {}))
    _component("StatementPage").validate(api.statement_listing(STATEMENTS, {}))
    _component("Counts").validate(api.count_table(COUNTS, {}))
    _component("Snapshot").validate(api.snapshot(COUNTS, {"speaker": {"Mark Rutte": 2}, "organization": {}},
                                                 INCIDENTS, STATEMENTS))
    _component("Error").validate(api.BadRequest("limit", "must be between 1 and 500").body())


def test_incidents_come_latest_first_then_by_newest_version() -> None:
    items = api.incident_listing(INCIDENTS, {})["items"]
    assert [i["article_id"] for i in items] == ["a5", "a1", "a2", "a3", "a4"]


def test_incident_filters_use_the_date_they_are_counted_under() -> None:
    assert {i["article_id"] for i in api.incident_listing(INCIDENTS, {"year": "2015"})["items"]} == {"a4"}
    assert {i["article_id"] for i in api.incident_listing(INCIDENTS, {"country": "ee"})["items"]} == {"a1", "a5"}
    assert [i["article_id"] for i in api.incident_listing(INCIDENTS, {"kind": "drone_sighting"})["items"]] == ["a3"]


def test_pagination_slices_and_reports_the_total() -> None:
    first = api.incident_listing(INCIDENTS, {"limit": "2"})
    second = api.incident_listing(INCIDENTS, {"limit": "2", "offset": "2"})
    assert first["total"] == second["total"] == 5
    assert [i["article_id"] for i in first["items"] + second["items"]] == ["a5", "a1", "a2", "a3"]
    assert api.incident_listing(INCIDENTS, {"offset": "10"})["items"] == []
    assert api.incident_listing(INCIDENTS, {})["limit"] == api.DEFAULT_LIMIT


def test_statements_filter_by_speaker_and_organisation_case_insensitively() -> None:
    by_speaker = api.statement_listing(STATEMENTS, {"speaker": "mark rutte"})["items"]
    assert [s["statement_id"] for s in by_speaker] == ["s1", "s3"]  # dated before undated
    assert [s["statement_id"] for s in api.statement_listing(STATEMENTS, {"organization": "ESTONIA"})["items"]] == ["s2"]


def test_count_filters_narrow_the_contract_table() -> None:
    assert api.count_table(COUNTS, {"kind": "airspace_violation", "country": "pl"}) == {"airspace_violation": {"PL/2025": 2}}
    assert api.count_table(COUNTS, {"year": "2015"}) == {"airspace_violation": {"TR/2015": 1}, "drone_sighting": {},
                                                         "article4_request": {}}
    assert api.statement_listing(STATEMENTS, {"speaker": " "})["total"] == 3  # an emptied text field is no filter


@pytest.mark.parametrize(("query", "parameter"), [
    ({"limit": "0"}, "limit"), ({"limit": "501"}, "limit"), ({"limit": "ten"}, "limit"), ({"offset": "-1"}, "offset"),
    ({"offset": ""}, "offset"), ({"offset": str(2**70)}, "offset"), ({"limit": "9" * 5000}, "limit"), ({"limit": " 5"}, "limit"), ({"offset": "\u0663"}, "offset"), ({"kind": ""}, "kind"),
    ({"kind": "sighting"}, "kind"), ({"country": "EST"}, "country"), ({"country": "EE\n"}, "country"),
    ({"year": "25"}, "year"), ({"year": "2025\n"}, "year"),
    ({"contry": "EE"}, "contry"), (MultiDict([("country", "EE"), ("country", "PL")]), "country"),
])
def test_bad_incident_parameters_are_rejected_with_the_parameter_named(query: Any, parameter: str) -> None:
    with pytest.raises(api.BadRequest) as raised:
        api.incident_listing(INCIDENTS, query)
    assert raised.value.parameter == parameter and raised.value.message


def test_parameters_of_another_endpoint_are_rejected() -> None:
    with pytest.raises(api.BadRequest, match="limit"):
        api.count_table(COUNTS, {"limit": "5"})
    with pytest.raises(api.BadRequest, match="country"):
        api.statement_listing(STATEMENTS, {"country": "EE"})


def test_a_server_sent_event_is_one_event_line_and_one_data_line() -> None:
    message = sse_message("snapshot", orjson.dumps({"quote": "two\nlines"}))
    assert message == b'event: snapshot\ndata: {"quote":"two\\nlines"}\n\n'


@pytest.mark.parametrize("as_of", ["0001-01-01T01:21:46+17:35", "9999-12-31T23:00:00-05:00", "yesterday"])
def test_an_as_of_time_that_is_no_time_in_utc_is_refused_by_name(as_of: str) -> None:
    with pytest.raises(api.BadRequest) as raised:
        parse_as_of({"as_of": as_of})
    assert raised.value.parameter == "as_of" and as_of in raised.value.message
