"""The ``newsroom`` command line."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import signal
import sys
from pathlib import Path
from urllib.parse import urlencode

import orjson
import structlog
from aiokafka.errors import KafkaConnectionError

from streams import logs
from streams.config import Settings
from streams.errors import USAGE, BrokerUnavailable, OperatorError
from streams.inputs import tail
from streams.inputs.feeds import Problem
from streams.inputs.loader import InputError, Loaded, load
from streams.kafka.client import check_broker, ensure_topics, publish_accepted
from streams.kafka.monitor import get_json
from streams.model.drilldown import render_drilldown
from streams.model.screening import Refusal, screen
from streams.schemas import SchemaMissing
from streams.view import analysis
from streams.view.api import BadRequest

log = structlog.get_logger(__name__)


def _out(document: object) -> None:
    sys.stdout.buffer.write(orjson.dumps(document) + b"\n")


def _report(problems: list[Problem], refused: list[Refusal], what: str) -> None:
    """One line on stderr per document that could not be mapped and per record refused, each with its fix."""
    for problem in problems:
        log.error(f"{problem.path}: {what}: {problem.field}: {problem.message}", field=problem.field,
                  fix="correct the document")
    for refusal in refused:
        log.error(f"{refusal.origin}: {what}: {refusal.problem}", article_id=refusal.article_id, fix=refusal.fix)


def _load(paths: list[Path]) -> Loaded:
    loaded = load(paths)
    if not loaded.documents and not loaded.problems:
        raise InputError(f"no article events found in {', '.join(map(str, paths))}")
    return loaded


def cmd_extract(args: argparse.Namespace) -> int:
    """Offline extraction through the same functions the agents run, of the records the worker would apply;
    the others are reported one line each. The status is 1 only when nothing could be extracted: a corpus with
    one bad record still yields the others' events, and a scorer reading them must not take that for a failure."""
    from streams.extraction import extractor_version
    from streams.extraction.run import extract_many
    # spaCy takes seconds to import: only commands that extract pay it
    from streams.model.events import derived_events, encode_event

    loaded = _load(args.paths)
    accepted, refused = screen(loaded, Settings.from_env().limits, max_record_bytes=None)
    _report(loaded.problems, refused, "not extracted")
    articles = [record.article for record in accepted if record.article.action != "kill"]
    for article, extraction in zip(articles, extract_many(articles)):
        for event in derived_events(article, extraction, extractor_version()):
            sys.stdout.buffer.write(encode_event(event) + b"\n")
    sys.stdout.flush()
    return 1 if (loaded.problems or refused) and not accepted else 0


def cmd_worker(args: argparse.Namespace) -> int:
    from streams.agents.worker import run_worker

    run_worker(Settings.from_env(web_port=args.port), loglevel=args.loglevel)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from streams.cli.demo import run_demo

    return run_demo(args.paths or [Path("seeds")], once=args.once, as_json=args.json,
                    port=args.port or Settings.from_env().web_port)


def cmd_publish(args: argparse.Namespace) -> int:
    """Publishes every record the worker would apply; the others (documents that cannot be mapped, records the
    worker would dead-letter or no broker would take) are reported one line each, not sent, and make the exit status 1."""
    settings = Settings.from_env()
    loaded = _load(args.paths)
    accepted, refused = screen(loaded, settings.limits)
    _report(loaded.problems, refused, "not published")
    sent = 0
    if accepted:
        asyncio.run(check_broker(settings))
        asyncio.run(ensure_topics(settings))
        sent, too_large = asyncio.run(publish_accepted(settings, accepted))
        _report([], too_large, "not published")
        refused += too_large
    log.info("published", count=sent, topic=settings.topics.raw, bootstrap=settings.bootstrap,
             refused=len(loaded.problems) + len(refused))
    return 1 if loaded.problems or refused else 0


def cmd_counts(args: argparse.Namespace) -> int:
    settings = Settings.from_env(web_port=args.port)
    if args.explain:
        return _explain(settings, args.explain, args.json)
    counts = asyncio.run(get_json(settings, _counts_path(args.as_of)))
    if args.json:
        _out(counts)
    else:
        sys.stdout.write(render_counts(counts) + "\n")
    return 0


