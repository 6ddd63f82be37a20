"""The tables' partition stores on disk, checked before faust opens them (streams.agents.table_store): kept when the
changelog still holds what they say they hold, set aside (and so rebuilt from the changelog) when they cannot be read,
are ahead of the changelog, or hold another value than it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.agents.declarations import Declarations, faust_app
from streams.agents.table_store import check_local_state
from streams.config import KAFKA, Settings
from streams.errors import BadSetting, StoreBusy
from streams.store.db import lock

pytestmark = pytest.mark.integration


def ledger(settings: Settings) -> Any:
    app = faust_app(settings, KAFKA)
    return Declarations.declare(app, settings).articles


def write_store(table: Any, partition: int, items: dict[bytes, bytes]) -> Path:
    """A partition store as faust leaves it: its items and the last changelog offset it holds."""
    path = table.data.partition_path(partition)
    db = table.data.rocksdb_options.open(path)
    for key, value in items.items():
        db.put(key, value)
    db.close()
    return path


def aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.unusable-*"))


async def test_a_store_of_garbage_files_is_set_aside_and_not_opened_again(tmp_path: Path) -> None:
    settings = Settings(bootstrap="127.0.0.1:9", app_id="garbage", data_dir=tmp_path)  # no broker is asked
    table = ledger(settings)
    path = table.data.partition_path(2)
    path.mkdir(parents=True)
    (path / "CURRENT").write_text("not a manifest\n")
    (path / "MANIFEST-000001").write_bytes(b"\x00garbage")
    checked = await check_local_state(settings, [table])
    assert checked.set_aside == [f"{table.changelog_topic.get_topic_name()}:2"]
    assert not path.exists() and len(aside(path)) == 1


async def test_stores_are_kept_when_the_changelog_holds_their_last_record_and_set_aside_otherwise(
        settings: Settings, tmp_path: Path) -> None:
    settings = dataclasses.replace(settings, data_dir=tmp_path, partitions=6)
    table = ledger(settings)
    changelog = table.changelog_topic.get_topic_name()
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(changelog, num_partitions=settings.partitions, replication_factor=1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap)
    await producer.start()
    try:
        for partition in (0, 1):
            await producer.send_and_wait(changelog, key=b'"a1"', value=b'"state one"', partition=partition)
    finally:
        await producer.stop()
    offset_key = table.data.offset_key
    same = write_store(table, 0, {b'"a1"': b'"state one"', offset_key: b"0"})
    other = write_store(table, 1, {b'"a1"': b'"another broker\'s state"', offset_key: b"0"})
    ahead = write_store(table, 2, {b'"a2"': b'"state"', offset_key: b"41"})
    fresh = write_store(table, 3, {})  # nothing recorded: faust reads the changelog from the beginning
    unknown = write_store(table, 4, {b'"a3"': b'"state"'})  # entries, but no offset: from where?
    (unknown.parent / f"{unknown.name}.unusable-1").mkdir()  # set aside at an earlier start

    checked = await check_local_state(settings, [table])

    assert checked.resumed == {changelog: {0: 0}}
    assert sorted(checked.set_aside) == [f"{changelog}:1", f"{changelog}:2", f"{changelog}:4"]
    assert same.exists() and fresh.exists() and not aside(same)
    assert not other.exists() and len(aside(other)) == 1
    assert not ahead.exists() and len(aside(ahead)) == 1
    assert not unknown.exists() and len(aside(unknown)) == 1  # only the latest copy is kept


def test_the_table_store_is_a_setting_checked_at_start_and_a_folder_per_worker(tmp_path: Path) -> None:
    with pytest.raises(BadSetting, match="NEWSROOM_STORE"):
        Settings(store="rocksdb:/")
    assert Settings(store="memory://").store == "memory://"
    assert Settings().store == "rocksdb://"
    one, two = (Settings(data_dir=tmp_path, web_port=port) for port in (6066, 6067))
    assert one.table_store_path() != two.table_store_path()  # RocksDB locks a store for one process


def test_a_second_worker_on_the_same_table_stores_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    held = lock(settings.table_store_path(), "the table stores")
    try:
        with pytest.raises(StoreBusy, match=f"the table stores in {settings.table_store_path()} is in use by process"):
            lock(settings.table_store_path(), "the table stores")
    finally:
        held.close()


def test_the_in_memory_store_is_still_a_choice_and_its_app_can_make_its_data_directory(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, store="memory://")
    app = faust_app(settings, KAFKA)
    app.conf.datadir.mkdir(exist_ok=True)  # what faust's worker does at its start
    assert app.conf.datadir == settings.table_store_path()
    assert type(Declarations.declare(app, settings).articles.data).__module__ == "faust.stores.memory"
