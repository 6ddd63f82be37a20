"""``newsroom bench --history N``: a worker over N derived events, its memory, restart and query latencies.

The derived topics are written directly (no extraction): N incident and statement
events of generated articles, spread over many count cells and years, a share of them
corrected or killed later, each with the tally updates the extraction agent writes for
it (marked as taken by the worker's tally agent: what is measured is the whole view). One worker folds them into
its store; then it is stopped and started again on the
same store (restart to ready); then the API is sampled: ``/api/counts``, the drill-down
of a count cell, a filtered incident page and the counts as of a time. The yardstick is
the in-memory view (``NEWSROOM_VIEW_STORE=memory``) at a small N, measured in the same
run beside the store at that N.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import msgspec
import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from newsroom_dev.bench import _own_peak_rss_mb, broker, percentile, peak_rss_mb, tenant
from streams.agents.worker import spawn_worker, stop_workers
from streams.config import Settings
from streams.kafka.broker import profile_for
from streams.kafka.client import ensure_topics
from streams.model.article import Article
from streams.model.counting import tally_updates
from streams.model.events import Event, IncidentEvent, StatementEvent, Upsert, encode_event, event_type, retraction
from streams.model.keys import INCIDENT_KINDS

log = structlog.get_logger(__name__)

COUNTRIES = ("AL", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE", "GR", "HR", "HU", "IE",
             "IS", "IT", "JP", "KR", "LT", "LU", "LV", "MD", "ME", "MK", "MT", "NL", "NO", "PH", "PL", "PT", "RO", "SE",
             "SI", "SK", "TR", "UA")
VIOLATORS = ("RU", "BY", "CN", "KP", "-")
FIRST_YEAR, YEARS = 2006, 20
SPEAKERS = 5000
ORGANIZATIONS = ("NATO", "European Commission", "Ministry of Defence", "Armed Forces", None)
NEW_INCIDENT, RECENT_INCIDENTS = 0.25, 2000  # an article reports a new incident, or one of the last reported
CORRECTED, KILLED = 0.05, 0.01  # shares of articles given a later version, and of those withdrawn
SEND_CHUNK = 20000
# As-of folds every cell's history published by then (no index bounds it): a twentieth of the samples, at least five.
AS_OF_SHARE, AS_OF_SAMPLES_MIN = 20, 5
POLL_SECONDS = 0.2


@dataclasses.dataclass(frozen=True, slots=True)
class Written:
    events: int  # incident and statement events on the derived topics
    records: int  # with the tally updates
    first: dt.datetime
    last: dt.datetime


def _article(n: int, version: int, published: dt.datetime) -> Article:
    return Article(article_id=f"hist-{n:07d}", version=version, action="publish", published_at=published,
                   headline=f"Generated report {n}", body="Jets crossed into the airspace on Monday. " * 3)


def _new_incident(rnd: random.Random) -> tuple[str, str, str, str]:
    """A real-world incident: (kind, country, violator, date), a day or (a fifth of them) only a month."""
    kind, country = rnd.choice(INCIDENT_KINDS), rnd.choice(COUNTRIES)
    day = dt.date(FIRST_YEAR + rnd.randrange(YEARS), 1, 1) + dt.timedelta(days=rnd.randrange(365))
    return kind, country, rnd.choice(VIOLATORS), day.isoformat() if rnd.random() < 0.8 else day.isoformat()[:7]


def _reported(rnd: random.Random, recent: list[tuple[str, str, str, str]]) -> tuple[str, str, str, str]:
    """The incident an article reports: a new one, or (as wires cover one incident in several stories) a recent one."""
    if not recent or rnd.random() < NEW_INCIDENT:
        recent.append(_new_incident(rnd))
        if len(recent) > RECENT_INCIDENTS:
            recent.pop(0)
        return recent[-1]
    return rnd.choice(recent)


def _incident(n: int, version: int, rnd: random.Random, reported: tuple[str, str, str, str]) -> IncidentEvent:
    kind, country, violator, when = reported
    return msgspec.convert({"type": "incident", "op": "upsert", "schema_version": 1, "incident_id": f"hist-{n:07d}:{kind}:1",
            "incident_key": f"{kind}:{country}:{violator}:{when}", "article_id": f"hist-{n:07d}", "article_version": version,
            "kind": kind, "country": country, "violator": None if violator == "-" else violator,
            "attribution": "attributed", "platform": "aircraft", "model": None, "count": rnd.randint(1, 5),
            "duration_minutes": None, "occurred_on": {"value": when, "precision": "day" if len(when) == 10 else "month"},
            "location": None, "evidence": [{"field": "body", "start": 0, "end": 20, "text": "Jets crossed into the"}],
            "confidence": 0.9, "extractor_version": "bench-history"}, IncidentEvent)


def _statement(n: int, version: int, rnd: random.Random, published: dt.datetime) -> StatementEvent:
    speaker = rnd.randrange(SPEAKERS)
    return msgspec.convert({"type": "statement", "op": "upsert", "schema_version": 1, "statement_id": f"hist-{n:07d}:s1",
            "article_id": f"hist-{n:07d}", "article_version": version,
            "speaker": {"name": f"Speaker {speaker}", "kind": "person", "role": None,
                        "organization": ORGANIZATIONS[speaker % len(ORGANIZATIONS)]},
            "mode": "direct", "quote": "We will defend every part of our territory.", "cue": "told reporters",
            "said_on": {"value": published.date().isoformat(), "precision": "day"},
            "evidence": [{"field": "body", "start": 0, "end": 20, "text": "Jets crossed into the"}], "confidence": 0.9,
            "extractor_version": "bench-history"}, StatementEvent)


def _corrected(event: Upsert) -> Upsert:
    """The article's second version: the same event, more confident."""
    return msgspec.structs.replace(event, article_version=2, confidence=0.95)


