"""What the worker's web server serves and says, on the app a worker builds (no broker: nothing is started).

faust's own routes are switched off through its public settings; the first test lists
every route the built app serves against the OpenAPI description, so a faust release
that mounts a new route of its own fails here.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from streams.agents.app import Newsroom
from streams.agents.offload import ExtractionPool
from streams.config import Settings
from streams.view import openapi, web, web_analysis
from streams.view.web_policy import HEADERS

FAUST_PATHS = ["/router/", "/router/topics", "/router/articles/", "/router/articles/k/", "/table/", "/table/articles/",
               "/table/articles/k/", "/graph/", "/stats/", "/assignment/", "/performance/"]
HEADER_TIMEOUT = 0.5
WAIT_SECONDS = 30.0  # an upper bound for the server to act, far below aiohttp's own hour; not a latency assertion


def _built() -> Newsroom:
    """A worker's app with every route it registers, and faust's own mounted as the worker's start mounts them."""
    newsroom = Newsroom(Settings(broker_profile="kafka", web_header_timeout=HEADER_TIMEOUT), ExtractionPool(0))
    web.register(newsroom)
    web_analysis.register(newsroom)
    newsroom.app.web.init_server()
    return newsroom


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(_built().app.web.web_app)) as test_client:
        yield test_client


def test_the_app_serves_only_the_documented_paths_and_its_static_files() -> None:
    routes = _built().app.web.web_app.router.routes()
    served = {route.resource.canonical for route in routes if route.resource is not None}
    assert served - {"/static"} == set(openapi.document()["paths"])
    assert {route.method for route in routes} == {"GET", "HEAD"}


async def test_faust_routes_are_not_found_and_the_root_is_the_dashboard(client: TestClient) -> None:
    for path in FAUST_PATHS:
        assert (await client.get(path)).status == 404, path
    root = await client.get("/")
    assert root.status == 200 and "<svg" in await root.text()


def _check_headers(headers: object, what: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (what, name)  # type: ignore[attr-defined]
    assert not re.search(r"[0-9/]", headers["Server"]), what  # type: ignore[index]


async def test_every_response_carries_the_security_headers_and_a_server_header_without_versions(
        client: TestClient) -> None:
    for method, path, status in [("GET", "/", 200), ("GET", "/api/live", 200), ("GET", "/api/counts", 503),
                                 ("GET", "/api/ready", 503), ("GET", "/static/dashboard.js", 200),
                                 ("GET", "/nowhere", 404), ("POST", "/", 405), ("GET", "/router/", 404)]:
        response = await client.request(method, path)
        assert response.status == status, path
        _check_headers(response.headers, path)
    # A request aiohttp cannot parse is answered by aiohttp itself, outside the app (streams.agents.internals).
    reader, writer = await asyncio.open_connection(client.host, client.port)
    writer.write(b"NOT A\x00REQUEST\r\n\r\n")
    head = (await asyncio.wait_for(reader.read(), WAIT_SECONDS)).split(b"\r\n\r\n")[0].decode()
    writer.close()
    assert head.startswith("HTTP/1.0 400") or head.startswith("HTTP/1.1 400")
    _check_headers(dict(line.split(": ", 1) for line in head.splitlines()[1:]), "400")


async def test_a_half_sent_request_is_closed_after_the_header_timeout_a_whole_one_answered(client: TestClient) -> None:
    async def send(data: bytes) -> bytes:
        reader, writer = await asyncio.open_connection(client.host, client.port)
        writer.write(data)
        try:
            return await asyncio.wait_for(reader.read(), WAIT_SECONDS)  # b"" once the server closes
        finally:
            writer.close()

    half_line, half_head, whole = await asyncio.gather(
        send(b"GET /api/li"), send(b"GET /api/live HTTP/1.1\r\nHost: x\r\n"),
        send(b"GET /api/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
    assert half_line == b"" and half_head == b""
    assert whole.startswith(b"HTTP/1.1 200") and whole.endswith(b'{"live":true}')


async def test_readiness_names_what_a_worker_not_started_waits_for_liveness_answers(client: TestClient) -> None:
    ready = await client.get("/api/ready")
    assert ready.status == 503
    body = await ready.json()
    assert body["ready"] is False
    for waiting in ("recovering the tables", "reading the derived topics", "loading the extraction model"):
        assert waiting in body["reason"]
    live = await client.get("/api/live")
    assert live.status == 200 and await live.json() == {"live": True}


def test_the_web_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSROOM_MAX_EVENT_STREAMS", "7")
    monkeypatch.setenv("NEWSROOM_SNAPSHOT_INTERVAL_MS", "250")
    monkeypatch.setenv("NEWSROOM_WEB_HEADER_TIMEOUT", "2.5")
    settings = Settings.from_env()
    assert (settings.max_event_streams, settings.snapshot_interval_ms, settings.web_header_timeout) == (7, 250, 2.5)
    monkeypatch.setenv("NEWSROOM_WEB_HEADER_TIMEOUT", "-1")
    with pytest.raises(ValueError, match="NEWSROOM_WEB_HEADER_TIMEOUT"):
        Settings.from_env()


@pytest.mark.parametrize("name", ["NEWSROOM_WEB_HEADER_TIMEOUT", "NEWSROOM_BATCH_SECONDS"])
def test_a_time_of_zero_is_refused_not_replaced_by_the_default(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """0 is a value the operator wrote: it is refused with the setting's name, never silently read as unset."""
    monkeypatch.setenv(name, "0")
    with pytest.raises(ValueError, match=name):
        Settings.from_env()
