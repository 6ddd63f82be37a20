"""Crashes, replays and two workers against the real broker: the same counts and derived state as a clean run."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import shutil
import signal
import subprocess
import sys

import aiohttp
import orjson
import pytest

from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.model.article import TEXT_FIELDS
from streams.model.ledger import ArticleState
from streams.kafka.broker import detect_profile, free_port
from streams.agents.worker import stop_workers
from streams.kafka.client import end_offsets, ensure_topics, live_state, publish, read_topic
from streams.kafka.monitor import get_json, processed, wait_until_idle

from conftest import expected_counts, DEV_CORPUS, ROOT

pytestmark = pytest.mark.integration


def corpus_with_versions() -> list[dict]:
    """The dev corpus, each article also updated once (same text, version 2): more records, same outcome."""
    documents = read_documents([DEV_CORPUS])
    return documents + [{**d, "version": 2, "action": "update"} for d in documents]


def stub(document: dict) -> dict:
    """The first version of a breaking story: a holding line that derives nothing, before the full text."""
    kept = {k: v for k, v in document.items() if k not in TEXT_FIELDS}
    return {**kept, "version": 1, "action": "publish", "headline": "Developing story",
            "body": "This story is developing. It will be updated as more details become available."}


def corpus_stub_first() -> list[dict]:
    """Each dev article first as a stub, then in full (version 2): the counts are those of the full texts."""
    documents = read_documents([DEV_CORPUS])
    return [stub(d) for d in documents] + [{**d, "version": 2, "action": "update"} for d in documents]


async def ledger(settings: Settings) -> dict[str, ArticleState]:
    """The ledger table as its changelog holds it: each article's latest state."""
    states: dict[str, ArticleState] = {}
    for key, value, _ in await read_topic(settings, f"{settings.app_id}-articles-changelog"):
        state = ArticleState.from_json(None if value is None else orjson.loads(value))
        if key is not None and state is not None:
            states[orjson.loads(key)] = state
    return states


async def derived(settings: Settings) -> tuple[dict, dict]:
    incidents = {e["incident_id"]: e for e in live_state(await read_topic(settings, settings.topics.incidents))}
    statements = {e["statement_id"]: e for e in live_state(await read_topic(settings, settings.topics.statements))}
    return incidents, statements


@pytest.mark.shared
def test_a_worker_killed_mid_stream_and_restarted_ends_exactly_like_a_clean_run(settings, workers):
    # The group notices the dead worker after its session timeout (faust's 60 s on Kafka): keep the wait short,
    # the shortest Kafka accepts (group.min.session.timeout.ms, 6 s).
    settings = dataclasses.replace(settings, session_timeout=6.0)
    documents = corpus_stub_first()
    # The feed sends the stubs again once the full texts are in: each is older than the version its article is at,
    # and comes after it in its partition, so only the ledger's version check keeps it from taking the article back.
    late = [d for d in documents if d["version"] == 1]

    async def scenario() -> tuple:
        await ensure_topics(settings)
        first = workers.start(settings)
        await publish(settings, documents[:3])
        while sum(o + 1 for o in (await _raw_done(settings)).values()) < 1:  # mid-stream: some, not all, processed
            await asyncio.sleep(0.1)
        publishing = asyncio.ensure_future(publish(settings, documents[3:]))
        first.send_signal(signal.SIGKILL)
        first.wait()
        await publishing
        await publish(settings, late)  # met by the restarted worker, over the ledger the killed one left
        second = workers.start(settings)
        await wait_until_idle(settings, timeout=240, alive=lambda: second.poll() is None)
        got = await get_json(settings, "/api/counts"), await derived(settings)
        if detect_profile(settings.bootstrap).name != "kafka":
            # The embedded broker ignores a leaving member: the next start would wait out the session timeout, and
            # the suite's time is short. The restart over local state is shown on Kafka.
            stop_workers([second])  # a clean stop: the ledger's changelog holds every write
            return *got, got[0], None, None, await ledger(settings)
        stop_workers([second])
        ledger_ends = await end_offsets(settings, f"{settings.app_id}-articles-changelog")
        lost = max(ledger_ends, key=lambda partition: ledger_ends[partition])
        (store,) = settings.table_store_path().glob(f"**/articles-{lost}.db")
        shutil.rmtree(store)  # one store lost: rebuilt from its changelog; the others are intact
        await publish(settings, late)  # and again, to a worker whose ledger is partly rebuilt from its changelog
        third = workers.start(settings)  # over the tables the second one left on disk
        await wait_until_idle(settings, timeout=240, alive=lambda: third.poll() is None)
        counts_after, restored = await get_json(settings, "/api/counts"), await _restored(settings)
        stop_workers([third])
        return *got, counts_after, restored, ledger_ends[lost], await ledger(settings)

    counts, (incidents, statements), counts_after, restored, lost_records, states = asyncio.run(scenario())
    if restored is not None:
        # A restart reads only what its stores lack: the whole changelog partition of the lost store, none of the
        # others.
        assert lost_records and restored == {"articles": lost_records}
    assert counts == counts_after == expected_counts(), "a stub sent again after its full text took counts back"
    assert incidents and statements
    assert all(e["article_version"] == 2 for e in [*incidents.values(), *statements.values()])
    # Every stub sent again was processed (the workers were idle) and skipped as stale: each article's ledger state
    # is still its full text's, and supports exactly the events live on the derived topics.
    assert {a: (s.version, s.killed) for a, s in states.items()} == {d["article_id"]: (2, False) for d in late}, (
        "a stub sent again after its full text moved the ledger back")
    live: dict[str, set[str]] = {d["article_id"]: set() for d in late}
    for event_id, event in [*incidents.items(), *statements.items()]:
        live[event["article_id"]].add(event_id)
    assert {a: set(s.live) for a, s in states.items()} == live


