"""examples/subscriber.py, the downstream service of docs/subscriber.md, against the real broker."""

from __future__ import annotations

import asyncio
import importlib.util
import json
from types import ModuleType
from typing import Any

import orjson
import pytest

from streams.config import Settings
from streams.kafka.client import ensure_topics, publish, publish_records
from streams.kafka.monitor import wait_until_idle
from streams.model.events import event_to_json

from conftest import DEV_CORPUS, ROOT
from derived import incident, retracted

pytestmark = pytest.mark.integration

WAIT_SECONDS = 120.0  # an upper bound for the pipeline, not a latency assertion


def _example() -> ModuleType:
    """The example is a script, not part of the package: load it from its file as a reader would run it."""
    spec = importlib.util.spec_from_file_location("subscriber_example", ROOT / "examples" / "subscriber.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _send(settings: Settings, events: list[dict[str, Any]]) -> None:
    await publish_records(settings, [(e["incident_id"].encode(), orjson.dumps(e)) for e in events],
                          topic=settings.topics.incidents)


def test_the_example_keeps_the_latest_upsert_and_drops_retractions(settings: Settings) -> None:
    example = _example()
    kept, dropped = event_to_json(incident(1)), event_to_json(incident(2, country="PL"))
    events = [kept, dropped, {**kept, "article_version": 2}, kept | {"article_version": 2},  # a redelivery
              event_to_json(retracted(incident(2, country="PL")))]

    async def scenario() -> Any:
        await ensure_topics(settings)
        await _send(settings, events)
        return await asyncio.wait_for(example.consume(settings.bootstrap, settings.topics.incidents,
                                                      example.IncidentState(), until=lambda s: s.applied == len(events)),
                                      WAIT_SECONDS)

    state = asyncio.run(scenario())
    assert list(state.live) == [kept["incident_id"]] and state.live[kept["incident_id"]]["article_version"] == 2
    assert state.counts() == {"airspace_violation": {"EE/2025": 1}}


@pytest.mark.shared
def test_the_example_follows_a_worker_through_a_publish_and_a_kill(settings: Settings, workers) -> None:
    example = _example()
    article = json.loads((DEV_CORPUS / "dev-estonia-migs-2025-09-19.json").read_text())["article"]
    kill = {"article_id": article["article_id"], "version": article["version"] + 1, "action": "kill",
            "published_at": article["published_at"]}

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        state = example.IncidentState()
        await publish(settings, [article])
        await asyncio.wait_for(example.consume(settings.bootstrap, settings.topics.incidents, state,
                                               until=lambda s: "airspace_violation" in s.counts()), WAIT_SECONDS)
        published = state.counts()
        await publish(settings, [kill])
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None)
        await asyncio.wait_for(example.consume(settings.bootstrap, settings.topics.incidents, state,
                                               until=lambda s: not s.live), WAIT_SECONDS)
        return published, state.counts()

    published, killed = asyncio.run(scenario())
    assert published["airspace_violation"] == {"EE/2025": 1}
    assert killed == {}
