"""``newsroom bench``: one worker against the yardsticks that bound it, measured side by side in one run.

The yardsticks run on the same texts in the same run: offline extraction (the limit: the
same extraction with no broker), the agent a user would write instead (one raw article at
a time, the full spaCy pipeline over its text, the same rules, each derived event's send
awaited; :func:`naive_agent_main`), and bare spaCy ``nlp.pipe`` for context. Every figure
is the median of ``runs`` repetitions with their min and max; ratios are taken within a
repetition, so a machine shared with other work slows both sides of a ratio alike.

The incident reports are the project's corpus articles (``../shared/corpus``, ids made
unique per copy) beside the generator's templates; without the corpus, templates only.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from newsroom_dev.generator import generate
from streams.agents.worker import ENV_REPLAY_FROM, spawn_worker, stop_workers, worker_env
from streams.config import Settings, Topics
from streams.extraction import extractor_version
from streams.extraction.focus import focus
from streams.extraction.model import AnalysedArticle
from streams.extraction.nlp import load_pipeline
from streams.extraction.run import extract_analysed
from streams.inputs.loader import load
from streams.kafka.broker import EmbeddedBroker, bootstrap_servers, free_port, profile_for
from streams.kafka.client import ensure_topics
from streams.model.article import TEXT_FIELDS, Article
from streams.model.events import derived_events, encode_event, event_type, upserts_of_each
from streams.model.validation import parse_document, parse_raw
from streams.processes import children, end_with_parent

log = structlog.get_logger(__name__)

# ../shared/corpus beside the checkout: the dev and train articles, used as incident reports.
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS_SETS = ("dev", "train")
ENV_NAIVE_COUNT = "NEWSROOM_BENCH_NAIVE_COUNT"
ENV_NAIVE_DIR = "NEWSROOM_BENCH_NAIVE_DIR"
POLL_SECONDS = 0.1


# --- the load -------------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class Load:
    """The documents of a run and what they are made of."""

    documents: list[dict[str, Any]]
    corpus_articles: int  # distinct corpus articles among the incident reports (0: no corpus found)
    corpus_copies: int  # documents that are a copy of a corpus article
    incident_reports: int  # documents about an incident: corpus copies and incident templates


def corpus_articles(corpus: Path) -> list[dict[str, Any]]:
    """The raw article events of the corpus's dev and train sets; none when the corpus is absent."""
    folders = [corpus / name for name in CORPUS_SETS if (corpus / name).is_dir()]
    return load(folders).documents if folders else []


def bench_load(count: int, relevant_share: float, corpus: Path, seed: int = 7) -> Load:
    """``count`` documents, ``relevant_share`` of them incident reports: every other incident report is
    the next corpus article (cycled, its id suffixed with the copy number), the rest the generator's."""
    generated = generate(count, seed=seed, relevant_share=relevant_share)
    articles = corpus_articles(corpus)
    documents, copies, reports = [], 0, 0
    for document in generated:
        if _is_incident_template(document):
            if articles and reports % 2 == 0:
                original = articles[copies % len(articles)]
                document = {**original, "article_id": f"{original['article_id']}~{copies // len(articles)}"}
                copies += 1
            reports += 1
        documents.append(document)
    return Load(documents, min(copies, len(articles)), copies, reports)


def _is_incident_template(document: dict[str, Any]) -> bool:
    return "airspace" in document["headline"]  # the generator's incident headline; its other news never says so


def mix(loaded: Load) -> dict[str, Any]:
    return {
        "articles": len(loaded.documents),
        "incident_report_share": round(loaded.incident_reports / len(loaded.documents), 2),
        "corpus_articles": loaded.corpus_articles,
        "corpus_copies": loaded.corpus_copies,
        "incident_texts": ("corpus dev+train and generator templates" if loaded.corpus_copies
                           else "generator templates only (no corpus found)"),
    }


# --- offline yardsticks ---------------------------------------------------------------------------------------

def bare_spacy_rate(documents: list[dict[str, Any]]) -> float:
    """The full English pipeline over every text field, ``nlp.pipe``, one process: context."""
    nlp = load_pipeline()
    texts = [d[f] for d in documents for f in TEXT_FIELDS if d.get(f)]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(documents) / (time.perf_counter() - started)


