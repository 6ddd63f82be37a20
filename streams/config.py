"""Configuration from the environment, with defaults that run on one machine."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

import platformdirs

from streams.errors import BadSetting, DataDirUnusable
from streams.model.validation import (DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADLINE_BYTES, DEFAULT_MAX_STANDFIRST_BYTES,
                                Limits)

ENV_DATA_DIR = "NEWSROOM_DATA_DIR"


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadSetting(name, raw, "a whole number", default) from None


def _seconds(name: str) -> float | None:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return None
    try:
        return float(raw)
    except ValueError:
        raise BadSetting(name, raw, "a number of seconds", "unset") from None


def default_data_dir() -> Path:
    """Where one user's logs and local state go: ``NEWSROOM_DATA_DIR`` when set, else by the platform's conventions
    ($XDG_STATE_HOME/newsroom, else ~/.local/state/newsroom on Linux): two users of one machine never share them, as
    they did in /tmp. Read here too, not only in :meth:`Settings.from_env`, so that settings built in code (tests,
    benchmarks) keep their state where the environment says."""
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser()
    return Path(platformdirs.user_state_dir("newsroom", appauthor=False))


def bootstrap_addresses(bootstrap: str) -> list[tuple[str, int]]:
    """The (host, port) pairs of a ``host:port[,host:port...]`` list; ValueError when it is no such list
    (aiokafka would fail on it with a bare ValueError)."""
    addresses = []
    for address in bootstrap.split(","):
        host, colon, port = address.strip().rpartition(":")
        if not colon or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
            raise ValueError(f"{address.strip()!r} is no host:port")
        addresses.append((host, int(port)))
    return addresses


def _is_bootstrap(bootstrap: str) -> bool:
    try:
        bootstrap_addresses(bootstrap)
    except ValueError:
        return False
    return True


def _or(value: float | None, default: float) -> float:
    """``value`` unless unset (None); unlike ``or``, 0 is kept."""
    return default if value is None else value


# The largest record the worker sends, and what its dead-letter topic accepts: a dead letter carries
# the original raw record (which Kafka accepted up to about 1 MiB by default, or more where the
# raw topic allows it) plus the error headers. aiokafka's own check would refuse anything over 1,000,000 bytes.
MAX_RECORD_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BrokerProfile:
    """How faust is tuned for a broker.

    ``tansu`` works around the embedded broker's gaps (``../shared/BROKER.md``): one
    record per produce request, since batched writes break its latest offsets and
    changelog recovery, and a short session timeout, since each group join waits about
    half of it. ``kafka`` keeps faust's defaults: the batching producer, the usual timeout.
    """

    name: str
    producer_max_batch_size: int | None  # None: faust's default
    session_timeout: float | None  # None: faust's default


TANSU = BrokerProfile("tansu", producer_max_batch_size=1, session_timeout=10.0)
KAFKA = BrokerProfile("kafka", producer_max_batch_size=None, session_timeout=None)
PROFILES = {profile.name: profile for profile in (TANSU, KAFKA)}
FAUST_SESSION_TIMEOUT = 60.0  # faust's broker_session_timeout when a profile keeps its default
AUTO = "auto"
VIEW_STORES = ("sqlite", "memory")
TABLE_STORES = ("rocksdb://", "memory://")


@dataclass(frozen=True, slots=True)
class Topics:
    prefix: str = ""

    def _name(self, base: str) -> str:
        return f"{self.prefix}{base}"

    @property
    def raw(self) -> str:
        return self._name("newsroom.articles.raw")

    @property
    def incidents(self) -> str:
        return self._name("newsroom.incidents.v1")

    @property
    def statements(self) -> str:
        return self._name("newsroom.statements.v1")

    @property
    def deadletter(self) -> str:
        return self._name("newsroom.deadletter.v1")

    @property
    def alerts(self) -> str:
        """Derived: an event whenever a count cell changes (streams/schemas/alert.schema.json)."""
        return self._name("newsroom.alerts.v1")

    @property
    def tallies(self) -> str:
        """Internal: tally updates keyed by tally key, so one partition owns each count cell."""
        return self._name("newsroom.internal.tallies")


class _Defaults:
    """A dataclass's field defaults by attribute (with slots, the class holds none)."""

    def __init__(self, instance: object) -> None:
        self._values = {f.name: f.default for f in fields(instance)}  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return self._values[name]


