"""What an operator meets at the command line: one line naming the problem and its fix, never a traceback.

Every command runs as a subprocess, as an operator runs it; the exit status is 2 for a
usage error and 1 for a service that is missing or busy.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web as aioweb
from aiohttp.test_utils import TestClient, TestServer

from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from newsroom_dev.bench import render_bench
from streams.config import Settings
from streams.kafka.broker import answers_metadata, free_port
from streams.kafka.client import ensure_topics, live_state, publish, read_topic
from streams.kafka.monitor import wait_until_assigned, wait_until_idle
from streams.view import api, openapi
from streams.view.web import recovery_guard

from conftest import ROOT

COMMAND_SECONDS = 180  # a worker or replay subprocess loads spaCy and joins a group: slow on a busy machine


def newsroom(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams.cli.main", *args], cwd=ROOT, capture_output=True,
                          env={**os.environ, "NEWSROOM_LOG_FORMAT": "json", **(env or {})}, timeout=COMMAND_SECONDS)


def one_error(done: subprocess.CompletedProcess[bytes], status: int) -> dict[str, str]:
    """The single stderr line of a failed command, as its JSON log record."""
    stderr = done.stderr.decode()
    assert done.returncode == status, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    record = json.loads(lines[0])
    assert record["level"] == "error"
    return record


def group_env(settings: Settings) -> dict[str, str]:
    return {"KAFKA_BOOTSTRAP": settings.bootstrap, "NEWSROOM_APP_ID": settings.app_id,
            "NEWSROOM_TOPIC_PREFIX": settings.topics.prefix, "NEWSROOM_PARTITIONS": str(settings.partitions)}


def test_counts_without_a_worker_says_to_start_one():
    port = free_port()
    record = one_error(newsroom("counts", "--port", str(port)), status=1)
    assert f"no worker answers at http://127.0.0.1:{port}/" in record["event"]
    assert "newsroom worker" in record["fix"] and "--port" in record["fix"]


@pytest.mark.parametrize("args", [["publish", "seeds"], ["tail", "incidents"], ["worker"], ["demo", "--once", "--port"]])
def test_commands_without_a_broker_say_how_to_get_one(args):
    nowhere = f"127.0.0.1:{free_port()}"
    args = [*args, str(free_port())] if args[-1] == "--port" else args
    record = one_error(newsroom(*args, env={"KAFKA_BOOTSTRAP": nowhere, "NEWSROOM_WEB_PORT": str(free_port())}),
                       status=1)
    assert record["event"] == f"no Kafka broker answers at {nowhere}"
    assert "newsroom broker" in record["fix"] and "KAFKA_BOOTSTRAP" in record["fix"]


@pytest.mark.parametrize("args, named", [
    (["replay", "--since-published", "last tuesday"], "--since-published 'last tuesday'"),
    (["replay", "--from", "2025-09-01", "--since-offset-time", "2025-09-01"], "--from is the old name of --since-offset-time"),
])
def test_replay_usage_errors_name_the_option(args, named):
    record = one_error(newsroom(*args), status=2)
    assert named in record["event"] and "newsroom replay --help" in record["fix"]


def test_an_unknown_option_is_one_line_too():
    done = newsroom("counts", "--jsn")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.decode().strip().splitlines() == [
        "newsroom: unrecognized arguments: --jsn (see newsroom --help)"]


def _listening(pid: int) -> set[tuple[str, int]]:
    """The (address, port) pairs a process listens on over TCP, read from /proc (Linux)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd) if fd.is_symlink() else ""
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = set()
    for table, width in (("tcp", 8), ("tcp6", 32)):
        for row in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = row.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                raw = bytes.fromhex(address)
                # /proc prints each 32-bit word in host (little-endian) order
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
                host = ".".join(map(str, words)) if width == 8 else words.hex()
                found.add((host, int(port, 16)))
    return found


def _lag_topics(metrics: str) -> set[str]:
    return set(re.findall(r'^newsroom_consumer_lag\{[^}]*topic="([^"]+)"', metrics, flags=re.M))


async def _poll_counts_until_ready(settings: Settings, alive, timeout: float = 120.0) -> list[tuple[int, str | None]]:
    """Every answer of /api/counts from the worker's start until it answers 200: (status, Retry-After)."""
    answers: list[tuple[int, str | None]] = []
    url = f"http://{settings.web_host}:{settings.web_port}/api/counts"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        while loop.time() < deadline and alive():
            try:
                async with session.get(url) as response:
                    answers.append((response.status, response.headers.get("Retry-After")))
                    if response.status == 200:
                        return answers
            except aiohttp.ClientConnectionError:
                pass  # the web server is not up yet
            await asyncio.sleep(0.05)
    raise AssertionError(f"/api/counts never answered 200: {answers[-3:]}")


