"""``newsroom tail``: its lines, its parser, and following a topic on the real broker until Ctrl-C."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys

import pytest

from streams.config import Settings
from streams.inputs.tail import add_parser, readable
from streams.kafka.client import ensure_topics, publish_records
from streams.model.events import Event, EventSpeaker, encode_event

from derived import incident, retracted, statement

WAIT_SECONDS = 60.0  # an upper bound, not a latency assertion


def test_readable_lines_show_upserts_and_retractions() -> None:
    upsert = incident(1, count=3, model="MiG-31", duration_minutes=12.0, location="Vaindloo island")
    line = readable(upsert)
    assert line.startswith("+ 2025-09-19") and "airspace_violation  EE by RU" in line
    assert "3x MiG-31, 12 min, Vaindloo island" in line and "[a1 v1]" in line
    said = readable(statement(2, "Kristen Michal", "Estonia", None,
                              speaker=EventSpeaker("Kristen Michal", "person", "Prime Minister", "Estonia")))
    assert said.startswith("+ undated") and "Kristen Michal (Prime Minister, Estonia) [direct]: \u201cwords\u201d" in said
    assert readable(retracted(incident(1, incident_id="x:1"))) == "- retracted incident x:1"


def test_the_subcommand_registers_on_the_newsroom_parser() -> None:
    parser = argparse.ArgumentParser(prog="newsroom")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["tail", "statements", "--from-beginning", "--json"])
    assert (args.stream, args.from_beginning, args.json, args.func.__name__) == ("statements", True, True, "cmd_tail")
    with pytest.raises(SystemExit):
        parser.parse_args(["tail", "articles"])


async def _send(settings: Settings, topic: str, events: list[Event]) -> None:
    await publish_records(settings, [(e.event_id.encode(), encode_event(e)) for e in events], topic=topic)


async def _spawn_tail(settings: Settings, *args: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "KAFKA_BOOTSTRAP": settings.bootstrap, "NEWSROOM_TOPIC_PREFIX": settings.topics.prefix,
           "NEWSROOM_LOG_FORMAT": "json"}
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "streams.cli.main", "tail", *args, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def _until_following(process: asyncio.subprocess.Process) -> None:
    """Wait for the log line saying the tail has taken its start positions."""
    while True:
        line = await asyncio.wait_for(process.stderr.readline(), WAIT_SECONDS)
        assert line, "tail exited before following"
        if b'"following"' in line:
            return


async def _lines(process: asyncio.subprocess.Process, n: int) -> list[str]:
    return [(await asyncio.wait_for(process.stdout.readline(), WAIT_SECONDS)).decode() for _ in range(n)]


async def _interrupt(process: asyncio.subprocess.Process) -> tuple[int, bytes]:
    process.send_signal(signal.SIGINT)
    _, stderr = await asyncio.wait_for(process.communicate(), WAIT_SECONDS)
    return process.returncode, stderr


@pytest.mark.integration
def test_tail_follows_a_derived_topic_until_ctrl_c(settings: Settings) -> None:
    old, new = incident(1), retracted(incident(1))

    async def scenario() -> tuple[list[str], list[str], int, bytes]:
        await ensure_topics(settings)
        await _send(settings, settings.topics.incidents, [old])
        everything = await _spawn_tail(settings, "incidents", "--from-beginning", "--json")
        only_new = await _spawn_tail(settings, "incidents")
        await asyncio.gather(_until_following(everything), _until_following(only_new))
        await _send(settings, settings.topics.incidents, [new])
        json_lines, text_lines = await asyncio.gather(_lines(everything, 2), _lines(only_new, 1))
        code, stderr = await _interrupt(everything)
        await _interrupt(only_new)
        return json_lines, text_lines, code, stderr

    json_lines, text_lines, code, stderr = asyncio.run(scenario())
    assert [line.encode() for line in json_lines] == [encode_event(old) + b"\n", encode_event(new) + b"\n"]
    assert text_lines == [f"- retracted incident {old.incident_id}\n"]
    assert code == 0 and b"Traceback" not in stderr