def _time(option: str, raw: str | None) -> dt.datetime | None:
    """An ISO 8601 time from the command line; without a zone it is UTC."""
    if raw is None:
        return None
    try:
        when = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{option} {raw!r} is not an ISO 8601 time such as 2025-09-01T00:00:00Z") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _counts_path(as_of: str | None) -> str:
    """The count table's path, as of a time when one is given (checked here, so a typo fails before any request)."""
    if as_of is None:
        return "/api/counts"
    try:
        when = analysis.parse_timestamp(as_of, "--as-of")
    except BadRequest as error:
        raise InputError(str(error)) from None
    return "/api/counts?" + urlencode({"as_of": when.isoformat()})


def _explain(settings: Settings, cell_path: str, as_json: bool) -> int:
    """``counts --explain KIND/CC/YYYY``: the incidents behind one count, with their reports and evidence."""
    try:
        cell = analysis.parse_cell_path(cell_path)
    except BadRequest as error:
        raise InputError(f"--explain: {error.message}") from None
    found = asyncio.run(get_json(settings, f"/api/counts/{cell.name}"))
    if as_json:
        _out(found)
    else:
        sys.stdout.write(render_drilldown(found) + "\n")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from streams.cli.replay import run_replay

    if args.deprecated_from is not None:
        if args.since_offset_time is not None:
            raise InputError("--from is the old name of --since-offset-time: give only one of them")
        log.warning("--from is deprecated: it is --since-offset-time (broker time); "
                    "for article time use --since-published")
    offset_time = _time("--since-offset-time", args.since_offset_time or args.deprecated_from)
    return run_replay(Settings.from_env(web_port=args.port), offset_time,
                      _time("--since-published", args.since_published))


def cmd_broker(args: argparse.Namespace) -> int:
    """The embedded broker on its own, so worker, publish, tail and replay run without an Apache Kafka."""
    from streams.kafka.broker import EmbeddedBroker

    with EmbeddedBroker(port=args.port) as broker:
        sys.stdout.write(f"export KAFKA_BOOTSTRAP={broker.bootstrap}\n")
        sys.stdout.flush()
        log.info("embedded broker serving until Ctrl-C; memory only: its topics are gone when it stops",
                 bootstrap=broker.bootstrap)
        try:
            code = broker.wait()
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM is how it is meant to stop
            return 0
    log.error("the embedded broker exited on its own", status=code)
    return 1


def cmd_bench(args: argparse.Namespace) -> int:
    if args.extraction_slope is not None:
        return _bench_slope(args)
    if args.history is not None:
        return _bench_history(args)
    from newsroom_dev.bench import DEFAULT_CORPUS, render_bench, run_bench

    if not 0.0 <= args.relevant_share <= 1.0:
        raise InputError(f"--relevant-share must be between 0 and 1, not {args.relevant_share}")
    if args.extract_processes is not None and args.extract_processes < 0:
        raise InputError(f"--extract-processes must be 0 or more, not {args.extract_processes}")
    if args.runs < 1 or args.latency_samples < 1:
        raise InputError("--runs and --latency-samples must be at least 1")
    result = run_bench(args.articles, partitions=args.partitions, relevant_share=args.relevant_share, runs=args.runs,
                       broker_choice=args.broker, latency_samples=args.latency_samples, corpus=args.corpus or DEFAULT_CORPUS,
                       extract_processes=args.extract_processes)
    if args.json:
        _out(result)
    else:
        sys.stdout.write(render_bench(result) + "\n")
    return 0


def _bench_history(args: argparse.Namespace) -> int:
    from newsroom_dev.history import render_history, run_history

    if args.history < 1 or args.history_yardstick < 1 or args.history_samples < 1:
        raise InputError("--history, --history-yardstick and --history-samples must be at least 1")
    result = run_history(args.history, args.history_yardstick, args.history_samples, args.broker)
    if args.json:
        _out(result)
    else:
        sys.stdout.write(render_history(result) + "\n")
    return 0