@pytest.mark.integration
def test_a_running_worker_listens_only_on_its_host_recovers_then_answers_and_holds_its_port_and_group(
        settings, workers):
    # The replay tells live members from dead ones after two session timeouts: the shortest Kafka accepts
    # (group.min.session.timeout.ms, 6 s), on Tansu too, so the answer that live workers hold the group comes soon.
    settings = dataclasses.replace(settings, session_timeout=6.0)

    async def start() -> tuple[list, str]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        alive = lambda: worker.poll() is None  # noqa: E731
        answers = await _poll_counts_until_ready(settings, alive)
        await wait_until_assigned(settings, [settings.web_port], alive)
        await publish(settings, [{"article_id": "ops-1", "version": 1, "action": "publish",
                                  "published_at": "2025-10-02T09:00:00Z", "headline": "Quiet day at the port",
                                  "body": "The harbour master said traffic was normal on Thursday."}])
        await wait_until_idle(settings, timeout=120, alive=alive)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://{settings.web_host}:{settings.web_port}/metrics") as response:
                return answers, await response.text()

    answers, metrics = asyncio.run(start())
    # Right after the start the tables were recovering: 503 with Retry-After, then 200.
    assert answers[0][0] == 503 and int(answers[0][1]) > 0 and answers[-1][0] == 200
    worker = workers.processes[0]
    assert _listening(worker.pid) == {("127.0.0.1", settings.web_port)}
    # Lag is reported for the topics the agents consume, never for the changelogs they only write
    # (the whole view reads the derived topics with a consumer of its own, outside the group).
    names = settings.topics
    assert _lag_topics(metrics) == {names.raw, names.tallies}

    env = {**group_env(settings), "NEWSROOM_SESSION_TIMEOUT": str(settings.session_timeout)}
    for command in (["worker", "--port", str(settings.web_port)], ["replay", "--port", str(settings.web_port)]):
        record = one_error(newsroom(*command, env=env), status=1)
        assert record["event"] == f"port {settings.web_port} on 127.0.0.1 is already in use"
        assert "--port" in record["fix"]

    record = one_error(newsroom("replay", "--port", str(free_port()), env=env), status=1)
    assert record["event"] == f"other workers of group {settings.app_id!r} are running: they hold raw partitions"
    assert "stop the workers" in record["fix"]
    assert worker.poll() is None  # the replay's failure left the live worker alone


def _quoted(article_id: str, published_at: str, speaker: str) -> dict[str, object]:
    return {"article_id": article_id, "version": 1, "action": "publish", "published_at": published_at,
            "headline": "Harbour dispute", "body": f'"We will not accept new fees at the harbour," said {speaker}, '
                                                   f'the mayor of the town, on Monday.'}


@pytest.mark.integration
def test_replay_since_published_re_derives_only_articles_published_from_then_on(settings, workers):
    async def live_run() -> None:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await publish(settings, [_quoted("ops-2015", "2015-05-04T10:00:00Z", "Tomas Ekdal"),
                                 _quoted("ops-2025", "2025-05-05T10:00:00Z", "Vera Lindqvist")])
        await wait_until_idle(settings, timeout=120, alive=lambda: worker.poll() is None)

    asyncio.run(live_run())
    workers.stop_all()
    done = newsroom("replay", "--since-published", "2020-01-01T00:00:00Z", "--port", str(free_port()),
                    env={**group_env(settings), "NEWSROOM_EXTRACTOR_VERSION": "since-published-test"})
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    statements = live_state(asyncio.run(read_topic(settings, settings.topics.statements)))
    versions = {s["article_id"]: s["extractor_version"] for s in statements}
    assert set(versions) == {"ops-2015", "ops-2025"}
    assert versions["ops-2025"] == "since-published-test"  # published after the time: re-derived
    assert versions["ops-2015"] != "since-published-test"  # before it: read, but keeps its events


def test_broker_command_prints_its_export_line_serves_other_commands_and_stops_on_sigterm():
    broker = subprocess.Popen([sys.executable, "-m", "streams.cli.main", "broker"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, "NEWSROOM_LOG_FORMAT": "json"})
    try:
        line = broker.stdout.readline().decode()
        found = re.fullmatch(r"export KAFKA_BOOTSTRAP=(127\.0\.0\.1):(\d+)\n", line)
        assert found, line
        host, port = found[1], int(found[2])
        assert answers_metadata(host, port)
        bootstrap = f"{host}:{port}"
        published = newsroom("publish", "seeds", env={"KAFKA_BOOTSTRAP": bootstrap})
        assert published.returncode == 0, published.stderr.decode()
        record = one_error(newsroom("broker", "--port", str(port)), status=1)
        assert record["event"] == f"port {port} on 127.0.0.1 is already in use" and "--port" in record["fix"]
        broker.send_signal(signal.SIGTERM)
        assert broker.wait(timeout=30) == 0
        assert b"Traceback" not in broker.stderr.read()
        assert not answers_metadata(host, port)
    finally:
        if broker.poll() is None:
            broker.kill()
            broker.wait()


