"""A check schemathesis runs beside its own (SCHEMATHESIS_HOOKS=newsroom_checks).

OpenAPI 3.1 can only describe an event of a stream, whose ``data`` is a string; the
document says what that string holds with ``contentMediaType``/``contentSchema``,
which JSON Schema treats as annotations. This check decodes the data and validates
it, so a snapshot pushed over /api/events is held to the same schema as /api/snapshot.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from jsonschema import Draft202012Validator


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = document["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _data_lines(body: bytes) -> list[str]:
    return [line.removeprefix("data: ") for line in body.decode().splitlines() if line.startswith("data: ")]


@schemathesis.check
def event_data_matches_its_content_schema(ctx: Any, response: Any, case: Any) -> bool | None:
    if not response.headers.get("content-type", [""])[0].startswith("text/event-stream"):
        return None
    document = case.operation.schema.raw_schema
    content = case.operation.definition.raw["responses"][str(response.status_code)]["content"]
    event = _resolve(document, content["text/event-stream"]["schema"])
    data = event["properties"]["data"]
    assert data.get("contentMediaType") == "application/json", "event data is described as JSON"
    validator = Draft202012Validator({**data["contentSchema"], "components": document["components"]})
    lines = _data_lines(response.content)
    assert lines, "the stream sends an event on connect"
    for line in lines:
        errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.path))
        assert not errors, f"event data violates its contentSchema: {errors[0].message} at {list(errors[0].path)}"
    return True
