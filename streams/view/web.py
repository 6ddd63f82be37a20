"""HTTP API and dashboard of a worker, served on its faust web port.

Handlers read the worker's whole view of the derived topics (:mod:`streams.view.whole`:
every partition, whoever owns it, so any worker answers for the whole table) and
hand the query to the pure functions of :mod:`streams.view.api`; the description of it
all is :mod:`streams.view.openapi`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import orjson
from aiohttp import web as aioweb
from faust.web.drivers.aiohttp import Web as AiohttpWeb

from streams.agents import metrics
from streams.agents.app import Newsroom
from streams.view import analysis, api, openapi, web_policy
from streams.view.live import LiveFeed, PerChange, Throttled

STATIC = Path(__file__).resolve().parent / "static"
DASHBOARD = STATIC / "dashboard.html"


def register(newsroom: Newsroom) -> None:
    """Add every route to the app's web server (call before the worker starts)."""
    app, view = newsroom.app, newsroom.view
    # Each answer derived from the whole view is computed once per change of it, whoever asks (streams.view.live).
    counts_now = PerChange(lambda: view.changes, view.counts)
    snapshots = Throttled(lambda: view.changes, lambda: orjson.dumps(view.snapshot(counts_now.get())),
                          newsroom.settings.snapshot_interval_ms / 1000)
    feed = LiveFeed(snapshots, newsroom.recovering, newsroom.settings.max_event_streams)
    web = cast(AiohttpWeb, app.web)  # the aiohttp driver: faust's Web interface leaves its aiohttp app out
    web.add_static("/static/", STATIC)
    web.web_app.on_shutdown.append(feed.close)
    web.web_app.middlewares.append(recovery_guard(newsroom))
    web_policy.install(web.web_app)

    @app.page("/api/counts")
    async def counts(web: Any, request: Any) -> Any:
        return _answer(web, lambda: api.count_table(_counts_as_asked(newsroom, counts_now, request.query), request.query))

    @app.page("/api/statement-counts")
    async def speaker_counts(web: Any, request: Any) -> Any:
        return web.json(view.statement_counts())

    @app.page("/api/incidents")
    async def incidents(web: Any, request: Any) -> Any:
        return _answer(web, lambda: view.incident_listing(request.query))

    @app.page("/api/statements")
    async def statements(web: Any, request: Any) -> Any:
        return _answer(web, lambda: view.statement_listing(request.query))

    @app.page("/api/snapshot")
    async def snapshot(web: Any, request: Any) -> Any:
        response = web.bytes((await snapshots.current()).body, content_type="application/json")
        response.charset = "utf-8"
        return response

    @app.page("/api/events")
    async def events(web: Any, request: Any) -> Any:
        return await feed.stream(request)

    @app.page("/api/openapi.json")
    async def description(web: Any, request: Any) -> Any:
        return web.json(openapi.document())

    @app.page("/metrics")
    async def prometheus(web: Any, request: Any) -> Any:
        response = web.bytes(metrics.render(app.consumer, newsroom.progress.done, newsroom.consumed_topics(),
                                            view.cell_counts()), content_type="text/plain")
        response.charset = "utf-8"
        return response

    @app.page("/")
    async def dashboard(web: Any, request: Any) -> Any:
        return web.html(DASHBOARD.read_text())

    @app.page("/api/live")
    async def live(web: Any, request: Any) -> Any:
        """The liveness probe: answering at all shows the event loop turns; it reads nothing, so it is cheap."""
        return web.json({"live": True})

    @app.page("/api/ready")
    async def ready(web: Any, request: Any) -> Any:
        """The readiness probe: 200 once the worker answers for the whole table and processes records; else 503
        with the reason (no broker answers, tables recovering, the whole view still reading, ...)."""
        reason = newsroom.unready_reason()
        if reason is None:
            return web.json({"ready": True})
        return web.json({"ready": False, "reason": reason}, status=503)

    @app.page("/api/status")
    async def status(web: Any, request: Any) -> Any:
        done = {**newsroom.progress.done, **newsroom.view.read}
        return web.json({
            "processed": {topic: {str(p): o for p, o in parts.items()} for topic, parts in done.items()},
            "counters": newsroom.progress.counters,
            "batches": {"first_began_at": newsroom.progress.first_batch_at,
                        "last_ended_at": newsroom.progress.last_batch_at},
            "assigned": sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment()),
            "recovering": newsroom.recovering(),
            "held": newsroom.held(),
        })


def recovery_guard(newsroom: Newsroom) -> Any:
    """503 with ``Retry-After`` from every table-backed ``/api/`` path while the tables recover.

    Right after a start or during a rebalance the tables hold only what was recovered so
    far: answering 200 then would show counts that are too low as if they were final.
    """

    @aioweb.middleware
    async def guard(request: aioweb.Request, handler: Any) -> aioweb.StreamResponse:
        if request.path.startswith("/api/") and request.path not in api.NOT_TABLE_BACKED and newsroom.recovering():
            return aioweb.json_response(api.recovering_body(), status=503,
                                        headers={"Retry-After": str(api.RETRY_AFTER_SECONDS)})
        response: aioweb.StreamResponse = await handler(request)
        return response

    return guard


def _counts_as_asked(newsroom: Newsroom, counts_now: PerChange[dict[str, dict[str, int]]],
                     query: Any) -> dict[str, dict[str, int]]:
    """The live table, or with ``?as_of=`` the table folded from each cell's history up to then (:mod:`streams.model.asof`)."""
    as_of = analysis.parse_as_of(query)
    if as_of is None:
        return counts_now.get()
    return newsroom.view.counts_as_of(as_of)


def _answer(web: Any, compute: Any) -> Any:
    """The computed JSON, or a 400 naming the parameter that made it impossible."""
    try:
        return web.json(compute())
    except api.BadRequest as error:
        return web.json(error.body(), status=400)
