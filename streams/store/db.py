"""Opening a worker's view store: its file, its lock, its schema, and what happens when it is lost or corrupt.

SQLite in WAL mode (the standard library's ``sqlite3``, no new dependency): one file,
transactions that make "what was applied" and "the offsets it came from" one atomic
write, B-tree indexes for the API's queries, and a journal that survives a crash at any
point. ``synchronous=NORMAL`` in WAL mode may lose the last commits on a power cut but
never corrupts the file; the lost commits' offsets are lost with them, so those records
are read again. The page cache is bounded (``CACHE_KIB``): memory does not grow with
the file.

A store that cannot be read (not a database, a damaged page, another schema, another
cluster's topics) is moved aside and a fresh one is folded from the topics: the store
is a cache of the topics, never the source of truth.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import structlog

from streams.errors import StoreBusy

log = structlog.get_logger(__name__)

SCHEMA_VERSION = "3"  # another version: the store is rebuilt from the topics
CACHE_KIB = 32 * 1024  # SQLite's page cache: the store's bounded share of the worker's memory
WAL_LIMIT_BYTES = 64 * 1024 * 1024

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- the last record applied per partition, with its fingerprint (timestamp, CRC of key and value): a restart checks
-- that the topic still holds that record there, or the store was folded from another broker's topic of this name
CREATE TABLE IF NOT EXISTS offsets (topic TEXT NOT NULL, part INTEGER NOT NULL, applied INTEGER NOT NULL,
    stamp INTEGER NOT NULL, crc INTEGER NOT NULL, PRIMARY KEY (topic, part)) WITHOUT ROWID;

-- live incidents: the latest upsert per id, in the order and with the filters of /api/incidents
CREATE TABLE IF NOT EXISTS incidents (id TEXT PRIMARY KEY, kind TEXT NOT NULL, country TEXT NOT NULL,
    sort_when TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS incidents_latest ON incidents (sort_when, version, id);
CREATE INDEX IF NOT EXISTS incidents_kind ON incidents (kind, sort_when, version, id);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents (country, sort_when, version, id);
CREATE INDEX IF NOT EXISTS incidents_cell ON incidents (kind, country, sort_when, version, id);
CREATE TABLE IF NOT EXISTS incident_totals (kind TEXT NOT NULL, country TEXT NOT NULL, year TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY (kind, country, year)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS incident_in AFTER INSERT ON incidents BEGIN
    INSERT INTO incident_totals VALUES (new.kind, new.country, substr(new.sort_when, 1, 4), 1)
    ON CONFLICT DO UPDATE SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS incident_out AFTER DELETE ON incidents BEGIN
    UPDATE incident_totals SET n = n - 1
    WHERE kind = old.kind AND country = old.country AND year = substr(old.sort_when, 1, 4); END;
CREATE TRIGGER IF NOT EXISTS incident_moved AFTER UPDATE ON incidents BEGIN
    UPDATE incident_totals SET n = n - 1
    WHERE kind = old.kind AND country = old.country AND year = substr(old.sort_when, 1, 4);
    INSERT INTO incident_totals VALUES (new.kind, new.country, substr(new.sort_when, 1, 4), 1)
    ON CONFLICT DO UPDATE SET n = n + 1; END;

-- live statements, with /api/statements' filters (case-folded speaker and organisation)
CREATE TABLE IF NOT EXISTS statements (id TEXT PRIMARY KEY, speaker TEXT NOT NULL, organization TEXT NOT NULL,
    sort_when TEXT NOT NULL, version INTEGER NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statements_latest ON statements (sort_when, version, id);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker, sort_when, version, id);
CREATE INDEX IF NOT EXISTS statements_organization ON statements (organization, sort_when, version, id);
CREATE TABLE IF NOT EXISTS statement_totals (speaker TEXT NOT NULL, organization TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (speaker, organization)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_totals_organization ON statement_totals (organization);
CREATE TRIGGER IF NOT EXISTS statement_in AFTER INSERT ON statements BEGIN
    INSERT INTO statement_totals VALUES (new.speaker, new.organization, 1) ON CONFLICT DO UPDATE SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS statement_out AFTER DELETE ON statements BEGIN
    UPDATE statement_totals SET n = n - 1 WHERE speaker = old.speaker AND organization = old.organization; END;
CREATE TRIGGER IF NOT EXISTS statement_moved AFTER UPDATE ON statements BEGIN
    UPDATE statement_totals SET n = n - 1 WHERE speaker = old.speaker AND organization = old.organization;
    INSERT INTO statement_totals VALUES (new.speaker, new.organization, 1) ON CONFLICT DO UPDATE SET n = n + 1; END;

-- count cells: their live members (streams.model.counting), and per cell its count, monthly buckets and drill-down
-- (its incidents as the API answers them), computed again only when a member changed (dirty)
CREATE TABLE IF NOT EXISTS members (cell TEXT NOT NULL, member TEXT NOT NULL, value TEXT NOT NULL,
    offset INTEGER NOT NULL, report BLOB, PRIMARY KEY (cell, member)) WITHOUT ROWID;
-- (and, for an incident cell, the publication time from which its as-of timeline is to be counted again: asof_from)
CREATE TABLE IF NOT EXISTS cells (cell TEXT PRIMARY KEY, grp TEXT NOT NULL, kind TEXT, country TEXT, year TEXT,
    count INTEGER NOT NULL DEFAULT 0, series BLOB, incidents BLOB, dirty INTEGER NOT NULL DEFAULT 1,
    asof_from INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cells_dirty ON cells (dirty) WHERE dirty;
CREATE INDEX IF NOT EXISTS cells_asof ON cells (asof_from) WHERE asof_from IS NOT NULL;
CREATE INDEX IF NOT EXISTS cells_kind ON cells (kind, country);

-- the as-of history of incident cells (streams.model.asof): one entry per member and article version
CREATE TABLE IF NOT EXISTS history (cell TEXT NOT NULL, member TEXT NOT NULL, version INTEGER NOT NULL,
    offset INTEGER NOT NULL, at_us INTEGER NOT NULL, op TEXT NOT NULL, value TEXT NOT NULL, article_id TEXT,
    location TEXT, PRIMARY KEY (cell, member, version)) WITHOUT ROWID;
-- a change of the history marks its cell's as-of timeline to be counted again from the earliest publication time it
-- touched (its own, or the one it replaced); a re-read older record changes no row, so it marks nothing
CREATE TRIGGER IF NOT EXISTS history_in AFTER INSERT ON history BEGIN
    UPDATE cells SET asof_from = min(coalesce(asof_from, new.at_us), new.at_us) WHERE cell = new.cell; END;
CREATE TRIGGER IF NOT EXISTS history_changed AFTER UPDATE ON history BEGIN
    UPDATE cells SET asof_from = min(coalesce(asof_from, new.at_us), new.at_us, old.at_us) WHERE cell = new.cell; END;
-- the as-of timeline of incident cells (streams.model.asof.count_steps): a cell's count from each publication time
-- at which it changed; the count as of T is the cell's latest entry at or before T, one index seek per cell
CREATE TABLE IF NOT EXISTS asof_counts (cell TEXT NOT NULL, at_us INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (cell, at_us)) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class Identity:
    """What a store was folded from: a store of other topics is not this worker's (one of another broker's topics of
    the same names is told by the records themselves: :mod:`streams.store.follow`)."""

    topics: tuple[str, ...]

    def rows(self) -> dict[str, str]:
        return {"schema": SCHEMA_VERSION, "topics": ",".join(self.topics)}


class Unusable(Exception):
    """Why an existing store file cannot be used as it is (it is then moved aside and rebuilt)."""


def lock(folder: Path, what: str = "the view store") -> IO[str]:
    """Hold the store's folder for this process; :class:`StoreBusy` (naming ``what``) when another process holds it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle = open(folder / "lock", "a+")  # noqa: SIM115 - held for the life of the store
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreBusy(f"{what} in {folder} is in use by {holder}") from None
    handle.truncate(0)
    handle.write(f"process {os.getpid()}\n")
    handle.flush()
    return handle


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")  # a large fold's WAL is cut back after it
    connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    connection.execute("PRAGMA temp_store=MEMORY")
    return connection