def parsed_share(documents: list[dict[str, Any]]) -> float:
    """The share of the texts' tokens that reach the parser after the cheap pass (:mod:`streams.extraction.focus`)."""
    nlp = load_pipeline()
    texts = [d[f] for d in documents for f in TEXT_FIELDS if d.get(f)]
    words = sum(sum(not token.is_space for token in nlp.make_doc(t)) for t in texts)
    kept = sum(sum(not token.is_space for token in nlp.make_doc(focus(t))) for t in texts)
    return kept / words


def extraction(documents: list[dict[str, Any]]) -> tuple[float, list[bool]]:
    """Offline extraction (``newsroom extract``'s path: batched parse plus rules), no broker: the rate,
    and for each document whether it yields a derived event (what the latency probe can time)."""
    parsed = [parse_document(d) for d in documents]
    articles = [a for a in parsed if isinstance(a, Article)]
    started = time.perf_counter()
    derived = upserts_of_each(articles)
    rate = len(articles) / (time.perf_counter() - started)
    by_id = {id(a): bool(events) for a, events in zip(articles, derived)}
    return rate, [by_id.get(id(a), False) for a in parsed]


# --- workers and the broker -----------------------------------------------------------------------------------

def tenant(bootstrap: str, partitions: int, extract_processes: int | None = None) -> Settings:
    """Topics and a group of their own; ``extract_processes`` None: the default's."""
    name = f"bench{uuid.uuid4().hex[:6]}"
    settings = Settings(bootstrap=bootstrap, app_id=name, topics=Topics(f"{name}."), partitions=partitions,
                        web_port=free_port())
    return settings if extract_processes is None else dataclasses.replace(settings, extract_processes=extract_processes)


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a worker with its extraction processes: the sum of each one's peak, so
    never below the peak of their sum."""
    total = _own_peak_rss_mb(pid)
    for child in children(pid):
        with contextlib.suppress(OSError):  # it ended meanwhile
            total += _own_peak_rss_mb(child)
    return total


def _own_peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


@contextlib.contextmanager
def broker(choice: str) -> Iterator[tuple[str, str]]:
    """(bootstrap, its name): ``KAFKA_BOOTSTRAP`` when set, else a local Apache Kafka (``kafka``)
    or the embedded Tansu (``tansu``, and ``auto``), for the duration of the block."""
    if os.environ.get("KAFKA_BOOTSTRAP"):
        with bootstrap_servers() as bootstrap:
            yield bootstrap, f"KAFKA_BOOTSTRAP ({profile_for(Settings(bootstrap=bootstrap)).name} profile)"
    elif choice == "kafka":
        from newsroom_dev.kafka_cluster import KAFKA_VERSION, KafkaCluster

        with tempfile.TemporaryDirectory(prefix="newsroom-bench-kafka-") as home:
            with KafkaCluster(Path(home), size=1) as cluster:
                yield cluster.bootstrap, f"Apache Kafka {KAFKA_VERSION}, one local broker"
    else:
        with EmbeddedBroker() as embedded:
            yield embedded.bootstrap, "Tansu (embedded, memory)"


async def status(session: aiohttp.ClientSession, settings: Settings) -> dict[str, Any] | None:
    """The worker's /api/status, None while it does not answer yet."""
    try:
        async with session.get(f"http://{settings.web_host}:{settings.web_port}/api/status") as response:
            return await response.json(content_type=None) if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return None


