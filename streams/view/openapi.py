"""The OpenAPI 3.1 description of a worker's HTTP API, served at /api/openapi.json.

Built in code rather than kept as a hand-written file so that the limits and
parameter lists are the ones :mod:`streams.view.api` enforces, and the event schemas
are the contract's own JSON Schemas (``streams/schemas/``), not a second copy that could
drift from them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from streams.model.keys import INCIDENT_KINDS
from streams.schemas import load
from streams.view.api import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, NOT_TABLE_BACKED, RETRY_AFTER_SECONDS

Schema = dict[str, Any]


def _rewrite_refs(node: Any, prefix: str) -> Any:
    """``#/$defs/x`` becomes ``#/components/schemas/{prefix}_x``: refs resolve against the OpenAPI document."""
    if isinstance(node, dict):
        return {k: (f"#/components/schemas/{prefix}_{v.removeprefix('#/$defs/')}"
                    if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/") else _rewrite_refs(v, prefix))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(v, prefix) for v in node]
    return node


def contract_schemas(name: str, prefix: str) -> dict[str, Schema]:
    """One contract schema and its ``$defs`` as OpenAPI components (``$schema``/``$id`` dropped: the document sets the dialect)."""
    schema = load(name)
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    schema.pop("$id", None)
    components = {f"{prefix}_{key}": _rewrite_refs(value, prefix) for key, value in defs.items()}
    components[prefix] = _rewrite_refs(schema, prefix)
    return components


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(description: str, schema: Schema) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: Schema) -> Schema:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


KIND = _query("kind", "Only this incident kind.", {"type": "string", "enum": list(INCIDENT_KINDS)})
COUNTRY = _query("country", "Only this country (ISO 3166-1 alpha-2, any case).", {"type": "string", "pattern": "^[A-Za-z]{2}$"})
YEAR = _query("year", "Only incidents counted under this year.", {"type": "string", "pattern": "^[0-9]{4}$"})
LIMIT = _query("limit", f"Items per page (default {DEFAULT_LIMIT}).",
               {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT})
OFFSET = _query("offset", "Items to skip.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0})
AS_OF = _query("as_of", "The table as it stood once articles published up to this ISO 8601 time were processed "
                "(later corrections and kills not applied).", {"type": "string", "format": "date-time"})
BAD_REQUEST = _json("A query parameter is unknown, repeated or out of range.", _ref("Error"))


def _get(summary: str, ok: Schema, parameters: list[Schema] | None = None, description: str = "") -> Schema:
    operation: Schema = {"summary": summary, "responses": {"200": ok}}
    if description:
        operation["description"] = description
    if parameters is not None:
        operation["parameters"] = parameters
        operation["responses"]["400"] = BAD_REQUEST
    return {"get": operation}


def _page(item: str) -> Schema:
    return {"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
        "total": {"type": "integer", "minimum": 0, "description": "Items matching the filters, over all pages."},
        "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "items": {"type": "array", "items": _ref(item)}}}


def _schemas() -> dict[str, Schema]:
    counts: Schema = {
        "type": "object", "description": "Distinct real-world incidents per kind, then per COUNTRY/YEAR.",
        "propertyNames": {"enum": list(INCIDENT_KINDS)},
        "additionalProperties": {"type": "object", "propertyNames": {"pattern": "^[A-Z]{2}/[0-9]{4}$"},
                                 "additionalProperties": {"type": "integer", "minimum": 1}},
        "example": {"airspace_violation": {"EE/2025": 1}, "drone_sighting": {}, "article4_request": {"EE/2025": 1}},
    }
    by_name: Schema = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}
    return {
        **contract_schemas("incident", "Incident"),
        **contract_schemas("statement", "Statement"),
        "Counts": counts,
        "StatementCounts": {"type": "object", "required": ["speaker", "organization"],
                            "properties": {"speaker": by_name, "organization": by_name}},
        "IncidentPage": _page("Incident"),
        "StatementPage": _page("Statement"),
        "Snapshot": {"type": "object", "required": ["counts", "statement_counts", "incidents", "statements"],
                     "properties": {"counts": _ref("Counts"), "statement_counts": _ref("StatementCounts"),
                                    "incidents": _ref("IncidentPage"), "statements": _ref("StatementPage")}},
        "SnapshotEvent": {"oneOf": [
            {"type": "object", "required": ["event", "data"], "properties": {
                "event": {"const": "snapshot"},
                "data": {"type": "string", "contentMediaType": "application/json", "contentSchema": _ref("Snapshot")},
                "retry": {"type": "integer", "minimum": 0}}},
            {"type": "object", "required": ["event", "data"], "properties": {
                "event": {"const": "recovering"},
                "data": {"type": "string", "contentMediaType": "application/json", "contentSchema": _ref("Recovering")},
                "retry": {"type": "integer", "minimum": 0}}}]},
        "Status": {"type": "object", "required": ["processed", "counters", "assigned", "recovering"], "properties": {
            "processed": {"type": "object", "description": "Last offset finished per topic, then per partition: raw records "
                                         "this worker processed, derived events it read into its whole view.",
                          "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}},
            "counters": {"type": "object", "additionalProperties": {"type": "integer"}},
            "assigned": {"type": "array", "items": {"type": "string"}},
            "recovering": {"type": "boolean", "description": "Tables still being recovered: the other paths answer 503."},
            "batches": {"type": "object", "description": "Wall-clock times (Unix seconds) the first batch of raw "
                                       "records began and the latest ended; null before the first.",
                        "properties": {"first_began_at": {"type": ["number", "null"]},
                                       "last_ended_at": {"type": ["number", "null"]}}},
            "held": {"type": "object", "description": "What this worker holds in memory: ledger entries (articles), "
                                    "count cells it owns (owned_cells), and its whole view (incidents, statements, cells).",
                     "additionalProperties": {"type": "integer", "minimum": 0}}}},
        "Readiness": {"type": "object", "required": ["ready"], "properties": {
            "ready": {"type": "boolean"},
            "reason": {"type": "string", "description": "Why not ready (only when not): no Kafka broker answers, "
                                                        "the tables are recovering, the whole view is still reading "
                                                        "the derived topics, the extraction model is loading, or an "
                                                        "agent crashed; several joined by semicolons."}}},
        "Liveness": {"type": "object", "required": ["live"], "properties": {"live": {"const": True}}},
        "TooManyStreams": {"type": "object", "required": ["error", "retry_after"], "properties": {
            "error": {"type": "string"}, "retry_after": {"type": "integer", "minimum": 1,
                                                         "description": "Seconds to wait, as in Retry-After."}}},
        "Error": {"type": "object", "required": ["error", "parameter"], "properties": {
            "error": {"type": "string"}, "parameter": {"type": "string"}}},
        "Recovering": {"type": "object", "required": ["error", "retry_after"], "properties": {
            "error": {"type": "string"}, "retry_after": {"type": "integer", "minimum": 1,
                                                         "description": "Seconds to wait, as in Retry-After."}}},
    }


def _paths() -> Schema:
    text = {"description": "Prometheus text exposition format.", "content": {"text/plain": {"schema": {"type": "string"}}}}
    events = _get("Live snapshots as server-sent events", {
        "description": "An event `snapshot` (data: a Snapshot as JSON) on connect and after every change; "
                       "while the worker recovers its tables, an event `recovering` (data: a Recovering "
                       "as JSON) instead; comment lines keep the connection alive. The schema describes one "
                       "event, as OpenAPI 3.1 tools read a `text/event-stream` schema.",
        "content": {"text/event-stream": {"schema": _ref("SnapshotEvent")}}}, description=(
            "Every client gets the same snapshot, computed once per change of the view and at most every "
            "`NEWSROOM_SNAPSHOT_INTERVAL_MS`; at most `NEWSROOM_MAX_EVENT_STREAMS` streams are open at once."))
    events["get"]["responses"]["503"] = {
        "description": "As many event streams are open as the worker allows: retry after `Retry-After` seconds, "
                       "or poll /api/snapshot.",
        "headers": {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": _ref("TooManyStreams")}}}
    return {
        "/api/counts": _get("Count table of distinct incidents", _json("The contract's count table.", _ref("Counts")),
                            [KIND, COUNTRY, YEAR, AS_OF]),
        "/api/statement-counts": _get("Statements per speaker and per organisation",
                                      _json("Counts by name.", _ref("StatementCounts"))),
        "/api/incidents": _get("Live incidents, latest first", _json("One page.", _ref("IncidentPage")),
                               [KIND, COUNTRY, YEAR, LIMIT, OFFSET],
                               "Ordered by the date the incident is counted under, then article version."),
        "/api/statements": _get("Live statements, latest first", _json("One page.", _ref("StatementPage")), [
            _query("speaker", "Only this speaker's full name (case-insensitive).", {"type": "string"}),
            _query("organization", "Only speakers of this organisation (case-insensitive).", {"type": "string"}),
            LIMIT, OFFSET], "Ordered by the date the statement was made, then article version."),
        "/api/snapshot": _get("Everything the dashboard draws", _json("Counts and the latest items.", _ref("Snapshot"))),
        "/api/events": events,
        "/api/live": _get("Liveness: the worker's event loop answers",
                          _json("Alive. It reads no state: a worker recovering or waiting for its broker is alive.",
                                _ref("Liveness"))),
        "/api/ready": {"get": {"summary": "Readiness: the worker answers for the whole table and processes records",
                               "responses": {"200": _json("Ready: answers cover the whole table.", _ref("Readiness")),
                                             "503": _json("Not ready: answers would be partial, or records would "
                                                          "wait; see reason.", _ref("Readiness"))}}},
        "/api/status": _get("Offsets processed and partitions assigned", _json("Progress of this worker.", _ref("Status"))),
        "/api/openapi.json": _get("This description", _json("OpenAPI 3.1 document.", {"type": "object"})),
        "/metrics": _get("Prometheus metrics", text),
        "/": _get("The live dashboard", {"description": "HTML page.", "content": {"text/html": {"schema": {"type": "string"}}}}),
    }


RECOVERING = {
    "description": f"The worker is recovering its tables (after a start or a rebalance): what they hold is "
                   f"incomplete. Retry after the `Retry-After` seconds ({RETRY_AFTER_SECONDS} s).",
    "headers": {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}},
    "content": {"application/json": {"schema": _ref("Recovering")}},
}


def _with_recovery(paths: Schema) -> Schema:
    """Every table-backed path (an /api/ path not in NOT_TABLE_BACKED) may answer 503 while the tables recover."""
    for path, item in paths.items():
        if path.startswith("/api/") and path not in NOT_TABLE_BACKED:
            item["get"]["responses"]["503"] = RECOVERING
    return paths


def _analysis_schemas() -> dict[str, Schema]:
    """Drill-down and counts over time (:mod:`streams.model.drilldown`)."""
    nullable_string: Schema = {"type": ["string", "null"]}
    date: Schema = {"type": ["object", "null"], "properties": {"value": {"type": "string"}, "precision": {"type": "string"}}}
    report: Schema = {"type": "object", "required": ["incident_id", "incident_key", "article_id", "article_version",
                                                      "headline", "published_at", "evidence", "fields"],
                      "properties": {
                          "incident_id": {"type": "string"}, "incident_key": {"type": "string"},
                          "article_id": nullable_string, "article_version": {"type": ["integer", "null"]},
                          "headline": nullable_string, "published_at": nullable_string,
                          "evidence": {"type": "array", "items": {
                              "type": "object", "required": ["field", "start", "end", "text", "context", "context_start"],
                              "properties": {"field": {"type": "string"}, "start": {"type": "integer"},
                                             "end": {"type": "integer"}, "text": {"type": "string"},
                                             "context": {"type": "string", "description": "The paragraph of the span."},
                                             "context_start": {"type": "integer",
                                                               "description": "Where the paragraph starts in the field."}}}},
                          "fields": {"type": "object", "description": "The incident's fields as this report gives them."},
                          "confidence": {"type": ["number", "null"]},
                          "rules": {"type": "array", "items": {"type": "string"},
                                    "description": "The extraction rules that produced this report."}}}
    incident: Schema = {"type": "object", "required": ["incident_key", "incident_keys", "occurred_on", "first_reported",
                                                        "merged", "reports"],
                        "properties": {
                            "incident_key": {"type": "string", "description": "The key that names the incident."},
                            "incident_keys": {"type": "array", "items": {"type": "string"},
                                              "description": "Every key it was reported under (dates of other precision)."},
                            "occurred_on": date, "first_reported": nullable_string,
                            "merged": {"type": "object", "description": "Each field as most reports give it."},
                            "reports": {"type": "array", "items": _ref("IncidentReport")}}}
    by_month: Schema = {"type": "object", "propertyNames": {"pattern": "^[0-9]{4}-[0-9]{2}$"},
                        "additionalProperties": {"type": "integer", "minimum": 1}}
    series: Schema = {"type": "object", "required": ["kind", "country", "by_occurrence", "by_first_report", "year_only"],
                      "properties": {"kind": {"type": "string"}, "country": {"type": "string"},
                                     "by_occurrence": by_month, "by_first_report": by_month,
                                     "year_only": {"type": "object", "additionalProperties": {"type": "integer"}}}}
    return {
        "IncidentReport": report,
        "CellIncident": incident,
        "CellDrilldown": {"type": "object", "required": ["kind", "country", "year", "count", "incidents"],
                          "properties": {"kind": {"type": "string", "enum": list(INCIDENT_KINDS)},
                                         "country": {"type": "string"}, "year": {"type": "string"},
                                         "count": {"type": "integer", "minimum": 0},
                                         "incidents": {"type": "array", "items": _ref("CellIncident")}}},
        "Alerts": {"type": "object", "required": ["alerts"], "description": "Latest first, since this worker started.",
                   "properties": {"alerts": {"type": "array", "items": _ref("Alert")}}},
        **contract_schemas("alert", "Alert"),
        "CountSeries": {"type": "object", "required": ["series"],
                        "properties": {"series": {"type": "array", "items": series}}},
    }


def _analysis_paths() -> Schema:
    def segment(name: str, description: str, schema: Schema) -> Schema:
        return {"name": name, "in": "path", "required": True, "description": description, "schema": schema}

    return {
        "/api/counts/{kind}/{country}/{year}": _get(
            "The incidents behind one count", _json("Distinct incidents with every report and its evidence.",
                                                    _ref("CellDrilldown")),
            [segment("kind", "Incident kind.", {"type": "string", "enum": list(INCIDENT_KINDS)}),
             segment("country", "ISO 3166-1 alpha-2 code.", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
             segment("year", "Year of the cell.", {"type": "string", "pattern": "^[0-9]{4}$"})],
            "Clustered exactly as the count is, so it lists as many incidents as the cell counts."),
        "/api/alerts": _get("The latest count changes", _json("What this worker sent to newsroom.alerts.v1 lately.",
                                                               _ref("Alerts")), []),
        "/api/counts-over-time": _get(
            "Distinct incidents per month", _json("Per kind and country: by month of occurrence and of first report.",
                                                  _ref("CountSeries")),
            [KIND, _query("country", "Only this country.", {"type": "string", "pattern": "^[A-Za-z]{2}$"})]),
    }


@lru_cache(maxsize=1)
def document() -> Schema:
    """The whole OpenAPI document (cached: it is the same for the life of the process)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "newsroom worker API", "version": "1.0.0",
                 "description": "Live state of the whole table: any worker answers for every partition of the "
                                "derived topics, whichever worker owns it. Event payloads follow the contract's JSON Schemas. "
                                "Every response carries Content-Security-Policy, X-Frame-Options: DENY, "
                                "X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer; no path outside "
                                "this description is served (faust's own routes are off)."},
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "paths": _with_recovery({**_paths(), **_analysis_paths()}),
        "components": {"schemas": {**_schemas(), **_analysis_schemas()}},
    }
