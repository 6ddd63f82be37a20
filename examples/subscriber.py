"""A downstream service that keeps its own state from the newsroom's incident topic.

It depends on nothing of the newsroom but the contract (docs/subscriber.md):
incident events keyed by ``incident_id``, where an ``upsert`` replaces what is
known about that id and a ``retract`` withdraws it. Its state is rebuilt from
the beginning of the topic at every start, which is what makes an in-memory
state correct: the topic is the state's log.

    KAFKA_BOOTSTRAP=127.0.0.1:9092 .venv/bin/python examples/subscriber.py [--topic newsroom.incidents.v1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer

log = logging.getLogger("subscriber")

Event = dict[str, Any]


class IncidentState:
    """The live incidents: the latest upsert per id, retracted ones removed.

    Applying an event twice changes nothing (at-least-once delivery is harmless),
    and the newsroom keys every event by its id, so all events of one incident
    come in order from one partition.
    """

    def __init__(self) -> None:
        self.live: dict[str, Event] = {}
        self.applied = 0

    def apply(self, key: str, event: Event) -> None:
        if event.get("op") == "retract":
            self.live.pop(key, None)
        else:
            self.live[key] = event
        self.applied += 1

    def counts(self) -> dict[str, dict[str, int]]:
        """Incidents per kind and COUNTRY/YEAR, each real-world incident (``incident_key``) once.

        A simpler rule than the newsroom's own table, which also merges reports of one
        incident dated with different precision: a service picks the rule it needs.
        """
        keys: dict[str, dict[str, set[str]]] = {}
        for event in self.live.values():
            year = event["incident_key"].split(":", 3)[3][:4]
            cell = f"{event['country']}/{year}"
            keys.setdefault(event["kind"], {}).setdefault(cell, set()).add(event["incident_key"])
        return {kind: {cell: len(found) for cell, found in sorted(cells.items())} for kind, cells in keys.items()}


async def consume(bootstrap: str, topic: str, state: IncidentState,
                  until: Callable[[IncidentState], bool] = lambda state: False) -> IncidentState:
    """Apply every event of ``topic`` from its beginning, then follow it; return once ``until(state)`` holds.

    No consumer group: each instance reads all partitions and commits nothing, since
    its state lives in memory and is rebuilt from the log at start. A service that
    stores its state durably would commit offsets in the same transaction as the state.
    """
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        async for message in consumer:
            if message.key is None or message.value is None:
                continue
            event = json.loads(message.value)
            state.apply(message.key.decode(), event)
            log.info("%s %s; counts now %s", event.get("op"), message.key.decode(), state.counts())
            if until(state):
                break
    finally:
        await consumer.stop()
    return state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"))
    parser.add_argument("--topic", default=os.environ.get("NEWSROOM_TOPIC_PREFIX", "") + "newsroom.incidents.v1")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        asyncio.run(consume(args.bootstrap, args.topic, IncidentState()))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