def derived_records(events: int, settings: Settings, seed: int = 11) -> Iterator[tuple[str, bytes, bytes]]:
    """(topic, key, value) of ``events`` derived events and their tally updates, deterministic for a seed: each
    article one incident (a new one or a recent one again) and one statement, published 17 minutes apart; some
    corrected or killed later."""
    rnd = random.Random(seed)
    names = settings.topics
    start = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.timezone.utc)
    written, n = 0, 0
    later: list[tuple[int, list[Upsert]]] = []  # articles to be corrected or killed later, with their events
    recent: list[tuple[str, str, str, str]] = []
    while written < events:
        published = start + dt.timedelta(minutes=17 * n)
        if later and rnd.random() < CORRECTED:
            old_n, old = later.pop(rnd.randrange(len(later)))
            article = _article(old_n, 2, published)
            changed: list[Event] = [retraction(e, article) for e in old] if rnd.random() < KILLED / CORRECTED else \
                [_corrected(e) for e in old]
        else:
            article = _article(n, 1, published)
            fresh: list[Upsert] = [_incident(n, 1, rnd, _reported(rnd, recent)), _statement(n, 1, rnd, published)]
            if rnd.random() < CORRECTED * 2:
                later.append((n, fresh))
            changed = list(fresh)
            n += 1
        for event in changed:
            topic = names.incidents if event_type(event) == "incident" else names.statements
            yield topic, event.event_id.encode(), encode_event(event)
            for cell, update in tally_updates(event, article):
                yield names.tallies, cell.encode(), update.encode()
            written += 1


async def write_history(settings: Settings, events: int) -> Written:
    """The derived events onto their topics, sent in chunks and each chunk awaited."""
    await ensure_topics(settings)
    # Tansu reads end offsets wrong after multi-record batches (../shared/BROKER.md): one record per batch there.
    batch = profile_for(settings).producer_max_batch_size or 256 * 1024
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks=1, linger_ms=20, max_batch_size=batch)
    await producer.start()
    records, began = 0, time.perf_counter()
    try:
        pending = []
        for topic, key, value in derived_records(events, settings):
            pending.append(await producer.send(topic, key=key, value=value))
            records += 1
            if len(pending) >= SEND_CHUNK:
                await asyncio.gather(*pending)
                pending.clear()
                log.info("writing the history", records=records, per_s=round(records / (time.perf_counter() - began)))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    await _tallies_taken(settings)
    start = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.timezone.utc)
    return Written(events=events, records=records, first=start, last=start + dt.timedelta(minutes=17 * events))