@dataclass(frozen=True, slots=True)
class Settings:
    bootstrap: str = "127.0.0.1:9092"
    app_id: str = "newsroom"
    topics: Topics = field(default_factory=Topics)
    partitions: int = 4
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_headline_bytes: int = DEFAULT_MAX_HEADLINE_BYTES
    max_standfirst_bytes: int = DEFAULT_MAX_STANDFIRST_BYTES
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    broker_profile: str = AUTO  # auto: detected from the broker (streams.kafka.broker.detect_profile)
    session_timeout: float | None = None  # None: the broker profile's
    replication_factor: int = 1  # of every topic the app creates, changelogs included
    min_insync_replicas: int = 1
    data_dir: Path = field(default_factory=default_data_dir)  # logs and local state (faust's tables, replay logs)
    # Where the ledger and the owned count cells live: "rocksdb://", on disk per worker under data_dir, restored from
    # the changelogs' tail at a start (streams.agents.table_store); "memory://", read again from the beginning.
    store: str = "rocksdb://"
    # Where the whole view lives: "sqlite", a store file per worker under data_dir (streams.store); "memory", the
    # in-memory fold read again from the beginning at every start (the yardstick the store is measured against).
    view_store: str = "sqlite"
    batch_size: int = 128  # raw records taken at once (their offsets are acknowledged together)
    extract_batch_size: int = 16  # articles per extraction call: a batch is applied in runs of this many
    batch_seconds: float = 0.01  # how long a partial batch waits for more: at low rates, added to every latency
    fetch_max_wait_ms: int = 50
    # The whole view's fetches wait (up to fetch_max_wait_ms) for this much: while events stream in, one
    # fetch per few records cost the worker more than the fold itself.
    view_fetch_min_bytes: int = 64 * 1024
    # Processes that run extraction beside the event loop (streams.agents.offload); 0: on the event loop itself.
    extract_processes: int = 1
    # The dashboard's event streams (streams.view.live): at most this many open at once (503 beyond), and one
    # snapshot computed at most this often however fast the view changes (a burst costs one computation).
    max_event_streams: int = 256
    snapshot_interval_ms: int = 1000
    # Seconds a connection has to send a whole request head (and an idle keep-alive connection stays open).
    web_header_timeout: float = 5.0
    # Seconds one article's extraction may take before it is dead-lettered with that reason (0: no limit): what
    # one slow article can hold up the others of its batch, other partitions' included.
    extract_budget_seconds: float = 20.0

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        d = cls()
        values: dict[str, object] = {
            "bootstrap": os.environ.get("KAFKA_BOOTSTRAP", d.bootstrap),
            "app_id": os.environ.get("NEWSROOM_APP_ID", d.app_id),
            "topics": Topics(os.environ.get("NEWSROOM_TOPIC_PREFIX", "")),
            "partitions": _int("NEWSROOM_PARTITIONS", d.partitions),
            "max_body_bytes": _int("NEWSROOM_MAX_BODY_BYTES", d.max_body_bytes),
            "max_headline_bytes": _int("NEWSROOM_MAX_HEADLINE_BYTES", d.max_headline_bytes),
            "max_standfirst_bytes": _int("NEWSROOM_MAX_STANDFIRST_BYTES", d.max_standfirst_bytes),
            "web_host": os.environ.get("NEWSROOM_WEB_HOST", d.web_host),
            "web_port": _int("NEWSROOM_WEB_PORT", d.web_port),
            "data_dir": Path(os.environ[ENV_DATA_DIR]).expanduser() if os.environ.get(ENV_DATA_DIR) else d.data_dir,
            "store": os.environ.get("NEWSROOM_STORE", d.store),
            "view_store": os.environ.get("NEWSROOM_VIEW_STORE") or d.view_store,
            "batch_size": _int("NEWSROOM_BATCH_SIZE", d.batch_size),
            "extract_batch_size": _int("NEWSROOM_EXTRACT_BATCH_SIZE", d.extract_batch_size),
            "batch_seconds": _or(_seconds("NEWSROOM_BATCH_SECONDS"), d.batch_seconds),
            "fetch_max_wait_ms": _int("NEWSROOM_FETCH_MAX_WAIT_MS", d.fetch_max_wait_ms),
            "view_fetch_min_bytes": _int("NEWSROOM_VIEW_FETCH_MIN_BYTES", d.view_fetch_min_bytes),
            "extract_processes": _int("NEWSROOM_EXTRACT_PROCESSES", d.extract_processes),
            "max_event_streams": _int("NEWSROOM_MAX_EVENT_STREAMS", d.max_event_streams),
            "snapshot_interval_ms": _int("NEWSROOM_SNAPSHOT_INTERVAL_MS", d.snapshot_interval_ms),
            "web_header_timeout": _or(_seconds("NEWSROOM_WEB_HEADER_TIMEOUT"), d.web_header_timeout),
            "extract_budget_seconds": _or(_seconds("NEWSROOM_EXTRACT_BUDGET_SECONDS"), d.extract_budget_seconds),
            "broker_profile": os.environ.get("NEWSROOM_BROKER_PROFILE") or d.broker_profile,
            "session_timeout": _seconds("NEWSROOM_SESSION_TIMEOUT"),
            "replication_factor": _int("NEWSROOM_REPLICATION_FACTOR", d.replication_factor),
            "min_insync_replicas": _int("NEWSROOM_MIN_INSYNC_REPLICAS", d.min_insync_replicas),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        """Every value checked where it is read, so each command fails on a bad setting before it starts anything."""
        d = _Defaults(self)
        if not _is_bootstrap(self.bootstrap):
            raise BadSetting("KAFKA_BOOTSTRAP", self.bootstrap, "host:port[,host:port...] with ports from 1 to 65535",
                             d.bootstrap)
        if self.view_store not in VIEW_STORES:
            raise BadSetting("NEWSROOM_VIEW_STORE", self.view_store, " or ".join(VIEW_STORES), d.view_store)
        if self.store not in TABLE_STORES:
            raise BadSetting("NEWSROOM_STORE", self.store, " or ".join(TABLE_STORES), d.store)
        if self.broker_profile not in (AUTO, *PROFILES):
            raise BadSetting("NEWSROOM_BROKER_PROFILE", self.broker_profile, "auto, tansu or kafka", AUTO)
        at_least_one = {"NEWSROOM_PARTITIONS": (self.partitions, d.partitions),
                        "NEWSROOM_MAX_BODY_BYTES": (self.max_body_bytes, d.max_body_bytes),
                        "NEWSROOM_MAX_HEADLINE_BYTES": (self.max_headline_bytes, d.max_headline_bytes),
                        "NEWSROOM_MAX_STANDFIRST_BYTES": (self.max_standfirst_bytes, d.max_standfirst_bytes),
                        "NEWSROOM_BATCH_SIZE": (self.batch_size, d.batch_size),
                        "NEWSROOM_EXTRACT_BATCH_SIZE": (self.extract_batch_size, d.extract_batch_size),
                        "NEWSROOM_REPLICATION_FACTOR": (self.replication_factor, d.replication_factor)}
        for name, (value, default) in at_least_one.items():
            if value < 1:
                raise BadSetting(name, value, "a whole number, 1 or more", default)
        if not 1 <= self.web_port <= 65535:
            raise BadSetting("NEWSROOM_WEB_PORT", self.web_port, "a port number from 1 to 65535", d.web_port)
        if self.extract_processes < 0:
            raise BadSetting("NEWSROOM_EXTRACT_PROCESSES", self.extract_processes, "0 or more", d.extract_processes)
        if self.extract_budget_seconds < 0:
            raise BadSetting("NEWSROOM_EXTRACT_BUDGET_SECONDS", self.extract_budget_seconds,
                             "a number of seconds, 0 (no limit) or more", d.extract_budget_seconds)
        for name, (value, default) in {"NEWSROOM_MAX_EVENT_STREAMS": (self.max_event_streams, d.max_event_streams),
                                       "NEWSROOM_SNAPSHOT_INTERVAL_MS": (self.snapshot_interval_ms,
                                                                         d.snapshot_interval_ms)}.items():
            if value < 0:
                raise BadSetting(name, value, "a whole number, 0 or more", default)
        for name, (seconds, default) in {"NEWSROOM_WEB_HEADER_TIMEOUT": (self.web_header_timeout, d.web_header_timeout),
                                         "NEWSROOM_BATCH_SECONDS": (self.batch_seconds, d.batch_seconds)}.items():
            if seconds <= 0:
                raise BadSetting(name, seconds, "a number of seconds above 0", default)
        if not 1 <= self.min_insync_replicas <= self.replication_factor:
            raise BadSetting("NEWSROOM_MIN_INSYNC_REPLICAS", self.min_insync_replicas,
                             f"a whole number from 1 to NEWSROOM_REPLICATION_FACTOR ({self.replication_factor})",
                             d.min_insync_replicas)

    def data_path(self, name: str) -> Path:
        """A file or folder of this user's under the data directory, which is created (private to them) if missing;
        :class:`DataDirUnusable` when it cannot be (a file in the way, no permission), naming the setting."""
        try:
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not os.access(self.data_dir, os.W_OK | os.X_OK):
                raise PermissionError(f"{self.data_dir} is not writable")
        except OSError as error:
            raise DataDirUnusable(f"{ENV_DATA_DIR}: the data directory {self.data_dir} is unusable: {error}") from None
        return self.data_dir / name

    def view_store_path(self) -> Path:
        """This worker's view store: a folder per app id and web port, so that two workers of one machine sharing
        the data directory (which cannot share a port) never share a store."""
        return self.data_path("views") / f"{self.app_id}-{self.web_port}" / "view.sqlite3"

    def table_store_path(self) -> Path:
        """This worker's faust data directory (its tables' RocksDB stores), per app id and web port like the view
        store: RocksDB locks a store for one process, so two workers of one machine must not share one."""
        tables = self.data_path("tables")
        tables.mkdir(mode=0o700, exist_ok=True)  # faust makes its data directory, but not the folders above it
        return tables / f"{self.app_id}-{self.web_port}"

    @property
    def limits(self) -> Limits:
        """The largest text fields a raw article may carry (larger: dead-lettered)."""
        return Limits(body_bytes=self.max_body_bytes, headline_bytes=self.max_headline_bytes,
                      standfirst_bytes=self.max_standfirst_bytes)

    def topic_config(self) -> dict[str, str]:
        """Broker config of every topic the app creates: acks=all writes need this many replicas in sync."""
        return {"min.insync.replicas": str(self.min_insync_replicas)}

    def deadletter_config(self) -> dict[str, str]:
        """The dead-letter topic's: room for any raw record with its error headers."""
        return {**self.topic_config(), "max.message.bytes": str(MAX_RECORD_BYTES)}
