"""``newsroom tail incidents|statements``: follow a derived topic from a terminal.

It reads the topic as any downstream subscriber would (plain aiokafka, no worker
involved), so what it prints is what subscribers get, retractions included.
Partitions are assigned rather than subscribed: a tail needs no consumer group,
commits nothing, and does not wait for a group join (slow on the embedded broker).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from typing import Any, TextIO

import structlog
from aiokafka import AIOKafkaConsumer

from streams.config import Settings, Topics
from streams.kafka.client import check_broker
from streams.model.events import (Event, EventDate, IncidentEvent, IncidentRetraction, StatementEvent,
                                  NotAnEvent, StatementRetraction, encode_event, event_type, read_event)
from streams.view.whole import topic_partitions

log = structlog.get_logger(__name__)

STREAMS: dict[str, Callable[[Topics], str]] = {
    "incidents": lambda topics: topics.incidents,
    "statements": lambda topics: topics.statements,
}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``tail`` on the ``newsroom`` command's subparsers (``cmd_tail`` is its ``func``)."""
    parser = subparsers.add_parser("tail", help="follow derived incidents or statements as they are published")
    parser.add_argument("stream", choices=sorted(STREAMS), help="which derived topic to follow")
    parser.add_argument("--from-beginning", action="store_true", help="print the whole topic first (default: only new events)")
    parser.add_argument("--json", action="store_true", help="one JSON event per line instead of readable lines")
    parser.set_defaults(func=cmd_tail)
    return parser


def cmd_tail(args: argparse.Namespace) -> int:
    """Follow until Ctrl-C, which is the normal way to stop: no traceback, exit status 0."""
    settings = Settings.from_env()
    asyncio.run(check_broker(settings))
    try:
        asyncio.run(tail(settings, args.stream, args.from_beginning, args.json, sys.stdout))
    except KeyboardInterrupt:
        pass
    return 0


async def tail(settings: Settings, stream: str, from_beginning: bool, as_json: bool, out: TextIO) -> None:
    render = (lambda event: encode_event(event).decode()) if as_json else readable
    async for event in follow(settings, STREAMS[stream](settings.topics), from_beginning):
        out.write(render(event) + "\n")
        out.flush()  # a pipe would otherwise hold lines back until its buffer fills


async def follow(settings: Settings, topic: str, from_beginning: bool) -> AsyncIterator[Event]:
    """Every event of ``topic`` from now on (or from the start), in partition order, forever; a record that is no
    derived event is passed over with a warning."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False, group_id=None)
    await consumer.start()
    try:
        tps = await topic_partitions(consumer, topic)
        consumer.assign(tps)
        if from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
        for tp in tps:  # resolve the positions now, so that "following" really means from here
            await consumer.position(tp)
        log.info("following", topic=topic, partitions=len(tps), from_beginning=from_beginning)
        async for message in consumer:
            event = read_event(message.value)
            if isinstance(event, NotAnEvent):
                log.warning("skipped a record that is no derived event", topic=topic, partition=message.partition,
                            offset=message.offset, reason=event.reason)
            else:
                yield event
    finally:
        await consumer.stop()


def _when(date: EventDate | None) -> str:
    return date.value if date else "undated"


def _incident(event: IncidentEvent) -> str:
    what = [f"{event.count}x" if event.count else None, event.model or event.platform]
    details = [" ".join(w for w in what if w and w != "unknown") or None,
               f"{event.duration_minutes:g} min" if event.duration_minutes else None,
               event.location]
    by = f" by {event.violator}" if event.violator else ""
    return (f"+ {_when(event.occurred_on):<10}  {event.kind}  {event.country}{by}"
            f"  {', '.join(d for d in details if d)}  [{event.article_id} v{event.article_version}]")


def _statement(event: StatementEvent) -> str:
    speaker = event.speaker
    about = ", ".join(x for x in (speaker.role, speaker.organization) if x)
    who = f"{speaker.name} ({about})" if about else speaker.name
    return (f"+ {_when(event.said_on):<10}  {who} [{event.mode}]: \u201c{event.quote}\u201d"
            f"  [{event.article_id} v{event.article_version}]")


def readable(event: Event) -> str:
    """One line per event: ``+`` an upsert (new or changed), ``-`` a retraction."""
    if isinstance(event, IncidentRetraction | StatementRetraction):
        return f"- retracted {event_type(event)} {event.event_id}"
    return _incident(event) if isinstance(event, IncidentEvent) else _statement(event)
