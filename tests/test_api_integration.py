"""The worker's HTTP API against a running worker and the real broker: OpenAPI, 400s, ordering, SSE, metrics."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from streams.agents.worker import stop_workers
from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish, publish_records
from streams.kafka.monitor import wait_until_idle

from conftest import DEV_CORPUS

pytestmark = [pytest.mark.integration, pytest.mark.shared]

ARTICLES = ["dev-estonia-migs-2025-09-19.json", "dev-poland-drones-2025-09-10.json", "dev-turkey-su24-2015-11-24.json"]
WAIT_SECONDS = 120.0  # an upper bound for the pipeline, not a latency assertion


async def _get(settings: Settings, path: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
            body = await response.text()
            is_json = response.headers.get("Content-Type", "").startswith("application/json")
            return response.status, json.loads(body) if is_json else body


async def _next_event(stream: aiohttp.StreamReader) -> tuple[str, Any]:
    """The next server-sent event (comments and the retry field skipped)."""
    while True:
        block = (await asyncio.wait_for(stream.readuntil(b"\n\n"), WAIT_SECONDS)).decode()
        fields = dict(line.split(": ", 1) for line in block.strip().splitlines() if ": " in line and not line.startswith(":"))
        if "event" in fields:
            return fields["event"], json.loads(fields["data"])


def _schema(document: dict[str, Any], name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def test_openapi_bad_parameters_ordering_pagination_and_metrics(settings: Settings, workers) -> None:
    async def scenario() -> dict[str, tuple[int, Any]]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await publish(settings, read_documents([DEV_CORPUS / name for name in ARTICLES]))
        await publish_records(settings, [(b"broken", b"{not json")])
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None)
        paths = ["/api/openapi.json", "/api/counts", "/api/incidents", "/api/incidents?limit=1",
                 "/api/incidents?limit=1&offset=1", "/api/statements", "/api/snapshot", "/api/status", "/metrics",
                 "/api/incidents?limit=0", "/api/incidents?limit=x", "/api/incidents?offset=-1",
                 "/api/incidents?kind=bogus", "/api/counts?year=25", "/api/counts?country=EST",
                 "/api/statements?contry=EE", "/api/incidents?country=EE&country=PL"]
        return dict(zip(paths, await asyncio.gather(*(_get(settings, p) for p in paths))))

    got = asyncio.run(scenario())
    status, document = got["/api/openapi.json"]
    assert status == 200
    validate(document)
    for path, schema in [("/api/counts", "Counts"), ("/api/incidents", "IncidentPage"), ("/api/statements", "StatementPage"),
                         ("/api/snapshot", "Snapshot"), ("/api/status", "Status")]:
        assert got[path][0] == 200, path
        _schema(document, schema).validate(got[path][1])

    for path in ["/api/incidents?limit=0", "/api/incidents?limit=x", "/api/incidents?offset=-1", "/api/incidents?kind=bogus",
                 "/api/counts?year=25", "/api/counts?country=EST", "/api/statements?contry=EE",
                 "/api/incidents?country=EE&country=PL"]:
        status, body = got[path]
        assert status == 400, path
        _schema(document, "Error").validate(body)
        assert body["parameter"] in path

    incidents = got["/api/incidents"][1]
    dates = [i["incident_key"].split(":", 3)[3] for i in incidents["items"]]
    assert dates == sorted(dates, reverse=True) and incidents["total"] == len(incidents["items"])
    first, second = got["/api/incidents?limit=1"][1], got["/api/incidents?limit=1&offset=1"][1]
    if incidents["total"] >= 2:
        assert first["items"] + second["items"] == incidents["items"][:2]

    metrics = got["/metrics"][1]
    assert "newsroom_articles_processed_total" in metrics
    assert 'newsroom_deadlettered_total{stage="' in metrics
    assert f'newsroom_consumer_lag{{partition="0",topic="{settings.topics.raw}"}} 0.0' in metrics


def test_the_event_stream_pushes_a_new_snapshot_when_counts_change(settings: Settings, workers) -> None:
    article = json.loads((DEV_CORPUS / "dev-estonia-migs-2025-09-19.json").read_text())["article"]

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None)
        url = f"http://{settings.web_host}:{settings.web_port}/api/events"
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            assert response.headers["Content-Type"].startswith("text/event-stream")
            name, before = await _next_event(response.content)
            assert name == "snapshot"
            await publish(settings, [article])
            after = before
            while not after["counts"]["airspace_violation"]:
                name, after = await _next_event(response.content)
            # A worker stopping with a client attached ends the stream instead of waiting for it.
            await asyncio.get_running_loop().run_in_executor(None, stop_workers, [worker])
            await asyncio.wait_for(response.content.read(), WAIT_SECONDS)  # the end of the stream
        assert worker.returncode == 0  # stopped by SIGTERM in time, not killed
        return before, after

    before, after = asyncio.run(scenario())
    assert before["counts"]["airspace_violation"] == {}
    assert after["counts"]["airspace_violation"] == {"EE/2025": 1}
    assert any(i["kind"] == "airspace_violation" for i in after["incidents"]["items"])

