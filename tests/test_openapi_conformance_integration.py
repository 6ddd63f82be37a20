"""The live HTTP API checked against its own OpenAPI description by schemathesis, on the real broker.

Every operation of /api/openapi.json is called with generated valid and invalid
requests (schemathesis' coverage and fuzzing phases, every built-in check: no 5xx,
status codes, content types and response bodies as described, invalid input
rejected, valid input accepted), plus tests/schemathesis/newsroom_checks.py, which
holds the snapshots pushed over the event stream to the Snapshot schema.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish, publish_records
from streams.kafka.monitor import wait_until_idle

from conftest import DEV_CORPUS, on_one_broker

pytestmark = [pytest.mark.integration, pytest.mark.shared]

HERE = Path(__file__).resolve().parent / "schemathesis"
WAIT_SECONDS = 180.0  # upper bounds, not latency assertions
REQUEST_TIMEOUT_SECONDS = 60
RUN_TIMEOUT_SECONDS = 900


@on_one_broker()
def test_the_live_api_conforms_to_its_openapi_description(settings: Settings, workers, tmp_path: Path) -> None:
    async def live_worker() -> None:
        await ensure_topics(settings)
        worker = workers.start(settings)
        # Items of every shape the corpus gives (dated and undated, with and without violator), and a dead letter.
        await publish(settings, read_documents([DEV_CORPUS]))
        await publish_records(settings, [(b"broken", b"{not json")])
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None)

    asyncio.run(live_worker())
    url = f"http://{settings.web_host}:{settings.web_port}/api/openapi.json"
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "newsroom_checks",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", str(HERE / "schemathesis.toml"), "run", url,
         "--checks", "all", "--max-examples", "25", "--request-timeout", str(REQUEST_TIMEOUT_SECONDS), "--no-color"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS)  # its cache goes there
    report = done.stdout[-8000:]
    assert done.returncode == 0, report
    assert "No issues found" in done.stdout, report
    selected = re.search(r"Selected: (\d+)/(\d+)", done.stdout)
    tested = re.search(r"Tested: (\d+)", done.stdout)
    assert selected and tested, report
    assert selected.group(1) == selected.group(2) == tested.group(1), "every operation was tested"