async def _tallies_taken(settings: Settings) -> None:
    """Commit the worker's group past the tally updates, as if its tally agent (alerts, owned cells) had taken them
    when they were written: this bench measures the whole view, which reads them with a consumer of its own."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=settings.app_id, enable_auto_commit=False)
    await consumer.start()
    try:
        tps = [TopicPartition(settings.topics.tallies, p) for p in range(settings.partitions)]
        consumer.assign(tps)
        await consumer.commit(await consumer.end_offsets(tps))
    finally:
        await consumer.stop()


async def _get(session: aiohttp.ClientSession, settings: Settings, path: str) -> tuple[int, Any]:
    async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
        return response.status, await response.json(content_type=None)


async def _until_ready(session: aiohttp.ClientSession, settings: Settings, process: Any, timeout: float) -> float:
    """Seconds until the worker's /api/ready answers 200 and its view has settled (a count answered)."""
    began, deadline = time.perf_counter(), time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the worker exited before it was ready")
        try:
            status, _ = await _get(session, settings, "/api/ready")
            if status == 200:
                return time.perf_counter() - began
        except (aiohttp.ClientError, asyncio.TimeoutError):
            pass
        await asyncio.sleep(POLL_SECONDS)
    raise TimeoutError(f"the worker was not ready within {timeout:.0f}s")


async def _sample(session: aiohttp.ClientSession, settings: Settings, paths: list[str]) -> list[float]:
    """Milliseconds per request, one at a time."""
    took = []
    for path in paths:
        began = time.perf_counter()
        status, _ = await _get(session, settings, path)
        took.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return took


