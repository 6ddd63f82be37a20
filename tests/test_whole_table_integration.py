"""Two workers split the raw partitions, yet each answers for the whole table: counts, lists, dashboard, CLI."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import subprocess
import sys
from typing import Any

import aiohttp
import pytest

from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.broker import free_port
from streams.kafka.client import ensure_topics, live_state, publish, read_topic
from streams.kafka.monitor import get_json, wait_until_idle

from conftest import expected_counts, DEV_CORPUS, ROOT

pytestmark = [pytest.mark.integration, pytest.mark.shared]

WAIT_SECONDS = 240.0  # an upper bound for the pipeline, not a latency assertion
PATHS = ["/api/counts", "/api/statement-counts", "/api/incidents?limit=500", "/api/statements?limit=500", "/api/snapshot",
         "/api/ready"]


async def _first_snapshot(settings: Settings, port: int) -> dict[str, Any]:
    """The first event the dashboard's stream pushes on connect."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{port}/api/events") as response:
            while True:
                block = (await asyncio.wait_for(response.content.readuntil(b"\n\n"), WAIT_SECONDS)).decode()
                data = [line.removeprefix("data: ") for line in block.splitlines() if line.startswith("data: ")]
                if data:
                    return json.loads(data[0])


def _cli_counts(settings: Settings, port: int) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "counts", "--json", "--port", str(port)], cwd=ROOT,
                          capture_output=True, timeout=60, env={**os.environ, "NEWSROOM_WEB_HOST": settings.web_host})
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return json.loads(done.stdout)


def test_each_of_two_workers_answers_for_the_whole_table(settings: Settings, workers) -> None:
    other = dataclasses.replace(settings, web_port=free_port())
    ports = [settings.web_port, other.web_port]

    async def scenario() -> dict[str, Any]:
        await ensure_topics(settings)
        a, b = workers.start(settings), workers.start(other)
        await publish(settings, read_documents([DEV_CORPUS]))
        alive = lambda: a.poll() is None and b.poll() is None  # noqa: E731
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=alive, ports=ports)
        return {
            "answers": [{path: await get_json(settings, path, port=port) for path in PATHS} for port in ports],
            "streams": [await _first_snapshot(settings, port) for port in ports],
            "assigned": [set((await get_json(settings, "/api/status", port=port))["assigned"]) for port in ports],
            "incidents": live_state(await read_topic(settings, settings.topics.incidents)),
            "statements": live_state(await read_topic(settings, settings.topics.statements)),
        }

    got = asyncio.run(scenario())
    raw = [{tp for tp in owned if tp.startswith(settings.topics.raw + ":")} for owned in got["assigned"]]
    assert raw[0] and raw[1] and not raw[0] & raw[1], "the workers split the raw partitions"

    first, second = got["answers"]
    assert first == second, "both workers give the same answer to every query"
    assert first["/api/counts"] == expected_counts()
    assert first["/api/ready"] == {"ready": True}
    # The whole table: every live item of the derived topics, whichever partition it is in.
    assert {i["incident_id"] for i in first["/api/incidents?limit=500"]["items"]} == {
        e["incident_id"] for e in got["incidents"]}
    assert {s["statement_id"] for s in first["/api/statements?limit=500"]["items"]} == {
        e["statement_id"] for e in got["statements"]}
    assert len({e["statement_id"].split(":")[0] for e in got["statements"]}) > 1  # items from several articles
    assert got["streams"][0] == got["streams"][1] == first["/api/snapshot"]
    assert [_cli_counts(settings, port) for port in ports] == [expected_counts(), expected_counts()]
