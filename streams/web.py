"""HTTP API of a worker, served on its faust web port."""

from __future__ import annotations

from typing import Any

from streams.app import Newsroom
from streams.counting import incident_counts, statement_counts


def register(newsroom: Newsroom) -> None:
    app = newsroom.app

    @app.page("/api/counts")
    async def counts(web: Any, request: Any) -> Any:
        return web.json(filter_counts(incident_counts(newsroom.owned_tallies()), request.query))

    @app.page("/api/statement-counts")
    async def speaker_counts(web: Any, request: Any) -> Any:
        return web.json(statement_counts(newsroom.owned_tallies()))

    @app.page("/api/status")
    async def status(web: Any, request: Any) -> Any:
        return web.json({
            "processed": {topic: {str(p): o for p, o in parts.items()} for topic, parts in newsroom.progress.done.items()},
            "counters": newsroom.progress.counters,
            "assigned": sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment()),
        })


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