def _check(connection: sqlite3.Connection, identity: Identity) -> None:
    """Raise :class:`Unusable` unless the file is a store of this schema folded from these topics."""
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return  # a new file
        if "meta" not in tables:
            raise Unusable("no meta table: not a newsroom view store")
        stored = dict(connection.execute("SELECT name, value FROM meta").fetchall())
        connection.execute("SELECT count(*) FROM offsets").fetchone()
    except sqlite3.DatabaseError as error:
        raise Unusable(f"unreadable: {error}") from None
    if stored != identity.rows():
        raise Unusable(f"folded from something else: {stored} (now {identity.rows()})")


def _set_aside(path: Path, reason: str) -> None:
    """Keep a damaged store for inspection beside the new one, instead of deleting evidence."""
    suffix = f".unusable-{int(time.time())}"
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if part.exists():
            part.replace(part.with_name(part.name + suffix))
    log.warning("the view store is unusable: rebuilding it from the topics", path=str(path), reason=reason)


def open_store(path: Path, identity: Identity) -> sqlite3.Connection:
    """The store at ``path``, created if missing, rebuilt empty if unusable (the fold then reads the topics again)."""
    connection: sqlite3.Connection | None = None
    try:
        connection = _connect(path)
        _check(connection, identity)
    except (sqlite3.DatabaseError, Unusable) as error:
        if connection is not None:
            connection.close()
        _set_aside(path, str(error))
        connection = _connect(path)
    connection.executescript(SCHEMA)
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", identity.rows().items())
    return connection


def reset(connection: sqlite3.Connection, path: Path, identity: Identity, reason: str) -> sqlite3.Connection:
    """A fresh, empty store in place of one found damaged while in use."""
    connection.close()
    _set_aside(path, reason)
    return open_store(path, identity)