def _paths(written: Written, samples: int, cells: list[tuple[str, str]], seed: int = 5) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    span = (written.last - written.first).total_seconds()
    as_of = [(written.first + dt.timedelta(seconds=rnd.random() * span)).isoformat().replace("+00:00", "Z")
             for _ in range(samples)]
    return {
        "counts": ["/api/counts"] * samples,
        "drilldown": [f"/api/counts/{kind}/{cell}" for kind, cell in (rnd.choice(cells) for _ in range(samples))],
        "page": [f"/api/incidents?kind={rnd.choice(INCIDENT_KINDS)}&country={rnd.choice(COUNTRIES)}&limit=50"
                 for _ in range(samples)],
        "as_of": [f"/api/counts?as_of={t}" for t in as_of[:max(AS_OF_SAMPLES_MIN, samples // AS_OF_SHARE)]],
    }


async def measure_worker(settings: Settings, written: Written, samples: int, timeout: float) -> dict[str, Any]:
    """One worker folds the history from nothing, is stopped, started again on its store, and sampled."""
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600))
    try:
        process = spawn_worker(settings)
        first_ready = await _until_ready(session, settings, process, timeout)
        settled_began = time.perf_counter()
        await _get(session, settings, "/api/counts")
        settled = time.perf_counter() - settled_began
        first_rss = _own_peak_rss_mb(process.pid)
        stop_workers([process])
        process = spawn_worker(settings)
        restart = await _until_ready(session, settings, process, timeout)
        _, counts = await _get(session, settings, "/api/counts")
        cells = [(kind, cell) for kind, table in counts.items() for cell in table]
        latencies = {name: await _sample(session, settings, paths)
                     for name, paths in _paths(written, samples, cells).items()}
        rss, rss_all = _own_peak_rss_mb(process.pid), peak_rss_mb(process.pid)
        stop_workers([process])
    finally:
        await session.close()
    return {"first_ready_s": first_ready, "first_settle_s": settled, "first_peak_rss_mb": first_rss,
            "restart_ready_s": restart, "peak_rss_mb": max(rss, first_rss), "peak_rss_with_extraction_mb": rss_all,
            **{f"p50_{name}_ms": statistics.median(took) for name, took in latencies.items()},
            **{f"p99_{name}_ms": percentile(took, 0.99) for name, took in latencies.items()}}


def _one(bootstrap: str, data_dir: Path, events: int, view_store: str, samples: int, timeout: float) -> dict[str, Any]:
    """One tenant's history written and one worker measured over it, its state in ``data_dir`` (removed after)."""
    settings = dataclasses.replace(tenant(bootstrap, partitions=4), view_store=view_store, data_dir=data_dir)
    written = asyncio.run(write_history(settings, events))
    log.info("history written", events=written.events, records=written.records, view=view_store)
    result = asyncio.run(measure_worker(settings, written, samples, timeout))
    log.info("history measured", events=events, view=view_store, **{k: round(v, 2) for k, v in result.items()})
    return {"events": events, "records": written.records, **result}


def run_history(events: int, yardstick_events: int, samples: int, broker_choice: str,
                timeout: float = 3600.0) -> dict[str, Any]:
    """The store at ``events`` beside the store and the in-memory view at ``yardstick_events``."""
    small = min(events, yardstick_events)
    with broker("kafka" if broker_choice == "auto" else broker_choice) as (bootstrap, name), \
            tempfile.TemporaryDirectory(prefix="newsroom-history-") as data_dir:
        memory = _one(bootstrap, Path(data_dir), small, "memory", samples, timeout)
        store_small = _one(bootstrap, Path(data_dir), small, "sqlite", samples, timeout)
        store = _one(bootstrap, Path(data_dir), events, "sqlite", samples, timeout) if events > small else store_small
    articles = (store["events"] - store_small["events"]) / 2
    slope = (store["peak_rss_mb"] - store_small["peak_rss_mb"]) * 1024 / articles if articles else None
    return {
        "broker": name,
        "history_events": events,
        "history_records": store["records"],
        "history_peak_rss_mb": store["peak_rss_mb"],
        "history_restart_ready_s": store["restart_ready_s"],
        "history_first_ready_s": store["first_ready_s"],
        "history_first_settle_s": store["first_settle_s"],
        "history_rss_slope_kb_per_article": slope,
        **{f"history_{k}": v for k, v in store.items() if k.startswith(("p50_", "p99_"))},
        "yardstick": {"events": small, "memory": memory, "store": store_small,
                      "store_vs_memory": {k: store_small[k] / memory[k] for k in memory
                                          if isinstance(memory[k], float) and memory[k]}},
    }


def render_history(result: dict[str, Any]) -> str:
    small = result["yardstick"]
    lines = [f"history bench on {result['broker']}: {result['history_events']:,} derived events "
             f"({result['history_records']:,} records with tally updates)"]
    rows = [("peak RSS (MB, worker)", "peak_rss_mb"), ("restart to ready (s)", "restart_ready_s"),
            ("first start to ready (s)", "first_ready_s"), ("counts p50/p99 (ms)", "counts"),
            ("drill-down p50/p99 (ms)", "drilldown"), ("filtered page p50/p99 (ms)", "page"), ("as-of p50/p99 (ms)", "as_of")]
    lines.append(f"{'':28}{'store at N':>22}{'store at ' + str(small['events']):>22}{'memory at ' + str(small['events']):>22}")
    store = {k.removeprefix("history_"): v for k, v in result.items() if k.startswith("history_")}
    for label, key in rows:
        cells = []
        for figures in (store, small["store"], small["memory"]):
            if f"p50_{key}_ms" in figures:
                cells.append(f"{figures[f'p50_{key}_ms']:.1f} / {figures[f'p99_{key}_ms']:.1f}")
            else:
                cells.append(f"{figures[key]:.1f}")
        lines.append(f"{label:28}" + "".join(f"{c:>22}" for c in cells))
    if result["history_rss_slope_kb_per_article"] is not None:
        lines.append(f"RSS slope: {result['history_rss_slope_kb_per_article']:.3f} KB per article")
    return "\n".join(lines)
