"""The worker's HTTP API and dashboard against a running worker and the real broker."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import aiohttp
import pytest

from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish
from streams.kafka.monitor import wait_until_idle
from streams.view.web_policy import HEADERS

from conftest import DEV_CORPUS, on_one_broker

pytestmark = pytest.mark.integration


async def _get(settings, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
            return response.status, response.headers.get("Content-Type", ""), await response.text()


@pytest.mark.shared
def test_api_counts_lists_metrics_and_dashboard(settings, workers):
    async def scenario() -> dict:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await publish(settings, read_documents([DEV_CORPUS / "seed-nato-rutte-2025-09-23.json"]))
        await wait_until_idle(settings, timeout=120, alive=lambda: worker.poll() is None)
        paths = ["/api/counts", "/api/counts?kind=airspace_violation&country=ee", "/api/incidents?country=EE&limit=5",
                 "/api/statements?speaker=Mark%20Rutte", "/api/incidents?limit=0", "/metrics", "/"]
        return dict(zip(paths, await asyncio.gather(*(_get(settings, p) for p in paths))))

    got = asyncio.run(scenario())
    assert json.loads(got["/api/counts"][2])["airspace_violation"]["EE/2025"] == 1
    assert json.loads(got["/api/counts?kind=airspace_violation&country=ee"][2]) == {"airspace_violation": {"EE/2025": 1}}
    incidents = json.loads(got["/api/incidents?country=EE&limit=5"][2])
    assert incidents["total"] == 2 and {i["kind"] for i in incidents["items"]} == {"airspace_violation", "article4_request"}
    statements = json.loads(got["/api/statements?speaker=Mark%20Rutte"][2])["items"]
    assert statements and all(s["speaker"]["name"] == "Mark Rutte" for s in statements)
    assert got["/api/incidents?limit=0"][0] == 400
    status, content_type, metrics = got["/metrics"]
    assert status == 200 and content_type.startswith("text/plain")
    assert "newsroom_articles_processed_total 1.0" in metrics and "newsroom_extraction_seconds_bucket" in metrics
    assert got["/"][0] == 200 and "<svg" in got["/"][2]


@on_one_broker()
def test_a_real_worker_refuses_faust_routes_stamps_headers_times_out_half_requests_and_caps_streams(settings, workers):
    settings = dataclasses.replace(settings, max_event_streams=2, web_header_timeout=1.0)
    base = f"http://{settings.web_host}:{settings.web_port}"

    async def half_request() -> bytes:
        reader, writer = await asyncio.open_connection(settings.web_host, settings.web_port)
        writer.write(b"GET /api/counts HTT")
        try:
            return await asyncio.wait_for(reader.read(), 60)  # b"": closed by the server; an upper bound, not a latency
        finally:
            writer.close()

    async def scenario() -> dict:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await wait_until_idle(settings, timeout=120, alive=lambda: worker.poll() is None)
        got: dict = {"faust": {}, "headers": {}}
        async with aiohttp.ClientSession() as session:
            for path in ("/router/", "/router/topics", "/table/", "/table/articles/", "/graph/", "/stats/", "/assignment/"):
                async with session.get(base + path) as response:
                    got["faust"][path] = response.status
            for path in ("/", "/api/counts", "/api/live", "/api/ready", "/static/dashboard.js", "/nowhere"):
                async with session.get(base + path) as response:
                    got["headers"][path] = (response.status, dict(response.headers), await response.text())
            got["half"] = await half_request()
            first, second = await session.get(base + "/api/events"), await session.get(base + "/api/events")
            async with session.get(base + "/api/events") as third:
                got["refused"] = (third.status, third.headers.get("Retry-After"), await third.json())
            first.close()  # its place is free at once, with no change of the view to write to it
            for _ in range(100):
                async with session.get(base + "/api/events") as again:
                    if again.status == 200:
                        got["replaced"] = (await again.content.readuntil(b"\n\n"), await again.content.readuntil(b"\n\n"))
                        break
                await asyncio.sleep(0.1)
            second.close()
        return got

    got = asyncio.run(scenario())
    assert set(got["faust"].values()) == {404}, got["faust"]
    for path, (status, headers, body) in got["headers"].items():
        assert status == (404 if path == "/nowhere" else 200), path
        for name, value in HEADERS.items():
            assert headers.get(name) == value, (path, name)
    assert got["headers"]["/api/live"][2] == '{"live":true}' and json.loads(got["headers"]["/api/ready"][2]) == {"ready": True}
    assert got["half"] == b""
    status, retry_after, body = got["refused"]
    assert status == 503 and int(retry_after) > 0 and "too many open event streams" in body["error"]
    assert got["replaced"][1].startswith(b"event: snapshot")