def _bench_slope(args: argparse.Namespace) -> int:
    from newsroom_dev.slope import MAX_SIZE_KB, measure, render_slope

    try:
        sizes = tuple(float(size) for size in args.extraction_slope.split(","))
    except ValueError:
        raise InputError(f"--extraction-slope takes sizes in KB separated by commas, not {args.extraction_slope!r}") from None
    if not sizes or min(sizes) <= 0 or max(sizes) > MAX_SIZE_KB:
        raise InputError(f"--extraction-slope sizes must be above 0 and at most {MAX_SIZE_KB} KB "
                         "(spaCy parses at most 1,000,000 characters)")
    result = measure(tuple(sorted(sizes)))
    if args.json:
        _out(result)
    else:
        sys.stdout.write(render_slope(result) + "\n")
    return 0


def render_counts(counts: dict[str, dict[str, int]]) -> str:
    rows = [(kind, cell, n) for kind, cells in counts.items() for cell, n in cells.items()]
    if not rows:
        return "no incidents counted yet"
    width = max(len(kind) for kind, _, _ in rows)
    lines = [f"{'kind':<{width}}  {'country/year':<12}  count"]
    lines += [f"{kind:<{width}}  {cell:<12}  {n:>5}" for kind, cell, n in rows]
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """A usage error is one line naming the mistake and where to read more (status 2), not the usage block."""

    commands: tuple[str, ...] = ()  # set once the subcommands are added

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> _Parser:
    parser = _Parser(prog="newsroom", description="Event-sourced newsroom feed processor.")
    # Not required here: argparse would report the missing command before an unknown option
    # (`newsroom --frobnicate`), so :func:`parse` checks for it after the options.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = sub.add_parser("extract", help="print derived events of article files, offline")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.set_defaults(func=cmd_extract)
    demo = sub.add_parser("demo", help="embedded broker + worker: publish articles, print derived events and counts")
    demo.add_argument("paths", nargs="*", type=Path, help="article files or folders (default: seeds/)")
    demo.add_argument("--once", action="store_true", help="exit once all articles are processed")
    demo.add_argument("--json", action="store_true", help="one JSON object on stdout")
    demo.add_argument("--port", type=int, default=None,
                      help="web port of the worker: dashboard, API (default NEWSROOM_WEB_PORT or 6066)")
    demo.set_defaults(func=cmd_demo)
    worker = sub.add_parser("worker", help="the stream processor, against KAFKA_BOOTSTRAP")
    worker.add_argument("--port", type=int, default=None, help="web port (default NEWSROOM_WEB_PORT or 6066)")
    worker.add_argument("--loglevel", default="info")
    worker.set_defaults(func=cmd_worker)
    publish_ = sub.add_parser("publish", help="publish raw article events to KAFKA_BOOTSTRAP")
    publish_.add_argument("paths", nargs="+", type=Path)
    publish_.set_defaults(func=cmd_publish)
    replay = sub.add_parser(
        "replay", help="rebuild derived topics and tables from the raw topic (stop workers first)",
        description="Re-derive from the raw topic, e.g. after an extractor release; stop the group's workers first. "
                    "Two different times narrow it: --since-published is article time (published_at), "
                    "--since-offset-time is when records reached the broker.")
    replay.add_argument("--since-published", metavar="TIME", default=None,
                        help="article time: re-derive only articles published at or after TIME (ISO 8601); "
                             "earlier ones are read but keep their events (default: every article)")
    replay.add_argument("--since-offset-time", metavar="TIME", default=None,
                        help="broker time: read only records that reached the broker at or after TIME, "
                             "whatever their articles' dates (default: the whole topic)")
    replay.add_argument("--from", dest="deprecated_from", metavar="TIME", default=None,
                        help="deprecated name of --since-offset-time")
    replay.add_argument("--port", type=int, default=None, help="web port of the replay worker")
    replay.set_defaults(func=cmd_replay)
    bench = sub.add_parser("bench", help="measure one worker against offline extraction and a naive agent: "
                                         "throughput, replay, latency, memory")
    bench.add_argument("--articles", type=int, default=2000, help="articles per run")
    bench.add_argument("--partitions", type=int, default=4)
    bench.add_argument("--relevant-share", type=float, default=0.5,
                       help="share of incident reports (corpus articles and templates; the rest is other news)")
    bench.add_argument("--runs", type=int, default=3, help="repetitions; each figure is their median, with min and max")
    bench.add_argument("--broker", choices=("auto", "kafka", "tansu"), default="auto",
                       help="kafka: a local Apache Kafka broker; tansu (and auto): the embedded one; KAFKA_BOOTSTRAP wins")
    bench.add_argument("--latency-samples", type=int, default=1000, help="timed articles per latency run")
    bench.add_argument("--corpus", type=Path, default=None,
                       help="folder with dev/ and train/ corpus articles (default: ../shared/corpus beside the checkout)")
    bench.add_argument("--extract-processes", type=int, default=None,
                       help="the workers' extraction processes (default: NEWSROOM_EXTRACT_PROCESSES's; 0: on the event loop)")
    bench.add_argument("--extraction-slope", nargs="?", const="1,4,16,64,256,976", default=None, metavar="KB,KB,...",
                       help="instead: offline extraction time of one article per body size (default 1 KB to 1 MB), "
                            "and the slope in ms per KB")
    bench.add_argument("--history", type=int, default=None, metavar="N",
                       help="instead: a worker over N derived events in its view store (memory, restart, query "
                            "latencies) beside the in-memory view at --history-yardstick events; --broker auto means kafka")
    bench.add_argument("--history-yardstick", type=int, default=10000, metavar="N",
                       help="derived events of the in-memory yardstick (and of the store beside it)")
    bench.add_argument("--history-samples", type=int, default=200, help="requests timed per query")
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(func=cmd_bench)
    counts = sub.add_parser("counts", help="live count tables from a running worker")
    counts.add_argument("--json", action="store_true")
    counts.add_argument("--port", type=int, default=None)
    counts.add_argument("--explain", metavar="KIND/CC/YYYY", default=None,
                        help="the incidents behind one count, each with its reports and evidence")
    counts.add_argument("--as-of", dest="as_of", metavar="TIME", default=None,
                        help="the table as it stood once articles published up to TIME were processed")
    counts.set_defaults(func=cmd_counts)
    broker = sub.add_parser("broker", help="run the embedded broker (memory only) and print its KAFKA_BOOTSTRAP export line")
    broker.add_argument("--port", type=int, default=None, help="port on 127.0.0.1 (default: a free one)")
    broker.set_defaults(func=cmd_broker)
    tail.add_parser(sub)
    parser.commands = tuple(sub.choices)
    return parser


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line, with its first mistake named: an unknown option, then a missing command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error(f"no command given: choose one of {', '.join(parser.commands)}")
    return args


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM (a service manager, ``kill``) stops a command like Ctrl-C, so its broker and workers stop too."""
    raise KeyboardInterrupt


def _fail(error: OperatorError) -> int:
    """One line on stderr, the problem and its fix, instead of a traceback."""
    log.error(str(error), fix=error.fix)
    return error.status


def main(argv: list[str] | None = None) -> int:
    logs.configure()
    signal.signal(signal.SIGTERM, _interrupt)  # the worker's faust loop installs its own handler over this
    args = parse(argv)
    try:
        Settings.from_env()  # a bad setting is a usage error of every command, found before it starts anything
        return args.func(args)
    except InputError as error:
        log.error(str(error), fix=error.fix or f"correct it (see newsroom {args.command} --help)")
        return USAGE
    except KafkaConnectionError as error:  # the broker went away after the command's own check
        return _fail(BrokerUnavailable(f"lost the Kafka broker at {Settings.from_env().bootstrap}: {error}"))
    except OperatorError as error:
        return _fail(error)
    except SchemaMissing as error:  # a broken installation: say which file, not a traceback
        log.error(f"newsroom is installed without its schemas: {error}", fix="reinstall the newsroom package")
        return 3
    except KeyboardInterrupt:  # children were stopped on the way out (finally blocks)
        log.info("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
