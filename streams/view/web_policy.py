"""What the worker's web server serves, says about itself and waits for, whatever the route.

* faust's own routes are off: ``/router/`` and ``/table/`` exposed the ledger and the
  cluster's topology, ``/graph/``, ``/stats/``, ``/assignment/`` and ``/performance/`` its
  internals; none is part of the API. All through faust's public settings; the index faust
  mounts at ``/`` when its statistics are off is shadowed by the dashboard.
  ``tests/test_web_policy.py`` lists every route the built app serves, so a faust release
  that adds one fails there.
* A connection has ``web_header_timeout`` seconds to send a whole request head (aiohttp's
  keep-alive timer, which also runs from the moment a connection opens); a client that
  sends half a request line and waits is closed then, not held open for an hour.
* A handler whose client went away is cancelled (aiohttp's handler cancellation): an event
  stream closed by its browser gives its place under the cap back at once.
* Every response carries the security headers below, and a ``Server`` header that names no
  versions (aiohttp's named Python's and its own), the ones aiohttp builds for requests it
  cannot parse included (:func:`streams.agents.internals.stamp_error_responses`).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web as aioweb

from streams.agents.internals import stamp_error_responses
from streams.config import Settings

SERVER = "newsroom"

# The dashboard loads only its own static files and talks only to its own origin; the favicon is a data: URL.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Server": SERVER,
}


def faust_web_options(settings: Settings) -> dict[str, Any]:
    """faust App settings: its own web routes off, and the request-head timeout of the aiohttp server it builds."""
    return {
        "web_router_enabled": False,
        "web_tables_enabled": False,
        "web_stats_enabled": False,
        "web_graph_enabled": False,
        "web_metrics_enabled": False,
        # Application(handler_args=...) is aiohttp's public way to configure the server and its request handlers.
        # Handler cancellation: a client that goes away ends its handler at once, so a closed event stream
        # frees its place under the cap then, not at the next write to it (up to a keep-alive period later).
        "web_application_options": {"handler_args": {"keepalive_timeout": settings.web_header_timeout,
                                                     "handler_cancellation": True}},
    }


async def _stamp(request: aioweb.BaseRequest, response: aioweb.StreamResponse) -> None:
    """aiohttp's on_response_prepare: every routed response, 404s, 405s and static files included."""
    response.headers.update(HEADERS)


def install(web_app: aioweb.Application) -> None:
    """Stamp the headers on every response of this aiohttp application (call before the server starts), and on
    those aiohttp answers by itself, to requests it could not parse."""
    web_app.on_response_prepare.append(_stamp)
    stamp_error_responses(HEADERS)
