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


def _events(body: bytes) -> list[tuple[str, str]]:
    """(event name, data) of each event in a text/event-stream body (the name defaults to "message")."""
    found, name = [], "message"
    for line in body.decode().splitlines():
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            found.append((name, line.removeprefix("data: ")))
        elif not line:
            name = "message"
    return found


def _variant(document: dict[str, Any], event: dict[str, Any], name: str) -> dict[str, Any]:
    """The described event whose name is ``name`` (the description may list several with oneOf)."""
    for option in [_resolve(document, o) for o in event.get("oneOf", [event])]:
        if option["properties"]["event"].get("const") == name:
            return option
    raise AssertionError(f"the stream sent an event {name!r} that its description does not list")


@schemathesis.check
def event_data_matches_its_content_schema(ctx: Any, response: Any, case: Any) -> bool | None:
    if not response.headers.get("content-type", [""])[0].startswith("text/event-stream"):
        return None
    document = case.operation.schema.raw_schema
    content = case.operation.definition.raw["responses"][str(response.status_code)]["content"]
    event = _resolve(document, content["text/event-stream"]["schema"])
    sent = _events(response.content)
    assert sent, "the stream sends an event on connect"
    for name, line in sent:
        data = _variant(document, event, name)["properties"]["data"]
        assert data.get("contentMediaType") == "application/json", "event data is described as JSON"
        validator = Draft202012Validator({**data["contentSchema"], "components": document["components"]})
        errors = sorted(validator.iter_errors(json.loads(line)), key=lambda e: list(e.path))
        assert not errors, f"event data violates its contentSchema: {errors[0].message} at {list(errors[0].path)}"
    return True
