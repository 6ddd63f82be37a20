"""Extraction in processes of their own, beside the worker's event loop.

Extraction (spaCy and the rules) is CPU-bound Python that holds the GIL for a whole batch. Run on
the event loop, it stops everything else the worker does meanwhile: fetching the next records,
sending and acknowledging the last batch's events, the tally agent, the whole view's fold, the
web API and the group heartbeats. In a child process the two overlap, on a second core when
there is one. The child loads the model once; articles go to it and events come back pickled.

Each is a plain child process (:func:`main`) that reads batches from its stdin and
writes what they derive to its stdout, in order: no multiprocessing machinery (its resource-tracker
process and its re-import of the worker's main module cost about 26 MB) and no thread per call.
With ``processes=0`` extraction runs on the event loop as before: one process, less memory.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
import struct
import sys
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TypeVar

import structlog

from streams.model.article import TEXT_FIELDS, Article
from streams.model.events import Upsert, upserts_of, upserts_of_each
from streams.processes import end_with_parent

log = structlog.get_logger(__name__)
T = TypeVar("T")
FRAME = struct.Struct(">I")  # the length of the pickle that follows
STOP_SECONDS = 10.0
# A batch with an article longer than this (characters of text) is derived article by article (see upserts_or_failures).
BATCH_TEXT_CHARS = 64 * 1024


@dataclass(frozen=True)
class Failed:
    """Extraction raised on this article: the reason that goes with it to the dead-letter topic."""

    reason: str


Derived = list[Upsert] | Failed


class ExtractionFailed(Exception):
    """Raised where a :class:`Failed` result is used as events: the article goes to the dead-letter topic."""


class OverBudget(Exception):
    """An article's extraction ran past the per-article time budget."""


