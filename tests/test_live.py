"""The dashboard's live feed on plain data: one computation per change, shared by every client, and the cap."""

from __future__ import annotations

import asyncio

import orjson
import pytest
from aiohttp import web as aioweb
from aiohttp.test_utils import TestClient, TestServer

from streams.view.live import RECOVERING_MESSAGE, SHARE, LiveFeed, PerChange, Throttled, sse_message


class View:
    """Stands in for the whole view: a change counter and a value derived from it, counting its computations."""

    def __init__(self) -> None:
        self.changes = 0
        self.computed = 0

    def compute(self) -> bytes:
        self.computed += 1
        return orjson.dumps({"changes": self.changes})


def test_a_value_is_computed_again_only_once_the_view_changes() -> None:
    view = View()
    cached = PerChange(lambda: view.changes, view.compute)
    assert [cached.get() for _ in range(5)] == [b'{"changes":0}'] * 5 and view.computed == 1
    view.changes += 3
    assert cached.get() == b'{"changes":3}' and cached.get() == b'{"changes":3}' and view.computed == 2


async def test_a_burst_of_changes_and_requests_costs_one_computation_never_an_answer_older_than_the_request() -> None:
    view = View()
    snapshots = Throttled(lambda: view.changes, view.compute, interval=0.2)
    first = await snapshots.current()
    assert first.body == b'{"changes":0}' and first.message == sse_message("snapshot", first.body)

    async def change_then_ask(n: int) -> bytes:
        view.changes += 1
        return (await snapshots.current()).body

    answers = await asyncio.gather(*(change_then_ask(n) for n in range(50)))
    # Within the interval after the first computation, all fifty waited for one more: of the view after all changes.
    assert view.computed == 2
    assert set(answers) == {b'{"changes":50}'}
    assert await snapshots.current() is await snapshots.current()  # unchanged: the same encoded bytes, no computation
    assert view.computed == 2


def _feed(view: View, max_streams: int, recovering: list[bool] | None = None) -> tuple[LiveFeed, aioweb.Application]:
    feed = LiveFeed(Throttled(lambda: view.changes, view.compute, interval=0.05),
                    lambda: bool(recovering and recovering[0]), max_streams)
    app = aioweb.Application()
    app.router.add_get("/api/events", feed.stream)
    app.on_shutdown.append(feed.close)
    return feed, app


async def _next_message(content: asyncio.StreamReader) -> bytes:
    while True:
        block = await asyncio.wait_for(content.readuntil(b"\n\n"), 10)
        if block.startswith(b"event: "):
            return block


async def test_every_client_gets_the_same_bytes_computed_once_per_change() -> None:
    view = View()
    feed, app = _feed(view, max_streams=20)
    async with TestClient(TestServer(app)) as client:
        streams = [await client.get("/api/events") for _ in range(20)]
        firsts = [await _next_message(s.content) for s in streams]
        assert set(firsts) == {sse_message("snapshot", b'{"changes":0}')}
        view.changes += 7  # seven records applied between two looks of the watcher
        seconds = [await _next_message(s.content) for s in streams]
        assert set(seconds) == {sse_message("snapshot", b'{"changes":7}')}
        assert view.computed == 2  # not once per client, not once per record
        for stream in streams:
            stream.close()


async def test_streams_over_the_cap_get_503_with_the_reason_and_a_closed_one_frees_its_place() -> None:
    view = View()
    feed, app = _feed(view, max_streams=2)
    async with TestClient(TestServer(app)) as client:
        first, second = await client.get("/api/events"), await client.get("/api/events")
        await _next_message(first.content), await _next_message(second.content)
        refused = await client.get("/api/events")
        assert refused.status == 503 and int(refused.headers["Retry-After"]) > 0
        body = await refused.json()
        assert "too many open event streams" in body["error"] and body["retry_after"] > 0
        first.close()
        for _ in range(100):  # the server notices the closed connection at its next write or read
            if feed.open < 2:
                break
            await asyncio.sleep(0.05)
        third = await client.get("/api/events")
        assert third.status == 200 and (await _next_message(third.content)).startswith(b"event: snapshot")
        second.close(), third.close()


async def test_a_recovering_worker_streams_recovering_then_the_snapshot() -> None:
    view, recovering = View(), [True]
    feed, app = _feed(view, max_streams=1, recovering=recovering)
    async with TestClient(TestServer(app)) as client:
        stream = await client.get("/api/events")
        assert await _next_message(stream.content) == RECOVERING_MESSAGE
        recovering[0] = False
        assert await _next_message(stream.content) == sse_message("snapshot", b'{"changes":0}')
        stream.close()


async def test_closing_the_feed_ends_open_streams() -> None:
    view = View()
    feed, app = _feed(view, max_streams=3)
    async with TestClient(TestServer(app)) as client:
        stream = await client.get("/api/events")
        await _next_message(stream.content)
        await feed.close()
        assert await asyncio.wait_for(stream.content.read(), 10) == b""  # the end of the stream


async def test_a_snapshot_that_takes_long_to_compute_is_computed_less_often(monkeypatch: pytest.MonkeyPatch) -> None:
    view, now, slow = View(), [0.0], 0.004  # a fake clock; each computation takes 4 ms of it

    def compute() -> bytes:
        now[0] += slow
        return view.compute()

    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        now[0] += seconds
        await real_sleep(0)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    snapshots = Throttled(lambda: view.changes, compute, interval=0.0, clock=lambda: now[0])
    await snapshots.current()
    computed_at = now[0]
    view.changes += 1
    await snapshots.current()
    assert view.computed == 2
    # Not at once, although the interval is 0: after twenty times as long as the last computation took.
    assert now[0] - slow - computed_at >= SHARE * slow
