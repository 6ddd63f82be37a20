"""HTTP routes of the analysis views: drill-down of a count cell, counts over time, the latest alerts.

Thin plumbing like :mod:`streams.view.web`: read the worker's own tally cells, hand them to
the pure functions of :mod:`streams.model.drilldown`, answer 400 naming a bad parameter.
A cell lives in one tally partition, so the worker that owns it answers for all of it.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from streams.agents.app import Newsroom
from streams.view import analysis, api
from streams.view.web import _answer


def register(newsroom: Newsroom) -> None:
    """Add the analysis routes to the worker's web server (call before it starts)."""
    app = newsroom.app

    @app.page("/api/counts/{kind}/{country}/{year}")
    async def cell(web: Any, request: Any, kind: str, country: str, year: str) -> Any:
        def compute() -> dict[str, Any]:
            api.check_known(request.query, frozenset())
            wanted = analysis.parse_cell(kind, country, year)
            return newsroom.view.drill_down(wanted.kind, wanted.country, wanted.year).to_json()
        return _answer(web, compute)

    @app.page("/api/alerts")
    async def alerts(web: Any, request: Any) -> Any:
        def compute() -> dict[str, Any]:
            api.check_known(request.query, frozenset())
            return {"alerts": [alert.to_json() for alert in newsroom.recent_alerts]}
        return _answer(web, compute)

    @app.page("/api/counts-over-time")
    async def series(web: Any, request: Any) -> Any:
        def compute() -> dict[str, Any]:
            kind, country = analysis.parse_series_filter(request.query)
            return {"series": [asdict(s) for s in newsroom.view.series(kind, country)]}
        return _answer(web, compute)
