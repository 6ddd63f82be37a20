"""Drill-down, counts as of a time, gauges and alerts against a running worker and the real broker."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from typing import Any

import orjson
import pytest

from streams import schemas
from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish, read_topic
from streams.kafka.monitor import get_json, wait_until_idle

from conftest import DEV_CORPUS, ROOT

pytestmark = [pytest.mark.integration, pytest.mark.shared]

WAIT_SECONDS = 180.0  # an upper bound for the pipeline, not a latency assertion
LATVIA = {"article_id": "desk-lv-1", "version": 1, "action": "publish", "published_at": "2031-03-04T10:00:00Z",
          "source": "test", "language": "en", "headline": "Jets over Latvia",
          "body": "Three Russian fighter jets violated Latvian airspace on Tuesday, the defence ministry in Riga said."}
CORRECTION = {**LATVIA, "version": 2, "action": "update", "published_at": "2031-03-05T09:00:00Z",
              "headline": "Correction: jets flew over the Baltic Sea",
              "body": "An earlier version of this report was wrong: the jets stayed over international waters."}


def _gauge(metrics: str, kind: str, country: str, year: str) -> float | None:
    pattern = rf'^newsroom_incidents\{{(?=[^}}]*kind="{kind}")(?=[^}}]*country="{country}")(?=[^}}]*year="{year}")[^}}]*\}} (\S+)$'
    found = re.search(pattern, metrics, re.MULTILINE)
    return float(found.group(1)) if found else None


async def _text(settings: Settings, path: str) -> str:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
            return await response.text()


async def _alerts(settings: Settings) -> list[dict[str, Any]]:
    return [orjson.loads(value) for _, value, _ in await read_topic(settings, settings.topics.alerts)]


def test_drill_down_as_of_gauges_and_alerts_through_the_broker(settings: Settings, workers, run) -> None:
    expected = json.loads((DEV_CORPUS / "expected_counts.json").read_text())

    async def scenario() -> dict[str, Any]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        alive = lambda: worker.poll() is None  # noqa: E731
        await publish(settings, read_documents([DEV_CORPUS]))
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=alive)
        got: dict[str, Any] = {"cells": {}}
        for kind, cells in expected.items():
            for cell in cells:
                got["cells"][(kind, cell)] = await get_json(settings, f"/api/counts/{kind}/{cell}")
        got["bad_cell"] = await _text(settings, "/api/counts/bogus/EE/2025")
        await publish(settings, [LATVIA])
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=alive)
        got["metrics_v1"] = await _text(settings, "/metrics")
        got["alerts_v1"] = await _alerts(settings)
        await publish(settings, [CORRECTION])
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=alive)
        got["metrics_v2"] = await _text(settings, "/metrics")
        got["alerts_v2"] = await _alerts(settings)
        got["recent"] = await get_json(settings, "/api/alerts")
        got["live"] = await get_json(settings, "/api/counts")
        got["between"] = await get_json(settings, "/api/counts?as_of=2031-03-04T12:00:00Z")
        got["after"] = await get_json(settings, "/api/counts?as_of=2031-03-06T00:00:00Z")
        got["series"] = await get_json(settings, "/api/counts-over-time?kind=airspace_violation&country=EE")
        return got

    got = run(scenario())
    for (kind, cell), found in got["cells"].items():
        assert found["count"] == len(found["incidents"]) == expected[kind][cell], (kind, cell)
        for incident in found["incidents"]:
            assert incident["reports"] and all(r["headline"] and r["evidence"] for r in incident["reports"])
    assert '"parameter":"kind"' in got["bad_cell"].replace(" ", "")

    assert _gauge(got["metrics_v1"], "airspace_violation", "LV", "2031") == 1.0
    assert _gauge(got["metrics_v1"], "airspace_violation", "EE", "2025") == float(expected["airspace_violation"]["EE/2025"])
    assert _gauge(got["metrics_v2"], "airspace_violation", "LV", "2031") == 0.0
    latvia = [a for a in got["alerts_v2"] if (a["kind"], a["country"], a["year"]) == ("airspace_violation", "LV", "2031")]
    assert [(a["change"], a["previous"], a["count"]) for a in latvia] == [("new_incident", 0, 1), ("retraction", 1, 0)]
    assert [a for a in got["alerts_v1"] if a["country"] == "LV"] == latvia[:1]
    assert all(not schemas.errors("alert", a) for a in got["alerts_v2"])
    assert {(a["kind"], f"{a['country']}/{a['year']}") for a in got["alerts_v1"] if a["change"] == "new_incident"} >= {
        (kind, cell) for kind, cells in expected.items() for cell in cells}
    assert got["recent"]["alerts"][0]["alert_id"] == latvia[-1]["alert_id"]

    assert got["between"]["airspace_violation"].get("LV/2031") == 1
    assert "LV/2031" not in got["after"]["airspace_violation"]
    assert got["after"] == got["live"]
    assert got["between"] != got["after"]
    (estonia,) = got["series"]["series"]
    assert sum(estonia["by_occurrence"].values()) == expected["airspace_violation"]["EE/2025"]

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSROOM_LOG_FORMAT": "json"}
    explain = subprocess.run([sys.executable, "-m", "streams.cli.main", "counts", "--port", str(settings.web_port),
                              "--explain", "airspace_violation/EE/2025"], env=env, capture_output=True, timeout=60)
    assert explain.returncode == 0, explain.stderr
    text = explain.stdout.decode()
    assert "airspace_violation EE/2025: 1 incident(s)" in text
    for report in got["cells"][("airspace_violation", "EE/2025")]["incidents"][0]["reports"]:
        assert f"{report['article_id']} v{report['article_version']}" in text
    as_of = subprocess.run([sys.executable, "-m", "streams.cli.main", "counts", "--json", "--port", str(settings.web_port),
                            "--as-of", "2031-03-04T12:00:00Z"], env=env, capture_output=True, timeout=60)
    assert orjson.loads(as_of.stdout) == got["between"]
    bad = subprocess.run([sys.executable, "-m", "streams.cli.main", "counts", "--port", str(settings.web_port),
                          "--explain", "airspace_violation/EE"], env=env, capture_output=True, timeout=60)
    assert bad.returncode == 2 and b"KIND/CC/YYYY" in bad.stderr