# How often the budget's signal repeats after it first fires, until the code it interrupts has stopped.
BUDGET_REPEAT_SECONDS = 0.05


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OverBudget` in the code inside once ``seconds`` have passed (None or 0: no limit).

    A timer signal, so the extraction in progress is interrupted where it is: the only way to stop
    CPU-bound Python in this very thread. Only the main thread receives signals: an extraction process's
    own loop, or the worker's event loop when extraction runs there. The signal repeats until the code
    inside has stopped: a handler that raises while a garbage-collector callback or a finaliser runs has its
    exception printed and dropped by Python, and a single signal would then be lost.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget(f"extraction took longer than the budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, BUDGET_REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def text_length(article: Article) -> int:
    return sum(len(article.field(name)) for name in TEXT_FIELDS)


def upserts_or_failures(articles: list[Article], budget: float | None = None) -> list[Derived]:
    """One batched parse, within ``budget`` seconds; when it raises or runs out of time, each article alone,
    each within the budget, so a bad or slow article fails only itself (dead-lettered with the reason).

    A batch holding an article of more than BATCH_TEXT_CHARS of text is derived article by article at once:
    such an article may well need the whole budget, which the batch would spend before trying it alone.
    """
    if all(text_length(article) <= BATCH_TEXT_CHARS for article in articles):
        try:
            with time_budget(budget):
                return list(upserts_of_each(articles))
        except Exception:
            log.exception("batch extraction failed; deriving one by one", size=len(articles))
    return [_upserts_or_failure(article, budget) for article in articles]


def _upserts_or_failure(article: Article, budget: float | None) -> Derived:
    try:
        with time_budget(budget):
            return upserts_of(article)
    except OverBudget as error:
        log.error("extraction over budget", article_id=article.article_id, version=article.version,
                  text_length=text_length(article), budget=budget)
        return Failed(f"{error} ({text_length(article)} characters of text)")
    except Exception as error:
        log.exception("extraction failed", article_id=article.article_id, version=article.version)
        return Failed(f"{type(error).__name__}: {error}")


def chunks(items: list[T], parts: int) -> list[list[T]]:
    """``items`` in at most ``parts`` consecutive runs of nearly equal length (order kept)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    runs, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs


class ProcessDied(Exception):
    """The extraction process ended (killed, out of memory) before it answered."""


def _frame(value: object) -> bytes:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return FRAME.pack(len(data)) + data


class _Child:
    """One extraction process: calls are answered in the order they were written."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self._process = process
        self._waiting: deque[asyncio.Future[list[Derived]]] = deque()
        self._reader = asyncio.ensure_future(self._read())

    @classmethod
    async def start(cls, budget: float | None) -> _Child:
        """A new process, once it has loaded the model (its first answer)."""
        # Not ``-m streams.agents.offload``: run as __main__, its Failed would pickle as __main__.Failed.
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", f"from streams.agents.offload import main; main({budget!r})",
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, preexec_fn=end_with_parent)
        child = cls(process)
        await child.extract([])
        return child

    @property
    def alive(self) -> bool:
        return not self._reader.done()

    async def extract(self, articles: list[Article]) -> list[Derived]:
        if not self.alive:
            raise ProcessDied("the extraction process has ended")
        answer: asyncio.Future[list[Derived]] = asyncio.get_running_loop().create_future()
        self._waiting.append(answer)
        assert self._process.stdin is not None
        self._process.stdin.write(_frame(articles))
        try:
            await self._process.stdin.drain()
        except ConnectionError:
            pass  # it died: the reader fails the answer when it sees the end of its output
        return await answer

    async def _read(self) -> None:
        """Each answer to the call waiting longest. When the process ends, every waiting call fails with
        ProcessDied (it is restarted); an answer that cannot be read fails them with that error (a bug)."""
        assert self._process.stdout is not None
        ended: Exception = ProcessDied(f"the extraction process ended (pid {self._process.pid})")
        try:
            while True:
                (size,) = FRAME.unpack(await self._process.stdout.readexactly(FRAME.size))
                result = pickle.loads(await self._process.stdout.readexactly(size))
                answer = self._waiting.popleft()
                if not answer.done():  # a cancelled call (a rebalance) still gets its answer read
                    answer.set_result(result)
        except asyncio.IncompleteReadError:
            pass
        except Exception as error:
            log.exception("an extraction answer could not be read")
            ended = error
            self._process.kill()
        finally:
            while self._waiting:
                answer = self._waiting.popleft()
                if not answer.done():
                    answer.set_exception(ended)

    async def stop(self) -> None:
        """End of input: it finishes what it was given and exits (killed if it does not in time)."""
        if self._process.returncode is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                await asyncio.wait_for(self._process.wait(), STOP_SECONDS)
            except asyncio.TimeoutError:
                self._process.kill()
                await self._process.wait()
        await self._reader


class ExtractionPool:
    """Derives batches of articles in ``processes`` child processes (0: on the calling event loop)."""

    def __init__(self, processes: int, budget: float | None = None) -> None:
        self.processes = processes
        self.budget = budget  # seconds per article (None: no limit), see upserts_or_failures
        self._children: list[_Child] = []
        self._starting: asyncio.Future[None] | None = None
        self._restarting = asyncio.Lock()

    async def start(self) -> None:
        """Start the processes and wait until each has its model (0 processes: load it here). Idempotent:
        the worker starts them beside its own start-up, and the first batch waits for them."""
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._start())
        await asyncio.shield(self._starting)

    @property
    def ready(self) -> bool:
        """Whether the processes have started and loaded their model."""
        return self._starting is not None and self._starting.done() and self._starting.exception() is None

    async def _start(self) -> None:
        if self.processes == 0:
            from streams.extraction.nlp import load_pipeline

            load_pipeline()
            return
        self._children = list(await asyncio.gather(*(_Child.start(self.budget) for _ in range(self.processes))))
        log.info("extraction processes ready", processes=self.processes)

    async def stop(self) -> None:
        await asyncio.gather(*(child.stop() for child in self._children))
        self._children = []

    async def extract(self, articles: list[Article]) -> list[Derived]:
        """What each article derives, in order. A process that dies (killed, out of memory) is replaced
        and the batch derived again one article at a time: an article that kills processes fails alone."""
        if not articles:
            return []
        await self.start()
        if self.processes == 0:
            return upserts_or_failures(articles, self.budget)
        try:
            return await self._gather(articles)
        except ProcessDied:
            log.error("an extraction process died; restarting it and deriving the batch article by article",
                      size=len(articles))
            await self._restart()
        return [await self._derive_alone(article) for article in articles]

    async def _derive_alone(self, article: Article) -> Derived:
        """One article; Failed when it ends a process twice (the first end may be another process's, seen late)."""
        for attempt in range(2):
            try:
                (found,) = await self._gather([article])
                return found
            except ProcessDied:
                log.error("an extraction process died on an article", article_id=article.article_id,
                          version=article.version, attempt=attempt + 1)
                await self._restart()
        return Failed("the extraction process died while deriving this article")

    async def _gather(self, articles: list[Article]) -> list[Derived]:
        runs = await asyncio.gather(*(child.extract(run) for child, run in
                                      zip(self._children, chunks(articles, len(self._children)))))
        return [derived for run in runs for derived in run]

    async def _restart(self) -> None:
        """New processes in place of the ones that ended (once, however many calls saw them end)."""
        async with self._restarting:
            for i, child in enumerate(self._children):
                if not child.alive:
                    await child.stop()
                    self._children[i] = await _Child.start(self.budget)
                    log.info("extraction process restarted")


def serve(requests: IO[bytes], answers: IO[bytes], budget: float | None = None) -> None:
    """One extraction process: each batch of articles read from ``requests`` answered on ``answers``,
    each article within ``budget`` seconds, until the worker closes ``requests`` (or dies: then this
    process is sent SIGTERM)."""
    from streams.extraction.nlp import load_pipeline

    load_pipeline()
    while header := requests.read(FRAME.size):
        (size,) = FRAME.unpack(header)
        answers.write(_frame(upserts_or_failures(pickle.loads(requests.read(size)), budget)))
        answers.flush()


def main(budget: float | None = None) -> None:
    """An extraction process: the answers go to the real stdout, anything else printed to stderr."""
    from streams import logs

    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    logs.configure()
    serve(sys.stdin.buffer, answers, budget)
