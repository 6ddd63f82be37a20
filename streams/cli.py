"""The ``newsroom`` command line."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import signal
import sys
from pathlib import Path

import orjson
import structlog

from streams import logs, tail
from streams.client import ensure_topics, publish
from streams.config import Settings
from streams.monitor import get_json
from streams.extraction import extract_many, extractor_version
from streams.events import derived_events
from streams.loader import InputError, read_documents
from streams.schemas import SchemaMissing
from streams.validation import Rejected, parse_document

log = structlog.get_logger(__name__)


def _out(document: object) -> None:
    sys.stdout.buffer.write(orjson.dumps(document) + b"\n")


def cmd_extract(args: argparse.Namespace) -> int:
    """Offline extraction through the same functions the agents run."""
    documents = read_documents(args.paths)
    articles = []
    for document in documents:
        parsed = parse_document(document)
        if isinstance(parsed, Rejected):
            log.warning("rejected article", article_id=document.get("article_id"), reason=parsed.reason)
        elif parsed.action != "kill":
            articles.append(parsed)
    for article, extraction in zip(articles, extract_many(articles)):
        for event in derived_events(article, extraction, extractor_version()):
            _out(event)
    sys.stdout.flush()
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from streams.worker import run_worker

    run_worker(Settings.from_env(web_port=args.port), loglevel=args.loglevel)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from streams.demo import run_demo

    return run_demo(args.paths or [Path("seeds")], once=args.once, as_json=args.json, port=args.port)


def cmd_publish(args: argparse.Namespace) -> int:
    documents = read_documents(args.paths)
    settings = Settings.from_env()
    asyncio.run(ensure_topics(settings))
    sent = asyncio.run(publish(settings, documents))
    log.info("published", count=sent, topic=settings.topics.raw, bootstrap=settings.bootstrap)
    return 0


def cmd_counts(args: argparse.Namespace) -> int:
    settings = Settings.from_env(web_port=args.port)
    counts = asyncio.run(get_json(settings, "/api/counts"))
    if args.json:
        _out(counts)
    else:
        sys.stdout.write(render_counts(counts) + "\n")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from streams.replay import run_replay

    since = None
    if args.since:
        try:
            since = dt.datetime.fromisoformat(args.since)
        except ValueError:
            raise InputError(f"--from {args.since!r} is not an ISO 8601 time such as 2025-09-01T00:00:00Z") from None
        since = since if since.tzinfo else since.replace(tzinfo=dt.timezone.utc)
    return run_replay(Settings.from_env(web_port=args.port), since)


def cmd_bench(args: argparse.Namespace) -> int:
    from streams.bench import run_bench

    if not 0.0 <= args.relevant_share <= 1.0:
        raise InputError(f"--relevant-share must be between 0 and 1, not {args.relevant_share}")
    result = run_bench(args.articles, partitions=args.partitions, relevant_share=args.relevant_share)
    if args.json:
        _out(result)
    else:
        sys.stdout.write("\n".join(f"{k}: {v}" for k, v in result.items()) + "\n")
    return 0


def render_counts(counts: dict[str, dict[str, int]]) -> str:
    rows = [(kind, cell, n) for kind, cells in counts.items() for cell, n in cells.items()]
    if not rows:
        return "no incidents counted yet"
    width = max(len(kind) for kind, _, _ in rows)
    lines = [f"{'kind':<{width}}  {'country/year':<12}  count"]
    lines += [f"{kind:<{width}}  {cell:<12}  {n:>5}" for kind, cell, n in rows]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description="Event-sourced newsroom feed processor.")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print derived events of article files, offline")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.set_defaults(func=cmd_extract)
    demo = sub.add_parser("demo", help="embedded broker + worker: publish articles, print derived events and counts")
    demo.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    demo.add_argument("--once", action="store_true", help="exit once all articles are processed")
    demo.add_argument("--json", action="store_true", help="one JSON object on stdout")
    demo.add_argument("--port", type=int, default=6066, help="web port of the worker (dashboard, API)")
    demo.set_defaults(func=cmd_demo)
    worker = sub.add_parser("worker", help="the stream processor, against KAFKA_BOOTSTRAP")
    worker.add_argument("--port", type=int, default=None, help="web port (default NEWSROOM_WEB_PORT or 6066)")
    worker.add_argument("--loglevel", default="info")
    worker.set_defaults(func=cmd_worker)
    publish_ = sub.add_parser("publish", help="publish raw article events to KAFKA_BOOTSTRAP")
    publish_.add_argument("paths", nargs="+", type=Path)
    publish_.set_defaults(func=cmd_publish)
    replay = sub.add_parser("replay", help="rebuild derived topics and tables from the raw topic (stop workers first)")
    replay.add_argument("--from", dest="since", default=None, help="ISO time: replay records from then on (default: the beginning)")
    replay.add_argument("--port", type=int, default=None, help="web port of the replay worker")
    replay.set_defaults(func=cmd_replay)
    bench = sub.add_parser("bench", help="measure throughput, latency, replay and two-worker speed-up")
    bench.add_argument("--articles", type=int, default=2000, help="generated articles per run")
    bench.add_argument("--partitions", type=int, default=4)
    bench.add_argument("--relevant-share", type=float, default=0.5,
                       help="share of generated articles about airspace incidents (the rest is other news)")
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(func=cmd_bench)
    counts = sub.add_parser("counts", help="live count tables from a running worker")
    counts.add_argument("--json", action="store_true")
    counts.add_argument("--port", type=int, default=None)
    counts.set_defaults(func=cmd_counts)
    tail.add_parser(sub)
    return parser


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM (a service manager, ``kill``) stops a command like Ctrl-C, so its broker and workers stop too."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    logs.configure()
    signal.signal(signal.SIGTERM, _interrupt)  # the worker's faust loop installs its own handler over this
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as error:
        log.error("bad input", error=str(error))
        return 2
    except SchemaMissing as error:  # a broken installation: say which file, not a traceback
        log.error("newsroom is installed without its schemas", error=str(error))
        return 3
    except KeyboardInterrupt:  # children were stopped on the way out (finally blocks)
        log.info("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
