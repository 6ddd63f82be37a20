"""200 dashboards open on one worker cost its processing and its /api/counts answers little (issue 20, case 4).

Measured against a yardstick taken beside it in the same run: rounds of new versions
of the same articles (the same work each time, a view of constant size) are processed with no client and with 200 event-stream clients, in the order
none, clients, clients, none, ... (so neither side gets the later, larger view more
often), while one client asks /api/counts again and again. Each pair of neighbouring
rounds gives a ratio, with clients over without, under the same load from the rest of
the machine; the median ratio, of the time to process a round and of the median
/api/counts latency, may be at most 1.2 (the latency's, or the clients may add at most a millisecond to it:
a cached answer takes about 1.5 ms, which the load from elsewhere moves by a third). The clients live in a process of
their own (tests/audience.py) and read everything they are sent.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from newsroom_dev.generator import generate
from streams.config import Settings
from streams.kafka.client import ensure_topics, publish
from streams.kafka.monitor import wait_until_idle

from conftest import on_one_broker

pytestmark = pytest.mark.integration

CLIENTS = 200
ARTICLES_PER_ROUND = 60
ORDER = ["none", "clients", "clients", "none"] * 4
PRELOAD = 600  # the view's size, kept through the rounds: the snapshot is not trivial to compute
SEED = 20
ALLOWED = 1.2  # with clients / without, for the median time to process a round and the median /api/counts latency
# A cached /api/counts answers in about 1.5 ms, and a median that small moves by a third with the load from the
# rest of a 2-core machine (the test's own clients included): the latency is within 20% or within this much.
LATENCY_SLACK_SECONDS = 0.001
PROBE_GAP_SECONDS = 0.02
WAIT_SECONDS = 300.0  # an upper bound for the pipeline, not a latency assertion
AUDIENCE = Path(__file__).resolve().parent / "audience.py"


async def _probe_counts(session: aiohttp.ClientSession, url: str, latencies: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        began = time.perf_counter()
        async with session.get(url) as response:
            assert response.status == 200
            await response.read()
        latencies.append(time.perf_counter() - began)
        await asyncio.sleep(PROBE_GAP_SECONDS)


def _versions(version: int) -> list[dict]:
    """A new version of the first articles of the view: every round has the same work, and the view keeps its size."""
    return [{**article, "version": version} for article in generate(ARTICLES_PER_ROUND, seed=SEED)]


async def _round(settings: Settings, worker: subprocess.Popen[bytes], version: int,
                 session: aiohttp.ClientSession) -> tuple[float, list[float]]:
    """Seconds from the first article published to all processed and in the view, and the /api/counts latencies."""
    latencies: list[float] = []
    stop = asyncio.Event()
    url = f"http://{settings.web_host}:{settings.web_port}/api/counts"
    probe = asyncio.ensure_future(_probe_counts(session, url, latencies, stop))
    began = time.perf_counter()
    await publish(settings, _versions(version))
    await wait_until_idle(settings, timeout=WAIT_SECONDS, poll=0.1, alive=lambda: worker.poll() is None)
    took = time.perf_counter() - began
    stop.set()
    await probe
    return took, latencies


def _audience(settings: Settings) -> subprocess.Popen[str]:
    audience = subprocess.Popen([sys.executable, str(AUDIENCE), settings.web_host, str(settings.web_port), str(CLIENTS)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert audience.stdout is not None and audience.stdout.readline().strip() == "ready"
    return audience


def _dismiss(audience: subprocess.Popen[str]) -> dict[str, list]:
    out, _ = audience.communicate(timeout=60)  # closes its stdin: it reports what it received and exits
    return json.loads(out.strip().splitlines()[-1])


@on_one_broker()
def test_200_dashboard_clients_keep_processing_and_counts_latency_within_20_percent(settings: Settings, workers) -> None:
    async def scenario() -> tuple[list[tuple[str, float, list[float]]], list[list[int]]]:
        await ensure_topics(settings)
        worker = workers.start(settings)
        await publish(settings, generate(PRELOAD, seed=SEED))
        await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=lambda: worker.poll() is None)
        rounds: list[tuple[str, float, list[float]]] = []
        received: list[list[int]] = []
        async with aiohttp.ClientSession() as session:
            for number, mode in enumerate(ORDER):
                audience = await asyncio.to_thread(_audience, settings) if mode == "clients" else None
                rounds.append((mode, *await _round(settings, worker, 2 + number, session)))
                if audience is not None:
                    await asyncio.sleep(settings.snapshot_interval_ms / 1000 + 0.5)  # the round's last snapshot reaches them
                    report = await asyncio.to_thread(_dismiss, audience)
                    assert report["failed"] == []
                    received.append(report["received"])
        return rounds, received

    rounds, received = asyncio.run(scenario())
    # Each pair of neighbouring rounds has one of each: its ratio is measured under the same load from elsewhere.
    pairs = [dict(((m1, (t1, l1)), (m2, (t2, l2)))) for (m1, t1, l1), (m2, t2, l2) in zip(rounds[::2], rounds[1::2])]
    processing = statistics.median(p["clients"][0] / p["none"][0] for p in pairs)
    counts = statistics.median(statistics.median(p["clients"][1]) / statistics.median(p["none"][1]) for p in pairs)
    counts_added = statistics.median(statistics.median(p["clients"][1]) - statistics.median(p["none"][1]) for p in pairs)
    seconds = {mode: statistics.median(t for m, t, _ in rounds if m == mode) for mode in ("none", "clients")}
    latency = {mode: statistics.median(x for m, _, ls in rounds if m == mode for x in ls) for mode in ("none", "clients")}
    print(f"\n{CLIENTS} clients, {ARTICLES_PER_ROUND} articles a round, median of {len(pairs)} pairs of rounds: "
          f"processing x{processing:.2f} ({seconds['none']:.2f} s without, {seconds['clients']:.2f} s with); "
          f"/api/counts latency x{counts:.2f} ({latency['none'] * 1000:.1f} ms without, "
          f"{latency['clients'] * 1000:.1f} ms with); snapshots per client a round: "
          f"{min(min(r) for r in received)} to {max(max(r) for r in received)}")
    # Every client was live: its first snapshot, and at least one more pushed while the round's articles came in.
    assert all(min(r) >= 2 for r in received)
    detail = "; ".join(f"{mode} {took:.2f} s, {statistics.median(ls) * 1000:.1f} ms" for mode, took, ls in rounds)
    assert processing <= ALLOWED, detail
    assert counts <= ALLOWED or counts_added <= LATENCY_SLACK_SECONDS, detail