async def until(check: Callable[[], Any], alive: Callable[[], bool], timeout: float, what: str) -> Any:
    """Poll the coroutine function ``check`` until it returns something true; one cheap request per poll."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError(f"the process exited while waiting for {what}")
        found = await check()
        if found:
            return found
        await asyncio.sleep(POLL_SECONDS)
    raise TimeoutError(f"no {what} within {timeout:.0f}s")


class Worker:
    """One ``newsroom worker`` process of a tenant, watched through its status page."""

    def __init__(self, settings: Settings, extra_env: dict[str, str] | None = None) -> None:
        self.settings = dataclasses.replace(settings, web_port=free_port())
        self.started = time.perf_counter()
        self.spawned_at = time.time()
        self.process = spawn_worker(self.settings, extra_env)
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))

    def alive(self) -> bool:
        return self.process.poll() is None

    async def ready(self, timeout: float = 300.0) -> float:
        """Until it owns every raw partition and has recovered its tables and its view; seconds since spawned."""
        wanted = {f"{self.settings.topics.raw}:{p}" for p in range(self.settings.partitions)}

        async def check() -> bool:
            found = await status(self.session, self.settings)
            return found is not None and not found["recovering"] and wanted <= set(found["assigned"])

        await until(check, self.alive, timeout, "ready worker")
        return time.perf_counter() - self.started

    async def processed(self, count: int, ends: dict[str, dict[int, int]], timeout: float = 3600.0) -> dict[str, Any]:
        """Until it has processed ``count`` raw records (replayed ones included) and its view has read the
        derived topics up to ``ends`` (end offsets per topic and partition); its last status."""
        async def done() -> dict[str, Any] | None:
            found = await status(self.session, self.settings)
            return found if found and found["counters"].get("articles_processed", 0) >= count else None

        last = await until(done, self.alive, timeout, f"{count} processed articles")

        async def caught_up() -> dict[str, Any] | None:
            found = await status(self.session, self.settings)
            read = (found or {}).get("processed", {})
            return found if found and all(read.get(topic, {}).get(str(p), -1) >= end - 1
                                          for topic, parts in ends.items() for p, end in parts.items() if end) else None

        return await until(caught_up, self.alive, timeout, "caught-up view") if ends else last

    async def stop(self) -> float:
        """Stop it; its peak resident memory (MB)."""
        rss = peak_rss_mb(self.process.pid) if self.alive() else float("nan")
        await self.session.close()
        stop_workers([self.process])
        return rss


async def publish_all(settings: Settings, documents: list[dict[str, Any]]) -> None:
    """Every document to the raw topic, sent together and then awaited (the publisher stays out of the way)."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", linger_ms=5)
    await producer.start()
    try:
        pending = [await producer.send(settings.topics.raw, key=d["article_id"].encode(), value=orjson.dumps(d))
                   for d in documents]
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def derived_ends(settings: Settings) -> dict[str, dict[int, int]]:
    """The end offsets of the derived topics: what a caught-up view has read."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        topics = (settings.topics.incidents, settings.topics.statements)
        tps = [TopicPartition(t, p) for t in topics for p in range(settings.partitions)]
        ends = await consumer.end_offsets(tps)
        return {t: {tp.partition: ends[tp] for tp in tps if tp.topic == t} for t in topics}
    finally:
        await consumer.stop()


# --- the measurements on a broker -----------------------------------------------------------------------------

@dataclasses.dataclass(slots=True)
class Pipeline:
    rate: float
    peak_rss_mb: float
    held: dict[str, int]
    settings: Settings


async def pipeline(settings: Settings, documents: list[dict[str, Any]]) -> Pipeline:
    """One worker, from the first publish to the last article processed and its events read back into its view."""
    await ensure_topics(settings)
    worker = Worker(settings)
    try:
        await worker.ready()
        started = time.perf_counter()
        await publish_all(settings, documents)
        await worker.processed(len(documents), {})
        rate = len(documents) / (time.perf_counter() - started)
        final = await worker.processed(len(documents), await derived_ends(settings))
    finally:
        rss = await worker.stop()
    return Pipeline(rate, rss, final.get("held", {}), worker.settings)


@dataclasses.dataclass(slots=True)
class Replay:
    start_s: float
    rate: float
    peak_rss_mb: float


async def replay(settings: Settings, count: int, extractor: str | None) -> Replay:
    """A worker replaying the raw topic from the beginning: with the extractor that derived it (nothing
    to re-derive) or a new one (``extractor``: everything re-derived). Its start (spawned until its first
    batch: tables recovered, partitions owned) is timed apart from the replay (its first batch to its last),
    by the times it reports itself."""
    env = {ENV_REPLAY_FROM: "beginning", **({"NEWSROOM_EXTRACTOR_VERSION": extractor} if extractor else {})}
    worker = Worker(settings, env)
    try:
        batches = (await worker.processed(count, {}))["batches"]
    finally:
        rss = await worker.stop()
    began, ended = batches["first_began_at"], batches["last_ended_at"]
    return Replay(began - worker.spawned_at, count / (ended - began), rss)


async def naive_agent(settings: Settings, documents: list[dict[str, Any]]) -> float:
    """The agent a user would write (:func:`naive_agent_main`), from the first publish to its last article."""
    await ensure_topics(settings)
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-naive-") as folder:
        marks = Path(folder)
        process = spawn_naive_agent(settings, len(documents), marks)
        try:
            async def ready() -> bool:
                return (marks / "ready").exists()

            await until(ready, lambda: process.poll() is None, 300, "ready naive agent")
            started = time.time()
            await publish_all(settings, documents)

            async def done() -> bool:
                return (marks / "done").exists()

            await until(done, lambda: process.poll() is None, 3600, "naive agent done")
            finished = float((marks / "done").read_text())
        finally:
            stop_workers([process])
    return len(documents) / (finished - started)


async def latency(settings: Settings, documents: list[dict[str, Any]], rate: float) -> list[float]:
    """Publish-to-first-derived-event latency (ms) of articles sent at ``rate`` per second to one worker."""
    await ensure_topics(settings)
    worker = Worker(settings)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=settings.fetch_max_wait_ms)
    sent: dict[str, float] = {}
    seen: dict[str, float] = {}
    try:
        await worker.ready()
        await consumer.start()
        # A fresh tenant's derived topics are empty: read them whole, no group (no join delay, no "latest").
        consumer.assign([TopicPartition(t, p) for t in (settings.topics.incidents, settings.topics.statements)
                         for p in range(settings.partitions)])

        async def listen() -> None:
            async for message in consumer:
                seen.setdefault(orjson.loads(message.value)["article_id"], time.perf_counter())
                if len(seen) == len(documents):
                    return

        listener = asyncio.ensure_future(listen())
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
        await producer.start()
        try:
            began = time.perf_counter()
            for n, document in enumerate(documents):
                await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))  # a steady rate, no drift
                sent[document["article_id"]] = time.perf_counter()
                await producer.send(settings.topics.raw, key=document["article_id"].encode(), value=orjson.dumps(document))
        finally:
            await producer.stop()
        await worker.processed(len(documents), {})
        await asyncio.wait([listener], timeout=5.0)
        listener.cancel()
    finally:
        await consumer.stop()
        await worker.stop()
    return [(seen[a] - sent[a]) * 1000 for a in sent if a in seen]


def probe(documents: list[dict[str, Any]], yields: list[bool], samples: int) -> list[dict[str, Any]]:
    """The load's documents in order, cycled with fresh ids, until ``samples`` of them yield an event:
    the same mix as the throughput runs, with enough timed articles."""
    if not any(yields):
        raise ValueError("no document of the load yields a derived event: nothing to time")
    found: list[dict[str, Any]] = []
    timed = 0
    for n in itertools.count():
        document, yielding = documents[n % len(documents)], yields[n % len(documents)]
        found.append({**document, "article_id": f"{document['article_id']}~p{n}"})
        timed += yielding
        if timed >= samples:
            break
    return found


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


# --- the run --------------------------------------------------------------------------------------------------

def one_run(loaded: Load, bootstrap: str, partitions: int, latency_samples: int,
            extract_processes: int) -> dict[str, Any]:
    """Every figure once, on one broker."""
    documents = loaded.documents
    bare = bare_spacy_rate(documents)
    offline, yields = extraction(documents)
    log.info("offline measured", bare_spacy=round(bare, 1), extraction=round(offline, 1))
    one = asyncio.run(pipeline(tenant(bootstrap, partitions, extract_processes), documents))
    log.info("one worker measured", articles_per_s=round(one.rate, 1))
    wider = asyncio.run(pipeline(tenant(bootstrap, partitions, extract_processes + 1), documents))
    log.info("one worker with one more extraction process measured", articles_per_s=round(wider.rate, 1))
    same = asyncio.run(replay(one.settings, len(documents), None))
    log.info("replay with the same extractor measured", articles_per_s=round(same.rate, 1), start_s=round(same.start_s, 1))
    new = asyncio.run(replay(one.settings, len(documents), f"bench-{uuid.uuid4().hex[:6]}"))
    log.info("replay with a new extractor measured", articles_per_s=round(new.rate, 1), start_s=round(new.start_s, 1))
    naive = asyncio.run(naive_agent(tenant(bootstrap, partitions), documents))
    log.info("naive agent measured", articles_per_s=round(naive, 1))
    latencies = asyncio.run(latency(tenant(bootstrap, partitions, extract_processes), probe(documents, yields, latency_samples), one.rate / 2))
    log.info("latency measured", samples=len(latencies))
    return {
        "bare_spacy_articles_per_s": bare,
        "extract_articles_per_s": offline,
        "pipeline_articles_per_s": one.rate,
        "naive_agent_articles_per_s": naive,
        "pipeline_vs_extract": one.rate / offline,
        "pipeline_vs_naive": one.rate / naive,
        "pipeline_vs_bare_spacy": one.rate / bare,
        "wider_pipeline_articles_per_s": wider.rate,
        "wider_vs_extract": wider.rate / offline,
        "wider_vs_naive": wider.rate / naive,
        "wider_peak_rss_mb": wider.peak_rss_mb,
        "replay_same_extractor_articles_per_s": same.rate,
        "replay_same_vs_extract": same.rate / offline,
        "replay_new_extractor_articles_per_s": new.rate,
        "replay_new_vs_extract": new.rate / offline,
        "worker_start_s": statistics.median([same.start_s, new.start_s]),
        "latency_rate_per_s": one.rate / 2,
        "p50_latency_ms": statistics.median(latencies),
        "p99_latency_ms": percentile(latencies, 0.99),
        "latency_samples": len(latencies),
        "peak_rss_mb": max(one.peak_rss_mb, same.peak_rss_mb, new.peak_rss_mb),
        "held": one.held,
    }


def run_bench(count: int, partitions: int = 4, relevant_share: float = 0.5, runs: int = 3,
              broker_choice: str = "auto", latency_samples: int = 1000, corpus: Path = DEFAULT_CORPUS,
              extract_processes: int | None = None) -> dict[str, Any]:
    """``runs`` repetitions of every figure on one broker; each figure's median, min and max
    (``extract_processes`` None: the workers' default)."""
    processes = Settings().extract_processes if extract_processes is None else extract_processes
    loaded = bench_load(count, relevant_share, corpus)
    measured: list[dict[str, Any]] = []
    with broker(broker_choice) as (bootstrap, name):
        for n in range(runs):
            log.info("bench run", run=n + 1, of=runs, broker=name)
            measured.append(one_run(loaded, bootstrap, partitions, latency_samples, processes))
    figures = {key: [run[key] for run in measured] for key in measured[0] if key != "held"}
    result: dict[str, Any] = {"broker": name, "runs": runs, "mix": mix(loaded),
                              "extract_processes": processes,
                              "parsed_token_share": round(parsed_share(loaded.documents), 2)}
    result.update({key: _rounded(statistics.median(values)) for key, values in figures.items()})
    result["held_at_peak"] = measured[-1]["held"]
    result["range"] = {key: [_rounded(min(values)), _rounded(max(values))] for key, values in figures.items()}
    result["cpus"] = os.cpu_count()
    return result


def _rounded(value: float) -> float:
    return round(value, 2) if abs(value) < 10 else round(value, 1)


# --- the naive agent (a process of its own) -------------------------------------------------------------------

def spawn_naive_agent(settings: Settings, count: int, marks: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, **worker_env(settings), ENV_NAIVE_COUNT: str(count), ENV_NAIVE_DIR: str(marks)}
    return subprocess.Popen([sys.executable, "-m", "newsroom_dev.bench", "naive-agent"], env=env, preexec_fn=end_with_parent,
                            stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno(), stderr=sys.stderr.fileno())


def naive_agent_main() -> None:
    """What a user would write without newsroom's design: a faust agent that takes one raw article at a
    time, runs the full spaCy pipeline over every text field (no cheap pass, no batching), applies the same
    rules, and awaits each derived event's send. Tuned for the broker as the worker is (:func:`faust_app`).

    It leaves a ``ready`` mark once its partitions are assigned and a ``done`` mark (the wall-clock time)
    after its ``count``-th article: how the bench times it without asking it anything while it works.
    """
    import faust

    from streams.agents.declarations import faust_app

    settings = Settings.from_env()
    count, marks = int(os.environ[ENV_NAIVE_COUNT]), Path(os.environ[ENV_NAIVE_DIR])
    nlp = load_pipeline()
    app = faust_app(settings, profile_for(settings))
    raw = app.topic(settings.topics.raw, partitions=settings.partitions)
    derived = {"incident": app.topic(settings.topics.incidents, partitions=settings.partitions),
               "statement": app.topic(settings.topics.statements, partitions=settings.partitions)}
    version = extractor_version()
    done = 0

    async def assigned(*_: Any, **__: Any) -> None:
        (marks / "ready").touch()

    async def agent(stream: Any) -> None:
        nonlocal done
        async for value in stream:
            article = parse_raw(value, settings.limits)
            if isinstance(article, Article):
                docs = {name: nlp(article.field(name)) for name in TEXT_FIELDS if article.field(name).strip()}
                for event in derived_events(article, extract_analysed(AnalysedArticle(article, docs)), version):
                    await (await derived[event_type(event)].send(key=event.event_id.encode(), value=encode_event(event)))
            done += 1
            if done == count:
                (marks / "done").write_text(repr(time.time()))

    app.on_rebalance_complete.connect(assigned)
    app.agent(raw, name="naive")(agent)
    worker = faust.Worker(app, loglevel="warning", redirect_stdouts=False, override_logging=False, quiet=True)
    worker.spinner = None
    worker.execute_from_commandline()


# --- output ---------------------------------------------------------------------------------------------------

LABELS: dict[str, str] = {
    "broker": "broker",
    "runs": "runs (each figure: median, then min-max)",
    "mix": "load",
    "parsed_token_share": "share of tokens sent to the parser",
    "bare_spacy_articles_per_s": "bare spaCy nlp.pipe, full texts (articles/s)",
    "extract_articles_per_s": "offline extraction (articles/s)",
    "pipeline_articles_per_s": "one worker, end to end (articles/s)",
    "naive_agent_articles_per_s": "naive agent: one article at a time, full parse (articles/s)",
    "pipeline_vs_extract": "one worker vs offline extraction (x)",
    "pipeline_vs_naive": "one worker vs naive agent (x)",
    "pipeline_vs_bare_spacy": "one worker vs bare spaCy (x)",
    "wider_pipeline_articles_per_s": "one worker with one more extraction process (articles/s)",
    "wider_vs_extract": "  the same vs offline extraction (x)",
    "wider_vs_naive": "  the same vs naive agent (x)",
    "wider_peak_rss_mb": "  the same, peak RSS with its extraction processes (MB)",
    "replay_same_extractor_articles_per_s": "replay, same extractor (articles/s)",
    "replay_same_vs_extract": "replay, same extractor vs offline extraction (x)",
    "replay_new_extractor_articles_per_s": "replay, new extractor (articles/s)",
    "replay_new_vs_extract": "replay, new extractor vs offline extraction (x)",
    "worker_start_s": "worker start before a replay (s)",
    "latency_rate_per_s": "latency probe rate, half of one worker (articles/s)",
    "p50_latency_ms": "p50 publish-to-event latency (ms)",
    "p99_latency_ms": "p99 publish-to-event latency (ms)",
    "latency_samples": "latency samples per run",
    "peak_rss_mb": "peak RSS of a worker with its extraction processes (MB)",
    "extract_processes": "extraction processes per worker",
    "held_at_peak": "held by the worker (last run)",
    "cpus": "CPUs",
}


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{key.replace('_', ' ')}: {_value(inner)}" for key, inner in value.items())
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    return str(value)


def render_bench(result: dict[str, Any]) -> str:
    """The figures as a two-column table, each with its min-max over the runs."""
    spread = result.get("range", {})
    rows = []
    for key, value in result.items():
        if key == "range":
            continue
        shown = _value(value)
        if key in spread and spread[key][0] != spread[key][1]:
            shown += f"  ({spread[key][0]}-{spread[key][1]})"
        rows.append((LABELS.get(key, key), shown))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


if __name__ == "__main__":
    if sys.argv[1:] != ["naive-agent"]:
        sys.exit("usage: python -m newsroom_dev.bench naive-agent (started by newsroom bench)")
    naive_agent_main()