async def _empty(request: aioweb.Request) -> aioweb.Response:
    return aioweb.json_response({})


class _Stub:
    """Stands in for the worker in the guard: only ``recovering()`` is read."""

    def __init__(self) -> None:
        self.state = True

    def recovering(self) -> bool:
        return self.state


def test_table_backed_paths_answer_503_with_retry_after_until_recovered():
    async def scenario() -> list[tuple[str, int, str | None]]:
        worker = _Stub()
        app = aioweb.Application(middlewares=[recovery_guard(worker)])
        for path in ("/api/counts", "/api/incidents", "/api/snapshot", "/api/status", "/api/openapi.json"):
            app.router.add_get(path, _empty)
        seen = []
        async with TestClient(TestServer(app)) as client:
            for state in (True, False):
                worker.state = state
                for path in ("/api/counts", "/api/incidents", "/api/snapshot", "/api/status", "/api/openapi.json"):
                    response = await client.get(path)
                    seen.append((path, response.status, response.headers.get("Retry-After")))
        return seen

    seen = asyncio.run(scenario())
    recovering, recovered = seen[:5], seen[5:]
    assert [(p, s) for p, s, _ in recovering] == [("/api/counts", 503), ("/api/incidents", 503), ("/api/snapshot", 503),
                                                  ("/api/status", 200), ("/api/openapi.json", 200)]
    assert all(int(retry) > 0 for _, status, retry in recovering if status == 503)
    assert {status for _, status, _ in recovered} == {200}


def test_counts_from_a_recovering_worker_says_to_retry():
    async def scenario() -> tuple[int, bytes]:
        app = aioweb.Application(middlewares=[recovery_guard(_Stub())])
        app.router.add_get("/api/counts", _empty)
        async with TestServer(app, host="127.0.0.1") as server:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "streams.cli.main", "counts", "--port", str(server.port), cwd=ROOT,
                env={**os.environ, "NEWSROOM_LOG_FORMAT": "json"}, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE)
            _, stderr = await asyncio.wait_for(process.communicate(), COMMAND_SECONDS)
            return process.returncode, stderr

    code, stderr = asyncio.run(scenario())
    record = one_error(subprocess.CompletedProcess([], code, b"", stderr), status=1)
    assert record["event"].endswith("/api/counts is still recovering its tables")
    assert record["fix"] == f"retry in {api.RETRY_AFTER_SECONDS} seconds"


def test_the_openapi_document_declares_the_503_of_every_table_backed_path():
    document = openapi.document()
    validate(document)
    recovering = {"$ref": "#/components/schemas/Recovering"}
    for path, item in document["paths"].items():
        unavailable = item["get"]["responses"].get("503", {})
        declared = unavailable.get("content", {}).get("application/json", {}).get("schema") == recovering
        assert declared == (path.startswith("/api/") and path not in api.NOT_TABLE_BACKED), path
    # The probes and the event stream answer 503 for reasons of their own.
    assert {"/api/ready", "/api/events"} <= {path for path, item in document["paths"].items()
                                             if "503" in item["get"]["responses"]}
    schema = {"$ref": "#/components/schemas/Recovering", "components": document["components"]}
    Draft202012Validator(schema).validate(api.recovering_body())


def test_library_logs_share_the_format_and_their_info_chatter_is_hidden():
    # In a child process: logging is configured process-wide, and pytest's own capture must keep working.
    script = ("import logging; from streams import logs; logs.configure(level='INFO', fmt='json'); "
              "logging.getLogger('faust.tables.recovery').info('+Highwater - Active----+'); "
              "logging.getLogger('aiokafka.consumer').warning('heartbeat failed for %s', 'group-x')")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=COMMAND_SECONDS)
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and b"Highwater" not in done.stderr, done.stderr
    record = json.loads(lines[0])
    assert (record["event"], record["level"], record["logger"]) == ("heartbeat failed for group-x", "warning",
                                                                    "aiokafka.consumer")


def test_bench_prints_a_table_not_a_dict():
    table = render_bench({"broker": "Tansu (embedded, memory)", "pipeline_articles_per_s": 41.5,
                          "held_at_peak": {"articles": 300, "cells": 12},
                          "range": {"pipeline_articles_per_s": [40.2, 43.0]}})
    assert table.splitlines() == [
        "broker                               Tansu (embedded, memory)",
        "one worker, end to end (articles/s)  41.5  (40.2-43.0)",
        "held by the worker (last run)        articles: 300; cells: 12",
    ]
