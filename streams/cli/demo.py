"""``newsroom demo``: the whole pipeline on one machine, from article files to live counts."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import structlog

from streams.agents.worker import check_web_port, spawn_worker, stop_workers
from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.broker import bootstrap_servers
from streams.kafka.client import check_broker, ensure_topics, live_state, publish, read_topic
from streams.kafka.monitor import get_json, wait_until_idle
from streams.model.article import TEXT_FIELDS

log = structlog.get_logger(__name__)


async def _run(settings: Settings, documents: list[dict[str, Any]], alive: Callable[[], bool]) -> dict[str, Any]:
    await ensure_topics(settings)
    sent = await publish(settings, documents)
    log.info("published articles", count=sent, topic=settings.topics.raw)
    await wait_until_idle(settings, alive=alive)
    # Read back partition by partition, so arrival order varies between runs: sort into reading order.
    incidents = sorted(live_state(await read_topic(settings, settings.topics.incidents)), key=reading_order)
    statements = sorted(live_state(await read_topic(settings, settings.topics.statements)), key=reading_order)
    counts = await get_json(settings, "/api/counts")
    return {"incidents": incidents, "statements": statements, "counts": counts}


def reading_order(event: dict[str, Any]) -> tuple[Any, ...]:
    """Article, then where its evidence starts (headline, standfirst, body), then the id: the same order every run."""
    evidence = (event.get("evidence") or [{}])[0]
    field = evidence.get("field")
    place = TEXT_FIELDS.index(field) if field in TEXT_FIELDS else len(TEXT_FIELDS)
    return event["article_id"], place, evidence.get("start", 0), event.get("incident_id") or event.get("statement_id")


def render_text(result: dict[str, Any]) -> str:
    lines = [f"Incidents ({len(result['incidents'])} live):"]
    for e in sorted(result["incidents"], key=lambda e: (e["kind"], e["country"], e["incident_id"])):
        when = (e.get("occurred_on") or {}).get("value", "?")
        extra = ", ".join(f"{k}={e[k]}" for k in ("violator", "platform", "model", "count", "duration_minutes", "location") if e.get(k) is not None)
        lines.append(f"  {e['kind']:<19} {e['country']}  {when:<10}  {extra}")
    lines.append(f"Statements ({len(result['statements'])} live):")
    for e in result["statements"]:
        speaker = e["speaker"]
        lines.append(f"  {speaker['name']} [{e['mode']}]: {e['quote'][:100]}")
    lines.append("Counts (distinct incidents per kind, country/year):")
    for kind, cells in result["counts"].items():
        lines.append(f"  {kind}: " + (", ".join(f"{c}={n}" for c, n in cells.items()) or "-"))
    return "\n".join(lines)


def run_demo(paths: list[Path], once: bool, as_json: bool, port: int) -> int:
    documents = read_documents(paths)
    check_web_port(Settings.from_env(web_port=port))
    with bootstrap_servers() as bootstrap:
        settings = Settings.from_env(bootstrap=bootstrap, web_port=port)
        asyncio.run(check_broker(settings))  # KAFKA_BOOTSTRAP may name a broker that is not there
        worker = spawn_worker(settings)
        try:
            result = asyncio.run(_run(settings, documents, alive=lambda: worker.poll() is None))
            if as_json:
                sys.stdout.buffer.write(orjson.dumps(result) + b"\n")
            else:
                sys.stdout.write(render_text(result) + "\n")
            sys.stdout.flush()
            if not once:
                log.info("serving the live dashboard; Ctrl-C to stop", url=f"http://{settings.web_host}:{port}/")
                worker.wait()
        except KeyboardInterrupt:
            pass
        finally:
            stop_workers([worker])
    return 0
