"""Extraction in processes of their own, beside the worker's event loop.

Extraction (spaCy and the rules) is CPU-bound Python that holds the GIL for a whole batch. Run on
the event loop, it stops everything else the worker does meanwhile: fetching the next records,
sending and acknowledging the last batch's events, the tally agent, the whole view's fold, the
web API and the group heartbeats. In a child process the two overlap, on a second core when
there is one. The child loads the model once; articles go to it and events come back pickled.

With ``processes=0`` extraction runs on the event loop as before: one process, less memory.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

import structlog

from streams.article import Article
from streams.events import Event, derive, derive_many

log = structlog.get_logger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Failed:
    """Extraction raised on this article: the reason that goes with it to the dead-letter topic."""

    reason: str


Derived = list[Event] | Failed


class ExtractionFailed(Exception):
    """Raised where a :class:`Failed` result is used as events: the article goes to the dead-letter topic."""


def derive_each(articles: list[Article]) -> list[Derived]:
    """One batched parse; when it raises, each article alone, so a bad article fails only itself."""
    try:
        return list(derive_many(articles))
    except Exception:
        log.exception("batch extraction failed; deriving one by one", size=len(articles))
    return [_derive_one(article) for article in articles]


def _derive_one(article: Article) -> Derived:
    try:
        return derive(article)
    except Exception as error:
        log.exception("extraction failed", article_id=article.article_id, version=article.version)
        return Failed(f"{type(error).__name__}: {error}")


def _start_child() -> None:
    """Each extraction process: ends with the worker (even a SIGKILLed one), logs like it, and loads
    the model before its first batch."""
    from streams import logs
    from streams.extraction.nlp import load_pipeline
    from streams.processes import end_with_parent

    end_with_parent()
    logs.configure()
    load_pipeline()


def _ready() -> bool:
    return True


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


class Extraction:
    """Derives batches of articles in ``processes`` child processes (0: on the calling event loop)."""

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start the processes and wait until each has its model (0 processes: load it here)."""
        if self.processes == 0:
            from streams.extraction.nlp import load_pipeline

            load_pipeline()
            return
        self._pool = self._new_pool()
        for ready in self._warm_up(self._pool):
            ready.result()  # a process that could not start raises here, before the worker joins its group
        log.info("extraction processes ready", processes=self.processes)

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    async def derive(self, articles: list[Article]) -> list[Derived]:
        """What each article derives, in order. A process that dies (killed, out of memory) is replaced
        and the batch derived again one article at a time: an article that kills it again fails alone."""
        if not articles:
            return []
        if self._pool is None:
            return derive_each(articles)
        try:
            return await self._gather(articles)
        except BrokenProcessPool:
            log.error("an extraction process died; restarting them and deriving the batch article by article",
                      size=len(articles))
            await self._restart()
        found: list[Derived] = []
        for article in articles:
            try:
                found.extend(await self._gather([article]))
            except BrokenProcessPool:
                log.error("the extraction process died on an article", article_id=article.article_id,
                          version=article.version)
                found.append(Failed("the extraction process died while deriving this article"))
                await self._restart()
        return found

    async def _gather(self, articles: list[Article]) -> list[Derived]:
        loop = asyncio.get_running_loop()
        runs = await asyncio.gather(*(loop.run_in_executor(self._pool, derive_each, run)
                                      for run in chunks(articles, self.processes)))
        return [derived for run in runs for derived in run]

    async def _restart(self) -> None:
        """A new pool in place of a broken one, its model loaded without blocking the event loop."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        await asyncio.gather(*map(asyncio.wrap_future, self._warm_up(self._pool)))
        log.info("extraction processes restarted", processes=self.processes)

    def _new_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            self.processes, mp_context=multiprocessing.get_context("spawn"), initializer=_start_child)

    def _warm_up(self, pool: concurrent.futures.ProcessPoolExecutor) -> list[concurrent.futures.Future[bool]]:
        """As many calls as processes; each process loads its model before it answers one, so when they
        have returned the model is loaded (in every process, unless a quick one took two calls)."""
        return [pool.submit(_ready) for _ in range(self.processes)]
