"""What the dashboard's audience costs the worker: answers computed once per change of the view and shared.

Before this, each open event stream recomputed the whole snapshot on every change
of the view (about 120 ms at 3,900 articles), so a handful of dashboards starved the
agents of the event loop. Now every answer derived from the view is computed at most
once per change (:class:`PerChange`); the snapshot is also computed at most once per
``snapshot_interval_ms`` however fast the view changes (:class:`Throttled`), encoded
once, and the same bytes are written to every client by one watcher
(:class:`LiveFeed`), which alone looks for changes. The number of open streams is
capped: the one over the cap gets a 503 with the reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

import orjson
import structlog
from aiohttp import web as aioweb

from streams.view import api

log = structlog.get_logger(__name__)

T = TypeVar("T")

CHANGE_POLL_SECONDS = 0.25  # how often the watcher looks for a change: one cheap comparison of counters
KEEPALIVE_SECONDS = 15.0  # a comment line this often finds dead clients and keeps proxies from timing out
RETRY_MS = 2000  # how long a browser's EventSource waits before reconnecting
STREAMS_RETRY_AFTER_SECONDS = 10  # what a client refused for the cap is asked to wait
SHARE = 20  # the snapshot waits at least this many times as long as its last computation took: at most 1/20 of the loop


def sse_message(event: str, data: bytes) -> bytes:
    """One server-sent event; orjson output has no newline, so it fits one ``data:`` line."""
    return b"event: " + event.encode() + b"\ndata: " + data + b"\n\n"


RECOVERING_MESSAGE = sse_message("recovering", orjson.dumps(api.recovering_body()))


@dataclass(frozen=True, slots=True)
class Encoded:
    """One snapshot, encoded once: the JSON answer and the server-sent event carrying it."""

    mark: Hashable  # the state of the view it was computed from
    body: bytes
    message: bytes


class PerChange(Generic[T]):
    """A value derived from the view, computed again only once ``mark()`` (the view's change counter) moves.

    The event loop runs one callback at a time, so the mark read just before the
    computation is the state it computed from.
    """

    def __init__(self, mark: Callable[[], Hashable], compute: Callable[[], T]) -> None:
        self._mark = mark
        self._compute = compute
        self._cached: tuple[Hashable, T] | None = None

    def get(self) -> T:
        mark = self._mark()
        if self._cached is None or self._cached[0] != mark:
            self._cached = (mark, self._compute())
        return self._cached[1]


class Throttled:
    """The encoded snapshot, computed again when the view has changed, but never sooner than ``interval`` after the
    last, nor than ``SHARE`` times as long as the last took.

    A caller that finds the view changed within the interval waits for the one
    computation at its end, shared with every other caller: the answer is never older
    than the request, and a burst of changes and requests costs one computation. The
    second bound keeps a large view's snapshot (about 120 ms at 3,900 articles, measured
    in issue 20) to a fixed share of the event loop: computed less often, never costlier.
    """

    def __init__(self, mark: Callable[[], Hashable], compute: Callable[[], bytes], interval: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._mark = mark
        self._compute = compute
        self._interval = interval
        self._clock = clock
        self._latest: Encoded | None = None
        self._computed_at = float("-inf")
        self._took = 0.0  # seconds the last computation took
        self._pending: asyncio.Future[Encoded] | None = None

    def fresh(self) -> Encoded | None:
        """The last snapshot if the view has not changed since, without waiting."""
        latest = self._latest
        return latest if latest is not None and latest.mark == self._mark() else None

    async def current(self) -> Encoded:
        """A snapshot of the view as it is now, or as it is at the end of the interval."""
        fresh = self.fresh()
        if fresh is not None:
            return fresh
        if self._pending is None:
            self._pending = asyncio.ensure_future(self._refresh())
        return await asyncio.shield(self._pending)

    async def _refresh(self) -> Encoded:
        try:
            wait = self._computed_at + max(self._interval, SHARE * self._took) - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            mark, began = self._mark(), self._clock()
            body = self._compute()
            self._latest = Encoded(mark, body, sse_message("snapshot", body))
            self._computed_at = self._clock()
            self._took = self._computed_at - began
            return self._latest
        finally:
            self._pending = None


class LiveFeed:
    """Server-sent snapshots of the whole view to every open stream, pushed when it changes.

    One watcher task, running while a stream is open, looks for a change a few times a
    second and publishes the new message; each stream writes the latest one it has not
    sent (a slow client skips the ones it missed instead of queueing them).
    """

    def __init__(self, snapshots: Throttled, recovering: Callable[[], bool], max_streams: int) -> None:
        self.snapshots = snapshots
        self.recovering = recovering
        self.max_streams = max_streams
        self.open = 0
        self.stopping = asyncio.Event()
        self._latest: bytes | None = None
        self._published = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None

    async def close(self, *_: object) -> None:
        """aiohttp's on_shutdown: end open streams, or the server would wait for them before it stops."""
        self.stopping.set()
        self._published.set()
        if self._watcher is not None:
            self._watcher.cancel()

    async def message(self) -> bytes:
        """What a stream shows now: the current snapshot, or that the tables are recovering."""
        return RECOVERING_MESSAGE if self.recovering() else (await self.snapshots.current()).message

    def refusal(self) -> aioweb.Response:
        return aioweb.json_response(
            {"error": f"too many open event streams (at most {self.max_streams}); retry later or poll /api/snapshot",
             "retry_after": STREAMS_RETRY_AFTER_SECONDS},
            status=503, headers={"Retry-After": str(STREAMS_RETRY_AFTER_SECONDS)})

    async def stream(self, request: aioweb.Request) -> aioweb.StreamResponse:
        if self.open >= self.max_streams:
            return self.refusal()
        self.open += 1
        try:
            self._ensure_watching()
            response = aioweb.StreamResponse(headers={
                "Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
            await response.prepare(request)
            with contextlib.suppress(ConnectionResetError):  # the browser went away: nothing to clean up
                await response.write(b"retry: %d\n\n" % RETRY_MS)
                await self._push(response)
            return response
        finally:
            self.open -= 1

    def _ensure_watching(self) -> None:
        if self._watcher is None or self._watcher.done():
            self._watcher = asyncio.ensure_future(self._watch())

    async def _watch(self) -> None:
        """Publish each new message while streams are open; the last stream to close ends it."""
        while self.open and not self.stopping.is_set():
            try:
                message = await self.message()
            except Exception:  # noqa: BLE001 - the streams keep the last snapshot; the next change may compute
                log.exception("the dashboard snapshot could not be computed")
            else:
                if message is not self._latest:
                    self._latest = message
                    published, self._published = self._published, asyncio.Event()
                    published.set()
            await asyncio.sleep(CHANGE_POLL_SECONDS)

    async def _push(self, response: aioweb.StreamResponse) -> None:
        """The current message at once, then each one published after it (skipping one equal to what was sent)."""
        published = self._published
        sent = await self.message()
        await response.write(sent)
        while not self.stopping.is_set():
            try:
                await asyncio.wait_for(published.wait(), KEEPALIVE_SECONDS)
            except asyncio.TimeoutError:
                await response.write(b": keepalive\n\n")
                continue
            published = self._published
            latest = self._latest
            if latest is not None and latest is not sent and not self.stopping.is_set():
                await response.write(latest)
                sent = latest
