"""The worker's HTTP API and dashboard against a running worker and the real broker."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from streams.client import ensure_topics, publish
from streams.loader import read_documents
from streams.monitor import wait_until_idle

from conftest import DEV_CORPUS

pytestmark = pytest.mark.integration


async def _get(settings, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
            return response.status, response.headers.get("Content-Type", ""), await response.text()


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
