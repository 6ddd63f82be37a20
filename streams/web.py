"""HTTP API of a worker, served on its faust web port."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from streams import metrics
from streams.app import Newsroom
from streams.events import Event
from streams.counting import incident_counts, statement_counts


DASHBOARD = Path(__file__).resolve().parent / "static" / "dashboard.html"


def register(newsroom: Newsroom) -> None:
    app = newsroom.app

    @app.page("/api/counts")
    async def counts(web: Any, request: Any) -> Any:
        return web.json(filter_counts(incident_counts(newsroom.owned_tallies()), request.query))

    @app.page("/api/statement-counts")
    async def speaker_counts(web: Any, request: Any) -> Any:
        return web.json(statement_counts(newsroom.owned_tallies()))

    @app.page("/api/incidents")
    async def incidents(web: Any, request: Any) -> Any:
        events = newsroom.owned_view(newsroom.incident_view, newsroom.incidents)
        return _listing(web, request, events, {"kind": "kind", "country": "country"}, _incident_order)

    @app.page("/api/statements")
    async def statements(web: Any, request: Any) -> Any:
        events = newsroom.owned_view(newsroom.statement_view, newsroom.statements)
        return _listing(web, request, events, {"speaker": "speaker.name", "organization": "speaker.organization"},
                        lambda e: (e.get("said_on") or {}).get("value") or "")

    @app.page("/metrics")
    async def prometheus(web: Any, request: Any) -> Any:
        response = web.bytes(metrics.render(app.consumer, newsroom.progress.done), content_type="text/plain")
        response.charset = "utf-8"
        return response

    @app.page("/")
    async def dashboard(web: Any, request: Any) -> Any:
        return web.html(DASHBOARD.read_text())

    @app.page("/api/status")
    async def status(web: Any, request: Any) -> Any:
        return web.json({
            "processed": {topic: {str(p): o for p, o in parts.items()} for topic, parts in newsroom.progress.done.items()},
            "counters": newsroom.progress.counters,
            "assigned": sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment()),
        })


MAX_LIMIT = 500


def _incident_order(event: Event) -> str:
    return (event.get("occurred_on") or {}).get("value") or ""


def _field(event: Event, path: str) -> Any:
    value: Any = event
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _listing(web: Any, request: Any, events: list[Event], filters: dict[str, str],
             order: Callable[[Event], str]) -> Any:
    """Latest first, filtered, paginated (?limit=&offset=); bad parameters are a 400 with the reason."""
    try:
        limit = int(request.query.get("limit", 50))
        offset = int(request.query.get("offset", 0))
        if not 1 <= limit <= MAX_LIMIT or offset < 0:
            raise ValueError
    except ValueError:
        return web.json({"error": f"limit must be 1..{MAX_LIMIT} and offset >= 0"}, status=400)
    for name, path in filters.items():
        wanted = request.query.get(name)
        if wanted:
            events = [e for e in events if str(_field(e, path) or "").lower() == wanted.lower()]
    year = request.query.get("year")
    if year:
        events = [e for e in events if order(e).startswith(year)]
    events = sorted(events, key=lambda e: (order(e), e.get("article_version", 0)), reverse=True)
    return web.json({"total": len(events), "limit": limit, "offset": offset, "items": events[offset: offset + limit]})


def filter_counts(counts: dict[str, dict[str, int]], query: Any) -> dict[str, dict[str, int]]:
    """``?kind=&country=&year=`` narrow the contract's count table; absent filters keep everything."""
    kind, country, year = query.get("kind"), query.get("country"), query.get("year")
    result = {}
    for k, cells in counts.items():
        if kind and k != kind:
            continue
        result[k] = {
            cell: n for cell, n in cells.items()
            if (not country or cell.split("/")[0] == country.upper()) and (not year or cell.split("/")[1] == year)
        }
    return result