async def _restored(settings: Settings) -> dict[str, float]:
    """The changelog records each table applied at recovery (the worker's metric; a table that applied none is not
    listed)."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}/metrics") as response:
            text = await response.text()
    found = re.findall(r'^newsroom_changelog_records_restored_total\{table="(\w+)"\} (\S+)$', text, re.MULTILINE)
    return {table: float(value) for table, value in found}


async def _raw_done(settings: Settings) -> dict[str, int]:
    try:
        return (await processed(settings)).get(settings.topics.raw, {})
    except Exception:
        return {}


@pytest.mark.shared
def test_replay_rebuilds_the_same_counts_and_state_with_a_new_extractor(settings, workers):
    async def live_run() -> tuple:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await publish(settings, read_documents([DEV_CORPUS]))
        await wait_until_idle(settings, timeout=180, alive=lambda: worker.poll() is None)
        return await get_json(settings, "/api/counts"), await derived(settings)

    counts, (incidents, statements) = asyncio.run(live_run())
    workers.stop_all()
    env = {"KAFKA_BOOTSTRAP": settings.bootstrap, "NEWSROOM_APP_ID": settings.app_id,
           "NEWSROOM_TOPIC_PREFIX": settings.topics.prefix, "NEWSROOM_PARTITIONS": str(settings.partitions),
           "NEWSROOM_EXTRACTOR_VERSION": "replay-test"}
    port = free_port()
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "replay", "--port", str(port)], cwd=ROOT,
                          env={**__import__("os").environ, **env}, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert b"replay" in done.stderr  # the progress bar

    replayed_settings = dataclasses.replace(settings, web_port=free_port())

    async def after() -> tuple:
        worker = workers.start(replayed_settings)
        await wait_until_idle(replayed_settings, timeout=180, alive=lambda: worker.poll() is None)
        return await get_json(replayed_settings, "/api/counts"), await derived(replayed_settings)

    replay_counts, (replay_incidents, replay_statements) = asyncio.run(after())
    assert counts == replay_counts == expected_counts()
    assert set(replay_incidents) == set(incidents) and set(replay_statements) == set(statements)
    assert {e["extractor_version"] for e in replay_incidents.values()} == {"replay-test"}


@pytest.mark.shared
def test_two_workers_split_the_partitions_and_the_counts_stay_right(settings, workers):
    other = dataclasses.replace(settings, web_port=free_port())
    ports = [settings.web_port, other.web_port]

    async def scenario() -> tuple:
        await ensure_topics(settings)
        a, b = workers.start(settings), workers.start(other)
        await publish(settings, corpus_with_versions())
        alive = lambda: a.poll() is None and b.poll() is None  # noqa: E731
        await wait_until_idle(settings, timeout=240, alive=alive, ports=ports)
        assigned = [set((await _status(settings, port))["assigned"]) for port in ports]
        counts = [await get_json(settings, "/api/counts", port=port) for port in ports]
        return counts, assigned

    counts, assigned = asyncio.run(scenario())
    assert counts == [expected_counts(), expected_counts()], "each worker answers for the whole table"
    raw = [{tp for tp in worker if tp.startswith(settings.topics.raw + ":")} for worker in assigned]
    assert raw[0] and raw[1] and not raw[0] & raw[1], "both workers own raw partitions, none twice"


async def _status(settings: Settings, port: int) -> dict:
    return await get_json(settings, "/api/status", port=port)


def _scenario_files(folder, reverse: bool) -> None:
    """The issue's scenario as files whose names give the publication order (reversed on request)."""
    from test_ledger import scenario

    documents = scenario()
    order = list(reversed(documents)) if reverse else documents
    for n, document in enumerate(order):
        (folder / f"{n:02d}-{document['article_id']}-v{document['version']}.json").write_text(json.dumps(document))


@pytest.mark.parametrize("reverse", [False, True], ids=["in-order", "reversed"])
def test_demo_scenario_of_versions_duplicates_and_a_kill_in_either_order(bootstrap, tmp_path, reverse):
    _scenario_files(tmp_path, reverse)
    env = {**__import__("os").environ, "KAFKA_BOOTSTRAP": bootstrap, "NEWSROOM_TOPIC_PREFIX": f"scn{int(reverse)}.",
           "NEWSROOM_APP_ID": f"newsroom-scenario-{int(reverse)}"}
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "demo", str(tmp_path), "--once", "--json",
                           "--port", str(free_port())], cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    result = json.loads(done.stdout)
    assert result["counts"] == {
        "airspace_violation": {"EE/2025": 1, "PL/2025": 1, "RO/2025": 1},
        "drone_sighting": {"DK/2025": 1, "NO/2025": 1},
        "article4_request": {"EE/2025": 1, "PL/2025": 1},
    }
    live = result["incidents"] + result["statements"]
    assert not [e for e in live if e["article_id"].startswith("dev-japan")]
    estonia = [e for e in result["incidents"] if e["article_id"] == "dev-estonia-migs-2025-09-19"
               and e["kind"] == "airspace_violation"]
    assert [(e["article_version"], e["duration_minutes"]) for e in estonia] == [(2, 12.0)]
